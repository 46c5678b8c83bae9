"""Rendering the cites of one cluster: sorted as the citation's ``<sort>`` says, each in its own context."""

from __future__ import annotations

from typing import TYPE_CHECKING

from citekit.csl.sorting import item_sort_values, sort_items
from citekit.csl.tree import Node

if TYPE_CHECKING:
    from citekit.csl.document import Document


def render_cluster_cites(doc: Document, index: int) -> list[Node]:
    processor = doc.processor
    cluster = doc.clusters[index]
    pairs = [(cite, info) for cite, info in zip(cluster.cites, doc.infos[index]) if cite.id in doc.items]
    keys = processor.style.citation.sort
    if keys and len(pairs) > 1:
        keyed = [
            (pair, item_sort_values(keys, lambda p=pair: processor.context(
                doc.items[p[0].id], in_bibliography=False, cite=p[1], doc=doc)))
            for pair in pairs
        ]  # fmt: skip
        pairs = [p for p, _ in sort_items(keyed, keys)]  # type: ignore[misc]
    nodes: list[Node] = []
    for cite, info in pairs:
        node = processor.cite_tree(doc, cite, info)
        if node is not None:
            nodes.append(node)
    return nodes
