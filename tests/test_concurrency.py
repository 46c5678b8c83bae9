"""Formatting from many threads at once gives exactly what formatting one call after another gives.

citeproc-py keeps one mutable formatter per style object, so two threads formatting with one style interfere;
citekit's processor keeps nothing between calls (the parsed style and the merged locale it caches are immutable).
These tests run eight threads started together through a barrier, on warm and on cold caches, and compare every
string byte for byte with a serial run.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import pytest

import citekit
from citekit.csl import Cite, Cluster, Processor
from citekit.csl import styles_cache
from citekit.records import Record, from_csl
from citekit.renderers import OUTPUT_FORMATS

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "dev.json"
THREADS = 8
# Profiles (with casing rules), official independent styles of every class, and dependent styles in other locales.
STYLES = ("apa", "harvard", "chicago", "chicago-author-date", "ieee", "nature", "modern-language-association",
          "vancouver", "din-1505-2", "nature-digest", "journal-of-the-american-chemical-society")  # fmt: skip
T = TypeVar("T")


@pytest.fixture(scope="module")
def records() -> list[Record]:
    if CORPUS.is_file():
        data = json.loads(CORPUS.read_text(encoding="utf-8"))
    else:  # without ../shared, a few records of our own still exercise every path
        data = [
            {"id": f"r{i}", "type": kind, "title": f"Title {i}: a study?", "author": [{"family": f"Family{i % 3}",
             "given": "Ann"}], "issued": {"date-parts": [[2000 + i % 4]]}, "container-title": "Journal",
             "page": "1-10", "publisher": "Press"}
            for i, kind in enumerate(["book", "article-journal", "chapter", "report", "thesis", "webpage"] * 3)
        ]  # fmt: skip
    return [from_csl(item) for item in data]


Job = tuple[str, str]  # (style, output)


def render(job: Job, records: Sequence[Record]) -> list[str]:
    """One style and output: the whole bibliography, then every record's citation."""
    style, output = job
    strings = citekit.format_bibliography(records, style, output=output)
    strings += [citekit.format_citation(r, style, mode="citation", output=output) for r in records]
    return strings


def jobs() -> list[Job]:
    """Every style, each in one output format, the formats taking turns so that all five run side by side."""
    return [(style, OUTPUT_FORMATS[i % len(OUTPUT_FORMATS)]) for i, style in enumerate(STYLES)]


def run_threads(work: Callable[[int], T], threads: int = THREADS) -> list[T]:
    """``work(i)`` in ``threads`` threads released together; any exception in a thread fails the test."""
    barrier = threading.Barrier(threads)
    results: list[Any] = [None] * threads
    errors: list[BaseException] = []

    def main(index: int) -> None:
        try:
            barrier.wait(timeout=60)
            results[index] = work(index)
        except BaseException as exc:  # noqa: BLE001 - reported below, with the thread's index
            errors.append(exc)

    pool = [threading.Thread(target=main, args=(i,), name=f"citekit-{i}") for i in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join(timeout=600)
    assert not any(t.is_alive() for t in pool), "a thread did not finish"
    if errors:
        raise errors[0]
    return results


def test_eight_threads_mixed_styles_and_outputs_equal_serial(records: list[Record]) -> None:
    all_jobs = jobs()
    records = records[:30]  # half the corpus keeps this under ten seconds; the hard cases are spread through it
    serial = {job: render(job, records) for job in all_jobs}

    def work(index: int) -> dict[Job, list[str]]:
        # Each thread takes every fourth job from its own starting point (so 8 threads cover every job twice or
        # more), at different moments, next to different styles and outputs.
        mine = [all_jobs[(index * 3 + k) % len(all_jobs)] for k in range(0, len(all_jobs), 4)]
        return {job: render(job, records) for job in mine}

    covered: set[Job] = set()
    for done in run_threads(work):
        for job, strings in done.items():
            assert strings == serial[job], job
            assert all(type(s) is str for s in strings)
        covered.update(done)
    assert covered == set(all_jobs)


def test_cold_caches_concurrent_first_use(
    records: list[Record], parses: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Eight threads start on empty caches with the same styles: each style is parsed once, and every thread gets
    the serial result."""
    monkeypatch.setenv("CITEKIT_NO_CACHE", "1")  # the in-memory caches, not a disk cache a run may have left
    chosen = [("chicago", "html"), ("apa", "text"), ("nature-digest", "rtf")]
    serial = {job: render(job, records[:20]) for job in chosen}
    styles_cache.clear_caches()
    parses.clear()  # the threads' parses only
    # citekit.styles caches what it read of the style files' heads too: empty those as well.
    from citekit.styles import catalog, head

    head._read_head.cache_clear()
    catalog.style_info.cache_clear()

    def work(index: int) -> dict[Job, list[str]]:
        order = chosen[index % len(chosen) :] + chosen[: index % len(chosen)]
        return {job: render(job, records[:20]) for job in order}

    for done in run_threads(work):
        assert done == serial
    assert sorted(parses) == sorted(set(parses)), f"a style was parsed more than once: {parses}"
    assert len(parses) == 3  # chicago-notes-bibliography, apa, nature (nature-digest's parent)


def test_one_processor_shared_by_eight_threads(records: list[Record]) -> None:
    """One Processor object used by every thread at once (the citeproc-py failure): no call leaks into another."""
    processor = Processor("chicago-author-date")
    items = [dict(r.to_csl()) for r in records]
    half = len(items) // 2
    documents = [items[:half], items[half:], items[::2], items[1::2]]

    def document(index: int) -> tuple[list[str], list[str]]:
        chosen = documents[index % len(documents)]
        clusters = [Cluster(cites=(Cite(str(item["id"])),)) for item in chosen]
        output = ("text", "html")[index % 2]
        return processor.bibliography(chosen, output=output), processor.citations(chosen, clusters, output=output)

    serial = [document(i) for i in range(THREADS)]
    assert run_threads(document) == serial


def test_clear_caches_while_other_threads_format(records: list[Record]) -> None:
    """Emptying the caches under running threads is safe: they parse again and still agree."""
    expected = render(("harvard", "html"), records[:10])
    stop = threading.Event()

    def clearer() -> None:
        while not stop.is_set():
            styles_cache.clear_caches()
            stop.wait(0.01)

    thread = threading.Thread(target=clearer)
    thread.start()
    try:
        results = run_threads(lambda _: render(("harvard", "html"), records[:10]), threads=4)
    finally:
        stop.set()
        thread.join()
    assert all(r == expected for r in results)
