"""Narrative citations (mode="narrative") and group authors with abbreviations, as the manuals write them.

Expected strings come from the manuals' own examples and rules: APA 7 (8.17 "and" in running text, "&" in
parentheses; 8.17 et al. for three or more authors; 8.21 group authors with abbreviations; 9.17 "n.d."), Cite Them
Right 12th edition ("and" always; every name up to three authors, et al. from four; "no date"), and CMOS 18
author-date (et al. from three authors; page locators without "p.").
"""

from __future__ import annotations

from typing import Any

import pytest

from citekit import CitekitError, OptionError, RecordError, format_bibliography, format_citation


def _person(family: str, given: str) -> dict[str, str]:
    return {"family": family, "given": given}


def _article(authors: list[dict[str, str]], year: int | None = 2019) -> dict[str, Any]:
    item: dict[str, Any] = {
        "id": "a",
        "type": "article-journal",
        "author": authors,
        "title": "A study of things",
        "container-title": "Journal of Things",
        "volume": "3",
        "page": "1-10",
    }
    if year is not None:
        item["issued"] = {"date-parts": [[year]]}
    return item


FARR = {
    "id": "farr2011",
    "type": "chapter",
    "author": [_person("Farr", "Michelle")],
    "title": "Collaboration in public services: can service users and staff participate together?",
    "container-title": "Critical Perspectives on User Involvement",
    "editor": [_person("Barnes", "Marian"), _person("Cotterell", "Phil")],
    "publisher": "Policy Press",
    "publisher-place": "Bristol",
    "issued": {"date-parts": [[2011, 11]]},
}
ONE = _article([_person("Koehler", "Derek")], 2016)
TWO = _article([_person("Barnes", "Marian"), _person("Cotterell", "Phil")], 2011)
THREE = _article([_person("Smith", "Ann"), _person("Jones", "Bob"), _person("Brown", "Cy")])
FOUR = _article([_person("Smith", "Ann"), _person("Jones", "Bob"), _person("Brown", "Cy"), _person("Green", "Di")])
NO_DATE = _article([_person("Gagnon", "Marie")], None)
GROUP = _article([{"literal": "American Psychological Association"}], 2020)
ABBREVIATED = _article([{"literal": "National Institute of Mental Health [NIMH]"}], 2020)
AMPERSAND = _article([{"literal": "Johnson & Johnson"}], 2020)

CASES = {
    # record: (APA, Cite Them Right, Chicago author-date), without and with a locator (page 3)
    "farr": (FARR, ("Farr (2011)", "Farr (2011)", "Farr (2011)")),
    "one": (ONE, ("Koehler (2016)", "Koehler (2016)", "Koehler (2016)")),
    "two": (TWO, ("Barnes and Cotterell (2011)", "Barnes and Cotterell (2011)", "Barnes and Cotterell (2011)")),
    "three": (THREE, ("Smith et al. (2019)", "Smith, Jones and Brown (2019)", "Smith et al. (2019)")),
    "four": (FOUR, ("Smith et al. (2019)", "Smith et al. (2019)", "Smith et al. (2019)")),
    "no date": (NO_DATE, ("Gagnon (n.d.)", "Gagnon (no date)", "Gagnon (n.d.)")),
    "group": (GROUP, ("American Psychological Association (2020)",) * 3),
    "ampersand in a name": (AMPERSAND, ("Johnson & Johnson (2020)",) * 3),
}
PROFILES = ("apa", "harvard", "chicago-author-date")
PAGE_3 = {"apa": ", p. 3)", "harvard": ", p. 3)", "chicago-author-date": ", 3)"}


@pytest.mark.parametrize("profile", PROFILES)
@pytest.mark.parametrize("case", sorted(CASES))
def test_narrative(case: str, profile: str) -> None:
    record, expected = CASES[case]
    want = expected[PROFILES.index(profile)]
    assert format_citation(record, profile, mode="narrative") == want
    with_page = format_citation(record, profile, mode="narrative", locator="3")
    assert with_page == want[: -len(")")] + PAGE_3[profile]


