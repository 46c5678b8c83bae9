"""Records to and from CSL-JSON items, the form every CSL processor (and citekit's engines) read.

A record field is the CSL variable of the same name with "-" for "_" (``container_title`` is
``container-title``), except for the spellings in ``_CSL_NAMES``.  Any other variable of an item goes to
the record's ``extra`` and comes back out unchanged, so ``to_csl(from_csl(item))`` equals ``item`` up to
normalisation: DOIs bare, ISBNs as digits, ISSNs as ``NNNN-NNNC``, page ranges with "-", names and dates as
in :mod:`.names` and :mod:`.dates` (false flags omitted, date-part strings as numbers, ``raw`` parsed into
date-parts), numeric ids as strings, blank strings dropped.

Two facts a publisher gives have no CSL variable, and are kept under citekit's own keys:

``"citekit:isbn-electronic"``
    The e-book ISBN.  CSL has one ``ISBN`` variable, which holds the print ISBN because that is the one the
    styles that print an ISBN ask for.  Putting both in ``ISBN`` would make those styles print both, and
    putting the e-ISBN in ``note`` would print it in the styles that render notes (and citeproc-js reads
    "key: value" lines of ``note`` as variables), so neither is lossless.
``"citekit:word-count"``
    The publisher's word count, as an int.

Processors ignore keys that are not CSL variables (citeproc-py warns about them), so these keys never change
how an item is formatted.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

import attrs

from citekit.errors import RecordError
from citekit.records._naming import converter_of, join_path
from citekit.records.base import Record
from citekit.records.dates import date_to_csl, to_date
from citekit.records.fields import join_keywords, to_keywords, to_people
from citekit.records.kinds import DEDICATED, GenericRecord, WebPage
from citekit.records.names import person_to_csl
from citekit.records.vocabulary import CITEKIT_PREFIX

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


@attrs.frozen
class _Table:
    """What from_csl, to_csl and check_extra need to know about one record class, worked out once."""

    variables: tuple[tuple[str, str, str], ...]
    # CSL variable -> (field name, kind)
    by_variable: dict[str, tuple[str, str]]
    # Every key check_extra refuses: the CSL variables and the field names.
    covered: frozenset[str]


_TABLES: dict[type[Record], _Table] = {}


def _table(cls: type[Record]) -> _Table:
    table = _TABLES.get(cls)
    if table is None:
        found = tuple(
            (a.name, csl_variable(a.name), _kind(a)) for a in attrs.fields(cls) if a.name not in _NOT_VARIABLES
        )
        table = _Table(
            variables=found,
            by_variable={variable: (name, kind) for name, variable, kind in found},
            covered=frozenset(key for name, variable, _ in found for key in (variable, name)),
        )
        _TABLES[cls] = table
    return table


def variables(cls: type[Record]) -> tuple[tuple[str, str, str], ...]:
    """(field name, CSL variable, kind) for each CSL variable ``cls`` has a field for, in field order."""
    return _table(cls).variables


def record_class(csl_type: str) -> type[Record]:
    """The record class for a CSL item type; :class:`GenericRecord` for types without a class of their own."""
    return DEDICATED.get(csl_type, GenericRecord)


_SHAPES: dict[str, tuple[type[Any] | tuple[type[Any], ...], str]] = {
    "names": (list, "a CSL name variable is a list of name objects"),
    "date": ((Mapping, str), "a CSL date variable is a date object"),
    "keywords": (str, "CSL's keyword variable is one string"),
}


def _csl_path(cls: type[Record], path: str) -> str:
    """A record field path re-spelled with CSL names: "container_title" -> "container-title"."""
    cut = min((i for i in (path.find("."), path.find("[")) if i >= 0), default=len(path))
    head, tail = path[:cut], path[cut:].lstrip(".")
    if head == "extra":
        return tail or head
    if head in {name for name, _, _ in variables(cls)}:
        return join_path(csl_variable(head), tail)
    return path


def from_csl(item: Mapping[str, Any]) -> Record:
    """The record for one CSL-JSON item; the class follows the item's ``type``.

    Errors name the CSL variable (``container-title``, ``author[0].family``), since that is what the caller
    wrote.
    """
    if not isinstance(item, Mapping):
        raise RecordError("item", item, "a CSL-JSON item is a JSON object")
    if "type" not in item:
        raise RecordError("type", None, "a CSL-JSON item needs a type")
    csl_type = item["type"]
    if not isinstance(csl_type, str):
        raise RecordError("type", csl_type, "the type must be a string such as 'chapter'")
    cls = record_class(csl_type)
    by_variable = _table(cls).by_variable
    fields: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for key, value in item.items():
        if key == "type":
            continue
        if key == "id":
            fields["id"] = value
        elif key in by_variable:
            name, kind = by_variable[key]
            if kind in _SHAPES and not isinstance(value, _SHAPES[kind][0]):
                raise RecordError(key, value, _SHAPES[kind][1])
            fields[name] = value
        else:
            extra[key] = value
    if cls in (WebPage, GenericRecord):
        fields["type"] = csl_type
    try:
        return cls(**fields, extra=extra)
    except RecordError as error:
        raise RecordError(_csl_path(cls, error.field), error.value, error.reason) from None


# JSON values a caller cannot change in place, so to_csl hands them out without a copy.  Exact types: a subclass
# may carry state of its own, and is deep-copied as before.
_IMMUTABLE: frozenset[type] = frozenset({str, int, float, bool, type(None)})


def to_csl(record: Record) -> dict[str, Any]:
    """The CSL-JSON item for ``record``: ``id`` and ``type`` first, then its fields, then ``extra``."""
    out: dict[str, Any] = {"id": record.id, "type": record.csl_type}
    for name, variable, kind in _table(type(record)).variables:
        value = getattr(record, name)
        if value is None or value == ():
            continue
        if kind == "names":
            out[variable] = [person_to_csl(person) for person in value]
        elif kind == "date":
            out[variable] = date_to_csl(value)
        elif kind == "keywords":
            out[variable] = join_keywords(value)
        else:
            out[variable] = value
    for key, value in record.extra.items():
        # The record's lists and dicts must not be shared with a caller who may edit the item.
        out[key] = value if type(value) in _IMMUTABLE else copy.deepcopy(value)
    return out


def check_extra(record: Record) -> None:
    """Refuse ``extra`` keys that a typed field of the record already covers (they would be ambiguous)."""
    table = _table(type(record))
    if table.covered.isdisjoint(record.extra):
        return
    # The error names the first such key in field order, the CSL variable before the field name.
    for name, variable, _ in table.variables:
        for key in (variable, name):
            if key in record.extra:
                raise RecordError(
                    "extra", key, f"{key!r} is the record's {name!r} field; set the field, not an extra variable"
                )
