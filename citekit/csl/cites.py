"""What a document cites: single cites and the clusters (citations, or notes) they are grouped in."""

from __future__ import annotations

from collections.abc import Iterable

import attrs


@attrs.frozen
class Cite:
    """One item as cited: which item, and the pinpoint and affixes of this citation of it."""

    id: str
    locator: str | None = None
    label: str | None = None
    prefix: str | None = None
    suffix: str | None = None
    suppress_author: bool = False
    author_only: bool = False


def _cites(value: Iterable[Cite]) -> tuple[Cite, ...]:
    return tuple(value)


@attrs.frozen
class Cluster:
    """A citation cluster: the cites of one in-text citation or one note, with the note's number."""

    cites: tuple[Cite, ...] = attrs.field(converter=_cites)
    note_index: int | None = None
