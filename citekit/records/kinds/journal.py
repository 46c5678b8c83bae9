"""JournalArticle: an article in an academic journal."""

from __future__ import annotations

from typing import ClassVar

import attrs

from citekit.records._naming import named_fields
from citekit.records.base import Record
from citekit.records.dates import Date, to_date
from citekit.records.fields import to_number, to_text


@attrs.frozen(kw_only=True, field_transformer=named_fields)
class JournalArticle(Record):
    """An article in an academic journal: CSL ``article-journal``.  ``available_date`` is "online first"."""

    CSL_TYPE: ClassVar[str] = "article-journal"

    container_title: str | None = attrs.field(default=None, converter=to_text)
    container_title_short: str | None = attrs.field(default=None, converter=to_text)
    issue: str | int | None = attrs.field(default=None, converter=to_number)
    available_date: Date | None = attrs.field(default=None, converter=to_date)
