"""``citekit format``: the same bibliography and citations as the Python API, in every output, from every input."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import citekit
from citekit.__main__ import main
from citekit.api import OUTPUTS
from citekit.renderers import OUTPUT_FORMATS

DATA = Path(__file__).parent / "data" / "cli"
BIB = DATA / "refs.bib"
RIS = DATA / "refs.ris"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_the_output_choices_come_from_the_library(capsys: pytest.CaptureFixture[str]) -> None:
    assert OUTPUTS == OUTPUT_FORMATS
    with pytest.raises(SystemExit):
        main(["format", "--help"])
    assert "{" + ",".join(OUTPUT_FORMATS) + "}" in capsys.readouterr().out


@pytest.mark.parametrize("output", OUTPUT_FORMATS)
def test_bibliography_is_the_apis_document(output: str, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = _run(capsys, "format", str(BIB), "--style", "harvard", "--output", output)
    assert status == 0 and err == ""
    expected = citekit.format_bibliography_document(citekit.read(BIB), "harvard", output=output)
    assert out == expected


def test_text_bibliography_has_the_apis_entries(capsys: pytest.CaptureFixture[str]) -> None:
    for style in ("apa", "chicago"):  # one entry a line in APA, a blank line between entries in Chicago
        status, out, _ = _run(capsys, "format", str(BIB), "--style", style)
        assert status == 0
        assert [line for line in out.splitlines() if line] == citekit.format_bibliography(citekit.read(BIB), style)


def test_several_files_make_one_bibliography(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "format", str(BIB), str(RIS), "--style", "apa")
    assert status == 0
    records = [*citekit.read(BIB), *citekit.read(RIS)]
    assert out.splitlines() == citekit.format_bibliography(records, "apa")
    # The RIS file has two of the BibTeX file's works again: the style tells the copies apart, as the API does.
    assert "Farr, M. (2011a)" in out and "Farr, M. (2011b)" in out


def test_options_reach_the_api(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["format", str(BIB), "--style", "chicago-author-date", "--locale", "en-GB", "--casing", "as-is"]
    status, out, _ = _run(capsys, *argv, "--output", "html", "--links")
    assert status == 0
    expected = citekit.format_bibliography_document(
        citekit.read(BIB), "chicago-author-date", output="html", locale="en-GB", casing="as-is", links=True
    )
    assert out == expected and '<a href="https://doi.org/' in out


def test_citations_are_numbered_as_in_one_document(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "format", str(BIB), "--style", "ieee", "--mode", "citation")
    assert status == 0 and out == "[1]\n[2]\n[3]\n[4]\n"
    status, out, _ = _run(capsys, "format", str(BIB), "--style", "apa", "--mode", "citation")
    assert out.splitlines() == ["(Farr, 2011)", "(Arnstein, 1969)", "(Beresford & Carr, 2012)", "(NHS England, 2023)"]


def test_citations_match_the_document_api(capsys: pytest.CaptureFixture[str]) -> None:
    records = citekit.read(BIB)
    document = citekit.Document(records, "chicago")
    for record in records:
        document.cite(record.id)
    status, out, _ = _run(capsys, "format", str(BIB), "--style", "chicago", "--mode", "citation")
    assert status == 0 and out.splitlines() == document.citations()
    assert out.startswith("Michelle Farr, “Collaboration in Public Services")


def test_the_same_id_twice_is_two_works_in_citations(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "format", str(BIB), str(RIS), "--mode", "citation")
    assert status == 0
    assert out.splitlines()[0] == "(Farr, 2011a)" and out.splitlines()[4] == "(Farr, 2011b)"


def test_narrative_citations(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "format", str(BIB), "--mode", "narrative")
    assert status == 0
    expected = [citekit.format_citation(r, "apa", mode="narrative") for r in citekit.read(BIB)]
    assert out.splitlines() == expected and expected[0] == "Farr (2011)"
    status, _, err = _run(capsys, "format", str(BIB), "--mode", "narrative", "--style", "chicago")
    assert status == 1 and err.startswith("citekit: error: mode:")


def test_output_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "refs.tex"
    status, out, err = _run(capsys, "format", str(BIB), "--output", "latex", "-o", str(target))
    assert status == 0 and out == "" and err == ""
    expected = citekit.format_bibliography_document(citekit.read(BIB), "apa", output="latex")
    assert target.read_text(encoding="utf-8") == expected


def test_unwritable_output_paths(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a_file = tmp_path / "a-file"
    a_file.write_text("", encoding="utf-8")
    missing = tmp_path / "missing" / "out.txt"
    for target, message in [
        (missing, f"no such folder: {missing.parent}"),
        (a_file / "out.txt", f"not a folder: {a_file}"),
        (tmp_path, "it is a folder"),
    ]:
        status, out, err = _run(capsys, "format", str(BIB), "-o", str(target))
        assert status == 1 and out == ""
        assert err == f"citekit: error: cannot write {target}: {message}\n"


def test_a_write_that_fails_late_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """/dev/full (Linux) accepts the open and fails the write: the OSError becomes one line, status 1."""
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    status, _, err = _run(capsys, "format", str(BIB), "-o", "/dev/full")
    assert status == 1 and err.startswith("citekit: error: cannot write /dev/full: No space left on device")


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_standard_input(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    _stdin(monkeypatch, RIS.read_bytes())
    status, out, _ = _run(capsys, "format", "-", "--style", "harvard")
    assert status == 0
    assert out == citekit.format_bibliography_document(citekit.read(RIS), "harvard", output="text")


def test_standard_input_with_a_named_format(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    item = {"id": "x", "type": "book", "title": "Only a title", "issued": {"date-parts": [[2001]]}}
    _stdin(monkeypatch, json.dumps(item).encode())
    status, out, _ = _run(capsys, "format", "-", "--from", "csl-json")
    assert status == 0 and out == "Only a title. (2001).\n"


def test_standard_input_twice_or_unreadable(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    _stdin(monkeypatch, b"this is not a bibliography\n")
    status, _, err = _run(capsys, "format", "-")
    assert status == 1
    assert err == (
        "citekit: error: <stdin>, line 1: cannot tell the format (not CSL-JSON, CSL-YAML, BibTeX, RIS, Crossref "
        "or DataCite JSON); name it with --from FORMAT\n"
    )
    status, _, err = _run(capsys, "format", "-", "-")
    assert status == 2 and "only once" in err


def test_reading_warnings_go_to_standard_error(capsys: pytest.CaptureFixture[str]) -> None:
    problems = str(DATA / "problems.bib")
    status, out, err = _run(capsys, "format", problems)
    assert status == 0 and "Smith, J. (2020)" in out
    assert f"citekit: warning: {problems}, line 6, entry 'smith2020', field 'doi': not a DOI" in err
    assert len(err.splitlines()) == 3
    status, out, err = _run(capsys, "format", problems, "--quiet")
    assert status == 0 and err == ""


def test_a_style_without_a_bibliography(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    style = tmp_path / "citations-only.csl"
    style.write_text(
        '<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">'
        "<info><title>Citations only</title><id>citations-only</id></info>"
        '<citation><layout><text variable="title"/></layout></citation></style>',
        encoding="utf-8",
    )
    status, out, err = _run(capsys, "format", str(BIB), "--style", str(style))
    assert status == 0 and out == ""
    assert "makes no bibliography; '--mode citation' gives its citations" in err
    status, out, _ = _run(capsys, "format", str(BIB), "--style", str(style), "--mode", "citation")
    assert status == 0 and out.splitlines()[1] == "A Ladder of Citizen Participation"


def test_every_input_format_and_profile(capsys: pytest.CaptureFixture[str]) -> None:
    """BibTeX and RIS in every profile, in process (the installed console script: test_cli_installed.py)."""
    from citekit.styles import profile_names

    for path in (BIB, RIS):
        for style in profile_names():
            status, out, _ = _run(capsys, "format", str(path), "--style", style)
            assert status == 0
            assert [line for line in out.splitlines() if line] == citekit.format_bibliography(
                citekit.read(path), style
            ), (path.name, style)


def test_bibtex_from_python_dash_m(checkout: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "citekit", "format", str(BIB), "--style", "vancouver"],
        capture_output=True, text=True, cwd=checkout,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("1. Farr M. Collaboration in public services")
