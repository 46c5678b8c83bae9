"""The processor: one style and locale, rendering citation clusters and bibliographies for CSL-JSON items.

It is stateless between calls: each call gets every item and cluster of the document, so positions, numbering
and disambiguation are computed over exactly what was given.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from citekit.csl import model as m
from citekit.csl.cites import Cite, Cluster
from citekit.csl.compile import render
from citekit.csl.context import CiteInfo, Context
from citekit.csl.document import Document, plan_document
from citekit.csl.formatting import apply_formatting, apply_layout_formatting, join
from citekit.csl.gcpause import collector_paused
from citekit.csl.items import Item, item_from_csl
from citekit.csl.locale import Locale
from citekit.csl.punctuation import QuoteMarks, linearize
from citekit.csl.richtext import parse_rich_text
from citekit.csl.specialize import specialized
from citekit.csl.subsequent import AuthorSubstitution
from citekit.csl.styles_cache import locale_for, style_from_path, style_from_text
from citekit.csl.tree import Node, Span, Str, find_roles, is_empty, leaves
from citekit.renderers import Renderer, get_renderer


class Processor:
    """A CSL style ready to render.

    ``style`` is CSL XML text, a path to a ``.csl`` file, or a citekit style name (profile or official id);
    ``locale`` overrides the style's default locale.
    """

    def __init__(self, style: str | os.PathLike[str] | m.Style, locale: str | None = None) -> None:
        profile_locale = None
        if isinstance(style, m.Style):
            self.style = style
        elif isinstance(style, os.PathLike):
            self.style = style_from_path(style)
        elif style.lstrip().startswith("<"):
            self.style = style_from_text(style)
        elif style.endswith(".csl") and Path(style).is_file():
            self.style = style_from_path(style)
        else:
            from citekit.styles import resolve_style

            resolved = resolve_style(style)
            self.style = style_from_path(resolved.path)
            profile_locale = resolved.locale
        self.lang = locale or profile_locale or self.style.default_locale or "en-US"
        self.locale: Locale = locale_for(self.style, self.lang)
        self._marks = QuoteMarks.from_locale(self.locale)

    @property
    def has_bibliography(self) -> bool:
        return self.style.bibliography is not None

    @property
    def is_note_style(self) -> bool:
        return self.style.style_class == "note"

    # Public rendering

    def citations(
        self,
        items: Sequence[Mapping[str, Any]],
        clusters: Sequence[Cluster],
        *,
        output: str = "html",
        links: bool = False,
    ) -> list[str]:
        """Each cluster's final string, in document order.  ``links``: DOIs and URLs as hyperlinks."""
        render = get_renderer(output)
        with collector_paused():
            doc = self._plan(items, clusters)
            return [self._finish(self._cluster_tree(doc, index), render, links) for index in range(len(clusters))]

    def citation(
        self, items: Sequence[Mapping[str, Any]], cites: Sequence[Cite], *, output: str = "html", links: bool = False
    ) -> str:
        """One cluster citing ``cites``, as the only citation of the document."""
        return self.citations(items, [Cluster(cites=tuple(cites))], output=output, links=links)[0]

    def bibliography(
        self,
        items: Sequence[Mapping[str, Any]],
        *,
        clusters: Sequence[Cluster] = (),
        output: str = "html",
        select: Mapping[str, Any] | None = None,
        links: bool = False,
    ) -> list[str]:
        """The bibliography entries in the style's order (items the style prints nothing for are left out)."""
        if self.style.bibliography is None:
            return []
        render = get_renderer(output)
        with collector_paused():
            return self._bibliography(items, clusters, render, select, links)

    # Internals

    def _bibliography(
        self,
        items: Sequence[Mapping[str, Any]],
        clusters: Sequence[Cluster],
        render: Renderer,
        select: Mapping[str, Any] | None,
        links: bool,
    ) -> list[str]:
        bib = self.style.bibliography
        assert bib is not None
        doc = self._plan(items, clusters, citations=False)
        substitution = None
        if bib.subsequent_author_substitute is not None:
            substitution = AuthorSubstitution(bib.subsequent_author_substitute, bib.subsequent_author_substitute_rule)
        entries = []
        # Each entry is finished as soon as it is rendered: a long bibliography never holds all its trees.
        for item_id in doc.bibliography_order:
            item = doc.items[item_id]
            if select is not None and not _selected(item, select):
                continue
            tree = self._entry_tree(doc, item)
            if tree is not None:
                if substitution is not None:
                    substitution(tree)
                entries.append(self._finish(tree, render, links))
        return entries

    def _plan(
        self, items: Sequence[Mapping[str, Any]], clusters: Sequence[Cluster], *, citations: bool = True
    ) -> Document:
        label = self.style.uses_citation_label
        parsed = [item_from_csl(data, citation_label=label) for data in items]
        return plan_document(self, parsed, list(clusters), citations=citations)

    def context(
        self, item: Item, *, in_bibliography: bool, cite: CiteInfo | None = None, doc: Document | None = None
    ) -> Context:
        style = self.style
        shape = specialized(style, in_bibliography, item)
        ctx = Context(
            style=style,
            locale=self.locale,
            macros=shape.macros,
            in_bibliography=in_bibliography,
            item=item,
            cite=cite or CiteInfo(),
            layout=shape.layout,
        )
        if doc is not None:
            ctx.disambiguation = doc.disambiguation_for(item.id, in_bibliography, cite)
        return ctx

    def sorted_ids(self, items: Sequence[Mapping[str, Any]]) -> list[str]:
        """The ids of ``items`` in the bibliography's order (registration order for styles without one)."""
        return list(self._plan(items, [], citations=False).bibliography_order)

    @property
    def bibliography_settings(self) -> m.Bibliography | None:
        """The style's bibliography options (hanging-indent, second-field-align, spacing), for layout."""
        return self.style.bibliography

    def _finish(self, tree: Node, render: Renderer, links: bool) -> str:
        # Like citeproc-js, white space at the ends is kept: the engine layer trims for users.
        tokens = linearize(tree, self._marks, self.locale.punctuation_in_quote)
        return render(tokens, links)

    def cite_tree(self, doc: Document, cite: Cite, info: CiteInfo, *, at_start: bool = False) -> Node | None:
        item = doc.items.get(cite.id)
        if item is None:
            return None
        ctx = self.context(item, in_bibliography=False, cite=info, doc=doc)
        if cite.suppress_author:
            ctx.suppress_first_names = True
        node = render(ctx.layout, ctx)
        if node is None:
            if cite.suppress_author or cite.author_only:
                return None
            # Nothing is dropped silently: a reference the style prints nothing for is flagged where it is
            # cited, in citeproc-js's words.
            return Str(NO_PRINTED_FORM)
        attach_year_suffix(node, ctx.disambiguation.year_suffix)
        # In a note, a cite that opens the note or follows a sentence starts a sentence of its own.
        prefix = cite.prefix or ""
        # A one-word prefix ending in a period ("Cf.") is an abbreviation, not a sentence (citeproc-js).
        stripped = prefix.strip()
        ends_sentence = " " in stripped and stripped.rstrip("\u201d\u2019\"'").endswith((".", "!", "?"))
        if self.is_note_style and (ends_sentence if cite.prefix else at_start):
            _capitalize_leading_term(node)
        parts: list[Node] = []
        if cite.prefix:
            parts.extend(parse_rich_text(cite.prefix))
        parts.append(node)
        if cite.suffix:
            parts.extend(parse_rich_text(cite.suffix))
        return Span(parts) if len(parts) > 1 else node

    def _cluster_tree(self, doc: Document, index: int) -> Node:
        layout = self.style.citation.layout
        body = doc.cluster_node(index)
        if body is None:
            return Str("")
        formatted = apply_layout_formatting(body, layout.fmt, self.context(_NO_ITEM, in_bibliography=False))
        return formatted or Str("")

    def _entry_tree(self, doc: Document, item: Item) -> Node | None:
        bib = self.style.bibliography
        assert bib is not None
        ctx = self.context(item, in_bibliography=True, cite=doc.bibliography_cite(item.id), doc=doc)
        nodes: list[Node] = []
        ctx.layout(ctx, nodes)
        if nodes:
            whole = Span(nodes)
            _capitalize_leading_term(whole)
            attach_year_suffix(whole, ctx.disambiguation.year_suffix)
        if not nodes or all(is_empty(n) for n in nodes):
            return None
        fmt = bib.layout.fmt
        if bib.second_field_align and len(nodes) > 1:
            first = Span([Str(fmt.prefix), nodes[0]] if fmt.prefix else [nodes[0]], display="left-margin")
            # The layout's suffix and decorations go with the right-hand column, its prefix with the left-hand one.
            rest = apply_formatting(join(nodes[1:], ""), attrs.evolve(fmt, prefix="", display=None), ctx)
            if rest is not None:
                # citeproc-js trims the end of the right-hand column.
                _rstrip(rest)
            return Span([first, Span([rest] if rest else [], display="right-inline")], role="entry")
        body = apply_layout_formatting(join(nodes, ""), fmt, ctx)
        return Span([body], role="entry") if body is not None else None


