"""WebPage: a web page, blog post or social-media post."""

from __future__ import annotations

from typing import ClassVar

import attrs

from citekit.errors import RecordError
from citekit.records._naming import named_fields
from citekit.records.base import Record
from citekit.records.fields import to_csl_type, to_text
from citekit.records.kinds import WEB_TYPES


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
    TYPE_IS_FIELD: ClassVar[bool] = True

    type: str = attrs.field(default="webpage", converter=_web_type)
    container_title: str | None = attrs.field(default=None, converter=to_text)

    @property
    def csl_type(self) -> str:
        return self.type
