"""Applying an element's formatting to the subtree it rendered: text-case, strip-periods, decorations,
quotes, affixes and display, in the order CSL defines (affixes sit outside decorations and quotes)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

import attrs

from citekit._lazy_pattern import lazy_pattern
from citekit.csl import model as m
from citekit.csl.context import Context
from citekit.csl.textcase import Segment, apply_text_case
from citekit.csl.tree import Node, Span, Str, is_empty


def join(nodes: list[Node], delimiter: str) -> Node | None:
    """One node for ``nodes`` with ``delimiter`` between them; None when there are none."""
    if not nodes:
        return None
    if len(nodes) == 1:
        return nodes[0]
    if not delimiter:
        return Span(list(nodes))
    out: list[Node] = [nodes[0]]
    for node in nodes[1:]:
        out.append(Str(delimiter))
        out.append(node)
    return Span(out)


def apply_formatting(
    node: Node | None, fmt: m.Formatting, ctx: Context, *, from_locale: bool = False
) -> Node | None:
    """Wrap ``node`` in ``fmt``.  ``from_locale``: the text is a term, in the locale's language whatever the
    item's language is (title case then applies to it)."""
    if node is None:
        return None
    if fmt is m.PLAIN:
        return node
    if is_empty(node):
        return None
    if fmt.text_case:
        apply_case(node, fmt.text_case, ctx, from_locale=from_locale)
    if fmt.strip_periods:
        for leaf, _ in case_leaves(node):
            leaf.text = leaf.text.replace(".", "")
    node = decorate(node, fmt)
    if fmt.prefix or fmt.suffix:
        parts: list[Node] = []
        if fmt.prefix:
            parts.append(Str(fmt.prefix))
        parts.append(node)
        if fmt.suffix:
            parts.append(Str(fmt.suffix))
        node = Span(parts)
    if fmt.display:
        node = Span([node], display=fmt.display)
    return node


def decorate(node: Node, fmt: m.Formatting) -> Node:
    """``node`` in ``fmt``'s decorations and quotes (no affixes, no text-case)."""
    if not (fmt.has_decorations or fmt.quotes):
        return node
    return Span(
        [node],
        font_style=fmt.font_style,
        font_variant=fmt.font_variant,
        font_weight=fmt.font_weight,
        text_decoration=fmt.text_decoration,
        vertical_align=fmt.vertical_align,
        quotes=fmt.quotes,
    )


def apply_layout_formatting(node: Node | None, fmt: m.Formatting, ctx: Context) -> Node | None:
    """A layout's affixes sit inside its decorations (citeproc-js), unlike every other element's."""
    if node is None or is_empty(node):
        return None
    affixes, rest = _split_layout_formatting(fmt)
    return apply_formatting(apply_formatting(node, affixes, ctx), rest, ctx)


@functools.lru_cache(maxsize=64)
def _split_layout_formatting(fmt: m.Formatting) -> tuple[m.Formatting, m.Formatting]:
    """``fmt`` as its affixes and the rest, each PLAIN itself when empty (apply_formatting then does nothing).

    Cached: a style has a handful of layouts, and every entry and citation would otherwise build both again."""
    affixes = m.Formatting(prefix=fmt.prefix, suffix=fmt.suffix)
    rest = attrs.evolve(fmt, prefix="", suffix="")
    return (m.PLAIN if affixes == m.PLAIN else affixes), (m.PLAIN if rest == m.PLAIN else rest)


_LATIN = lazy_pattern(r"[A-Za-z\u00c0-\u024f]")


@functools.cache
def _cjk() -> re.Pattern[str]:
    # Compiled on first use: its ranges take milliseconds to compile, which every cold start would pay.
    return re.compile(r"[\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")


def is_cjk(node: Node) -> bool:
    """Text in CJK scripts only (no Latin letters)."""
    text = "".join(leaf.text for leaf, _ in case_leaves(node))
    return not _LATIN.search(text) and bool(_cjk().search(text))


def case_leaves(node: Node, protected: bool = False) -> Iterator[tuple[Str, bool]]:
    """Each leaf with whether text-case must leave it alone (inside a nocase span, or a protected term)."""
    if isinstance(node, Str):
        yield node, protected or node.protected
        return
    # citeproc-js leaves small caps, superscript and subscript from data as they are.
    inner = protected or node.nocase or node.font_variant == "small-caps" or node.vertical_align in ("sup", "sub")
    for child in node.children:
        yield from case_leaves(child, inner)


def apply_case(node: Node, case: str, ctx: Context, *, from_locale: bool = False) -> None:
    if case == "title" and not (ctx.locale.lang.lower().startswith("en") if from_locale else _is_english(ctx)):
        return
    apply_case_plain(node, case, language=ctx.item.fields.get("language") or ctx.locale.lang)


def apply_case_plain(node: Node, case: str, language: str | None = None) -> None:
    leaves = list(case_leaves(node))
    if not leaves:
        return
    segments = [Segment(text=leaf.text, protected=prot) for leaf, prot in leaves]
    for (leaf, _), text in zip(leaves, apply_text_case(segments, case, language=language)):
        leaf.text = text


def _is_english(ctx: Context) -> bool:
    language = ctx.item.fields.get("language", "")
    if language:
        return language.lower().startswith("en")
    return ctx.locale.lang.lower().startswith("en")
