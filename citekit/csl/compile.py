"""Compiling a specialised style into closures: the form the processor runs.

After :mod:`citekit.csl.specialize` and :mod:`citekit.csl.presence` have fixed a style for one item type and set
of variables, each element becomes an :data:`Emit`: a function that appends what the element renders for one
context to a list of nodes.  Every decision that does not depend on the cite or the item's values (which kind of
element, which branch of ``<text>``, whether there is formatting to apply, which tests a condition runs, which
macro a ``<text macro>`` calls) is made here once, so evaluation is a chain of direct calls.

Leaf rendering (variables, numbers, labels, names, dates) lives in :mod:`citekit.csl.evaluate`,
:mod:`citekit.csl.names` and :mod:`citekit.csl.dates`; this module is only their wiring.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TypeVar

import attrs

from citekit.csl import model as m
from citekit.csl.context import Context
from citekit.csl.dates import render_date
from citekit.csl.evaluate import (
    has_variable,
    is_numeric_variable,
    position_matches,
    render_label,
    render_number,
    term_node,
    value_node,
    variable_node,
)
from citekit.csl.formatting import apply_formatting, is_cjk, join
from citekit.csl.names import inherit, render_names
from citekit.csl.tree import Node

Emit = Callable[[Context, list[Node]], None]
_E = TypeVar("_E", m.Date, m.Number, m.Label)
Test = Callable[[Context], bool]


class CompiledMacros(dict[str, Emit]):
    """The macros of one specialisation, each compiled when first called."""

    def __init__(self, bodies: Mapping[str, tuple[m.Element, ...]]) -> None:
        super().__init__()
        self._bodies = bodies

    def body(self, name: str) -> tuple[m.Element, ...]:
        return self._bodies[name]

    def __missing__(self, name: str) -> Emit:
        compiled = compile_sequence(self._bodies[name], self)
        self[name] = compiled
        return compiled


def render(emit: Emit, ctx: Context) -> Node | None:
    """What ``emit`` renders, as one node (None for nothing)."""
    nodes: list[Node] = []
    emit(ctx, nodes)
    return join(nodes, "")


def compile_sequence(elements: Sequence[m.Element], macros: CompiledMacros) -> Emit:
    emitters = [_compile(element, macros) for element in elements]
    if len(emitters) == 1:
        return emitters[0]

    def sequence(ctx: Context, out: list[Node]) -> None:
        for emit in emitters:
            emit(ctx, out)

    return sequence


def _compile(el: m.Element, macros: CompiledMacros) -> Emit:
    if isinstance(el, m.Text):
        return _text(el, macros)
    if isinstance(el, m.Group):
        return _group(el.children, el.delimiter, el.fmt, macros)
    if isinstance(el, m.Choose):
        return _choose(el, macros)
    if isinstance(el, m.Names):
        return _names(el, macros)
    if isinstance(el, m.Date):
        return _node(render_date, el)
    if isinstance(el, m.Number):
        return _node(render_number, el)
    if isinstance(el, m.Label):
        return _node(render_label, el)
    if isinstance(el, m.Absent):
        called = el.called

        def absent(ctx: Context, out: list[Node]) -> None:
            ctx.vars_called += called

        return absent
    raise TypeError(f"not a CSL element: {el!r}")


def _node(render_one: Callable[[_E, Context], Node | None], el: _E) -> Emit:
    def emit(ctx: Context, out: list[Node]) -> None:
        node = render_one(el, ctx)
        if node is not None:
            out.append(node)

    return emit


def _text(el: m.Text, macros: CompiledMacros) -> Emit:
    fmt = el.fmt
    if el.variable is not None:
        return _text_variable(el.variable, el.form, fmt)
    if el.macro is not None:
        # citeproc-js treats a macro like a group: it vanishes when it calls only empty variables.
        body = macros.body(el.macro)
        if len(body) == 1 and _group_like(body[0]):
            return _wrapped(macros[el.macro], fmt)
        return _suppressible(macros[el.macro], "", fmt)
    if el.term is not None:
        term, form, plural = el.term, el.form, el.plural

        def text_term(ctx: Context, out: list[Node]) -> None:
            node = apply_formatting(term_node(term, form, plural, ctx), fmt, ctx, from_locale=True)
            if node is not None:
                out.append(node)

        return text_term
    value = el.value
    if not value:
        return _nothing

    def text_value(ctx: Context, out: list[Node]) -> None:
        node = apply_formatting(value_node(value), fmt, ctx)
        if node is not None:
            out.append(node)

    return text_value


def _nothing(ctx: Context, out: list[Node]) -> None:
    return None


def _text_variable(variable: str, form: str, fmt: m.Formatting) -> Emit:
    # citeproc-js does not let an empty year-suffix empty a group: suffixes come after layout.
    counts = variable != "year-suffix"
    upright = attrs.evolve(fmt, font_style=None) if fmt.font_style == "italic" else None
    plain = fmt is m.PLAIN

    def text_variable(ctx: Context, out: list[Node]) -> None:
        node = variable_node(variable, form, ctx)
        if counts:
            ctx.note_variable(variable, node is not None)
        if node is None:
            return
        if plain:
            out.append(node)
            return
        # citeproc-js sets a CJK variable upright (those scripts have no italics); groups and macros keep it.
        node = apply_formatting(node, upright if upright is not None and is_cjk(node) else fmt, ctx)
        if node is not None:
            out.append(node)

    return text_variable


def _group(
    children: Sequence[m.Element], delimiter: str, fmt: m.Formatting, macros: CompiledMacros
) -> Emit:
    if len(children) == 1 and _group_like(children[0]):
        # A group around one group: the inner one decides suppression alone (it renders at most one node, and
        # counts as content when it does), so the outer one only adds its formatting.
        return _wrapped(_compile(children[0], macros), fmt)
    return _suppressible(compile_sequence(children, macros), delimiter, fmt)


def _group_like(el: m.Element) -> bool:
    return isinstance(el, m.Group) or (isinstance(el, m.Text) and el.macro is not None)


def _wrapped(inner: Emit, fmt: m.Formatting) -> Emit:
    """``inner``, a group, inside a group of one with formatting ``fmt``."""
    if fmt is m.PLAIN:
        return inner

    def wrapped(ctx: Context, out: list[Node]) -> None:
        nodes: list[Node] = []
        inner(ctx, nodes)
        if nodes:
            node = apply_formatting(nodes[0], fmt, ctx)
            if node is not None:
                out.append(node)

    return wrapped


def _suppressible(body: Emit, delimiter: str, fmt: m.Formatting) -> Emit:
    """A group (or macro call): ``body`` joined by ``delimiter``, or nothing when it calls variables and all
    are empty."""
    plain = fmt is m.PLAIN

    def group(ctx: Context, out: list[Node]) -> None:
        called, rendered = ctx.vars_called, ctx.vars_rendered
        ctx.vars_called = ctx.vars_rendered = 0
        nodes: list[Node] = []
        body(ctx, nodes)
        group_called, group_rendered = ctx.vars_called, ctx.vars_rendered
        ctx.vars_called, ctx.vars_rendered = called + group_called, rendered + group_rendered
        if not nodes or (group_called > 0 and group_rendered == 0):
            return
        # A nested group that prints something counts as content for the groups around it (citeproc-js):
        # "[Online]" keeps "Accessed: <no date>. [Online]" from vanishing as a whole.
        ctx.vars_rendered += 1
        node = nodes[0] if len(nodes) == 1 else join(nodes, delimiter)
        if not plain:
            node = apply_formatting(node, fmt, ctx)
        if node is not None:
            out.append(node)

    return group


def _choose(el: m.Choose, macros: CompiledMacros) -> Emit:
    # The chosen branch's nodes go straight into the parent's list, so a group's delimiter goes between them.
    branches = [
        (compile_condition(b.condition) if b.condition is not None else None, compile_sequence(b.children, macros))
        for b in el.branches
    ]

    def choose(ctx: Context, out: list[Node]) -> None:
        for test, body in branches:
            if test is None or test(ctx):
                body(ctx, out)
                return

    return choose


def _names(el: m.Names, macros: CompiledMacros) -> Emit:
    substitute = None
    if el.substitute is not None:
        substitute = tuple(_candidate(candidate, el, macros) for candidate in el.substitute)

    def names(ctx: Context, out: list[Node]) -> None:
        node = render_names(el, ctx, substitute=substitute)
        if node is not None:
            out.append(node)

    return names


def _candidate(el: m.Element, parent: m.Names, macros: CompiledMacros) -> Callable[[Context], Node | None]:
    """One ``<substitute>`` candidate, rendering to a node; a ``<names>`` directly inside takes ``parent``'s
    options."""
    if isinstance(el, m.Names):
        if el.inherit_from_parent:
            el = inherit(el, parent)
        inner = None
        if el.substitute is not None:
            inner = tuple(_candidate(candidate, el, macros) for candidate in el.substitute)

        def names(ctx: Context) -> Node | None:
            return render_names(el, ctx, parent, substitute=inner)

        return names
    emit = _compile(el, macros)
    return lambda ctx: render(emit, ctx)


def compile_condition(cond: m.Condition) -> Test:
    """One function answering ``cond``: its tests in the order CSL lists them, stopping at the deciding one."""
    tests: list[Test] = []
    tests += [_type_is(name) for name in cond.types]
    tests += [_bind(has_variable, variable) for variable in cond.variables]
    tests += [_bind(is_numeric_variable, variable) for variable in cond.is_numeric]
    tests += [_uncertain(variable) for variable in cond.is_uncertain_date]
    tests += [_locator_is(locator) for locator in cond.locators]
    tests += [_bind(position_matches, position) for position in cond.positions]
    if cond.disambiguate is not None:
        wanted = cond.disambiguate
        tests.append(lambda ctx: ctx.disambiguation.condition == wanted)
    if cond.match == "none":
        return lambda ctx: not any(test(ctx) for test in tests)
    if len(tests) == 1:
        return tests[0]
    if cond.match == "any":
        return lambda ctx: any(test(ctx) for test in tests)
    return lambda ctx: all(test(ctx) for test in tests)


def _bind(test: Callable[[str, Context], bool], name: str) -> Test:
    return lambda ctx: test(name, ctx)


def _type_is(name: str) -> Test:
    return lambda ctx: ctx.item.type == name


def _uncertain(variable: str) -> Test:
    def uncertain(ctx: Context) -> bool:
        date = ctx.item.dates.get(variable)
        return bool(date and date.circa)

    return uncertain


def _locator_is(locator: str) -> Test:
    wanted = locator.replace("sub-verbo", "sub verbo")

    def locator_is(ctx: Context) -> bool:
        return bool(ctx.cite.locator) and (ctx.cite.label or "page") == wanted

    return locator_is
