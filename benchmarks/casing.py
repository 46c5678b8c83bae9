"""What title casing costs per title: sentence case (APA) and headline case (Chicago), alone and as the API does it.

    .venv/bin/python benchmarks/casing.py [--records 1000] [--repeat 5] [--profile]

The titles are every title-like field of the benchmark's generated records and of the development corpus
(``../shared/corpus/dev.json``, when it is there): titles, short titles, container and series titles.  Each rule
runs over all of them ``--repeat`` times; the best run is reported in µs per title.  ``--profile`` prints cProfile's
top functions for one run of each rule instead.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks._records import generate  # noqa: E402
from citekit.casing import sentence_case, title_case  # noqa: E402
from citekit.casing.items import title_case_for_csl  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "dev.json"
TITLE_FIELDS = ("title", "title-short", "container-title", "container-title-short", "collection-title")


def titles(records: int) -> list[str]:
    """The title-like fields of ``records`` generated records and of the corpus, in order, repeats kept."""
    items = generate(records)
    if CORPUS.exists():
        items += json.loads(CORPUS.read_text(encoding="utf-8"))
    return [item[field] for item in items for field in TITLE_FIELDS if isinstance(item.get(field), str)]


RULES: dict[str, Callable[[str], str]] = {
    "sentence case (apa)": sentence_case,
    "headline case (title_case)": title_case,
    # What format_bibliography does for Chicago: headline case, then the processor's own text-case="title" pass
    # to find the words to protect from it.
    "headline case (chicago)": title_case_for_csl,
}


def best_us_per_title(rule: Callable[[str], str], texts: Sequence[str], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for text in texts:
            rule(text)
        best = min(best, time.perf_counter() - start)
    return best / len(texts) * 1e6


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args(argv)
    texts = titles(args.records)
    for rule in RULES.values():
        rule(texts[0])  # loads the lexicon: a one-off cost, not a per-title one
    print(f"{len(texts)} titles ({len(set(texts))} distinct)")
    for label, rule in RULES.items():
        if args.profile:
            profile = cProfile.Profile()
            profile.runcall(lambda: [rule(text) for text in texts])  # noqa: B023
            print(f"\n=== {label} ===")
            pstats.Stats(profile).sort_stats("tottime").print_stats(20)
        else:
            print(f"{label:<28} {best_us_per_title(rule, texts, args.repeat):8.1f} µs/title")
    return 0


if __name__ == "__main__":
    sys.exit(main())
