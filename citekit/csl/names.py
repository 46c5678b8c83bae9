"""``<names>``: name lists with et-al, "and", particles, initials, sort order, labels and substitution."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
import unicodedata

import attrs

from citekit.csl import model as m
from citekit.csl.context import POSITION_FIRST, Context
from citekit.csl.formatting import apply_case_plain, apply_formatting, decorate, join
from citekit.csl.items import NameData
from citekit.csl.richtext import parse_rich_text
from citekit.csl.tree import Node, Span, Str


# A compiled ``<substitute>`` candidate (see citekit.csl.compile): renders one node or None.
Candidate = Callable[[Context], "Node | None"]


def render_names(
    el: m.Names, ctx: Context, parent: m.Names | None = None, *, substitute: Sequence[Candidate] | None = None
) -> Node | None:
    """``el`` rendered; ``parent``: the ``<names>`` whose ``<substitute>`` it is directly in; ``substitute``: its
    own substitute candidates, compiled."""
    node = _render_names(el, ctx, parent, substitute)
    if node is not None and ctx.suppress_first_names and parent is None:
        ctx.suppress_first_names = False
        return None
    # The whole element (names, labels, affixes), for subsequent-author-substitute.
    return Span([node], role="names-element") if node is not None and parent is None else node


def _render_names(
    el: m.Names, ctx: Context, parent: m.Names | None, substitute: Sequence[Candidate] | None
) -> Node | None:
    parent = parent or ctx.substitute_parent
    if parent is not None and el.inherit_from_parent:
        el = inherit(el, parent)
    item_names, suppressed = ctx.item.names, ctx.suppressed
    present = [(v, item_names[v]) for v in el.variables if v not in suppressed and item_names.get(v)]
    shown = {v for v, _ in present} if present else ()
    for variable in el.variables:
        ctx.note_variable(variable, variable in shown)
    if present:
        node = _render_lists(el, present, ctx)
        if node is not None:
            if ctx.rendered_vars is not None:
                ctx.rendered_vars.extend(v for v, _ in present)
                ctx.suppressed.update(v for v, _ in present)
            return apply_formatting(node, el.fmt, ctx)
    if not substitute:
        return None
    return _substitute(el, substitute, ctx)


def inherit(el: m.Names, parent: m.Names) -> m.Names:
    """A bare ``<names variable="x"/>`` inside ``parent``'s ``<substitute>``, with ``parent``'s options."""
    return attrs.evolve(el, name=parent.name, et_al=parent.et_al, label=parent.label,
                        label_before_name=parent.label_before_name, fmt=parent.fmt,
                        delimiter=parent.delimiter, inherit_from_parent=False)  # fmt: skip


def _substitute(el: m.Names, candidates: Sequence[Candidate], ctx: Context) -> Node | None:
    for candidate in candidates:
        saved, saved_parent = ctx.rendered_vars, ctx.substitute_parent
        ctx.rendered_vars = []
        # Shorthand <names variable="x"/> anywhere inside (even within <choose>) takes this element's options.
        ctx.substitute_parent = el
        node = candidate(ctx)
        used = ctx.rendered_vars
        ctx.rendered_vars, ctx.substitute_parent = saved, saved_parent
        if node is not None:
            ctx.suppressed.update(used)
            if saved is not None:
                saved.extend(used)
            return node
    return None


def _render_lists(el: m.Names, present: list[tuple[str, tuple[NameData, ...]]], ctx: Context) -> Node | None:
    opts = el.name.options
    if opts.form == "count":
        total = sum(_shown_count(len(names), opts, ctx) for _, names in present)
        return Str(str(total)) if total else None
    variables = [v for v, _ in present]
    label_form = el.label.form if el.label is not None else "long"
    if "editor" in variables and "translator" in variables and ctx.term("editortranslator", label_form):
        # One list with the combined term, unless the locale gives that term no text.
        editors = dict(present)["editor"]
        if editors == dict(present)["translator"]:
            present = [(("editortranslator" if v == "editor" else v), n) for v, n in present if v != "translator"]
    rendered: list[Node] = []
    for variable, names in present:
        names_node = _render_name_list(names, el, ctx)
        if names_node is None:
            continue
        if el.label is not None and not ctx.sort_mode:
            label = _label(el.label, variable, len(names), ctx)
            if label is not None:
                names_node = Span([label, names_node] if el.label_before_name else [names_node, label])
        rendered.append(names_node)
    return join(rendered, el.delimiter)


def _label(label: m.Label, variable: str, count: int, ctx: Context) -> Node | None:
    plural = label.plural == "always" or (label.plural == "contextual" and count > 1)
    text = ctx.term(variable, label.form, plural)
    if not text:
        return None
    return apply_formatting(Str(text), label.fmt, ctx, from_locale=True)


def _limits(opts: m.NameOptions, ctx: Context) -> tuple[int | None, int | None, bool]:
    et_al_min, use_first, use_last = opts.et_al_min, opts.et_al_use_first, opts.et_al_use_last
    if ctx.cite.position != POSITION_FIRST and not ctx.in_bibliography:
        et_al_min, use_first = opts.et_al_subsequent_min, opts.et_al_subsequent_use_first
    if ctx.sort_mode:
        if ctx.names_min is not None:
            et_al_min = ctx.names_min
        if ctx.names_use_first is not None:
            use_first = ctx.names_use_first
        if ctx.names_use_last is not None:
            use_last = ctx.names_use_last
    return et_al_min, use_first, use_last


def _shown_count(total: int, opts: m.NameOptions, ctx: Context) -> int:
    et_al_min, use_first, _ = _limits(opts, ctx)
    return _shown(total, et_al_min, use_first, ctx)


def _shown(total: int, et_al_min: int | None, use_first: int | None, ctx: Context) -> int:
    if et_al_min is not None and use_first is not None and total >= et_al_min:
        return min(total, use_first + ctx.disambiguation.add_names)
    return total


def _render_name_list(names: tuple[NameData, ...], el: m.Names, ctx: Context) -> Node | None:
    opts = el.name.options
    et_al_min, use_first, use_last = _limits(opts, ctx)
    shown = _shown(len(names), et_al_min, use_first, ctx)
    truncated = shown < len(names)
    if shown == 0:
        return None
    nodes: list[Node] = []
    inverted_flags: list[bool] = []
    # Sort keys invert every name; name-as-sort-order "all" every name, "first" the first.
    all_inverted = ctx.sort_mode or opts.name_as_sort_order == "all"
    first_inverted = all_inverted or opts.name_as_sort_order == "first"
    for index, name in enumerate(names[:shown]):
        inverted = all_inverted or (first_inverted and index == 0)
        node = _render_name(name, el.name, inverted, index, ctx)
        nodes.append(Span([node], role="name"))
        inverted_flags.append(inverted and not name.literal and name.romanesque)
    out: list[Node] = [nodes[0]]
    and_term = _and_term(opts, ctx)
    for index in range(1, len(nodes)):
        is_last = index == len(nodes) - 1
        if is_last and not truncated and and_term:
            if _delimiter_applies(opts.delimiter_precedes_last, len(nodes), inverted_flags[index - 1]):
                sep = f"{opts.delimiter}{and_term} "
            else:
                sep = f" {and_term} "
        else:
            sep = opts.delimiter
        out.append(Str(sep))
        out.append(nodes[index])
    if truncated:
        if use_last and len(names) >= shown + 2:
            out.append(Str(f"{opts.delimiter}\u2026 "))
            # The last name is never the first (two or more are left out before it).
            out.append(_render_name(names[-1], el.name, all_inverted, len(names) - 1, ctx))
        else:
            et_al = el.et_al or m.EtAl()
            term = ctx.term(et_al.term, "long")
            if term:
                if _delimiter_applies(opts.delimiter_precedes_et_al, shown, inverted_flags[-1], et_al=True):
                    out.append(Str(opts.delimiter))
                else:
                    out.append(Str(" "))
                term_node = apply_formatting(Str(term, protected=True), et_al.fmt, ctx)
                if term_node is not None:
                    out.append(term_node)
    body = Span(out, role="names")
    return apply_formatting(body, el.name.fmt, ctx)


def _and_term(opts: m.NameOptions, ctx: Context) -> str | None:
    if opts.and_ == "text":
        return ctx.term("and", "long") or "and"
    if opts.and_ == "symbol":
        return ctx.term("and", "symbol") or "&"
    return None


def _delimiter_applies(rule: str, count: int, previous_inverted: bool, et_al: bool = False) -> bool:
    if rule == "always":
        return True
    if rule == "never":
        return False
    if rule == "after-inverted-name":
        return previous_inverted
    # contextual: with et-al, when two or more names precede it; before the last name, with three or more.
    return count >= 2 if et_al else count >= 3


def _render_name(name: NameData, el: m.Name, inverted: bool, index: int, ctx: Context) -> Node:
    opts = el.options
    if name.literal:
        # An institution takes the family name-part's formatting (text-case included), as in citeproc-js.
        return _group(el, "family", [(name.literal, True)])
    if not name.family:
        # A name with only a given name ("Banksy") prints as it is.
        return _text(name.given)
    if ctx.sort_mode:
        # A macro sorts by its names as it shows them (initials stay initials, short forms drop the given
        # name), family first.
        given = name.given
        if opts.form == "short":
            given = ""
        elif opts.initialize_with is not None:
            given = initialize(given, opts.initialize_with, opts.initialize, opts.initialize_with_hyphen)
        return Str(sort_key_for_name(name, opts, given))
    disambiguation = ctx.disambiguation
    # Most cites are not disambiguated at all: no need to look the name up.
    expanded = disambiguation.expanded_positions or disambiguation.names_expanded
    given_level = disambiguation.level_for(name.key, index) if expanded else 0
    if given_level and disambiguation.initials_only:
        given_level = 1 if opts.initialize_with is not None else 0
    form = opts.form
    if form == "short" and given_level > 0 and name.given:
        form = "long"
    family_text = _join_particle(name.non_dropping_particle, name.family)
    ndp, dp = name.non_dropping_particle, name.dropping_particle
    if not name.romanesque:
        if form == "short":
            return _group(el, "family", [(family_text, True)])
        return Span([_group(el, "family", [(name.family, True)]), _group(el, "given", [(name.given, True)])])
    if form == "short":
        return _group(el, "family", [(ndp, True), (name.family, True)])
    if not name.given:
        suffix = [Str(opts.sort_separator if inverted else " "), Str(name.suffix)] if name.suffix else []
        return _group(el, "family", [(dp, False), (ndp, True), (name.family, True)], suffix)
    given = name.given
    if opts.initialize_with is not None and given_level < 2:
        given = initialize(given, opts.initialize_with, opts.initialize, opts.initialize_with_hyphen)
    if name.static_ordering:
        family = _group(el, "family", [(ndp, True), (name.family, True)])
        return Span([family, Str(" "), _group(el, "given", [(given, True)])])
    if not inverted:
        suffix = [Str(", " if name.comma_suffix else " "), Str(name.suffix)] if name.suffix else []
        family = _group(el, "family", [(dp, False), (ndp, True), (name.family, True)], suffix)
        return Span([_group(el, "given", [(given, True)]), Str(" "), family])
    sep = opts.sort_separator
    if opts.demote_non_dropping_particle == "display-and-sort" and ndp:
        nodes: list[Node] = [
            _group(el, "family", [(name.family, True)]),
            Str(sep),
            _group(el, "given", [(given, True), (dp, False), (ndp, True)]),
        ]
    else:
        nodes = [
            _group(el, "family", [(ndp, True), (name.family, True)]),
            Str(sep),
            _group(el, "given", [(given, True), (dp, False)]),
        ]
    if name.suffix:
        nodes += [Str(sep), Str(name.suffix)]
    return Span(nodes)


def _group(el: m.Name, part: str, pieces: list[tuple[str, bool]], extra: Sequence[Node] | None = None) -> Node:
    """One name part ("given" or "family") with its particles: ``pieces`` are (text, is the name itself).

    citeproc-js formats the name and each particle separately with the part's decorations (text-case only
    on the name and, for the family part, its non-dropping particle), and puts the part's affixes around the
    whole group, suffix included.
    """
    words = [(text, main) for text, main in pieces if text]
    fmt = None
    for name_part in el.parts:
        if name_part.name == part:
            fmt = name_part.fmt
            break
    if fmt is None:
        text = ""
        for word, _ in words:
            text = _join_words(text, word)
        return Span([_text(text), *extra]) if extra else _text(text)
    nodes: list[Node] = []
    previous = ""
    for word, main in words:
        if nodes:
            glued = previous.endswith(("'", "\u2019", "-"))
            if not glued:
                nodes.append(Str(" "))
        nodes.append(_decorate(_text(word), fmt, with_case=main))
        previous = word
    nodes += extra or []
    if fmt.prefix or fmt.suffix:
        nodes = [Str(fmt.prefix), *nodes, Str(fmt.suffix)]
    return Span(nodes) if len(nodes) != 1 else nodes[0]


def _text(text: str) -> Node:
    """Name text, with the rich-text markup CSL-JSON allows in names ("<b>Doe</b>") made formatting."""
    if "<" not in text:
        return Str(text)
    nodes = parse_rich_text(text)
    return nodes[0] if len(nodes) == 1 else Span(nodes)


def _decorate(node: Node, fmt: m.Formatting, *, with_case: bool) -> Node:
    if with_case and fmt.text_case:
        # Title case is not allowed on name parts, so no item language is needed.
        apply_case_plain(node, fmt.text_case)
    return decorate(node, fmt)


def _join_particle(particle: str, family: str) -> str:
    if not particle:
        return family
    if particle.endswith(("'", "\u2019", "-")):
        return particle + family
    return f"{particle} {family}"


def _join_words(first: str, second: str) -> str:
    if first and second:
        return _join_particle(first, second) if first.endswith(("'", "\u2019", "-")) else f"{first} {second}"
    return first or second


@functools.lru_cache(maxsize=16384)
def initialize(given: str, initialize_with: str, initialize: bool, with_hyphen: bool) -> str:
    """Given names as initials: "Jean-Paul Marie" -> "J.-P. M." (initialize_with "." and hyphens kept).

    As citeproc-js does: a part written with a period ("Ph.", "ME.") is an abbreviation kept as written; a
    single letter is an initial; a full word becomes its first letter only when ``initialize`` is true;
    lower-case words ("de") are never abbreviated.
    """
    mark = initialize_with.rstrip()
    space = initialize_with[len(mark) :]
    out = ""
    for word in given.split():
        if word[:1].islower() and "." not in word:
            out = _append_word(out, word)
            continue
        pieces: list[str] = []
        as_word = False
        for position, part in enumerate(word.split("-")):
            if position and part[:1].islower() and initialize:
                continue  # "Guo-ping" -> "G.": a lower-case second part is not an initial of its own
            segments = part.split(".")
            for index, segment in enumerate(segments):
                if not segment:
                    continue
                abbreviated = index < len(segments) - 1 or len(segment) == 1
                if abbreviated or initialize:
                    pieces.append((segment if abbreviated else segment[0]) + mark)
                else:
                    as_word = True
        if as_word or not pieces:
            out = _append_word(out, word)
            continue
        joiner = "-" if with_hyphen and "-" in word else ""
        if joiner:
            out += joiner.join(pieces) + space
        else:
            out += space.join(pieces) + space
    return out.strip()


def _append_word(out: str, word: str) -> str:
    if out and not out.endswith(" "):
        out += " "
    return out + word + " "


def sort_key_for_name(name: NameData, opts: m.NameOptions, given: str | None = None) -> str:
    """The string a name sorts by: family (with particle unless demoted), then given (``given`` in place of the
    name's own, as shown), then suffix."""
    if name.literal:
        return name.literal
    if given is None:
        given = name.given
    if opts.demote_non_dropping_particle in ("display-and-sort", "sort-only"):
        family = name.family
        given = " ".join(p for p in (given, name.dropping_particle, name.non_dropping_particle) if p)
    else:
        family = _join_particle(name.non_dropping_particle, name.family)
        given = " ".join(p for p in (given, name.dropping_particle) if p)
    return " ".join(p for p in (family, given, name.suffix) if p)


def strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
