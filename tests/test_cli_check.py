"""``citekit check``: problems entry by entry, and exit status 1 when there are any."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from citekit import BookChapter, JournalArticle, WebPage
from citekit.__main__ import main
from citekit.cli.check import NEEDS, STYLE_NEEDS, missing_fields, style_variables
from citekit.styles import official_style_ids, resolve_style

DATA = Path(__file__).parent / "data" / "cli"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_a_clean_file(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = _run(capsys, "check", str(DATA / "refs.bib"))
    assert (status, out, err) == (0, "Checked 4 entries in 1 file for apa: no problems.\n", "")


def test_problems_entry_by_entry(capsys: pytest.CaptureFixture[str]) -> None:
    path = str(DATA / "problems.bib")
    status, out, err = _run(capsys, "check", path)
    assert status == 1 and err == ""
    assert out == (
        f"{path}, line 2, entry 'smith2020' (article-journal):\n"
        "  line 6, field 'doi': not a DOI: a DOI starts with '10.', then the registrant, then '/' "
        "(got '11.1234/not-a-doi'); left out of the record\n"
        "  missing what apa needs for this type: container-title\n"
        f"{path}, line 9, entry 'jones2019' (chapter):\n"
        "  line 13, field 'isbn': '978-0-00-000000-1' is not an ISBN: its check digit is wrong "
        "(got '978-0-00-000000-1'); left out of the record\n"
        "  missing what apa needs for this type: author or editor, publisher\n"
        f"{path}, line 16, entry 'odd2001' (document):\n"
        "  unknown entry type @gadget; read as CSL type 'document', the nearest by its fields\n"
        "\n"
        "Checked 4 entries in 1 file for apa: 5 problems in 3 entries.\n"
    )


def test_the_style_decides_what_is_needed(capsys: pytest.CaptureFixture[str]) -> None:
    """Cite Them Right needs the place of publication and the date a web page was seen; APA needs neither."""
    ris = str(DATA / "refs.ris")
    status, out, _ = _run(capsys, "check", ris, "--style", "harvard")
    assert status == 0, out
    chapter = BookChapter(title="A chapter", author=["Farr, Michelle"], container_title="A book", issued=2011,
                          publisher="Policy Press")  # fmt: skip
    page = WebPage(title="A page", url="https://example.org/")
    harvard = resolve_style("harvard")
    apa = resolve_style("apa")
    assert missing_fields(chapter, harvard.style_id, style_variables(harvard.path)) == ["publisher-place"]
    assert missing_fields(chapter, apa.style_id, style_variables(apa.path)) == []
    assert missing_fields(page, harvard.style_id, style_variables(harvard.path)) == ["accessed"]
    article = JournalArticle(title="An article", author=["Smith, Jane"], container_title="J", issued=2020)
    ieee = resolve_style("ieee")
    assert missing_fields(article, ieee.style_id, style_variables(ieee.path)) == ["volume", "page or number or DOI"]


def test_a_need_the_style_never_prints_is_dropped() -> None:
    """A field the style's CSL file never mentions cannot be missing from its output."""
    chapter = BookChapter(title="A chapter")
    everything = frozenset({"author", "editor", "title", "container-title", "issued", "publisher"})
    assert missing_fields(chapter, "x", everything) == ["author or editor", "container-title", "issued", "publisher"]
    assert missing_fields(chapter, "x", everything - {"publisher", "editor"}) == ["author", "container-title", "issued"]


def test_the_rules_name_real_types_variables_and_styles() -> None:
    from citekit.records.vocabulary import CSL_TYPES

    assert set(NEEDS) <= CSL_TYPES
    assert set(STYLE_NEEDS) <= set(official_style_ids())
    for style_id, needs in STYLE_NEEDS.items():
        assert set(needs) <= CSL_TYPES
        used = style_variables(resolve_style(style_id).path)
        for alternatives in needs.values():
            for need in alternatives:
                assert set(need) & used, (style_id, need)  # a rule for a style must be about what it prints


def test_unreadable_and_missing_files(capsys: pytest.CaptureFixture[str]) -> None:
    broken, missing = str(DATA / "broken.bib"), str(DATA / "missing.bib")
    status, out, _ = _run(capsys, "check", broken, missing, str(DATA / "refs.bib"))
    assert status == 1
    assert out == (
        f"{broken}:\n"
        "  cannot be read: line 9, entry 'broken', field 'title': the '{' that opens this value is never closed "
        "before the end of the file\n"
        f"{missing}:\n"
        f"  cannot be read: cannot read {missing}: No such file or directory\n"
        "\n"
        "Checked 4 entries in 3 files for apa: 2 problems.\n"
    )


def test_ids_in_two_files(capsys: pytest.CaptureFixture[str]) -> None:
    bib, ris = str(DATA / "refs.bib"), str(DATA / "refs.ris")
    status, out, _ = _run(capsys, "check", bib, ris)
    assert status == 1
    assert f"{ris}, line 1, entry 'farr2011' (chapter):\n  id 'farr2011' is also used in {bib}\n" in out
    assert out.endswith("Checked 6 entries in 2 files for apa: 2 problems in 2 entries.\n")


def test_ris_warnings_belong_to_their_record(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """RIS warnings carry a line but no key: they go under the record whose lines hold them."""
    ris = (
        "TY  - BOOK\nAU  - Doe, John\nTI  - Fine\nPY  - 2001\nPB  - Press\nER  - \n\n"
        "TY  - JOUR\nAU  - Roe, Jane\nTI  - Not fine\nJO  - Journal\nPY  - 2002\nDO  - nodoi\nER  - \n"
    )
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ris.encode()), encoding="utf-8"))
    status, out, _ = _run(capsys, "check", "-")
    assert status == 1
    heading, problem = out.splitlines()[:2]
    assert heading.startswith("<stdin>, line 8, entry ") and heading.endswith(" (article-journal):")
    assert problem.startswith("  line 13, field 'DO': not a DOI")


def test_unknown_style(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = _run(capsys, "check", str(DATA / "refs.bib"), "--style", "nonesuch-style")
    assert status == 1 and out == ""
    assert err.startswith("citekit: error: no citation style named 'nonesuch-style'")


def test_csl_json_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "refs.json"
    path.write_text(
        '[\n  {"id": "a", "type": "book", "title": "A", "author": [{"family": "A"}], "issued": {"date-parts": '
        '[[2000]]}, "publisher": "P"},\n  {"id": "b", "type": "bogus", "title": "B"}\n]\n',
        encoding="utf-8",
    )
    status, out, _ = _run(capsys, "check", str(path))
    assert status == 1
    assert out.splitlines()[:2] == [
        f"{path}, line 3, entry 'b' (document):",
        "  field 'type': 'bogus' is not a CSL item type; read as 'document'",
    ]
