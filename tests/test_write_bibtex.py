"""Writing BibTeX and CSL-JSON; the development corpus round-trips CSL-JSON -> BibTeX -> CSL-JSON without loss
in every variable BibTeX holds (``citekit.writers.bibtex.HELD``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import citekit
from citekit.examples import FARR
from citekit.records import Person, from_csl
from citekit.writers.bibtex import HELD, WriteWarning, escape, left_out, rich_to_latex

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "dev.json"


def _held(item: dict[str, Any]) -> dict[str, Any]:
    serial = item["type"] in ("article-journal", "article-magazine", "article-newspaper", "periodical")
    return {k: v for k, v in item.items() if k in HELD or (serial and k == "container-title-short")}


def test_corpus_round_trips_through_bibtex() -> None:
    if not CORPUS.is_file():
        pytest.skip(f"no development corpus at {CORPUS} (the shared folder beside the checkout)")
    records = citekit.read(CORPUS)
    assert records.warnings == [] and len(records) == 60
    bibtex = citekit.write(records, "bibtex")
    back = citekit.read(bibtex, "bibtex")
    assert back.warnings == [], [str(w) for w in back.warnings]
    assert [_held(r.to_csl()) for r in back] == [_held(r.to_csl()) for r in records]
    assert json.loads(citekit.write(back, "csl-json")) == [_held(r.to_csl()) for r in records]


def test_every_corpus_variable_is_held() -> None:
    if not CORPUS.is_file():
        pytest.skip(f"no development corpus at {CORPUS}")
    items = json.loads(CORPUS.read_text(encoding="utf-8"))
    assert {k for item in items for k in _held(item)} == {k for item in items for k in item}


def test_farr_as_bibtex() -> None:
    with pytest.warns(WriteWarning, match=r"'farr2011': available-date, citekit:isbn-electronic, citekit:word-count$"):
        written = citekit.write([FARR], "bibtex")
    assert written == (
        "@incollection{farr2011,\n"
        "  author    = {Farr, Michelle},\n"
        "  editor    = {Barnes, Marian and Cotterell, Phil},\n"
        "  title     = {Collaboration in public services: can service users and staff participate together?},\n"
        "  booktitle = {Critical Perspectives on User Involvement},\n"
        "  publisher = {Policy Press},\n"
        "  address   = {Bristol},\n"
        "  year      = {2011},\n"
        "  month     = nov,\n"
        "  isbn      = {9781847427519},\n"
        "  doi       = {10.1332/policypress/9781847427519.003.0008},\n"
        "}\n"
    )


@pytest.mark.parametrize(
    "person",
    [
        Person(family="Gennep", given="Arnold", non_dropping_particle="van"),
        Person(family="Brandt", given="Ahasver", dropping_particle="von"),
        Person(family="Burtt", given="Edward H.", suffix="Jr."),
        Person(literal="Barnes and Noble, Inc."),
        Person(family="dos Santos", given="Maria"),
        Person(family="Vos", given="Willem", non_dropping_particle="De"),
        Person(family="Plato"),
        Person(family="Wong Kee Song", given="Louis"),
        Person(given="Maria de los", family="Angeles"),
    ],
    ids=str,
)
def test_names_round_trip(person: Person) -> None:
    record = from_csl({"id": "x", "type": "book", "title": "T", "author": [person.to_csl()]})
    (back,) = citekit.read(citekit.write([record], "bibtex"), "bibtex")
    assert back.author == (person,)


def test_text_escapes_and_rich_text_round_trip() -> None:
    title = 'Costs & 50% of $5 #1 a_b {x} ~ ^ \\ <b>R</b>&D -- it\'s "q" <i>Life</i> of <span class="nocase">DNA</span>'
    assert escape("a & b -- c") == r"a \& b -{}- c"
    assert rich_to_latex('<i>Life</i> <span class="nocase">DNA</span>') == r"\textit{Life} {DNA}"
    record = from_csl({"id": "x", "type": "book", "title": title, "issued": {"date-parts": [[1850]], "circa": True}})
    (back,) = citekit.read(citekit.write([record], "bibtex"), "bibtex")
    assert back.title == title and back.issued == record.issued


def test_csl_json_writer_is_lossless() -> None:
    assert json.loads(citekit.write([FARR], "csl-json")) == [FARR.to_csl()]
    assert list(citekit.read(citekit.write([FARR], "csl-json"), "csl-json")) == [FARR]
    with pytest.raises(citekit.OptionError):
        citekit.write([FARR], "endnote")


def test_what_bibtex_cannot_hold_is_named_not_dropped_silently() -> None:
    record = from_csl({
        "id": "doe", "type": "book", "title": "T", "archive": "Box 3", "number": "7", "collection-number": "12",
        "author": [{"family": "Doe", "given": "Jan", "suffix": "Jr.", "comma-suffix": True}],
    })  # fmt: skip
    assert left_out(record) == ["archive", "author: comma-suffix", "collection-number"]
    with pytest.warns(WriteWarning) as caught:
        citekit.write([record], "bibtex")
    assert len(caught) == 1
    assert "'doe': archive, author: comma-suffix, collection-number" in str(caught[0].message)


def test_one_warning_per_write_names_the_first_records_and_counts_the_rest() -> None:
    records = [from_csl({"id": f"r{i}", "type": "book", "title": "T", "archive": "A"}) for i in range(8)]
    with pytest.warns(WriteWarning) as caught:
        citekit.write(records, "bibtex")
    assert len(caught) == 1
    message = str(caught[0].message)
    assert "'r4': archive" in message and "'r5'" not in message and message.endswith("and 3 more records")


def test_a_record_bibtex_holds_whole_writes_without_a_warning() -> None:
    import warnings

    record = from_csl({"id": "doe", "type": "article-journal", "title": "T", "container-title-short": "J"})
    assert left_out(record) == []
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        citekit.write([record], "bibtex")
