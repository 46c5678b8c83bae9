"""BookChapter: a chapter (or other part) of an edited book."""

from __future__ import annotations

from typing import ClassVar

import attrs

from citekit.records._naming import named_fields
from citekit.records.base import Record
from citekit.records.dates import Date, to_date
from citekit.records.fields import to_count, to_isbn, to_number, to_people, to_text
from citekit.records.names import Person


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
