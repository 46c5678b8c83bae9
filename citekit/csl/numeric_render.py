"""Numbers as CSL renders them: ordinal and long-ordinal suffixes from the locale, roman numerals, ranges,
and whether a label is plural."""

from __future__ import annotations

import functools
import re

from citekit.csl.context import Context
from citekit.csl import numbers

_NUMBER_TOKEN = re.compile(r"(\d+)")
# Two page-like tokens (arabic or roman numbers) joined as a range or a list: "xiv-19", "xxv, 413",
# "213 and 235" (with the locale's word for "and"); an em dash or words joined by a hyphen
# ("Michaelson-Morely") are neither.
_NUMBERISH = r"(?:\d+|\b[ivxlcdm]+\b|\b[IVXLCDM]+\b)"


@functools.lru_cache(maxsize=64)
def _plural_pattern(and_term: str) -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in {"and", and_term} if w)
    return re.compile(rf"{_NUMBERISH}\s*(?:[-\u2013&]|,?\s*(?:{words})\b|,)\s*{_NUMBERISH}")


_LOCATOR_TERMS = {"sub verbo": "sub-verbo", "sub-verbo": "sub-verbo"}


def locator_term(label: str | None) -> str:
    label = label or "page"
    return _LOCATOR_TERMS.get(label, label)


def label_is_plural(variable: str, value: str, and_term: str = "and") -> bool:
    if variable in ("number-of-pages", "number-of-volumes"):
        match = _NUMBER_TOKEN.search(value)
        return match is not None and int(match.group(1)) > 1
    if numbers.is_numeric(value):
        # An escaped hyphen ("327\\-30") comes back as a plain "-": it joins one number, not a range.
        return any(token.separator and token.text != "-" for token in numbers.parse_number_list(value))
    # Roman or mixed ranges ("xiv-19") are not numeric for CSL, yet citeproc-js counts them as plural.
    return bool(_plural_pattern(and_term).search(value))


def ordinal(n: int, ctx: Context, gender_of: str | None = None) -> str:
    """``n`` with the locale's ordinal suffix, agreeing with the gender of the term ``gender_of``."""
    gender = ctx.locale.gender(gender_of) if gender_of else None
    return numbers.ordinal(n, ctx.locale.ordinals, gender)


def render_number_value(raw: str, form: str, variable: str, ctx: Context) -> str:
    """A numeric variable's value in ``form`` (numeric, ordinal, long-ordinal, roman); ranges get an en dash."""
    gender = ctx.locale.gender(variable) if form in ("ordinal", "long-ordinal") else None
    out: list[str] = []
    for token in numbers.parse_number_list(raw, ctx.locale.term("page-range-delimiter") or "\u2013"):
        n = token.number
        if n is None or token.separator or form == "numeric":
            out.append(token.text)
        elif form == "ordinal":
            out.append(numbers.ordinal(n, ctx.locale.ordinals, gender))
        elif form == "long-ordinal":
            out.append(numbers.long_ordinal(n, ctx.locale.ordinals, gender))
        elif form == "roman":
            out.append(numbers.to_roman(n))
        else:
            out.append(token.text)
    return "".join(out)
