"""Turn CSL XML into the typed model of :mod:`citekit.csl.model`, once per style.

Inheritable name options are resolved here: each macro is compiled twice, once as the citation calls it and
once as the bibliography does, so evaluation never has to look an option up.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs
from lxml import etree

from citekit.csl import model as m
from citekit.csl.locale import LocaleData, parse_locale_element
from citekit.csl.textcase import TEXT_CASES
from citekit.csl.xmlsafe import CSL_NS, children, line_of, local_name, parse_xml
from citekit.errors import CSLError

_NAME_OPTION_ATTRS = (
    "and",
    "delimiter-precedes-et-al",
    "delimiter-precedes-last",
    "et-al-min",
    "et-al-use-first",
    "et-al-use-last",
    "et-al-subsequent-min",
    "et-al-subsequent-use-first",
    "initialize",
    "initialize-with",
    "name-as-sort-order",
    "sort-separator",
    "name-form",
    "name-delimiter",
    "names-delimiter",
)

Inherited = Mapping[str, str]

# Bounds on what evaluating one item may take, measured with macros expanded (see _StyleParser._measure).  Of the
# official styles, chicago-author-date-17th-edition nests deepest (72 levels) and the Chicago shortened-notes styles
# cost most (about 3,000 elements).  The bounds leave room for any real style and stop a hostile one before it
# overflows the stack (evaluation recurses once or twice a level; Python allows 1,000 frames) or runs for long
# (macros that each call the next twice make 2**n elements: 100,000 take about a second).
MAX_EVALUATION_DEPTH = 150
MAX_EVALUATION_COST = 50_000
# The elements that call macros, with and without the CSL namespace (a style may omit it).
_CALLER_TAGS = (f"{{{CSL_NS}}}text", f"{{{CSL_NS}}}key", "text", "key")


def parse_style(data: bytes | str, source: str = "style") -> m.Style:
    """Parse a CSL style's XML text into a :class:`~citekit.csl.model.Style`."""
    root = parse_xml(data, source)
    if local_name(root) != "style":
        raise CSLError(f"the root element is <{local_name(root)}>, not <style>", source=source)
    if root.tag.startswith("{") and not root.tag.startswith("{" + CSL_NS):
        raise CSLError("the root element is not in the CSL namespace", source=source)
    try:
        style = _StyleParser(root, source).parse()
    except CSLError as exc:
        if exc.source is not None:
            raise
        # Raised by a helper that knows the element but not the file (parse_formatting, parse_date_part, ...).
        message = str(exc).removeprefix(f"line {exc.line}: ") if exc.line else str(exc)
        raise CSLError(message, source=source, line=exc.line) from None
    # Items get citeproc-js's default citation-label only for a style that can print or test it; the text is
    # searched rather than the elements (the name in a comment only costs the labels).
    mentions = (b"citation-label" in data) if isinstance(data, bytes) else ("citation-label" in data)
    return attrs.evolve(style, uses_citation_label=mentions)


def parse_date_part(el: etree._Element) -> m.DatePart:
    name = el.get("name", "")
    if name not in ("year", "month", "day"):
        raise CSLError(f"<date-part name={name!r}> is not year, month or day", line=line_of(el))
    return m.DatePart(
        name=name, form=el.get("form"), range_delimiter=el.get("range-delimiter"), fmt=parse_formatting(el)
    )


def parse_formatting(el: etree._Element) -> m.Formatting:
    get = el.get
    # One list of names, not el.attrib per test: lxml builds a new attrib proxy on every access.
    if _FORMAT_ATTRS.isdisjoint(el.keys()):
        return m.PLAIN
    text_case = get("text-case")
    if text_case is not None and text_case not in TEXT_CASES:
        # Refused here, with its line, rather than failing in the middle of rendering.
        raise CSLError(f"text-case={text_case!r} is not one of {', '.join(sorted(TEXT_CASES))}", line=line_of(el))
    return m.Formatting(
        prefix=get("prefix", ""),
        suffix=get("suffix", ""),
        font_style=get("font-style"),
        font_variant=get("font-variant"),
        font_weight=get("font-weight"),
        text_decoration=get("text-decoration"),
        vertical_align=get("vertical-align"),
        display=get("display"),
        quotes=get("quotes") == "true",
        strip_periods=get("strip-periods") == "true",
        text_case=get("text-case"),
    )


