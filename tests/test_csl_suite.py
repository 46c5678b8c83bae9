"""The official CSL test suite, run through ``citekit.csl.Processor``: one test per fixture.

Fixtures are read from ``../shared/csl-test-suite/processor-tests/humans/*.txt`` (see :mod:`csl_suite`) and run
the way citeproc-js's test runner (``citeproc-test-runner``, ``lib/sys.js``) runs them:

- Registered items: the last BIBENTRIES list if there is one; else, with CITATIONS, the items cited in the
  document (citeproc-js registers exactly those); else every INPUT item, in INPUT order.
- ``citation`` mode

  - CITATION-ITEMS: each list is a cluster; the results are joined with ``\\n``.
  - CITATIONS: steps ``[citation, citationsPre, citationsPost]``.  The document after a step is
    ``pre + [citation] + post`` (each id standing for the latest version of that citation, with the note number
    given in pre/post).  Each cluster of the final document is printed as ``>>[i] text`` or ``..[i] text``:
    ``>>`` marks the last step's own citation, a cluster new in the last step, and a cluster whose text differs
    from the document as it stood before the last step (both documents are rendered from scratch).
    citeproc-js also marks clusters it re-rendered without a change; such fixtures fail on the markers alone,
    and the failure message says so.
  - neither: one cluster citing every registered item, in the bibliography's order (citeproc-js's registry order).
- ``bibliography`` mode: ``proc.bibliography`` for the registered items (with the CITATIONS document's clusters,
  which in citeproc-js register and number the items; CITATION-ITEMS do not touch citeproc-js's registry and are
  not passed), wrapped as citeproc-js does: ``<div class="csl-bib-body">\\n``, one
  ``  <div class="csl-entry">…</div>\\n`` per entry, ``</div>``.  Both sides are compared after
  :func:`normalise_layout_whitespace`.
- Cite fields (``locator``, ``suppress-author``, ...) go to ``Cite`` under their Python names; ids and locators
  become strings (some fixtures use numbers).  A field ``Cite`` does not have (``position``, ``near-note``, ...),
  a mode with a submode (``bibliography-header``, ``citation-rtf``, ...) or a section the processor API has no
  input for (ABBREVIATIONS, OPTIONS, ...) makes the fixture fail with "unsupported: ..."; such fixtures belong in
  ``tests/csl_suite_expected_failures.txt``.

Known failures are listed in ``tests/csl_suite_expected_failures.txt`` (ratchet: see :mod:`expected_failures`);
``tests/tools/update_expected_failures.py`` prunes it.
"""

from __future__ import annotations

import difflib
import functools
import importlib
import inspect
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Final

import attrs
import pytest
from csl_suite import Fixture, parse_fixture
from expected_failures import SHARED_DIR, ExpectedFailures, ratchet, tally

SUITE_DIR: Final = SHARED_DIR / "csl-test-suite"
FIXTURE_DIR: Final = SUITE_DIR / "processor-tests" / "humans"
FAILURES: Final = ExpectedFailures.load(Path(__file__).with_name("csl_suite_expected_failures.txt"))
SUMMARY_LABEL: Final = "CSL suite"

FIXTURE_PATHS: Final = sorted(FIXTURE_DIR.glob("*.txt")) if FIXTURE_DIR.is_dir() else []
STEMS: Final = [path.stem for path in FIXTURE_PATHS]
NO_SUITE: Final = f"CSL test suite not found at {FIXTURE_DIR}"


class Unsupported(Exception):
    """The fixture needs something the harness or the processor API cannot express."""


@attrs.frozen
class Api:
    """``citekit.csl``'s public names."""

    processor: Any
    cite: Any
    cluster: Any


