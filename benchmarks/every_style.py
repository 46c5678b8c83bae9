"""Render a corpus with every official CSL style, and count the exceptions (there must be none).

Run from the checkout::

    .venv/bin/python benchmarks/every_style.py                  # every style (~10,800), both cores, ~10-20 min
    .venv/bin/python benchmarks/every_style.py --sample 300     # 300 styles drawn with --seed (default 2011)
    .venv/bin/python benchmarks/every_style.py --styles apa ieee --output html

For each style (independent and dependent: a dependent style runs its parent in its own default locale) it renders
every record of the corpus (``../shared/corpus/dev.json`` by default) alone in citation mode, and the whole corpus
as one bibliography (so every record in bibliography mode, with sorting, disambiguation and subsequent-author
substitution across 60 records; when that fails, each record's entry alone, to name the culprit).  It prints the
styles tried, the strings rendered, every exception with its style, record and traceback head, and the slowest
styles.  A style that runs longer than ``--timeout`` seconds counts as an exception (a hang is a failure too).
``tests/test_every_style.py`` runs a seeded sample of it in the test suite; docs/robustness.md records the full run.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import random
import signal
import sys
import time
import traceback
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any

CHECKOUT = Path(__file__).resolve().parents[1]
# Each style is parsed once here: writing ~10,800 entries to citekit's disk cache would only slow the run and push
# out the user's own entries.  (The spawned workers inherit this.)
os.environ.setdefault("CITEKIT_NO_CACHE", "1")
if str(CHECKOUT) not in sys.path:  # run as a script from anywhere: import the checkout's citekit
    sys.path.insert(0, str(CHECKOUT))

import citekit  # noqa: E402
from citekit.records import Record, from_csl  # noqa: E402
from citekit.styles import official_style_ids  # noqa: E402

DEFAULT_CORPUS = CHECKOUT.parent / "shared" / "corpus" / "dev.json"


@dataclass
class Failure:
    """One exception: where it happened and the head of its traceback."""

    style: str
    where: str
    error: str
    traceback: str


@dataclass
class StyleResult:
    style: str
    strings: int = 0
    seconds: float = 0.0
    failures: list[Failure] = field(default_factory=list)


class StyleTimeout(Exception):
    """A style ran longer than the limit (raised from a SIGALRM handler)."""


@contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Interrupt the block after ``seconds`` (main thread of a Unix process only; elsewhere no limit)."""
    if seconds <= 0 or not hasattr(signal, "setitimer"):
        yield
        return

    def expire(signum: int, frame: FrameType | None) -> None:
        raise StyleTimeout(f"still running after {seconds:g} s")

    try:
        previous = signal.signal(signal.SIGALRM, expire)
    except ValueError:  # not the main thread: signals cannot be used
        yield
        return
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def load_records(path: Path) -> list[Record]:
    """The corpus as citekit records, validated once (not once per style)."""
    return [from_csl(item) for item in json.loads(path.read_text(encoding="utf-8"))]


def _traceback_head(exc: BaseException, lines: int = 6) -> str:
    """The exception line and the innermost frames: enough to find the bug, short enough to print thousands."""
    formatted = traceback.format_exception(type(exc), exc, exc.__traceback__)
    return "".join(formatted[-lines:]).rstrip()


def render_style(
    style: str, records: Sequence[Record], outputs: Sequence[str] = ("text",), timeout: float = 0.0
) -> StyleResult:
    """Every record alone as a citation and as a bibliography entry, then the whole corpus as one bibliography,
    in each of ``outputs``.  Exceptions are collected, not raised: one broken record does not hide the others."""
    result = StyleResult(style)
    start = time.perf_counter()

    def attempt(where: str, call: Any) -> None:
        try:
            rendered = call()
        except StyleTimeout:
            raise
        except Exception as exc:  # noqa: BLE001 - counting every kind of failure is the point
            result.failures.append(Failure(style, where, f"{type(exc).__name__}: {exc}", _traceback_head(exc)))
            return
        strings = rendered if isinstance(rendered, list) else [rendered]
        for text in strings:
            # citeproc-py returns a list subclass in some calls; citekit must return exactly str.
            if type(text) is not str:
                result.failures.append(Failure(style, where, f"returned {type(text).__name__}, not str", ""))
        result.strings += len(strings)

    try:
        with _time_limit(timeout):
            for output in outputs:
                for record in records:
                    attempt(
                        f"{output} citation {record.id}",
                        lambda r=record, o=output: citekit.format_citation(r, style, mode="citation", output=o),
                    )
                whole = len(result.failures)
                attempt(
                    f"{output} bibliography", lambda o=output: citekit.format_bibliography(records, style, output=o)
                )
                if len(result.failures) > whole:
                    # The whole bibliography failed: render each entry alone to name the records that break it.
                    for record in records:
                        attempt(
                            f"{output} bibliography {record.id}",
                            lambda r=record, o=output: citekit.format_citation(r, style, output=o),
                        )
    except StyleTimeout as exc:
        result.failures.append(Failure(style, "whole style", f"StyleTimeout: {exc}", ""))
    result.seconds = time.perf_counter() - start
    return result