_NO_ITEM = Item("", "", {}, {}, {})
NO_PRINTED_FORM = "[CSL STYLE ERROR: reference with no printed form.]"


def _capitalize_leading_term(node: Node) -> None:
    """A note or entry that opens with a term ("ibid.", "n.d.", even after an opening parenthesis) starts a
    sentence: citeproc-js capitalises it."""
    found = _first_letter(node)
    if found is None:
        return
    first, index = found
    text = first.text
    # Checked before looking for terms, so that the usual entry (a capitalised name) costs no walk of the tree.
    if not text[index].islower():
        return
    if _in_term(node, first, False):
        first.text = text[:index] + text[index].upper() + text[index + 1 :]


def _first_letter(node: Node) -> tuple[Str, int] | None:
    """The leaf with the first letter or digit of ``node``, and where in it that is."""
    for leaf in leaves(node):
        for index, char in enumerate(leaf.text):
            if char.isalnum():
                return leaf, index
    return None


def _in_term(node: Node, leaf: Str, inside: bool) -> bool | None:
    """Whether ``leaf`` is inside a term span of ``node`` (None: ``leaf`` is not under ``node``)."""
    if node is leaf:
        return inside
    if isinstance(node, Span):
        inside = inside or node.role in ("term", "no-date")
        for child in node.children:
            found = _in_term(child, leaf, inside)
            if found is not None:
                return found
    return None


