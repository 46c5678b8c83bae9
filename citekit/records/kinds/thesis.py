"""Thesis: a thesis or dissertation."""

from __future__ import annotations

from typing import ClassVar

import attrs

from citekit.records._naming import named_fields
from citekit.records.base import Record
from citekit.records.fields import to_number, to_text


@attrs.frozen(kw_only=True, field_transformer=named_fields)
class Thesis(Record):
    """A thesis or dissertation: CSL ``thesis``.  ``publisher`` is the university, ``genre`` the degree."""

    CSL_TYPE: ClassVar[str] = "thesis"

    genre: str | None = attrs.field(default=None, converter=to_text)
    number_of_pages: str | int | None = attrs.field(default=None, converter=to_number)
