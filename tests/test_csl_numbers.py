"""is_numeric, parse_number_list, to_roman and the ordinal terms: expectations from the CSL 1.0.2
specification and the test-suite fixtures (condition_*Numeric*, number_*), copied here."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from citekit.csl.numbers import (
    NumberToken,
    OrdinalTerm,
    OrdinalTerms,
    is_numeric,
    long_ordinal,
    ordinal,
    parse_number_list,
    select_ordinal_suffix,
    to_roman,
)

T = OrdinalTerm

# locales-en-US.xml's ordinal terms (CSL 1.0.1 scheme) and two long ordinals.
ENGLISH: OrdinalTerms = {
    "ordinal": T("th"),
    "ordinal-01": T("st"),
    "ordinal-02": T("nd"),
    "ordinal-03": T("rd"),
    "ordinal-11": T("th"),
    "ordinal-12": T("th"),
    "ordinal-13": T("th"),
    "long-ordinal-01": T("first"),
    "long-ordinal-09": T("ninth"),
    "long-ordinal-10": T("tenth"),
}

# The specification's French example (Gender-specific Ordinals).
FRENCH: OrdinalTerms = {
    "ordinal": T("e"),
    "ordinal-01": [T("re", "whole-number", "feminine"), T("er", "whole-number", "masculine")],
    "long-ordinal-01": [T("premier", None, "masculine"), T("première", None, "feminine")],
}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # condition_NumberIsNumeric, condition_NumeralIsNumeric, condition_NumeralWithTextIsNumeric,
        # condition_TextIsNotNumeric, condition_EmptyIsNumericFalse, number_IsNumericWithAlpha,
        # number_LeadingZeros, number_SpacesMakeIsNumericFalse
        (5, True),
        ("5", True),
        ("5th", True),
        ("Fifth ed.", False),
        ("", False),
        ("annotated edition", False),
        ("01790", True),
        ("version: 2002, amended effective June 1, 2010, and January 1, 2017", False),
        # CSL 1.0.2, is-numeric: prefixes and suffixes, separators with or without spaces.
        ("D2", True),
        ("2b", True),
        ("L2d", True),
        ("2, 3", True),
        ("2,3", True),
        ("2-4", True),
        ("2 - 4", True),
        ("2 & 4", True),
        ("2&4", True),
        ("second", False),
        ("2nd edition", False),
        ("5 ed.", False),
        # Where the specification is silent.
        ("2–4", True),
        ("2--4", True),
        ("12\\-15", True),
        (" 666", True),
        ("2 3", False),
        ("2-", False),
        ("-2", False),
        ("2,, 3", False),
        # citeproc-js (the reference) treats lower-case roman numerals as numeric and upper-case ones as
        # text (checked with the citeproc-js runner: "xiv", "ix-x", "xxv, 413" numeric; "XIV" not).
        ("xii", True),
        ("xxv, 413", True),
        ("XIV", False),
        ("3\\-B", False),
        (True, False),
    ],
)
def test_is_numeric(value: str | int, expected: bool) -> None:
    assert is_numeric(value) is expected


def texts(tokens: list[NumberToken]) -> str:
    return "".join(t.text for t in tokens)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # CSL 1.0.2, Number: hyphens lose their spaces (and become the range delimiter, as citeproc-js
        # prints them: number_PageRange, bugreports_NumberInMacroWithVerticalAlign "3-5" -> "3–5"),
        # commas get one space after, ampersands one on each side.
        ("2 - 4", "2–4"),
        ("2,3", "2, 3"),
        ("2 , 3", "2, 3"),
        ("2&3", "2 & 3"),
        ("23-25, 30 & 41", "23–25, 30 & 41"),
        ("3-5", "3–5"),
        ("2--4", "2–4"),
        ("12\\-15", "12-15"),
        ("  7  ", "7"),
    ],
)
def test_number_lists_are_normalised(value: str, expected: str) -> None:
    assert texts(parse_number_list(value)) == expected


def test_number_list_tokens() -> None:
    assert parse_number_list("23-25, 30a & L41") == [
        NumberToken("23", 23),
        NumberToken("–", separator=True),
        NumberToken("25", 25),
        NumberToken(", ", separator=True),
        NumberToken("30a"),
        NumberToken(" & ", separator=True),
        NumberToken("L41"),
    ]
    # Leading zeros are kept as written and never ordinalized (citeproc-js).
    assert parse_number_list("01790") == [NumberToken("01790")]


def test_range_delimiter_is_configurable() -> None:
    assert texts(parse_number_list("3-5", "-")) == "3-5"
    assert texts(parse_number_list("3 \u2013 5", "\u2011")) == "3\u20115"


def test_non_numeric_values_come_back_whole() -> None:
    # number_MixedText: "5 ed." is printed as is.
    assert parse_number_list("5 ed.") == [NumberToken("5 ed.")]
    assert parse_number_list("Special edition") == [NumberToken("Special edition")]


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (1, "i"),
        (4, "iv"),
        (9, "ix"),
        (14, "xiv"),
        (23, "xxiii"),  # textcase_UppercaseNumber (uppercased by text-case: XXIII)
        (40, "xl"),
        (42, "xlii"),  # number_SimpleNumberRoman
        (90, "xc"),
        (400, "cd"),
        (1994, "mcmxciv"),
        (3999, "mmmcmxcix"),
        (0, "0"),
        (4000, "4000"),
        (-3, "-3"),
    ],
)
def test_to_roman(n: int, expected: str) -> None:
    assert to_roman(n) == expected


_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
_CANONICAL_ROMAN = re.compile(r"m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})")


def from_roman(numeral: str) -> int:
    total = 0
    for here, after in zip(numeral, numeral[1:] + " "):
        value = _ROMAN_VALUES[here]
        total += -value if after != " " and _ROMAN_VALUES[after] > value else value
    return total


@given(st.integers(min_value=1, max_value=3999))
def test_roman_numerals_are_canonical_and_round_trip(n: int) -> None:
    numeral = to_roman(n)
    assert _CANONICAL_ROMAN.fullmatch(numeral)
    assert from_roman(numeral) == n


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (0, "0th"),
        (1, "1st"),
        (2, "2nd"),
        (3, "3rd"),
        (4, "4th"),
        (11, "11th"),
        (12, "12th"),
        (13, "13th"),
        (21, "21st"),
        (22, "22nd"),
        (42, "42nd"),  # number_SimpleNumberOrdinalShort
        (101, "101st"),
        (111, "111th"),
        (112, "112th"),
        (1013, "1013th"),
    ],
)
def test_english_ordinals(n: int, expected: str) -> None:
    assert ordinal(n, ENGLISH) == expected


def english_reference(n: int) -> str:
    if n % 100 in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


@given(st.integers(min_value=0, max_value=10**6))
def test_english_ordinals_property(n: int) -> None:
    assert select_ordinal_suffix(n, ENGLISH) == english_reference(n)


def test_long_ordinals_fall_back_to_ordinals() -> None:
    # number_SimpleNumberOrdinalLong: 42 -> "42nd", 9 -> "ninth".
    assert long_ordinal(9, ENGLISH) == "ninth"
    assert long_ordinal(42, ENGLISH) == "42nd"
    assert long_ordinal(10, ENGLISH) == "tenth"
    assert long_ordinal(3, ENGLISH) == "3rd"  # long-ordinal-03 undefined here
    assert long_ordinal(11, ENGLISH) == "11th"


def test_gendered_ordinals() -> None:
    # The specification's example: "1re éd.", "1er janvier", "3e édition".
    assert ordinal(1, FRENCH, "feminine") == "1re"
    assert ordinal(1, FRENCH, "masculine") == "1er"
    assert ordinal(3, FRENCH, "feminine") == "3e"
    # whole-number: 21 does not take "re".
    assert ordinal(21, FRENCH, "feminine") == "21e"
    # No neuter ordinal-01: a noun without gender gets the default.
    assert ordinal(1, FRENCH) == "1e"
    assert long_ordinal(1, FRENCH, "feminine") == "première"
    assert long_ordinal(1, FRENCH, "masculine") == "premier"
    assert long_ordinal(2, FRENCH, "masculine") == "2e"


def test_number_new_ordinals_with_gender_change() -> None:
    terms: OrdinalTerms = {
        "ordinal": T("EE"),
        "ordinal-01": [T("ʳᵉfemmie", "whole-number", "feminine"), T("ᵉʳmacho", "whole-number", "masculine")],
    }
    assert ordinal(1, terms, "feminine") == "1ʳᵉfemmie"
    assert ordinal(1, terms, "masculine") == "1ᵉʳmacho"
    assert ordinal(2, terms, "feminine") == "2EE"


def test_number_separate_ordinal_namespaces() -> None:
    # Edition is feminine, issue masculine; a gendered variant falls back to the neuter one by name.
    terms: OrdinalTerms = {
        "ordinal": T(".ª"),
        "ordinal-01": [T(".ª"), T(".º", gender_form="masculine"), T(".ª", gender_form="feminine")],
        "ordinal-02": [T(".ºº", gender_form="masculine")],
    }
    assert [ordinal(n, terms, "feminine") for n in (1, 2, 3)] == ["1.ª", "2.ª", "3.ª"]
    assert [ordinal(n, terms, "masculine") for n in (1, 2, 3)] == ["1.º", "2.ºº", "3.ª"]


def test_ten_to_ninety_nine_beat_zero_to_nine() -> None:
    terms: OrdinalTerms = {"ordinal": T("."), "ordinal-03": T("-three"), "ordinal-13": T("-thirteen")}
    assert select_ordinal_suffix(13, terms) == "-thirteen"
    assert select_ordinal_suffix(113, terms) == "-thirteen"
    assert select_ordinal_suffix(23, terms) == "-three"
    assert select_ordinal_suffix(4, terms) == "."


@pytest.mark.parametrize(
    ("match", "hits", "misses"),
    [
        (None, (0, 10, 20, 100, 110), (1, 5)),  # ordinal-00 defaults to last-digit
        ("last-two-digits", (0, 100, 200), (10, 20, 110)),
        ("whole-number", (0,), (10, 100, 200)),
    ],
)
def test_match_attribute_of_ordinal_00(match: str | None, hits: tuple[int, ...], misses: tuple[int, ...]) -> None:
    terms: OrdinalTerms = {"ordinal": T("."), "ordinal-00": T("!", match)}
    assert [select_ordinal_suffix(n, terms) for n in hits] == ["!"] * len(hits)
    assert [select_ordinal_suffix(n, terms) for n in misses] == ["."] * len(misses)


def test_ordinal_10_99_whole_number() -> None:
    terms: OrdinalTerms = {"ordinal": T("."), "ordinal-12": T("!", "whole-number")}
    assert select_ordinal_suffix(12, terms) == "!"
    assert select_ordinal_suffix(112, terms) == "."


def test_csl_1_0_ordinal_scheme() -> None:
    # No "ordinal" term but ordinal-01..04: 01/02/03 for numbers ending in 1/2/3 except 11-13, else 04.
    terms: OrdinalTerms = {"ordinal-01": T("st"), "ordinal-02": T("nd"), "ordinal-03": T("rd"), "ordinal-04": T("th")}
    assert [ordinal(n, terms) for n in (1, 2, 3, 4, 11, 12, 13, 21, 111, 122, 0)] == [
        "1st",
        "2nd",
        "3rd",
        "4th",
        "11th",
        "12th",
        "13th",
        "21st",
        "111th",
        "122nd",
        "0th",
    ]


def test_no_terms_at_all() -> None:
    assert ordinal(5, {}) == "5"
    assert long_ordinal(5, {}) == "5"


@given(st.lists(st.integers(min_value=1, max_value=9999), min_size=1, max_size=5), st.data())
def test_parsed_lists_round_trip(numbers: list[int], data: st.DataObject) -> None:
    seps = [data.draw(st.sampled_from([",", " , ", "&", " & ", "-", " - ", "\u2013"])) for _ in numbers[1:]]
    value = str(numbers[0]) + "".join(sep + str(n) for sep, n in zip(seps, numbers[1:]))
    assert is_numeric(value)
    tokens = parse_number_list(value)
    assert [t.number for t in tokens if not t.separator] == numbers
    assert [t.text for t in tokens if t.separator] == [
        {",": ", ", "&": " & "}.get(sep.strip(), "\u2013") for sep in seps
    ]


@given(st.text(max_size=20))
def test_parse_is_total_and_agrees_with_is_numeric(value: str) -> None:
    tokens = parse_number_list(value)
    if is_numeric(value):
        assert any(t.number is not None or not t.separator for t in tokens)
        # Each piece holds a digit, or is a lower-case roman numeral (numeric in citeproc-js, see above).
        assert all(
            bool(re.search("[0-9]", t.text) or re.fullmatch("[ivxlcdm]+", t.text)) for t in tokens if not t.separator
        )
    else:
        assert tokens == [NumberToken(value)]
