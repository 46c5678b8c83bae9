"""Specialising a style for the variables one item has, after :mod:`citekit.csl.specialize` has done its type.

Whether a variable has a value decides most of the rest of a style: ``<if variable="...">`` tests, and whole
groups that call only variables the item lacks (a group like that is suppressed, so it prints nothing).  Items
with the same type and the same set of variables evaluate those parts identically, so they are decided once
per such set: tests that only ask whether a variable is there are answered, branches that cannot be taken are
gone, and elements that would only call absent variables become :class:`~citekit.csl.model.Absent`, which keeps
the count an enclosing group needs for its suppression rule.

What depends on a value or on the cite (``is-numeric``, positions, locators, ``year-suffix``...) stays as it is.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import attrs

from citekit.csl import model as m

# Variables whose value comes from the cite or the document, not from the item.
_CITE_VARIABLES = frozenset({"locator", "citation-number", "year-suffix", "first-reference-note-number"})


class PrunedMacros(dict[str, tuple[m.Element, ...]]):
    """The macros of one item type, each specialised for ``present`` when first called."""

    def __init__(self, macros: Mapping[str, tuple[m.Element, ...]], present: frozenset[str]) -> None:
        super().__init__()
        self._source = macros
        self._present = present

    def __missing__(self, name: str) -> tuple[m.Element, ...]:
        body = prune(self._source[name], self._present, self)
        self[name] = body
        return body


def prune(
    elements: Sequence[m.Element], present: frozenset[str], macros: Mapping[str, tuple[m.Element, ...]]
) -> tuple[m.Element, ...]:
    """``elements`` as they evaluate for an item with exactly the variables ``present`` (a resolved choose is
    spliced into the sequence, as the evaluator splices a chosen branch into its parent)."""
    out: list[m.Element] = []
    for element in elements:
        if type(element) is m.Choose:
            splice(out, _choose(element, present, macros))
            continue
        single = _single(element, present, macros)
        if single is not None:
            out.append(single)
    return tuple(out)


def _single(
    element: m.Element, present: frozenset[str], macros: Mapping[str, tuple[m.Element, ...]]
) -> m.Element | None:
    """One element specialised in place, or None when it can neither print nor count as called."""
    kind = type(element)
    if kind is m.Text:
        return _text(element, present, macros)  # type: ignore[arg-type]
    if isinstance(element, (m.Number, m.Date)):
        return element if _may_render(element.variable, present) else m.Absent(1)
    if kind is m.Names:
        return _names(element, present, macros)  # type: ignore[arg-type]
    if kind is m.Group:
        group: m.Group = element  # type: ignore[assignment]
        children = prune(group.children, present, macros)
        if not children:
            return None
        called = _suppressed_count(children)
        if called:
            return m.Absent(called)
        return attrs.evolve(group, children=children)
    if kind is m.Choose:
        # A substitute candidate must stay one element.
        return _choose(element, present, macros) or m.Choose(branches=())  # type: ignore[arg-type]
    return element


def _text(el: m.Text, present: frozenset[str], macros: Mapping[str, tuple[m.Element, ...]]) -> m.Element | None:
    variable = el.variable
    if variable is not None:
        if _may_render(variable, present) or (el.form == "short" and f"{variable}-short" in present):
            return el
        return m.Absent(1)
    if el.macro is not None:
        # The evaluator treats a macro like a group.
        body = macros[el.macro]
        if not body:
            return None
        called = _suppressed_count(body)
        return m.Absent(called) if called else el
    return el


def _may_render(variable: str, present: frozenset[str]) -> bool:
    """Whether a variable element can print: the item has it, or its value comes from the cite, or (page-first)
    it is derived from another variable at evaluation."""
    return variable in present or variable in _CITE_VARIABLES or variable == "page-first"


def _names(el: m.Names, present: frozenset[str], macros: Mapping[str, tuple[m.Element, ...]]) -> m.Element:
    if el.substitute is not None:
        candidates = tuple(_single(c, present, macros) or m.Choose(branches=()) for c in el.substitute)
        return attrs.evolve(el, substitute=candidates)
    if any(v in present for v in el.variables):
        return el
    return m.Absent(len(el.variables))


def _suppressed_count(children: tuple[m.Element, ...]) -> int:
    """How many variables a group of ``children`` calls when it is sure to be suppressed (it calls variables,
    and all of them are absent), else 0."""
    called = 0
    for child in children:
        kind = type(child)
        if kind is m.Absent:
            called += child.called  # type: ignore[union-attr]
        elif kind is m.Label or (kind is m.Text and child.macro is None and child.variable is None):  # type: ignore
            # Terms, values and labels print without calling a variable: they do not keep a group.
            continue
        else:
            return 0
    return called


def _choose(
    choose: m.Choose, present: frozenset[str], macros: Mapping[str, tuple[m.Element, ...]]
) -> m.Choose | None:
    return resolve_choose(
        choose, lambda cond: _condition(cond, present), lambda children: prune(children, present, macros)
    )


def splice(out: list[m.Element], choose: m.Choose | None) -> None:
    """Add a resolved ``choose`` to ``out``: its children in its place when it has one unconditional branch."""
    if choose is None:
        return
    if len(choose.branches) == 1 and choose.branches[0].condition is None:
        out.extend(choose.branches[0].children)
    else:
        out.append(choose)


def resolve_choose(
    choose: m.Choose,
    condition: Callable[[m.Condition], tuple[bool | None, m.Condition]],
    children: Callable[[Sequence[m.Element]], tuple[m.Element, ...]],
) -> m.Choose | None:
    """``choose`` with the tests ``condition`` answers decided: branches that cannot be taken are gone, one that
    is always taken ends it (as ``<else>``), and each branch's ``children`` specialised; None if no branch is
    left."""
    branches: list[m.Branch] = []
    for branch in choose.branches:
        if branch.condition is None:
            branches.append(m.Branch(condition=None, children=children(branch.children)))
            break
        decided, remaining = condition(branch.condition)
        if decided is False:
            continue
        if decided is True:
            branches.append(m.Branch(condition=None, children=children(branch.children)))
            break
        branches.append(m.Branch(condition=remaining, children=children(branch.children)))
    if not branches:
        return None
    return m.Choose(branches=tuple(branches))


def _has(variable: str, present: frozenset[str]) -> bool | None:
    if variable in _CITE_VARIABLES:
        return None
    if variable == "page-first":
        return "page-first" in present or "page" in present
    return variable in present


def _condition(cond: m.Condition, present: frozenset[str]) -> tuple[bool | None, m.Condition]:
    """The condition's answer when presence alone decides it, else None and the tests still to run."""
    results: list[bool] = []
    variables: list[str] = []
    for variable in cond.variables:
        has = _has(variable, present)
        if has is None:
            variables.append(variable)
        else:
            results.append(has)
    is_numeric = [v for v in cond.is_numeric if _has(v, present) is not False]
    results.extend(False for _ in range(len(cond.is_numeric) - len(is_numeric)))
    uncertain = [v for v in cond.is_uncertain_date if v in present]
    results.extend(False for _ in range(len(cond.is_uncertain_date) - len(uncertain)))
    if not results:
        return None, cond
    rest = attrs.evolve(
        cond, variables=tuple(variables), is_numeric=tuple(is_numeric), is_uncertain_date=tuple(uncertain)
    )
    return decide(cond, results, rest)


def decide(cond: m.Condition, results: Sequence[bool], rest: m.Condition) -> tuple[bool | None, m.Condition]:
    """Combine the tests of ``cond`` already answered (``results``) under its match: its answer when they
    decide it, else None and ``rest``, the tests still to run."""
    dynamic = bool(
        rest.types or rest.variables or rest.is_numeric or rest.is_uncertain_date or rest.locators or rest.positions
        or rest.disambiguate is not None
    )  # fmt: skip
    if cond.match == "any":
        if any(results):
            return True, cond
        return (None, rest) if dynamic else (False, cond)
    if cond.match == "none":
        if any(results):
            return False, cond
        return (None, rest) if dynamic else (True, cond)
    if not all(results):
        return False, cond
    return (None, rest) if dynamic else (True, cond)
