"""Record classes: construction, defaults, immutability, derived values, and the Farr example records."""

from __future__ import annotations

import re
from typing import Any

import attrs
import pytest

from citekit.errors import RecordError
from citekit.examples import FARR, FARR_SEED
from citekit.records import (
    Book,
    BookChapter,
    ConferencePaper,
    Date,
    GenericRecord,
    JournalArticle,
    NewspaperArticle,
    Person,
    Record,
    Report,
    Thesis,
    WebPage,
    from_csl,
)

FARR_TITLE = "Collaboration in public services: can service users and staff participate together?"
FARR_DOI = "10.1332/policypress/9781847427519.003.0008"


def assert_record_error(error: pytest.ExceptionInfo[RecordError], field: str, value: object) -> None:
    """The error names the field and shows the offending value."""
    message = str(error.value)
    assert error.value.field == field
    assert field in message
    assert repr(value) in message


# --- the Farr chapter -------------------------------------------------------------------------------------


def test_farr_seed_holds_exactly_the_publisher_metadata() -> None:
    assert FARR_SEED.id == "farr2011"
    assert FARR_SEED.author == (Person(family="Farr", given="Michelle"),)
    assert FARR_SEED.title == FARR_TITLE
    assert FARR_SEED.container_title == "Critical Perspectives on User Involvement"
    assert FARR_SEED.publisher == "Policy Press"
    assert FARR_SEED.issued == Date(2011, 11)
    assert FARR_SEED.isbn == "9781847427519"
    assert FARR_SEED.isbn_electronic == "9781447305590"
    assert FARR_SEED.available_date == Date(2012, 5)
    assert FARR_SEED.doi == FARR_DOI
    assert FARR_SEED.word_count == 3820
    assert FARR_SEED.editor == ()
    assert FARR_SEED.publisher_place is None


def test_farr_full_adds_editors_and_place_only() -> None:
    assert FARR.editor == (Person(family="Barnes", given="Marian"), Person(family="Cotterell", given="Phil"))
    assert FARR.publisher_place == "Bristol"
    assert attrs.evolve(FARR, editor=(), publisher_place=None) == FARR_SEED


def test_farr_to_csl() -> None:
    assert FARR.to_csl() == {
        "id": "farr2011",
        "type": "chapter",
        "author": [{"family": "Farr", "given": "Michelle"}],
        "editor": [{"family": "Barnes", "given": "Marian"}, {"family": "Cotterell", "given": "Phil"}],
        "title": FARR_TITLE,
        "container-title": "Critical Perspectives on User Involvement",
        "publisher": "Policy Press",
        "publisher-place": "Bristol",
        "issued": {"date-parts": [[2011, 11]]},
        "available-date": {"date-parts": [[2012, 5]]},
        "ISBN": "9781847427519",
        "citekit:isbn-electronic": "9781447305590",
        "DOI": FARR_DOI,
        "citekit:word-count": 3820,
    }


def test_farr_seed_round_trips_through_csl_json() -> None:
    for record in (FARR_SEED, FARR):
        assert from_csl(record.to_csl()) == record


def test_book_chapter_from_the_issue_example() -> None:
    chapter = BookChapter(
        author=["Farr, Michelle"],
        title=FARR_TITLE,
        container_title="Critical Perspectives on User Involvement",
        publisher="Policy Press",
        issued="November 2011",
        doi="http://dx.doi.org/" + FARR_DOI,
    )
    assert chapter.id == "farr2011collaboration"
    assert chapter.doi == FARR_DOI
    assert chapter.issued == Date(2011, 11)


def test_book_chapter_holds_every_field() -> None:
    chapter = BookChapter(
        id="x",
        title="T",
        title_short="S",
        author=[Person(family="A", given="B")],
        editor="Barnes, Marian",
        translator=[{"family": "T", "given": "R"}],
        container_author=["Book Author"],
        collection_editor=["Series Editor"],
        issued=2011,
        accessed="2024-01-02",
        available_date="May 2012",
        publisher="P",
        publisher_place="Bristol",
        pages="79–88",
        chapter_number=8,
        doi="doi:10.1/X",
        url="https://example.org/x",
        isbn="978-1-84742-751-9",
        isbn_electronic="978-1-4473-0559-0",
        issn="0194-4363",
        language="en-GB",
        note="a note",
        abstract="An abstract.",
        keywords=["a", "b"],
        edition="2nd",
        volume=3,
        number_of_volumes="4",
        collection_title="Series",
        collection_number="12",
        container_title="Book",
        container_title_short="Bk",
        word_count="3820",
        extra={"archive": "Archive", "original-date": "1900"},
    )
    csl = chapter.to_csl()
    assert csl["page"] == "79-88"
    assert csl["chapter-number"] == 8
    assert csl["volume"] == 3 and csl["number-of-volumes"] == "4"
    assert csl["editor"] == [{"family": "Barnes", "given": "Marian"}]
    assert csl["container-author"] == [{"family": "Author", "given": "Book"}]
    assert csl["collection-editor"] == [{"family": "Editor", "given": "Series"}]
    assert csl["accessed"] == {"date-parts": [[2024, 1, 2]]}
    assert csl["keyword"] == "a, b"
    assert csl["citekit:word-count"] == 3820
    assert csl["original-date"] == {"date-parts": [[1900]]}
    assert csl["archive"] == "Archive"
    # Every field is set, and each one (but extra) gives one key, plus "type" and the two extra variables.
    names = [a.name for a in attrs.fields(BookChapter) if a.name != "extra"]
    assert all(getattr(chapter, name) not in (None, ()) for name in names)
    assert len(csl) == len(names) + 1 + 2
    assert from_csl(csl) == chapter
    assert chapter.first_page == "79"


