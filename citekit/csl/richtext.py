"""CSL rich text in data: the small HTML-like markup CSL-JSON strings may carry, parsed into tree nodes.

Supported: ``<i>``, ``<b>``, ``<sup>``, ``<sub>``, ``<sc>``, ``<span style="font-variant:small-caps;">``,
``<span class="nocase">`` and straight double quotes (which become locale quotes, as citeproc-js does).
Anything else that looks like a tag is kept as literal text, so nothing from data is ever lost or interpreted
as output markup.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from citekit._lazy_pattern import lazy_pattern
from citekit.csl.tree import Node, Span, Str

# CSL rich text is lower-case markup; "<I>" or "<B>" in data is text.
_TAG = lazy_pattern(r'<(?P<close>/)?(?P<name>i|b|sup|sub|sc|span)(?P<attrs>(?:\s+[a-z-]+="[^"<>]*")*)\s*>')
_OPENERS = {
    "i": {"font_style": "italic"},
    "b": {"font_weight": "bold"},
    "sup": {"vertical_align": "sup"},
    "sub": {"vertical_align": "sub"},
    "sc": {"font_variant": "small-caps"},
}
_MARKUP_HINT = re.compile(r'[<"\u201c\u201d\']')


_origins = itertools.count(1)


def parse_rich_text(text: str) -> list[Node]:
    """Parse ``text`` into nodes; plain text (the common case) returns a single :class:`Str`.

    Every node is stamped with one fresh origin, so the post-pass can tell punctuation typed in this string
    (which stays put) from punctuation of what follows it."""
    origin = next(_origins)
    nodes = _parse(text)
    for node in nodes:
        _stamp(node, origin)
    return nodes


def _stamp(node: Node, origin: int) -> None:
    node.origin = origin
    if isinstance(node, Span):
        for child in node.children:
            _stamp(child, origin)


def _parse(text: str) -> list[Node]:
    if not _MARKUP_HINT.search(text):
        return [Str(text)]
    root: list[Node] = []
    stack: list[tuple[str, list[Node], Span | None, str]] = [("", root, None, "")]
    pos = 0
    for match in _TAG.finditer(text):
        _add_text(stack[-1][1], text[pos : match.start()])
        pos = match.end()
        name = match.group("name").lower()
        if match.group("close"):
            if stack[-1][0] == name:
                _, _, span, _ = stack.pop()
                if span is not None:
                    stack[-1][1].append(span)
            else:
                _add_text(stack[-1][1], match.group(0))
            continue
        span = _open_span(name, match.group("attrs") or "")
        if span is None:
            _add_text(stack[-1][1], match.group(0))
            continue
        stack.append((name, span.children, span, match.group(0)))
    _add_text(stack[-1][1], text[pos:])
    # An opening tag that is never closed was not markup: it stays as text, and so does what follows it.
    while len(stack) > 1:
        _, children, _, tag = stack.pop()
        stack[-1][1].append(Str(tag))
        stack[-1][1].extend(children)
    return _quotes(root)


def _open_span(name: str, attrs_text: str) -> Span | None:
    if name in _OPENERS:
        return Span(children=[], **_OPENERS[name])  # type: ignore[arg-type]
    compact = attrs_text.replace(" ", "").lower()
    if 'class="nocase"' in compact:
        return Span(children=[], nocase=True)
    if 'class="nodecor"' in compact:
        # "No decoration": upright, regular, no small caps, and left alone by text-case.
        return Span(children=[], font_style="normal", font_weight="normal", font_variant="normal", nocase=True)
    if "font-variant:small-caps" in compact:
        return Span(children=[], font_variant="small-caps")
    return None


def _add_text(target: list[Node], text: str) -> None:
    if text:
        target.append(Str(text))


# Quote marks in data: double quotes anywhere; single quotes only at word edges (elsewhere they are apostrophes).
# Quote marks in data: double quotes anywhere; single quotes only at word edges (an opener after white
# space, a closer before white space or punctuation); a straight ' after a letter is an apostrophe.
_QUOTE_TOKEN = lazy_pattern(
    r"""(?P<double>["\u201c\u201d])"""
    r"""|(?P<open_single>(?:(?<=^)|(?<=\s))['\u2018](?=\w))"""
    r"""|(?P<close_single>(?<=[\w.,!?])['\u2019](?=$|[\s.,;:!?]))"""
    r"""|(?P<apostrophe>(?<![(\[{])')"""
)
_CLOSERS = {'"': '"', "\u201c": "\u201d", "'": "'", "\u2018": "\u2019"}


def _quotes(nodes: list[Node]) -> list[Node]:
    """Pairs of quote marks become quoted spans (see :func:`_quote_spans`); straight single quotes take the
    kind citeproc-js gives them: inner quotes where the text also has double quotes, else outer ones."""
    out = _quote_spans(nodes)
    spans = list(_quoted(out))
    has_double = any(span.quote_mark in ('"', "\u201c") for span in spans)
    for span in spans:
        if span.quote_mark == "'":
            span.quote_mark = "\u2018" if has_double else '"'
    return out


def _quoted(nodes: list[Node]) -> Iterator[Span]:
    for node in nodes:
        if isinstance(node, Span):
            if node.quotes:
                yield node
            yield from _quoted(node.children)


def _quote_spans(nodes: list[Node]) -> list[Node]:
    """Turn pairs of quote marks within one run of siblings into quoted spans that remember which mark opened
    them (the renderer maps it to the locale's outer or inner quotes); apostrophes become ’."""
    out: list[Node] = []
    stack: list[tuple[int, str]] = []  # where each open quote's content starts, and its opening mark
    for node in nodes:
        if isinstance(node, Span):
            node.children = _quote_spans(node.children)
            out.append(node)
            continue
        pos = 0
        text = node.text
        for match in _QUOTE_TOKEN.finditer(text):
            mark = match.group(0)
            kind = match.lastgroup
            if match.start() > pos:
                out.append(Str(text[pos : match.start()]))
            pos = match.end()
            if kind == "apostrophe":
                out.append(Str("\u2019"))
                continue
            if mark == '"':
                # A straight double quote closes only after text and opens only before it: one with space on
                # both sides stays a literal mark (citeproc-js).
                before = text[match.start() - 1 : match.start()]
                after = text[match.end() : match.end() + 1]
                can_close = not before.isspace()  # an edge of this piece of text counts as text (markup)
                can_open = not after.isspace()
                if not (can_close and stack and stack[-1][1] == '"') and not can_open:
                    out.append(Str(mark))
                    continue
            closing = stack and (
                mark == _CLOSERS[stack[-1][1]]
                and (mark != '"' or not text[match.start() - 1 : match.start()].isspace())
            )
            if kind == "close_single" and not closing:
                out.append(Str("\u2019" if mark == "'" else mark))
                continue
            if closing:
                start, opener = stack.pop()
                inner = out[start:]
                del out[start:]
                out.append(Span(children=inner, quotes=True, quote_mark=opener))
            elif kind == "double" and mark == "\u201d":
                out.append(Str(mark))
            else:
                stack.append((len(out), mark))
        if pos < len(text):
            out.append(Str(text[pos:]))
    # Unmatched opening marks are literal text (a straight one reads as an apostrophe).
    for start, opener in reversed(stack):
        out.insert(start, Str("\u2019" if opener == "'" else opener))
    return out
