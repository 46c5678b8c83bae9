"""The fields every record has, and what every record can do.

:class:`Record` is the common base of the record types in :mod:`citekit.records.kinds`; it is not
instantiated itself.  Field names are Python-style (``container_title``, ``doi``, ``pages``); which CSL
variable each one is lives in :mod:`citekit.records.csljson`, the only module that knows CSL-JSON's spelling.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

import attrs

from citekit.records._naming import named_errors, named_fields
from citekit.records._variables import check_extra, to_csl
from citekit.records.dates import Date, to_date
from citekit.records.fields import (
    to_doi,
    to_extra,
    to_id,
    to_isbn,
    to_issn,
    to_keywords,
    to_number,
    to_pages,
    to_people,
    to_text,
    to_url,
)
from citekit.records.ids import derive_id
from citekit.records.names import Person
from citekit.records.pages import first_page


@named_errors
@attrs.frozen(kw_only=True, field_transformer=named_fields)
class Record:
    """Fields shared by every kind of record.  ``extra`` keeps any other CSL variable, so nothing is lost.

    ``id`` defaults to one derived from the first author (or editor, or translator), the year and the title
    (see :mod:`citekit.records.ids`).
    """

    CSL_TYPE: ClassVar[str] = ""
    # True for the kinds that hold their CSL type in a ``type`` field (WebPage, GenericRecord), as from_csl
    # must pass it on to them.
    TYPE_IS_FIELD: ClassVar[bool] = False

    id: str = attrs.field(default="", converter=to_id)
    title: str | None = attrs.field(default=None, converter=to_text)
    title_short: str | None = attrs.field(default=None, converter=to_text)
    author: tuple[Person, ...] = attrs.field(default=(), converter=to_people)
    editor: tuple[Person, ...] = attrs.field(default=(), converter=to_people)
    translator: tuple[Person, ...] = attrs.field(default=(), converter=to_people)
    issued: Date | None = attrs.field(default=None, converter=to_date)
    accessed: Date | None = attrs.field(default=None, converter=to_date)
    publisher: str | None = attrs.field(default=None, converter=to_text)
    publisher_place: str | None = attrs.field(default=None, converter=to_text)
    pages: str | None = attrs.field(default=None, converter=to_pages)
    doi: str | None = attrs.field(default=None, converter=to_doi)
    url: str | None = attrs.field(default=None, converter=to_url)
    isbn: str | None = attrs.field(default=None, converter=to_isbn)
    issn: str | None = attrs.field(default=None, converter=to_issn)
    language: str | None = attrs.field(default=None, converter=to_text)
    note: str | None = attrs.field(default=None, converter=to_text)
    abstract: str | None = attrs.field(default=None, converter=to_text)
    keywords: tuple[str, ...] = attrs.field(default=(), converter=to_keywords)
    edition: str | int | None = attrs.field(default=None, converter=to_number)
    volume: str | int | None = attrs.field(default=None, converter=to_number)
    number_of_volumes: str | int | None = attrs.field(default=None, converter=to_number)
    collection_title: str | None = attrs.field(default=None, converter=to_text)
    collection_number: str | int | None = attrs.field(default=None, converter=to_number)
    # Mappings are not hashable; records hash on their typed fields (equality still compares extra).
    extra: Mapping[str, Any] = attrs.field(factory=dict, converter=to_extra, hash=False)

    @classmethod
    def __attrs_init_subclass__(cls) -> None:
        # Every kind of record names the field of a converter's error, as Record does.
        named_errors(cls)

    def __attrs_post_init__(self) -> None:
        if type(self) is Record:
            raise TypeError("Record is the common base; build a BookChapter, Book, ..., or GenericRecord")
        if self.extra:  # most records have none, and then there is nothing to check
            check_extra(self)
        if not self.id:
            names = self.author or self.editor or self.translator
            object.__setattr__(self, "id", derive_id(names, self.issued, self.title))

    @property
    def csl_type(self) -> str:
        """The CSL item type (``"chapter"``, ``"article-journal"``...)."""
        return self.CSL_TYPE

    @property
    def first_page(self) -> str | None:
        """The first page of ``pages`` ("79" for "79-88"), e.g. for a citation's default locator."""
        return first_page(self.pages) if self.pages else None

    def to_csl(self) -> dict[str, Any]:
        """This record as a CSL-JSON item (see :func:`citekit.records.csljson.to_csl`)."""
        return to_csl(self)
