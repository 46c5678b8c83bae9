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
    # A word processor that tracks positions itself can state them (citeproc-js takes the same hints):
    # 0 first, 1 subsequent, 2 ibid, 3 ibid-with-locator; and whether the cite is near its last note.
    position: int | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.in_((0, 1, 2, 3)))
    )
    near_note: bool | None = None


def _cites(value: Iterable[Cite]) -> tuple[Cite, ...]:
    return tuple(value)


@attrs.frozen
class Cluster:
    """A citation cluster: the cites of one in-text citation or one note, with the note's number."""

    cites: tuple[Cite, ...] = attrs.field(converter=_cites)
    note_index: int | None = None
