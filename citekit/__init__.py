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
from citekit.readers import read  # light: each format's parser is imported when it is used
from citekit.readers.errors import ReadError, ReadResult, ReadWarning
from citekit.layout import format_bibliography_document
from citekit.records import (
    Book,
    BookChapter,
    ConferencePaper,
    Date,
    GenericRecord,
    JournalArticle,
    NewspaperArticle,
    Person,
    Record,
    Report,
    Thesis,
    WebPage,
    from_csl,
)
from citekit.styles import ProfileError
from citekit.writers import write


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


def __getattr__(name: str) -> object:
    # Document loads the processor; importing it lazily keeps `import citekit` light.
    if name == "Document":
        from citekit.document import Document

        return Document
    if name == "__version__":
        # Reading the installed metadata costs more than the rest of the import: only when asked.
        return _version()
    raise AttributeError(f"module 'citekit' has no attribute {name!r}")
