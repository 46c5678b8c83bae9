"""Numbers as CSL renders them: ordinal and long-ordinal suffixes from the locale, roman numerals, ranges,
and whether a label is plural."""

from __future__ import annotations

import re

from citekit.csl.context import Context
from citekit.csl import numbers

_NUMBER_TOKEN = re.compile(r"(\d+)")
# Only bare numbers take a form: "1st" or "2a" already say what they are.
_BARE_NUMBER = re.compile(r"(?<![^\W\d_])(\d+)(?![^\W\d_])")
_PLURAL = re.compile(r"\w\s*(?:[-\u2013\u2014,&]|\band\b)\s*\w")
_LOCATOR_TERMS = {"sub verbo": "sub-verbo", "sub-verbo": "sub-verbo"}


def locator_term(label: str | None) -> str:
    label = label or "page"
    return _LOCATOR_TERMS.get(label, label)


def label_is_plural(variable: str, value: str) -> bool:
    if variable in ("number-of-pages", "number-of-volumes"):
        match = _NUMBER_TOKEN.search(value)
        return bool(match) and int(match.group(1)) > 1
    return bool(_PLURAL.search(value))


def ordinal(n: int, ctx: Context, gender_of: str | None = None) -> str:
    """``n`` with the locale's ordinal suffix, agreeing with the gender of the term ``gender_of``."""
    gender = ctx.locale.gender(gender_of) if gender_of else None
    return numbers.ordinal(n, ctx.locale.ordinals, gender)


def render_number_value(raw: str, form: str, variable: str, ctx: Context) -> str:
    """A numeric variable's value in ``form`` (numeric, ordinal, long-ordinal, roman); ranges get an en dash."""
    gender = ctx.locale.gender(variable) if form in ("ordinal", "long-ordinal") else None
    text = re.sub(r"\s*(?<=\d)\s*-\s*(?=\d)", "\u2013", raw.strip())
    text = re.sub(r"\s*,\s*", ", ", text)
    text = re.sub(r"\s*&\s*", " & ", text)
    if form == "numeric":
        return text

    def convert(match: re.Match[str]) -> str:
        n = int(match.group(1))
        if form == "ordinal":
            return numbers.ordinal(n, ctx.locale.ordinals, gender)
        if form == "long-ordinal":
            return numbers.long_ordinal(n, ctx.locale.ordinals, gender)
        if form == "roman":
            return numbers.to_roman(n)
        return str(n)

    return _BARE_NUMBER.sub(convert, text)
