"""Numbers as CSL renders them: ordinal and long-ordinal suffixes from the locale, roman numerals, ranges,
and whether a label is plural."""

from __future__ import annotations

import re

from citekit.csl.context import Context
from citekit.csl.locale import Term
from citekit.csl.numbers import to_roman

_NUMBER_TOKEN = re.compile(r"(\d+)")
_PLURAL = re.compile(r"\d\s*(?:[-\u2013\u2014,&]|\band\b)\s*\S")
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
    """``n`` with the locale's ordinal suffix (CSL 1.0.2 ordinal matching, gender-aware)."""
    gender = ctx.locale.gender(gender_of) if gender_of else None
    return f"{n}{_ordinal_suffix(n, ctx, gender)}"


def _ordinal_suffix(n: int, ctx: Context, gender: str | None) -> str:
    for name in (f"ordinal-{n % 100:02d}", f"ordinal-{n % 10:02d}"):
        term = _gendered_term(ctx, name, gender)
        if term is None:
            continue
        number = int(name[-2:])
        match = term.match or ("last-digit" if number < 10 else "last-two-digits")
        if match == "whole-number":
            fits = n == number
        elif match == "last-two-digits":
            fits = n % 100 == number
        else:
            fits = n % 10 == number
        if fits:
            return term.single
    return ctx.locale.term("ordinal") or ""


def _gendered_term(ctx: Context, name: str, gender: str | None) -> Term | None:
    terms = ctx.locale.terms
    if gender:
        found = terms.get((name, "long", gender))
        if found is not None:
            return found
    return terms.get((name, "long", None))


def long_ordinal(n: int, ctx: Context, gender: str | None) -> str:
    if 1 <= n <= 10:
        term = _gendered_term(ctx, f"long-ordinal-{n:02d}", gender)
        if term is not None:
            return term.single
    return f"{n}{_ordinal_suffix(n, ctx, gender)}"


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
            return f"{n}{_ordinal_suffix(n, ctx, gender)}"
        if form == "long-ordinal":
            return long_ordinal(n, ctx, gender)
        if form == "roman":
            return to_roman(n)
        return str(n)

    return _NUMBER_TOKEN.sub(convert, text)
