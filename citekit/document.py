"""Whole documents: records cited in clusters, in document order, rendered together.

A :class:`Document` is what a word processor plugin or a static-site generator needs: it keeps the records
and the citation clusters of one document (each with its pinpoints, prefixes, suffixes and note number) and
renders them all at once, so positions (ibid, subsequent notes), citation numbers, disambiguation (year
suffixes, added names and initials), cite collapsing and the bibliography's order and author substitution
all follow from the whole document.  Rendering is always from scratch: after adding a cluster, earlier
clusters may render differently (a second "Smith 2020" turns the first into "Smith 2020a").
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from typing import Any, Union

from citekit.api import OptionError, RecordLike, _check_choice, _csl_items, _style_and_engine, _styled_items
from citekit.narrative import with_group_names
from citekit.csl.cites import Cite, Cluster
from citekit.errors import RecordError
from citekit.records import Record
from citekit.renderers import OUTPUT_FORMATS

CiteLike = Union[str, Cite, Record, Mapping[str, Any]]
"""What :meth:`Document.cite` takes: an id of an added record, a :class:`Cite`, or a record (added on first use)."""


class Document:
    """One document's records and citation clusters in one style.

    >>> from citekit import Document
    >>> from citekit.examples import FARR
    >>> doc = Document([FARR], "chicago")
    >>> doc.cite("farr2011", locator="80")
    0
    >>> doc.cite("farr2011", locator="81")
    1
    >>> print(doc.citations()[1])
    Farr, “Collaboration in Public Services: Can Service Users and Staff Participate Together?” 81.
    """

    def __init__(
        self,
        records: Iterable[RecordLike] = (),
        style: str | os.PathLike[str] = "apa",
        *,
        locale: str | None = None,
        casing: str = "style",
    ) -> None:
        from citekit.csl.processor import Processor

        if isinstance(records, (str, bytes, os.PathLike, Record, Mapping)):
            # Document("apa") would otherwise iterate the letters of the style name as records.
            expected = "a list of records (the style comes second, or as style=...; wrap one record in a list)"
            raise OptionError("records", records, expected)
        _check_choice("casing", casing, ("style", "as-is"))
        resolved, _, effective_locale = _style_and_engine(style, locale, None)
        self.style = resolved
        self.casing = casing
        self.locale = effective_locale
        self._processor = Processor(resolved.path, locale=effective_locale)
        self._items: dict[str, dict[str, Any]] = {}
        self._clusters: list[Cluster] = []
        for record in records:
            self.add(record)

    @property
    def is_note_style(self) -> bool:
        """Whether citations are footnotes (each cluster is one note)."""
        return self._processor.is_note_style

    def add(self, record: RecordLike) -> str:
        """Register ``record`` (uncited records still appear in the bibliography); returns its id."""
        item = _csl_items([record], "record")[0]
        item_id = str(item["id"])
        existing = self._items.get(item_id)
        if existing is not None and existing != item:
            raise RecordError("record", item_id, "another record with this id is already in the document")
        self._items[item_id] = item
        return item_id

    def cite(
        self,
        *cites: CiteLike,
        locator: str | None = None,
        label: str = "page",
        prefix: str | None = None,
        suffix: str | None = None,
        note: int | None = None,
    ) -> int:
        """Add a citation cluster at the end of the document and return its index.

        ``locator``, ``label``, ``prefix`` and ``suffix`` apply to a cluster of one cite; for several cites
        with their own pinpoints pass :class:`Cite` objects.  ``note`` is the footnote number for note styles
        (default: the cluster's position, counting from 1).
        """
        if not cites:
            raise OptionError("cites", cites, "a citation needs at least one record or id")
        resolved = [self._cite(c) for c in cites]
        if locator is not None or prefix is not None or suffix is not None:
            if len(resolved) != 1:
                raise OptionError("locator", locator, "locator, prefix and suffix apply to a cluster of one cite")
            first = resolved[0]
            resolved = [
                Cite(
                    first.id,
                    locator=str(locator) if locator is not None else first.locator,
                    label=label if locator is not None else first.label,
                    prefix=prefix if prefix is not None else first.prefix,
                    suffix=suffix if suffix is not None else first.suffix,
                    suppress_author=first.suppress_author,
                    author_only=first.author_only,
                )
            ]
        if note is not None and (not isinstance(note, int) or isinstance(note, bool) or note < 1):
            raise OptionError("note", note, "expected a note number from 1")
        self._clusters.append(Cluster(cites=tuple(resolved), note_index=note or len(self._clusters) + 1))
        return len(self._clusters) - 1

    def _cite(self, cite: CiteLike) -> Cite:
        if isinstance(cite, Cite):
            if cite.id not in self._items:
                raise RecordError("cites", cite.id, "no record with this id was added to the document")
            return cite
        if isinstance(cite, str):
            if cite not in self._items:
                raise RecordError("cites", cite, "no record with this id was added to the document")
            return Cite(cite)
        return Cite(self.add(cite))

    def citations(self, *, output: str = "text", links: bool = False) -> list[str]:
        """Every cluster as the document shows it now (notes for note styles), in document order."""
        _check_choice("output", output, OUTPUT_FORMATS)
        rendered = self._processor.citations(self._csl(), self._clusters, output=output, links=links)
        return [text.strip() for text in rendered]

    def bibliography(self, *, output: str = "text", links: bool = False) -> list[str]:
        """The reference list: every added record, sorted, disambiguated and numbered as the style says."""
        _check_choice("output", output, OUTPUT_FORMATS)
        entries = self._processor.bibliography(self._csl(), clusters=self._clusters, output=output, links=links)
        return [entry.strip() for entry in entries]

    def _csl(self) -> list[dict[str, Any]]:
        # The same preparation as format_bibliography: the profile's title casing, and group authors by name.
        items = _styled_items(list(self._items.values()), self.style, self.casing, self.locale)
        return [with_group_names(item, "name") for item in items]
