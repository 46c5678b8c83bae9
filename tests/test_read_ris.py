"""RIS: types, authors and editors, dates, pages, ISBN vs ISSN by checksum, multi-line values, unkept tags."""

from __future__ import annotations

import citekit

RIS = """TY  - JOUR
ID  - j1
AU  - Smith, John
A1  - ignored-when-AU-is-there
TI  - A study
JO  - J. Stud.
JF  - Journal of Studies
VL  - 12
IS  - 3
SP  - 45
EP  - 67
PY  - 2020/05/17/
SN  - 0317-8471
DO  - 10.1000/xyz
UR  - https://doi.org/10.1000/xyz
UR  - https://example.org/a
AB  - First line of the abstract
  continues here.
KW  - one
KW  - two
ER  - 

TY  - EDBOOK
AU  - Barnes, Marian
AU  - Cotterell, Phil
TI  - Critical Perspectives on User Involvement
PB  - Policy Press
CY  - Bristol
SN  - 9781847427519 (pbk.)
PY  - 2011
ER  - 

TY  - THES
AU  - Doe, Jane
TI  - A thesis
PB  - University of Bristol
M3  - PhD thesis
PY  - 2019
ER  - 
"""


def test_ris_records() -> None:
    records = citekit.read(RIS, "ris")
    article, book, thesis = (r.to_csl() for r in records)
    assert article["type"] == "article-journal" and article["id"] == "j1"
    assert article["author"] == [{"family": "Smith", "given": "John"}]
    assert (article["container-title"], article["container-title-short"]) == ("Journal of Studies", "J. Stud.")
    assert (article["page"], article["issue"], article["volume"]) == ("45-67", "3", "12")
    assert article["issued"] == {"date-parts": [[2020, 5, 17]]}
    assert (article["ISSN"], article["DOI"], article["URL"]) == ("0317-8471", "10.1000/xyz", "https://example.org/a")
    assert article["abstract"] == "First line of the abstract continues here."
    assert article["keyword"] == "one, two"
    assert book["type"] == "book" and [p["family"] for p in book["editor"]] == ["Barnes", "Cotterell"]
    assert "author" not in book and book["ISBN"] == "9781847427519"
    assert (thesis["type"], thesis["genre"], thesis["publisher"]) == ("thesis", "PhD thesis", "University of Bristol")
    assert [(w.line, w.field) for w in records.warnings] == [(4, "A1")]


def test_chapter_tags_and_unkept_tags() -> None:
    text = "TY  - CHAP\nAU  - Farr, M.\nTI  - Ch\nT2  - Book\nA2  - Barnes, M.\nA3  - Series, Ed\nC5  - custom\nL1  - file.pdf\nER  - \n"
    records = citekit.read(text)
    item = records[0].to_csl()
    assert (item["container-title"], item["editor"][0]["family"], item["collection-editor"][0]["family"]) == (
        "Book", "Barnes", "Series")  # fmt: skip
    assert [str(w) for w in records.warnings] == [
        "line 7, field 'C5': citekit has no CSL variable for RIS tag C5; not kept: 'custom'"
    ]


def test_isbn_or_issn_decided_by_checksum() -> None:
    from citekit.readers._build import identifier_kind

    assert identifier_kind("0028-0836") == "ISSN"
    assert identifier_kind("9781847427519") == "ISBN" and identifier_kind("1-84742-751-X") is None
    assert identifier_kind("0-19-853453-1") == "ISBN" and identifier_kind("12345678") is None