def choose_styles(sample: int | None, seed: int, only: Sequence[str] = ()) -> list[str]:
    """All official ids, or ``sample`` of them drawn with ``seed`` (sorted, so runs are comparable)."""
    if only:
        return list(only)
    ids = list(official_style_ids())
    if sample is not None and sample < len(ids):
        ids = sorted(random.Random(seed).sample(ids, sample))
    return ids


# Worker processes get the records once, through the pool initializer, not once per task.
_WORKER_RECORDS: list[Record] = []
_WORKER_OPTIONS: dict[str, Any] = {}


def _init_worker(corpus: str, outputs: tuple[str, ...], timeout: float) -> None:
    _WORKER_RECORDS[:] = load_records(Path(corpus))
    _WORKER_OPTIONS.update(outputs=outputs, timeout=timeout)


def _work(style: str) -> StyleResult:
    return render_style(style, _WORKER_RECORDS, _WORKER_OPTIONS["outputs"], _WORKER_OPTIONS["timeout"])


def run(
    styles: Sequence[str], corpus: Path, outputs: tuple[str, ...], jobs: int, timeout: float, progress: bool = False
) -> list[StyleResult]:
    """Render ``styles`` in ``jobs`` processes; results in the order of ``styles``."""
    if jobs <= 1:
        records = load_records(corpus)
        return [render_style(s, records, outputs, timeout) for s in styles]
    results: dict[str, StyleResult] = {}
    # "fork" would copy the parent's caches; "spawn" gives each worker a clean interpreter like a real user's.
    context = multiprocessing.get_context("spawn")
    with context.Pool(jobs, initializer=_init_worker, initargs=(str(corpus), outputs, timeout)) as pool:
        for done, result in enumerate(pool.imap_unordered(_work, styles, chunksize=8), 1):
            results[result.style] = result
            if progress and done % 500 == 0:
                print(f"  {done}/{len(styles)} styles", file=sys.stderr, flush=True)
    return [results[s] for s in styles]


def summary(results: Sequence[StyleResult], slowest: int = 10) -> dict[str, Any]:
    failures = [f for r in results for f in r.failures]
    ranked = sorted(results, key=lambda r: r.seconds, reverse=True)[:slowest]
    total = sum(r.seconds for r in results)
    return {
        "styles": len(results),
        "strings": sum(r.strings for r in results),
        "exceptions": len(failures),
        "styles_with_exceptions": len({f.style for f in failures}),
        "style_seconds_total": round(total, 1),
        "style_seconds_mean": round(total / len(results), 4) if results else 0.0,
        "slowest": [(r.style, round(r.seconds, 2)) for r in ranked],
        "failures": [f.__dict__ for f in failures],
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="a CSL-JSON list (default: %(default)s)")
    parser.add_argument("--sample", type=int, default=None, help="this many styles, drawn with --seed")
    parser.add_argument("--seed", type=int, default=2011)
    parser.add_argument("--styles", nargs="*", default=(), help="these style ids only")
    parser.add_argument("--output", choices=("text", "html", "both"), default="text")
    parser.add_argument("--jobs", type=int, default=multiprocessing.cpu_count())
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds one style may take (0: no limit)")
    parser.add_argument("--slowest", type=int, default=10)
    parser.add_argument("--json", type=Path, default=None, help="also write the summary, with every failure, here")
    args = parser.parse_args(argv)
    outputs = ("text", "html") if args.output == "both" else (args.output,)
    styles = choose_styles(args.sample, args.seed, args.styles)
    start = time.perf_counter()
    results = run(styles, args.corpus, outputs, args.jobs, args.timeout, progress=True)
    wall = time.perf_counter() - start
    report = summary(results, args.slowest)
    report.update(
        wall_seconds=round(wall, 1),
        jobs=args.jobs,
        outputs=list(outputs),
        records=len(load_records(args.corpus)),
        python=platform.python_version(),
        machine=f"{platform.machine()}, {multiprocessing.cpu_count()} cores, {platform.processor() or 'unknown CPU'}",
        date=time.strftime("%Y-%m-%d"),
    )
    for failure in report["failures"]:
        print(f"--- {failure['style']}: {failure['where']}: {failure['error']}\n{failure['traceback']}\n")
    print(f"styles tried:     {report['styles']} ({report['records']} records, output {', '.join(outputs)})")
    print(f"strings rendered: {report['strings']}")
    print(f"exceptions:       {report['exceptions']} (in {report['styles_with_exceptions']} styles)")
    print(f"time:             {wall:.0f} s wall on {args.jobs} processes; {report['style_seconds_mean'] * 1000:.0f} ms "
          "per style on average")  # fmt: skip
    print("slowest styles:   " + ", ".join(f"{s} {t:.2f} s" for s, t in report["slowest"]))
    print(f"Python {report['python']} on {report['machine']}")
    if args.json is not None:
        args.json.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 1 if report["exceptions"] else 0


if __name__ == "__main__":
    sys.exit(main())
