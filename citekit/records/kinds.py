"""The record types: one attrs class per kind of work, each with the typed fields that kind has.

All fields are keyword-only and optional (a reference can be incomplete, and styles cope); what each field
is in CSL-JSON is in :mod:`citekit.records.csljson`.  CSL variables a kind has no field for are kept in
``extra``.
"""

from __future__ import annotations

from typing import ClassVar

import attrs

from citekit.errors import RecordError
from citekit.records._naming import named_fields
from citekit.records.base import Record
from citekit.records.dates import Date, to_date
from citekit.records.fields import to_count, to_csl_type, to_isbn, to_number, to_people, to_text
from citekit.records.names import Person
from citekit.records.vocabulary import CSL_TYPES

@attrs.frozen(kw_only=True, field_transformer=named_fields)
class BookChapter(Record):
    """A chapter (or other part) of an edited book: CSL ``chapter``.

    Beyond the common fields: the book (``container_title``, its short form, its own authors and the series
    editors), the chapter number, the online publication date (``available_date``; ``issued`` is the print
    date), the e-book ISBN (``isbn_electronic``; ``isbn`` is the print one) and the publisher's word count.
    CSL has no variable for the last two; :mod:`citekit.records.csljson` keeps them as ``citekit:`` keys.
    """

    CSL_TYPE: ClassVar[str] = "chapter"

    container_title: str | None = attrs.field(default=None, converter=to_text)
    container_title_short: str | None = attrs.field(default=None, converter=to_text)
    container_author: tuple[Person, ...] = attrs.field(default=(), converter=to_people)
    collection_editor: tuple[Person, ...] = attrs.field(default=(), converter=to_people)
    chapter_number: str | int | None = attrs.field(default=None, converter=to_number)
    available_date: Date | None = attrs.field(default=None, converter=to_date)
    isbn_electronic: str | None = attrs.field(default=None, converter=to_isbn)
    word_count: int | None = attrs.field(default=None, converter=to_count)


@attrs.frozen(kw_only=True, field_transformer=named_fields)
class Book(Record):
    """A whole book, authored or edited: CSL ``book``."""

    CSL_TYPE: ClassVar[str] = "book"

    number_of_pages: str | int | None = attrs.field(default=None, converter=to_number)
    available_date: Date | None = attrs.field(default=None, converter=to_date)
    isbn_electronic: str | None = attrs.field(default=None, converter=to_isbn)


@attrs.frozen(kw_only=True, field_transformer=named_fields)
class JournalArticle(Record):
    """An article in an academic journal: CSL ``article-journal``.  ``available_date`` is "online first"."""

    CSL_TYPE: ClassVar[str] = "article-journal"

    container_title: str | None = attrs.field(default=None, converter=to_text)
    container_title_short: str | None = attrs.field(default=None, converter=to_text)
    issue: str | int | None = attrs.field(default=None, converter=to_number)
    available_date: Date | None = attrs.field(default=None, converter=to_date)


@attrs.frozen(kw_only=True, field_transformer=named_fields)
class Report(Record):
    """A report or working paper: CSL ``report``.  ``number`` is the report number, ``genre`` its kind."""

    CSL_TYPE: ClassVar[str] = "report"

    genre: str | None = attrs.field(default=None, converter=to_text)
    number: str | int | None = attrs.field(default=None, converter=to_number)
    container_title: str | None = attrs.field(default=None, converter=to_text)


@attrs.frozen(kw_only=True, field_transformer=named_fields)
class Thesis(Record):
    """A thesis or dissertation: CSL ``thesis``.  ``publisher`` is the university, ``genre`` the degree."""

    CSL_TYPE: ClassVar[str] = "thesis"

    genre: str | None = attrs.field(default=None, converter=to_text)
    number_of_pages: str | int | None = attrs.field(default=None, converter=to_number)


WEB_TYPES = frozenset({"webpage", "post-weblog", "post"})


def _web_type(value: str) -> str:
    kind = to_csl_type(value)
    if kind not in WEB_TYPES:
        raise RecordError("", value, f"a WebPage is one of {', '.join(sorted(WEB_TYPES))}")
    return kind


@attrs.frozen(kw_only=True, field_transformer=named_fields)
class WebPage(Record):
    """A web page, blog post or social-media post.

    ``type`` keeps which of CSL's ``webpage``, ``post-weblog`` and ``post`` it is: styles format them
    differently, so the distinction must survive a round trip.  ``container_title`` is the site or blog.
    """

    CSL_TYPE: ClassVar[str] = "webpage"

    type: str = attrs.field(default="webpage", converter=_web_type)
    container_title: str | None = attrs.field(default=None, converter=to_text)

    @property
    def csl_type(self) -> str:
        return self.type


@attrs.frozen(kw_only=True, field_transformer=named_fields)
class ConferencePaper(Record):
    """A paper in conference proceedings (or given at a conference): CSL ``paper-conference``."""

    CSL_TYPE: ClassVar[str] = "paper-conference"

    container_title: str | None = attrs.field(default=None, converter=to_text)
    event_title: str | None = attrs.field(default=None, converter=to_text)
    event_place: str | None = attrs.field(default=None, converter=to_text)
    event_date: Date | None = attrs.field(default=None, converter=to_date)


@attrs.frozen(kw_only=True, field_transformer=named_fields)
class NewspaperArticle(Record):
    """An article in a newspaper (print or online): CSL ``article-newspaper``."""

    CSL_TYPE: ClassVar[str] = "article-newspaper"

    container_title: str | None = attrs.field(default=None, converter=to_text)
    section: str | None = attrs.field(default=None, converter=to_text)
    issue: str | int | None = attrs.field(default=None, converter=to_number)


DEDICATED: dict[str, type[Record]] = {
    cls.CSL_TYPE: cls
    for cls in (BookChapter, Book, JournalArticle, Report, Thesis, ConferencePaper, NewspaperArticle)
}
DEDICATED.update(dict.fromkeys(WEB_TYPES, WebPage))


def _generic_type(value: str) -> str:
    kind = to_csl_type(value)
    if kind in DEDICATED:
        raise RecordError("", value, f"use {DEDICATED[kind].__name__} for CSL type {kind!r}")
    if kind not in CSL_TYPES:
        raise RecordError("", value, "not a CSL 1.0.2 item type")
    return kind


@attrs.frozen(kw_only=True, field_transformer=named_fields)
class GenericRecord(Record):
    """Any other CSL item type (``article-magazine``, ``dataset``, ``software``...).

    It has the common fields; every other variable of the item is in ``extra``.
    """

    type: str = attrs.field(converter=_generic_type)

    @property
    def csl_type(self) -> str:
        return self.type
