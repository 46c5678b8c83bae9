"""Plain text: the words and quote marks only, as citeproc-js's text format gives them."""

from __future__ import annotations

from citekit.csl.punctuation import CLOSE, OPEN, Token


def render_text(tokens: list[Token], links: bool = False) -> str:
    out: list[str] = []
    for token in tokens:
        if token.kind == OPEN or token.kind == CLOSE:
            span = token.span
            if token.kind == CLOSE and span is not None and span.display == "left-margin":
                # A left-margin field (the "[1]" of numeric styles) is set off by a space in plain text.
                out.append(" ")
            continue
        out.append(token.text)
    return "".join(out)
