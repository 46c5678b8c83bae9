"""Agreement with citeproc-js on whole documents (``../shared/corpus/expected/*.json``, section "document").

Each expected file holds what citeproc-js made of the 60 records of ``dev.json`` cited once each, in corpus
order (one cluster per record; for note styles cluster *i* is footnote *i*+1), and then the bibliography.  The
same document goes through :class:`citekit.Document` with the file's ``lang`` and ``casing="as-is"``:

- ``test_string``: one case per citation and per bibliography entry, in order, compared after
  :func:`test_corpus.normalise`; known differences are in ``tests/corpus_document_expected_failures.txt`` as
  ``style/output/kind/index  # reason`` (a ratchet: see :mod:`expected_failures`).
- ``test_style_agreement``: per style and kind, at least :data:`MIN_AGREEMENT` of the strings are equal.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any, Final

import pytest
from expected_failures import SHARED_DIR, ExpectedFailures, ratchet, tally
from test_corpus import normalise

EXPECTED_DIR: Final = SHARED_DIR / "corpus" / "expected"
OUTPUTS: Final = ("text", "html")
KINDS: Final = ("citations", "bibliography")
MIN_AGREEMENT: Final = 0.97
FAILURES: Final = ExpectedFailures.load(Path(__file__).with_name("corpus_document_expected_failures.txt"))
STYLES: Final = sorted(p.stem for p in EXPECTED_DIR.glob("*.json")) if EXPECTED_DIR.is_dir() else []
NO_DATA: Final = f"corpus expected output not found under {EXPECTED_DIR}"


@functools.cache
def _expected(style: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((EXPECTED_DIR / f"{style}.json").read_text(encoding="utf-8"))
    return data


@functools.cache
def _records() -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = json.loads((SHARED_DIR / "corpus" / "dev.json").read_text(encoding="utf-8"))
    return records


@functools.cache
def rendered(style: str, output: str) -> dict[str, list[str]]:
    """citekit's citations and bibliography for the corpus document in ``style``, once per session."""
    from citekit import Document

    data = _expected(style)
    document = Document(_records(), data["style"], locale=data["lang"], casing="as-is")
    for record in _records():
        document.cite(str(record["id"]))
    return {"citations": document.citations(output=output), "bibliography": document.bibliography(output=output)}


def _keys() -> list[str]:
    keys = []
    for style in STYLES:
        document = _expected(style)["document"]
        for output in OUTPUTS:
            for kind in KINDS:
                keys += [f"{style}/{output}/{kind}/{index}" for index in range(len(document[output][kind]))]
    return keys


KEYS: Final = _keys()


def _compare(key: str) -> bool:
    style, output, kind, index = key.split("/")
    expected = _expected(style)["document"][output][kind]
    actual = rendered(style, output)[kind]
    position = int(index)
    return position < len(actual) and normalise(actual[position]) == normalise(expected[position])


def _check(key: str) -> None:
    style, output, kind, index = key.split("/")
    expected = _expected(style)["document"][output][kind][int(index)]
    actual = rendered(style, output)[kind]
    got = actual[int(index)] if int(index) < len(actual) else "<missing>"
    assert normalise(got) == normalise(expected), f"{key}\n expected: {expected}\n citekit:  {got}"


@pytest.mark.parametrize("key", KEYS or [pytest.param("-", marks=pytest.mark.skip(reason=NO_DATA))], ids=str)
def test_string(key: str, request: pytest.FixtureRequest) -> None:
    style = key.split("/")[0]
    counter = tally(request.config, f"document {style}", len([k for k in KEYS if k.startswith(f"{style}/")]))
    ratchet(request, FAILURES, key, lambda: _check(key), counter)


@pytest.mark.parametrize("style", STYLES or [pytest.param("-", marks=pytest.mark.skip(reason=NO_DATA))])
@pytest.mark.parametrize("kind", KINDS)
def test_style_agreement(style: str, kind: str) -> None:
    keys = [key for key in KEYS if key.startswith(f"{style}/") and f"/{kind}/" in key]
    equal = sum(_compare(key) for key in keys)
    share = equal / len(keys)
    assert share >= MIN_AGREEMENT, f"{style} {kind}: {equal}/{len(keys)} equal ({share:.1%}), below 97%"


@pytest.mark.parametrize("style", STYLES or [pytest.param("-", marks=pytest.mark.skip(reason=NO_DATA))])
def test_bibliography_has_every_entry_in_order(style: str) -> None:
    for output in OUTPUTS:
        expected = _expected(style)["document"][output]["bibliography"]
        assert len(rendered(style, output)["bibliography"]) == len(expected), (style, output)


def test_expected_failures_name_strings() -> None:
    if not KEYS:
        pytest.skip(NO_DATA)
    stale = FAILURES.stale(set(KEYS))
    assert not stale, f"{FAILURES.path.name} lists strings that do not exist: {', '.join(stale)}"
