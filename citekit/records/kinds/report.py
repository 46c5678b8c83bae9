"""Report: a report or working paper."""

from __future__ import annotations

from typing import ClassVar

import attrs

from citekit.records._naming import named_fields
from citekit.records.base import Record
from citekit.records.fields import to_number, to_text


@attrs.frozen(kw_only=True, field_transformer=named_fields)
class Report(Record):
    """A report or working paper: CSL ``report``.  ``number`` is the report number, ``genre`` its kind."""

    CSL_TYPE: ClassVar[str] = "report"

    genre: str | None = attrs.field(default=None, converter=to_text)
    number: str | int | None = attrs.field(default=None, converter=to_number)
    container_title: str | None = attrs.field(default=None, converter=to_text)
