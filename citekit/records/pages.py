"""Page ranges, as the CSL ``page`` variable holds them.

A page value is one or more parts separated by "," or "&"; a part is one locator ("79", "e1234", "xii",
"S1") or a range of two.  Ranges are stored with a plain hyphen between the ends, whatever dash was typed:
CSL processors look for "-" to find a range and then print it with the style's own en dash and
page-range-format, so a stored en dash would hide the range from them.  Abbreviated ends ("16187-92") are
kept abbreviated; expanding them is the style's business.
"""

from __future__ import annotations

import re

from citekit._lazy_pattern import lazy_pattern
from citekit.errors import RecordError

# "--" (BibTeX), en dash, em dash, figure dash, minus sign, and the hyphen itself.
_DASH = r"(?:--|[-\u2010-\u2015\u2212])"
_PART_SEPARATOR = re.compile(r"\s*([,&])\s*")
_RANGE = re.compile(rf"\s*{_DASH}\s*")
# A locator: letters and digits with optional inner dots ("3.14"), or a roman numeral.
_LOCATOR = re.compile(r"[^\W_]+(?:[.:][^\W_]+)*")
_LABEL = re.compile(r"^(?:pp?\.|pages?)\s*", re.IGNORECASE)
# The commonest value, one page or one range ("79", "79-88", "79 – 88"), read in one match.  Compiled on first use,
# as a program may never read a page.
_SIMPLE = lazy_pattern(rf"({_LOCATOR.pattern})(?:\s*{_DASH}\s*({_LOCATOR.pattern}))?")


def normalise_pages(value: object, field: str = "pages") -> str:
    """The CSL ``page`` string for ``value``: "79–88" -> "79-88", "79, 81--85" -> "79, 81-85", 79 -> "79"."""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise RecordError(field, value, "pages must be a string such as '79-88' (or a whole number)")
    if isinstance(value, int):
        if value < 0:
            raise RecordError(field, value, "a page number cannot be negative")
        return str(value)
    text = value.strip()
    simple = _SIMPLE.fullmatch(text)
    if simple and not _LABEL.match(text):
        first, last = simple.groups()
        return first if last is None else f"{first}-{last}"
    text = _LABEL.sub("", text)
    if not text:
        raise RecordError(field, value, "pages cannot be empty")
    pieces = _PART_SEPARATOR.split(text)
    out: list[str] = []
    for i, piece in enumerate(pieces):
        if i % 2:  # a captured separator
            out.append(", " if piece == "," else " & ")
            continue
        ends = _RANGE.split(piece)
        if len(ends) > 2 or not all(_LOCATOR.fullmatch(end) for end in ends):
            raise RecordError(field, value, f"{piece!r} is neither a page nor a range of two pages")
        out.append("-".join(ends))
    return "".join(out)


def first_page(pages: str) -> str:
    """The first locator of a normalised page string: "79-88" -> "79", "xii-xv, 3" -> "xii"."""
    match = _LOCATOR.match(pages)
    if match is None:
        raise RecordError("pages", pages, "has no first page")
    return match.group(0)
