"""Personal and organisational names (CSL "name" variables: author, editor, translator...).

A :class:`Person` holds exactly the parts a CSL-JSON name has, so it converts both ways without loss.  It can
be built from a CSL-JSON name mapping (:func:`person_from_csl`) or from a string (:func:`parse_name`):

* ``"Farr, Michelle"`` and ``"Michelle Farr"``: family and given;
* ``"van Gogh, Vincent"`` and ``"Vincent van Gogh"``: lowercase words in front of the family name are a
  non-dropping particle (kept in front of the family name in sorted lists, as citeproc-js does when it
  parses a family name);
* ``"Gogh, Vincent van"``: lowercase words after the given name are a dropping particle;
* ``"Smith, John, Jr."``, ``"Smith, Jr., John"`` (BibTeX order), ``"John Smith Jr."``: a suffix;
  ``"John Smith, Jr."`` also sets ``comma_suffix`` because the comma is part of how the name is written.

Strings cannot mark an organisation or a multi-word family name in given-first order ("Louis Wong Kee Song"
is read as family "Song"); use ``Person.organisation(...)``, the "Family, Given" form or a mapping for those.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Mapping
from typing import Any

import attrs

from citekit.errors import RecordError
from citekit.records._naming import build, named_errors, named_fields

_NAME_KEYS = (
    "family",
    "given",
    "dropping-particle",
    "non-dropping-particle",
    "suffix",
    "comma-suffix",
    "static-ordering",
    "literal",
    "parse-names",
)
# CSL-JSON name key -> Person field
_FIELD_OF = {key: key.replace("-", "_") for key in _NAME_KEYS}
_SPELT_AS_FIELDS = frozenset(key for key, field in _FIELD_OF.items() if key == field)
# The parts person_to_csl writes when they are set: all but parse-names, last in _NAME_KEYS, which it writes apart.
_PARTS = operator.attrgetter(*(_FIELD_OF[key] for key in _NAME_KEYS if key != "parse-names"))
_VALUE_SET = operator.itemgetter(1)  # of a (key, value) pair: true when the part is set
# Only unmistakable suffixes: a lone "V" or "I" is far more often an initial than a regnal number.
_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "2nd", "3rd", "jnr", "jnr.", "snr", "snr."})


def _name_part(value: str | None) -> str | None:
    """One part of a name: surrounding whitespace goes, and an empty part is no part."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise RecordError("", value, "a name part must be a string")
    stripped = value.strip()
    return stripped or None


def to_flag(value: bool | int | str | None) -> bool:
    """A CSL boolean.  CSL-JSON in the wild also writes these as 0/1 and "true"/"false"."""
    if value is None or value is False:  # the default, without a call
        return False
    if value is True:
        return True
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str) and value.strip().lower() in ("true", "false", "1", "0"):
        return value.strip().lower() in ("true", "1")
    raise RecordError("", value, "must be true or false")


def _optional_flag(value: bool | int | str | None) -> bool | None:
    return None if value is None else to_flag(value)


@named_errors
@attrs.frozen(kw_only=True, field_transformer=named_fields)
class Person:
    """A name as CSL models it: either the parts of a personal name, or one ``literal`` (organisations).

    ``comma_suffix`` and ``static_ordering`` are CSL's flags; ``parse_names`` is citeproc-js's per-name switch
    for particle parsing, kept (``None`` = not given) because it changes how the processor reads the name.
    """

    family: str | None = attrs.field(default=None, converter=_name_part)
    given: str | None = attrs.field(default=None, converter=_name_part)
    dropping_particle: str | None = attrs.field(default=None, converter=_name_part)
    non_dropping_particle: str | None = attrs.field(default=None, converter=_name_part)
    suffix: str | None = attrs.field(default=None, converter=_name_part)
    comma_suffix: bool = attrs.field(default=False, converter=to_flag)
    static_ordering: bool = attrs.field(default=False, converter=to_flag)
    literal: str | None = attrs.field(default=None, converter=_name_part)
    parse_names: bool | None = attrs.field(default=None, converter=_optional_flag)

    def __attrs_post_init__(self) -> None:
        if self.literal is not None:
            parts = (self.family, self.given, self.dropping_particle, self.non_dropping_particle, self.suffix)
            if any(p is not None for p in parts):
                raise RecordError(
                    "literal", self.literal, "a literal name stands alone; it cannot also have family or given parts"
                )
        elif self.family is None and self.given is None:
            raise RecordError("family", None, "a name needs a family or given name, or a literal")

    @classmethod
    def organisation(cls, name: str) -> Person:
        """An organisation (or any name that must never be split or inverted)."""
        return cls(literal=name)

    @classmethod
    def parse(cls, text: str) -> Person:
        """A name written as a string; see the module documentation for the forms understood."""
        return parse_name(text)

    @classmethod
    def from_csl(cls, mapping: Mapping[str, Any]) -> Person:
        """A name from a CSL-JSON name object."""
        return person_from_csl(mapping)

    def to_csl(self) -> dict[str, Any]:
        """This name as a CSL-JSON name object."""
        return person_to_csl(self)

    @property
    def is_organisation(self) -> bool:
        return self.literal is not None