# --- every record type ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cls", "csl_type", "fields"),
    [
        (BookChapter, "chapter", {"container_title": "Book"}),
        (Book, "book", {"number_of_pages": "xxv, 413"}),
        (JournalArticle, "article-journal", {"container_title": "Nature", "issue": "7346"}),
        (Report, "report", {"number": "WHO/CDS/CSR/GAR/2003.11", "genre": "Policy brief"}),
        (Thesis, "thesis", {"genre": "PhD thesis", "publisher": "University of Warwick"}),
        (WebPage, "webpage", {"container_title": "Site"}),
        (ConferencePaper, "paper-conference", {"event_title": "ACL", "event_date": "2019-07-28/2019-08-02"}),
        (NewspaperArticle, "article-newspaper", {"section": "Opinion", "container_title": "The Times"}),
    ],
)
def test_each_type_has_its_csl_type_and_round_trips(
    cls: type[Record], csl_type: str, fields: dict[str, Any]
) -> None:
    record = cls(title="A title", author=["Doe, Jane"], issued=2020, **fields)
    assert record.csl_type == csl_type
    csl = record.to_csl()
    assert csl["type"] == csl_type
    back = from_csl(csl)
    assert type(back) is cls
    assert back == record


@pytest.mark.parametrize("web_type", ["webpage", "post-weblog", "post"])
def test_web_page_keeps_its_exact_csl_type(web_type: str) -> None:
    record = from_csl({"id": "w", "type": web_type, "title": "T", "URL": "https://example.org"})
    assert isinstance(record, WebPage)
    assert record.to_csl()["type"] == web_type


def test_web_page_refuses_other_types() -> None:
    with pytest.raises(RecordError) as error:
        WebPage(type="chapter")
    assert_record_error(error, "type", "chapter")


def test_generic_record_keeps_type_and_variables() -> None:
    item = {"id": "g", "type": "article-magazine", "title": "T", "container-title": "Mag", "issue": 4}
    record = from_csl(item)
    assert isinstance(record, GenericRecord)
    assert record.type == "article-magazine"
    assert record.extra == {"container-title": "Mag", "issue": 4}
    assert record.to_csl() == item


@pytest.mark.parametrize("csl_type", ["chapter", "book", "webpage"])
def test_generic_record_refuses_types_that_have_a_class(csl_type: str) -> None:
    with pytest.raises(RecordError) as error:
        GenericRecord(type=csl_type)
    assert_record_error(error, "type", csl_type)


def test_generic_record_refuses_unknown_types() -> None:
    with pytest.raises(RecordError) as error:
        GenericRecord(type="artcle")
    assert_record_error(error, "type", "artcle")


def test_record_base_is_not_instantiable() -> None:
    with pytest.raises(TypeError):
        Record(title="x")


# --- immutability, hashing, equality ---------------------------------------------------------------------


def test_records_are_frozen() -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        FARR.title = "other"  # type: ignore[misc]
    with pytest.raises(TypeError):
        FARR.extra["x"] = 1  # type: ignore[index]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        FARR.author[0].family = "X"  # type: ignore[misc]


def test_records_do_not_share_mutable_input() -> None:
    names = ["Farr, Michelle"]
    extra: dict[str, Any] = {"custom": {"list": [1, 2]}}
    record = Book(title="T", author=names, extra=extra)
    names.append("Other, Person")
    extra["custom"]["list"].append(3)
    assert len(record.author) == 1
    assert record.extra["custom"] == {"list": [1, 2]}
    out = record.to_csl()
    out["custom"]["list"].append(4)
    assert record.extra["custom"] == {"list": [1, 2]}


