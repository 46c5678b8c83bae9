"""The converters record fields use: each accepts the friendly Python forms and the CSL-JSON form of a value.

They are plain named functions because that is what mypy's attrs plugin can type (the constructor's
parameter types come from the converters' argument types).  Each raises
:class:`~citekit.errors.RecordError` with a path relative to its value; :mod:`._naming` adds the field name.

Text is never touched beyond treating an empty or all-blank string as "no value": titles keep their case,
inner whitespace and CSL rich-text markup (``<i>``, ``<span class="nocase">``...) exactly.  Number-like CSL
variables (volume, issue, edition...) keep the type they were given, str or int, because CSL processors
test "is numeric" on the value as given.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any, Union, cast

from citekit.errors import RecordError
from citekit.records._naming import join_path, within
from citekit.records.dates import date_to_csl, to_date
from citekit.records.identifiers import normalise_doi, normalise_isbn, normalise_issn, normalise_url
from citekit.records.names import Person, person_to_csl, to_person
from citekit.records.pages import normalise_pages
from citekit.records.vocabulary import DATE_VARIABLES, ITEM_KEYS, NAME_VARIABLES

NameLike = Union[Person, str, Mapping[str, Any]]
NamesLike = Union[NameLike, Iterable[NameLike]]


def _blank(value: object) -> bool:
    # Converters test "value is None" (their default) before calling this: it is most of their calls.
    return value is None or (isinstance(value, str) and not value.strip())


def to_text(value: str | None) -> str | None:
    """A text variable, unchanged; blank means absent."""
    if value is None:
        return None
    if isinstance(value, str):
        return value if value.strip() else None
    raise RecordError("", value, "must be a string")


def to_number(value: str | int | None) -> str | int | None:
    """A number-like variable (volume, issue, edition...), kept as the str or int it was given."""
    if value is None:
        return None
    if isinstance(value, str):
        return value if value.strip() else None
    if isinstance(value, bool) or not isinstance(value, int):
        raise RecordError("", value, "must be a string or a whole number")
    return value


def to_count(value: int | str | None) -> int | None:
    """A count (citekit's word count): a whole number, 0 or more; a string of digits is read as one."""
    if value is None or _blank(value):
        return None
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    raise RecordError("", value, "must be a whole number, 0 or more")


def to_people(value: NamesLike | None) -> tuple[Person, ...]:
    """Names: one name (a Person, "Farr, Michelle", a CSL name mapping) or a list of them."""
    if value is None or (type(value) is tuple and not value):  # the default, as it is given
        return ()
    # An exact list (the CSL-JSON form) or tuple (the default) is none of the other forms; saying so first skips
    # the ABC checks.
    if type(value) not in (list, tuple):
        if isinstance(value, (Person, str, Mapping)):
            return (to_person(value),)
        if not isinstance(value, Iterable):
            raise RecordError("", value, "must be a list of names")
    people: list[Person] = []
    for i, item in enumerate(cast(Iterable[NameLike], value)):  # mypy cannot narrow on type(value)
        try:
            people.append(to_person(item))
        except RecordError as error:
            raise within(f"[{i}]", error) from None
    return tuple(people)


def to_keywords(value: str | Iterable[str] | None) -> tuple[str, ...]:
    """Keywords as a tuple.  CSL's ``keyword`` is one string: split on ";" if it has one, else on ","."""
    if value is None or (type(value) is tuple and not value):  # the default, as it is given
        return ()
    if isinstance(value, str):
        separator = ";" if ";" in value else ","
        items: Iterable[object] = value.split(separator)
    elif type(value) in (list, tuple) or isinstance(value, Iterable):  # the ABC check only for other iterables
        items = value
    else:
        raise RecordError("", value, "must be a string or a list of strings")
    out: list[str] = []
    for i, item in enumerate(items):
        if not isinstance(item, str):
            raise RecordError(f"[{i}]", item, "a keyword must be a string")
        if ";" in item and not isinstance(value, str):
            # Joined back into CSL's single string, a ";" would split this keyword in two.
            raise RecordError(f"[{i}]", item, "a keyword cannot contain ';'")
        if item.strip():
            out.append(item.strip())
    return tuple(out)


def join_keywords(keywords: tuple[str, ...]) -> str:
    """CSL's ``keyword`` string; "; " between keywords when one of them holds a comma, so it reads back."""
    separator = "; " if any("," in k for k in keywords) else ", "
    return separator.join(keywords)


def to_doi(value: str | None) -> str | None:
    return None if value is None or _blank(value) else normalise_doi(value, field="")


def to_isbn(value: str | int | None) -> str | None:
    return None if value is None or _blank(value) else normalise_isbn(value, field="")


def to_issn(value: str | None) -> str | None:
    return None if value is None or _blank(value) else normalise_issn(value, field="")


def to_url(value: str | None) -> str | None:
    return None if value is None or _blank(value) else normalise_url(value, field="")


def to_pages(value: str | int | None) -> str | None:
    return None if value is None or _blank(value) else normalise_pages(value, field="")


def to_id(value: str | int | None) -> str:
    """An item id; "" (or None) asks the record to derive one.  CSL-JSON allows numeric ids: kept as text."""
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise RecordError("", value, "an id must be a string")
    return str(value).strip()


def to_csl_type(value: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise RecordError("", value, "a CSL type must be a non-empty string")
    return value.strip()


def _json_value(value: object, path: str) -> Any:
    """A deep, plain copy of a JSON value (so a record never shares mutable state with its caller)."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise RecordError(path, value, "JSON has no NaN or infinity")
        return value
    if isinstance(value, Mapping):
        out: dict[str, Any] = {}
        for key, item in value.items():
            if not isinstance(key, str):
                raise RecordError(path, key, "JSON object keys must be strings")
            out[key] = _json_value(item, join_path(path, key))
        return out
    if isinstance(value, (list, tuple)):
        return [_json_value(item, f"{path}[{i}]") for i, item in enumerate(value)]
    raise RecordError(path, value, "not a JSON value (string, number, boolean, null, list or object)")


def to_extra(value: Mapping[str, Any] | None) -> Mapping[str, Any]:
    """Other CSL variables, as a read-only mapping of JSON values.

    Names and dates CSL knows (``container-author``, ``original-date``...) are validated and normalised
    like typed fields, so every name and date a record carries has been checked.
    """
    if value is None:
        return MappingProxyType({})
    if type(value) is not dict and not isinstance(value, Mapping):  # the exact type first skips the ABC check
        raise RecordError("", value, "must be a mapping of CSL variable names to values")
    out: dict[str, Any] = {}
    for key, item in value.items():
        if not isinstance(key, str) or not key:
            raise RecordError("", key, "CSL variable names are non-empty strings")
        if key in ITEM_KEYS:
            raise RecordError(key, item, f"{key!r} is not an extra variable; set the record's own field")
        try:
            if key in NAME_VARIABLES:
                if not isinstance(item, list):
                    raise RecordError("", item, "a CSL name variable is a list of names")
                out[key] = [person_to_csl(p) for p in to_people(item)]
            elif key in DATE_VARIABLES:
                if not isinstance(item, (Mapping, str)):
                    raise RecordError("", item, "a CSL date variable is a date object")
                date = to_date(item)
                if date is not None:
                    out[key] = date_to_csl(date)
            else:
                out[key] = _json_value(item, "")
        except RecordError as error:
            raise within(key, error) from None
    return MappingProxyType(out)
