"""Agreement with citeproc-js on the 60-record corpus (``../shared/corpus``; read ``expected/README.md`` there).

Every record of ``dev.json`` is rendered alone ("isolated") in each of :data:`STYLES`, with the ``lang`` of the
style's expected file as ``locale`` and ``casing="as-is"`` (citeproc-js does not re-case titles), and compared with
``isolated[id][text|html][bibliography|citation|citation_locator]``.  ``citation_locator`` uses the locator and label
recorded in the expected file (page 80).  An expected ``null`` bibliography means the style leaves the record out:
citekit must return ``""``.

- ``test_string``: one case per (style, record, output, key), compared after :func:`normalise`; known differences
  are in ``tests/corpus_expected_failures.txt`` as ``style/id/output/key  # reason`` (ratchet: see
  :mod:`expected_failures`).
- ``test_style_agreement``: per style, at least :data:`MIN_AGREEMENT` of the strings are equal; the figure is in
  the assertion message and in the terminal summary.
"""

from __future__ import annotations

import functools
import importlib
import json
import unicodedata
from pathlib import Path
from typing import Any, Final

import attrs
import pytest
from expected_failures import SHARED_DIR, ExpectedFailures, ratchet, tally

CORPUS_DIR: Final = SHARED_DIR / "corpus"
STYLES: Final = ("apa", "harvard-cite-them-right", "chicago-notes-bibliography", "chicago-author-date")
OUTPUTS: Final = ("text", "html")
KINDS: Final = ("bibliography", "citation", "citation_locator")
MIN_AGREEMENT: Final = 0.97
FAILURES: Final = ExpectedFailures.load(Path(__file__).with_name("corpus_expected_failures.txt"))
NO_DATA: Final = f"corpus or its expected output not found under {CORPUS_DIR}"


def normalise(text: str) -> str:
    """What counts as the same string.

    - NFC, so composed and decomposed accents compare equal;
    - ``&#38;`` (citeproc-js) and ``&amp;`` are the same escape of ``&``;
    - ``?,”`` is ``?”`` and ``!,”`` is ``!”``: after a title ending in ``?`` or ``!`` citekit drops the comma that
      would follow inside the closing quote (CMOS 6.119); citeproc-js keeps it.
    """
    text = unicodedata.normalize("NFC", text)
    return text.replace("&#38;", "&amp;").replace("?,\u201d", "?\u201d").replace("!,\u201d", "!\u201d")


@functools.cache
def _items() -> dict[str, dict[str, Any]]:
    records: list[dict[str, Any]] = json.loads((CORPUS_DIR / "dev.json").read_text(encoding="utf-8"))
    return {str(record["id"]): record for record in records}


@functools.cache
def _expected(style: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((CORPUS_DIR / "expected" / f"{style}.json").read_text(encoding="utf-8"))
    return data


def _have_data() -> bool:
    return (CORPUS_DIR / "dev.json").is_file() and all(
        (CORPUS_DIR / "expected" / f"{style}.json").is_file() for style in STYLES
    )


def _keys() -> list[str]:
    if not _have_data():
        return []
    return [
        f"{style}/{item_id}/{output}/{kind}"
        for style in STYLES
        for item_id in _items()
        for output in OUTPUTS
        for kind in KINDS
    ]


KEYS: Final = _keys()


def _format_citation() -> Any:
    """``citekit.format_citation``, skipping while the default engine is not in the checkout."""
    citekit = importlib.import_module("citekit")
    engines = importlib.import_module("citekit.engines")
    try:
        engines.get_engine()
    except engines.EngineNotFoundError as exc:
        pytest.skip(f"default engine unavailable: {exc}")
    return citekit.format_citation


@attrs.frozen
class Comparison:
    """One string: what citeproc-js gave and what citekit gave (or the exception it raised)."""

    key: str
    expected: str
    actual: str | None
    error: Exception | None

    @property
    def equal(self) -> bool:
        return self.error is None and self.actual is not None and normalise(self.actual) == normalise(self.expected)

    def check(self) -> None:
        if self.error is not None:
            raise self.error
        assert self.actual is not None
        assert normalise(self.actual) == normalise(self.expected), self.key


@functools.cache
def compare(key: str) -> Comparison:
    """Render and compare one string, once per session (shared by ``test_string`` and ``test_style_agreement``)."""
    format_citation = _format_citation()
    style, item_id, output, kind = key.split("/")
    data = _expected(style)
    expected = data["isolated"][item_id][output][kind]
    options: dict[str, Any] = {"locale": data["lang"], "casing": "as-is", "output": output}
    if kind == "bibliography":
        options["mode"] = "bibliography"
    else:
        options["mode"] = "citation"
    if kind == "citation_locator":
        options["locator"] = data["locator"]["locator"]
        options["label"] = data["locator"]["label"]
    try:
        actual = format_citation(_items()[item_id], style, **options)
    except Exception as exc:  # citekit's error is this string's failure, not the harness's
        return Comparison(key, expected if expected is not None else "", None, exc)
    return Comparison(key, expected if expected is not None else "", actual, None)


@pytest.mark.parametrize("key", KEYS or [pytest.param("-", marks=pytest.mark.skip(reason=NO_DATA))], ids=str)
def test_string(key: str, request: pytest.FixtureRequest) -> None:
    counter = tally(request.config, f"corpus {key.split('/')[0]}", len(KEYS) // len(STYLES))
    ratchet(request, FAILURES, key, lambda: compare(key).check(), counter)


@pytest.mark.parametrize("style", STYLES)
def test_style_agreement(style: str, request: pytest.FixtureRequest) -> None:
    if not KEYS:
        pytest.skip(NO_DATA)
    keys = [key for key in KEYS if key.startswith(f"{style}/")]
    counter = tally(request.config, f"corpus {style}", len(keys))
    equal = 0
    for key in keys:
        comparison = compare(key)
        counter.record(key, comparison.equal)
        equal += comparison.equal
    share = equal / len(keys)
    figure = f"{style}: {equal}/{len(keys)} strings equal ({share:.1%})"
    assert share >= MIN_AGREEMENT, f"{figure}, below {MIN_AGREEMENT:.0%}"


def test_expected_failures_name_strings() -> None:
    if not KEYS:
        pytest.skip(NO_DATA)
    stale = FAILURES.stale(set(KEYS))
    assert not stale, f"{FAILURES.path.name} lists strings that do not exist: {', '.join(stale)}"
