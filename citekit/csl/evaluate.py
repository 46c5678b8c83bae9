"""Evaluation of the leaves of a style for one item: variables, terms, values, numbers, labels, and the tests
conditions are made of.

Every ``render_*`` function returns a node or None (nothing rendered).  Names and dates live in their own
modules; :mod:`citekit.csl.compile` wires all of them into the closures the processor runs.
"""

from __future__ import annotations

from citekit.csl import model as m
from citekit.csl.context import (
    POSITION_FIRST,
    POSITION_IBID,
    POSITION_IBID_WITH_LOCATOR,
    POSITION_SUBSEQUENT,
    Context,
)
from citekit.csl.formatting import apply_formatting
from citekit.csl.items import NUMBER_VARIABLES
from citekit.csl.numbers import is_numeric
from citekit.csl.numeric_render import label_is_plural, locator_term, render_number_value
from citekit.csl.pageranges import format_page_range
from citekit.csl.richtext import parse_rich_text
from citekit.csl.tree import Node, Span, Str

_LABEL_FALLBACK = {
    "number-of-pages": "page",
    "number-of-volumes": "volume",
    "chapter-number": "chapter",
    "page-first": "page",
    "collection-number": "number",
}
_NOT_RICH = frozenset({"URL", "DOI", "ISBN", "ISSN", "PMID", "PMCID", "citation-label"})


def term_node(term: str, form: str, plural: bool, ctx: Context) -> Node | None:
    value = ctx.term(term, form, plural)
    # "no date" is where an implicit year suffix goes when there is no year ("n.d.-a").
    return Span([Str(value)], role="no-date" if term == "no date" else "term") if value else None


def value_node(value: str) -> Node:
    """A style's own text: it may carry the same rich text as data ("&lt;b&gt;friend&lt;/b&gt;", straight
    quotes)."""
    nodes = parse_rich_text(value)
    return nodes[0] if len(nodes) == 1 else Span(nodes)


def variable_node(variable: str, form: str, ctx: Context) -> Node | None:
    """The value of an ordinary variable as a node, or None when it is empty or suppressed."""
    if variable in ctx.suppressed:
        return None
    item, cite = ctx.item, ctx.cite
    if variable == "citation-number":
        number = cite.citation_number
        return Span([Str(str(number))], role="citation-number") if number is not None else None
    if variable == "year-suffix":
        suffix = ctx.disambiguation.year_suffix
        return Span([Str(suffix)], role="year-suffix") if suffix else None
    if variable == "locator":
        if not cite.locator or ctx.in_bibliography:
            return None
        page_format = ctx.style.page_range_format if (cite.label or "page") == "page" else None
        nodes = parse_rich_text(format_page_range(cite.locator.strip(), page_format, _range_delimiter(ctx)))
        return nodes[0] if len(nodes) == 1 else Span(nodes)
    if variable == "first-reference-note-number":
        num = cite.first_reference_note_number
        return Str(str(num)) if num is not None and not ctx.in_bibliography else None
    value = None
    if form == "short":
        value = item.fields.get(f"{variable}-short")
    if value is None:
        value = item.fields.get(variable)
    if value is None and variable == "page-first":
        page = item.fields.get("page")
        if page:
            value = _first_page(page)
    if not value:
        return None
    if variable == "page":
        return Str(format_page_range(value, ctx.style.page_range_format, _range_delimiter(ctx)))
    if variable == "URL":
        return Span([Str(value)], link=value)
    if variable == "DOI":
        # CSL 1.0.2 links a DOI through the resolver; a style's own "https://doi.org/" prefix stays text.
        return Span([Str(value)], link=value if value.startswith("http") else f"https://doi.org/{value}")
    if variable == "citation-label":
        # A year suffix follows the label when the style prints none itself ("Doe65a").
        return Span([Str(value)], role="year")
    if variable in NUMBER_VARIABLES:
        # Number variables print ranges with the en dash even through cs:text ("3-4" -> "3–4"), as in citeproc-js.
        return Str(render_number_value(value, "numeric", variable, ctx) if is_numeric(value) else value)
    if variable in _NOT_RICH:
        return Str(value)
    nodes = parse_rich_text(value)
    return nodes[0] if len(nodes) == 1 else Span(nodes)


