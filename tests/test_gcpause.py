"""The processor pauses the cyclic garbage collector only for the length of a call, and counts across threads."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

import citekit
from citekit.csl import Cite, Cluster, Processor
from citekit.csl.gcpause import collector_paused

ITEM = {"id": "a", "type": "book", "title": "A title", "author": [{"family": "Doe", "given": "Jane"}]}


@pytest.fixture
def collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_off_during_a_call_and_back_on_after(collector_on: None) -> None:
    seen: list[bool] = []
    with collector_paused():
        seen.append(gc.isenabled())
    assert seen == [False]
    assert gc.isenabled()


def test_restored_when_the_call_raises(collector_on: None) -> None:
    with pytest.raises(RuntimeError):
        with collector_paused():
            raise RuntimeError("boom")
    assert gc.isenabled()


def test_a_program_that_turned_it_off_keeps_it_off() -> None:
    was = gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        if was:
            gc.enable()


def test_overlapping_calls_turn_it_back_on_only_when_the_last_leaves(collector_on: None) -> None:
    first_in, second_in, first_out = threading.Event(), threading.Event(), threading.Event()
    states: dict[str, bool] = {}

    def first() -> None:
        with collector_paused():
            first_in.set()
            second_in.wait(5)
        first_out.set()

    def second() -> None:
        first_in.wait(5)
        with collector_paused():
            second_in.set()
            first_out.wait(5)
            states["after the first left"] = gc.isenabled()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert states == {"after the first left": False}
    assert gc.isenabled()


def test_processor_calls_leave_the_collector_as_they_found_it(collector_on: None) -> None:
    processor = Processor("apa")
    assert processor.bibliography([ITEM], output="text")
    assert citekit.format_bibliography([ITEM], "apa")
    assert processor.citation([ITEM], [Cite(id="a")], output="text") == "(Doe, n.d.)"
    assert gc.isenabled()


# Items that make every stage of a call work: sorting (several keys tie), disambiguation (same author and year),
# names with particles, and a cite that repeats (ibid, subsequent).
_AUTHORS = [{"family": "Doe", "given": "Jane"}, {"family": "Gogh", "given": "Vincent", "non-dropping-particle": "van"}]
_DOCUMENT = [
    {"id": "a", "type": "book", "title": "Beta", "issued": {"date-parts": [[2001]]}, "author": _AUTHORS},
    {"id": "b", "type": "book", "title": "Alpha", "issued": {"date-parts": [[2001]]}, "author": _AUTHORS},
    {"id": "c", "type": "article-journal", "title": "Gamma", "container-title": "Journal", "page": "1-9",
     "author": [{"family": "Doe", "given": "John"}]},
    {"id": "d", "type": "chapter", "title": "Delta", "container-title": "Book", "editor": [{"literal": "Group"}]},
]  # fmt: skip
_CLUSTERS = [Cluster(cites=(Cite(id=i),), note_index=n) for n, i in enumerate("abcca", start=1)]


@pytest.mark.parametrize("style", ["apa", "chicago", "ieee", "harvard", "mla"])
def test_a_call_leaves_no_reference_cycles(style: str) -> None:
    """Pausing the collector is only free because nothing a call builds forms a cycle: with one, everything the
    call touched would wait for the collector to be freed (a recursive closure in the sort once did that)."""
    processor = Processor(style)

    def calls() -> None:
        processor.citations(_DOCUMENT, _CLUSTERS, output="text")
        processor.bibliography(_DOCUMENT, output="text")
        citekit.format_bibliography(_DOCUMENT, style)  # records and casing too

    calls()  # the first call loads modules and tables, which may hold cycles of their own for good
    was = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        calls()
        assert gc.collect() == 0
    finally:
        if was:
            gc.enable()
