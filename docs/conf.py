"""Sphinx configuration of citekit's documentation.

Build it strictly (every warning an error), as CI does through ``tests/test_docs_build.py``::

    .venv/bin/sphinx-build -W --keep-going -b html docs docs/_build/html

The pages are Markdown (MyST); the API reference comes from the docstrings (autodoc), which are reStructuredText
with Sphinx roles; ``_ext/citekit_docs.py`` builds the tables that must not drift from the code and the tests.
"""

from __future__ import annotations

import sys
from pathlib import Path

DOCS = Path(__file__).resolve().parent
sys.path.insert(0, str(DOCS / "_ext"))
# The checkout's citekit, when the docs are built from a checkout without installing it.
sys.path.insert(0, str(DOCS.parent))

project = "citekit"
author = "citekit developers"
copyright = "citekit developers"

extensions = ["myst_parser", "sphinx.ext.autodoc", "citekit_docs"]
source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "README.md"]

# Headings get anchors, so pages can link to "cli.md#exit-status".
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_typehints_format = "short"
autodoc_default_options = {"members": True, "show-inheritance": False}

html_theme = "alabaster"
html_title = "citekit"
html_theme_options = {"description": "Citations as the manuals give them", "page_width": "1100px"}
html_static_path: list[str] = []
smartquotes = False  # a citation library shows quotes exactly: straight ones in data stay straight