def _rstrip(node: Node) -> None:
    for leaf in reversed(list(leaves(node))):
        leaf.text = leaf.text.rstrip()
        if leaf.text:
            return


def attach_year_suffix(tree: Node, suffix: str) -> None:
    """A style that never renders ``year-suffix`` gets it after the first year it renders (as citeproc-js)."""
    if not suffix or next(find_roles(tree, "year-suffix"), None) is not None:
        return
    year = next(find_roles(tree, "year"), None)
    if year is not None:
        year.children.append(Span([Str(suffix)], role="year-suffix"))
        return
    no_date = next(find_roles(tree, "no-date"), None)
    if no_date is not None:
        no_date.children.append(Span([Str(f"-{suffix}")], role="year-suffix"))


def _selected(item: Item, select: Mapping[str, Any]) -> bool:
    """The citeproc-js bibliography section filter (select / include / exclude / quash)."""

    def matches(cond: Mapping[str, Any]) -> bool:
        field, value = cond.get("field"), cond.get("value")
        if field == "type":
            return item.type == value
        if str(field) in item.names:
            return bool(item.names[str(field)])
        return item.fields.get(str(field)) == value or (value == "" and not item.has(str(field)))

    if "select" in select:
        if not all(matches(c) for c in select["select"]):
            return False
    if "include" in select:
        if not any(matches(c) for c in select["include"]):
            return False
    if "exclude" in select:
        if any(matches(c) for c in select["exclude"]):
            return False
    if "quash" in select:
        if all(matches(c) for c in select["quash"]):
            return False
    return True
