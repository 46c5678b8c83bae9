"""HTML in the conventions citeproc-js users know (``<i>``, ``<b>``, ``csl-left-margin`` divs, ``&#38;``).

Every character that came from data is escaped; only the tree's own formatting becomes markup.  Nested italics
(and bold, small caps) flip back to normal, as CSL asks.
"""

from __future__ import annotations

import re

from citekit.csl.punctuation import CLOSE, OPEN, QUOTE_CLOSE, QUOTE_OPEN, TEXT, Token
from citekit.csl.tree import Span

_ESCAPES = str.maketrans({"&": "&#38;", "<": "&#60;", ">": "&#62;"})
# Unicode superscript letters and digits (ordinal suffixes like "1ʳᵉ", "2.ª") become <sup> markup, as
# citeproc-js writes them, so they look the same in every font.
_SUPERSCRIPTS = dict(
    zip(
        "\u00aa\u00ba\u00b9\u00b2\u00b3\u2070\u2071\u2074\u2075\u2076\u2077\u2078\u2079\u207f"
        "\u02b0\u02b3\u02b7\u02b8\u02e1\u02e2\u02e3\u1d48\u1d49\u1d4d\u1d4f\u1d50\u1d52\u1d56\u1d57\u1d58\u1d5b\u1d9c",
        "ao1230i456789nhrwylsxdegkmoptuvc",
    )
)
_SUPERSCRIPT_RUN = re.compile("[" + "".join(_SUPERSCRIPTS) + "]")


def escape(text: str) -> str:
    return text.translate(_ESCAPES)


def _text(text: str) -> str:
    escaped = escape(text)
    if _SUPERSCRIPT_RUN.search(escaped):
        escaped = _SUPERSCRIPT_RUN.sub(lambda m: f"<sup>{_SUPERSCRIPTS[m.group(0)]}</sup>", escaped)
    return escaped


def render_html(tokens: list[Token], links: bool = False) -> str:
    out: list[str] = []
    closers: list[str] = []
    # How many enclosing spans set each property, to flip nested italics/bold/small caps.
    active = {"italic": 0, "bold": 0, "small-caps": 0}
    restore: list[list[str]] = []
    for token in tokens:
        if token.kind == TEXT:
            out.append(_text(token.text))
        elif token.kind == QUOTE_OPEN or token.kind == QUOTE_CLOSE:
            out.append(escape(token.text))
        elif token.kind == OPEN and token.span is not None:
            opened, closing, changed = _open(token.span, active, links)
            out.append(opened)
            closers.append(closing)
            restore.append(changed)
        elif token.kind == CLOSE:
            out.append(closers.pop())
            for key in restore.pop():
                active[key] -= 1
    return "".join(out)


def _open(span: Span, active: dict[str, int], links: bool) -> tuple[str, str, list[str]]:
    opens: list[str] = []
    closes: list[str] = []
    changed: list[str] = []

    def add(open_tag: str, close_tag: str) -> None:
        opens.append(open_tag)
        closes.insert(0, close_tag)

    if span.display:
        add(f'<div class="csl-{span.display}">', "</div>")
    if span.font_style in ("italic", "oblique"):
        if active["italic"] % 2:
            add('<span style="font-style:normal;">', "</span>")
        elif span.font_style == "italic":
            add("<i>", "</i>")
        else:
            add('<span style="font-style:oblique;">', "</span>")
        active["italic"] += 1
        changed.append("italic")
    elif span.font_style == "normal" and active["italic"] % 2:
        add('<span style="font-style:normal;">', "</span>")
    if span.font_weight == "bold":
        if active["bold"] % 2:
            add('<span style="font-weight:normal;">', "</span>")
        else:
            add("<b>", "</b>")
        active["bold"] += 1
        changed.append("bold")
    elif span.font_weight == "light":
        add('<span style="font-weight:light;">', "</span>")
    elif span.font_weight == "normal" and active["bold"] % 2:
        add('<span style="font-weight:normal;">', "</span>")
    if span.font_variant == "small-caps":
        if active["small-caps"] % 2:
            add('<span style="font-variant:normal;">', "</span>")
        else:
            add('<span style="font-variant:small-caps;">', "</span>")
        active["small-caps"] += 1
        changed.append("small-caps")
    elif span.font_variant == "normal" and active["small-caps"] % 2:
        add('<span style="font-variant:normal;">', "</span>")
    if span.text_decoration == "underline":
        add('<span style="text-decoration:underline;">', "</span>")
    if span.vertical_align == "sup":
        add("<sup>", "</sup>")
    elif span.vertical_align == "sub":
        add("<sub>", "</sub>")
    elif span.vertical_align == "baseline":
        add('<span style="baseline">', "</span>")
    if span.link and links:
        add(f'<a href="{escape(span.link)}">', "</a>")
    return "".join(opens), "".join(closes), changed
