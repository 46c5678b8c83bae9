"""The title table: real titles and hard cases with the forms APA, Cite Them Right and Chicago want.

``tests/data/casing_titles.json`` holds each title with its three forms, written by hand from the manuals (its
``about`` says how).  Each form is checked on its own, so a failure names the title and the manual.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Final

import pytest

from citekit.casing import sentence_case, title_case

TABLE: Final = Path(__file__).parent / "data" / "casing_titles.json"


def _rows() -> list[dict[str, Any]]:
    data: dict[str, Any] = json.loads(TABLE.read_text(encoding="utf-8"))
    rows: list[dict[str, Any]] = data["titles"]
    return rows


ROWS: Final = _rows()


def test_the_table_is_large_and_has_corpus_and_own_titles() -> None:
    assert len(ROWS) >= 80
    sources = {row["source"].split(",")[0].split(":")[0] for row in ROWS}
    assert {"corpus", "own"} <= sources
    assert len({row["title"] for row in ROWS}) == len(ROWS), "a title is listed twice"


@pytest.mark.parametrize("row", ROWS, ids=[row["title"][:60] for row in ROWS])
def test_apa(row: dict[str, Any]) -> None:
    assert sentence_case(row["title"]) == row["apa"]


@pytest.mark.parametrize("row", ROWS, ids=[row["title"][:60] for row in ROWS])
def test_cite_them_right(row: dict[str, Any]) -> None:
    assert sentence_case(row["title"], capitalize_subtitles=False) == row["harvard"]


@pytest.mark.parametrize("row", ROWS, ids=[row["title"][:60] for row in ROWS])
def test_chicago(row: dict[str, Any]) -> None:
    assert title_case(row["title"]) == row["chicago"]


@pytest.mark.parametrize("row", ROWS, ids=[row["title"][:60] for row in ROWS])
def test_each_form_is_stable(row: dict[str, Any]) -> None:
    # Casing a title that is already in the wanted form changes nothing.
    assert sentence_case(row["apa"]) == row["apa"]
    assert sentence_case(row["harvard"], capitalize_subtitles=False) == row["harvard"]
    assert title_case(row["chicago"]) == row["chicago"]
