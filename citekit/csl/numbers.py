"""Numbers as CSL 1.0.2 reads and writes them: ``is-numeric``, the number lists ``cs:number`` extracts,
roman numerals, and the locale's ordinal and long-ordinal terms.

Pure functions over plain values: the locale's terms come in as :class:`OrdinalTerm` mappings so this
module needs nothing from the rest of the processor.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from citekit._lazy_pattern import lazy_pattern

__all__ = [
    "NumberToken",
    "OrdinalTerm",
    "OrdinalTerms",
    "is_numeric",
    "long_ordinal",
    "ordinal",
    "parse_number_list",
    "select_ordinal_suffix",
    "to_roman",
]

_EN_DASH = "\u2013"

# CSL 1.0.2, is-numeric: numbers, optionally with letter prefixes and suffixes ("D2", "2b", "L2d"),
# separated by a comma, hyphen or ampersand with or without spaces. An en dash and a run of hyphens
# ("2--4", BibTeX style) are hyphens too, and "\-" is an escaped hyphen that still separates numbers.
# Lower-case roman numerals count as numbers too ("xiv-19", "xxv, 413"), as in citeproc-js; "XIV" does not.
_PIECE = r"(?:[^\W\d_]*[0-9]+[^\W\d_]*|[ivxlcdm]+)"
_SEPARATOR = r"\s*(?:\\-|-+|\u2013|&|,)\s*"
_NUMERIC = lazy_pattern(rf"\s*{_PIECE}(?:{_SEPARATOR}{_PIECE})*\s*")
_SPLIT = lazy_pattern(rf"({_SEPARATOR})")
# Only a bare number without leading zeros is a number cs:number may ordinalize or write in roman
# numerals: "2E" and "01790" are printed as given (CSL 1.0.2 "Number"; citeproc-js).
_BARE = lazy_pattern(r"[1-9][0-9]*")


def is_numeric(value: str | int) -> bool:
    """Whether ``value`` is numeric for ``is-numeric`` and ``cs:number`` (CSL 1.0.2, Choose).

    "5", "5th", "L2d", "2, 3", "2-4", "2 & 4" are numeric; "second", "2nd edition", "5 ed." and ""
    are not. An int is numeric (a bool is not).
    """
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return True
    return _NUMERIC.fullmatch(value) is not None


@dataclass(frozen=True, slots=True)
class NumberToken:
    """One piece of a number list.

    ``text`` is what to print. ``number`` is set for bare numbers only (``"23"``, not ``"23a"`` or
    ``"023"``), the pieces ``cs:number`` may render as ordinal, long-ordinal or roman.
    ``separator`` marks the normalised punctuation between numbers.
    """

    text: str
    number: int | None = None
    separator: bool = False


def parse_number_list(value: str, range_delimiter: str = _EN_DASH) -> list[NumberToken]:
    """``value`` split into numbers and the separators between them, separators normalised.

    Per CSL 1.0.2 (Number): spaces around hyphens go ("2 - 4" gives "2-4"), a comma is followed by one
    space ("2,3" gives "2, 3") and an ampersand has one space on each side ("2&3" gives "2 & 3").
    A hyphen (or en dash, or run of hyphens) between numbers is a range and is written as
    ``range_delimiter``: citeproc-js uses the en dash (the page-range-delimiter term) for page, locator,
    volume, issue, edition and number, so pass "-" where the hyphen should stay. An escaped hyphen
    ``\\-`` is written as a plain hyphen.

    A value that is not numeric (see :func:`is_numeric`) comes back as a single token holding the value
    unchanged, so callers can print the result either way.
    """
    if not is_numeric(value):
        return [NumberToken(value)]
    parts = _SPLIT.split(value.strip())
    tokens: list[NumberToken] = []
    for index, part in enumerate(parts):
        if index % 2:
            tokens.append(NumberToken(_separator(part.strip(), range_delimiter), separator=True))
        else:
            tokens.append(NumberToken(part, int(part) if _BARE.fullmatch(part) else None))
    return tokens


def _separator(sep: str, range_delimiter: str) -> str:
    if sep == ",":
        return ", "
    if sep == "&":
        return " & "
    if sep == "\\-":
        return "-"
    return range_delimiter


_ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)


def to_roman(n: int) -> str:
    """``n`` in lowercase roman numerals for 1 to 3999; any other number as decimal digits.

    Uppercase is a text-case concern (``text-case="uppercase"``), as in citeproc-js.
    """
    if not 0 < n < 4000:
        return str(n)
    out: list[str] = []
    for value, numeral in _ROMAN:
        count, n = divmod(n, value)
        out.append(numeral * count)
    return "".join(out)


@dataclass(frozen=True, slots=True)
class OrdinalTerm:
    """An ordinal term as a locale defines it.

    ``match`` is the term's ``match`` attribute (None for the default: "last-digit" for ordinal-00 to
    ordinal-09, "last-two-digits" for ordinal-10 to ordinal-99; always "whole-number" for
    long-ordinal-01 to -10). ``gender_form`` is "masculine", "feminine" or None (the neuter variant).
    """

    value: str
    match: str | None = None
    gender_form: str | None = None


#: Ordinal terms by name ("ordinal", "ordinal-01", "long-ordinal-02", ...): one term, or the gender
#: variants of one name.
OrdinalTerms = Mapping[str, OrdinalTerm | Sequence[OrdinalTerm]]


def _variant(terms: OrdinalTerms, name: str, gender: str | None) -> OrdinalTerm | None:
    """The term ``name`` for ``gender``, falling back to the neuter variant (CSL 1.0.2 gender-specific
    ordinals: the gendered variant wins only when it is defined)."""
    found = terms.get(name)
    if found is None:
        return None
    variants = (found,) if isinstance(found, OrdinalTerm) else found
    neuter = None
    for term in variants:
        if gender is not None and term.gender_form == gender:
            return term
        if term.gender_form is None:
            neuter = term
    return neuter


def _matches(term: OrdinalTerm, term_number: int, n: int) -> bool:
    match = term.match or ("last-digit" if term_number < 10 else "last-two-digits")
    if match == "whole-number":
        return n == term_number
    if match == "last-two-digits":
        return n % 100 == term_number
    return n % 10 == term_number % 10


def select_ordinal_suffix(n: int, terms: OrdinalTerms, gender: str | None = None) -> str:
    """The ordinal suffix for ``n`` ("nd" for 2 in English), per CSL 1.0.2 "Ordinal Suffixes".

    A term from ordinal-10..99 that matches beats one from ordinal-00..09; the plain "ordinal" term is
    the default. ``gender`` is the gender of the noun the number goes with ("masculine", "feminine" or
    None); each term name uses its variant of that gender, else its neuter variant. When the locale
    defines no "ordinal" term but does define ordinal-01 to ordinal-04, the CSL 1.0 scheme applies
    (01 for numbers ending in 1 except 11, 02 and 03 likewise, 04 for everything else).
    """
    n = abs(n)
    default = _variant(terms, "ordinal", gender)
    if default is None:
        legacy = [_variant(terms, f"ordinal-0{i}", gender) for i in range(1, 5)]
        if all(t is not None for t in legacy):
            last, last_two = n % 10, n % 100
            if 1 <= last <= 3 and last_two not in (11, 12, 13):
                pick = legacy[last - 1]
            else:
                pick = legacy[3]
            return pick.value if pick is not None else ""
    # Only two names can match: ordinal-NN for the last two digits when they are 10-99 (any match kind
    # of that group names the number it matches), then ordinal-0N for the last digit (last-digit,
    # last-two-digits and whole-number terms of the 00-09 group can only be that name). The 10-99
    # group is tried first, as CSL 1.0.2 gives it precedence.
    two = n % 100
    for number in (two, n % 10) if two >= 10 else (two,):
        term = _variant(terms, f"ordinal-{number:02d}", gender)
        if term is not None and _matches(term, number, n):
            return term.value
    return default.value if default is not None else ""


def ordinal(n: int, terms: OrdinalTerms, gender: str | None = None) -> str:
    """``n`` followed by its ordinal suffix: "2nd"."""
    return f"{n}{select_ordinal_suffix(n, terms, gender)}"


def long_ordinal(n: int, terms: OrdinalTerms, gender: str | None = None) -> str:
    """``n`` as a long ordinal ("second") from long-ordinal-01..10; other numbers, or a locale without
    the term, fall back to the ordinal form ("42nd"), as CSL 1.0.2 prescribes."""
    if 1 <= n <= 10:
        term = _variant(terms, f"long-ordinal-{n:02d}", gender)
        if term is not None:
            return term.value
    return ordinal(n, terms, gender)
