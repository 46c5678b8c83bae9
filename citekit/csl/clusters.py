"""Rendering one cluster: cites sorted as the citation's ``<sort>`` says, then grouped and collapsed
(citation-number ranges, repeated authors, year suffixes) with the delimiters CSL defines."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from citekit.csl.cites import Cite
from citekit.csl.context import CiteInfo, Context
from citekit.csl.sorting import sort_by_keys
from citekit.csl.tree import Node, Span, Str, find_roles, leaves, plain_text

if TYPE_CHECKING:
    from citekit.csl.document import Document


@attrs.define
class _Rendered:
    cite: Cite
    info: CiteInfo
    node: Node
    names: str | None
    year: str | None
    suffix: str


def render_cluster(doc: Document, index: int) -> Node | None:
    """The cluster's cites joined with the right delimiters (before the layout's own affixes)."""
    processor = doc.processor
    citation = processor.style.citation
    cluster = doc.clusters[index]
    pairs = [(cite, info) for cite, info in zip(cluster.cites, doc.infos[index]) if cite.id in doc.items]
    keys = citation.sort
    if keys and len(pairs) > 1:
        def cite_context(pair: tuple[Cite, CiteInfo]) -> Context:
            return processor.context(doc.items[pair[0].id], in_bibliography=False, cite=pair[1], doc=doc)

        pairs = sort_by_keys(pairs, keys, cite_context)
    rendered: list[_Rendered] = []
    for cite, info in pairs:
        node = processor.cite_tree(doc, cite, info, at_start=not rendered)
        if node is None:
            continue
        names = next(find_roles(node, "names"), None)
        year = next(find_roles(node, "year"), None)
        rendered.append(
            _Rendered(
                cite=cite,
                info=info,
                node=node,
                # Cites that print no names at all group together when years collapse (citeproc-js).
                names=plain_text(names) if names is not None else ("" if citation.collapse else None),
                year=_year_text(year) if year is not None else None,
                suffix=doc.year_suffixes.get(cite.id, ""),
            )
        )
    if not rendered:
        return None
    delimiter = citation.layout.delimiter
    if citation.collapse == "citation-number":
        return _collapse_numbers(rendered, delimiter, citation.after_collapse_delimiter or delimiter)
    if citation.collapse in ("year", "year-suffix", "year-suffix-ranged") or citation.cite_group_delimiter:
        return _collapse_names(doc, rendered, delimiter)
    return _join([r.node for r in rendered], [delimiter] * (len(rendered) - 1))


def _year_text(span: Span) -> str:
    return "".join(plain_text(c) for c in span.children if not (isinstance(c, Span) and c.role == "year-suffix"))


def _join(nodes: list[Node], delimiters: list[str]) -> Node:
    out: list[Node] = [nodes[0]]
    for delimiter, node in zip(delimiters, nodes[1:]):
        # A cite whose prefix opens with punctuation (", cited in") joins without the layout delimiter; after a
        # cite whose suffix ends with a comma only the delimiter's spacing remains (citeproc-js).
        if _ends_with_comma(out[-1]):
            delimiter = delimiter.lstrip(",;:.")
        if delimiter and not _opens_with_punctuation(node):
            out.append(Str(delimiter))
        out.append(node)
    return Span(out) if len(out) > 1 else out[0]


def _opens_with_punctuation(node: Node) -> bool:
    first = next((leaf.text for leaf in leaves(node) if leaf.text), "")
    return first[:1] in (",", ";", ".", ":")


def _ends_with_comma(node: Node) -> bool:
    last = "".join(leaf.text for leaf in leaves(node)).rstrip()
    return last.endswith(",")


def _plain(r: _Rendered) -> bool:
    return not (r.cite.prefix or r.cite.suffix or r.cite.locator)


def _collapse_numbers(rendered: list[_Rendered], delimiter: str, after: str) -> Node:
    """Runs of three or more consecutive citation numbers become "first–last"."""
    segments: list[tuple[Node, bool]] = []
    index = 0
    while index < len(rendered):
        end = index
        while end + 1 < len(rendered) and _consecutive(rendered[end], rendered[end + 1]):
            end += 1
        if end - index >= 2:
            segments.append((Span([rendered[index].node, Str("\u2013"), rendered[end].node]), True))
        else:
            segments.extend((r.node, False) for r in rendered[index : end + 1])
        index = end + 1
    delimiters = [after if collapsed else delimiter for _, collapsed in segments[:-1]]
    return _join([node for node, _ in segments], delimiters)


def _consecutive(a: _Rendered, b: _Rendered) -> bool:
    first, second = a.info.citation_number, b.info.citation_number
    return _plain(a) and _plain(b) and first is not None and second == first + 1


def _collapse_names(doc: Document, rendered: list[_Rendered], delimiter: str) -> Node:
    citation = doc.processor.style.citation
    # Cites of one group are joined by the cite-group-delimiter, ", " by default -- except, as observed in
    # citeproc-js, in an unsorted citation that may add names, where the layout's delimiter is used; a
    # collapsed group, and a cite with a pinpoint inside one, is followed by the after-collapse-delimiter.
    default_group_delimiter = delimiter if not citation.sort and citation.disambiguate_add_names else ", "
    group_delimiter = (
        citation.cite_group_delimiter if citation.cite_group_delimiter is not None else default_group_delimiter
    )
    suffix_delimiter = citation.year_suffix_delimiter or citation.cite_group_delimiter or delimiter
    after = citation.after_collapse_delimiter or delimiter
    collapse = citation.collapse
    groups: list[list[_Rendered]] = []
    # With a citation sort, cites by the same names gather at the first one (citeproc-js); unsorted
    # clusters keep the author's order and only neighbours group.
    gather = bool(citation.sort)
    for r in rendered:
        target = None
        if r.names is not None:
            candidates = groups if gather else groups[-1:]
            target = next((g for g in candidates if g[0].names == r.names), None)
        if target is not None:
            target.append(r)
        else:
            groups.append([r])
    nodes: list[Node] = []
    delimiters: list[str] = []
    previous_collapsed = False
    for group in groups:
        if nodes:
            delimiters.append(after if previous_collapsed else delimiter)
        nodes.append(group[0].node)
        if len(group) == 1 or collapse is None:
            # Grouped but not collapsed: each cite keeps its names.
            for r in group[1:]:
                delimiters.append(group_delimiter)
                nodes.append(r.node)
            previous_collapsed = len(group) > 1 and collapse is not None
            continue
        previous_collapsed = True
        run: list[str] = []
        for prev, r in zip(group, group[1:]):
            same_year = (
                collapse in ("year-suffix", "year-suffix-ranged")
                and r.suffix and prev.suffix and r.year == prev.year and _plain(r) and _plain(prev)
            )  # fmt: skip
            if same_year:
                run.append(r.suffix)
                continue
            _flush_suffixes(run, nodes, delimiters, suffix_delimiter, collapse == "year-suffix-ranged")
            # After a run of collapsed suffixes ("2000a–e") or a pinpoint, the next year of the same author
            # follows the after-collapse delimiter (citeproc-js).
            delimiters.append(after if run or not _plain(prev) else group_delimiter)
            run = []
            nodes.append(_without_names(doc, r))
        _flush_suffixes(run, nodes, delimiters, suffix_delimiter, collapse == "year-suffix-ranged")
    return _join(nodes, delimiters)


def _flush_suffixes(run: list[str], nodes: list[Node], delimiters: list[str], delimiter: str, ranged: bool) -> None:
    """Append the year suffixes of ``run`` after the cite just shown ("2015a, b" or, ranged, "2015a–c")."""
    if not run:
        return
    shown = _last_suffix(nodes[-1])
    letters = [shown, *run] if shown else run
    runs = _letter_runs(letters) if ranged else [(letter, letter) for letter in letters]
    for position, (start, end) in enumerate(runs):
        if position == 0 and shown:
            if end != start:
                nodes.append(Str(f"\u2013{end}"))
                delimiters.append("")
            continue
        delimiters.append(delimiter)
        nodes.append(Str(start if start == end else f"{start}\u2013{end}"))


def _letter_runs(letters: list[str]) -> list[tuple[str, str]]:
    """Consecutive suffixes in runs of three or more become (first, last); others stand alone."""
    out: list[tuple[str, str]] = []
    start = 0
    while start < len(letters):
        end = start
        while end + 1 < len(letters) and _next_letter(letters[end]) == letters[end + 1]:
            end += 1
        if end - start >= 2:
            out.append((letters[start], letters[end]))
        else:
            out.extend((letter, letter) for letter in letters[start : end + 1])
        start = end + 1
    return out


def _next_letter(letters: str) -> str:
    return letters[:-1] + chr(ord(letters[-1]) + 1) if letters and letters[-1] != "z" else ""


def _last_suffix(node: Node) -> str:
    found = list(find_roles(node, "year-suffix"))
    return plain_text(found[-1]) if found else ""


def _without_names(doc: Document, r: _Rendered) -> Node:
    node = doc.processor.cite_tree(doc, attrs.evolve(r.cite, suppress_author=True), r.info)
    return node if node is not None else r.node
