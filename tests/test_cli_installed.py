"""As a new user: ``pip install .``, then ``citekit format`` on a BibTeX and a RIS file in every profile.

The installed console script (from the wheel, in a fresh venv: the ``wheel`` and ``venv`` fixtures of
``conftest.py``, shared with ``test_packaging.py``) must give the entries the Python API gives for the same file
and style.  It runs from a folder outside the checkout, so only the installed citekit can answer.
"""

from __future__ import annotations

import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import citekit
from citekit.styles import profile_names

pytestmark = pytest.mark.packaging

DATA = Path(__file__).parent / "data" / "cli"


def test_installed_console_script_formats_like_the_api(
    venv: Path, venv_env: dict[str, str], tmp_path: Path
) -> None:
    for name in ("refs.bib", "refs.ris"):
        shutil.copy(DATA / name, tmp_path / name)
    script = venv / "bin" / "citekit"
    runs = [(name, style) for name in ("refs.bib", "refs.ris") for style in profile_names()]

    def run(case: tuple[str, str]) -> subprocess.CompletedProcess[str]:
        name, style = case
        return subprocess.run(
            [str(script), "format", name, "--style", style], capture_output=True, text=True, cwd=tmp_path,
            env=venv_env,
        )  # fmt: skip

    # Eighteen short processes: run a few at once (most of each is starting Python and loading a style).
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(run, runs))
    for (name, style), done in zip(runs, results):
        assert done.returncode == 0, (name, style, done.stderr)
        assert done.stderr == "", (name, style)
        entries = citekit.format_bibliography(citekit.read(DATA / name), style)
        assert [line for line in done.stdout.splitlines() if line] == entries, (name, style)
        assert len(entries) == (4 if name == "refs.bib" else 2)
