"""Renderers: each turns the post-processed token stream of one entry or citation into a string."""

from __future__ import annotations

from collections.abc import Callable

from citekit.csl.punctuation import Token
from citekit.renderers.html import render_html
from citekit.renderers.text import render_text

# A renderer turns one entry's or citation's tokens into a string; ``links`` asks for DOIs and URLs as
# hyperlinks where the format has them.
Renderer = Callable[[list[Token], bool], str]

RENDERERS: dict[str, Renderer] = {"text": render_text, "html": render_html}
OUTPUT_FORMATS: tuple[str, ...] = tuple(RENDERERS)


def get_renderer(name: str) -> Renderer:
    try:
        return RENDERERS[name]
    except KeyError:
        raise ValueError(f"output: unknown output format {name!r}; choose one of {', '.join(OUTPUT_FORMATS)}") from None
