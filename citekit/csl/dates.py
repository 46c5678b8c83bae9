"""``<date>``: localised and style-defined dates, seasons, eras and ranges with shared parts collapsed."""

from __future__ import annotations

import attrs

from citekit.csl import model as m
from citekit.csl.context import Context
from citekit.csl.formatting import apply_formatting, join
from citekit.csl.items import DateData
from citekit.csl.numeric_render import ordinal
from citekit.csl.tree import Node, Span, Str

_LEVEL = {"year": 0, "month": 1, "day": 2}


def render_date(el: m.Date, ctx: Context) -> Node | None:
    date = ctx.item.dates.get(el.variable) if el.variable not in ctx.suppressed else None
    if date is None:
        ctx.note_variable(el.variable, False)
        return None
    node = _render(el, date, ctx)
    # A date whose parts all are missing ("month" of a bare year) is as empty as no date, for groups.
    ctx.note_variable(el.variable, node is not None)
    return node


def _render(el: m.Date, date: DateData, ctx: Context) -> Node | None:
    parts, delimiter = date_parts_for(el, ctx)
    if ctx.sort_mode:
        return Str(sort_string(date, parts))
    if not date.parts:
        return apply_formatting(Str(date.literal) if date.literal else None, el.fmt, ctx)
    node = _render_range(date, parts, delimiter, ctx) if date.is_range else _render_single(date, 0, parts, delimiter, ctx)
    if node is not None and date.open_end:
        range_delimiter = next((p.range_delimiter for p in parts if p.name == "year" and p.range_delimiter), None)
        node = Span([node, Str(range_delimiter or "\u2013")])
    if node is None and date.literal:
        node = Str(date.literal)
    return apply_formatting(node, el.fmt, ctx)


def date_parts_for(el: m.Date, ctx: Context) -> tuple[tuple[m.DatePart, ...], str]:
    """The date-parts to render, in order: the locale's for a localised date (with the style's overrides)."""
    if el.form is None:
        return el.parts, el.delimiter
    # Worked out once per element and locale: every entry renders the same dates.
    memo = ctx.locale.localized_dates
    found = memo.get(id(el))
    if found is not None and found[0] is el:
        return found[1]
    merged = _localized_parts(el, ctx)
    memo[id(el)] = (el, merged)
    return merged


def _localized_parts(el: m.Date, ctx: Context) -> tuple[tuple[m.DatePart, ...], str]:
    assert el.form is not None
    wanted = {"year": ("year",), "year-month": ("year", "month"), "year-month-day": ("year", "month", "day")}.get(
        el.date_parts, ("year", "month", "day")
    )
    locale_parts, delimiter = ctx.locale.dates.get(el.form, ((), ""))
    overrides = {p.name: p for p in el.parts}
    parts: list[m.DatePart] = []
    for part in locale_parts:
        if part.name not in wanted:
            continue
        override = overrides.get(part.name)
        if override is not None:
            fmt = _merge_formatting(part.fmt, override.fmt)
            part = m.DatePart(
                name=part.name,
                form=override.form or part.form,
                range_delimiter=override.range_delimiter or part.range_delimiter,
                fmt=fmt,
            )
        parts.append(part)
    return tuple(parts), delimiter


def _merge_formatting(base: m.Formatting, override: m.Formatting) -> m.Formatting:
    """The locale's date-part formatting with what the style's date-part sets on top (never its affixes)."""
    changes = {
        field.name: getattr(override, field.name)
        for field in attrs.fields(m.Formatting)
        if field.name not in ("prefix", "suffix") and getattr(override, field.name) != field.default
    }
    return attrs.evolve(base, **changes)


def sort_string(date: DateData, parts: tuple[m.DatePart, ...]) -> str:
    if not date.parts:
        return ""
    names = {p.name for p in parts} or {"year", "month", "day"}
    out = []
    for year, month, day in date.parts[:2]:
        out.append(
            f"{year + 10000 if 'year' in names else 0:05d}"
            f"{month if 'month' in names else 0:02d}{day if 'day' in names else 0:02d}"
        )
    return "-".join(out)