def person_from_csl(mapping: Mapping[str, Any]) -> Person:
    """A :class:`Person` from a CSL-JSON name object; unknown keys are an error, not silently dropped."""
    if mapping.keys() <= _SPELT_AS_FIELDS:  # the common {"family": ..., "given": ...}: nothing to re-spell
        return build(Person, mapping)
    if not mapping.keys() <= _FIELD_OF.keys():
        unknown = next(key for key in mapping if key not in _FIELD_OF)
        raise RecordError(unknown, mapping[unknown], f"not a CSL name key (known: {', '.join(_NAME_KEYS)})")
    return build(Person, {_FIELD_OF[key]: value for key, value in mapping.items()})


def person_to_csl(person: Person) -> dict[str, Any]:
    """The CSL-JSON name object: only the parts that are set, false flags left out (false is CSL's default)."""
    out = dict(filter(_VALUE_SET, zip(_NAME_KEYS, _PARTS(person))))
    # parse-names is kept when false too: false is not its default, "not given" (None) is.
    if person.parse_names is not None:
        out["parse-names"] = person.parse_names
    return out


def _is_particle(word: str) -> bool:
    return word[:1].islower()


def _split_family(words: list[str]) -> tuple[str | None, str]:
    """(non-dropping particle, family) from the words of a family part: "van der Berg" -> ("van der", "Berg")."""
    i = 0
    while i < len(words) - 1 and _is_particle(words[i]):
        i += 1
    return (" ".join(words[:i]) or None), " ".join(words[i:])


def _split_given(words: list[str]) -> tuple[str | None, str | None]:
    """(given, dropping particle) from the words of a given part: "Vincent van" -> ("Vincent", "van")."""
    i = len(words)
    while i > 1 and _is_particle(words[i - 1]):
        i -= 1
    return (" ".join(words[:i]) or None), (" ".join(words[i:]) or None)


def _given_first(words: list[str]) -> dict[str, str | None]:
    """Parts of a name written given-first: "Vincent van Gogh"."""
    if len(words) == 1:
        return {"family": words[0]}
    start = len(words) - 1
    while start > 1 and _is_particle(words[start - 1]):
        start -= 1
    return {
        "given": " ".join(words[:start]),
        "non_dropping_particle": " ".join(words[start:-1]) or None,
        "family": words[-1],
    }


def parse_name(text: str, field: str = "name") -> Person:
    """A :class:`Person` from a written name; see the module documentation.  Errors name ``field``."""
    if not isinstance(text, str):
        raise RecordError(field, text, "a name must be a string, a mapping or a Person")
    clean = re.sub(r"\s+", " ", text).strip()
    if not clean:
        raise RecordError(field, text, "a name cannot be empty")
    parts = [p.strip() for p in clean.split(",")]
    if any(not p for p in parts) or len(parts) > 3:
        raise RecordError(field, text, "expected 'Family, Given', 'Family, Given, Suffix' or 'Given Family'")
    fields: dict[str, Any] = {}
    if len(parts) == 1 or (len(parts) == 2 and parts[1].lower() in _SUFFIXES):
        words = parts[0].split(" ")
        if len(parts) == 2:
            fields.update(suffix=parts[1], comma_suffix=True)
        elif len(words) >= 2 and words[-1].lower() in _SUFFIXES:
            fields["suffix"] = words.pop()
        fields.update(_given_first(words))
        return build(Person, fields)
    family_part, given_part = parts[0], parts[1]
    if len(parts) == 3:
        if parts[1].lower() in _SUFFIXES and parts[2].lower() not in _SUFFIXES:
            given_part, fields["suffix"] = parts[2], parts[1]  # BibTeX's "von Last, Jr, First"
        else:
            fields["suffix"] = parts[2]
    particle, family = _split_family(family_part.split(" "))
    given, dropping = _split_given(given_part.split(" "))
    fields.update(family=family, non_dropping_particle=particle, given=given, dropping_particle=dropping)
    return build(Person, fields)


def to_person(value: Person | str | Mapping[str, Any]) -> Person:
    """A :class:`Person` from a Person, a written name or a CSL-JSON name object."""
    # An exact dict (the CSL-JSON form) first: it is neither of the others, and skips the Mapping check.
    if type(value) is dict:
        return person_from_csl(value)
    if isinstance(value, Person):
        return value
    if isinstance(value, str):
        return parse_name(value, field="")
    if isinstance(value, Mapping):
        return person_from_csl(value)
    raise RecordError("", value, "a name must be a string, a CSL name mapping or a Person")