def test_records_hash_and_compare_by_value() -> None:
    a = Book(title="T", author=["Doe, Jane"], extra={"archive": "A"})
    b = Book(title="T", author=[{"family": "Doe", "given": "Jane"}], extra={"archive": "A"})
    c = Book(title="T", author=["Doe, Jane"], extra={"archive": "B"})
    assert a == b and hash(a) == hash(b)
    assert a != c  # extra is compared even though it is not hashed


def test_no_slots_no_dict() -> None:
    assert not hasattr(FARR, "__dict__")


# --- ids -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"author": ["Farr, Michelle"], "issued": 2011, "title": FARR_TITLE}, "farr2011collaboration"),
        ({"author": ["van Gogh, Vincent"], "issued": 1888, "title": "The Letters"}, "vangogh1888letters"),
        ({"author": ["Jørgensen, Jon"], "issued": "2024", "title": "10 Skaldic Poetry"}, "jorgensen202410"),
        ({"editor": ["Barnes, Marian"], "title": "<i>Critical</i> Perspectives"}, "barnesndcritical"),
        ({"author": [Person.organisation("World Health Organization")], "issued": 2003, "title": "On SARS"},
         "worldhealthorganization2003sars"),
        ({"author": ["Caesar, Julius"], "issued": "44 BC", "title": "De bello Gallico"}, "caesar44bcbello"),
    ],
)
def test_default_id(fields: dict[str, Any], expected: str) -> None:
    assert Book(**fields).id == expected


def test_default_id_for_unfoldable_metadata_is_distinct_and_stable() -> None:
    title = "我国绿色产品认证标识法律制度的路径探析"
    a = Book(author=[{"family": "曹", "given": "明德"}], issued=2022, title=title)
    b = Book(author=[{"family": "김", "given": "현식"}], issued=2022, title="다문화가족 청소년의")
    assert re.fullmatch(r"item2022[0-9a-f]{8}", a.id)
    assert a.id != b.id
    assert a.id == Book(author=[{"family": "曹", "given": "明德"}], issued=2022, title=a.title).id


def test_given_id_wins_and_numeric_ids_become_text() -> None:
    assert Book(id="mine", author=["Farr, M"], title="T").id == "mine"
    assert from_csl({"id": 12, "type": "book"}).id == "12"


def test_bad_id() -> None:
    with pytest.raises(RecordError) as error:
        Book(id=["x"])  # type: ignore[arg-type]
    assert_record_error(error, "id", ["x"])


# --- field conversion and errors on construction --------------------------------------------------------


def test_text_is_kept_exactly() -> None:
    title = '  The Unedited <i>Life</i>  of <span class="nocase">iPhone</span> <b>x</b><sup>2</sup> , Part I '
    record = JournalArticle(title=title, container_title="<span style=\"font-variant:small-caps;\">Byz</span>")
    assert record.title == title
    assert record.to_csl()["title"] == title
    assert record.container_title == '<span style="font-variant:small-caps;">Byz</span>'


def test_blank_text_is_absent() -> None:
    record = Book(title="   ", publisher="")
    assert record.title is None and record.publisher is None
    assert "title" not in record.to_csl()


def test_numbers_keep_their_type() -> None:
    record = JournalArticle(volume=3, issue="3", edition="2nd")
    assert record.volume == 3 and record.issue == "3"
    csl = record.to_csl()
    assert csl["volume"] == 3 and csl["issue"] == "3" and csl["edition"] == "2nd"


def test_keywords() -> None:
    assert Book(keywords="public services, user involvement").keywords == ("public services", "user involvement")
    assert Book(keywords="a; b, c").keywords == ("a", "b, c")
    assert Book(keywords=("a", "b, c")).to_csl()["keyword"] == "a; b, c"
    assert Book(keywords=[" x ", ""]).keywords == ("x",)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("title", 5),
        ("publisher", ["Policy Press"]),
        ("volume", 1.5),
        ("volume", True),
        ("author", 5),
        ("issued", 2011.5),
        ("issued", True),
        ("doi", "11.1/x"),
        ("isbn", "9781847427518"),
        ("url", "www.example.org"),
        ("pages", "79-"),
        ("keywords", 3),
        ("extra", ["archive"]),
    ],
)
def test_bad_values_name_the_field_and_value(field: str, value: Any) -> None:
    with pytest.raises(RecordError) as error:
        Book(**{field: value})
    assert_record_error(error, field, value)


def test_bad_word_count() -> None:
    values: list[Any] = [-1, "many", True]
    for value in values:
        with pytest.raises(RecordError) as error:
            BookChapter(word_count=value)
        assert_record_error(error, "word_count", value)


