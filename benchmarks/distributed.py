"""Spreading very large formatting jobs over processes (one machine) or over a Dask cluster (many machines).

The unit of work is a *document*: a list of records whose bibliography is formatted together, because sorting,
year suffixes ("2011a", "2011b"), added initials and "———." substitutes are decided across the whole list.  A job
of many documents (reading lists, theses, a catalogue) splits into chunks of whole documents; each chunk is
formatted by ``citekit.format_bibliography`` in a worker, and the results come back in input order, exactly as a
serial loop would give them.  Formatting independent single references (a record's reference string in a database
or catalogue) is the case of one-record documents: ``format_references``.

Do not split *one* bibliography across workers: each chunk would be sorted and disambiguated on its own.

docs/performance.md shows this code; tests/test_distributed.py runs it (the Dask part on Dask's local scheduler).
Run ``python benchmarks/distributed.py [--records N] [--workers W]`` to time it against a serial loop.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

if __name__ == "__main__":  # run as a script from a checkout: format with the checkout's citekit
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import citekit  # noqa: E402

Document = Sequence[Any]  # citekit records or CSL-JSON mappings, formatted as one bibliography


def format_documents(documents: Sequence[Document], style: str = "apa", **options: Any) -> list[list[str]]:
    """The serial loop the parallel versions must match: one bibliography per document."""
    return [citekit.format_bibliography(document, style, **options) for document in documents]


def _format_chunk(chunk: Iterable[Document], style: str, options: dict[str, Any]) -> list[list[str]]:
    # Runs in a worker: the style is parsed once per worker process and cached there for every later chunk.
    return [citekit.format_bibliography(document, style, **options) for document in chunk]


def format_in_processes(
    documents: Sequence[Document],
    style: str = "apa",
    *,
    workers: int | None = None,
    chunk_size: int = 200,
    **options: Any,
) -> list[list[str]]:
    """``format_documents`` on ``workers`` processes (default: one per core), ``chunk_size`` documents a task."""
    chunks = [documents[i : i + chunk_size] for i in range(0, len(documents), chunk_size)]
    work = functools.partial(_format_chunk, style=style, options=options)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return [bibliography for done in pool.map(work, chunks) for bibliography in done]


def format_references(records: Sequence[Any], style: str = "apa", **kwargs: Any) -> list[str]:
    """Each record's reference-list entry on its own, in input order (one-record documents, so nothing is
    disambiguated against the other records); ``kwargs`` as for ``format_in_processes``."""
    results = format_in_processes([[record] for record in records], style, **kwargs)
    return [entries[0] if entries else "" for entries in results]


def format_with_dask(
    documents: Sequence[Document],
    style: str = "apa",
    *,
    npartitions: int | None = None,
    scheduler: str | None = None,
    **options: Any,
) -> list[list[str]]:
    """``format_documents`` on Dask: a bag of documents, one ``format_bibliography`` loop per partition.

    ``scheduler`` is Dask's: ``"processes"`` on this machine (``"threads"`` gains nothing: formatting holds the
    GIL), or None for Dask's default: the ``dask.distributed.Client`` created last, if any (a cluster whose
    workers have citekit installed), else a local process pool.
    """
    import dask.bag as db

    bag = db.from_sequence(documents, npartitions=npartitions or 1 + len(documents) // 200)
    work = functools.partial(_format_chunk, style=style, options=options)
    return list(bag.map_partitions(work).compute(scheduler=scheduler))


def _main(argv: Sequence[str] | None = None) -> int:
    import argparse
    import os
    import time

    from benchmarks._records import generate

    parser = argparse.ArgumentParser(description="serial vs. process pool on independent references")
    parser.add_argument("--records", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=os.cpu_count())
    parser.add_argument("--dask", action="store_true", help="also time format_with_dask(scheduler='processes')")
    args = parser.parse_args(argv)
    documents = [[record] for record in generate(args.records)]
    start = time.perf_counter()
    serial = format_documents(documents)
    print(f"serial loop:              {time.perf_counter() - start:6.2f} s for {len(documents)} references")
    start = time.perf_counter()
    parallel = format_in_processes(documents, workers=args.workers)
    print(f"{args.workers} processes (with start): {time.perf_counter() - start:6.2f} s, same output: {parallel == serial}")
    if args.dask:
        start = time.perf_counter()
        dasked = format_with_dask(documents, scheduler="processes")
        print(f"dask, processes:          {time.perf_counter() - start:6.2f} s, same output: {dasked == serial}")
    return 0


if __name__ == "__main__":
    sys.exit(_main())
