"""citekit: citations formatted exactly as the style manuals and citeproc-js give them.

>>> from citekit import format_citation
>>> format_citation(record, "apa")                      # doctest: +SKIP
>>> format_citation(record, "chicago", mode="citation")  # doctest: +SKIP

Importing citekit is light: the formatting engine is imported the first time something is formatted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from citekit.api import OptionError, format_bibliography, format_citation
from citekit.engines import EngineNotFoundError
from citekit.errors import CitekitError, CSLError, RecordError, StyleNotFoundError
from citekit.records import Date, Person, Record, from_csl
from citekit.records.kinds import CLASS_MODULES as _RECORD_CLASSES
from citekit.styles import ProfileError


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("citekit")
    except PackageNotFoundError:  # running from a checkout that was never installed
        return "0+unknown"

__all__ = [
    "Book",
    "Document",
    "BookChapter",
    "CSLError",
    "CitekitError",
    "ConferencePaper",
    "Date",
    "EngineNotFoundError",
    "GenericRecord",
    "JournalArticle",
    "NewspaperArticle",
    "OptionError",
    "Person",
    "ProfileError",
    "ReadError",
    "ReadResult",
    "ReadWarning",
    "Record",
    "RecordError",
    "Report",
    "StyleNotFoundError",
    "Thesis",
    "WebPage",
    "__version__",
    "format_bibliography",
    "format_bibliography_document",
    "format_citation",
    "from_csl",
    "read",
    "write",
]

if TYPE_CHECKING:
    from citekit.document import Document
    from citekit.records.kinds import (
        Book,
        BookChapter,
        ConferencePaper,
        GenericRecord,
        JournalArticle,
        NewspaperArticle,
        Report,
        Thesis,
        WebPage,
    )
    from citekit.layout import format_bibliography_document
    from citekit.readers import read
    from citekit.readers.errors import ReadError, ReadResult, ReadWarning
    from citekit.writers import write

# Public names whose modules a program that only formats never needs: imported on first access (the readers and
# writers bring json and their own tables, Document the processor, and each record kind its attrs class).
# `from citekit import read` works the same.
_LAZY = {
    "Document": "citekit.document",
    "format_bibliography_document": "citekit.layout",
    "read": "citekit.readers",
    "ReadError": "citekit.readers.errors",
    "ReadResult": "citekit.readers.errors",
    "ReadWarning": "citekit.readers.errors",
    "write": "citekit.writers",
    # The record kinds: each class is built on first use (see citekit.records.kinds).
    **dict.fromkeys(_RECORD_CLASSES, "citekit.records.kinds"),
}


def __getattr__(name: str) -> object:
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value  # found directly from now on
        return value
    if name == "__version__":
        # Reading the installed metadata costs more than the rest of the import: only when asked.
        return _version()
    raise AttributeError(f"module 'citekit' has no attribute {name!r}")