def _range_delimiter(ctx: Context) -> str:
    return ctx.locale.term("page-range-delimiter") or "\u2013"


def _first_page(page: str) -> str:
    for sep in ("-", "\u2013", ",", "&"):
        page = page.split(sep)[0]
    return page.strip()


def render_number(el: m.Number, ctx: Context) -> Node | None:
    variable = el.variable
    if variable in ctx.suppressed:
        ctx.note_variable(variable, False)
        return None
    if variable == "locator":
        raw = ctx.cite.locator if not ctx.in_bibliography else None
    elif variable == "citation-number":
        raw = str(ctx.cite.citation_number) if ctx.cite.citation_number is not None else None
    else:
        raw = ctx.item.fields.get(variable)
    ctx.note_variable(variable, bool(raw))
    if not raw:
        return None
    if not is_numeric(raw):
        # citeproc-js takes number variables literally: markup in them is text, not formatting.
        return apply_formatting(Str(raw), el.fmt, ctx)
    text = render_number_value(raw, el.form, variable, ctx)
    return apply_formatting(Str(text), el.fmt, ctx)


def render_label(el: m.Label, ctx: Context) -> Node | None:
    variable = el.variable
    if not variable or variable in ctx.suppressed:
        return None
    if variable == "locator":
        value = ctx.cite.locator if not ctx.in_bibliography else None
        term_name = locator_term(ctx.cite.label)
    else:
        value = ctx.item.fields.get(variable)
        term_name = variable
        if ctx.locale.find(variable, el.form) is None:
            # Locales before CSL 1.0.2 have no terms for these variables; use the noun they count.
            term_name = _LABEL_FALLBACK.get(variable, variable)
    if not value and variable == "locator":
        return None
    # citeproc-js renders a label (singular) even when its variable is empty; an enclosing group that calls
    # only empty variables removes it, which is why that rarely shows.
    value = value or ""
    if el.plural == "always":
        plural = True
    elif el.plural == "never":
        plural = False
    else:
        plural = label_is_plural(variable, value, ctx.term("and") or "and")
    text = ctx.term(term_name, el.form, plural)
    if not text:
        return None
    return apply_formatting(Str(text), el.fmt, ctx, from_locale=True)


def has_variable(variable: str, ctx: Context) -> bool:
    # A variable suppressed by <substitute> is not rendered again, but conditions still see it (citeproc-js).
    cite = ctx.cite
    if variable == "locator":
        return bool(cite.locator) and not ctx.in_bibliography
    if variable == "citation-number":
        return cite.citation_number is not None
    if variable == "year-suffix":
        return bool(ctx.disambiguation.year_suffix)
    if variable == "first-reference-note-number":
        return cite.first_reference_note_number is not None and not ctx.in_bibliography
    if variable == "page-first":
        return ctx.item.has("page-first") or ctx.item.has("page")
    return ctx.item.has(variable)


def is_numeric_variable(variable: str, ctx: Context) -> bool:
    if variable == "locator":
        value = ctx.cite.locator
    elif variable == "citation-number":
        return ctx.cite.citation_number is not None
    else:
        value = ctx.item.fields.get(variable)
    return bool(value) and is_numeric(value)  # type: ignore[arg-type]


def position_matches(position: str, ctx: Context) -> bool:
    if ctx.in_bibliography:
        return False
    current = ctx.cite.position
    if position == "first":
        return current == POSITION_FIRST
    if position == "subsequent":
        return current >= POSITION_SUBSEQUENT
    if position == "ibid":
        return current >= POSITION_IBID
    if position == "ibid-with-locator":
        return current == POSITION_IBID_WITH_LOCATOR
    if position == "near-note":
        return ctx.cite.near_note and current >= POSITION_SUBSEQUENT
    return False
