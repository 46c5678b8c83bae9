"""Data files shipped inside citekit's packages (style profiles, the casing lexicon).

``importlib.resources`` costs about 8 ms to import (it brings tempfile, shutil, zipfile and the compression
modules), a twentieth of citekit's cold start, to answer what a path beside the module answers for any install
that is a folder on disk.  It is imported only for a package that is not one (a zipped install).
"""

from __future__ import annotations

import sys
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    if sys.version_info >= (3, 11):
        from importlib.resources.abc import Traversable
    else:
        from importlib.abc import Traversable


def resource(package: str, name: str) -> Traversable:
    """``name`` (a file or folder) inside ``package``; it may not exist."""
    spec = import_module(package).__spec__
    for location in (spec.submodule_search_locations or []) if spec is not None else []:
        folder = Path(location)
        if folder.is_dir():
            return folder / name
    from importlib import resources

    return resources.files(package).joinpath(name)
