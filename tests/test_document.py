"""Whole documents: year suffixes, given-name disambiguation, ibid, number ranges, author substitution,
collation, and the Document API.

The documents are small and made by hand; each expected string is what citeproc-js 2.4.63 (the reference
processor, run through ../shared/tools/oracle) gives for the same items, clusters and official style.
"""

from __future__ import annotations

from typing import Any

import pytest

import citekit
from citekit import Document, OptionError, RecordError
from citekit.csl import Cite, Cluster, Processor
from citekit.examples import FARR


def book(item_id: str, family: str, given: str, title: str, year: int) -> dict[str, Any]:
    return {
        "id": item_id,
        "type": "book",
        "title": title,
        "author": [{"family": family, "given": given}],
        "publisher": "Example Press",
        "issued": {"date-parts": [[year]]},
    }


SMITHS = [
    book("s1", "Smith", "Anna", "Gamma studies", 2020),
    book("s2", "Smith", "Anna", "Alpha studies", 2020),
    book("s3", "Smith", "Anna", "Beta studies", 2020),
    book("j1", "Jones", "Bob", "Delta studies", 2020),
]


def render(style: str, items: list[dict[str, Any]], clusters: list[list[str]]) -> tuple[list[str], list[str]]:
    processor = Processor(style)
    document = [Cluster([Cite(i) for i in ids], note_index=n) for n, ids in enumerate(clusters, start=1)]
    citations = processor.citations(items, document, output="text")
    bibliography = [e.strip() for e in processor.bibliography(items, clusters=document, output="text")]
    return citations, bibliography


def test_three_works_by_one_author_in_one_year_take_suffixes_in_bibliography_order() -> None:
    citations, bibliography = render("apa", SMITHS, [["s1"], ["s2"], ["s3"], ["j1"], ["s1", "s2", "s3", "j1"]])
    assert citations == [
        "(Smith, 2020c)",
        "(Smith, 2020a)",
        "(Smith, 2020b)",
        "(Jones, 2020)",
        "(Jones, 2020; Smith, 2020c, 2020a, 2020b)",
    ]
    assert bibliography == [
        "Jones, B. (2020). Delta studies. Example Press.",
        "Smith, A. (2020a). Alpha studies. Example Press.",
        "Smith, A. (2020b). Beta studies. Example Press.",
        "Smith, A. (2020c). Gamma studies. Example Press.",
    ]


def test_apa_adds_initials_when_first_authors_share_a_surname() -> None:
    items = [book("l1", "Li", "Mei", "Working memory", 2004), book("l2", "Li", "Jun", "Attention", 2004)]
    citations, bibliography = render("apa", items, [["l1"], ["l2"]])
    assert citations == ["(M. Li, 2004)", "(J. Li, 2004)"]
    assert bibliography == [
        "Li, J. (2004). Attention. Example Press.",
        "Li, M. (2004). Working memory. Example Press.",
    ]


def test_note_sequence_first_ibid_ibid_with_locator_and_subsequent() -> None:
    editors = [{"family": "Barnes", "given": "Marian"}, {"family": "Cotterell", "given": "Phil"}]
    collection = {
        "id": "bc",
        "type": "book",
        "title": "Critical Perspectives on User Involvement",
        "editor": editors,
        "publisher": "Policy Press",
        "issued": {"date-parts": [[2011]]},
    }
    doc = Document([FARR, collection], "mhra-notes-subsequent-ibid")
    doc.cite("farr2011")
    doc.cite("farr2011")
    doc.cite("farr2011", locator="82")
    doc.cite("bc")
    doc.cite("farr2011", locator="85")
    title = "‘Collaboration in Public Services: Can Service Users and Staff Participate Together?’"
    assert doc.citations() == [
        f"Michelle Farr, {title}, in Critical Perspectives on User Involvement (Policy Press, 2012), "
        "ed. by Marian Barnes and Phil Cotterell, doi:10.1332/policypress/9781847427519.003.0008.",
        "Ibid.",
        "Ibid., p. 82.",
        "Critical Perspectives on User Involvement, ed. by Marian Barnes and Phil Cotterell (Policy Press, 2011).",
        f"Farr, {title}, p. 85.",
    ]


def test_consecutive_citation_numbers_collapse_to_a_range() -> None:
    items = [book(f"n{i}", f"Author{i}", "A", f"Title {i}", 2000 + i) for i in range(1, 7)]
    citations, bibliography = render(
        "acm-sig-proceedings", items, [["n1", "n2", "n3", "n4"], ["n1", "n3"], ["n5", "n6", "n2"]]
    )
    assert citations == ["[1–4]", "[1, 3]", "[2, 5, 6]"]
    assert bibliography[4] == "[5] Author5, A. 2005. Title 5. Example Press."


def test_subsequent_author_substitute() -> None:
    items = [
        book("e1", "Morrison", "Toni", "Beloved", 1987),
        book("e2", "Morrison", "Toni", "Jazz", 1992),
        book("e3", "Atwood", "Margaret", "Surfacing", 1972),
    ]
    _, bibliography = render("academy-of-management-perspectives", items, [["e1"], ["e2"], ["e3"]])
    assert bibliography == [
        "Atwood, Margaret. 1972. Surfacing (Example Press). Example Press.",
        "Morrison, Toni. 1987. Beloved (Example Press). Example Press.",
        "———. 1992. Jazz (Example Press). Example Press.",
    ]


COLLATION = [
    book("f1", "Zola", "Émile", "Nana", 1880),
    book("f2", "Ångström", "Anders", "Recherches", 1869),
    book("f3", "Édouard", "Louis", "Histoire", 1950),
    book("f4", "Adams", "Henry", "Education", 1907),
    {**book("f5", "Gogh", "Vincent", "Letters", 1890), "author": [{"family": "van Gogh", "given": "Vincent"}]},
]


