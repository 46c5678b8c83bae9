"""Shared fixtures."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

# CI replays the same examples on every run and never fails on timing: a new finding belongs to a developer's
# run, not to a landing. (Tests that fix their own settings keep them.)
settings.register_profile("ci", derandomize=True, deadline=None, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")

CHECKOUT = Path(__file__).resolve().parents[1]

# The suite parses thousands of styles: none of them goes to the developer's own disk cache (nor do the processes
# the tests start, which inherit this).  tests/test_disk_cache.py turns the cache on in a folder of its own.
os.environ["CITEKIT_NO_CACHE"] = "1"


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The source names of the styles parsed from XML during the test (not found in a cache), in order."""
    from citekit.csl import styles_cache

    seen: list[str] = []
    real = styles_cache.parse_style

    def counting(data: bytes | str, source: str = "style") -> Any:
        seen.append(source)
        return real(data, source)

    monkeypatch.setattr(styles_cache, "parse_style", counting)
    return seen


@pytest.fixture(scope="session")
def checkout() -> Path:
    """The checkout's top folder."""
    return CHECKOUT


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` beside the checkout (the CSL test suite, the corpus, the Farr strings); skips without it."""
    shared = CHECKOUT.parent / "shared"
    if not shared.is_dir():
        pytest.skip(f"no shared data folder at {shared} (CI and the developers' machines have one)")
    return shared


@pytest.fixture(scope="session")
def wheel(checkout: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """citekit's wheel, built from the checkout once per session.

    ``python -m build --wheel --no-isolation``: no downloads, it uses the hatchling of the test environment.
    """
    dist = tmp_path_factory.mktemp("dist")
    done = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist), str(checkout)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    (built,) = dist.glob("citekit-*.whl")
    return built


@pytest.fixture(scope="session")
def venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with the wheel installed (``--no-deps``); the dependencies come from the test environment.

    Run its programs with :func:`venv_env` as the environment, from outside the checkout, so that nothing but
    the installed wheel can be imported as citekit.
    """
    root = tmp_path_factory.mktemp("venv") / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(root)], check=True)
    python = root / "bin" / "python"
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    # Plain path lines: the test environment's own .pth files (an editable citekit, say) are not processed.
    deps = dict.fromkeys([sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]])
    Path(site, "test-environment-deps.pth").write_text("\n".join(deps) + "\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index", str(wheel)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return root


@pytest.fixture(scope="session")
def venv_env() -> dict[str, str]:
    """The environment to run :func:`venv`'s programs in: this one, less what would point Python elsewhere."""
    return {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
