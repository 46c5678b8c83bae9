"""``citekit styles``: the profiles, the official styles, and searching them."""

from __future__ import annotations

import pytest

from citekit.__main__ import main
from citekit.styles import load_profiles, official_style_ids, search_styles


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def _rows(text: str) -> list[list[str]]:
    return [line.split(None, 3) for line in text.splitlines() if line and not line.endswith(":")]


def test_profiles_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = _run(capsys, "styles")
    assert status == 0 and err == ""
    table, rest = out.split("\n\n")
    rows = _rows(table)
    assert rows[0] == ["ID", "CLASS", "LOCALE", "TITLE"]
    assert [row[0] for row in rows[1:]] == list(load_profiles())
    harvard = next(row for row in rows if row[0] == "harvard")
    assert harvard[1:] == ["in-text", "en-GB", "Cite Them Right 12th edition (author-date/Harvard) (runs "
                           "harvard-cite-them-right)"]  # fmt: skip
    assert next(row for row in rows if row[0] == "chicago")[1] == "note"
    assert f"{len(official_style_ids()):,} official CSL styles" in rest


def test_search(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "styles", "cite", "them", "right")
    assert status == 0
    profiles, official = out.split("\n\n")
    assert [row[0] for row in _rows(profiles)] == ["ID", "harvard"]
    found = search_styles("cite them right")
    assert f"Official styles matching 'cite them right' ({len(found)}):" in official
    assert [row[0] for row in _rows(official)[1:]] == [info.id for info in found]
    assert "[profile harvard]" in official.splitlines()[2]


def test_search_without_a_profile(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "styles", "council of science editors")
    assert status == 0 and out.startswith("Official styles matching")


def test_no_match(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = _run(capsys, "styles", "zzzz-no-such-style")
    assert (status, out) == (1, "") and err == "No style matches 'zzzz-no-such-style'.\n"


def test_all(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "styles", "--all")
    assert status == 0
    lines = out.splitlines()
    assert len(lines) == len(official_style_ids()) + 1
    assert lines[1].split()[0] == official_style_ids()[0]
    status, _, err = _run(capsys, "styles", "--all", "apa")
    assert status == 2 and "either a QUERY or --all" in err
