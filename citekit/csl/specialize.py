"""Specialising a style for one item type: every ``type="..."`` test is decided once, ahead of evaluation.

Most of a large style (APA has over a thousand lines) is ``<choose>`` on the item type.  For a given type those
tests always answer the same, so the processor evaluates, per context (citation or bibliography) and type, a copy
of the elements with such tests resolved: branches that can never be taken are gone, a branch that is always
taken replaces its ``<choose>``, and conditions keep only the tests that depend on the item's data.  The result
renders exactly as the original would.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence

import attrs

from citekit.csl import model as m
from citekit.csl.compile import CompiledMacros, Emit, compile_sequence
from citekit.csl.items import Item
from citekit.csl.presence import PrunedMacros, decide, prune, resolve_choose, splice


def specialized(style: m.Style, in_bibliography: bool, item: Item) -> Specialized:
    """The layout and macros of ``style``'s citation or bibliography for items like ``item`` (its type and the
    variables it has, see :mod:`citekit.csl.presence`), compiled (see :mod:`citekit.csl.compile`)."""
    return _for_variables(style, in_bibliography, item.type, item.present)


@attrs.frozen(eq=False)
class Specialized:
    layout: Emit
    macros: Mapping[str, Emit]


# About 40 KiB a shape for APA, so at most some 80 MB; a shape compiled again costs about 1 ms.
@functools.lru_cache(maxsize=2048)
def _for_variables(style: m.Style, in_bibliography: bool, item_type: str, present: frozenset[str]) -> Specialized:
    layout, macros = _for_type(style, in_bibliography, item_type)
    pruned = PrunedMacros(macros, present)
    compiled = CompiledMacros(pruned)
    return Specialized(layout=compile_sequence(prune(layout, present, pruned), compiled), macros=compiled)


@functools.lru_cache(maxsize=1024)
def _for_type(
    style: m.Style, in_bibliography: bool, item_type: str
) -> tuple[tuple[m.Element, ...], dict[str, tuple[m.Element, ...]]]:
    macros = style.bibliography_macros if in_bibliography else style.citation_macros
    section = style.bibliography if in_bibliography else style.citation
    layout = section.layout.children if section is not None else ()
    return specialize(layout, item_type), {name: specialize(body, item_type) for name, body in macros.items()}


def specialize(elements: Sequence[m.Element], item_type: str) -> tuple[m.Element, ...]:
    """``elements`` as they evaluate for items of ``item_type`` (a sequence: a resolved choose is spliced in,
    as the evaluator splices a chosen branch into its parent)."""
    out: list[m.Element] = []
    for element in elements:
        if isinstance(element, m.Choose):
            splice(out, _choose(element, item_type))
        else:
            out.append(_single(element, item_type))
    return tuple(out)


def _single(element: m.Element, item_type: str) -> m.Element:
    """One element specialised in place (a substitute's candidates must stay one element each)."""
    if isinstance(element, m.Choose):
        return _choose(element, item_type) or m.Choose(branches=())
    if isinstance(element, m.Group):
        return attrs.evolve(element, children=specialize(element.children, item_type))
    if isinstance(element, m.Names) and element.substitute:
        return attrs.evolve(element, substitute=tuple(_single(c, item_type) for c in element.substitute))
    return element


def _choose(choose: m.Choose, item_type: str) -> m.Choose | None:
    return resolve_choose(
        choose, lambda cond: _condition(cond, item_type), lambda children: specialize(children, item_type)
    )


def _condition(cond: m.Condition, item_type: str) -> tuple[bool | None, m.Condition]:
    """Whether ``cond`` is decided by the type alone (True/False), else None and the condition without its
    type tests."""
    if not cond.types:
        return None, cond
    return decide(cond, [t == item_type for t in cond.types], attrs.evolve(cond, types=()))
