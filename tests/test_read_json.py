"""CSL-JSON (list, single item, Zotero's API), CSL-YAML, Crossref works (JATS) and DataCite JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import citekit
from citekit.examples import FARR
from citekit.readers import json_kind
from citekit.readers.crossref import jats_to_csl

ITEM = {"id": "a", "type": "book", "title": "The <i>Origin</i> of <span class=\"nocase\">DNA</span>", "issued": {"date-parts": [["1859"]]}}


def test_csl_json_shapes_and_rich_text(tmp_path: Path) -> None:
    for data in ([ITEM], ITEM, {"items": [ITEM]}):
        (record,) = citekit.read(json.dumps(data), "csl-json")
        assert record.title == ITEM["title"] and record.issued is not None and record.issued.year == 1859
    path = tmp_path / "refs.json"
    path.write_text(json.dumps([FARR.to_csl()]), encoding="utf-8")
    assert list(citekit.read(path)) == [FARR]


def test_csl_yaml() -> None:
    pytest.importorskip("yaml", reason="PyYAML is the optional 'yaml' extra")
    text = "---\nreferences:\n- id: farr2011\n  type: chapter\n  author:\n  - family: Farr\n    given: Michelle\n" \
           "  title: 'Collaboration: yes?'\n  issued: 2011-11\n  ISBN: '9781847427519'\n" \
           "- id: old\n  type: book\n  title: Old\n  issued:\n  - year: 1850\n    month: 3\n...\n"  # fmt: skip
    records = citekit.read(text, "csl-yaml")
    assert records.warnings == []
    assert records[0].issued == FARR.issued and records[0].author == FARR.author and records[0].isbn == FARR.isbn
    assert records[1].to_csl()["issued"] == {"date-parts": [[1850, 3]]}


def test_crossref_types_names_dates_and_jats() -> None:
    work = {
        "DOI": "10.1000/ABC", "type": "journal-article", "title": ["The <jats:italic>E. coli</jats:italic> genome"],
        "subtitle": ["a &amp; b"], "container-title": ["Nature"], "short-container-title": ["Nat."],
        "author": [{"given": "Ann", "family": "Lee", "ORCID": "https://orcid.org/0000-0001", "sequence": "first"},
                   {"name": "The Consortium", "sequence": "additional"}],
        "published-online": {"date-parts": [[2020, 1, 5]]}, "page": "1-10", "volume": "5", "issue": "2",
        "ISSN": ["0028-0836"], "abstract": "<jats:p>Some <jats:sup>2</jats:sup> text.</jats:p>", "member": "1",
        "alternative-id": ["x"], "funny-field": 1,
    }  # fmt: skip
    records = citekit.read(json.dumps({"status": "ok", "message-type": "work", "message": work}))
    item = records[0].to_csl()
    assert item["type"] == "article-journal" and item["title"] == "The <i>E. coli</i> genome: a & b"
    assert item["author"] == [{"family": "Lee", "given": "Ann"}, {"literal": "The Consortium"}]
    assert item["issued"] == {"date-parts": [[2020, 1, 5]]} and item["abstract"] == "Some <sup>2</sup> text."
    assert [(w.key, w.field) for w in records.warnings] == [("10.1000/ABC", "funny-field")]
    assert jats_to_csl("<jats:title>Abstract</jats:title><jats:p>x</jats:p>") == "Abstract x"


@pytest.mark.parametrize(
    ("crossref", "csl"),
    [("book-chapter", "chapter"), ("edited-book", "book"), ("proceedings-article", "paper-conference"),
     ("report", "report"), ("dissertation", "thesis"), ("posted-content", "article"), ("monograph", "book")],
)  # fmt: skip
def test_crossref_type_table(crossref: str, csl: str) -> None:
    records = citekit.read(json.dumps({"DOI": "10.1/x", "type": crossref, "title": ["T"]}), "crossref")
    assert records[0].csl_type == csl


def test_datacite() -> None:
    data = {"data": {"id": "10.5281/zenodo.1", "type": "dois", "attributes": {
        "doi": "10.5281/zenodo.1", "types": {"resourceTypeGeneral": "Software"},
        "creators": [{"name": "Lee, Ann", "nameType": "Personal", "givenName": "Ann", "familyName": "Lee",
                      "nameIdentifiers": [{"nameIdentifier": "https://orcid.org/0000"}]},
                     {"name": "Example Lab", "nameType": "Organizational"}],
        "titles": [{"title": "citekit"}, {"title": "formatting citations", "titleType": "Subtitle"}],
        "publisher": "Zenodo", "publicationYear": 2024, "version": "1.2", "url": "https://zenodo.org/records/1",
        "rightsList": [], "sizes": []}}}  # fmt: skip
    assert json_kind(data) == "datacite"
    records = citekit.read(json.dumps(data))
    item = records[0].to_csl()
    assert (item["type"], item["title"], item["publisher"], item["version"]) == (
        "software", "citekit: formatting citations", "Zenodo", "1.2")  # fmt: skip
    assert item["author"] == [{"family": "Lee", "given": "Ann"}, {"literal": "Example Lab"}]
    assert item["issued"] == {"date-parts": [[2024]]} and item["DOI"] == "10.5281/zenodo.1"
    assert records.warnings == []