_FORMAT_ATTRS = frozenset(
    {
        "prefix",
        "suffix",
        "font-style",
        "font-variant",
        "font-weight",
        "text-decoration",
        "vertical-align",
        "display",
        "quotes",
        "strip-periods",
        "text-case",
    }
)


def _int(el: etree._Element, attr: str) -> int | None:
    raw = el.get(attr)
    if raw is None:
        return None
    try:
        return int(raw)
    except ValueError:
        raise CSLError(f"{attr}={raw!r} is not a whole number", line=line_of(el)) from None


def _optional(value: int | None, default: int) -> int:
    """An integer attribute's value, or its default when absent (0 is a value, not "absent")."""
    return default if value is None else value


def _split(el: etree._Element, attr: str) -> tuple[str, ...]:
    return tuple(el.get(attr, "").split())


class _StyleParser:
    def __init__(self, root: etree._Element, source: str) -> None:
        self.root = root
        self.source = source
        self.macro_xml: dict[str, etree._Element] = {}
        self.demote = root.get("demote-non-dropping-particle", "display-and-sort")
        self.init_hyphen = root.get("initialize-with-hyphen", "true") != "false"
        self.saw_disambiguate = False
        # Each macro, and each section ("citation", "bibliography") -> the macros it calls (by _check_macro_graph).
        self.calls: dict[str, list[str]] = {}
        self.section_calls: dict[str, set[str]] = {}

    def error(self, message: str, el: etree._Element | None = None) -> CSLError:
        return CSLError(message, source=self.source, line=line_of(el) if el is not None else None)

    def parse(self) -> m.Style:
        root = self.root
        sections: dict[str, etree._Element] = {}
        locales: list[LocaleData] = []
        info = m.StyleInfo()
        for child in children(root):
            kind = local_name(child)
            if kind == "macro":
                name = child.get("name")
                if not name:
                    raise self.error("<macro> without a name", child)
                self.macro_xml[name] = child
            elif kind == "locale":
                locales.append(parse_locale_element(child, parse_date_part))
            elif kind == "info":
                info = self._info(child)
            elif kind in ("citation", "bibliography"):
                sections[kind] = child
        self._check_macro_graph(sections)
        style_inherit = self._inherit({}, root)
        if "citation" not in sections:
            if info.parent:
                raise self.error(f"this is a dependent style; its parent is {info.parent}")
            raise self.error("the style has no <citation>")
        cit_el = sections["citation"]
        cit_inherit = self._inherit(style_inherit, cit_el)
        # The citation reads only the macros it can call (a style's bibliography calls most of them, its citation
        # a few); the bibliography reads them all, so that a broken macro is reported even if nothing calls it.
        cited = self._reachable("citation") if "bibliography" in sections else set(self.macro_xml)
        citation_macros = {name: self._macro(name, cit_inherit) for name in self.macro_xml if name in cited}
        citation = self._citation(cit_el, cit_inherit)
        bibliography = None
        bibliography_macros: dict[str, tuple[m.Element, ...]] = {}
        if "bibliography" in sections:
            bib_el = sections["bibliography"]
            bib_inherit = self._inherit(style_inherit, bib_el)
            bibliography_macros = {name: self._macro(name, bib_inherit) for name in self.macro_xml}
            bibliography = self._bibliography(bib_el, bib_inherit)
        return m.Style(
            info=info,
            style_class=root.get("class", "in-text"),
            default_locale=root.get("default-locale"),
            citation=citation,
            bibliography=bibliography,
            citation_macros=citation_macros,
            bibliography_macros=bibliography_macros,
            locales=tuple(locales),
            page_range_format=root.get("page-range-format"),
            demote_non_dropping_particle=self.demote,
            initialize_with_hyphen=self.init_hyphen,
            uses_disambiguate_condition=self.saw_disambiguate,
        )

    def _info(self, el: etree._Element) -> m.StyleInfo:
        ident = title = ""
        parent = None
        for c in children(el):
            kind = local_name(c)
            if kind == "id":
                ident = (c.text or "").strip()
            elif kind == "title":
                title = (c.text or "").strip()
            elif kind == "link" and c.get("rel") == "independent-parent":
                parent = c.get("href")
        return m.StyleInfo(id=ident, title=title, parent=parent)

    def _check_macro_graph(self, sections: Mapping[str, etree._Element]) -> None:
        """Refuse macro calls that cannot be evaluated: undefined macros, loops, and call graphs so deep or so
        branching that evaluating them would exhaust the stack or run for minutes.

        Nothing here recurses through macro calls (a chain of thousands of macros is a hostile style's way to
        overflow the stack); macros are measured callees first, and within one macro the recursion follows the XML
        nesting, which the XML parser caps at 256 levels.
        """
        calls: dict[str, list[str]] = {}
        for name, el in self.macro_xml.items():
            calls[name] = sorted(self._macro_calls(el, f"macro {name!r}"))
        self.calls = calls
        measured: dict[str, tuple[int, int]] = {}
        for name in self._callees_first(calls):
            cost, depth = self._measure(self.macro_xml[name], measured)
            self._check_bounds(f"macro {name!r}", cost, depth, self.macro_xml[name])
            measured[name] = (cost, depth)
        for kind, section in sections.items():
            self.section_calls[kind] = self._macro_calls(section, f"<{kind}>")
            cost, depth = self._measure(section, measured)
            self._check_bounds(f"<{kind}>", cost, depth, section)

    def _reachable(self, kind: str) -> set[str]:
        """The macros section ``kind`` calls, directly or through other macros (after _check_macro_graph)."""
        found: set[str] = set()
        pending = list(self.section_calls[kind])
        while pending:
            name = pending.pop()
            if name not in found:
                found.add(name)
                pending.extend(self.calls[name])
        return found

    def _macro_calls(self, el: etree._Element, where: str) -> set[str]:
        """The macros ``el`` calls (``<text macro>`` and sort ``<key macro>``); an undefined one is an error."""
        found = set()
        for node in el.iter(*_CALLER_TAGS):
            callee = node.get("macro")
            if callee is not None:
                if callee not in self.macro_xml:
                    raise self.error(f"{where} calls undefined macro {callee!r}", node)
                found.add(callee)
        return found

    def _callees_first(self, calls: Mapping[str, list[str]]) -> list[str]:
        """Every macro, each after all the macros it calls; a loop is a :class:`CSLError` naming it.

        An explicit stack, not recursion: depth-first search with "on the current path" (1) and "done" (2) marks.
        """
        order: list[str] = []
        state: dict[str, int] = {}
        for start in sorted(calls):
            if start in state:
                continue
            state[start] = 1
            path = [start]
            stack = [iter(calls[start])]
            while stack:
                callee = next(stack[-1], None)
                if callee is None:
                    stack.pop()
                    done = path.pop()
                    state[done] = 2
                    order.append(done)
                elif state.get(callee) == 1:
                    cycle = " -> ".join([*path[path.index(callee) :], callee])
                    raise self.error(f"macros call each other in a loop: {cycle}", self.macro_xml[callee])
                elif callee not in state:
                    state[callee] = 1
                    path.append(callee)
                    stack.append(iter(calls[callee]))
        return order

    def _measure(self, el: etree._Element, macros: Mapping[str, tuple[int, int]]) -> tuple[int, int]:
        """``(cost, depth)`` of evaluating ``el`` with its macros expanded: the elements visited on the costliest
        path (only one branch of a ``<choose>`` runs, so it counts its costliest branch) and the nesting depth."""
        total = widest = deepest = 0
        for child in el:
            if isinstance(child.tag, str):
                cost, depth = self._measure(child, macros)
                total += cost
                widest = max(widest, cost)
                deepest = max(deepest, depth)
        cost, depth = 1 + (widest if local_name(el) == "choose" else total), 1 + deepest
        callee = el.get("macro")
        if callee is not None and local_name(el) in ("text", "key"):
            macro_cost, macro_depth = macros[callee]
            cost += macro_cost
            depth = max(depth, 1 + macro_depth)
        return cost, depth

    def _check_bounds(self, where: str, cost: int, depth: int, el: etree._Element) -> None:
        if depth > MAX_EVALUATION_DEPTH:
            raise self.error(
                f"{where} nests {depth} levels deep with its macros expanded, more than the "
                f"{MAX_EVALUATION_DEPTH} a style may have",
                el,
            )
        if cost > MAX_EVALUATION_COST:
            raise self.error(
                f"{where} would evaluate {cost} elements for one item with its macros expanded, more than the "
                f"{MAX_EVALUATION_COST} a style may have (macros calling other macros many times over?)",
                el,
            )

    def _inherit(self, parent: Inherited, el: etree._Element) -> dict[str, str]:
        merged = dict(parent)
        for attr in _NAME_OPTION_ATTRS:
            value = el.get(attr)
            if value is not None:
                merged[attr] = value
        return merged

    def _macro(self, name: str, inherit: Inherited) -> tuple[m.Element, ...]:
        return self._elements(self.macro_xml[name], inherit)

    def _layout(self, el: etree._Element, inherit: Inherited) -> m.Layout:
        layouts = [c for c in children(el) if local_name(c) == "layout"]
        if not layouts:
            raise self.error(f"<{local_name(el)}> has no <layout>", el)
        lay = layouts[0]
        return m.Layout(
            children=self._elements(lay, inherit), delimiter=lay.get("delimiter", ""), fmt=parse_formatting(lay)
        )

    def _sort(self, el: etree._Element) -> tuple[m.SortKey, ...]:
        keys: list[m.SortKey] = []
        for sort_el in (c for c in children(el) if local_name(c) == "sort"):
            for key in children(sort_el):
                if local_name(key) != "key":
                    continue
                if key.get("macro") and key.get("macro") not in self.macro_xml:
                    raise self.error(f"sort key uses undefined macro {key.get('macro')!r}", key)
                if not key.get("variable") and not key.get("macro"):
                    raise self.error("a sort <key> needs a variable or a macro", key)
                use_last = key.get("names-use-last")
                keys.append(
                    m.SortKey(
                        variable=key.get("variable"),
                        macro=key.get("macro"),
                        ascending=key.get("sort", "ascending") != "descending",
                        names_min=_int(key, "names-min"),
                        names_use_first=_int(key, "names-use-first"),
                        names_use_last=None if use_last is None else use_last == "true",
                    )
                )
        return tuple(keys)

    def _citation(self, el: etree._Element, inherit: Inherited) -> m.Citation:
        disamb_names = el.get("disambiguate-add-names") == "true"
        return m.Citation(
            layout=self._layout(el, inherit),
            sort=self._sort(el),
            disambiguate_add_names=disamb_names,
            disambiguate_add_givenname=el.get("disambiguate-add-givenname") == "true",
            givenname_disambiguation_rule=el.get("givenname-disambiguation-rule", "by-cite"),
            disambiguate_add_year_suffix=el.get("disambiguate-add-year-suffix") == "true",
            collapse=el.get("collapse"),
            cite_group_delimiter=el.get("cite-group-delimiter"),
            year_suffix_delimiter=el.get("year-suffix-delimiter"),
            after_collapse_delimiter=el.get("after-collapse-delimiter"),
            near_note_distance=_optional(_int(el, "near-note-distance"), 5),
        )

    def _bibliography(self, el: etree._Element, inherit: Inherited) -> m.Bibliography:
        return m.Bibliography(
            layout=self._layout(el, inherit),
            sort=self._sort(el),
            hanging_indent=el.get("hanging-indent") == "true",
            second_field_align=el.get("second-field-align"),
            line_spacing=_int(el, "line-spacing") or 1,
            entry_spacing=_int(el, "entry-spacing") if el.get("entry-spacing") else 1,  # type: ignore[arg-type]
            subsequent_author_substitute=el.get("subsequent-author-substitute"),
            subsequent_author_substitute_rule=el.get("subsequent-author-substitute-rule", "complete-all"),
        )

    # Rendering elements

    def _elements(self, parent: etree._Element, inherit: Inherited) -> tuple[m.Element, ...]:
        out: list[m.Element] = []
        for el in children(parent):
            parsed = self._element(el, inherit)
            if parsed is not None:
                out.append(parsed)
        return tuple(out)

    def _element(self, el: etree._Element, inherit: Inherited) -> m.Element | None:
        kind = local_name(el)
        if kind == "text":
            return self._text(el)
        if kind == "number":
            return m.Number(
                variable=el.get("variable", ""), form=el.get("form", "numeric"), fmt=parse_formatting(el)
            )
        if kind == "label":
            return self._label(el)
        if kind == "date":
            return self._date(el)
        if kind == "names":
            return self._names(el, inherit)
        if kind == "group":
            return m.Group(
                children=self._elements(el, inherit), delimiter=el.get("delimiter", ""), fmt=parse_formatting(el)
            )
        if kind == "choose":
            return self._choose(el, inherit)
        raise self.error(f"<{kind}> is not a CSL rendering element", el)

    def _text(self, el: etree._Element) -> m.Text:
        fmt = parse_formatting(el)
        if el.get("variable") is not None:
            return m.Text(variable=el.get("variable"), form=el.get("form", "long"), fmt=fmt)
        if el.get("macro") is not None:
            return m.Text(macro=el.get("macro"), fmt=fmt)
        if el.get("term") is not None:
            return m.Text(
                term=el.get("term"), form=el.get("form", "long"), plural=el.get("plural") == "true", fmt=fmt
            )
        if el.get("value") is not None:
            return m.Text(value=el.get("value"), fmt=fmt)
        raise self.error("<text> needs one of variable, macro, term or value", el)

    def _label(self, el: etree._Element) -> m.Label:
        return m.Label(
            variable=el.get("variable"),
            form=el.get("form", "long"),
            plural=el.get("plural", "contextual"),
            fmt=parse_formatting(el),
        )

    def _date(self, el: etree._Element) -> m.Date:
        parts = tuple(parse_date_part(p) for p in children(el) if local_name(p) == "date-part")
        return m.Date(
            variable=el.get("variable", ""),
            form=el.get("form"),
            date_parts=el.get("date-parts", "year-month-day"),
            parts=parts,
            delimiter=el.get("delimiter", ""),
            fmt=parse_formatting(el),
        )

    def _name_options(self, inherit: Inherited, name_el: etree._Element | None) -> m.NameOptions:
        opts = dict(inherit)
        if name_el is not None:
            for attr in _NAME_OPTION_ATTRS:
                value = name_el.get(attr)
                if value is not None:
                    opts[attr] = value
            if name_el.get("form") is not None:
                opts["name-form"] = name_el.get("form", "long")
            if name_el.get("delimiter") is not None:
                opts["name-delimiter"] = name_el.get("delimiter", ", ")

        def as_int(key: str) -> int | None:
            raw = opts.get(key)
            if raw is None or raw == "":
                return None
            try:
                return int(raw)
            except ValueError:
                raise self.error(f"{key}={raw!r} is not a whole number", name_el) from None

        et_al_min = as_int("et-al-min")
        et_al_first = as_int("et-al-use-first")
        return m.NameOptions(
            and_=opts.get("and"),
            delimiter=opts.get("name-delimiter", ", "),
            delimiter_precedes_et_al=opts.get("delimiter-precedes-et-al", "contextual"),
            delimiter_precedes_last=opts.get("delimiter-precedes-last", "contextual"),
            et_al_min=et_al_min,
            et_al_use_first=et_al_first,
            et_al_use_last=opts.get("et-al-use-last") == "true",
            et_al_subsequent_min=as_int("et-al-subsequent-min") or et_al_min,
            et_al_subsequent_use_first=as_int("et-al-subsequent-use-first") or et_al_first,
            form=opts.get("name-form", "long"),
            initialize=opts.get("initialize", "true") != "false",
            initialize_with=opts.get("initialize-with"),
            name_as_sort_order=opts.get("name-as-sort-order"),
            sort_separator=opts.get("sort-separator", ", "),
            demote_non_dropping_particle=self.demote,
            initialize_with_hyphen=self.init_hyphen,
        )

    def _names(self, el: etree._Element, inherit: Inherited) -> m.Names:
        name_el = et_al_el = label_el = substitute_el = None
        label_before = False
        for c in children(el):
            kind = local_name(c)
            if kind == "name":
                name_el = c
            elif kind == "et-al":
                et_al_el = c
            elif kind == "label":
                label_el = c
            elif kind == "substitute":
                substitute_el = c
        if label_el is not None and name_el is not None:
            label_before = list(el).index(label_el) < list(el).index(name_el)
        local_inherit = self._inherit(inherit, el)
        name = m.Name(
            options=self._name_options(local_inherit, name_el),
            fmt=parse_formatting(name_el) if name_el is not None else m.PLAIN,
            parts=tuple(
                m.NamePart(name=p.get("name", ""), fmt=parse_formatting(p))
                for p in (children(name_el) if name_el is not None else [])
                if local_name(p) == "name-part"
            ),
        )
        et_al = None
        if et_al_el is not None:
            et_al = m.EtAl(term=et_al_el.get("term", "et-al"), fmt=parse_formatting(et_al_el))
        substitute = None
        if substitute_el is not None:
            substitute = self._elements(substitute_el, inherit)
        delimiter = el.get("delimiter")
        if delimiter is None:
            delimiter = local_inherit.get("names-delimiter", "")
        variables = tuple(el.get("variable", "").split())
        return m.Names(
            variables=variables,
            name=name,
            et_al=et_al,
            label=self._label(label_el) if label_el is not None else None,
            label_before_name=label_before,
            substitute=substitute,
            delimiter=delimiter,
            fmt=parse_formatting(el),
            inherit_from_parent=not children(el),
        )

    def _choose(self, el: etree._Element, inherit: Inherited) -> m.Choose:
        branches: list[m.Branch] = []
        for branch in children(el):
            kind = local_name(branch)
            if kind == "else":
                branches.append(m.Branch(condition=None, children=self._elements(branch, inherit)))
            elif kind in ("if", "else-if"):
                disamb = branch.get("disambiguate")
                self.saw_disambiguate = self.saw_disambiguate or disamb is not None
                cond = m.Condition(
                    match=branch.get("match", "all"),
                    types=_split(branch, "type"),
                    variables=_split(branch, "variable"),
                    is_numeric=_split(branch, "is-numeric"),
                    is_uncertain_date=_split(branch, "is-uncertain-date"),
                    locators=_split(branch, "locator"),
                    positions=_split(branch, "position"),
                    disambiguate=None if disamb is None else disamb == "true",
                )
                branches.append(m.Branch(condition=cond, children=self._elements(branch, inherit)))
            else:
                raise self.error(f"<{kind}> cannot appear inside <choose>", branch)
        return m.Choose(branches=tuple(branches))
