"""Typed, validated bibliographic records, and their conversion to and from CSL-JSON.

Build a record in Python (``BookChapter(author=["Farr, Michelle"], issued="November 2011", ...)``) or from
a CSL-JSON item (:func:`from_csl`); either way every value is checked and normalised on construction, and
``record.to_csl()`` gives the CSL-JSON item back.  Bad input raises :class:`citekit.errors.RecordError`.
"""

from __future__ import annotations

from citekit.records.base import Record
from citekit.records.csljson import from_csl, to_csl
from citekit.records.dates import Date
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
from citekit.records.names import Person

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
