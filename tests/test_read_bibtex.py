"""BibTeX and BibLaTeX: LaTeX to Unicode and rich text, names, macros, dates, types and inheritance."""

from __future__ import annotations

from typing import Any

import pytest

import citekit
from citekit.readers.bibnames import parse_name, split_names
from citekit.readers.latex import convert


def one(text: str) -> dict[str, Any]:
    records = citekit.read(text, "bibtex")
    assert records.warnings == [], [str(w) for w in records.warnings]
    (record,) = records
    return record.to_csl()


@pytest.mark.parametrize(
    ("latex", "csl"),
    [
        (r"M{\"u}ller \& S{\o}n --- Caf\'e \c{c}a, 12--15", "Müller & Søn — Café ça, 12–15"),
        (r"The {NASA} \emph{Apollo} programme", 'The <span class="nocase">NASA</span> <i>Apollo</i> programme'),
        (r"{{Critical Perspectives}}", '<span class="nocase">Critical Perspectives</span>'),
        (r"{\em Nature} and \textbf{bold} \textsc{sc}", '<i>Nature</i> and <b>bold</b> <span style="font-variant:small-caps;">sc</span>'),
        (r"H\textsubscript{2}O, 5\textsuperscript{th}, $x^2$", "H<sub>2</sub>O, 5<sup>th</sup>, x<sup>2</sup>"),
        (r"``Quoted'' it's \'{\i}ndice", "“Quoted” it's índice"),
        ("a~b  c\n  d", "a\u00a0b c d"),
        (r"\textdegree C $\alpha$", "°C α"),
    ],
)
def test_latex_to_csl_rich_text(latex: str, csl: str) -> None:
    assert convert(latex) == csl


def test_unknown_command_is_reported() -> None:
    records = citekit.read("@book{a,\n  title = {\\frobnicate{Text} here},\n}\n")
    assert records[0].title == "Text here"
    assert [str(w) for w in records.warnings] == [
        "line 2, entry 'a', field 'title': unknown LaTeX command \\frobnicate; kept its text"
    ]


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("Michelle Farr", {"family": "Farr", "given": "Michelle"}),
        ("Farr, Michelle", {"family": "Farr", "given": "Michelle"}),
        ("Ludwig van Beethoven", {"family": "Beethoven", "given": "Ludwig", "non-dropping-particle": "van"}),
        ("van Gennep, Arnold", {"family": "Gennep", "given": "Arnold", "non-dropping-particle": "van"}),
        ("de la Fontaine, Jean", {"family": "Fontaine", "given": "Jean", "non-dropping-particle": "de la"}),
        ("Brandt, Ahasver von", {"family": "Brandt", "given": "Ahasver", "dropping-particle": "von"}),
        ("Burtt, Jr., Edward H.", {"family": "Burtt", "given": "Edward H.", "suffix": "Jr."}),
        ("Ford, Jr, Henry", {"family": "Ford", "given": "Henry", "suffix": "Jr"}),
        ("{World Health Organization}", {"literal": "World Health Organization"}),
        ("{\\\"U}ber, Hans", {"family": "Über", "given": "Hans"}),
        ("{de Gaulle}, Charles", {"family": "de Gaulle", "given": "Charles"}),
        ("Jean {de la} Croix", {"family": "Croix", "given": "Jean de la"}),
        ("Plato", {"family": "Plato"}),
        ("family=Brandt, given=Ahasver, prefix=von, useprefix=false",
         {"family": "Brandt", "given": "Ahasver", "dropping-particle": "von"}),
    ],
)  # fmt: skip
def test_names_in_all_three_bibtex_forms(written: str, name: dict[str, str]) -> None:
    assert parse_name(written) == name


def test_name_lists_split_on_and_outside_braces() -> None:
    assert split_names("A. Smith and {Barnes and Noble} AND J. Doe") == ["A. Smith", "{Barnes and Noble}", "J. Doe"]


def test_and_others_keeps_the_names_given_and_records_the_cut() -> None:
    records = citekit.read("@book{a,\n  author = {Smith, J. and Jones, K. and others},\n  title = {x},\n}\n")
    assert [p.family for p in records[0].author] == ["Smith", "Jones"]
    assert records[0].extra["citekit:others"] == ["author"]
    assert "and others" in str(records.warnings[0]) and records.warnings[0].field == "author"
    assert "and others}" in citekit.write(records, "bibtex")


def test_string_macros_concatenation_and_months() -> None:
    item = one('@string{pp = "Policy"}\n@STRING{place = {Bris} # "tol"}\n'
               "@book{a,\n  title = {x},\n  publisher = pp # { Press},\n  address = PLACE,\n"
               "  year = 2011,\n  month = nov,\n  pages = {79--88},\n}\n")  # fmt: skip
    assert (item["publisher"], item["publisher-place"]) == ("Policy Press", "Bristol")
    assert item["issued"] == {"date-parts": [[2011, 11]]} and item["page"] == "79-88"