def load_api() -> Api:
    """``citekit.csl``'s Processor, Cite and Cluster.

    While the processor is not written (and no baseline has been recorded in the expected-failure list) this skips;
    once the list has entries, a missing API fails instead.  Any other import error propagates.
    """
    names = ("Processor", "Cite", "Cluster")
    try:
        module = importlib.import_module("citekit.csl")
    except ModuleNotFoundError as exc:
        if exc.name != "citekit.csl":
            raise
        missing = "citekit.csl does not exist"
    else:
        absent = [name for name in names if not hasattr(module, name)]
        if not absent:
            return Api(*(getattr(module, name) for name in names))
        missing = f"citekit.csl has no {', '.join(absent)}"
    if len(FAILURES) == 0:
        pytest.skip(f"{missing} yet")
    pytest.fail(f"{missing}, but {FAILURES.path.name} records a baseline for it", pytrace=False)


# --- comparison -----------------------------------------------------------------------------------------------

_LAYOUT_WHITESPACE: Final = re.compile(r">\s*\n\s*<")


def normalise_layout_whitespace(html: str) -> str:
    """Drop whitespace that contains a line break and lies between two tags.

    citeproc-js lays a bibliography out over lines: the ``csl-bib-body`` wrapper and each ``csl-entry`` on lines of
    their own and, for entries with display divs, those divs on an indented line inside the entry.  The fixtures
    follow that layout but not uniformly (some have blank lines, or a trailing space, around display divs), while
    citekit returns entries with no line breaks.  That layout whitespace is not part of any entry's text, so it
    goes.  Whitespace without a line break is kept: ``</i> <b>`` and ``<div class="csl-left-margin"> N.d.`` differ
    from ``</i><b>`` and ``<div class="csl-left-margin">N.d.``.
    """
    return _LAYOUT_WHITESPACE.sub("><", html)


def _display_lines(html: str) -> list[str]:
    """A normalised bibliography broken before each entry and the closing wrapper, for a readable diff."""
    return re.sub(r'(?=<div class="csl-entry">)|(?=</div>\Z)', "\n", html).splitlines()


def _marker_free(lines: Sequence[str]) -> list[str]:
    return [re.sub(r"^(?:>>|\.\.)(?=\[\d+\] )", "", line) for line in lines]


def assert_matches(fixture: Fixture, actual: str) -> None:
    """Fail with a line diff unless ``actual`` is the fixture's RESULT (modulo layout whitespace in bibliographies)."""
    expected = fixture.result
    if fixture.mode.startswith("bibliography"):
        expected, actual = normalise_layout_whitespace(expected), normalise_layout_whitespace(actual)
        expected_lines, actual_lines = _display_lines(expected), _display_lines(actual)
    else:
        expected_lines, actual_lines = expected.split("\n"), actual.split("\n")
    if expected == actual:
        return
    diff = "\n".join(difflib.unified_diff(expected_lines, actual_lines, "expected", "citekit", lineterm=""))
    note = ""
    if fixture.citations and _marker_free(expected_lines) == _marker_free(actual_lines):
        note = "\n(only the >>/.. markers differ: citeproc-js also marks clusters it re-rendered without a change)"
    pytest.fail(f"{fixture.name} ({fixture.mode}): output differs\n{diff}{note}", pytrace=False)


# --- running a fixture -----------------------------------------------------------------------------------------


def _item_id(value: object) -> str:
    return str(value)


def _registered(fixture: Fixture, cited_ids: Sequence[str] | None) -> list[dict[str, Any]]:
    """The registered items (see the module docstring), with string ids."""
    # citeproc-js's runner numbers items that have no id ("ITEM-1", ...), as a few fixtures rely on.
    with_ids = [item if "id" in item else {**item, "id": f"ITEM-{n}"} for n, item in enumerate(fixture.input, 1)]
    by_id = {_item_id(item["id"]): {**item, "id": _item_id(item["id"])} for item in with_ids}
    if fixture.bibentries:
        ids = [_item_id(i) for i in fixture.bibentries[-1]]
    elif cited_ids is not None:
        ids = list(dict.fromkeys(cited_ids))
    else:
        ids = list(by_id)
    return [by_id[i] for i in ids]


