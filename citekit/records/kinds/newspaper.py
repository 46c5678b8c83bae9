"""NewspaperArticle: an article in a newspaper (print or online)."""

from __future__ import annotations

from typing import ClassVar

import attrs

from citekit.records._naming import named_fields
from citekit.records.base import Record
from citekit.records.fields import to_number, to_text


@attrs.frozen(kw_only=True, field_transformer=named_fields)
class NewspaperArticle(Record):
    """An article in a newspaper (print or online): CSL ``article-newspaper``."""

    CSL_TYPE: ClassVar[str] = "article-newspaper"

    container_title: str | None = attrs.field(default=None, converter=to_text)
    section: str | None = attrs.field(default=None, converter=to_text)
    issue: str | int | None = attrs.field(default=None, converter=to_number)