@pytest.mark.parametrize(
    ("fields", "issued"),
    [
        ("date = {2011-11-05}", {"date-parts": [[2011, 11, 5]]}),
        ("date = {1951/1963}", {"date-parts": [[1951], [1963]]}),
        ("date = {2001-23}", {"date-parts": [[2001]], "season": 3}),
        ("date = {1850~}", {"date-parts": [[1850]], "circa": True}),
        ("year = {1951--1963}", {"date-parts": [[1951], [1963]]}),
        ('year = 2011, month = {November}, day = 5', {"date-parts": [[2011, 11, 5]]}),
        ("year = 2011, month = 4", {"date-parts": [[2011, 4]]}),
    ],
)
def test_dates(fields: str, issued: dict[str, Any]) -> None:
    assert one(f"@book{{a,\n  title = {{x}},\n  {fields},\n}}\n")["issued"] == issued


def test_entry_types() -> None:
    text = (
        "@phdthesis{t, title={T}, school={Uni}}\n@mastersthesis{m, title={M}, school={Uni}, type={MA thesis}}\n"
        "@techreport{r, title={R}, institution={Inst}, number={7}}\n@misc{w, title={W}, url={https://e.org/}}\n"
        "@online{p, title={P}, url={https://e.org/}, entrysubtype={post-weblog}}\n"
        "@article{n, title={N}, journal={Times}, entrysubtype={newspaper}}\n@misc{d, title={D}}\n"
        "@inproceedings{c, title={C}, booktitle={Proc.}, eventtitle={Conf}, venue={Oslo}}\n"
    )
    records = citekit.read(text)
    assert records.warnings == []
    got = [(r.csl_type, r.to_csl().get("genre"), r.to_csl().get("publisher")) for r in records]
    assert got == [
        ("thesis", "PhD thesis", "Uni"), ("thesis", "MA thesis", "Uni"), ("report", "Technical report", "Inst"),
        ("webpage", None, None), ("post-weblog", None, None), ("article-newspaper", None, None),
        ("document", None, None), ("paper-conference", None, None),
    ]  # fmt: skip
    assert records[2].to_csl()["number"] == "7" and records[7].to_csl()["event-place"] == "Oslo"


def test_bibtex_inbook_is_part_of_a_book_and_biblatex_inbook_is_a_chapter() -> None:
    bibtex = one("@inbook{a,\n  author = {Knuth, Donald},\n  title = {Fundamental Algorithms},\n  chapter = {2},\n"
                 "  pages = {10--20},\n  publisher = {AW},\n  year = 1968,\n}\n")  # fmt: skip
    assert (bibtex["container-title"], bibtex["chapter-number"], "title" in bibtex) == ("Fundamental Algorithms", "2", False)
    named = one("@inbook{b,\n  title = {Fundamental Algorithms},\n  chapter = {Information Structures},\n}\n")
    assert (named["title"], named["container-title"]) == ("Information Structures", "Fundamental Algorithms")
    biblatex = one("@inbook{c,\n  title = {Information Structures},\n  booktitle = {Fundamental Algorithms},\n}\n")
    assert (biblatex["title"], biblatex["container-title"]) == ("Information Structures", "Fundamental Algorithms")


def test_crossref_and_xdata_inheritance() -> None:
    text = (
        "@xdata{pub, publisher = {Policy Press}, location = {Bristol}}\n"
        "@book{bk, author = {Knuth, Donald}, title = {Algorithms}, shorttitle = {Algo}, xdata = {pub}, year = 1968}\n"
        "@inbook{ch, title = {Sorting}, crossref = {bk}}\n"
        "@proceedings{pr, title = {Proceedings of X}, booktitle = {Ignored}, year = 2000, editor = {Doe, J.}}\n"
        "@inproceedings{pa, title = {Paper}, crossref = {PR}}\n"
        "@periodical{jr, title = {Journal of Y}, year = 2001}\n@article{ar, title = {Article}, crossref = {jr}}\n"
    )
    records = citekit.read(text)
    assert records.warnings == []
    by_id = {r.id: r.to_csl() for r in records}
    assert set(by_id) == {"bk", "ch", "pr", "pa", "jr", "ar"}  # @xdata gives fields, not a record
    assert by_id["bk"]["publisher"] == "Policy Press"
    chapter = by_id["ch"]
    assert (chapter["title"], chapter["container-title"], chapter["publisher"]) == ("Sorting", "Algorithms", "Policy Press")
    assert chapter["author"] == chapter["container-author"] == [{"family": "Knuth", "given": "Donald"}]
    assert "title-short" not in chapter  # short titles are not inherited
    paper = by_id["pa"]
    assert (paper["container-title"], paper["editor"], paper["issued"]) == (
        "Proceedings of X", [{"family": "Doe", "given": "J."}], {"date-parts": [[2000]]})  # fmt: skip
    assert by_id["ar"]["container-title"] == "Journal of Y"


def test_unkept_fields_are_reported_and_housekeeping_is_not() -> None:
    records = citekit.read("@book{a,\n  title = {x},\n  timestamp = {2020},\n  library = {Main},\n}\n")
    assert [str(w) for w in records.warnings] == [
        "line 4, entry 'a', field 'library': citekit has no CSL variable for this field; not kept"
    ]