def _cite_parameters(cite_class: Any) -> frozenset[str]:
    return frozenset(inspect.signature(cite_class).parameters)


def make_cite(api: Api, raw: Mapping[str, Any]) -> Any:
    """A ``Cite`` from a fixture's cite dict (CSL-JSON citation-item keys, hyphenated)."""
    accepted = _cite_parameters(api.cite)
    kwargs: dict[str, Any] = {}
    unsupported: list[str] = []
    for key, value in raw.items():
        name = key.replace("-", "_")
        if name not in accepted:
            unsupported.append(key)
        elif name in ("id", "locator") and value is not None:
            kwargs[name] = str(value)
        else:
            kwargs[name] = value
    if unsupported:
        raise Unsupported(f"unsupported: cite field(s) {', '.join(sorted(unsupported))} (not in citekit.csl.Cite)")
    return api.cite(**kwargs)


@attrs.frozen
class DocCluster:
    """One citation of a CITATIONS document: its id, its cite dicts and its note number (0: not in a note)."""

    citation_id: str
    cites: list[dict[str, Any]]
    note_index: int


def document_after(steps: Sequence[Sequence[Any]], count: int) -> list[DocCluster]:
    """The CITATIONS document after the first ``count`` steps (empty for 0)."""
    if count == 0:
        return []
    latest: dict[str, dict[str, Any]] = {}
    for citation, _pre, _post in steps[:count]:
        latest[citation["citationID"]] = citation
    citation, pre, post = steps[count - 1]
    order = [*pre, [citation["citationID"], citation.get("properties", {}).get("noteIndex", 0)], *post]
    clusters = []
    for citation_id, note_index in order:
        if citation_id not in latest:
            raise ValueError(f"citationsPre/Post name {citation_id}, which no earlier step defines")
        clusters.append(DocCluster(citation_id, latest[citation_id]["citationItems"], int(note_index or 0)))
    return clusters


def _clusters(
    api: Api, lists: Sequence[Sequence[Mapping[str, Any]]], notes: Sequence[int] | None = None
) -> list[Any]:
    """``Cluster`` objects; a note number of 0 (citeproc-js: not in a note) becomes ``note_index=None``."""
    notes = notes if notes is not None else [0] * len(lists)
    return [
        api.cluster([make_cite(api, cite) for cite in cites], note_index=note or None)
        for cites, note in zip(lists, notes)
    ]


def _render_document(api: Api, proc: Any, fixture: Fixture, doc: Sequence[DocCluster]) -> dict[str, str]:
    if not doc:
        return {}
    items = _registered(fixture, [_item_id(c["id"]) for cluster in doc for c in cluster.cites])
    clusters = _clusters(api, [c.cites for c in doc], [c.note_index for c in doc])
    texts = proc.citations(items, clusters, output="html")
    return {cluster.citation_id: text for cluster, text in zip(doc, texts)}


def run_citations_document(api: Api, proc: Any, fixture: Fixture) -> str:
    """The ``..[i]``/``>>[i]`` lines of a CITATIONS fixture (see the module docstring)."""
    steps = fixture.citations or []
    before = _render_document(api, proc, fixture, document_after(steps, len(steps) - 1))
    final = document_after(steps, len(steps))
    after = _render_document(api, proc, fixture, final)
    current = steps[-1][0]["citationID"]
    lines = []
    for index, cluster in enumerate(final):
        text = after[cluster.citation_id]
        changed = cluster.citation_id == current or before.get(cluster.citation_id) != text
        lines.append(f"{'>>' if changed else '..'}[{index}] {text}")
    return "\n".join(lines)


def _wrap_bibliography(entries: Sequence[str]) -> str:
    body = "".join(f'  <div class="csl-entry">{entry}</div>\n' for entry in entries)
    return f'<div class="csl-bib-body">\n{body}</div>'


