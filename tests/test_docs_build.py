"""The documentation builds strictly (every Sphinx warning an error), and its generated parts say what they must.

CI runs this like any other test: ``sphinx-build -W --keep-going`` on ``docs/`` into a temporary folder (about ten
seconds).  Sphinx and MyST come with the ``test`` extra (and the ``docs`` extra, for building the site alone).
"""

from __future__ import annotations

import html
import re
import subprocess
import sys
from pathlib import Path

import pytest

from expected_failures import SHARED_DIR, ExpectedFailures

pytest.importorskip("sphinx", reason="Sphinx comes with the test extras")
pytest.importorskip("myst_parser", reason="MyST comes with the test extras")

CHECKOUT = Path(__file__).resolve().parents[1]
SUITE = SHARED_DIR / "csl-test-suite" / "processor-tests" / "humans"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("docs")
    done = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-E", "-q", "-b", "html",
         "-d", str(out / "doctrees"), str(CHECKOUT / "docs"), str(out / "html")],
        capture_output=True, text=True, cwd=CHECKOUT,
    )  # fmt: skip
    assert done.returncode == 0, "the docs do not build strictly:\n" + done.stdout + done.stderr
    assert done.stderr == "", done.stderr
    return out / "html"


def _text(page: Path) -> str:
    """A built page as plain text, one space for any run of whitespace."""
    raw = re.sub(r"<[^>]+>", " ", page.read_text(encoding="utf-8"))
    return re.sub(r"\s+", " ", html.unescape(raw))


def test_every_page_is_built(site: Path) -> None:
    sources = {p.stem for p in (CHECKOUT / "docs").glob("*.md")}
    built = {p.stem for p in site.glob("*.html")}
    assert sources <= built


def test_conformance_lists_every_expected_failure(site: Path) -> None:
    text = _text(site / "conformance.html")
    failures = ExpectedFailures.load(CHECKOUT / "tests" / "csl_suite_expected_failures.txt")
    for key, reason in failures.reasons.items():
        assert f" {key} {reason} " in text, key
    if SUITE.is_dir():
        total = len(list(SUITE.glob("*.txt")))
        passed = total - len(failures)
        assert f"{passed} of {total} fixtures pass ({100 * passed / total:.1f}%)" in text
    else:
        assert f"{len(failures)} fixtures are expected to fail" in text


def test_generated_tables_and_help(site: Path) -> None:
    from citekit.cli.check import NEEDS
    from citekit.styles import profile_names

    cli = _text(site / "cli.html")
    assert "usage: citekit format [-h]" in cli and "--output-file OUT" in cli
    for kind in NEEDS:
        assert kind in cli
    styles = _text(site / "styles.html")
    for name in profile_names():
        assert f" {name} " in styles
    records = _text(site / "records.html")
    assert "container_title container-title" in records and "isbn_electronic citekit:isbn-electronic" in records


def test_api_reference_has_the_public_api(site: Path) -> None:
    import citekit

    api = (site / "api.html").read_text(encoding="utf-8")
    # autodoc gives each documented object an anchor named by its full name.
    missing = {name for name in citekit.__all__ if f'id="citekit.{name}"' not in api} - {"__version__"}
    assert not missing, f"not in docs/api.md: {sorted(missing)}"
