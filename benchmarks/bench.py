"""How fast citekit formats, next to citeproc-py and citeproc-js on the same records and styles, in one run.

    .venv/bin/python benchmarks/bench.py [--records N] [--seed S] [--style apa --style chicago]
                                         [--skip-js] [--skip-citeproc-py] [--skip-cold] [--skip-memory]

What it measures, for each style (default: APA and Chicago notes-bibliography) on ``--records`` generated records
(benchmarks/_records.py, seeded):

- **bibliography**: ms per entry of one bibliography of all the records; **citations**: ms per citation of one
  document citing each record once, in order (one cluster per record; a note per cluster for note styles);
  **isolated**: ms per call of ``citekit.format_citation`` on single records (the first ``--isolated`` records).
- citekit through its API (``citekit.format_bibliography``: record validation and the profile's title casing
  included) and through ``citekit.csl.Processor`` on the CSL-JSON as it is; citeproc-py through citekit's
  ``engine="citeproc-py"`` (same API path) and raw on the same CSL-JSON; citeproc-js through the oracle's render.js,
  one node process per style and run, with node's own timing of each phase (its engine start is reported apart).
- Warm: every in-process figure is the median of ``--repeat`` runs after one warm-up run (style parsed and locale
  merged before timing); wall time (perf_counter) and CPU time of this process (process_time) are both given, as
  the CPU figure is the steadier one on a loaded machine.  Ratios divide the baseline's median by citekit's.
- Calibration: before each run a fixed pure-Python loop is timed, and each style's table gives its median per row;
  the project machine has slow phases (every process about 1.5x slower), and a row whose loop is clearly slower
  than the others' was measured in one: run again rather than compare it.
- Cold: wall time of a fresh process that imports and formats the Farr chapter in APA (median of ``--cold-runs``).
- Memory: peak RSS (``resource.getrusage(RUSAGE_SELF).ru_maxrss``) of a fresh process formatting a
  ``--memory-records`` APA bibliography with ``citekit.format_bibliography``.
"""

from __future__ import annotations

import argparse
import datetime
import gc
import os
import platform
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import citekit  # noqa: E402
from benchmarks import _external  # noqa: E402
from benchmarks._records import generate  # noqa: E402
from citekit.csl import Cite, Cluster, Processor  # noqa: E402
from citekit.styles import ResolvedStyle, resolve_style  # noqa: E402

BUDGET = {  # issue #5, on the 2-core machine: ms per warm bibliography entry
    "apa": 0.25,
    "chicago": 0.5,
}
BUDGET_RATIO = 40.0  # citeproc-py / citekit, warm APA bibliography
BUDGET_COLD_MS = 150.0
BUDGET_MEMORY_MIB = 200.0


# timing -----------------------------------------------------------------------------------------------------------


@dataclass
class Timing:
    """Medians over runs of one measured call, per unit (entry, citation or call), in ms; and the median time of
    the calibration loop run before each of those runs."""

    wall: float
    cpu: float
    runs: int
    loop: float = 0.0

    def __str__(self) -> str:
        return f"{self.wall:8.3f} {self.cpu:8.3f}"


def calibration_loop() -> float:
    """ms for a fixed piece of pure Python: the project machine has phases in which every process runs about 1.5x
    slower, and a row whose loop took clearly longer than the others' was measured in one."""
    start = time.perf_counter()
    sum(range(2_000_000))
    return (time.perf_counter() - start) * 1000


def measure(call: Callable[[], object], units: int, repeat: int, warmup: bool = True) -> Timing:
    if warmup:
        call()
    walls: list[float] = []
    cpus: list[float] = []
    loops: list[float] = []
    for _ in range(repeat):
        gc.collect()
        loops.append(calibration_loop())
        wall, cpu = time.perf_counter(), time.process_time()
        call()
        cpus.append(time.process_time() - cpu)
        walls.append(time.perf_counter() - wall)
    ms = 1000 / units
    return Timing(statistics.median(walls) * ms, statistics.median(cpus) * ms, repeat, statistics.median(loops))


@dataclass
class Row:
    engine: str
    how: str
    bibliography: Timing | None = None
    citations: Timing | None = None
    isolated: Timing | None = None
    notes: list[str] = field(default_factory=list)


def _cell(timing: Timing | None) -> str:
    return f"{timing}" if timing is not None else f"{'—':>8} {'':>8}"


def _js_cell(ms: float | None) -> str:
    return f"{ms:8.3f} {'':>8}" if ms is not None else f"{'—':>8} {'':>8}"


# the engines ------------------------------------------------------------------------------------------------------


