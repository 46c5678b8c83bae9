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
_MARKUP_HINT = re.compile(r'[<"\u2018\u2019\'`]')


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
    if "font-variant:small-caps" in compact:
        return Span(children=[], font_variant="small-caps")
    return None


def _add_text(target: list[Node], text: str) -> None:
    if text:
        target.append(Str(text))


def _quotes(nodes: list[Node]) -> list[Node]:
    """Turn pairs of straight double quotes within one run of siblings into quoted spans."""
    out: list[Node] = []
    open_at: int | None = None
    for node in nodes:
        if isinstance(node, Span):
            node.children = _quotes(node.children)
            out.append(node)
            continue
        pieces = node.text.split('"')
        for index, piece in enumerate(pieces):
            if index > 0:
                if open_at is None:
                    open_at = len(out)
                else:
                    inner = out[open_at:]
                    del out[open_at:]
                    out.append(Span(children=inner, quotes=True))
                    open_at = None
            if piece:
                out.append(Str(piece))
    if open_at is not None:
        # An unmatched quote is literal text.
        out.insert(open_at, Str('"'))
    return out
