"""LaTeX, for a paper's reference list: ``\\textit``, ``\\textbf``, ``\\textsc`` and ``\\href`` around text that is
escaped so that nothing in the data is read as a command.

- ``\\ { } & % $ # _ ~ ^`` become ``\\textbackslash{}``, ``\\{``, ``\\}``, ``\\&``, ``\\%``, ``\\$``, ``\\#``,
  ``\\_``, ``\\textasciitilde{}``, ``\\textasciicircum{}``; ``< > |`` become ``\\textless{}`` etc. (in the default
  OT1 encoding they would print as other glyphs);
- TeX's input ligatures (``--``, ``''``, ``,,``, ``!```...) are broken with ``{}`` so the data's characters print;
- line breaks and control characters become spaces (a blank line would end the paragraph);
- the other characters stay UTF-8, which every LaTeX since 2018 reads; the typographic spaces pdfLaTeX has no
  glyph for are written as TeX spaces.

Display blocks become ``\\CSLLeftMargin{...}``, ``\\CSLRightInline{...}``, ``\\CSLBlock{...}`` and
``\\CSLIndent{...}``, the names pandoc uses; :data:`LATEX_PREAMBLE` defines them for running text, and
:mod:`citekit.layout` defines them for its bibliography list.  Links need ``\\usepackage{hyperref}``.
"""

from __future__ import annotations

import re

from citekit.csl.punctuation import CLOSE, OPEN, Token
from citekit.renderers import base

_ESCAPES = {
    "\\": "\\textbackslash{}",
    "{": "\\{",
    "}": "\\}",
    "&": "\\&",
    "%": "\\%",
    "$": "\\$",
    "#": "\\#",
    "_": "\\_",
    "~": "\\textasciitilde{}",
    "^": "\\textasciicircum{}",
    "<": "\\textless{}",
    ">": "\\textgreater{}",
    "|": "\\textbar{}",
    "\u00a0": "~",
    "\u2002": "\\enspace{}",
    "\u2003": "\\quad{}",
    "\u2009": "\\,",
    "\u202f": "\\,",
    "\u200b": "\\hspace{0pt}",
}
_SPECIAL = re.compile("[" + re.escape("".join(_ESCAPES)) + "]")
# The second character of each TeX input ligature ("--" is an en dash, "''" a closing quote, "!`" an inverted "!").
_LIGATURE = re.compile(r"(?<=-)-|(?<=')'|(?<=`)`|(?<=,),|(?<=[!?])`")
_URL_BREAK = re.compile(r"(?<=/)(?=[^/])")

_COMMANDS: dict[str, str] = {
    base.ITALIC: "\\textit",
    base.OBLIQUE: "\\textsl",
    base.UPRIGHT: "\\textup",
    base.BOLD: "\\textbf",
    base.UNBOLD: "\\textmd",
    base.SMALL_CAPS: "\\textsc",
    base.NO_SMALL_CAPS: "\\textup",
    base.UNDERLINE: "\\underline",
    base.SUPERSCRIPT: "\\textsuperscript",
    base.SUBSCRIPT: "\\textsubscript",
    "block": "\\CSLBlock",
    "left-margin": "\\CSLLeftMargin",
    "right-inline": "\\CSLRightInline",
    "indent": "\\CSLIndent",
}

LATEX_PREAMBLE = r"""\providecommand{\CSLBlock}[1]{\par\noindent #1\par}
\providecommand{\CSLLeftMargin}[1]{#1\enspace}
\providecommand{\CSLRightInline}[1]{#1}
\providecommand{\CSLIndent}[1]{\par\hspace*{2em}#1\par}
"""
"""Definitions of the display-block commands for entries set in running text (put them in the preamble).
Only styles with ``display`` attributes (numeric styles' ``second-field-align``, annotated styles) use them."""


def escape(text: str) -> str:
    """``text`` as LaTeX text: every character prints as itself, none is read as markup."""
    text = _SPECIAL.sub(lambda m: _ESCAPES[m.group(0)], base.one_line(text))
    return _LIGATURE.sub(lambda m: "{}" + m.group(0), text)


def escape_url(target: str) -> str:
    """A percent-encoded link target as ``\\href``'s first argument: hyperref turns ``\\%`` and ``\\#`` back into
    ``%`` and ``#``, also inside another command's argument, where a bare ``%`` would start a comment; ``~``
    (active in TeX) is percent-encoded."""
    return target.replace("%", "\\%").replace("#", "\\#").replace("~", "%7E")


def _text(text: str) -> str:
    return base.with_superscripts(text, escape, lambda letter: "\\textsuperscript{" + letter + "}")


def _markup(effect: base.Effect) -> tuple[str, str]:
    if effect.kind == base.LINK:
        return "\\href{" + escape_url(effect.value) + "}{", "}"
    if effect.kind in (base.LIGHT, base.BASELINE):
        return "", ""
    command = _COMMANDS.get(effect.value if effect.kind == base.DISPLAY else effect.kind)
    return (command + "{", "}") if command else ("", "")


def render_latex(tokens: list[Token], links: bool = False) -> str:
    out: list[str] = []
    in_url = 0
    for event in base.events(tokens, links):
        if event.kind == OPEN or event.kind == CLOSE:
            opening = event.kind == OPEN
            out.append(_markup(event.effect)[0 if opening else 1])
            if event.effect.kind == base.LINK:
                in_url += 1 if opening else -1
        elif in_url or _is_url(event.text):
            # A long URL may break after its slashes instead of running into the margin.
            out.append("\\allowbreak{}".join(_text(piece) for piece in _URL_BREAK.split(event.text)))
        else:
            out.append(_text(event.text))
    return "".join(out)


def _is_url(text: str) -> bool:
    return text.startswith(("http://", "https://", "ftp://")) and " " not in text
