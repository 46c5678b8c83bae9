"""A seeded sample of the official styles renders the development corpus without a single exception.

The full run (every one of the ~10,800 official styles) is ``benchmarks/every_style.py``, recorded in
docs/robustness.md; this is the same code on 200 styles (150 in text, 50 more in HTML), under 10 s on two cores.
The sample changes with ``CITEKIT_STYLE_SEED`` (default 2011), so a failure can be replayed with the same seed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

CHECKOUT = Path(__file__).resolve().parents[1]
SHARED = CHECKOUT.parent / "shared"
CORPUS = SHARED / "corpus" / "dev.json"
SEED = int(os.environ.get("CITEKIT_STYLE_SEED", "2011"))

# The benchmark is a script, not a package: import it from its folder (and let spawned workers find it too).
sys.path.insert(0, str(CHECKOUT / "benchmarks"))
import every_style  # noqa: E402

pytestmark = pytest.mark.skipif(not CORPUS.is_file(), reason=f"no development corpus at {CORPUS} (../shared)")


def _report(results: list[every_style.StyleResult]) -> str:
    failures = [f for r in results for f in r.failures]
    return "\n\n".join(f"{f.style}: {f.where}: {f.error}\n{f.traceback}" for f in failures[:20])


def test_sampled_official_styles_render_the_corpus_without_exceptions() -> None:
    styles = every_style.choose_styles(200, SEED)
    assert len(set(styles)) == 200
    text = every_style.run(styles[:150], CORPUS, ("text",), jobs=2, timeout=120)
    html = every_style.run(styles[150:], CORPUS, ("html",), jobs=2, timeout=120)
    results = text + html
    summary = every_style.summary(results)
    assert summary["exceptions"] == 0, f"seed {SEED}:\n" + _report(results)
    # Every record gives a citation in every style, and the bibliography has an entry per record (or none at all,
    # for the styles that have no bibliography), so the count is exact up to those.
    assert summary["strings"] >= 200 * 60


def test_the_sample_includes_dependent_styles_and_profiles() -> None:
    """The draw is spread over the catalog: dependent styles (run in their own locale) are most of it."""
    from citekit.styles.catalog import official_style_file

    styles = every_style.choose_styles(200, SEED)
    dependent = [s for s in styles if (official_style_file(s) or (None, False))[1]]
    assert 100 < len(dependent) < 200


def test_a_failing_style_is_reported_not_raised(tmp_path: Path) -> None:
    """The harness itself: an exception becomes a failure with its place and traceback, and the run goes on."""
    records = every_style.load_records(CORPUS)[:3]
    result = every_style.render_style("no-such-style-anywhere", records)
    assert result.strings == 0
    assert {f.error.split(":")[0] for f in result.failures} == {"StyleNotFoundError"}
    assert result.failures[0].where == f"text citation {records[0].id}"
    assert "StyleNotFoundError" in result.failures[0].traceback
