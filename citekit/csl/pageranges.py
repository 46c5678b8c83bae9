"""Page ranges as CSL 1.0.2 renders them: the range delimiter and ``page-range-format``.

``format_page_range`` rewrites every range ``a-b`` in a ``page`` (or ``locator``) value and leaves all
other text alone. What counts as a range, and what happens to the pieces that are not, follows
citeproc-js and the CSL test-suite (``page_*``, ``number_PageRange``, ``number_MixedPageRange``,
``label_CollapsedPageNumberPluralDetection``, ``number_PlainHyphenOrEnDashAlwaysPlural``):

* The dash of a range is a hyphen, a run of hyphens (``79--88``) or an en dash, with or without spaces
  around it. ``\\-`` is an escaped hyphen: it is printed as ``-`` and never starts a range.
* Each end is a number with an optional letter prefix (``S1``, ``n11564``, ``8n11564``) and an optional
  lowercase/uppercase letter suffix (``12a``), or a roman numeral (``xxv``).
* A range whose ends both carry the same prefix (or none) is valid: its dash becomes the locale's
  ``page-range-delimiter`` and, when both ends are plain numbers, it is expanded or collapsed per
  ``page-range-format``. Roman ranges and ranges with suffixes only get the delimiter.
* Two numbers joined by a dash that do not form a valid range (different prefixes, ``110-N6``, a roman
  numeral against an arabic one) keep their own dash, but lose the spaces around it (``N110 - 5`` gives
  ``N110-5``), as citeproc-js prints them.
* A descending range (``88-79``, or an abbreviation that does not expand upward such as ``110-05``) gets
  the delimiter but its numbers are printed as given.
* Words joined by a dash (``Michaelson-Morely``, ``3\\-B``, ``12a-c``) are not ranges and stay as they
  are; so does a chain of three or more dashed parts (``978-0-19``), which is an identifier, not a range.
"""

from __future__ import annotations

import functools
import re

from citekit._lazy_pattern import lazy_pattern

__all__ = ["PAGE_RANGE_FORMATS", "format_page_range"]

#: The values of ``page-range-format`` this module knows ("chicago" is CSL 1.0.2's alias of chicago-15).
PAGE_RANGE_FORMATS = frozenset({"expanded", "minimal", "minimal-two", "chicago", "chicago-15", "chicago-16"})

_EN_DASH = "\u2013"

# A candidate range: two alphanumeric tokens joined by a dash. The dash alternatives are built so that an
# escaped hyphen (``\-``) is seen as a unit and can be told apart from a real range dash.
_TOKEN = r"[^\W_]+"
_DASH_BASE = r"\\-|-+|\u2013"


def _range_regex(extra_dash: str) -> re.Pattern[str]:
    dash = _DASH_BASE if not extra_dash else f"{_DASH_BASE}|{re.escape(extra_dash)}"
    return re.compile(rf"(?P<a>{_TOKEN})(?P<s1>\s*)(?P<d>{dash})(?P<s2>\s*)(?P<b>{_TOKEN})")


_RANGE = _range_regex("")


@functools.lru_cache(maxsize=16)
def _range_regex_for(extra_dash: str) -> re.Pattern[str]:
    # A locale may use its own delimiter (French uses a non-breaking hyphen); recognising it keeps the
    # function idempotent. Cached so the hot path never compiles.
    return _range_regex(extra_dash)


# Something dashed onto a token right before or after a candidate makes it part of a chain.
_CHAIN_BEFORE = lazy_pattern(r"(?:\\?-|\u2013)\s*\Z")
_CHAIN_AFTER = lazy_pattern(r"\s*(?:\\?-|\u2013)\s*[^\W_]")

# One end of a range: letter prefix (which may start with digits, as in citeproc-js: "8n11564"), the
# number, and a letter suffix. Unlike citeproc-js, leading zeros belong to the number, so S01-S10 is a
# range with prefix "S" on both ends.
_ARABIC = lazy_pattern(r"(?P<prefix>[0-9]*[A-Za-z]+)?(?P<num>[0-9]+)(?P<suffix>[A-Za-z]*)")
_ROMAN = lazy_pattern(r"(?=[ivxlcdm])m{0,4}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})")