def _part_value(part: m.DatePart, triple: tuple[int, int, int], date: DateData, ctx: Context) -> str | None:
    year, month, day = triple
    form = part.form
    if part.name == "year":
        if not year:
            return None
        if form == "short":
            return f"{abs(year) % 100:02d}"
        if year < 0:
            return f"{-year}{ctx.term('bc') or 'BC'}"
        if year < 1000:
            return f"{year}{ctx.term('ad') or 'AD'}"
        return str(year)
    if part.name == "month":
        if month > 12:
            return ctx.term(f"season-{month - 12:02d}") or None
        if not month:
            if date.season and triple is date.parts[0]:
                return ctx.term(f"season-{date.season:02d}") or None
            return None
        if form == "numeric":
            return str(month)
        if form == "numeric-leading-zeros":
            return f"{month:02d}"
        return ctx.term(f"month-{month:02d}", "short" if form == "short" else "long")
    if not day or not month:
        return None
    if form == "numeric-leading-zeros":
        return f"{day:02d}"
    if form == "ordinal":
        if ctx.locale.limit_day_ordinals_to_day_1 and day != 1:
            return str(day)
        return ordinal(day, ctx, gender_of=f"month-{month:02d}")
    return str(day)


def _render_part(part: m.DatePart, triple: tuple[int, int, int], date: DateData, ctx: Context) -> Node | None:
    value = _part_value(part, triple, date, ctx)
    if not value:
        return None
    node: Node = Str(value)
    if part.name == "year":
        node = Span([node], role="year")
    return apply_formatting(node, part.fmt, ctx)


def _render_single(
    date: DateData, index: int, parts: tuple[m.DatePart, ...], delimiter: str, ctx: Context
) -> Node | None:
    triple = date.parts[index]
    nodes = [n for n in (_render_part(p, triple, date, ctx) for p in parts) if n is not None]
    return join(nodes, delimiter)


def _render_range(date: DateData, parts: tuple[m.DatePart, ...], delimiter: str, ctx: Context) -> Node | None:
    start, end = date.parts[0], date.parts[1]
    if start == end:
        return _render_single(date, 0, parts, delimiter, ctx)
    diff = 0 if start[0] != end[0] else (1 if start[1] != end[1] else 2)
    present = [p for p in parts if _part_value(p, start, date, ctx)]
    ranged = [i for i, p in enumerate(present) if _LEVEL[p.name] >= diff]
    if not ranged:
        return _render_single(date, 0, parts, delimiter, ctx)
    first, last = ranged[0], ranged[-1]
    range_delimiter = "\u2013"
    for part in present:
        if _LEVEL[part.name] == diff and part.range_delimiter:
            range_delimiter = part.range_delimiter
    nodes: list[Node] = []

    def add(part: m.DatePart, triple: tuple[int, int, int], drop_prefix: bool = False, drop_suffix: bool = False) -> None:
        if drop_prefix or drop_suffix:
            part = attrs.evolve(
                part,
                fmt=attrs.evolve(
                    part.fmt,
                    prefix="" if drop_prefix else part.fmt.prefix,
                    suffix="" if drop_suffix else part.fmt.suffix,
                ),
            )
        node = _render_part(part, triple, date, ctx)
        if node is not None:
            if nodes and delimiter:
                nodes.append(Str(delimiter))
            nodes.append(node)

    for part in present[:first]:
        add(part, start)
    for i in range(first, last + 1):
        add(present[i], start, drop_suffix=i == last)
    nodes.append(Str(range_delimiter))
    mark = len(nodes)
    for i in range(first, last + 1):
        add(present[i], end, drop_prefix=i == first)
    following = nodes[mark] if len(nodes) > mark else None
    if delimiter and isinstance(following, Str) and following.text == delimiter:
        del nodes[mark]
    for part in present[last + 1 :]:
        add(part, start)
    return Span(nodes)
