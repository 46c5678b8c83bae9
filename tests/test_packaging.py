"""The built wheel works on its own: profiles and py.typed inside, importable from outside the checkout.

This builds the wheel from the checkout (``python -m build --wheel --no-isolation``: no downloads, it uses the
hatchling of the test environment), installs it with ``--no-deps`` into a fresh venv whose dependencies come from
the test environment's site-packages (added by a ``.pth`` line), and runs citekit there from a temporary folder.
The ``wheel`` and ``venv`` fixtures are in ``conftest.py``, built once per session (``test_cli_installed.py``
uses them too).  It takes about ten seconds and runs in CI like every other test.
"""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

pytestmark = pytest.mark.packaging

PROFILES = ("apa", "harvard", "chicago", "chicago-author-date", "mla", "ieee", "vancouver", "ama", "nature")


def test_wheel_contents(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "citekit/py.typed" in names
    assert "citekit/__init__.py" in names and "citekit/styles/resolve.py" in names
    for profile in PROFILES:
        assert f"citekit/_profiles/{profile}.toml" in names
    assert not any(n.startswith(("styles/", "tests/")) for n in names)
    (entry_points,) = [n for n in names if n.endswith(".dist-info/entry_points.txt")]
    assert "citekit = citekit.__main__:main" in zipfile.ZipFile(wheel).read(entry_points).decode()


def test_installed_wheel_works_outside_the_checkout(
    venv: Path, venv_env: dict[str, str], tmp_path: Path, checkout: Path
) -> None:
    code = """
import json, citekit
from citekit import format_citation
from citekit.styles import load_profiles, resolve_style
from citekit.styles.profiles import profiles_dir
seed = {"id": "farr2011", "type": "chapter", "author": [{"family": "Farr", "given": "Michelle"}],
        "title": "Collaboration in public services", "container-title": "Critical Perspectives on User Involvement",
        "publisher": "Policy Press", "issued": {"date-parts": [[2011, 11]]},
        "DOI": "http://dx.doi.org/10.1332/policypress/9781847427519.003.0008"}
print(json.dumps({
    "file": citekit.__file__,
    "version": citekit.__version__,
    "profiles": str(profiles_dir()),
    "names": sorted(load_profiles()),
    "harvard_locale": resolve_style("harvard").locale,
    "entry": format_citation(seed, "apa", engine="citeproc-py"),
}))
"""
    done = subprocess.run(
        [str(venv / "bin" / "python"), "-c", code], capture_output=True, text=True, cwd=tmp_path, env=venv_env
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["file"].startswith(str(venv))
    assert result["version"] == tomllib.loads((checkout / "pyproject.toml").read_text())["project"]["version"]
    assert result["profiles"] == str(Path(result["file"]).parent / "_profiles")
    assert result["names"] == sorted(PROFILES)
    assert result["harvard_locale"] == "en-GB"
    assert result["entry"].startswith("Farr, M. (2011).")
    assert "https://doi.org/10.1332/policypress/9781847427519.003.0008" in result["entry"]


def test_console_script(venv: Path, venv_env: dict[str, str], tmp_path: Path) -> None:
    done = subprocess.run(
        [str(venv / "bin" / "citekit"), "demo", "--engine", "citeproc-py"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=venv_env,
    )
    assert done.returncode == 0, done.stderr
    for profile in PROFILES:
        assert f"\n{profile}: " in "\n" + done.stdout