def format_page_range(value: str, page_range_format: str | None, range_delimiter: str = _EN_DASH) -> str:
    """``value`` with every page range delimited by ``range_delimiter`` and collapsed per the format.

    ``page_range_format`` is the style's ``page-range-format`` (None when the style does not set it:
    numbers are kept as given and only the delimiter changes). Unknown formats raise ValueError.
    """
    if page_range_format is not None and page_range_format not in PAGE_RANGE_FORMATS:
        raise ValueError(f"unknown page-range-format {page_range_format!r}")
    extra = range_delimiter if len(range_delimiter) == 1 and range_delimiter not in "-\u2013" else ""
    # Hot path: most values hold no dash at all.
    if "-" not in value and _EN_DASH not in value and (not extra or extra not in value):
        return value
    regex = _range_regex_for(extra) if extra else _RANGE
    out: list[str] = []
    pos = 0
    for match in regex.finditer(value):
        start, end = match.span()
        out.append(value[pos:start].replace("\\-", "-"))
        pos = end
        whole = match.group(0)
        if _CHAIN_BEFORE.search(value, 0, start) or _CHAIN_AFTER.match(value, end):
            out.append(whole.replace("\\-", "-"))
            continue
        out.append(
            _one_range(
                match.group("a"),
                match.group("b"),
                match.group("d"),
                whole,
                page_range_format,
                range_delimiter,
            )
        )
    out.append(value[pos:].replace("\\-", "-"))
    return "".join(out)


def _one_range(a: str, b: str, dash: str, whole: str, fmt: str | None, delimiter: str) -> str:
    if dash == "\\-":
        return whole.replace("\\-", "-")
    ma = _ARABIC.fullmatch(a)
    mb = _ARABIC.fullmatch(b)
    if ma is not None and mb is not None:
        prefix = ma.group("prefix") or ""
        if prefix != (mb.group("prefix") or ""):
            return f"{a}{dash}{b}"
        if ma.group("suffix") or mb.group("suffix"):
            return f"{a}{delimiter}{b}"
        return a + delimiter + _second(prefix, ma.group("num"), mb.group("num"), b, fmt)
    if _is_roman(a) and _is_roman(b):
        return f"{a}{delimiter}{b}"
    if (_is_roman(a) and b.isdigit()) or (a.isdigit() and _is_roman(b)):
        # Front matter running into the text ("xiv-19"): citeproc-js still sets the range with the delimiter.
        return f"{a}{delimiter}{b}"
    if (ma is not None or _is_roman(a)) and (mb is not None or _is_roman(b)):
        return f"{a}{dash}{b}"
    return whole


def _is_roman(token: str) -> bool:
    if not (token.islower() or token.isupper()):
        return False
    return _ROMAN.fullmatch(token.lower()) is not None


def _second(prefix: str, first: str, second: str, as_given: str, fmt: str | None) -> str:
    """The second end of a valid numeric range, written per ``fmt``."""
    if fmt is None:
        return as_given
    if len(second) < len(first):
        # An abbreviated second number borrows the leading digits of the first: 321-8 is 321-328.
        full = first[: len(first) - len(second)] + second
    else:
        full = second
    begin, end = int(first), int(full)
    if begin >= end:
        # Descending (or equal): not something any format may rewrite.
        return as_given
    if fmt == "expanded":
        return prefix + full
    # The collapsing formats drop the repeated prefix (citeproc-js: "n11564-n1568" gives "n11564-8").
    if fmt == "minimal":
        return _minimal(first, full, 0)
    if fmt == "minimal-two":
        return _minimal(first, full, 2)
    if fmt == "chicago-16":
        return _chicago16(begin, end, full)
    return _chicago15(begin, end, full)


def _minimal(first: str, second: str, keep: int) -> str:
    """Drop the leading digits ``second`` repeats from ``first``, keeping at least ``keep`` digits."""
    if len(first) != len(second):
        return second
    i = 0
    while i < len(second) and first[i] == second[i] and len(second) - i > keep:
        i += 1
    return second[i:]


def _chicago15(begin: int, end: int, full: str) -> str:
    # CMOS 15th ed. 9.64, the way citeproc-js computes it: 101-108 -> 101-8, 321-325 -> 321-25,
    # 1496-1504 stays, 100-104 stays, and five-digit numbers keep only the changed part (13792-803).
    if begin > 100 and begin % 100 and begin // 100 == end // 100:
        return str(end % 100)
    if begin >= 10000:
        for power in range(3, len(str(end))):
            divisor = 10**power
            if begin // divisor == end // divisor:
                return str(end % divisor)
    return full


def _chicago16(begin: int, end: int, full: str) -> str:
    # CMOS 16th ed. 9.61: under 100 and multiples of 100 use all digits, otherwise keep the changed part
    # with at least two digits (1496-500, 11564-615), except 101-109 style ranges (101-8).
    if begin > 100 and begin % 100:
        for power in range(2, len(str(end))):
            divisor = 10**power
            if begin // divisor == end // divisor:
                return str(end % divisor)
    return full
