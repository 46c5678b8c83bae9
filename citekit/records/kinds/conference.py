"""ConferencePaper: a paper in conference proceedings (or given at a conference)."""

from __future__ import annotations

from typing import ClassVar

import attrs

from citekit.records._naming import named_fields
from citekit.records.base import Record
from citekit.records.dates import Date, to_date
from citekit.records.fields import to_text


@attrs.frozen(kw_only=True, field_transformer=named_fields)
class ConferencePaper(Record):
    """A paper in conference proceedings (or given at a conference): CSL ``paper-conference``."""

    CSL_TYPE: ClassVar[str] = "paper-conference"

    container_title: str | None = attrs.field(default=None, converter=to_text)
    event_title: str | None = attrs.field(default=None, converter=to_text)
    event_place: str | None = attrs.field(default=None, converter=to_text)
    event_date: Date | None = attrs.field(default=None, converter=to_date)
