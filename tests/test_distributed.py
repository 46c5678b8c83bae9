"""The distributed-processing example of docs/performance.md (benchmarks/distributed.py): chunks of documents on
a process pool and on Dask's local scheduler give exactly what a serial loop gives, in the same order."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from benchmarks import distributed
from benchmarks._records import generate

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def documents() -> list[list[dict[str, object]]]:
    records = generate(24, seed=5)
    # two multi-record bibliographies (sorted and disambiguated within each) and single references
    return [records[:8], records[8:14]] + [[record] for record in records[14:]]


@pytest.fixture(scope="module")
def serial(documents: list[list[dict[str, object]]]) -> list[list[str]]:
    return distributed.format_documents(documents, "apa")


def test_process_pool_matches_serial(documents: list[list[dict[str, object]]], serial: list[list[str]]) -> None:
    assert distributed.format_in_processes(documents, "apa", workers=2, chunk_size=3) == serial
    assert [len(bib) for bib in serial] == [len(doc) for doc in documents]


def test_format_references_one_entry_per_record(documents: list[list[dict[str, object]]]) -> None:
    singles = [doc[0] for doc in documents[2:]]
    entries = distributed.format_references(singles, "apa", workers=2, chunk_size=4)
    assert entries == [bib[0] for bib in distributed.format_documents([[r] for r in singles], "apa")]


def test_dask_local_scheduler(documents: list[list[dict[str, object]]], serial: list[list[str]]) -> None:
    pytest.importorskip("dask.bag")
    assert distributed.format_with_dask(documents, "apa", npartitions=4, scheduler="processes") == serial
    assert distributed.format_with_dask(documents, "apa", npartitions=3, scheduler="sync", output="html") == (
        distributed.format_documents(documents, "apa", output="html")
    )


def test_docs_show_the_tested_code() -> None:
    """Every code block of docs/performance.md marked as coming from benchmarks/distributed.py is in it, word for
    word, so the documented example is the one these tests run."""
    doc = (ROOT / "docs" / "performance.md").read_text(encoding="utf-8")
    source = (ROOT / "benchmarks" / "distributed.py").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n# from benchmarks/distributed\.py\n(.*?)```", doc, flags=re.S)
    assert blocks, "docs/performance.md shows no block from benchmarks/distributed.py"
    for block in blocks:
        assert block in source, block[:200]