def clusters_for(items: Sequence[dict[str, Any]], note_style: bool) -> list[Cluster]:
    return [Cluster(cites=(Cite(item["id"]),), note_index=i + 1 if note_style else None) for i, item in enumerate(items)]


def bench_citekit(
    name: str, resolved: ResolvedStyle, items: list[dict[str, Any]], repeat: int, isolated: int, seed: int
) -> list[Row]:
    n = len(items)
    api = Row("citekit", "format_bibliography (API)")
    api.bibliography = measure(lambda: citekit.format_bibliography(items, name), n, repeat)
    # The same records every run could flatter the small per-word and per-name caches: each run here gets records
    # it has never seen (other seeds), made before the clock starts.
    fresh = iter([generate(n, seed + 1 + i) for i in range(repeat)])
    unseen = measure(lambda: citekit.format_bibliography(next(fresh), name), n, repeat, warmup=False)
    api.notes.append(f"bibliography of records not seen before (a new seed each run): {unseen.wall:.3f} ms wall")
    some = items[:isolated]
    if some:
        api.isolated = measure(lambda: [citekit.format_citation(item, name) for item in some], len(some), repeat)
        cit_iso = measure(
            lambda: [citekit.format_citation(item, name, mode="citation") for item in some], len(some), repeat
        )
        api.notes.append(f"isolated = format_citation(record) per record; mode='citation': {cit_iso.wall:.3f} ms wall")
    processor = Processor(resolved.path, locale=resolved.locale)
    raw = Row("citekit", "csl.Processor, CSL-JSON")
    raw.bibliography = measure(lambda: processor.bibliography(items, output="text"), n, repeat)
    clusters = clusters_for(items, processor.is_note_style)
    raw.citations = measure(lambda: processor.citations(items, clusters, output="text"), n, repeat)
    return [api, raw]


def _citeproc_py_style(resolved: ResolvedStyle) -> Any:
    from citeproc import CitationStylesStyle

    return CitationStylesStyle(str(resolved.path), locale=resolved.locale, validate=False)


def _citeproc_py_bibliography(style: Any, items: list[dict[str, Any]]) -> list[str]:
    from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter
    from citeproc.source.json import CiteProcJSON

    bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
    for item in items:
        bibliography.register(Citation([CitationItem(item["id"])]))
    bibliography.sort()
    return [str(entry) for entry in bibliography.bibliography()]


def _citeproc_py_citations(style: Any, items: list[dict[str, Any]]) -> list[str]:
    from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter
    from citeproc.source.json import CiteProcJSON

    bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
    citations = [Citation([CitationItem(item["id"])]) for item in items]
    for citation in citations:
        bibliography.register(citation)
    return [str(bibliography.cite(citation, lambda item: None)) for citation in citations]


def bench_citeproc_py(name: str, resolved: ResolvedStyle, items: list[dict[str, Any]], repeat: int) -> list[Row]:
    n = len(items)
    small = items[:20]
    api = Row("citeproc-py", "format_bibliography(engine='citeproc-py')")
    citekit.format_bibliography(small, name, engine="citeproc-py")  # warm-up on a few records: it is slow
    api.bibliography = measure(lambda: citekit.format_bibliography(items, name, engine="citeproc-py"), n, repeat, False)
    style = _citeproc_py_style(resolved)
    _citeproc_py_bibliography(style, small)
    raw = Row("citeproc-py", "raw, CSL-JSON")
    raw.bibliography = measure(lambda: _citeproc_py_bibliography(style, items), n, repeat, False)
    raw.citations = measure(lambda: _citeproc_py_citations(style, items), n, repeat, False)
    return [api, raw]


@dataclass
class JsSummary:
    bibliography: float  # ms per entry
    citations: float  # ms per citation
    register: float  # updateItems, ms per item
    engine_start: float  # require + new CSL.Engine, ms
    wall: float  # whole node process, ms
    runs: int
    version: str


def bench_citeproc_js(resolved: ResolvedStyle, items: list[dict[str, Any]], repeat: int) -> JsSummary:
    runs = [_external.run_citeproc_js(resolved.path, items, lang=resolved.locale) for _ in range(repeat)]
    n = len(items)

    def med(key: str) -> float:
        return statistics.median(run.timing_ms[key] for run in runs)

    return JsSummary(
        bibliography=med("bibliography") / n,
        citations=med("citations") / n,
        register=med("update_items") / n,
        engine_start=statistics.median(run.timing_ms["require"] + run.timing_ms["engine_init"] for run in runs),
        wall=statistics.median(run.wall_ms for run in runs),
        runs=repeat,
        version=runs[0].version,
    )


# report -----------------------------------------------------------------------------------------------------------