def test_nested_errors_give_the_path() -> None:
    with pytest.raises(RecordError) as error:
        Book(author=["Farr, Michelle", {"family": 5}])
    assert_record_error(error, "author[1].family", 5)
    with pytest.raises(RecordError) as error:
        Book(issued={"date-parts": [[2011, 13]]})
    assert error.value.field == "issued.date-parts"
    assert "13" in str(error.value)
    with pytest.raises(RecordError) as error:
        Book(keywords=["a", 3])  # type: ignore[list-item]
    assert_record_error(error, "keywords[1]", 3)


def test_extra_cannot_shadow_a_field() -> None:
    for key in ("container-title", "container_title", "DOI"):
        with pytest.raises(RecordError) as error:
            BookChapter(extra={key: "x"})
        assert_record_error(error, "extra", key)
    # A variable the type has no field for is fine in extra.
    assert Book(extra={"container-title": "x"}).to_csl()["container-title"] == "x"


def test_extra_names_and_dates_are_validated_and_normalised() -> None:
    record = Book(extra={"container-author": [{"family": " Doe ", "given": "Jane", "comma-suffix": False}]})
    assert record.extra["container-author"] == [{"family": "Doe", "given": "Jane"}]
    record = Book(extra={"original-date": {"date-parts": [["1900", "2"]]}})
    assert record.extra["original-date"] == {"date-parts": [[1900, 2]]}
    with pytest.raises(RecordError) as error:
        Book(extra={"original-date": {"date-parts": [[1900, 13]]}})
    assert error.value.field == "extra.original-date.date-parts"
    with pytest.raises(RecordError) as error:
        Book(extra={"reviewed-author": "Doe, Jane"})
    assert_record_error(error, "extra.reviewed-author", "Doe, Jane")


def test_extra_must_be_json() -> None:
    with pytest.raises(RecordError) as error:
        Book(extra={"custom": {1, 2}})
    assert_record_error(error, "extra.custom", {1, 2})
    with pytest.raises(RecordError) as error:
        Book(extra={"custom": float("nan")})
    assert error.value.field == "extra.custom"
    for key in ("id", "type"):
        with pytest.raises(RecordError) as error:
            Book(extra={key: "x"})
        assert_record_error(error, f"extra.{key}", "x")


def test_first_page() -> None:
    assert Book().first_page is None
    assert Book(pages="xii-xv, 3").first_page == "xii"
    assert JournalArticle(pages="e1234").first_page == "e1234"
    assert JournalArticle(pages=79).first_page == "79"


def test_evolve_revalidates() -> None:
    with pytest.raises(RecordError) as error:
        attrs.evolve(FARR, doi="nonsense")
    assert_record_error(error, "doi", "nonsense")


@pytest.mark.parametrize(
    ("item", "field"),
    [
        ({"type": "book", "title": "T", "author": [{1: "Doe"}]}, "author[0].1"),
        ({"type": "book", "title": "T", "issued": {1: 2011}}, "issued.1"),
    ],
)
def test_a_key_that_is_not_text_is_named_in_a_record_error(item: dict[Any, Any], field: str) -> None:
    # JSON keys are strings, but Python callers can pass anything; the error still names where it is.
    with pytest.raises(RecordError) as error:
        from_csl(item)
    assert error.value.field == field


@pytest.mark.parametrize(
    ("build", "field", "value"),
    [
        # a converter's error is named from the field that raised it, however deep, even from an iterator of names
        (lambda: BookChapter(author=iter(["Farr, Michelle", {"family": 5}])), "author[1].family", 5),
        (lambda: BookChapter(title=5, doi="not a DOI"), "title", 5),  # the first bad field in field order
        (lambda: BookChapter(doi="not a DOI", title=5), "title", 5),
        (lambda: Book(pages="1-2-3"), "pages", "1-2-3"),
        # __attrs_post_init__ names its own field, and the record only prefixes where the name sits
        (lambda: Date(2011, 13), "month", 13),
        (lambda: Person(literal="WHO", family="Organization"), "literal", "WHO"),
        (lambda: BookChapter(editor=["Farr, Michelle", {"literal": "WHO", "given": "X"}]), "editor[1].literal", "WHO"),
        (lambda: BookChapter(extra={"container-title": "X"}), "extra", "container-title"),
        (lambda: from_csl({"type": "chapter", "author": [{"family": "A"}, {"given": 3}]}), "author[1].given", 3),
    ],
)
def test_errors_name_the_failing_field_once(build: Any, field: str, value: object) -> None:
    with pytest.raises(RecordError) as error:
        build()
    assert_record_error(error, field, value)
