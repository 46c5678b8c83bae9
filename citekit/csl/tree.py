"""The output tree: what evaluation produces and every later pass and renderer consumes.

Text stays in a tree of :class:`Span` (formatting, quotes, display blocks, protected text) and :class:`Str`
(plain text) until a renderer turns it into a string, so punctuation and case are fixed on structure rather than
on markup.  Nodes are mutable only so the post-pass can adjust text in place.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Union

import attrs


@attrs.define(slots=True, eq=False)
class Str:
    text: str
    # Text that text-case and strip-periods leave alone (terms like "et al." stay as the locale has them).
    protected: bool = False
    # Which string of the input the text was parsed from (0: the style's own affixes and terms).  Punctuation
    # typed after a quote in the same string stays where it was typed.
    origin: int = 0


@attrs.define(slots=True, eq=False)
class Span:
    children: list[Node]
    font_style: str | None = None
    font_variant: str | None = None
    font_weight: str | None = None
    text_decoration: str | None = None
    vertical_align: str | None = None
    display: str | None = None
    quotes: bool = False
    # For quotes found in data: the mark that opened them ("" for quotes the style asked for), and the origin
    # of the string they were found in.
    quote_mark: str = ""
    origin: int = 0
    nocase: bool = False
    link: str | None = None
    # What the span holds, for passes that need to find it again ("names", "year-suffix", "entry"...).
    role: str | None = None


Node = Union[Str, Span]


def group(children: list[Node], role: str | None = None) -> Span:
    return Span(children=children, role=role)


def leaves(node: Node) -> Iterator[Str]:
    """Every text leaf under ``node`` in reading order."""
    if isinstance(node, Str):
        yield node
        return
    stack: list[Iterator[Node]] = [iter(node.children)]
    while stack:
        for child in stack[-1]:
            if isinstance(child, Str):
                yield child
            else:
                stack.append(iter(child.children))
            break
        else:
            stack.pop()


def plain_text(node: Node | None) -> str:
    """The text of a subtree without any formatting (quotes are not added)."""
    if node is None:
        return ""
    if isinstance(node, Str):
        return node.text
    # Recursion over a list: cheaper than the generator of leaves() for the shallow trees sort and
    # disambiguation keys are read from (every item renders one of each).
    return "".join([child.text if type(child) is Str else plain_text(child) for child in node.children])


def is_empty(node: Node | None) -> bool:
    # Called for every formatted element: a plain recursion that stops at the first text is much cheaper
    # than walking all leaves through a generator.
    if node is None:
        return True
    if type(node) is Str:
        return not node.text
    for child in node.children:  # type: ignore[union-attr]
        if not is_empty(child):
            return False
    return True


def find_roles(node: Node, role: str) -> Iterator[Span]:
    if isinstance(node, Span):
        if node.role == role:
            yield node
        for child in node.children:
            yield from find_roles(child, role)
