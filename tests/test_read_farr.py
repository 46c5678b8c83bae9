"""The Farr (2011) chapter read from BibTeX, BibLaTeX (crossref), RIS and Crossref JSON formats exactly as the
typed ``citekit.examples.FARR`` does, in every profile, as a bibliography entry and as a citation."""

from __future__ import annotations

from pathlib import Path

import pytest

import citekit
from citekit.examples import FARR
from citekit.records import BookChapter, Record

DATA = Path(__file__).with_name("data") / "readers"
FILES = ("farr.bib", "farr-biblatex.bib", "farr.ris", "farr-crossref.json")
PROFILES = ("apa", "harvard", "chicago", "chicago-author-date")
MODES = ({"mode": "bibliography"}, {"mode": "citation"}, {"mode": "citation", "locator": "80"})


def _chapter(name: str) -> Record:
    records = citekit.read(DATA / name)
    assert records.warnings == [], [str(w) for w in records.warnings]
    (chapter,) = [r for r in records if isinstance(r, BookChapter)]
    return chapter


@pytest.mark.parametrize("name", FILES)
def test_reads_the_facts_of_the_typed_record(name: str) -> None:
    chapter = _chapter(name)
    for field in ("author", "editor", "title", "container_title", "publisher", "publisher_place", "issued", "isbn", "doi"):
        assert getattr(chapter, field) == getattr(FARR, field), field


@pytest.mark.parametrize("profile", PROFILES)
@pytest.mark.parametrize("name", FILES)
def test_formats_exactly_as_the_typed_record(name: str, profile: str) -> None:
    chapter = _chapter(name)
    for options in MODES:
        for output in ("text", "html"):
            expected = citekit.format_citation(FARR, profile, output=output, **options)
            assert citekit.format_citation(chapter, profile, output=output, **options) == expected, (options, output)


def test_crossref_keeps_the_online_date_and_the_e_isbn() -> None:
    chapter = _chapter("farr-crossref.json")
    assert isinstance(chapter, BookChapter)
    assert chapter.available_date == FARR.available_date
    assert chapter.isbn_electronic == FARR.isbn_electronic


def test_biblatex_crossref_parent_is_a_record_too() -> None:
    records = citekit.read(DATA / "farr-biblatex.bib")
    assert [r.csl_type for r in records] == ["book", "chapter"]
    assert records[0].title == FARR.container_title and records[0].editor == FARR.editor
