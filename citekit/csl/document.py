"""A document's plan: item registry, cite positions, citation numbers, sort orders and disambiguation.

Computed once per call from the items and clusters given; rendering then only reads it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import attrs

from citekit.csl.cites import Cite, Cluster
from citekit.csl.context import (
    POSITION_FIRST,
    POSITION_IBID,
    POSITION_IBID_WITH_LOCATOR,
    POSITION_SUBSEQUENT,
    CiteInfo,
    Context,
    Disambiguation,
)
from citekit.csl.items import Item
from citekit.csl.sorting import sort_by_keys
from citekit.csl.tree import Node

if TYPE_CHECKING:
    from citekit.csl.processor import Processor

_NONE = Disambiguation()


@attrs.define
class Document:
    processor: Processor
    items: dict[str, Item]
    clusters: list[Cluster]
    infos: list[list[CiteInfo]]
    numbers: dict[str, int]
    bibliography_order: list[str]
    item_disambiguation: dict[str, Disambiguation] = attrs.Factory(dict)
    year_suffixes: dict[str, str] = attrs.Factory(dict)

    def disambiguation_for(self, item_id: str, in_bibliography: bool, cite: CiteInfo | None) -> Disambiguation:
        suffix = self.year_suffixes.get(item_id, "")
        if in_bibliography:
            return Disambiguation(year_suffix=suffix) if suffix else _NONE
        found = self.item_disambiguation.get(item_id, _NONE)
        return attrs.evolve(found, year_suffix=suffix) if suffix else found

    def bibliography_cite(self, item_id: str) -> CiteInfo:
        return CiteInfo(citation_number=self.numbers.get(item_id))

    def cluster_node(self, index: int) -> Node | None:
        from citekit.csl.clusters import render_cluster

        return render_cluster(self, index)


def plan_document(
    processor: Processor, items: Sequence[Item], clusters: list[Cluster], *, citations: bool = True
) -> Document:
    """The plan for rendering ``clusters`` and the bibliography of ``items``.  ``citations``: whether cites will
    be rendered; without them only year suffixes (all a bibliography takes from disambiguation) are worked out.
    """
    registry: dict[str, Item] = {}
    for item in items:
        registry.setdefault(item.id, item)
    infos = _positions(processor, clusters)
    first_cited: list[str] = []
    seen: set[str] = set()
    for cluster in clusters:
        for cite in cluster.cites:
            if cite.id in registry and cite.id not in seen:
                seen.add(cite.id)
                first_cited.append(cite.id)
    order = first_cited + [i for i in registry if i not in seen]
    numbers = {item_id: n for n, item_id in enumerate(order, start=1)}
    doc = Document(
        processor=processor,
        items=registry,
        clusters=clusters,
        infos=infos,
        numbers=numbers,
        bibliography_order=order,
    )
    bib = processor.style.bibliography
    if bib is not None and bib.sort:
        def entry_context(item_id: str) -> Context:
            return processor.context(registry[item_id], in_bibliography=True, cite=doc.bibliography_cite(item_id))

        doc.bibliography_order = sort_by_keys(order, bib.sort, entry_context)
        if not any(k.variable == "citation-number" for k in bib.sort):
            doc.numbers = {item_id: n for n, item_id in enumerate(doc.bibliography_order, start=1)}
    doc.infos = [[attrs.evolve(info, citation_number=doc.numbers.get(cite.id)) for cite, info in zip(c.cites, row)]
                 for c, row in zip(clusters, doc.infos)]  # fmt: skip
    if citations or processor.style.citation.disambiguate_add_year_suffix:
        from citekit.csl.disambiguate import disambiguate

        disambiguate(doc)
    return doc


def _positions(processor: Processor, clusters: Sequence[Cluster]) -> list[list[CiteInfo]]:
    """Position of every cite (first, subsequent, ibid, ibid-with-locator, near-note), per CSL 1.0.2.

    "The previous citation" follows citeproc-js: citations in the text (no note number) and citations in
    notes are two sequences, and within notes the previous citation is the whole previous note, which
    counts only when it cites a single item.
    """
    distance = processor.style.citation.near_note_distance
    first_note: dict[str, int] = {}
    last_note: dict[str, int] = {}
    out: list[list[CiteInfo]] = []
    previous_text: tuple[Cite, ...] = ()
    notes: dict[int, list[Cite]] = {}
    last_note_number: int | None = None
    previous_in_note: tuple[Cite, ...] = ()
    for index, cluster in enumerate(clusters):
        in_note = bool(cluster.note_index)
        note = cluster.note_index if in_note else index + 1
        assert note is not None
        if not in_note:
            previous: Sequence[Cite] = previous_text
        elif last_note_number == note:
            previous = previous_in_note  # another citation in the same note: the one just before it
        else:
            previous = notes.get(last_note_number, []) if last_note_number is not None else []
        row: list[CiteInfo] = []
        for j, cite in enumerate(cluster.cites):
            if cite.id not in first_note:
                position = POSITION_FIRST
            else:
                preceding: Cite | None = None
                if j > 0:
                    preceding = cluster.cites[j - 1]
                elif len(previous) == 1:
                    preceding = previous[0]
                position = _repeat_position(preceding, cite)
            near = cite.id in last_note and note - last_note[cite.id] <= distance
            if cite.position is not None:
                position = cite.position
            if cite.near_note is not None:
                near = cite.near_note
            row.append(
                CiteInfo(
                    locator=cite.locator,
                    label=cite.label,
                    position=position,
                    near_note=near,
                    first_reference_note_number=first_note.get(cite.id),
                )
            )
            first_note.setdefault(cite.id, note)
            last_note[cite.id] = note
        out.append(row)
        if in_note:
            if last_note_number != note:
                notes[note] = []
            notes[note].extend(cluster.cites)
            last_note_number = note
            previous_in_note = cluster.cites
        else:
            previous_text = cluster.cites
    return out


def _repeat_position(preceding: Cite | None, cite: Cite) -> int:
    """Subsequent, or ibid (with locator) when ``cite`` repeats the item just cited."""
    if preceding is None or preceding.id != cite.id:
        return POSITION_SUBSEQUENT
    if not preceding.locator and not cite.locator:
        return POSITION_IBID
    if cite.locator and cite.locator == preceding.locator and cite.label == preceding.label:
        return POSITION_IBID
    if cite.locator:
        return POSITION_IBID_WITH_LOCATOR
    return POSITION_SUBSEQUENT
