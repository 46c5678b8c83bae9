"""The Farr (2011) chapter in the four profiles: ``../shared/farr/expected.json`` (see the README beside it).

48 strings: profile (apa, harvard, chicago, chicago-author-date) x record (seed, full) x output (text, html) x
(bibliography, citation, citation_p80).  Each is made with ``citekit.format_citation`` and the default engine:

- ``test_farr``: the record in the seed's own casing, default casing; the casing the manuals want must come from
  citekit.  Known failures: ``tests/farr_expected_failures.txt`` (ratchet: see :mod:`expected_failures`).
- ``test_farr_as_is``: ``casing="as-is"`` with the titles already cased as the profile's manual wants; all pass.

Strings are compared exactly, except that ``&amp;`` and ``&#38;`` are the same (:func:`normalise`).
"""

from __future__ import annotations

import functools
import importlib
import json
from pathlib import Path
from typing import Any, Final

import pytest
from expected_failures import SHARED_DIR, ExpectedFailures, ratchet, tally

EXPECTED_PATH: Final = SHARED_DIR / "farr" / "expected.json"
FAILURES: Final = ExpectedFailures.load(Path(__file__).with_name("farr_expected_failures.txt"))
NO_DATA: Final = f"Farr expected strings not found at {EXPECTED_PATH}"

SEED_TITLE: Final = "Collaboration in public services: can service users and staff participate together?"
SEED_CONTAINER: Final = "Critical Perspectives on User Involvement"
SENTENCE_CONTAINER: Final = "Critical perspectives on user involvement"
CHICAGO_TITLES: Final = (
    "Collaboration in Public Services: Can Service Users and Staff Participate Together?",
    "Critical Perspectives on User Involvement",
)
PRECASED: Final[dict[str, tuple[str, str]]] = {
    "apa": ("Collaboration in public services: Can service users and staff participate together?", SENTENCE_CONTAINER),
    "harvard": (SEED_TITLE, SENTENCE_CONTAINER),
    "chicago": CHICAGO_TITLES,
    "chicago-author-date": CHICAGO_TITLES,
}
"""(chapter title, book title) per profile, as its manual wants them, for the ``casing="as-is"`` run."""

MODES: Final[dict[str, dict[str, str]]] = {
    "bibliography": {"mode": "bibliography"},
    "citation": {"mode": "citation"},
    "citation_p80": {"mode": "citation", "locator": "80", "label": "page"},
}
"""The keyword arguments of ``format_citation`` for each kind of string in expected.json."""


def farr_record(variant: str, title: str = SEED_TITLE, container_title: str = SEED_CONTAINER) -> dict[str, Any]:
    """The chapter as CSL-JSON: ``seed`` is the publisher's page; ``full`` adds the editors and the place."""
    record: dict[str, Any] = {
        "id": "farr2011",
        "type": "chapter",
        "author": [{"family": "Farr", "given": "Michelle"}],
        "title": title,
        "container-title": container_title,
        "publisher": "Policy Press",
        "issued": {"date-parts": [[2011, 11]]},
        "ISBN": "9781847427519",
        "DOI": "http://dx.doi.org/10.1332/policypress/9781847427519.003.0008",
    }
    if variant == "full":
        record["editor"] = [{"family": "Barnes", "given": "Marian"}, {"family": "Cotterell", "given": "Phil"}]
        record["publisher-place"] = "Bristol"
    elif variant != "seed":
        raise ValueError(f"unknown Farr record variant {variant!r}")
    return record


def normalise(text: str) -> str:
    """``&#38;`` (citeproc-js) and ``&amp;`` are the same escape of ``&``; nothing else is normalised."""
    return text.replace("&#38;", "&amp;")


@functools.cache
def _expected() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(EXPECTED_PATH.read_text(encoding="utf-8"))
    return data


def _keys() -> list[str]:
    if not EXPECTED_PATH.is_file():
        return []
    return [
        f"{profile}/{record}/{output}/{key}"
        for profile, records in _expected().items()
        for record, outputs in records.items()
        for output, strings in outputs.items()
        for key in strings
    ]


KEYS: Final = _keys()
PARAMS: Final[list[Any]] = [*KEYS] or [pytest.param("-", marks=pytest.mark.skip(reason=NO_DATA))]


def _format_citation() -> Any:
    """``citekit.format_citation``, skipping while the default engine is not in the checkout."""
    citekit = importlib.import_module("citekit")
    engines = importlib.import_module("citekit.engines")
    try:
        engines.get_engine()
    except engines.EngineNotFoundError as exc:
        pytest.skip(f"default engine unavailable: {exc}")
    return citekit.format_citation


def _check(key: str, as_is: bool) -> None:
    profile, variant, output, kind = key.split("/")
    expected = _expected()[profile][variant][output][kind]
    options: dict[str, str] = {"output": output, **MODES[kind]}
    if as_is:
        title, container_title = PRECASED[profile]
        record = farr_record(variant, title, container_title)
        options["casing"] = "as-is"
    else:
        record = farr_record(variant)
    actual = _format_citation()(record, profile, **options)
    assert normalise(actual) == normalise(expected), f"{key}{' (as-is)' if as_is else ''}"


@pytest.mark.parametrize("key", PARAMS, ids=str)
def test_farr(key: str, request: pytest.FixtureRequest) -> None:
    ratchet(request, FAILURES, key, lambda: _check(key, as_is=False), tally(request.config, "Farr", len(KEYS)))


@pytest.mark.parametrize("key", PARAMS, ids=str)
def test_farr_as_is(key: str, request: pytest.FixtureRequest) -> None:
    counter = tally(request.config, "Farr (as-is)", len(KEYS))
    try:
        _check(key, as_is=True)
    except Exception:
        counter.record(key, False)
        raise
    counter.record(key, True)


def test_expected_failures_name_strings() -> None:
    if not KEYS:
        pytest.skip(NO_DATA)
    stale = FAILURES.stale(set(KEYS))
    assert not stale, f"{FAILURES.path.name} lists strings that do not exist: {', '.join(stale)}"


def test_expected_strings_cover_every_profile() -> None:
    """expected.json has the 48 strings the README describes (so a truncated file cannot pass silently)."""
    if not KEYS:
        pytest.skip(NO_DATA)
    assert len(KEYS) == len(PRECASED) * 2 * 2 * len(MODES), KEYS
    assert {key.split("/")[0] for key in KEYS} == set(PRECASED)
