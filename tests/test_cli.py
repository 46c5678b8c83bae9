"""The citekit command: ``citekit demo`` (also ``python -m citekit demo``)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from citekit.__main__ import main
from citekit.styles import load_profiles


def _check_demo(out: str) -> None:
    blocks = [b for b in out.strip().split("\n\n") if b.strip()]
    assert len(blocks) == len(load_profiles())
    for block, (name, profile) in zip(blocks, load_profiles().items()):
        head, bibliography, citation = block.splitlines()
        assert head.startswith(f"{name}: {profile.title} [{profile.style}, ")
        assert bibliography.startswith("  bibliography: ") and "Farr" in bibliography
        label = "note:" if name == "chicago" else "citation:"
        assert citation.startswith(f"  {label}") and len(citation) > len(f"  {label}") + 1


def test_demo_prints_every_profile(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--engine", "citeproc-py"]) == 0
    _check_demo(capsys.readouterr().out)


def test_demo_html(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--engine", "citeproc-py", "--output", "html"]) == 0
    assert "<i>" in capsys.readouterr().out


def test_demo_with_the_default_engine(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo"]) == 0
    _check_demo(capsys.readouterr().out)


def test_python_dash_m(checkout: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "citekit", "demo", "--engine", "citeproc-py"],
        capture_output=True,
        text=True,
        cwd=checkout,
    )
    assert done.returncode == 0, done.stderr
    _check_demo(done.stdout)


def test_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main([])
    assert caught.value.code == 2 and "COMMAND" in capsys.readouterr().err
    with pytest.raises(SystemExit) as caught:
        main(["demo", "--engine", "citeproc-js"])
    assert caught.value.code == 2 and "citeproc-js" in capsys.readouterr().err
    with pytest.raises(SystemExit) as caught:
        main(["--version"])
    assert caught.value.code == 0 and capsys.readouterr().out.startswith("citekit ")
