"""RTF, for word processors: italics, bold and small caps survive a paste into Word or LibreOffice.

Each formatting effect is an RTF group (``{\\i ...}``), so it ends where its group ends whatever it contains.
Text from data is escaped: ``\\``, ``{`` and ``}`` with a backslash, every non-ASCII character as ``\\uN?``
(a signed 16-bit code, with ``?`` for readers without Unicode), and line breaks and control characters as
spaces, so no data can start a control word or a group.  As in citeproc-js's RTF, a left-margin field (the
"[1]" of numeric styles) is followed by a tab, which :mod:`citekit.layout` aligns with a tab stop.
"""

from __future__ import annotations

import re

from citekit.csl.punctuation import Token
from citekit.renderers import base

_SPECIAL = re.compile(r"[\\{}]|[^\x00-\x7f]")
_GROUPS: dict[str, str] = {
    base.ITALIC: "\\i",
    base.OBLIQUE: "\\i",
    base.UPRIGHT: "\\i0",
    base.BOLD: "\\b",
    base.UNBOLD: "\\b0",
    base.SMALL_CAPS: "\\scaps",
    base.NO_SMALL_CAPS: "\\scaps0",
    base.UNDERLINE: "\\ul",
    base.SUPERSCRIPT: "\\super",
    base.SUBSCRIPT: "\\sub",
    base.BASELINE: "\\nosupersub",
}


def _escape_char(match: re.Match[str]) -> str:
    char = match.group(0)
    if char in "\\{}":
        return "\\" + char
    code = ord(char)
    if code > 0xFFFF:  # RTF counts in UTF-16 units: a surrogate pair
        code -= 0x10000
        return _unicode(0xD800 + (code >> 10)) + _unicode(0xDC00 + (code & 0x3FF))
    return _unicode(code)


def _unicode(unit: int) -> str:
    return f"\\u{unit - 0x10000 if unit > 0x7FFF else unit}?"


def escape(text: str) -> str:
    """``text`` as RTF text: nothing in it can be read as a control word, a control symbol or a group."""
    return _SPECIAL.sub(_escape_char, base.one_line(text))


def _text(text: str) -> str:
    return base.with_superscripts(text, escape, lambda letter: "{\\super " + letter + "}")


def _markup(effect: base.Effect) -> tuple[str, str]:
    if effect.kind == base.DISPLAY:
        # Blocks and indents start a line of their own; the left margin is ended by a tab (citeproc-js's RTF).
        return {
            "block": ("\\line ", "\\line "),
            "indent": ("\\line\\tab ", "\\line "),
            "left-margin": ("", "\\tab "),
        }.get(effect.value, ("", ""))
    if effect.kind == base.LIGHT:
        return "", ""
    if effect.kind == base.LINK:
        # A HYPERLINK field: Word and LibreOffice show the result and follow the target.  The target is
        # percent-encoded (no quote, backslash or brace can reach the field instruction).
        return '{\\field{\\*\\fldinst{HYPERLINK "' + effect.value + '"}}{\\fldrslt{', "}}}"
    return "{" + _GROUPS[effect.kind] + " ", "}"


def render_rtf(tokens: list[Token], links: bool = False) -> str:
    return base.render_with(tokens, links, _text, _markup)
