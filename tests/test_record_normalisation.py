"""Normalisation of names, dates, page ranges, DOIs, ISBNs, ISSNs and URLs, and every way they can be refused."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from citekit.errors import RecordError
from citekit.records import Book, Date, JournalArticle, Person
from citekit.records.identifiers import normalise_doi, normalise_isbn, normalise_issn, normalise_url
from citekit.records.pages import first_page, normalise_pages

MONTH_NAMES = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip


def assert_names(error: pytest.ExceptionInfo[RecordError], field: str, value: object) -> None:
    assert error.value.field == field
    assert field in str(error.value)
    assert repr(value) in str(error.value)


# --- names -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "csl"),
    [
        ("Farr, Michelle", {"family": "Farr", "given": "Michelle"}),
        ("Michelle Farr", {"family": "Farr", "given": "Michelle"}),
        ("  Michelle   Farr ", {"family": "Farr", "given": "Michelle"}),
        ("van Gogh, Vincent", {"family": "Gogh", "given": "Vincent", "non-dropping-particle": "van"}),
        ("Vincent van Gogh", {"family": "Gogh", "given": "Vincent", "non-dropping-particle": "van"}),
        ("de la Fontaine, Jean", {"family": "Fontaine", "given": "Jean", "non-dropping-particle": "de la"}),
        ("Gogh, Vincent van", {"family": "Gogh", "given": "Vincent", "dropping-particle": "van"}),
        ("Smith, John, Jr.", {"family": "Smith", "given": "John", "suffix": "Jr."}),
        ("Smith, Jr., John", {"family": "Smith", "given": "John", "suffix": "Jr."}),
        ("John Smith Jr.", {"family": "Smith", "given": "John", "suffix": "Jr."}),
        ("John Smith, Jr.", {"family": "Smith", "given": "John", "suffix": "Jr.", "comma-suffix": True}),
        ("Burtt, Edward H., III", {"family": "Burtt", "given": "Edward H.", "suffix": "III"}),
        ("Wong Kee Song, Louis M.", {"family": "Wong Kee Song", "given": "Louis M."}),
        ("De Feo, Alfredo", {"family": "De Feo", "given": "Alfredo"}),
        ("hooks, bell", {"family": "hooks", "given": "bell"}),
        ("Plato", {"family": "Plato"}),
        ("Лермонтов, М. Ю.", {"family": "Лермонтов", "given": "М. Ю."}),
        ("曹, 明德", {"family": "曹", "given": "明德"}),
    ],
)
def test_parse_name(text: str, csl: dict[str, Any]) -> None:
    assert Person.parse(text).to_csl() == csl
    assert Book(author=text).author[0].to_csl() == csl


def test_organisations() -> None:
    who = Person.organisation("World Health Organization")
    assert who.is_organisation
    assert who.to_csl() == {"literal": "World Health Organization"}
    assert Person.from_csl({"literal": "World Health Organization"}) == who


def test_csl_name_flags() -> None:
    name = Person.from_csl(
        {"family": "Mao", "given": "Zedong", "static-ordering": 1, "comma-suffix": "true", "parse-names": False}
    )
    assert name.static_ordering is True and name.comma_suffix is True and name.parse_names is False
    assert name.to_csl() == {
        "family": "Mao",
        "given": "Zedong",
        "comma-suffix": True,
        "static-ordering": True,
        "parse-names": False,
    }
    # False is CSL's default, so an explicit false flag is left out.
    assert Person.from_csl({"family": "A", "comma-suffix": False}).to_csl() == {"family": "A"}


@pytest.mark.parametrize(
    ("build", "field", "value"),
    [
        (lambda: Person.parse(""), "name", ""),
        (lambda: Person.parse("Smith,,John"), "name", "Smith,,John"),
        (lambda: Person.parse("a, b, c, d"), "name", "a, b, c, d"),
        (lambda: Person(), "family", None),
        (lambda: Person(family=3), "family", 3),  # type: ignore[arg-type]
        (lambda: Person(literal="WHO", given="x"), "literal", "WHO"),
        (lambda: Person.from_csl({"family": "X", "sequence": "first"}), "sequence", "first"),
        (lambda: Person.from_csl({"family": "X", "comma-suffix": "maybe"}), "comma_suffix", "maybe"),
        (lambda: Book(editor=[3]), "editor[0]", 3),  # type: ignore[list-item]
        (lambda: Book(translator=["A, B", {"given": ["x"]}]), "translator[1].given", ["x"]),
    ],
)
def test_bad_names(build: Any, field: str, value: object) -> None:
    with pytest.raises(RecordError) as error:
        build()
    assert_names(error, field, value)


name_parts = st.text(alphabet=st.characters(categories=["L", "M", "N", "Zs", "P"]), min_size=1, max_size=12).filter(
    lambda s: s.strip() == s and s
)


@given(
    family=name_parts,
    given_name=st.none() | name_parts,
    particle=st.none() | name_parts,
    suffix=st.none() | name_parts,
    comma=st.booleans(),
)
def test_person_round_trips_through_csl(
    family: str, given_name: str | None, particle: str | None, suffix: str | None, comma: bool
) -> None:
    person = Person(
        family=family, given=given_name, non_dropping_particle=particle, suffix=suffix, comma_suffix=comma
    )
    assert Person.from_csl(person.to_csl()) == person


# --- dates -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "csl"),
    [
        (2011, {"date-parts": [[2011]]}),
        ("2011", {"date-parts": [[2011]]}),
        ("2011-11", {"date-parts": [[2011, 11]]}),
        ("2011-11-05", {"date-parts": [[2011, 11, 5]]}),
        ("November 2011", {"date-parts": [[2011, 11]]}),
        ("Nov 2011", {"date-parts": [[2011, 11]]}),
        ("Nov. 2011", {"date-parts": [[2011, 11]]}),
        ("5 November 2011", {"date-parts": [[2011, 11, 5]]}),
        ("November 5, 2011", {"date-parts": [[2011, 11, 5]]}),
        ("Spring 2011", {"date-parts": [[2011]], "season": 1}),
        ("fall 2001", {"date-parts": [[2001]], "season": 3}),
        ("2011-23", {"date-parts": [[2011]], "season": 3}),
        ("2011/2013", {"date-parts": [[2011], [2013]]}),
        ("2011–2013", {"date-parts": [[2011], [2013]]}),
        ("1968-05-19/1968-05-25", {"date-parts": [[1968, 5, 19], [1968, 5, 25]]}),
        ("c. 1850", {"date-parts": [[1850]], "circa": True}),
        ("1850~", {"date-parts": [[1850]], "circa": True}),
        ("44 BC", {"date-parts": [[-44]]}),
        ("-44", {"date-parts": [[-44]]}),
        ("2000-02-29", {"date-parts": [[2000, 2, 29]]}),
        (datetime.date(2013, 12, 13), {"date-parts": [[2013, 12, 13]]}),
        ((2011, 11), {"date-parts": [[2011, 11]]}),
        ({"date-parts": [[2011, 11]]}, {"date-parts": [[2011, 11]]}),
        ({"date-parts": [["1965", "6"]]}, {"date-parts": [[1965, 6]]}),
        ({"date-parts": [[1951], [1963]]}, {"date-parts": [[1951], [1963]]}),
        ({"date-parts": [[2001]], "season": 3}, {"date-parts": [[2001]], "season": 3}),
        ({"date-parts": [[2001]], "season": "Summer"}, {"date-parts": [[2001]], "season": 2}),
        ({"date-parts": [[1850]], "circa": 1}, {"date-parts": [[1850]], "circa": True}),
        ({"raw": "5 November 2011"}, {"date-parts": [[2011, 11, 5]]}),
        ({"raw": "2011", "season": 1}, {"date-parts": [[2011]], "season": 1}),
        ({"literal": "Hilary term 1603"}, {"literal": "Hilary term 1603"}),
        ({"literal": "n.d.", "circa": True}, {"literal": "n.d.", "circa": True}),
    ],
)
def test_dates(value: Any, csl: dict[str, Any]) -> None:
    assert Book(issued=value).to_csl()["issued"] == csl


def test_date_objects() -> None:
    date = Date(2011, 11, 5)
    assert date.parts() == (2011, 11, 5)
    assert not date.is_range
    assert Date.parse("2011/2013") == Date(2011, end=Date(2013))
    assert Date.from_csl({"date-parts": [[2011, 11]]}) == Date(2011, 11)
    assert Date(-1, 2, 29).to_csl() == {"date-parts": [[-1, 2, 29]]}  # 1 BC is a leap year
    assert Book(issued="").issued is None


@pytest.mark.parametrize(
    ("value", "field", "shown"),
    [
        ("2011-13", "issued", "2011-13"),
        ("2011-11-32", "issued", "2011-11-32"),
        ("2011-02-30", "issued", "2011-02-30"),
        ("2011-02-29", "issued", "2011-02-29"),
        ("32 January 2011", "issued", "32 January 2011"),
        ("Smarch 2011", "issued", "Smarch 2011"),
        ("sometime", "issued", "sometime"),
        ("2013/2011", "issued", "2013/2011"),
        ("2011/2012/2013", "issued", "2011/2012/2013"),
        ("0", "issued", "0"),
        (2011.0, "issued", 2011.0),
        ({"date-parts": [[2011, 13]]}, "issued.date-parts", [[2011, 13]]),
        ({"date-parts": [[2011, 2, 30]]}, "issued.date-parts", [[2011, 2, 30]]),
        ({"date-parts": [[2011, "x"]]}, "issued.date-parts[0]", [2011, "x"]),
        ({"date-parts": [[2011, None]]}, "issued.date-parts[0]", [2011, None]),
        ({"date-parts": []}, "issued.date-parts", []),
        ({"date-parts": "2011"}, "issued.date-parts", "2011"),
        ({"date-parts": [[2011], [2010]]}, "issued.date-parts", [[2011], [2010]]),
        ({"date-parts": [[2011]], "season": 5}, "issued.season", 5),
        ({"date-parts": [[2011]], "circa": "perhaps"}, "issued.circa", "perhaps"),
        ({"date-parts": [[2011]], "raw": "2011"}, "issued.raw", "2011"),
        ({"raw": "soon"}, "issued.raw", "soon"),
        ({"season": 1}, "issued.year", None),
        ({"date-parts": [[2011]], "month": 3}, "issued.month", 3),
        ({"literal": 2011}, "issued.literal", 2011),
    ],
)
def test_bad_dates(value: Any, field: str, shown: object) -> None:
    with pytest.raises(RecordError) as error:
        Book(issued=value)
    assert_names(error, field, shown)


def test_bad_date_objects() -> None:
    cases: list[tuple[Any, str, object]] = [
        (lambda: Date(2011, 13), "month", 13),
        (lambda: Date(2011, None, 3), "day", 3),
        (lambda: Date(0), "year", 0),
        (lambda: Date(month=3, literal="x"), "month", 3),
        (lambda: Date(2011, end=Date(2012, season=1)), "end", Date(2012, season=1)),
        (lambda: Date.parse("Nov 31 2011"), "date", "Nov 31 2011"),
    ]
    for build, field, value in cases:
        with pytest.raises(RecordError) as error:
            build()
        assert_names(error, field, value)


@given(st.dates(min_value=datetime.date(1, 1, 1)))
def test_any_calendar_date_parses_in_every_written_form(day: datetime.date) -> None:
    expected = Date(day.year, day.month, day.day)
    month = MONTH_NAMES[day.month - 1]
    for text in (day.isoformat(), f"{day.day} {month} {day.year}", f"{month[:3]} {day.day}, {day.year}"):
        assert Date.parse(text) == expected


@given(st.integers(-9999, 9999).filter(bool), st.integers(1, 12), st.integers(1, 31))
def test_day_validation_matches_the_calendar(year: int, month: int, day: int) -> None:
    try:
        valid = datetime.date(year if year > 0 else 2000 + (year + 1) % 400, month, day) is not None
    except ValueError:
        valid = False
    if valid:
        assert Date(year, month, day).day == day
    else:
        with pytest.raises(RecordError):
            Date(year, month, day)


@given(st.integers(-9999, 9999).filter(bool), st.none() | st.integers(1, 12), st.none() | st.integers(1, 4))
def test_date_round_trips_through_csl(year: int, month: int | None, season: int | None) -> None:
    date = Date(year, month, season=season)
    assert Date.from_csl(date.to_csl()) == date


# --- pages -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("79-88", "79-88"),
        ("79–88", "79-88"),
        ("79--88", "79-88"),
        ("79 — 88", "79-88"),
        ("79−88", "79-88"),
        ("xii-xv", "xii-xv"),
        ("xiv–19", "xiv-19"),
        ("e1234", "e1234"),
        ("S1-S7", "S1-S7"),
        ("79", "79"),
        (79, "79"),
        ("79, 81-85", "79, 81-85"),
        ("79,81–85", "79, 81-85"),
        ("1 & 3", "1 & 3"),
        ("16187-92", "16187-92"),
        ("pp. 79–88", "79-88"),
        ("3.14-3.20", "3.14-3.20"),
    ],
)
def test_pages(value: Any, expected: str) -> None:
    assert normalise_pages(value) == expected
    assert JournalArticle(pages=value).to_csl()["page"] == expected


@pytest.mark.parametrize("value", ["79-", "-88", "79-88-90", "79 88", "pp.", "a b", "79,,80", -3, 1.5, ["79"]])
def test_bad_pages(value: Any) -> None:
    with pytest.raises(RecordError) as error:
        JournalArticle(pages=value)
    assert_names(error, "pages", value)
    with pytest.raises(RecordError) as error:
        normalise_pages(value)
    assert_names(error, "pages", value)


@given(
    st.lists(
        st.tuples(st.integers(1, 99999), st.none() | st.integers(1, 99999), st.sampled_from(["-", "–", "--", " - "])),
        min_size=1,
        max_size=4,
    )
)
def test_page_ranges_normalise_to_hyphens(parts: list[tuple[int, int | None, str]]) -> None:
    written = ", ".join(f"{a}{dash}{b}" if b else str(a) for a, b, dash in parts)
    expected = ", ".join(f"{a}-{b}" if b else str(a) for a, b, _ in parts)
    assert normalise_pages(written) == expected
    assert normalise_pages(expected) == expected
    assert first_page(expected) == str(parts[0][0])


# --- DOIs ------------------------------------------------------------------------------------------------

FARR_DOI = "10.1332/policypress/9781847427519.003.0008"


@pytest.mark.parametrize(
    "value",
    [
        FARR_DOI,
        f"doi:{FARR_DOI}",
        f"DOI: {FARR_DOI}",
        f"https://doi.org/{FARR_DOI}",
        f"http://dx.doi.org/{FARR_DOI}",
        f"HTTPS://DX.DOI.ORG/{FARR_DOI}",
        f"  {FARR_DOI}\n",
        f"info:doi/{FARR_DOI}",
    ],
)
def test_doi_forms(value: str) -> None:
    assert normalise_doi(value) == FARR_DOI
    assert Book(doi=value).to_csl()["DOI"] == FARR_DOI


def test_doi_suffix_keeps_case_and_urls_are_decoded() -> None:
    assert normalise_doi("doi:10.1002/(SICI)1097-4571") == "10.1002/(SICI)1097-4571"
    assert normalise_doi("https://doi.org/10.1002/%28SICI%291097") == "10.1002/(SICI)1097"


@pytest.mark.parametrize("value", ["11.1000/x", "10.1000", "10.abc/x", "doi:", "https://example.org/10.1/x", 10.1])
def test_bad_dois(value: Any) -> None:
    with pytest.raises(RecordError) as error:
        Book(doi=value)
    assert_names(error, "doi", value)
    with pytest.raises(RecordError) as error:
        normalise_doi(value)
    assert_names(error, "DOI", value)


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_();/", min_size=1))
def test_any_doi_suffix_survives_every_prefix(suffix: str) -> None:
    doi = f"10.1234/{suffix}"
    for form in (doi, f"doi:{doi}", f"https://doi.org/{doi}", f"http://dx.doi.org/{doi}"):
        assert normalise_doi(form) == doi


# --- ISBNs and ISSNs -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("9781847427519", "9781847427519"),
        ("978-1-84742-751-9", "9781847427519"),
        (" 978 1 84742 751 9 ", "9781847427519"),
        ("ISBN 978-1-4473-0559-0", "9781447305590"),
        ("0-521-32351-7", "0521323517"),
        ("0-8044-2957-x", "080442957X"),
        (9781847427519, "9781847427519"),
        ("978-1-84742-751-9, 978-1-4473-0559-0", "9781847427519, 9781447305590"),
        ("978-1-84742-751-9 978-1-4473-0559-0", "9781847427519, 9781447305590"),
    ],
)
def test_isbns(value: Any, expected: str) -> None:
    assert normalise_isbn(value) == expected
    assert Book(isbn=value).to_csl()["ISBN"] == expected


@pytest.mark.parametrize(
    "value", ["9781847427518", "0521323518", "97818474275", "978184742751X", "abc", "9781847427519, 123", True]
)
def test_bad_isbns(value: Any) -> None:
    with pytest.raises(RecordError) as error:
        Book(isbn=value)
    assert_names(error, "isbn", value)
    with pytest.raises(RecordError) as error:
        normalise_isbn(value)
    assert_names(error, "ISBN", value)


def _isbn13(body: str) -> str:
    total = sum((1 if i % 2 == 0 else 3) * int(c) for i, c in enumerate(body))
    return body + str(-total % 10)


def _isbn10(body: str) -> str:
    check = -sum((10 - i) * int(c) for i, c in enumerate(body)) % 11
    return body + ("X" if check == 10 else str(check))


@given(st.text(alphabet="0123456789", min_size=12, max_size=12), st.data())
def test_isbn13_checksum(body: str, data: st.DataObject) -> None:
    isbn = _isbn13(body)
    hyphenated = "-".join([isbn[:3], isbn[3:5], isbn[5:12], isbn[12]])
    assert normalise_isbn(hyphenated) == isbn
    position = data.draw(st.integers(0, 12))
    digit = data.draw(st.sampled_from([d for d in "0123456789" if d != isbn[position]]))
    with pytest.raises(RecordError):
        normalise_isbn(isbn[:position] + digit + isbn[position + 1 :])


@given(st.text(alphabet="0123456789", min_size=9, max_size=9), st.data())
def test_isbn10_checksum(body: str, data: st.DataObject) -> None:
    isbn = _isbn10(body)
    assert normalise_isbn(isbn.lower()) == isbn
    position = data.draw(st.integers(0, 8))
    digit = data.draw(st.sampled_from([d for d in "0123456789" if d != isbn[position]]))
    with pytest.raises(RecordError):
        normalise_isbn(isbn[:position] + digit + isbn[position + 1 :])


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("01944363", "0194-4363"),
        ("0194-4363", "0194-4363"),
        ("1476-4687", "1476-4687"),
        ("2434-561x", "2434-561X"),
        ("1476-4687, 0028-0836", "1476-4687, 0028-0836"),
        ("1476-4687 0028-0836", "1476-4687, 0028-0836"),
    ],
)
def test_issns(value: str, expected: str) -> None:
    assert normalise_issn(value) == expected
    assert JournalArticle(issn=value).to_csl()["ISSN"] == expected


@pytest.mark.parametrize("value", ["0194-4364", "0194436", "abcd-efgh", 1944363])
def test_bad_issns(value: Any) -> None:
    with pytest.raises(RecordError) as error:
        JournalArticle(issn=value)
    assert_names(error, "issn", value)


# --- URLs ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "https://example.org",
        "http://www.fas.org/spp/military/program/imint/kh-4%20camera%20system.htm",
        "ftp://ftp.example.org/pub/file.txt",
        "HTTPS://Example.org/CaseSensitive?q=1#frag",
    ],
)
def test_urls(value: str) -> None:
    assert normalise_url(f"  {value} ") == value
    assert Book(url=value).url == value


@pytest.mark.parametrize("value", ["www.example.org", "example", "mailto:x@y.z", "https://exa mple.org", "http://", 3])
def test_bad_urls(value: Any) -> None:
    with pytest.raises(RecordError) as error:
        Book(url=value)
    assert_names(error, "url", value)
    with pytest.raises(RecordError) as error:
        normalise_url(value)
    assert_names(error, "URL", value)
