"""The record types: one attrs class per kind of work, each with the typed fields that kind has.

All fields are keyword-only and optional (a reference can be incomplete, and styles cope); what each field
is in CSL-JSON is in :mod:`citekit.records.csljson`.  CSL variables a kind has no field for are kept in
``extra``.

Each class lives in a module of its own and is imported on first use (``citekit.records.kinds.BookChapter``,
or :func:`record_class`): attrs compiles a class's methods when it is built, 1 to 3 ms a kind, and a program
that formats chapters need not build the other eight.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from citekit.records.base import Record
    from citekit.records.kinds.book import Book
    from citekit.records.kinds.chapter import BookChapter
    from citekit.records.kinds.conference import ConferencePaper
    from citekit.records.kinds.generic import GenericRecord
    from citekit.records.kinds.journal import JournalArticle
    from citekit.records.kinds.newspaper import NewspaperArticle
    from citekit.records.kinds.report import Report
    from citekit.records.kinds.thesis import Thesis
    from citekit.records.kinds.web import WebPage

__all__ = [
    "CLASS_MODULES",
    "DEDICATED",
    "WEB_TYPES",
    "Book",
    "BookChapter",
    "ConferencePaper",
    "GenericRecord",
    "JournalArticle",
    "NewspaperArticle",
    "Report",
    "Thesis",
    "WebPage",
    "record_class",
]

WEB_TYPES = frozenset({"webpage", "post-weblog", "post"})
"""The CSL types a :class:`WebPage` can be."""

CLASS_MODULES = {
    "Book": "book",
    "BookChapter": "chapter",
    "ConferencePaper": "conference",
    "GenericRecord": "generic",
    "JournalArticle": "journal",
    "NewspaperArticle": "newspaper",
    "Report": "report",
    "Thesis": "thesis",
    "WebPage": "web",
}
"""Each record class -> the module of this package that defines it."""

DEDICATED: dict[str, str] = {
    "chapter": "BookChapter",
    "book": "Book",
    "article-journal": "JournalArticle",
    "report": "Report",
    "thesis": "Thesis",
    "paper-conference": "ConferencePaper",
    "article-newspaper": "NewspaperArticle",
    **dict.fromkeys(sorted(WEB_TYPES), "WebPage"),
}
"""CSL item type -> the name of the class that has it; every other type is a :class:`GenericRecord`."""


def record_class(csl_type: str) -> type[Record]:
    """The record class for a CSL item type; :class:`GenericRecord` for types without a class of their own."""
    name = DEDICATED.get(csl_type, "GenericRecord")
    kind: type[Record] = globals().get(name) or __getattr__(name)  # the dict first: from_csl calls this per item
    return kind


def __getattr__(name: str) -> type[Record]:
    if name not in CLASS_MODULES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    kind: type[Record] = getattr(importlib.import_module(f"{__name__}.{CLASS_MODULES[name]}"), name)
    globals()[name] = kind  # found directly from now on
    return kind
