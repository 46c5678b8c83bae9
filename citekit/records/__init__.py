"""Typed, validated bibliographic records, and their conversion to and from CSL-JSON.

Build a record in Python (``BookChapter(author=["Farr, Michelle"], issued="November 2011", ...)``) or from
a CSL-JSON item (:func:`from_csl`); either way every value is checked and normalised on construction, and
``record.to_csl()`` gives the CSL-JSON item back.  Bad input raises :class:`citekit.errors.RecordError`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from citekit.records import kinds
from citekit.records.base import Record
from citekit.records.csljson import from_csl, to_csl
from citekit.records.dates import Date
from citekit.records.names import Person

if TYPE_CHECKING:
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

__all__ = [
    "Book",
    "BookChapter",
    "ConferencePaper",
    "Date",
    "GenericRecord",
    "JournalArticle",
    "NewspaperArticle",
    "Person",
    "Record",
    "Report",
    "Thesis",
    "WebPage",
    "from_csl",
    "to_csl",
]


def __getattr__(name: str) -> object:
    # The record kinds are built on first use (see citekit.records.kinds); `from citekit.records import Book`
    # works the same.
    if name in kinds.CLASS_MODULES:
        return getattr(kinds, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
