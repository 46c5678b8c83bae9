"""CSL rich text in data: the small HTML-like markup CSL-JSON strings may carry, parsed into tree nodes.

Supported: ``<i>``, ``<b>``, ``<sup>``, ``<sub>``, ``<sc>``, ``<span style="font-variant:small-caps;">``,
``<span class="nocase">`` and straight double quotes (which become locale quotes, as citeproc-js does).
Anything else that looks like a tag is kept as literal text, so nothing from data is ever lost or interpreted
as output markup.
"""

from __future__ import annotations

import re

from citekit.csl.tree import Node, Span, Str

_TAG = re.compile(
    r'<(?P<close>/)?(?P<name>i|b|sup|sub|sc|span)(?P<attrs>(?:\s+[a-z-]+="[^"<>]*")*)\s*>',
    re.IGNORECASE,
)
_OPENERS = {
    "i": {"font_style": "italic"},
    "b": {"font_weight": "bold"},
    "sup": {"vertical_align": "sup"},
    "sub": {"vertical_align": "sub"},
    "sc": {"font_variant": "small-caps"},
}
_MARKUP_HINT = re.compile(r'[<"\u201c\u201d\']')


def parse_rich_text(text: str) -> list[Node]:
    """Parse ``text`` into nodes; plain text (the common case) returns a single :class:`Str`."""
    if not _MARKUP_HINT.search(text):
        return [Str(text)]
    root: list[Node] = []
    stack: list[tuple[str, list[Node], Span | None]] = [("", root, None)]
    pos = 0
    for match in _TAG.finditer(text):
        _add_text(stack[-1][1], text[pos : match.start()])
        pos = match.end()
        name = match.group("name").lower()
        if match.group("close"):
            if stack[-1][0] == name:
                _, _, span = stack.pop()
                if span is not None:
                    stack[-1][1].append(span)
            else:
                _add_text(stack[-1][1], match.group(0))
            continue
        span = _open_span(name, match.group("attrs") or "")
        if span is None:
            _add_text(stack[-1][1], match.group(0))
            continue
        stack.append((name, span.children, span))
    _add_text(stack[-1][1], text[pos:])
    # Unclosed tags: keep their content, formatted, rather than dropping it.
    while len(stack) > 1:
        _, _, span = stack.pop()
        if span is not None:
            stack[-1][1].append(span)
    return _quotes(root)


def _open_span(name: str, attrs_text: str) -> Span | None:
    if name in _OPENERS:
        return Span(children=[], **_OPENERS[name])  # type: ignore[arg-type]
    compact = attrs_text.replace(" ", "").lower()
    if 'class="nocase"' in compact:
        return Span(children=[], nocase=True)
    if 'class="nodecor"' in compact:
        return Span(children=[], font_style="normal", font_weight="normal", font_variant="normal")
    if "font-variant:small-caps" in compact:
        return Span(children=[], font_variant="small-caps")
    return None


def _add_text(target: list[Node], text: str) -> None:
    if text:
        target.append(Str(text))


# Quote marks in data: double quotes anywhere; single quotes only at word edges (elsewhere they are apostrophes).
_QUOTE_TOKEN = re.compile(
    r"""(?P<double>["\u201c\u201d])"""
    r"""|(?P<open_single>(?:(?<=^)|(?<=[\s(\[{\u2014\u2013-]))['\u2018](?=\w))"""
    r"""|(?P<close_single>(?<=[\w.,!?;:])['\u2019](?=$|[\s.,;:!?)\]}\u2014\u2013-]))"""
    r"""|(?P<apostrophe>')"""
)
_CLOSERS = {'"': '"', "\u201c": "\u201d", "'": "'", "\u2018": "\u2019"}


def _quotes(nodes: list[Node]) -> list[Node]:
    """Turn pairs of quote marks within one run of siblings into quoted spans that remember which mark opened
    them (the renderer maps it to the locale's outer or inner quotes); other straight apostrophes become ’."""
    out: list[Node] = []
    stack: list[tuple[int, str]] = []  # where each open quote's content starts, and its opening mark
    for node in nodes:
        if isinstance(node, Span):
            node.children = _quotes(node.children)
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
            closing = stack and (
                mark == _CLOSERS[stack[-1][1]] or (kind == "double" and mark == '"' and stack[-1][1] == '"')
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
    # Unmatched opening marks are literal text.
    for start, opener in reversed(stack):
        out.insert(start, Str("\u2019" if opener == "'" else opener))
    return out
