"""Book: a whole book, authored or edited."""

from __future__ import annotations

from typing import ClassVar

import attrs

from citekit.records._naming import named_fields
from citekit.records.base import Record
from citekit.records.dates import Date, to_date
from citekit.records.fields import to_isbn, to_number


@attrs.frozen(kw_only=True, field_transformer=named_fields)
class Book(Record):
    """A whole book, authored or edited: CSL ``book``."""

    CSL_TYPE: ClassVar[str] = "book"

    number_of_pages: str | int | None = attrs.field(default=None, converter=to_number)
    available_date: Date | None = attrs.field(default=None, converter=to_date)
    isbn_electronic: str | None = attrs.field(default=None, converter=to_isbn)
