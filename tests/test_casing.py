"""citekit.casing: the helpers' rules and heuristics, rich text, the lexicon, and casing="style" in the API."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from citekit import format_bibliography, format_citation
from citekit.casing import load_lexicon, sentence_case, title_case, to_sentence_case
from citekit.casing._build_lexicon import LEXICON, rewrite
from citekit.casing.analysis import Title
from citekit.casing.items import Memo, apply_casing, title_case_for_csl
from citekit.casing.lexicon import parse_lexicon
from citekit.casing.sentence import detect_headline
from citekit.styles import load_profiles
from citekit.styles.profiles import CasingRules, ProfileError, parse_profile

NOCASE = '<span class="nocase">'
APA = load_profiles()["apa"].casing
HARVARD = load_profiles()["harvard"].casing
CHICAGO = load_profiles()["chicago"].casing


# --- detection ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "headline"),
    [
        ("Critical Perspectives on User Involvement", True),
        ("Collaboration in public services: can service users and staff participate together?", False),
        ("Reinventing the Wheel", True),  # one capitalised common word is a sign
        ("Emotion and Regulation are One!", True),  # short lowercase words weigh nothing
        ("The Ashgate research companion to Byzantine hagiography", False),  # names do not outvote lowercase words
        ("The Social life of things", False),
        ("Leviathan", None),  # one word: no sign
        ("Coherence II", None),
        ("Democracy in America", None),  # only a name
        ("Anti-inflammatory Drugs in Children", True),  # after a prefix, lowercase is headline style too
    ],
)
def test_detect_headline(title: str, headline: bool | None) -> None:
    assert detect_headline(Title(title)) is headline


def test_to_sentence_case_says_how_it_read_the_title() -> None:
    assert to_sentence_case("Systematic Theology").headline is True
    assert to_sentence_case("Cities in a world economy").headline is False
    assert to_sentence_case("Orientalism").headline is None
    # A short title takes the full title's reading: "Clinical Introduction" alone would be headline case.
    assert to_sentence_case("Clinical Introduction", headline=False).text == "Clinical Introduction"
    assert to_sentence_case("Clinical introduction", headline=True).text == "Clinical introduction"


def test_all_caps_title_is_left_as_it_is() -> None:
    for helper in (sentence_case, title_case):
        assert helper("DNA REPAIR IN HUMAN CELLS") == "DNA REPAIR IN HUMAN CELLS"
    assert sentence_case("NATO Enlargement After the Cold War") == "NATO enlargement after the Cold War"


def test_sentence_case_never_raises_a_name() -> None:
    # Only first words are capitalised: a lowercase "india" is the data's, not a guess citekit makes.
    assert sentence_case("trade with india and china") == "Trade with india and china"


def test_foreign_titles_are_left_as_given() -> None:
    assert sentence_case("Politik der Religionen und Kirchen") == "Politik der Religionen und Kirchen"
    assert title_case("Politik der Religionen und Kirchen") == "Politik der Religionen und Kirchen"
    assert title_case("Смерть поэта") == "Смерть поэта"


# --- rich text ------------------------------------------------------------------------------------------------------


def test_markup_is_kept_and_protected_text_keeps_its_case() -> None:
    title = f"The {NOCASE}Cambridge History{'</span>'} Of <i>Homo sapiens</i> And <b>Other</b> Species"
    assert sentence_case(title) == (
        f"The {NOCASE}Cambridge History</span> of <i>Homo sapiens</i> and <b>other</b> species"
    )
    assert title_case(title) == f"The {NOCASE}Cambridge History</span> of <i>Homo sapiens</i> and <b>Other</b> Species"


def test_a_title_in_italics_as_a_whole_is_cased() -> None:
    assert sentence_case("<i>Critical Perspectives on User Involvement</i>") == (
        "<i>Critical perspectives on user involvement</i>"
    )


def test_unknown_tags_are_text() -> None:
    assert sentence_case('Red <span style="color:red">Alert</span> Systems') == (
        'Red <span style="color:red">alert</span> systems'
    )


_WORDS = st.sampled_from(
    ["the", "The", "of", "Of", "DNA", "iPhone", "COVID-19", "Critical", "perspectives", "United", "Kingdom", "a", "A",
     "Über", "naïve", "Public", "services:", "can?", "Why", "—", "Anti-Inflammatory", "May", "2020", "O'Brien"]
)  # fmt: skip
_TAGS = st.sampled_from(["<i>", "</i>", "<b>", "</b>", NOCASE, "</span>", "<sup>", "</sup>", "<sc>", "</sc>"])


@given(st.lists(st.one_of(_WORDS, _WORDS, _TAGS), min_size=1, max_size=14))
def test_casing_only_changes_the_case_of_free_letters(pieces: list[str]) -> None:
    text = " ".join(pieces)
    tags = re.findall(r"<[^>]+>", text)
    for helper in (sentence_case, title_case, lambda t: sentence_case(t, capitalize_subtitles=False)):
        out = helper(text)
        assert out.lower() == text.lower()
        assert re.findall(r"<[^>]+>", out) == tags
        assert helper(out) == out or helper is not title_case  # sentence case of its own output is stable


def test_chicago_protection_wraps_only_what_the_style_would_undo() -> None:
    assert title_case_for_csl("Critical perspectives on user involvement") == (
        "Critical Perspectives on User Involvement"
    )
    assert title_case_for_csl("Policy making concerning the Great Recession") == (
        f"Policy Making {NOCASE}concerning</span> the Great Recession"
    )
    assert title_case_for_csl("The role of <i>Escherichia coli</i> in gut health") == (
        f"The Role of <i>Escherichia {NOCASE}coli</span></i> in Gut Health"
    )


# --- the lexicon ----------------------------------------------------------------------------------------------------


def test_lexicon_sections() -> None:
    lexicon = load_lexicon()
    sections = {name.section for name in lexicon.names}
    assert {"countries", "languages", "nationalities", "continents and regions", "months and days", "religions",
            "institutions"} <= sections  # fmt: skip
    for word in ("France", "Swahili", "Korean", "European", "Africa", "Tuesday", "Islam", "Americans", "Britain's"):
        assert word in lexicon, word
    assert "May" not in lexicon and "March" not in lexicon  # only next to a number


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Trade Between New Zealand And The United States", "Trade between New Zealand and the United States"),
        ("The Bank Of England In May 1997", "The Bank Of England in May 1997"),
        ("Why We May Disagree", "Why we may disagree"),
        ("Intergovernmental Panel on Climate Change Reports", "Intergovernmental Panel on Climate Change reports"),
    ],
)
def test_lexicon_names_in_titles(title: str, expected: str) -> None:
    assert sentence_case(title) == expected


def test_lexicon_file_format() -> None:
    lexicon = parse_lexicon("# comment\n[places]\nNew Zealand  # two words\nMay @number\n")
    assert [(n.words, n.near_number, n.section) for n in lexicon.names] == [
        (("New", "Zealand"), False, "places"),
        (("May",), True, "places"),
    ]


def test_generated_sections_are_those_pycountry_gives() -> None:
    if importlib.util.find_spec("pycountry") is None:
        pytest.skip("pycountry is not installed (it is needed only to regenerate citekit/casing/lexicon.txt)")
    from citekit.casing._build_lexicon import generated_sections

    text = LEXICON.read_text(encoding="utf-8")
    assert rewrite(text, generated_sections()) == text, "run: python -m citekit.casing._build_lexicon"


def test_rewrite_keeps_the_hand_sections() -> None:
    text = "# head\n[countries]  # generated\nOld\n\n[by hand]\nKept\n"
    assert rewrite(text, {"countries": ["A", "B"]}) == "# head\n[countries]  # generated\nA\nB\n\n[by hand]\nKept\n"


# --- items and profiles ---------------------------------------------------------------------------------------------


def _item(**fields: Any) -> dict[str, Any]:
    return {"id": "x", "type": "chapter", **fields}


def test_items_by_variable_and_type() -> None:
    chapter = _item(
        title="Clinical Introduction: Examples Of Disordered Personalities",
        **{"title-short": "Clinical Introduction", "container-title": "The Abnormal Personality",
           "collection-title": "Routledge Critical Studies in Public Management"},
    )  # fmt: skip
    done = apply_casing(chapter, APA, locale="en-US")
    assert done["title"] == "Clinical introduction: Examples of disordered personalities"
    assert done["title-short"] == "Clinical introduction"
    assert done["container-title"] == "The abnormal personality"
    assert done["collection-title"] == "Routledge Critical Studies in Public Management"
    assert chapter["title"].startswith("Clinical Introduction")  # the item itself is not changed

    article = _item(type="article-journal", title="Dare To Dream", **{"container-title": "Journal of Planning"})
    assert apply_casing(article, APA, locale="en-US")["container-title"] == "Journal of Planning"
    assert apply_casing(article, CHICAGO, locale="en-US")["container-title"] == "Journal of Planning"
    assert apply_casing(article, HARVARD, locale="en-GB")["title"] == "Dare to dream"

    case = _item(type="legal_case", title="Brown v. Board of Education")
    assert apply_casing(case, APA, locale="en-US")["title"] == "Brown v. Board of Education"


def test_a_memo_shared_by_items_keeps_each_short_title_to_its_own_reading() -> None:
    # The same short title under a headline-case and a sentence-case full title: read apart, though the memo
    # has already cased it once (format_bibliography shares one memo between the items of a bibliography).
    headline = _item(title="Clinical Introduction To Personality", **{"title-short": "Clinical Introduction"})
    sentence = _item(title="Clinical introduction to personality", **{"title-short": "Clinical Introduction"})
    memo: Memo = {}
    shared = [apply_casing(item, APA, locale="en-US", memo=memo) for item in (headline, sentence, headline)]
    assert [done["title-short"] for done in shared] == [
        "Clinical introduction",
        "Clinical Introduction",
        "Clinical introduction",
    ]
    assert shared == [apply_casing(item, APA, locale="en-US") for item in (headline, sentence, headline)]


def test_items_in_another_language_are_left_alone() -> None:
    german = _item(title="Die Nordischen Länder", language="de")
    assert apply_casing(german, APA, locale="en-US") == german
    english = _item(title="The Nordic Countries", language="en-GB")
    assert apply_casing(english, APA, locale="de-DE")["title"] == "The Nordic countries"
    unmarked = _item(title="The Nordic Countries")
    assert apply_casing(unmarked, APA, locale="de-DE") == unmarked  # no language: the locale decides


def test_as_is_rules_change_nothing() -> None:
    item = _item(title="The Nordic Countries", **{"container-title": "A Book Of Essays"})
    assert apply_casing(item, CasingRules(), locale="en-US") == item


def test_profile_schema_for_series_and_narrative() -> None:
    good = 'style = "apa"\ntitle = "T"\ndescription = "D"\n'
    profile = parse_profile("p", good + '[casing]\nseries_titles = "title"\n[narrative]\nand = "text"\n', source="p")
    assert profile.casing.series_titles == "title"
    assert profile.narrative.and_ == "text" and profile.narrative.group_abbreviations is False
    for text, key in [
        ('[casing]\nseries_titles = "upper"\n', "casing.series_titles"),
        ('[narrative]\nand = "&"\n', "narrative.and"),
        ("[narrative]\ngroup_abbreviations = 1\n", "narrative.group_abbreviations"),
        ("[narrative]\nbrackets = true\n", "narrative.brackets"),
        ('narrative = "yes"\n', "narrative"),
    ]:
        with pytest.raises(ProfileError) as caught:
            parse_profile("p", good + text, source="p.toml")
        assert caught.value.key == key


# --- casing in the API ----------------------------------------------------------------------------------------------

BOOK = {
    "id": "b",
    "type": "book",
    "author": [{"family": "Smith", "given": "Jane"}],
    "title": "Policy Making Concerning The Great Recession: Lessons From Europe",
    "publisher": "Policy Press",
    "issued": {"date-parts": [[2015]]},
}


def test_casing_style_and_as_is() -> None:
    assert "Policy making concerning the Great Recession: Lessons from Europe." in format_citation(BOOK, "apa")
    assert "Policy making concerning the Great Recession: lessons from Europe." in format_citation(BOOK, "harvard")
    assert "Policy Making concerning the Great Recession: Lessons from Europe." in format_citation(BOOK, "chicago")
    as_is = format_citation(BOOK, "apa", casing="as-is")
    assert "Policy Making Concerning The Great Recession: Lessons From Europe." in as_is
    assert format_bibliography([BOOK], "apa") == [format_citation(BOOK, "apa")]


def test_styles_without_a_profile_keep_the_records_casing(checkout: Path) -> None:
    for style in ("apa-6th-edition", "modern-language-association"):
        assert format_citation(BOOK, style) == format_citation(BOOK, style, casing="as-is")


def test_casing_style_on_the_corpus_keeps_every_entry(shared_dir: Path) -> None:
    records = json.loads((shared_dir / "corpus" / "dev.json").read_text(encoding="utf-8"))
    for profile in ("apa", "harvard", "chicago", "chicago-author-date"):
        styled = format_bibliography(records, profile)
        assert len(styled) == len(format_bibliography(records, profile, casing="as-is"))
        assert all(entry.strip() for entry in styled)
