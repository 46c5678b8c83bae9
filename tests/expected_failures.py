"""Shared machinery of the conformance harnesses (CSL test suite, Farr, corpus).

- :data:`SHARED_DIR`: the reference data beside the repository (``../shared``); harnesses skip without it.
- :class:`ExpectedFailures`: a list file of known failures, one ``<key>  # reason`` per line.
- :func:`ratchet`: runs one comparison under that list.  An unlisted case must pass; a listed case that still
  fails is reported as xfail; a listed case that passes FAILS ("now passes: remove it from ..."), so the list
  can only shrink.  Each outcome is recorded in the test's ``user_properties`` (``ratchet_list``,
  ``ratchet_key``, ``ratchet_matched``), which ``tests/tools/update_expected_failures.py`` reads back.
- :class:`Tally`: pass counts shown in pytest's terminal summary (e.g. ``CSL suite: 612/845 passed (72.4%)``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Final

import attrs
import pytest

REPO_DIR: Final = Path(__file__).resolve().parents[1]
SHARED_DIR: Final = REPO_DIR.parent / "shared"


@attrs.frozen
class ExpectedFailures:
    """A list of keys expected to fail, each with a one-line reason."""

    path: Path
    reasons: dict[str, str]

    @classmethod
    def load(cls, path: Path) -> ExpectedFailures:
        """Read ``path``: blank lines and lines starting with ``#`` are ignored; every other line is
        ``<key>  # <reason>``.  A missing file is an empty list; a line without a reason or a repeated key is an
        error (so the list stays triaged)."""
        reasons: dict[str, str] = {}
        if not path.exists():
            return cls(path, reasons)
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            stripped = line.strip()
            if not stripped or stripped.startswith("#"):
                continue
            key, hash_sign, reason = stripped.partition("#")
            key, reason = key.strip(), reason.strip()
            if not hash_sign or not key or not reason:
                raise ValueError(f"{path.name}:{number}: expected '<key>  # <reason>', got {line!r}")
            if key in reasons:
                raise ValueError(f"{path.name}:{number}: {key} is listed twice")
            reasons[key] = reason
        return cls(path, reasons)

    def __contains__(self, key: object) -> bool:
        return key in self.reasons

    def __len__(self) -> int:
        return len(self.reasons)

    def stale(self, known_keys: set[str]) -> list[str]:
        """Listed keys that name no test case (a renamed or removed fixture, a typo)."""
        return sorted(set(self.reasons) - known_keys)


@attrs.define
class Tally:
    """How many cases of one harness matched their expected output in this session."""

    label: str
    total: int
    results: dict[str, bool] = attrs.field(factory=dict)

    def record(self, key: str, matched: bool) -> None:
        self.results[key] = matched

    @property
    def passed(self) -> int:
        return sum(self.results.values())

    def line(self) -> str:
        ran = len(self.results)
        share = 100.0 * self.passed / ran if ran else 0.0
        text = f"{self.label}: {self.passed}/{ran} passed ({share:.1f}%)"
        if ran != self.total:
            text += f" [{ran} of {self.total} cases ran]"
        return text


_TALLIES: dict[str, Tally] = {}
_PLUGIN_NAME: Final = "citekit-conformance-summary"


class _SummaryPlugin:
    """Writes one line per :class:`Tally` at the end of the session, whatever the capture settings."""

    def pytest_terminal_summary(self, terminalreporter: pytest.TerminalReporter) -> None:
        tallies = [tally for tally in _TALLIES.values() if tally.results]
        if not tallies:
            return
        terminalreporter.section("conformance")
        for tally in tallies:
            terminalreporter.write_line(tally.line())


def tally(config: pytest.Config, label: str, total: int) -> Tally:
    """The session's :class:`Tally` called ``label`` (created on first use; reported in the terminal summary)."""
    if not config.pluginmanager.has_plugin(_PLUGIN_NAME):
        config.pluginmanager.register(_SummaryPlugin(), _PLUGIN_NAME)
    if label not in _TALLIES:
        _TALLIES[label] = Tally(label, total)
    return _TALLIES[label]


def ratchet(
    request: pytest.FixtureRequest,
    failures: ExpectedFailures,
    key: str,
    compare: Callable[[], None],
    counter: Tally | None = None,
) -> None:
    """Run ``compare`` (which raises, or calls ``pytest.fail``, on a mismatch) under ``failures``' ratchet.

    A ``pytest.skip`` inside ``compare`` propagates untouched and records nothing.
    """
    properties = request.node.user_properties
    properties.append(("ratchet_list", failures.path.name))
    properties.append(("ratchet_key", key))
    try:
        compare()
    except (Exception, pytest.fail.Exception):
        properties.append(("ratchet_matched", False))
        if counter is not None:
            counter.record(key, False)
        if key in failures:
            pytest.xfail(f"listed in {failures.path.name}: {failures.reasons[key]}")
        raise
    properties.append(("ratchet_matched", True))
    if counter is not None:
        counter.record(key, True)
    if key in failures:
        pytest.fail(f"{key} now passes: remove it from tests/{failures.path.name}", pytrace=False)