def run_fixture(api: Api, fixture: Fixture) -> str:
    """The fixture's output as citeproc-js's test runner would print it."""
    mode, *submodes = fixture.mode.split("-")
    if submodes or mode not in ("citation", "bibliography"):
        raise Unsupported(f"unsupported: mode {fixture.mode}")
    if fixture.unmodelled_sections:
        raise Unsupported(f"unsupported: section(s) {', '.join(fixture.unmodelled_sections)}")
    proc = api.processor(fixture.csl.strip())
    if mode == "citation":
        if fixture.citations:
            return run_citations_document(api, proc, fixture)
        items = _registered(fixture, None)
        # citeproc-js's runner cites every registered item in registry order, which is the bibliography's order.
        lists = fixture.citation_items or [[{"id": item_id} for item_id in proc.sorted_ids(items)]]
        return "\n".join(proc.citations(items, _clusters(api, lists), output="html"))
    if fixture.citations:
        doc = document_after(fixture.citations, len(fixture.citations))
        items = _registered(fixture, [_item_id(c["id"]) for cluster in doc for c in cluster.cites])
        clusters = _clusters(api, [c.cites for c in doc], [c.note_index for c in doc])
    else:
        items, clusters = _registered(fixture, None), []
    entries = proc.bibliography(items, clusters=clusters, output="html", select=fixture.bibsection)
    return _wrap_bibliography(entries)


@attrs.frozen
class Outcome:
    """The result of running one fixture: its output, or the exception it raised."""

    fixture: Fixture
    actual: str | None
    error: Exception | None

    def check(self) -> None:
        if isinstance(self.error, Unsupported):
            pytest.fail(f"{self.fixture.name}: {self.error}", pytrace=False)
        if self.error is not None:
            raise self.error
        assert self.actual is not None
        assert_matches(self.fixture, self.actual)

    @property
    def matched(self) -> bool:
        try:
            self.check()
        except (Exception, pytest.fail.Exception):
            return False
        return True


@functools.cache
def outcome(stem: str) -> Outcome:
    """Run fixture ``stem`` once per session (the per-fixture test and the floor test share it)."""
    api = load_api()  # skips, uncached, while there is no processor
    fixture = parse_fixture(FIXTURE_DIR / f"{stem}.txt")
    try:
        return Outcome(fixture, run_fixture(api, fixture), None)
    except Exception as exc:  # a processor error is this fixture's failure, not the harness's
        return Outcome(fixture, None, exc)


# --- tests -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("stem", STEMS or [pytest.param("-", marks=pytest.mark.skip(reason=NO_SUITE))], ids=str)
def test_fixture(stem: str, request: pytest.FixtureRequest) -> None:
    counter = tally(request.config, SUMMARY_LABEL, len(STEMS))
    ratchet(request, FAILURES, stem, lambda: outcome(stem).check(), counter)


def test_expected_failures_name_fixtures() -> None:
    if not STEMS:
        pytest.skip(NO_SUITE)
    stale = FAILURES.stale(set(STEMS))
    assert not stale, f"{FAILURES.path.name} lists fixtures that do not exist: {', '.join(stale)}"


def test_pass_rate_floor(request: pytest.FixtureRequest) -> None:
    """At least as many fixtures pass as the expected-failure list allows (every fixture is run, once per session)."""
    if not STEMS:
        pytest.skip(NO_SUITE)
    counter = tally(request.config, SUMMARY_LABEL, len(STEMS))
    passed = 0
    for stem in STEMS:
        matched = outcome(stem).matched
        counter.record(stem, matched)
        passed += matched
    floor = len(STEMS) - len(FAILURES)
    figure = f"{passed}/{len(STEMS)} passed ({100.0 * passed / len(STEMS):.1f}%)"
    assert passed >= floor, f"CSL suite: {figure}, below the floor of {floor} set by {FAILURES.path.name}"
