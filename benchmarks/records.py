"""What record validation costs on the API path: CSL-JSON mapping -> record -> CSL-JSON, per record.

    .venv/bin/python benchmarks/records.py [--records 1000] [--seed 2011] [--corpus PATH] [--repeat 15] [--profile]

``citekit.format_bibliography`` turns each CSL-JSON mapping into a validated record and back
(``citekit.api._csl_items``) before any formatting; this times that step alone, and its two halves
(:func:`citekit.records.from_csl` and :func:`citekit.records.to_csl`), in µs per record.  Figures are CPU time
of this process (``time.process_time``), the minimum of ``--repeat`` runs, as the steadiest figure on a shared
machine.  ``--profile`` prints cProfile's top functions for ``_csl_items`` (inflated by cProfile's per-call
overhead: read them as shares).
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import json
import pstats
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks._records import generate  # noqa: E402
from citekit.api import _csl_items  # noqa: E402
from citekit.records import from_csl, to_csl  # noqa: E402

DEFAULT_CORPUS = Path("/work/shared/corpus/dev.json")


def best_us_per_record(run: Callable[[], object], count: int, repeat: int) -> float:
    """The fastest of ``repeat`` runs of ``run``, in µs per record (gc off while timing, as timeit does)."""
    run()  # warm-up: caches filled, regexes compiled
    best = float("inf")
    gc.disable()
    try:
        for _ in range(repeat):
            start = time.process_time()
            run()
            best = min(best, time.process_time() - start)
    finally:
        gc.enable()
    return best / count * 1e6


def measure(name: str, items: Sequence[dict[str, Any]], repeat: int) -> None:
    records = [from_csl(item) for item in items]
    count = len(items)
    api = best_us_per_record(lambda: _csl_items(items, "records"), count, repeat)
    read = best_us_per_record(lambda: [from_csl(item) for item in items], count, repeat)
    write = best_us_per_record(lambda: [to_csl(record) for record in records], count, repeat)
    print(f"{name:<24} {count:>6} {api:>12.1f} {read:>10.1f} {write:>10.1f}")


def profile(items: Sequence[dict[str, Any]], top: int) -> None:
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(5):
        _csl_items(items, "records")
    profiler.disable()
    stats = pstats.Stats(profiler).strip_dirs()
    stats.sort_stats("tottime").print_stats(top)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=2011)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="a CSL-JSON list (skipped if missing)")
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args(argv)

    generated = generate(args.records, args.seed)
    print(f"{'records':<24} {'count':>6} {'_csl_items':>12} {'from_csl':>10} {'to_csl':>10}   (µs per record, CPU)")
    measure(f"generated (seed {args.seed})", generated, args.repeat)
    if args.corpus.is_file():
        corpus = json.loads(args.corpus.read_text(encoding="utf-8"))
        measure(args.corpus.name, corpus, args.repeat)
    if args.profile:
        profile(generated, args.top)


if __name__ == "__main__":
    main()
