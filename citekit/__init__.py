"""citekit: citations formatted exactly as the style manuals and citeproc-js give them.

>>> from citekit import format_citation
>>> format_citation(record, "apa")                      # doctest: +SKIP
>>> format_citation(record, "chicago", mode="citation")  # doctest: +SKIP

Importing citekit is light: the formatting engine is imported the first time something is formatted.
"""

from __future__ import annotations

from citekit.api import OptionError, format_bibliography, format_citation
from citekit.engines import EngineNotFoundError
from citekit.errors import CitekitError, CSLError, RecordError, StyleNotFoundError
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


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("citekit")
    except PackageNotFoundError:  # running from a checkout that was never installed
        return "0+unknown"


__version__ = _version()

__all__ = [
    "Book",
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
    "Record",
    "RecordError",
    "Report",
    "StyleNotFoundError",
    "Thesis",
    "WebPage",
    "__version__",
    "format_bibliography",
    "format_citation",
    "from_csl",
]
