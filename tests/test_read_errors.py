"""Malformed input: every failure names where it happened (source, line, entry key, field)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import citekit
from citekit import ReadError

UNCLOSED = "@book{ok,\n  title = {Fine},\n}\n\n@book{broken,\n  title = {Unclosed,\n  year = 2000\n}\n\n@book{next,\n  title = {Fine},\n}\n"


def test_unclosed_brace_names_the_entry_field_and_line(tmp_path: Path) -> None:
    path = tmp_path / "refs.bib"
    path.write_text(UNCLOSED, encoding="utf-8")
    with pytest.raises(ReadError) as caught:
        citekit.read(path)
    error = caught.value
    assert (error.source, error.line, error.key, error.field) == (str(path), 6, "broken", "title")
    assert str(error).startswith(f"{path}, line 6, entry 'broken', field 'title': ")
    assert "never closed before the next entry, at line 10" in str(error)


def test_unclosed_brace_at_the_end_of_the_file() -> None:
    with pytest.raises(ReadError, match=r"^line 3, entry 'last', field 'note': .* never closed before the end"):
        citekit.read("@book{a, title={x}}\n@book{last,\n  note = {unclosed\n", "bibtex")


def test_missing_key_names_the_line() -> None:
    with pytest.raises(ReadError, match=r"^line 4: the entry has no key"):
        citekit.read("@book{a,\n  title = {x},\n}\n@book{\n  title = {No key},\n}\n")
    with pytest.raises(ReadError, match=r"^line 1: the entry has no key"):
        citekit.read("@book{,\n  title = {No key},\n}\n")


def test_missing_comma_names_the_field() -> None:
    with pytest.raises(ReadError, match=r"^line 2, entry 'a', field 'title': .*is a ',' missing"):
        citekit.read("@book{a,\n  title = {Fine}\n  year = 2000\n}\n")


def test_bad_date_is_a_warning_naming_the_field_and_kept_as_a_literal() -> None:
    records = citekit.read("@book{a,\n  title = {x},\n  date = {2011-13-45},\n}\n")
    (warning,) = records.warnings
    assert (warning.line, warning.key, warning.field) == (3, "a", "date")
    assert str(warning).startswith("line 3, entry 'a', field 'date': '2011-13-45' is not a date")
    assert records[0].issued is not None and records[0].issued.literal == "2011-13-45"


def test_bad_date_in_ris_and_strict_mode_raises() -> None:
    text = "TY  - BOOK\nID  - b1\nTI  - x\nPY  - someday\nER  - \n"
    assert [str(w) for w in citekit.read(text).warnings] == [
        "line 4, entry 'b1', field 'PY': 'someday' is not a RIS date (YYYY/MM/DD/other); kept as a literal date"
    ]
    with pytest.raises(ReadError, match=r"^line 4, entry 'b1', field 'PY'"):
        citekit.read(text, strict=True)


def test_unknown_type_maps_to_the_nearest_and_is_reported() -> None:
    records = citekit.read("@talk{t1,\n  title = {x},\n  booktitle = {Proceedings},\n}\n")
    assert records[0].csl_type == "chapter"
    assert [str(w) for w in records.warnings] == [
        "line 1, entry 't1': unknown entry type @talk; read as CSL type 'chapter', the nearest by its fields"
    ]
    ris = citekit.read("TY  - WXYZ\nTI  - x\nER  - \n")
    assert ris[0].csl_type == "document" and ris.warnings[0].line == 1 and ris.warnings[0].field == "TY"
    csl = citekit.read('[{"id": "z", "type": "bookSection", "title": "x"}]')
    assert csl[0].csl_type == "chapter" and (csl.warnings[0].key, csl.warnings[0].field) == ("z", "type")


@pytest.mark.parametrize("text", ["", "   \n\n", "\ufeff"])
def test_empty_file(text: str, tmp_path: Path) -> None:
    path = tmp_path / "empty.bib"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ReadError, match=rf"^{path}, line 1: the file is empty"):
        citekit.read(path)


def test_a_file_with_no_entries() -> None:
    with pytest.raises(ReadError, match="no entries found in this bibtex file"):
        citekit.read("% only a comment\n@string{x = {y}}\n", "bibtex")


def test_ris_record_without_er() -> None:
    with pytest.raises(ReadError, match=r"^line 3: the record that starts here has no 'ER  -' line"):
        citekit.read("TY  - JOUR\nER  - \nTY  - JOUR\nTI  - x\n")
    with pytest.raises(ReadError, match=r"^line 1: this record has no 'ER  -' line before the next .*\(line 3\)"):
        citekit.read("TY  - JOUR\nTI  - x\nTY  - BOOK\nTI  - y\nER  - \n")


def test_broken_json_names_line_and_column() -> None:
    with pytest.raises(ReadError, match=r"^line 2: not valid JSON: .*\(column 15\)"):
        citekit.read('[{"id": "a", "type": "book",\n "title": "x",}]')


def test_refused_values_are_left_out_and_reported() -> None:
    records = citekit.read("@book{a,\n  title = {x},\n  isbn = {978-0-00-000000-1},\n  doi = {not a doi},\n}\n")
    assert records[0].isbn is None and records[0].doi is None
    assert sorted((w.line, w.field) for w in records.warnings) == [(3, "isbn"), (4, "doi")]


def test_undefined_macro_duplicate_key_and_field() -> None:
    text = "@book{a,\n  title = {x},\n  title = {y},\n  publisher = pp,\n}\n@book{a,\n  title = {z},\n}\n"
    records = citekit.read(text)
    assert [r.title for r in records] == ["x"]
    assert [str(w) for w in records.warnings] == [
        "line 3, entry 'a', field 'title': the field appears twice; the first value (line 2) is kept",
        "line 4, entry 'a', field 'publisher': undefined @string macro 'pp' read as empty",
        "line 6, entry 'a': a second entry with this key; it is left out (the first, at line 1, is kept)",
    ]


def test_missing_crossref_target() -> None:
    records = citekit.read("@incollection{c,\n  title = {x},\n  crossref = {nowhere},\n}\n")
    assert [str(w) for w in records.warnings] == [
        "line 3, entry 'c', field 'crossref': no entry with key 'nowhere' in this file; nothing inherited from it"
    ]


def test_not_utf8_names_the_line() -> None:
    with pytest.raises(ReadError, match=r"^line 2: not UTF-8"):
        citekit.read(io.BytesIO("@book{a,\n title={Caf\u00e9}}\n".encode("latin-1")), "bibtex")


def test_missing_file_and_unknown_format(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="no such file"):
        citekit.read(str(tmp_path / "nothere.bib"))
    with pytest.raises(citekit.OptionError, match="format"):
        citekit.read("@book{a, title={x}}", "endnote-xml")
    with pytest.raises(ReadError, match="cannot tell the format"):
        citekit.read("just some words\nover two lines")