def machine() -> list[str]:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        model = platform.processor() or model
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    load = " / ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "n/a"
    lines = [
        f"machine: {model}, {os.cpu_count()} logical cores ({usable} usable); {platform.system()} {platform.release()}",
        f"python {platform.python_version()} ({platform.python_implementation()}); load average {load} (1/5/15 min)",
    ]
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
        dirty = subprocess.run(["git", "status", "--porcelain", "citekit"], cwd=ROOT, capture_output=True, text=True)
        state = " with uncommitted changes under citekit/" if dirty.stdout.strip() else ""
        lines.append(f"citekit {citekit.__version__} at commit {commit.stdout.strip()}{state}")
    except OSError:
        pass
    return lines


def describe(items: list[dict[str, Any]], seed: int) -> str:
    kinds = Counter(item["type"] for item in items)
    authors = [len(item.get("author", [])) for item in items]
    with_doi = sum("DOI" in item for item in items)
    return (
        f"records: {len(items)} (seed {seed}): "
        + ", ".join(f"{count} {kind}" for kind, count in kinds.most_common())
        + f"; authors 0–{max(authors)} (mean {statistics.mean(authors):.1f}); {with_doi} with a DOI"
    )


def print_style(
    label: str,
    rows: list[Row],
    js: JsSummary | None,
    js_skip: str | None,
    n: int,
    budget: float | None,
    *,
    check_ratio: bool,
) -> None:
    print(f"\n{label}")
    print(f"  {'':<58} {'bibliography':>17} {'citations':>17} {'isolated calls':>17}")
    print(f"  {'engine':<12}{'path':<46} {'ms/entry':>17} {'ms/citation':>17} {'ms/call':>17}")
    print(f"  {'':<58}" + f" {'wall':>8} {'cpu':>8}" * 3)
    for row in rows:
        print(f"  {row.engine:<12}{row.how:<46} {_cell(row.bibliography)} {_cell(row.citations)} {_cell(row.isolated)}")
    if js is not None:
        how = f"render.js {js.version}, CSL-JSON (node timing)"
        print(f"  {'citeproc-js':<12}{how:<46} {_js_cell(js.bibliography)} {_js_cell(js.citations)} {_js_cell(None)}")
    elif js_skip:
        print(f"  {'citeproc-js':<12}skipped: {js_skip}")
    runs = {f"{row.engine} {row.bibliography.runs}" for row in rows if row.bibliography}
    print(f"  medians of runs: {', '.join(sorted(runs))}" + (f", citeproc-js {js.runs}" if js else ""))
    loops = [
        f"{row.engine} {'API' if row.how.startswith('format_bibliography') else 'raw'} {row.bibliography.loop:.1f}"
        for row in rows
        if row.bibliography
    ]
    print(f"  calibration loop before the bibliography runs, ms (higher: a slow phase): {'; '.join(loops)}")
    for row in rows:
        for note in row.notes:
            print(f"  {note}")
    if js is not None:
        print(
            f"  citeproc-js: engine start {js.engine_start:.0f} ms (require + new CSL.Engine), registration "
            f"(updateItems) {js.register:.3f} ms/item, whole process {js.wall / 1000:.2f} s for {n} records"
        )
    by = {(row.engine, row.how.split(" ")[0]): row for row in rows}
    api, raw = by.get(("citekit", "format_bibliography")), by.get(("citekit", "csl.Processor,"))
    py_api, py_raw = by.get(("citeproc-py", "format_bibliography(engine='citeproc-py')")), by.get(("citeproc-py", "raw,"))
    ratios = []
    for what, base, ours in (("API", py_api, api), ("raw", py_raw, raw)):
        if base and ours and base.bibliography and ours.bibliography:
            ratios.append(
                f"{what} bibliography {base.bibliography.wall / ours.bibliography.wall:.1f}x "
                f"(cpu {base.bibliography.cpu / ours.bibliography.cpu:.1f}x)"
            )
    if py_raw and raw and py_raw.citations and raw.citations:
        ratios.append(f"raw citations {py_raw.citations.wall / raw.citations.wall:.1f}x")
    if ratios:
        print("  citeproc-py / citekit: " + "; ".join(ratios))
    if js is not None and raw and raw.bibliography and raw.citations:
        print(
            f"  citeproc-js / citekit raw: bibliography {js.bibliography / raw.bibliography.wall:.2f}x, "
            f"citations {js.citations / raw.citations.wall:.2f}x (wall)"
        )
    # Both readings of the budget: through the API (records checked, titles recased: work citeproc-py does not
    # do), and like for like (each processor on the same CSL-JSON as it is).
    for what, ours, base in (("API", api, py_api), ("raw", raw, py_raw)):
        if budget is None or not (ours and ours.bibliography):
            continue
        verdict = "met" if ours.bibliography.wall <= budget else "NOT met"
        text = f"  budget ({what}): warm bibliography <= {budget} ms/entry: {ours.bibliography.wall:.3f} -> {verdict}"
        if check_ratio and base and base.bibliography:
            ratio = base.bibliography.wall / ours.bibliography.wall
            ratio_verdict = "met" if ratio >= BUDGET_RATIO else "NOT met"
            text += f"; >= {BUDGET_RATIO:.0f}x citeproc-py: {ratio:.1f}x -> {ratio_verdict}"
        print(text)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--records", type=int, default=1000, help="records per bibliography (default 1000)")
    parser.add_argument("--seed", type=int, default=2011, help="seed of the generated records (default 2011)")
    parser.add_argument("--style", action="append", help="a style name, repeatable (default: apa and chicago)")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs of each citekit call (default 5)")
    parser.add_argument("--baseline-repeat", type=int, default=3, help="timed runs of citeproc-py/-js (default 3)")
    parser.add_argument("--isolated", type=int, default=200, help="records for the isolated-call column (200)")
    parser.add_argument("--cold-runs", type=int, default=7, help="fresh processes per cold start (default 7)")
    parser.add_argument("--memory-records", type=int, default=10_000, help="entries of the memory run (10000)")
    parser.add_argument("--skip-js", action="store_true", help="leave out citeproc-js")
    parser.add_argument("--skip-citeproc-py", action="store_true", help="leave out citeproc-py")
    parser.add_argument("--skip-cold", action="store_true", help="leave out the cold starts")
    parser.add_argument("--skip-memory", action="store_true", help="leave out the peak-memory run")
    args = parser.parse_args(argv)
    styles = args.style or ["apa", "chicago"]

    started = time.perf_counter()
    print(f"citekit benchmark, {datetime.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}")
    for line in machine():
        print(line)
    items = generate(args.records, args.seed)
    print(describe(items, args.seed))
    js_skip = "--skip-js" if args.skip_js else _external.js_unavailable_reason()

    for name in styles:
        resolved = resolve_style(name)
        label = f"{name}: {resolved.style_id}.csl, {resolved.locale or 'style locale'}, {len(items)} records"
        rows = bench_citekit(name, resolved, items, args.repeat, args.isolated, args.seed)
        if not args.skip_citeproc_py:
            rows += bench_citeproc_py(name, resolved, items, args.baseline_repeat)
        js = None if js_skip else bench_citeproc_js(resolved, items, args.baseline_repeat)
        key = resolved.profile.name if resolved.profile else name
        print_style(label, rows, js, js_skip, len(items), BUDGET.get(key), check_ratio=key == "apa")
        sys.stdout.flush()

    if not args.skip_cold:
        apa = resolve_style("apa")
        print(f"\ncold start: fresh process, wall ms, median of {args.cold_runs} (after one discarded run)")
        colds = _external.cold_starts(
            args.cold_runs, citeproc_py=not args.skip_citeproc_py, js=js_skip is None, style_path=apa.path
        )
        for cold in colds:
            print(f"  {cold.label:<46} {cold.median:8.1f}   (min {min(cold.runs_ms):.1f}, max {max(cold.runs_ms):.1f})")
        for cold in colds[1:3]:
            verdict = "met" if cold.median <= BUDGET_COLD_MS else "NOT met"
            print(f"  budget: cold <= {BUDGET_COLD_MS:.0f} ms, {cold.label}: {cold.median:.1f} -> {verdict}")
        sys.stdout.flush()

    if not args.skip_memory and args.memory_records > 0:
        memory = _external.peak_memory(args.memory_records, args.seed, "apa")
        print(f"\npeak memory: fresh process, citekit.format_bibliography of {memory.records} records in APA")
        print(
            f"  ru_maxrss {memory.rss_peak_mib:.1f} MiB at the end ({memory.rss_before_mib:.1f} MiB before formatting: "
            f"interpreter, citekit, style and records); {memory.entries} entries in {memory.seconds:.1f} s "
            f"({memory.seconds * 1000 / memory.entries:.3f} ms/entry)"
        )
        verdict = "met" if memory.rss_peak_mib <= BUDGET_MEMORY_MIB else "NOT met"
        print(f"  budget: <= {BUDGET_MEMORY_MIB:.0f} MB peak: {verdict}")

    load = " / ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "n/a"
    print(f"\n(benchmark took {time.perf_counter() - started:.0f} s; load average at the end {load})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
