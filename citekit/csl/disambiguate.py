"""Disambiguation of cites that render alike, in the order CSL 1.0.2 gives: add names, add given names
(per the givenname-disambiguation-rule), the ``disambiguate="true"`` condition, then year suffixes.

Every registered item takes part, cited or not, as in citeproc-js.  Cites are compared as the citation layout
renders them with no locator and first position.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

import attrs

from citekit.csl.context import CiteInfo, Disambiguation
from citekit.csl.evaluate import render_elements
from citekit.csl.formatting import join
from citekit.csl.items import Item, NameData, NameKey
from citekit.csl.tree import plain_text

if TYPE_CHECKING:
    from citekit.csl.document import Document

_MAX_ADD_NAMES = 50


def disambiguate(doc: Document) -> None:
    """Fill ``doc.disambiguations`` (per item) and ``doc.year_suffixes``."""
    citation = doc.processor.style.citation
    wanted = (
        citation.disambiguate_add_names
        or citation.disambiguate_add_givenname
        or citation.disambiguate_add_year_suffix
        or doc.processor.style.uses_disambiguate_condition
    )
    if not wanted:
        return
    items = list(doc.items.values())
    state: dict[str, Disambiguation] = {item.id: Disambiguation() for item in items}

    def key(item: Item) -> str:
        return _render_key(doc, item, state[item.id])

    rule = citation.givenname_disambiguation_rule
    if citation.disambiguate_add_givenname and rule != "by-cite":
        _global_givennames(doc, items, state, rule)

    for group in _ambiguous(items, key):
        if citation.disambiguate_add_names:
            _add_names(group, state, key)
        remaining = _still_ambiguous(group, key)
        if citation.disambiguate_add_givenname and rule == "by-cite" and remaining:
            _by_cite_givennames(remaining, state, key, with_initials_only=False)
        remaining = _still_ambiguous(group, key)
        for item in remaining:
            state[item.id] = attrs.evolve(state[item.id], condition=True)
        remaining = _still_ambiguous(group, key)
        if citation.disambiguate_add_year_suffix and remaining:
            _year_suffixes(doc, remaining)
    doc.item_disambiguation = state


def _render_key(doc: Document, item: Item, state: Disambiguation) -> str:
    processor = doc.processor
    ctx = processor.context(item, in_bibliography=False, cite=CiteInfo(citation_number=doc.numbers.get(item.id)))
    ctx.disambiguation = attrs.evolve(state, year_suffix="")
    node = join(render_elements(processor.style.citation.layout.children, ctx), "")
    return plain_text(node)


def _ambiguous(items: list[Item], key: object) -> list[list[Item]]:
    groups: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        groups[key(item)].append(item)  # type: ignore[operator]
    return [g for g in groups.values() if len(g) > 1]


def _still_ambiguous(group: list[Item], key: object) -> list[Item]:
    counts: dict[str, list[Item]] = defaultdict(list)
    for item in group:
        counts[key(item)].append(item)  # type: ignore[operator]
    return [item for members in counts.values() if len(members) > 1 for item in members]


def _add_names(group: list[Item], state: dict[str, Disambiguation], key: object) -> None:
    """Give each item the fewest added names that leave it clashing with as few others as possible."""
    renders: list[dict[str, str]] = []
    for count in range(0, _MAX_ADD_NAMES + 1):
        for item in group:
            state[item.id] = attrs.evolve(state[item.id], add_names=count)
        keys = {item.id: key(item) for item in group}  # type: ignore[operator]
        if renders and keys == renders[-1]:
            break  # every name list is exhausted
        renders.append(keys)
    for item in group:
        clashes = [sum(1 for other in group if keys[other.id] == keys[item.id]) for keys in renders]
        best = clashes.index(min(clashes))
        state[item.id] = attrs.evolve(state[item.id], add_names=best)


def _by_cite_givennames(
    group: list[Item], state: dict[str, Disambiguation], key: object, with_initials_only: bool
) -> None:
    for level in (1, 2):
        for item in group:
            state[item.id] = attrs.evolve(state[item.id], givenname_level=level)
        if not _still_ambiguous(group, key):
            return
    for item in _still_ambiguous(group, key):
        state[item.id] = attrs.evolve(state[item.id], givenname_level=0)


def _global_givennames(doc: Document, items: list[Item], state: dict[str, Disambiguation], rule: str) -> None:
    """all-names / primary-name rules: expand every name that another person's name renders the same as."""
    primary = rule.startswith("primary-name")
    initials_only = rule.endswith("with-initials")
    by_family: dict[str, set[NameKey]] = defaultdict(set)
    people: dict[NameKey, NameData] = {}
    for item in items:
        for names in _cited_name_lists(item, every_list=not initials_only):
            for name in names[:1] if primary else names:
                if name.literal:
                    continue
                by_family[_short_form(name)].add(name.key)
                people[name.key] = name
    expanded: dict[NameKey, int] = {}
    for keys in by_family.values():
        if len(keys) < 2:
            continue
        initials: dict[str, int] = defaultdict(int)
        for k in keys:
            initials[_initials(people[k].given)] += 1
        for k in keys:
            level = 1 if initials[_initials(people[k].given)] == 1 or initials_only else 2
            expanded[k] = level
    if not expanded:
        return
    for item in items:
        state[item.id] = attrs.evolve(
            state[item.id], names_expanded=expanded, primary_only=primary, initials_only=initials_only
        )


def _cited_name_lists(item: Item, every_list: bool) -> list[tuple[NameData, ...]]:
    """The name lists whose people can clash.  Observed in citeproc-js: the all-names and primary-name rules
    count every name list of an item (an author and an editor of one chapter can clash); the with-initials
    rules count only the list a cite shows (the author, or the first substitute that has names)."""
    if every_list:
        return list(item.names.values())
    for variable in ("author", "editor", "translator", "composer", "director", "container-author"):
        if item.names.get(variable):
            return [item.names[variable]]
    return []


def _short_form(name: NameData) -> str:
    return f"{name.non_dropping_particle} {name.family}".strip()


def _initials(given: str) -> str:
    return "".join(word[:1] for word in given.replace("-", " ").replace(".", " ").split())


def _year_suffixes(doc: Document, group: list[Item]) -> None:
    order = {item_id: index for index, item_id in enumerate(doc.bibliography_order)}
    ranked = sorted(group, key=lambda item: order.get(item.id, len(order)))
    for index, item in enumerate(ranked):
        doc.year_suffixes[item.id] = suffix_letters(index)


def suffix_letters(index: int) -> str:
    """0 -> "a", 25 -> "z", 26 -> "aa", as citeproc-js counts year suffixes."""
    letters = ""
    index += 1
    while index > 0:
        index, rem = divmod(index - 1, 26)
        letters = chr(ord("a") + rem) + letters
    return letters
