"""HTML in the conventions citeproc-js users know (``<i>``, ``<b>``, ``csl-left-margin`` divs, ``&#38;``).

Every character that came from data is escaped; only the tree's own formatting becomes markup.  Nested italics
(and bold, small caps) flip back to normal, as CSL asks (see :mod:`citekit.renderers.base`).
"""

from __future__ import annotations

from citekit.csl.punctuation import Token
from citekit.renderers import base

_ESCAPES = str.maketrans({"&": "&#38;", "<": "&#60;", ">": "&#62;"})
# In attribute values a double quote would end the value.
_ATTRIBUTE_ESCAPES = str.maketrans({"&": "&#38;", "<": "&#60;", ">": "&#62;", '"': "&#34;"})

_SPAN = '<span style="{}">'
_TAGS: dict[str, tuple[str, str]] = {
    base.ITALIC: ("<i>", "</i>"),
    base.OBLIQUE: (_SPAN.format("font-style:oblique;"), "</span>"),
    base.UPRIGHT: (_SPAN.format("font-style:normal;"), "</span>"),
    base.BOLD: ("<b>", "</b>"),
    base.LIGHT: (_SPAN.format("font-weight:light;"), "</span>"),
    base.UNBOLD: (_SPAN.format("font-weight:normal;"), "</span>"),
    base.SMALL_CAPS: (_SPAN.format("font-variant:small-caps;"), "</span>"),
    base.NO_SMALL_CAPS: (_SPAN.format("font-variant:normal;"), "</span>"),
    base.UNDERLINE: (_SPAN.format("text-decoration:underline;"), "</span>"),
    base.SUPERSCRIPT: ("<sup>", "</sup>"),
    base.SUBSCRIPT: ("<sub>", "</sub>"),
    # citeproc-js writes this (invalid) style for vertical-align="baseline"; kept so output stays identical.
    base.BASELINE: ('<span style="baseline">', "</span>"),
}


def escape(text: str) -> str:
    return text.translate(_ESCAPES)


def escape_attribute(text: str) -> str:
    return text.translate(_ATTRIBUTE_ESCAPES)


def _text(text: str) -> str:
    return base.with_superscripts(text, escape, lambda letter: f"<sup>{letter}</sup>")


def _markup(effect: base.Effect) -> tuple[str, str]:
    if effect.kind == base.DISPLAY:
        return f'<div class="csl-{escape_attribute(effect.value)}">', "</div>"
    if effect.kind == base.LINK:
        return f'<a href="{escape_attribute(effect.value)}">', "</a>"
    return _TAGS[effect.kind]


def render_html(tokens: list[Token], links: bool = False) -> str:
    return base.render_with(tokens, links, _text, _markup)
