"""Which CSL variable each record field is, and the way from a record to CSL-JSON, which needs nothing more.

The rules are described in :mod:`citekit.records.csljson`, the public face of both directions.  This part lives
apart so that :mod:`citekit.records.base` can import it when it loads: ``csljson`` imports the record kinds, which
import ``base``, and an import statement run on every record (as ``check_extra`` and ``to_csl`` are) costs more
than the work they do.
"""

from __future__ import annotations

import copy
import operator
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import attrs

from citekit.errors import RecordError
from citekit.records._naming import converter_of
from citekit.records.dates import date_to_csl, to_date
from citekit.records.fields import join_keywords, to_keywords, to_people
from citekit.records.names import Person, person_to_csl
from citekit.records.vocabulary import CITEKIT_PREFIX

if TYPE_CHECKING:
    from citekit.records.base import Record

_CSL_NAMES = {
    "doi": "DOI",
    "url": "URL",
    "isbn": "ISBN",
    "issn": "ISSN",
    "pages": "page",
    "keywords": "keyword",
    "isbn_electronic": CITEKIT_PREFIX + "isbn-electronic",
    "word_count": CITEKIT_PREFIX + "word-count",
}
# Fields that are not CSL variables: the item's identity, its type, and the catch-all.
_NOT_VARIABLES = frozenset({"id", "type", "extra"})


def csl_variable(field_name: str) -> str:
    """The CSL-JSON key of a record field: ``container_title`` -> ``container-title``, ``doi`` -> ``DOI``."""
    return _CSL_NAMES.get(field_name, field_name.replace("_", "-"))


def _kind(attribute: attrs.Attribute[Any]) -> str:
    conv = converter_of(attribute)
    if conv is to_people:
        return "names"
    if conv is to_date:
        return "date"
    if conv is to_keywords:
        return "keywords"
    return "scalar"


def _names_to_csl(people: tuple[Person, ...]) -> list[dict[str, Any]]:
    return [person_to_csl(person) for person in people]


# How to_csl writes each kind of variable that is not a plain value.
_WRITERS: dict[str, Callable[[Any], Any]] = {"names": _names_to_csl, "date": date_to_csl, "keywords": join_keywords}


@attrs.frozen
class ClassTable:
    """What from_csl, to_csl and check_extra need to know about one record class, worked out once."""

    variables: tuple[tuple[str, str, str], ...]
    # CSL variable -> (field name, kind)
    by_variable: dict[str, tuple[str, str]]
    # Every key check_extra refuses: the CSL variables and the field names.
    covered: frozenset[str]
    # (CSL variable, its writer or None for a value written as it is), and a getter of the fields' values.
    written: tuple[tuple[str, Callable[[Any], Any] | None], ...]
    values: Callable[[Record], tuple[Any, ...]]


_TABLES: dict[type[Record], ClassTable] = {}


def table_of(cls: type[Record]) -> ClassTable:
    """The variables of ``cls``, worked out on its first use."""
    table = _TABLES.get(cls)
    if table is None:
        found = tuple(
            (a.name, csl_variable(a.name), _kind(a)) for a in attrs.fields(cls) if a.name not in _NOT_VARIABLES
        )
        table = ClassTable(
            variables=found,
            by_variable={variable: (name, kind) for name, variable, kind in found},
            covered=frozenset(key for name, variable, _ in found for key in (variable, name)),
            written=tuple((variable, _WRITERS.get(kind)) for _, variable, kind in found),
            values=operator.attrgetter(*(name for name, _, _ in found)),
        )
        _TABLES[cls] = table
    return table


def variables(cls: type[Record]) -> tuple[tuple[str, str, str], ...]:
    """(field name, CSL variable, kind) for each CSL variable ``cls`` has a field for, in field order."""
    return table_of(cls).variables


# JSON values a caller cannot change in place, so to_csl hands them out without a copy.  Exact types: a subclass
# may carry state of its own, and is deep-copied as before.
_IMMUTABLE: frozenset[type] = frozenset({str, int, float, bool, type(None)})


def to_csl(record: Record) -> dict[str, Any]:
    """The CSL-JSON item for ``record``: ``id`` and ``type`` first, then its fields, then ``extra``."""
    table = table_of(type(record))
    out: dict[str, Any] = {"id": record.id, "type": record.csl_type}
    for (variable, write), value in zip(table.written, table.values(record)):
        if value is None:
            continue
        if write is None:
            out[variable] = value
        elif value:  # names and keywords are () when there are none; a Date is always true
            out[variable] = write(value)
    for key, value in record.extra.items():
        # The record's lists and dicts must not be shared with a caller who may edit the item.
        out[key] = value if type(value) in _IMMUTABLE else copy.deepcopy(value)
    return out


def check_extra(record: Record) -> None:
    """Refuse ``extra`` keys that a typed field of the record already covers (they would be ambiguous)."""
    table = table_of(type(record))
    if table.covered.isdisjoint(record.extra):
        return
    # The error names the first such key in field order, the CSL variable before the field name.
    for name, variable, _ in table.variables:
        for key in (variable, name):
            if key in record.extra:
                raise RecordError(
                    "extra", key, f"{key!r} is the record's {name!r} field; set the field, not an extra variable"
                )