def test_accents_sort_with_their_base_letters_and_particles_follow_the_style() -> None:
    cluster = [[item["id"] for item in COLLATION]]
    citations, bibliography = render("apa", COLLATION, cluster)
    assert citations == ["(Adams, 1907; Ångström, 1869; Édouard, 1950; van Gogh, 1890; Zola, 1880)"]
    _, chicago = render("chicago-author-date", COLLATION, cluster)
    assert [entry.split(".")[0] for entry in chicago] == [
        "Adams, Henry",
        "Ångström, Anders",
        "Édouard, Louis",
        "Gogh, Vincent van",
        "Zola, Émile",
    ]
    assert bibliography[3] == "van Gogh, V. (1890). Letters. Example Press."


def test_a_cluster_through_format_citation_is_sorted_as_the_style_says() -> None:
    collection = {
        "id": "bc",
        "type": "book",
        "title": "Critical perspectives on user involvement",
        "editor": [{"family": "Barnes", "given": "Marian"}, {"family": "Cotterell", "given": "Phil"}],
        "issued": {"date-parts": [[2011]]},
    }
    assert citekit.format_citation([FARR, collection], "apa", mode="citation") == (
        "(Barnes & Cotterell, 2011; Farr, 2011)"
    )


def test_a_later_citation_re_renders_earlier_ones() -> None:
    doc = Document(style="apa")
    doc.cite(SMITHS[0])
    assert doc.citations() == ["(Smith, 2020)"]
    doc.cite(SMITHS[1])
    assert doc.citations() == ["(Smith, 2020b)", "(Smith, 2020a)"]
    assert doc.bibliography()[0].startswith("Smith, A. (2020a). Alpha studies.")


def test_uncited_records_are_in_the_bibliography_and_numbered_after_cited_ones() -> None:
    items = [book(f"n{i}", f"Author{i}", "A", f"Title {i}", 2000 + i) for i in range(1, 4)]
    doc = Document(items, "ieee")
    doc.cite("n3")
    assert doc.citations() == ["[1]"]
    assert [entry[:3] for entry in doc.bibliography()] == ["[1]", "[2]", "[3]"]
    assert doc.bibliography()[0].startswith("[1] A. Author3")


def test_document_errors_name_the_argument() -> None:
    doc = Document([FARR], "apa")
    with pytest.raises(RecordError, match="nobody"):
        doc.cite("nobody")
    with pytest.raises(OptionError, match="cites"):
        doc.cite()
    with pytest.raises(OptionError, match="locator"):
        doc.cite("farr2011", FARR, locator="3")
    with pytest.raises(OptionError, match="note"):
        doc.cite("farr2011", note=0)
    with pytest.raises(OptionError, match="output"):
        doc.citations(output="pdf")
    with pytest.raises(RecordError, match="farr2011"):
        doc.add({**SMITHS[0], "id": "farr2011"})


def test_note_numbers_drive_near_note_and_first_reference_numbers() -> None:
    style = """<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
      <info><id>t</id><title>t</title><updated>2024-01-01T00:00:00+00:00</updated></info>
      <citation near-note-distance="2"><layout suffix=".">
        <choose>
          <if position="near-note"><text value="near "/><text variable="first-reference-note-number"/></if>
          <else-if position="subsequent"><text value="far "/><text variable="first-reference-note-number"/></else-if>
          <else><text variable="title"/></else>
        </choose>
      </layout></citation></style>"""
    items = [book("a", "A", "A", "Alpha", 2000), book("b", "B", "B", "Beta", 2000)]
    clusters = [Cluster([Cite("a")], note_index=1), Cluster([Cite("b")], note_index=2),
                Cluster([Cite("a")], note_index=3), Cluster([Cite("b")], note_index=9)]  # fmt: skip
    assert Processor(style).citations(items, clusters, output="text") == ["Alpha.", "Beta.", "near 1.", "far 2."]


def test_a_stated_position_overrides_the_computed_one() -> None:
    style = """<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
      <info><id>t</id><title>t</title><updated>2024-01-01T00:00:00+00:00</updated></info>
      <citation><layout><choose>
        <if position="ibid"><text value="ibid"/></if>
        <else-if position="subsequent"><text value="again"/></else-if>
        <else><text variable="title"/></else>
      </choose></layout></citation></style>"""
    items = [book("a", "A", "A", "Alpha", 2000)]
    clusters = [Cluster([Cite("a", position=1)], note_index=1), Cluster([Cite("a", position=0)], note_index=2)]
    assert Processor(style).citations(items, clusters, output="text") == ["again", "Alpha"]
    with pytest.raises(ValueError):
        Cite("a", position=7)


def test_documents_apply_the_profile_casing_like_format_bibliography() -> None:
    styled = Document([FARR], "apa").bibliography()
    assert styled == citekit.format_bibliography([FARR], "apa")
    assert "Critical perspectives on user involvement" in styled[0]
    as_is = Document([FARR], "apa", casing="as-is").bibliography()
    assert "Critical Perspectives on User Involvement" in as_is[0]


@pytest.mark.parametrize("records", ["apa", {"id": "x", "type": "book", "title": "T"}])
def test_a_style_name_or_one_record_in_the_records_place_is_refused_clearly(records: object) -> None:
    with pytest.raises(OptionError) as caught:
        Document(records)  # type: ignore[arg-type]
    assert "records" in str(caught.value) and "list of records" in str(caught.value)
