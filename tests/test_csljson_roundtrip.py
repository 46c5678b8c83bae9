"""CSL-JSON in and out: class selection, lossless round trips (hand-made, the dev corpus, generated), errors."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from citekit.errors import RecordError
from citekit.records import (
    Book,
    BookChapter,
    ConferencePaper,
    GenericRecord,
    JournalArticle,
    NewspaperArticle,
    Person,
    Report,
    Thesis,
    WebPage,
    from_csl,
)
from citekit.records.csljson import csl_variable, to_csl

CORPUS = Path(__file__).parents[1] / ".." / "shared" / "corpus" / "dev.json"


def _corpus() -> list[Any]:
    if not CORPUS.is_file():
        return [pytest.param(None, marks=pytest.mark.skip(reason=f"no shared corpus at {CORPUS.resolve()}"))]
    items = json.loads(CORPUS.read_text(encoding="utf-8"))
    return [pytest.param(item, id=item["id"]) for item in items]


def _by_id(item_id: str) -> dict[str, Any]:
    if not CORPUS.is_file():
        pytest.skip(f"no shared corpus at {CORPUS.resolve()}")
    items = json.loads(CORPUS.read_text(encoding="utf-8"))
    found: dict[str, Any] = next(item for item in items if item["id"] == item_id)
    return found


def normalised(item: dict[str, Any]) -> dict[str, Any]:
    """The item in citekit's normal form, worked out independently of citekit's code."""
    out = copy.deepcopy(item)
    if "ISBN" in out:
        out["ISBN"] = re.sub(r"[\s-]", "", out["ISBN"]).upper()
    if "ISSN" in out:
        digits = out["ISSN"].replace("-", "").upper()
        out["ISSN"] = f"{digits[:4]}-{digits[4:]}"
    if "page" in out:
        out["page"] = re.sub(r"\s*(?:--|[-–—−])\s*", "-", out["page"])
    return out


# --- class selection --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("csl_type", "cls"),
    [
        ("chapter", BookChapter),
        ("book", Book),
        ("article-journal", JournalArticle),
        ("report", Report),
        ("thesis", Thesis),
        ("webpage", WebPage),
        ("post-weblog", WebPage),
        ("post", WebPage),
        ("paper-conference", ConferencePaper),
        ("article-newspaper", NewspaperArticle),
        ("article-magazine", GenericRecord),
        ("dataset", GenericRecord),
        ("legal_case", GenericRecord),
    ],
)
def test_from_csl_picks_the_class(csl_type: str, cls: type) -> None:
    record = from_csl({"id": "x", "type": csl_type, "title": "T"})
    assert type(record) is cls
    assert record.csl_type == csl_type
    assert to_csl(record) == record.to_csl() == {"id": "x", "type": csl_type, "title": "T"}


def test_csl_variable_names() -> None:
    assert csl_variable("container_title") == "container-title"
    assert csl_variable("doi") == "DOI"
    assert csl_variable("pages") == "page"
    assert csl_variable("keywords") == "keyword"
    assert csl_variable("isbn_electronic") == "citekit:isbn-electronic"
    assert csl_variable("word_count") == "citekit:word-count"


def test_fields_map_to_their_csl_variables() -> None:
    item = {
        "id": "c",
        "type": "chapter",
        "container-title": "Book",
        "publisher-place": "Bristol",
        "chapter-number": "8",
        "available-date": {"date-parts": [[2012, 5]]},
        "citekit:isbn-electronic": "9781447305590",
        "citekit:word-count": 3820,
        "keyword": "a, b",
        "page": "79-88",
    }
    record = from_csl(item)
    assert isinstance(record, BookChapter)
    assert record.container_title == "Book"
    assert record.publisher_place == "Bristol"
    assert record.chapter_number == "8"
    assert record.available_date is not None and record.available_date.parts() == (2012, 5)
    assert record.isbn_electronic == "9781447305590"
    assert record.word_count == 3820
    assert record.keywords == ("a", "b")
    assert record.pages == "79-88"
    assert record.extra == {}
    assert record.to_csl() == item


# --- hand-made round trips -------------------------------------------------------------------------------

HARD_ITEMS: list[dict[str, Any]] = [
    {
        "id": "rich",
        "type": "article-journal",
        "title": "The Unedited <i>Life</i> of St John Chrysostom: <i>Editio princeps</i> , Part I",
        "container-title": '<span class="nocase">iScience</span> and <span style="font-variant:small-caps;">Sc</span>',
        "title-short": "H<sub>2</sub>O and E = mc<sup>2</sup>  <b>twice</b>",
        "volume": 87,
        "issue": "3",
    },
    {
        "id": "names",
        "type": "book",
        "author": [
            {"family": "Gennep", "given": "Arnold", "non-dropping-particle": "van"},
            {"family": "Brandt", "given": "Ahasver", "dropping-particle": "von"},
            {"family": "Burtt", "given": "Edward H.", "suffix": "Jr.", "comma-suffix": True},
            {"family": "毛", "given": "泽东", "static-ordering": True},
            {"family": "Doe", "given": "Jane", "parse-names": False},
            {"literal": "World Health Organization"},
        ],
        "translator": [{"given": "Madonna"}],
    },
    {
        "id": "dates",
        "type": "paper-conference",
        "issued": {"date-parts": [[2001]], "season": 3},
        "event-date": {"date-parts": [[1968, 5, 19], [1968, 5, 25]]},
        "accessed": {"literal": "last Tuesday"},
        "original-date": {"date-parts": [[-44]], "circa": True},
    },
    {
        "id": "numbers",
        "type": "report",
        "number": 31,
        "edition": "Fifth edition",
        "number-of-volumes": 3,
        "collection-number": "12",
        "genre": "Public Policy Brief No. 31",
    },
    {
        "id": "extras",
        "type": "thesis",
        "archive": "Warwick",
        "archive_location": "Box 3",
        "custom": {"nested": [1, 2.5, None, True, {"k": "v"}]},
        "container-author": [{"family": "Doe", "given": "Jane"}],
        "citekit:word-count": 80000,
    },
    {
        "id": "web",
        "type": "post-weblog",
        "title": "Our Broken Social Contract",
        "container-title": "Opinionator",
        "URL": "https://archive.nytimes.com/opinionator.blogs.nytimes.com/2013/06/19/our-broken-social-contract/",
        "issued": {"date-parts": [[2013, 6, 19]]},
        "accessed": {"date-parts": [[2025, 6, 1]]},
    },
    {"id": "spacey", "type": "book", "title": "  Leading and  inner  spaces kept "},
]


@pytest.mark.parametrize("item", [pytest.param(item, id=item["id"]) for item in HARD_ITEMS])
def test_hard_items_round_trip_exactly(item: dict[str, Any]) -> None:
    record = from_csl(item)
    assert record.to_csl() == item
    assert from_csl(record.to_csl()) == record


def test_round_trip_normalises() -> None:
    item = {
        "id": 7,
        "type": "article-journal",
        "DOI": "https://doi.org/10.1000/ABC",
        "ISBN": "978-1-84742-751-9",
        "ISSN": "01944363",
        "page": "79–88",
        "issued": {"date-parts": [["1965", "6"]], "circa": "true"},
        "accessed": {"raw": "2014-08-09"},
        "author": [{"family": " Doe ", "given": "Jane", "comma-suffix": False}],
        "keyword": "x;  y ",
        "title": "",
    }
    assert from_csl(item).to_csl() == {
        "id": "7",
        "type": "article-journal",
        "DOI": "10.1000/ABC",
        "ISBN": "9781847427519",
        "ISSN": "0194-4363",
        "page": "79-88",
        "issued": {"date-parts": [[1965, 6]], "circa": True},
        "accessed": {"date-parts": [[2014, 8, 9]]},
        "author": [{"family": "Doe", "given": "Jane"}],
        "keyword": "x, y",
    }


def test_missing_id_is_derived() -> None:
    item = {
        "type": "chapter",
        "author": [{"family": "Farr", "given": "M"}],
        "issued": {"date-parts": [[2011]]},
        "title": "Collaboration in public services",
    }
    record = from_csl(item)
    assert record.to_csl()["id"] == "farr2011collaboration"


def test_to_csl_returns_a_fresh_dict() -> None:
    record = from_csl(HARD_ITEMS[4])
    out = record.to_csl()
    out["custom"]["nested"].clear()
    out["container-author"][0]["family"] = "X"
    assert record.to_csl() == HARD_ITEMS[4]


# --- the development corpus ------------------------------------------------------------------------------


@pytest.mark.parametrize("item", _corpus())
def test_corpus_item_round_trips(item: dict[str, Any]) -> None:
    record = from_csl(item)
    assert record.to_csl() == normalised(item)
    assert from_csl(record.to_csl()) == record


def test_corpus_hard_cases_are_read_into_typed_fields() -> None:
    brandt = from_csl(_by_id("brandt1987nordischen"))
    assert brandt.author[0] == Person(family="Brandt", given="Ahasver", dropping_particle="von")
    gennep = from_csl(_by_id("vangennep1960rites"))
    assert gennep.author[0].non_dropping_particle == "van"
    assert len(gennep.translator) == 2
    burtt = from_csl(_by_id("burtt1986analysis"))
    assert burtt.author[0].suffix == "Jr."
    who = from_csl(_by_id("worldhealthorganizat2003consensus"))
    assert who.author[0].is_organisation
    cole = from_csl(_by_id("cole2001dare"))
    assert cole.issued is not None and cole.issued.season == 3
    tillich = from_csl(_by_id("tillich1951systematic"))
    assert tillich.issued is not None and tillich.issued.end is not None and tillich.issued.end.year == 1963
    undated = from_csl(_by_id("cjkndunabsolute"))
    assert isinstance(undated, WebPage) and undated.issued is None and undated.author == ()
    strathern = from_csl(_by_id("strathern2004whole"))
    assert strathern.pages == "xiv-19" and strathern.first_page == "xiv"
    byzantion = from_csl(_by_id("antonopoulou2017unedited"))
    assert byzantion.title == _by_id("antonopoulou2017unedited")["title"]
    assert "<i>Life</i>" in (byzantion.title or "")
    korean = from_csl(_by_id("cjk2005book"))
    assert korean.author[0] == Person(family="안", given="진")
    williams = from_csl(_by_id("williams1990coherence"))
    assert isinstance(williams, BookChapter) and williams.container_author[0].family == "Williams"
    salam = from_csl(_by_id("salam1968weak"))
    assert isinstance(salam, ConferencePaper) and salam.event_date is not None and salam.event_date.is_range


# --- errors ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("item", "field", "value"),
    [
        ({"id": "x"}, "type", None),
        ({"type": 3}, "type", 3),
        ({"type": None}, "type", None),
        ({"type": "artcle-journal"}, "type", "artcle-journal"),
        ({"type": "book", "author": 5}, "author", 5),
        ({"type": "book", "author": "Farr, Michelle"}, "author", "Farr, Michelle"),
        ({"type": "book", "author": [5]}, "author[0]", 5),
        ({"type": "book", "author": [{"family": 5}]}, "author[0].family", 5),
        ({"type": "book", "editor": [{"family": "X", "sequence": "first"}]}, "editor[0].sequence", "first"),
        ({"type": "book", "editor": [{}]}, "editor[0].family", None),
        ({"type": "chapter", "container-author": {"family": "X"}}, "container-author", {"family": "X"}),
        ({"type": "book", "issued": 2011}, "issued", 2011),
        ({"type": "book", "issued": {"date-parts": [[2011, 13]]}}, "issued.date-parts", [[2011, 13]]),
        ({"type": "book", "issued": {"date-parts": [[2011]], "foo": 1}}, "issued.foo", 1),
        ({"type": "book", "accessed": "yesterday"}, "accessed", "yesterday"),
        ({"type": "book", "title": 5}, "title", 5),
        ({"type": "chapter", "container-title": ["x"]}, "container-title", ["x"]),
        ({"type": "book", "volume": 1.5}, "volume", 1.5),
        ({"type": "book", "keyword": ["a", "b"]}, "keyword", ["a", "b"]),
        ({"type": "book", "DOI": "nonsense"}, "DOI", "nonsense"),
        ({"type": "book", "ISBN": "9781847427518"}, "ISBN", "9781847427518"),
        ({"type": "book", "URL": "not a url"}, "URL", "not a url"),
        ({"type": "book", "page": "79-"}, "page", "79-"),
        ({"type": "chapter", "citekit:word-count": -5}, "citekit:word-count", -5),
        ({"type": "book", "id": ["x"]}, "id", ["x"]),
        ({"type": "book", "original-date": {"date-parts": [[2011, 0]]}}, "original-date.date-parts", [[2011, 0]]),
        ({"type": "book", "custom": {1, 2}}, "custom", {1, 2}),
    ],
)
def test_from_csl_errors_name_the_csl_variable(item: dict[str, Any], field: str, value: object) -> None:
    with pytest.raises(RecordError) as error:
        from_csl(item)
    assert error.value.field == field
    assert field in str(error.value)
    assert repr(value) in str(error.value)


def test_from_csl_needs_a_mapping() -> None:
    with pytest.raises(RecordError) as error:
        from_csl(["not", "an", "item"])  # type: ignore[arg-type]
    assert "item" in str(error.value) and "['not', 'an', 'item']" in str(error.value)


# --- generated round trips -------------------------------------------------------------------------------

_text = st.text(min_size=1, max_size=20).filter(lambda s: bool(s.strip()))
_markup = st.sampled_from(["<i>", "</i>", "<b>", "</b>", "<sup>", "</sup>", "<sub>", "</sub>",
                           '<span class="nocase">', '<span style="font-variant:small-caps;">', "</span>"])  # fmt: skip
_rich = st.lists(st.one_of(_text, _markup), min_size=1, max_size=6).map("".join).filter(lambda s: bool(s.strip()))
_part = st.text(min_size=1, max_size=12).map(str.strip).filter(bool)
_personal = st.fixed_dictionaries(
    {"family": _part},
    optional={
        "given": _part,
        "dropping-particle": _part,
        "non-dropping-particle": _part,
        "suffix": _part,
        "comma-suffix": st.just(True),
        "static-ordering": st.just(True),
        "parse-names": st.booleans(),
    },
)
_names = st.lists(st.one_of(_personal, st.builds(lambda s: {"literal": s}, _part)), min_size=1, max_size=4)
_number = st.one_of(st.integers(0, 10**6), _text)


@st.composite
def _dates(draw: st.DrawFn) -> dict[str, Any]:
    start = draw(st.dates())
    precision = draw(st.integers(1, 3))
    parts = [[start.year, start.month, start.day][:precision]]
    if draw(st.booleans()):
        end = draw(st.dates(min_value=start))
        parts.append([end.year, end.month, end.day][:precision])
    out: dict[str, Any] = {"date-parts": parts}
    if draw(st.booleans()):
        out["season"] = draw(st.integers(1, 4))
    if draw(st.booleans()):
        out["circa"] = True
    return out


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=5), children, max_size=3),
    max_leaves=8,
)
_keyword = st.text(min_size=1, max_size=10).map(str.strip).filter(lambda s: bool(s) and not set(s) & set(",;"))
_keywords = st.lists(_keyword, min_size=1, max_size=4).map(", ".join)


def _isbn13(body: str) -> str:
    total = sum((1 if i % 2 == 0 else 3) * int(c) for i, c in enumerate(body))
    return body + str(-total % 10)


_items = st.fixed_dictionaries(
    {
        "id": st.from_regex(r"[a-z][a-z0-9]{0,11}", fullmatch=True),
        "type": st.sampled_from(["chapter", "book", "article-journal", "report", "thesis", "webpage", "post",
                                 "post-weblog", "paper-conference", "article-newspaper", "article-magazine",
                                 "dataset", "software"]),
    },  # fmt: skip
    optional={
        "title": _rich,
        "container-title": _rich,
        "author": _names,
        "editor": _names,
        "container-author": _names,
        "issued": _dates(),
        "accessed": _dates(),
        "event-date": _dates(),
        "publisher": _text,
        "volume": _number,
        "issue": _number,
        "edition": _number,
        "number": _number,
        "page": st.builds(lambda a, b: f"{a}-{b}", st.integers(1, 999), st.integers(1, 999)),
        "DOI": st.from_regex(r"10\.[0-9]{4,5}/[A-Za-z0-9._;()/-]{1,20}", fullmatch=True),
        "ISBN": st.text(alphabet="0123456789", min_size=12, max_size=12).map(_isbn13),
        "URL": st.from_regex(r"https://[a-z]{1,10}\.org/[A-Za-z0-9/%?=&]{0,20}", fullmatch=True),
        "keyword": _keywords,
        "note": _text,
        "language": st.sampled_from(["en", "en-GB", "zh-CN", "de"]),
        "archive": _text,
        "citekit:custom": _json,
        "x-unknown": _json,
    },
)


@settings(max_examples=300)
@given(_items)
def test_generated_items_round_trip(item: dict[str, Any]) -> None:
    record = from_csl(item)
    assert record.to_csl() == item
    assert from_csl(record.to_csl()) == record