def test_the_done_criterion() -> None:
    assert format_citation(FARR, "apa", mode="narrative") == "Farr (2011)"
    assert format_citation(FARR, "apa", mode="narrative", locator="80") == "Farr (2011, p. 80)"


def test_apa_spells_out_and_only_in_running_text() -> None:
    assert format_citation(TWO, "apa", mode="citation") == "(Barnes & Cotterell, 2011)"
    assert format_citation(TWO, "apa", mode="narrative") == "Barnes and Cotterell (2011)"
    assert format_citation(TWO, "apa", mode="narrative", output="html") == "Barnes and Cotterell (2011)"
    # Two authors, one of them a company with "&" in its name: only the joining "&" becomes "and".
    mixed = _article([_person("Smith", "Ann"), {"literal": "Johnson & Johnson"}], 2020)
    assert format_citation(mixed, "apa", mode="narrative") == "Smith and Johnson & Johnson (2020)"


def test_cite_them_right_et_al_in_italics_in_html() -> None:
    assert format_citation(FOUR, "harvard", mode="narrative", output="html") == "Smith <i>et al.</i> (2019)"


def test_group_author_abbreviation_in_apa() -> None:
    assert format_citation(ABBREVIATED, "apa", mode="narrative") == "National Institute of Mental Health (NIMH, 2020)"
    assert format_citation(ABBREVIATED, "apa", mode="narrative", first_use=False) == "NIMH (2020)"
    assert format_citation(ABBREVIATED, "apa", mode="citation") == "(National Institute of Mental Health [NIMH], 2020)"
    assert format_citation(ABBREVIATED, "apa", mode="citation", first_use=False) == "(NIMH, 2020)"
    assert format_citation(ABBREVIATED, "apa", mode="narrative", locator="5") == (
        "National Institute of Mental Health (NIMH, 2020, p. 5)"
    )
    assert format_citation(ABBREVIATED, "apa", mode="narrative", first_use=False, locator="5") == "NIMH (2020, p. 5)"


def test_the_reference_list_has_the_full_name() -> None:
    for profile in ("apa", "harvard", "chicago", "ieee"):
        entry = format_citation(ABBREVIATED, profile)
        assert "National Institute of Mental Health" in entry and "NIMH" not in entry, profile
        assert format_bibliography([ABBREVIATED], profile) == [entry]


def test_other_profiles_use_the_full_name_of_a_group() -> None:
    assert format_citation(ABBREVIATED, "harvard", mode="narrative") == "National Institute of Mental Health (2020)"
    assert format_citation(ABBREVIATED, "harvard", mode="citation", first_use=False) == (
        "(National Institute of Mental Health, 2020)"
    )


def test_a_group_that_is_not_the_only_author_is_defined_in_brackets() -> None:
    both = _article([{"literal": "National Institute of Mental Health [NIMH]"}, _person("Smith", "Ann")], 2020)
    first = format_citation(both, "apa", mode="narrative")
    assert first == "National Institute of Mental Health [NIMH] and Smith (2020)"
    assert format_citation(both, "apa", mode="narrative", first_use=False) == "NIMH and Smith (2020)"


def test_note_styles_refuse_narrative_citations() -> None:
    with pytest.raises(OptionError) as caught:
        format_citation(FARR, "chicago", mode="narrative")
    assert caught.value.argument == "mode" and "note style" in str(caught.value)
    assert str(caught.value).startswith("mode: ")


def test_numeric_styles_refuse_narrative_citations() -> None:
    with pytest.raises(OptionError, match=r"^mode: .*do not name the author"):
        format_citation(FARR, "ieee", mode="narrative")


def test_narrative_citation_names_one_work() -> None:
    with pytest.raises(RecordError):
        format_citation([ONE, TWO], "apa", mode="narrative")
    assert format_citation([ONE], "apa", mode="narrative") == "Koehler (2016)"


def test_first_use_must_be_a_boolean() -> None:
    with pytest.raises(OptionError, match=r"^first_use: "):
        format_citation(ONE, "apa", mode="narrative", first_use="no")  # type: ignore[arg-type]


def test_the_baseline_engine_cannot_make_narrative_citations() -> None:
    with pytest.raises(CitekitError):
        format_citation(ONE, "apa", mode="narrative", engine="citeproc-py")
