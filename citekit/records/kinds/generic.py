"""GenericRecord: any CSL item type without a record class of its own."""

from __future__ import annotations

from typing import ClassVar

import attrs

from citekit.errors import RecordError
from citekit.records._naming import named_fields
from citekit.records.base import Record
from citekit.records.fields import to_csl_type
from citekit.records.kinds import DEDICATED
from citekit.records.vocabulary import CSL_TYPES


def _generic_type(value: str) -> str:
    kind = to_csl_type(value)
    if kind in DEDICATED:
        raise RecordError("", value, f"use {DEDICATED[kind]} for CSL type {kind!r}")
    if kind not in CSL_TYPES:
        raise RecordError("", value, "not a CSL 1.0.2 item type")
    return kind


@attrs.frozen(kw_only=True, field_transformer=named_fields)
class GenericRecord(Record):
    """Any other CSL item type (``article-magazine``, ``dataset``, ``software``...).

    It has the common fields; every other variable of the item is in ``extra``.
    """

    TYPE_IS_FIELD: ClassVar[bool] = True

    type: str = attrs.field(converter=_generic_type)

    @property
    def csl_type(self) -> str:
        return self.type
