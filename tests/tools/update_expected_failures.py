"""Prune (or create once) an expected-failure list of the conformance harnesses.

    .venv/bin/python tests/tools/update_expected_failures.py [csl|farr|corpus] [--init]

Runs the harness's test file with pytest (in a subprocess, from the repository root) and reads each case's
outcome from the JUnit XML report: :func:`expected_failures.ratchet` records ``ratchet_list``, ``ratchet_key`` and
``ratchet_matched`` as test properties.

- default: remove from the list every key whose case now matches.  Nothing is ever added, so the list only
  shrinks; unlisted failures are reported (they fail the suite: fix them or triage them by hand).
- ``--init``: write the list of every failing key, with the reason "not yet triaged".  Only for the first
  creation: refused when the list already has entries.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Final

REPO_DIR: Final = Path(__file__).resolve().parents[2]
TESTS_DIR: Final = REPO_DIR / "tests"
SUITES: Final[dict[str, tuple[str, str]]] = {
    "csl": ("test_csl_suite.py", "csl_suite_expected_failures.txt"),
    "farr": ("test_farr.py", "farr_expected_failures.txt"),
    "corpus": ("test_corpus.py", "corpus_expected_failures.txt"),
}
INIT_REASON: Final = "not yet triaged"


def run_suite(test_file: str, list_name: str) -> dict[str, bool]:
    """Each ratchet key of ``list_name`` in ``test_file`` -> whether its case matched."""
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.xml"
        command = [
            sys.executable, "-m", "pytest", str(TESTS_DIR / test_file), "-q", "-p", "no:cacheprovider",
            "-o", "junit_family=xunit1", f"--junitxml={report}",
        ]  # fmt: skip
        completed = subprocess.run(command, cwd=REPO_DIR, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if not report.is_file():
            sys.exit(f"pytest wrote no report (exit {completed.returncode}):\n{completed.stdout[-4000:]}")
        outcomes: dict[str, bool] = {}
        for case in ET.parse(report).getroot().iter("testcase"):
            props = {p.get("name"): p.get("value") for p in case.iter("property")}
            if props.get("ratchet_list") == list_name and props.get("ratchet_key") and "ratchet_matched" in props:
                outcomes[str(props["ratchet_key"])] = props["ratchet_matched"] == "True"
    if not outcomes:
        sys.exit(f"no case of {test_file} reported an outcome (all skipped?):\n{completed.stdout[-4000:]}")
    return outcomes


def listed_keys(lines: list[str]) -> dict[str, int]:
    """The key on each entry line of a list file -> its line index."""
    keys: dict[str, int] = {}
    for index, line in enumerate(lines):
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            keys[stripped.partition("#")[0].strip()] = index
    return keys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("suite", nargs="?", default="csl", choices=sorted(SUITES))
    parser.add_argument("--init", action="store_true", help="create the list from every failure (first time only)")
    args = parser.parse_args(argv)
    test_file, list_name = SUITES[args.suite]
    list_path = TESTS_DIR / list_name
    lines = list_path.read_text(encoding="utf-8").splitlines() if list_path.exists() else []
    listed = listed_keys(lines)
    if args.init and listed:
        print(f"{list_name} already has {len(listed)} entries; --init is for the first creation only", file=sys.stderr)
        return 2

    outcomes = run_suite(test_file, list_name)
    failing = sorted(key for key, matched in outcomes.items() if not matched)
    passed = len(outcomes) - len(failing)
    print(f"{args.suite}: {passed}/{len(outcomes)} cases match ({100.0 * passed / len(outcomes):.1f}%)")

    if args.init:
        header = [line for line in lines if line.strip().startswith("#") or not line.strip()]
        body = [f"{key}  # {INIT_REASON}" for key in failing]
        list_path.write_text("\n".join([*header, *body]) + "\n", encoding="utf-8")
        print(f"wrote {len(failing)} entries to tests/{list_name}")
        return 0

    now_passing = {key for key in listed if outcomes.get(key) is True}
    unlisted = [key for key in failing if key not in listed]
    if now_passing:
        drop = {listed[key] for key in now_passing}
        kept = [line for index, line in enumerate(lines) if index not in drop]
        list_path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    print(f"removed {len(now_passing)} entries that now pass: {', '.join(sorted(now_passing)) or '-'}")
    if unlisted:
        print(f"{len(unlisted)} unlisted failures (the tool never adds entries): {', '.join(unlisted)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
