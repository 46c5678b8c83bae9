"""Renderers: each turns the post-processed token stream of one entry or citation into a string.

``OUTPUT_FORMATS`` is the one list of output names (the API and the command line take theirs from here).  A
renderer's module is imported the first time it is used, so ``import citekit`` stays light.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from citekit.csl.punctuation import Token

# A renderer turns one entry's or citation's tokens into a string; ``links`` asks for DOIs and URLs as
# hyperlinks where the format has them.
Renderer = Callable[["list[Token]", bool], str]

_MODULES: dict[str, tuple[str, str]] = {
    "text": ("citekit.renderers.text", "render_text"),
    "html": ("citekit.renderers.html", "render_html"),
    "markdown": ("citekit.renderers.markdown", "render_markdown"),
    "rtf": ("citekit.renderers.rtf", "render_rtf"),
    "latex": ("citekit.renderers.latex", "render_latex"),
}

OUTPUT_FORMATS: tuple[str, ...] = tuple(_MODULES)
"""The output format names, in the order the documentation lists them."""


class _Renderers(Mapping[str, Renderer]):
    """Name to renderer, importing each renderer's module on first use."""

    def __init__(self) -> None:
        self._loaded: dict[str, Renderer] = {}

    def __getitem__(self, name: str) -> Renderer:
        if name not in self._loaded:
            module_name, function = _MODULES[name]
            renderer: Renderer = getattr(importlib.import_module(module_name), function)
            self._loaded[name] = renderer
        return self._loaded[name]

    def __iter__(self) -> Iterator[str]:
        return iter(_MODULES)

    def __len__(self) -> int:
        return len(_MODULES)


RENDERERS: Mapping[str, Renderer] = _Renderers()


def get_renderer(name: str) -> Renderer:
    try:
        return RENDERERS[name]
    except KeyError:
        raise ValueError(f"output: unknown output format {name!r}; choose one of {', '.join(OUTPUT_FORMATS)}") from None
