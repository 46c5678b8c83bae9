"""The README cannot lie: its quickstart prints what it shows, and CI runs its test command."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

def _section(readme: str, title: str) -> str:
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", readme, flags=re.M | re.S)
    assert match, f"README.md has no '## {title}' section"
    return match.group(1)


def _blocks(text: str, language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```$", text, flags=re.M | re.S)


@pytest.fixture(scope="module")
def readme(checkout: Path) -> str:
    return (checkout / "README.md").read_text(encoding="utf-8")


def test_exactly_two_setup_commands_and_ci_runs_the_second(readme: str, checkout: Path) -> None:
    commands = [block.strip() for block in _blocks(_section(readme, "Set up"), "sh")]
    assert len(commands) == 2 and all("\n" not in c for c in commands)
    install, test = commands
    assert install.startswith("python3 -m venv .venv && ") and install.endswith(" && .venv/bin/citekit demo")
    assert test.startswith("python3 -m venv .venv && ") and test.endswith(" && .venv/bin/pytest")
    ci = (checkout / ".ci" / "run").read_text(encoding="utf-8")
    assert test in ci.splitlines(), ".ci/run must run the README's test command word for word"
    assert ci.splitlines()[0] == "#!/usr/bin/env bash" and "set -euo pipefail" in ci
    assert "|| true" not in ci  # a failing (or empty, exit 5) pytest run must fail CI


def test_quickstart_prints_what_the_readme_shows(readme: str, checkout: Path, tmp_path: Path) -> None:
    quickstart = _section(readme, "Quickstart")
    (code,) = _blocks(quickstart, "python")
    (shown,) = _blocks(quickstart, "text")
    env = dict(os.environ, PYTHONPATH=str(checkout))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout == shown, "README.md's quickstart output is not what its code prints"
