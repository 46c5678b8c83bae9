"""Where citekit's processor spends its time: cProfile (and pyinstrument, when it is installed) on a warm
bibliography and a warm document of citations, on the benchmark's generated records.

    .venv/bin/python benchmarks/profile_csl.py [--records 1000] [--style apa] [--top 25] [--api] [--pyinstrument]

For each run it prints the top functions by cumulative time and by own ("self", tottime) time, with call counts.
``--api`` also profiles ``citekit.format_bibliography`` (record validation and profile casing before the
processor).  ``--pyinstrument`` adds pyinstrument's self time by function (its call tree, as text and HTML, goes
to ``--out``).  cProfile's figures are inflated by its per-call overhead, several times over for this many small
recursive calls: read them as shares, not as times.  The processor is
warmed first (style parsed, locale merged), so what is shown is the cost per document, not the one-off set-up.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import citekit  # noqa: E402
from benchmarks._records import generate  # noqa: E402
from citekit.csl import Cite, Cluster, Processor  # noqa: E402
from citekit.styles import resolve_style  # noqa: E402


def _where(key: tuple[str, int, str]) -> str:
    filename, line, name = key
    if filename == "~":  # built-ins: "<method 'join' of 'str' objects>"
        return name
    path = Path(filename)
    try:
        shown = str(path.resolve().relative_to(ROOT))
    except ValueError:
        parts = path.parts
        shown = "/".join(parts[parts.index("site-packages") + 1 :]) if "site-packages" in parts else path.name
    return f"{shown}:{line}({name})"


def table(profile: cProfile.Profile, sort: str, top: int, total: float) -> str:
    """The top ``top`` functions by ``sort`` ("cumulative" or "tottime"): calls, self and cumulative seconds."""
    stats = pstats.Stats(profile)
    rows = []
    for key, (primitive, calls, tottime, cumtime, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        rows.append((key, primitive, calls, tottime, cumtime))
    index = 4 if sort == "cumulative" else 3
    rows.sort(key=lambda row: row[index], reverse=True)
    lines = [f"{'calls':>10} {'self s':>8} {'self%':>6} {'cum s':>8} {'cum%':>6}  function"]
    for key, primitive, calls, tottime, cumtime in rows[:top]:
        count = f"{calls}/{primitive}" if calls != primitive else str(calls)
        lines.append(
            f"{count:>10} {tottime:8.3f} {100 * tottime / total:5.1f}% {cumtime:8.3f} {100 * cumtime / total:5.1f}%  "
            f"{_where(key)}"
        )
    return "\n".join(lines)


def profile_call(label: str, call: Callable[[], object], top: int, *, pyinstrument: bool, out: Path | None) -> None:
    call()  # warm-up
    profile = cProfile.Profile()
    profile.enable()
    call()
    profile.disable()
    total = sum(tt for (_cc, _nc, tt, _ct, _callers) in pstats.Stats(profile).stats.values())  # type: ignore[attr-defined]
    print(f"\n=== {label}: {total:.2f} s under cProfile ===")
    print(f"\n-- top {top} by cumulative time --")
    print(table(profile, "cumulative", top, total))
    print(f"\n-- top {top} by self time --")
    print(table(profile, "tottime", top, total))
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        profile.dump_stats(out / f"{label.replace(' ', '_')}.pstats")
    if pyinstrument:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.0005)
        profiler.start()
        call()
        profiler.stop()
        flat = profiler.output_text(unicode=True, color=False, flat=True).splitlines()
        print(f"\n-- pyinstrument {label}: self time by function, top {top} (a sampling profiler: no call counts) --")
        print("\n".join(line for line in flat[: top + 8] if line.strip()))
        if out is not None:
            name = label.replace(" ", "_")
            (out / f"{name}.pyinstrument.txt").write_text(profiler.output_text(unicode=True), encoding="utf-8")
            (out / f"{name}.html").write_text(profiler.output_html(), encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--records", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=2011)
    parser.add_argument("--style", default="apa")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--api", action="store_true", help="also profile citekit.format_bibliography")
    parser.add_argument("--pyinstrument", action="store_true", help="also run pyinstrument (pip install it)")
    parser.add_argument("--out", type=Path, help="folder for .pstats (snakeviz, pstats) and pyinstrument HTML")
    args = parser.parse_args(argv)

    items = generate(args.records, args.seed)
    resolved = resolve_style(args.style)
    processor = Processor(resolved.path, locale=resolved.locale)
    note = processor.is_note_style
    clusters = [Cluster(cites=(Cite(item["id"]),), note_index=i + 1 if note else None) for i, item in enumerate(items)]
    runs: list[tuple[str, Callable[[], object]]] = [
        (f"{args.style} bibliography", lambda: processor.bibliography(items, output="text")),
        (f"{args.style} citations", lambda: processor.citations(items, clusters, output="text")),
    ]
    if args.api:
        runs.append((f"{args.style} format_bibliography", lambda: citekit.format_bibliography(items, args.style)))
    print(f"{len(items)} records (seed {args.seed}), style {resolved.style_id}, Python {sys.version.split()[0]}")
    for label, call in runs:
        profile_call(label, call, args.top, pyinstrument=args.pyinstrument, out=args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
