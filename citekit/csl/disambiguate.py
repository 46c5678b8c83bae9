"""Disambiguation of cites that render alike, in the order CSL 1.0.2 gives: add names and given names, the
``disambiguate="true"`` condition, then year suffixes.

Every registered item takes part, cited or not, as in citeproc-js.  Cites are compared as the citation layout
renders them with no locator and first position.

Within a group of items that render alike, citekit tries disambiguation steps in a fixed order of cost (one
more name; then, for the by-cite rule, the initials and then the full given name of one shown name at a time)
and gives each item the first step that leaves it clashing with the fewest others, the others taking the same
step.  The global rules (all-names, primary-name and their with-initials forms) expand the given names of
people who share a family name with someone else, wherever those people are cited.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

import attrs

from citekit.csl.context import CiteInfo, Disambiguation
from citekit.csl.compile import render
from citekit.csl.items import Item, NameData, NameKey
from citekit.csl.tree import plain_text

if TYPE_CHECKING:
    from citekit.csl.document import Document

_MAX_ADD_NAMES = 20

Step = tuple[int, tuple[tuple[int, int], ...]]  # names added, and (name position, given-name level) pairs


def disambiguate(doc: Document) -> None:
    """Fill ``doc.item_disambiguation`` (per item) and ``doc.year_suffixes``."""
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
    rule = citation.givenname_disambiguation_rule
    global_rule = citation.disambiguate_add_givenname and rule != "by-cite"
    # One frozen state is where every item starts.
    start = _global_givennames(items, rule) if global_rule else Disambiguation()
    state: dict[str, Disambiguation] = {item.id: start for item in items}
    # The search renders the same item in the same state many times over: remember each rendering.
    rendered: dict[tuple[object, ...], str] = {}

    def key(item: Item) -> str:
        current = state[item.id]
        memo = (
            item.id,
            current.add_names,
            tuple(sorted(current.expanded_positions.items())),
            id(current.names_expanded),
            current.primary_only,
            current.initials_only,
            current.condition,
        )
        found = rendered.get(memo)
        if found is None:
            found = rendered[memo] = _render_key(doc, item, current)
        return found

    by_cite = citation.disambiguate_add_givenname and rule == "by-cite"
    order = {item_id: index for index, item_id in enumerate(doc.bibliography_order)}
    # One item cannot be confused with another: nothing to render and compare.
    for group in _ambiguous(items, key) if len(items) > 1 else ():
        if (citation.disambiguate_add_names or by_cite) and not _all_alike(group):
            _search_steps(group, state, key, add_names=citation.disambiguate_add_names, givennames=by_cite)
        remaining = _still_ambiguous(group, key)
        for item in remaining:
            state[item.id] = attrs.evolve(state[item.id], condition=True)
        remaining = _still_ambiguous(group, key)
        if citation.disambiguate_add_year_suffix and remaining:
            _year_suffixes(doc, remaining, key, order)
    doc.item_disambiguation = state


def _render_key(doc: Document, item: Item, state: Disambiguation) -> str:
    processor = doc.processor
    ctx = processor.context(item, in_bibliography=False, cite=CiteInfo(citation_number=doc.numbers.get(item.id)))
    ctx.disambiguation = attrs.evolve(state, year_suffix="") if state.year_suffix else state
    node = render(ctx.layout, ctx)
    return plain_text(node)


def _ambiguous(items: list[Item], key: Callable[[Item], str]) -> list[list[Item]]:
    groups: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        groups[key(item)].append(item)
    return [g for g in groups.values() if len(g) > 1]


def _still_ambiguous(group: list[Item], key: Callable[[Item], str]) -> list[Item]:
    counts: dict[str, list[Item]] = defaultdict(list)
    for item in group:
        counts[key(item)].append(item)
    return [item for members in counts.values() if len(members) > 1 for item in members]


def _apply(state: Disambiguation, step: Step) -> Disambiguation:
    return attrs.evolve(state, add_names=step[0], expanded_positions=dict(step[1]))


def _search_steps(
    group: list[Item],
    state: dict[str, Disambiguation],
    key: Callable[[Item], str],
    *,
    add_names: bool,
    givennames: bool,
) -> None:
    """Give each item of ``group`` the cheapest step that leaves it clashing with the fewest others."""
    base = {item.id: state[item.id] for item in group}
    renders: list[tuple[Step, dict[str, str]]] = []
    previous_names: dict[str, str] | None = None
    for names in range(0, (_MAX_ADD_NAMES if add_names else 0) + 1):
        plain: Step = (names, ())
        keys = _render_group(group, base, state, key, plain)
        if previous_names is not None and keys == previous_names:
            break  # every name list is exhausted: more names change nothing
        previous_names = keys
        renders.append((plain, keys))
        if all(_clashes(item, group, keys) == 0 for item in group):
            break  # everything is told apart: no later step can do better
        if givennames:
            for position in range(_shown_names(group, names, base, state, key)):
                for level in (1, 2):
                    step: Step = (names, ((position, level),))
                    renders.append((step, _render_group(group, base, state, key, step)))
    for item in group:
        clashes = [_clashes(item, group, keys) for _, keys in renders]
        best = clashes.index(min(clashes))
        state[item.id] = _apply(base[item.id], renders[best][0])


def _clashes(item: Item, group: list[Item], keys: dict[str, str]) -> int:
    mine = keys[item.id]
    return sum(1 for other in group if keys[other.id] == mine) - 1


def _all_alike(group: list[Item]) -> bool:
    """Items with the same names, dates and fields (a record cited under two ids) cannot be told apart by
    names: only a year suffix can separate them."""
    first = group[0]
    return all(
        item.names == first.names and item.dates == first.dates and item.fields == first.fields and item.type == first.type
        for item in group[1:]
    )


def _render_group(
    group: list[Item],
    base: dict[str, Disambiguation],
    state: dict[str, Disambiguation],
    key: Callable[[Item], str],
    step: Step,
) -> dict[str, str]:
    for item in group:
        state[item.id] = _apply(base[item.id], step)
    keys = {item.id: key(item) for item in group}
    for item in group:
        state[item.id] = base[item.id]
    return keys


def _shown_names(
    group: list[Item],
    added: int,
    base: dict[str, Disambiguation],
    state: dict[str, Disambiguation],
    key: Callable[[Item], str],
) -> int:
    """How many name positions can show a given name at this many added names (bounded by the lists)."""
    longest = max((len(names) for item in group for names in item.names.values()), default=0)
    return min(longest, added + 3)


def _global_givennames(items: list[Item], rule: str) -> Disambiguation:
    """all-names / primary-name rules: the starting state of every item, which expands every name that another
    person's name renders the same as."""
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
            unique_initials = initials[_initials(people[k].given)] == 1
            if unique_initials:
                expanded[k] = 1
            elif not initials_only:
                expanded[k] = 2
            # With initials only, people whose initials are the same stay as they are: initials would not help.
    if not expanded:
        return Disambiguation()
    return Disambiguation(names_expanded=expanded, primary_only=primary, initials_only=initials_only)


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


def _year_suffixes(doc: Document, group: list[Item], key: Callable[[Item], str], order: Mapping[str, int]) -> None:
    """Letters in bibliography order (``order``: each item's place), counted separately within each set of items
    that still render alike."""
    clashes: dict[str, list[Item]] = defaultdict(list)
    for item in group:
        clashes[key(item)].append(item)
    for members in clashes.values():
        ranked = sorted(members, key=lambda item: order.get(item.id, len(order)))
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
