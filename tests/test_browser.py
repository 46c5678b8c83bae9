"""What a reader sees: whole bibliographies in a real browser (headless Chromium; skipped when none is installed).

The Farr chapter, the development corpus (``../shared/corpus/dev.json``, when present) and a record of hostile
data are laid out by :func:`citekit.format_bibliography_document` in the four profiles, on one HTML page.  A
script on the page measures what the browser drew (computed styles, the position of each line of text) and
writes it into the page; Chromium's ``--dump-dom`` hands that back.  The checks:

- book titles are italic (the computed ``font-style`` of Farr's book title and of every ``<i>``);
- entries of the profiles with a hanging indent start their first line left of their other lines, and entries
  of Harvard (no hanging indent) do not;
- no markup shows as text (no ``<i>``, ``&#38;``, ``<div``...), and the hostile record's ``<script>`` and
  ``<img>`` are text on the page, not elements.

A screenshot of the page is kept in ``test-artifacts/bibliographies.png`` (git-ignored) for a person to look at.
"""

from __future__ import annotations

import html
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import lxml.html
import pytest

from citekit import format_bibliography_document
from citekit.examples import FARR

PROFILES = ("apa", "harvard", "chicago", "chicago-author-date")
HANGING = {"apa": True, "harvard": False, "chicago": True, "chicago-author-date": True}
SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
HOSTILE: dict[str, Any] = {
    "id": "hostile",
    "type": "book",
    "title": f"Hostile {SCRIPT} {IMG}",
    "author": [{"family": SCRIPT, "given": "Eve"}],
    "publisher": IMG,
    "issued": {"date-parts": [[2020]]},
}

# Runs in the page once it is laid out; writes its findings as JSON into <pre id="results">.
MEASURE = """
const results = {};
for (const section of document.querySelectorAll("section")) {
  const entries = [];
  for (const entry of section.querySelectorAll(".csl-entry")) {
    const range = document.createRange();
    range.selectNodeContents(entry);
    const rects = [...range.getClientRects()].filter(r => r.width > 0);
    const top = Math.min(...rects.map(r => r.top));
    const first = Math.min(...rects.filter(r => r.top - top < 4).map(r => r.left));
    const later = rects.filter(r => r.top - top >= 4);
    entries.push({
      text: entry.innerText,
      lines: new Set(rects.map(r => Math.round(r.top))).size,
      first_left: first,
      other_left: later.length ? Math.min(...later.map(r => r.left)) : null,
    });
  }
  const italics = [...section.querySelectorAll(".csl-entry i")].map(
    el => ({text: el.textContent, style: getComputedStyle(el).fontStyle}));
  results[section.id] = {entries, italics, text: section.innerText,
    images: section.querySelectorAll("img").length, scripts: section.querySelectorAll("script").length};
}
results.scripts = document.querySelectorAll("script").length;
document.getElementById("results").textContent = JSON.stringify(results);
"""


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def _records(checkout: Path) -> list[Any]:
    corpus = checkout.parent / "shared" / "corpus" / "dev.json"
    records: list[Any] = json.loads(corpus.read_text(encoding="utf-8")) if corpus.is_file() else []
    return [FARR, HOSTILE, *records]


def _page(records: list[Any]) -> str:
    sections = [
        f'<section id="{profile}"><h2>{profile}</h2>\n'
        f"{format_bibliography_document(records, profile, output='html', links=True)}</section>"
        for profile in PROFILES
    ]
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>citekit bibliographies</title>'
        "<style>body { font-family: serif; max-width: 46em; margin: 2em auto; }</style></head><body>\n"
        + "\n".join(sections)
        + f'\n<pre id="results"></pre>\n<script>{MEASURE}</script>\n</body></html>\n'
    )


def _run(browser: str, profile_dir: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    flags = [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={profile_dir}",
    ]  # fmt: skip
    return subprocess.run([browser, *flags, *arguments], capture_output=True, text=True, timeout=120, check=True)


@pytest.fixture(scope="module")
def seen(checkout: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """What the page's script measured, per profile."""
    browser = _chromium()
    if browser is None:
        pytest.skip("no Chromium (apt-get install chromium)")
    work = tmp_path_factory.mktemp("browser")
    page = work / "bibliographies.html"
    page.write_text(_page(_records(checkout)), encoding="utf-8")
    dom = _run(browser, work / "profile", "--dump-dom", page.as_uri()).stdout
    results = lxml.html.document_fromstring(dom).get_element_by_id("results").text_content()
    artifacts = checkout / "test-artifacts"
    artifacts.mkdir(exist_ok=True)
    shutil.copy(page, artifacts / page.name)
    _run(browser, work / "profile", f"--screenshot={artifacts / 'bibliographies.png'}", "--window-size=1200,2400",
         "--hide-scrollbars", page.as_uri())  # fmt: skip
    measured: dict[str, Any] = json.loads(results)
    return measured


@pytest.mark.parametrize("profile", PROFILES)
def test_book_titles_are_italic(seen: dict[str, Any], profile: str) -> None:
    italics = seen[profile]["italics"]
    assert italics and all(item["style"] == "italic" for item in italics)
    book = [item for item in italics if item["text"].lower() == "critical perspectives on user involvement"]
    assert book, f"Farr's book title is not set in italics in {profile}"


@pytest.mark.parametrize("profile", PROFILES)
def test_entries_have_the_styles_indent(seen: dict[str, Any], profile: str) -> None:
    entries = [e for e in seen[profile]["entries"] if e["other_left"] is not None]
    assert entries, "no entry is long enough to wrap"
    for entry in entries:
        indent = entry["other_left"] - entry["first_left"]
        if HANGING[profile]:
            assert indent > 10, f"no hanging indent ({indent}px): {entry['text'][:80]}"
        else:
            assert abs(indent) < 1, f"unexpected indent ({indent}px): {entry['text'][:80]}"


@pytest.mark.parametrize("profile", PROFILES)
def test_no_markup_shows_and_data_makes_no_elements(seen: dict[str, Any], profile: str) -> None:
    section = seen[profile]
    text = section["text"]
    for raw in ("<i>", "</i>", "<b>", "<div", "<span", "&#38;", "&#60;", "&amp;", "&lt;"):
        assert raw not in text, f"{raw!r} shows on the page"
    # The hostile record's markup is text a reader sees (a style may recase it)...
    assert SCRIPT in text and IMG.casefold() in text.casefold()
    assert section["images"] == 0 and section["scripts"] == 0  # ...and made no element
    assert seen["scripts"] == 1  # the page's own
    assert html.unescape(text) == text or "&" not in text
