"""The benchmark's measurements that run in other processes: citeproc-js through the oracle's render.js, cold
starts of fresh processes, and the peak memory of a large bibliography (``python benchmarks/_external.py memory``).
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED_ORACLE = ROOT.parent / "shared" / "tools" / "oracle"


# citeproc-js ----------------------------------------------------------------------------------------------------


def oracle_home() -> Path | None:
    """Where the citeproc-js runner is installed (``source shared/tools/oracle/setup.sh``), or None."""
    for candidate in (os.environ.get("ORACLE_HOME"), str(Path.home() / ".cache" / "citekit-oracle")):
        if candidate and (Path(candidate) / "render.js").is_file():
            if (Path(candidate) / "node_modules" / "citeproc").is_dir():
                return Path(candidate)
    return None


def js_unavailable_reason() -> str | None:
    if shutil.which(os.environ.get("NODE", "node")) is None:
        return "node is not installed"
    if oracle_home() is None:
        return f"the citeproc-js runner is not set up (run: source {SHARED_ORACLE}/setup.sh)"
    return None


@dataclass
class JsRun:
    """One render.js call: node's own phase timings (ms, wall, measured inside node) and the process's wall time."""

    timing_ms: dict[str, float]
    wall_ms: float
    entries: int
    version: str


def run_citeproc_js(
    style_path: Path, items: Sequence[dict[str, Any]], *, lang: str | None, citations: list[Any] | None = None
) -> JsRun:
    """All items in one call: one citation cluster per item in item order (notes for note styles), then the
    bibliography, as render.js does by default."""
    home = oracle_home()
    assert home is not None
    from citeproc import __file__ as citeproc_init  # locales citeproc-js reads: the ones citeproc-py ships

    request: dict[str, Any] = {
        "style": str(style_path),
        "locales_dir": str(Path(citeproc_init).parent / "data" / "locales"),
        "format": "text",
        "items": list(items),
    }
    if citations is not None:
        request["citations"] = citations
    if lang:
        request["lang"] = lang
    start = time.perf_counter()
    proc = subprocess.run(
        [os.environ.get("NODE", "node"), str(home / "render.js")],
        input=json.dumps(request), capture_output=True, text=True, encoding="utf-8", check=False,
    )  # fmt: skip
    wall_ms = (time.perf_counter() - start) * 1000
    if proc.returncode != 0:
        raise RuntimeError(f"render.js failed: {proc.stderr.strip()[-2000:]}")
    out = json.loads(proc.stdout)
    return JsRun(out["timing_ms"], wall_ms, len(out["bibliography"]), out["engine"]["citeproc_npm"])


# cold starts ----------------------------------------------------------------------------------------------------

CITEKIT_COLD = "import citekit, citekit.examples; citekit.format_citation(citekit.examples.FARR, 'apa')"

CITEPROC_PY_COLD = """\
import json
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
item = json.loads({item!r})
style = CitationStylesStyle({style!r}, locale="en-US", validate=False)
bibliography = CitationStylesBibliography(style, CiteProcJSON([item]), formatter.plain)
bibliography.register(Citation([CitationItem(item["id"])]))
str(bibliography.bibliography()[0])
"""


def farr_item() -> dict[str, Any]:
    """The Farr chapter as CSL-JSON (what citekit.examples.FARR gives), for the engines that take CSL-JSON."""
    from citekit.examples import FARR

    item = {k: v for k, v in FARR.to_csl().items() if ":" not in k}
    item["id"] = str(item["id"])
    return item


@dataclass
class Cold:
    label: str
    runs_ms: list[float]

    @property
    def median(self) -> float:
        return statistics.median(self.runs_ms)


def cold_start(
    label: str, argv: list[str], runs: int, stdin: str | None = None, env: dict[str, str] | None = None
) -> Cold:
    """Wall time of a fresh process, ``runs`` times after one discarded run (which fills the OS file cache and
    writes the .pyc files, as any second use of an installed package finds them).

    PYTHONDONTWRITEBYTECODE is dropped for these processes: with it set (some shells and CI images set it), a module
    edited since its .pyc was written is compiled from source in every run, which no installed copy does."""
    env = {**{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}, **(env or {})}
    times: list[float] = []
    for attempt in range(runs + 1):
        start = time.perf_counter()
        proc = subprocess.run(argv, input=stdin, capture_output=True, text=True, cwd=ROOT, check=False, env=env)
        elapsed = (time.perf_counter() - start) * 1000
        if proc.returncode != 0:
            raise RuntimeError(f"{label}: exit {proc.returncode}: {proc.stderr.strip()[-2000:]}")
        if attempt:
            times.append(elapsed)
    return Cold(label, times)


def cold_starts(runs: int, *, citeproc_py: bool, js: bool, style_path: Path) -> list[Cold]:
    """The interpreter alone, then citekit without and with its disk cache of parsed styles, then the others."""
    python = sys.executable
    results = [cold_start("python -c pass (interpreter floor)", [python, "-c", "pass"], runs)]
    # Without the disk cache every run parses apa.csl and its locale; with it, the discarded run writes the entries
    # (to a folder of the benchmark's own, not the user's) and the timed runs read them.
    argv = [python, "-c", CITEKIT_COLD]
    results.append(cold_start("citekit: import + format Farr, APA, no disk cache", argv, runs,
                              env={"CITEKIT_NO_CACHE": "1"}))  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="citekit-bench-cache-") as folder:
        results.append(cold_start("citekit: the same, warm disk cache", argv, runs,
                                  env={"CITEKIT_NO_CACHE": "0", "CITEKIT_CACHE_DIR": folder}))  # fmt: skip
    item = farr_item()
    if citeproc_py:
        code = CITEPROC_PY_COLD.format(item=json.dumps(item), style=str(style_path))
        results.append(cold_start("citeproc-py: import + format Farr, APA", [python, "-c", code], runs))
    if js:
        home = oracle_home()
        assert home is not None
        from citeproc import __file__ as citeproc_init

        request = {
            "style": str(style_path),
            "locales_dir": str(Path(citeproc_init).parent / "data" / "locales"),
            "format": "text",
            "items": [item],
            "lang": "en-US",
        }
        argv = [os.environ.get("NODE", "node"), str(home / "render.js")]
        results.append(cold_start("citeproc-js: node render.js, Farr, APA", argv, runs, stdin=json.dumps(request)))
    return results


# peak memory ----------------------------------------------------------------------------------------------------


@dataclass
class Memory:
    records: int
    entries: int
    seconds: float
    rss_before_mib: float  # ru_maxrss after importing citekit and generating the records, before formatting
    rss_peak_mib: float  # ru_maxrss at the end: the process's peak resident set size


def peak_memory(records: int, seed: int, style: str) -> Memory:
    """A fresh process formats ``records`` generated records with citekit.format_bibliography; its peak RSS is
    read with resource.getrusage(RUSAGE_SELF).ru_maxrss (KiB on Linux)."""
    argv = [sys.executable, str(Path(__file__)), "memory", str(records), str(seed), style]
    proc = subprocess.run(argv, capture_output=True, text=True, cwd=ROOT, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"memory run failed: {proc.stderr.strip()[-2000:]}")
    return Memory(**json.loads(proc.stdout.strip().splitlines()[-1]))


def _maxrss_mib() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024  # bytes on macOS, KiB on Linux


def _memory_child(records: int, seed: int, style: str) -> None:
    sys.path.insert(0, str(ROOT))
    import citekit
    from benchmarks._records import generate

    items = generate(records, seed)
    citekit.format_bibliography(items[:5], style)  # style parsed, locale merged: what every later call reuses
    before = _maxrss_mib()
    start = time.perf_counter()
    entries = citekit.format_bibliography(items, style)
    seconds = time.perf_counter() - start
    result = Memory(records, len(entries), seconds, before, _maxrss_mib())
    print(json.dumps(result.__dict__))


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "memory":
        _memory_child(int(sys.argv[2]), int(sys.argv[3]), sys.argv[4])
    else:
        sys.exit("usage: _external.py memory RECORDS SEED STYLE")
