"""What every reader shares: collecting warnings, and turning a CSL-JSON item into a record without losing it.

Readers map their format to CSL-JSON items and hand them to :func:`build`, which validates them through
:func:`citekit.records.from_csl`, exactly as a hand-built item would be.  A value the records refuse (an ISBN
whose check digit is wrong, a DOI that is not one) is left out of the record and reported with the place it
came from, rather than losing the whole entry.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import attrs

from citekit.errors import RecordError
from citekit.readers.errors import ReadError, ReadWarning
from citekit.records import Record, from_csl
from citekit.records.vocabulary import CSL_TYPES


@attrs.define
class Reporter:
    """Collects the warnings of one read; with ``strict``, the first warning is raised as a ReadError."""

    source: str | None
    strict: bool = False
    warnings: list[ReadWarning] = attrs.field(factory=list)

    def warn(self, message: str, *, line: int | None = None, key: str | None = None, field: str | None = None) -> None:
        warning = ReadWarning(message, source=self.source, line=line, key=key, field=field)
        if self.strict:
            raise warning.to_error()
        self.warnings.append(warning)

    def error(
        self, message: str, *, line: int | None = None, key: str | None = None, field: str | None = None
    ) -> ReadError:
        return ReadError(message, source=self.source, line=line, key=key, field=field)


@attrs.frozen
class Origin:
    """Where one CSL variable of an item came from: the source's field name and its line."""

    field: str
    line: int | None = None


@attrs.define
class Item:
    """A CSL-JSON item being assembled: the first value given for a variable wins, and where it came from is kept."""

    fields: dict[str, Any] = attrs.field(factory=dict)
    origins: dict[str, Origin] = attrs.field(factory=dict)

    def put(self, variable: str, value: Any, field: str, line: int | None = None) -> None:
        if value not in (None, "", []) and variable not in self.fields:
            self.fields[variable] = value
            self.origins[variable] = Origin(field, line)


_HEAD = re.compile(r"^[^.\[]*")
_INDEX = re.compile(r"^[^.\[]*\[(\d+)\]")


def build(
    item: dict[str, Any],
    reporter: Reporter,
    *,
    key: str | None,
    line: int | None = None,
    origins: Mapping[str, Origin] | None = None,
) -> Record:
    """The record for ``item``; each refused value is dropped (one name, or one variable) and reported."""
    origins = origins or {}
    item = dict(item)
    if item.get("type") not in CSL_TYPES:
        raise reporter.error(f"internal: {item.get('type')!r} is not a CSL type", line=line, key=key)
    for _ in range(4 * len(item) + 4):
        try:
            return from_csl(item)
        except RecordError as error:
            variable = _HEAD.match(error.field).group(0)  # type: ignore[union-attr]  # the pattern always matches
            if variable in ("id", "type") or variable not in item:
                raise reporter.error(str(error), line=line, key=key) from None
            origin = origins.get(variable, Origin(variable, line))
            index = _INDEX.match(error.field)
            value = item[variable]
            if index and isinstance(value, list) and len(value) > 1 and int(index.group(1)) < len(value):
                dropped = value.pop(int(index.group(1)))
                reporter.warn(
                    f"{error.reason} (got {error.value!r}); name {dropped!r} left out",
                    line=origin.line,
                    key=key,
                    field=origin.field,
                )
                continue
            del item[variable]
            reporter.warn(
                f"{error.reason} (got {error.value!r}); left out of the record",
                line=origin.line,
                key=key,
                field=origin.field,
            )
    raise reporter.error("the entry could not be turned into a record", line=line, key=key)  # pragma: no cover


def split_title(title: str | None, subtitle: str | None) -> str | None:
    """"Title: Subtitle", as CSL wants one title; no colon after a title that ends in punctuation already."""
    if not subtitle:
        return title
    if not title:
        return subtitle
    joiner = " " if title.rstrip()[-1:] in "?!:.;" else ": "
    return title.rstrip() + joiner + subtitle.lstrip()


def identifier_kind(value: str) -> str | None:
    """"ISBN" or "ISSN" for a standard number field that may hold either (RIS ``SN``, BibTeX in the wild).

    By checksum and length, never by guessing from the entry type: 8 characters with a valid ISSN check
    character is an ISSN, 10 or 13 with a valid ISBN check digit an ISBN; None when it is neither.
    """
    from citekit.records.identifiers import normalise_isbn, normalise_issn

    for kind, check in (("ISSN", normalise_issn), ("ISBN", normalise_isbn)):
        try:
            check(value)
        except RecordError:
            continue
        return kind
    return None


__all__ = ["Item", "Origin", "Reporter", "build", "identifier_kind", "split_title"]
