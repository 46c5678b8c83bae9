"""Specialising a style for one item type: every ``type="..."`` test is decided once, ahead of evaluation.

Most of a large style (APA has over a thousand lines) is ``<choose>`` on the item type.  For a given type those
tests always answer the same, so the processor evaluates, per context (citation or bibliography) and type, a copy
of the elements with such tests resolved: branches that can never be taken are gone, a branch that is always
taken replaces its ``<choose>``, and conditions keep only the tests that depend on the item's data.  The result
renders exactly as the original would.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

import attrs

from citekit.csl import model as m


@functools.lru_cache(maxsize=4096)
def specialized(style: m.Style, in_bibliography: bool, item_type: str) -> Specialized:
    """The layout and macros of ``style``'s citation or bibliography for one item type, made once."""
    macros = style.bibliography_macros if in_bibliography else style.citation_macros
    section = style.bibliography if in_bibliography else style.citation
    layout = section.layout.children if section is not None else ()
    return Specialized(
        layout=specialize(layout, item_type),
        macros={name: specialize(body, item_type) for name, body in macros.items()},
    )


@attrs.frozen(eq=False)
class Specialized:
    layout: tuple[m.Element, ...]
    macros: dict[str, tuple[m.Element, ...]]


def specialize(elements: Sequence[m.Element], item_type: str) -> tuple[m.Element, ...]:
    """``elements`` as they evaluate for items of ``item_type`` (a sequence: a resolved choose is spliced in,
    as the evaluator splices a chosen branch into its parent)."""
    out: list[m.Element] = []
    for element in elements:
        if isinstance(element, m.Choose):
            choose = _choose(element, item_type)
            if choose is None:
                continue
            if len(choose.branches) == 1 and choose.branches[0].condition is None:
                out.extend(choose.branches[0].children)
            else:
                out.append(choose)
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
    branches: list[m.Branch] = []
    for branch in choose.branches:
        children = specialize(branch.children, item_type)
        if branch.condition is None:
            branches.append(m.Branch(condition=None, children=children))
            break
        decided, condition = _condition(branch.condition, item_type)
        if decided is False:
            continue
        if decided is True:
            branches.append(m.Branch(condition=None, children=children))
            break
        branches.append(m.Branch(condition=condition, children=children))
    if not branches:
        return None
    return m.Choose(branches=tuple(branches))


def _condition(cond: m.Condition, item_type: str) -> tuple[bool | None, m.Condition]:
    """Whether ``cond`` is decided by the type alone (True/False), else None and the condition without its
    type tests."""
    if not cond.types:
        return None, cond
    matches = [t == item_type for t in cond.types]
    rest = attrs.evolve(cond, types=())
    dynamic = bool(
        rest.variables or rest.is_numeric or rest.is_uncertain_date or rest.locators or rest.positions
        or rest.disambiguate is not None
    )  # fmt: skip
    if cond.match == "any":
        if any(matches):
            return True, cond
        return (None, rest) if dynamic else (False, cond)
    if cond.match == "none":
        if any(matches):
            return False, cond
        return (None, rest) if dynamic else (True, cond)
    if not all(matches):
        return False, cond
    return (None, rest) if dynamic else (True, cond)
