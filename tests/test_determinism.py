"""The same input gives the same bytes in any process: no dependence on hash order, the machine's locale, the
preferred file encoding or the time zone.

Two fresh interpreters render the corpus (bibliographies and citations, several styles and every output format) and
read it back from BibTeX; they differ in ``PYTHONHASHSEED`` (set and dict order of strings), ``LC_ALL`` with Python's
UTF-8 mode off (so the preferred encoding is ASCII in one and UTF-8 in the other) and ``TZ``.  Their outputs must be
byte-identical, and equal to a third's that runs in the test run's own environment.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

CHECKOUT = Path(__file__).resolve().parents[1]
CORPUS = CHECKOUT.parent / "shared" / "corpus" / "dev.json"
STYLES = ("apa", "harvard", "chicago", "chicago-author-date", "ieee", "din-1505-2", "nature-digest")

# Run in the subprocesses (and here): everything rendered, as one JSON document written as UTF-8 bytes.
SCRIPT = r"""
import json, sys
import citekit
from citekit.renderers import OUTPUT_FORMATS

corpus, styles = sys.argv[1], sys.argv[2].split(",")
items = json.load(open(corpus, encoding="utf-8"))
out = {}
for i, style in enumerate(styles):
    output = OUTPUT_FORMATS[i % len(OUTPUT_FORMATS)]  # each style in one format, every format in turn
    key = f"{style} {output}"
    out[key + " bibliography"] = citekit.format_bibliography(items, style, output=output)
    out[key + " citations"] = [citekit.format_citation(item, style, mode="citation", output=output) for item in items]
    out[key + " cluster"] = citekit.format_citation(items[:12], style, mode="citation", output=output)
bibtex = citekit.write(citekit.read(json.dumps(items), "csl-json"), "bibtex")
back = citekit.read(bibtex, "bibtex")
out["bibtex"] = bibtex
out["bibtex read back"] = citekit.write(back, "csl-json")
out["bibtex warnings"] = [str(w) for w in back.warnings]
sys.stdout.buffer.write(json.dumps(out, ensure_ascii=False, sort_keys=True).encode("utf-8"))
"""

ENVIRONMENTS = (
    {"PYTHONHASHSEED": "0", "LC_ALL": "C.UTF-8", "TZ": "UTC"},
    # The C locale with UTF-8 mode and locale coercion off: the preferred encoding is ASCII, so any file opened
    # without an explicit encoding would fail or differ here.
    {"PYTHONHASHSEED": "4242", "LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0",
     "TZ": "Pacific/Kiritimati"},
    None,  # the environment the tests run in
)  # fmt: skip


@pytest.mark.skipif(not CORPUS.is_file(), reason=f"no development corpus at {CORPUS} (../shared)")
def test_two_processes_with_different_hash_seeds_and_locales_give_the_same_bytes() -> None:
    runs = []
    for extra in ENVIRONMENTS:
        env = dict(os.environ)
        if extra is not None:
            env = {k: v for k, v in env.items() if not k.startswith(("PYTHON", "LC_", "LANG"))} | extra
        env["PYTHONPATH"] = str(CHECKOUT)
        runs.append(
            subprocess.Popen(
                [sys.executable, "-c", SCRIPT, str(CORPUS), ",".join(STYLES)],
                cwd=CHECKOUT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            )  # fmt: skip
        )
    outputs = []
    for process, extra in zip(runs, ENVIRONMENTS):
        stdout, stderr = process.communicate(timeout=300)
        assert process.returncode == 0, f"{extra}: {stderr.decode('utf-8', 'replace')[-3000:]}"
        outputs.append(stdout)
    first = outputs[0]
    assert len(first) > 100_000
    for extra, other in zip(ENVIRONMENTS[1:], outputs[1:]):
        if other != first:
            a, b = json.loads(first), json.loads(other)
            differing = [key for key in a if a[key] != b.get(key)]
            pytest.fail(f"with {extra or 'the inherited environment'}, the outputs differ in {differing[:10]}")
