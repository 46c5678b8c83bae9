"""The citekit command as a whole: ``demo``, help, usage errors, exit statuses, ``python -m citekit``.

The commands themselves are tested in ``test_cli_format.py``, ``test_cli_check.py``, ``test_cli_styles.py``;
the progress display in ``test_cli_progress.py``; the installed console script in ``test_cli_installed.py``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from citekit.__main__ import main
from citekit.styles import load_profiles

COMMANDS = ("format", "styles", "check", "demo")
DATA = Path(__file__).parent / "data" / "cli"


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
    with pytest.raises(SystemExit) as caught:
        main(["format"])  # no FILE
    assert caught.value.code == 2 and "FILE" in capsys.readouterr().err
    with pytest.raises(SystemExit) as caught:
        main(["format", str(DATA / "refs.bib"), "--out", "x"])  # no abbreviations: --out is not --output
    assert caught.value.code == 2 and "--out" in capsys.readouterr().err


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_every_command_has_help_with_an_example(command: str | None, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main([command, "--help"] if command else ["--help"])
    assert caught.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: citekit")
    examples = out.split("examples:\n", 1)[1]
    assert f"  citekit {command or ''}".rstrip() in examples


def test_top_level_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for command in COMMANDS:
        assert f"\n    {command} " in out


def test_user_errors_are_one_line_without_a_traceback(checkout: Path, tmp_path: Path) -> None:
    """Run as a user would: a separate process, so nothing is caught by the test's own machinery."""
    cases = {
        "missing file": (["format", "nope.bib"], "cannot read nope.bib: No such file or directory"),
        "folder": (["format", str(tmp_path)], "it is a folder"),
        "unknown style": (["format", str(DATA / "refs.bib"), "--style", "apaa"], "did you mean 'apa'"),
        "broken file": (["format", str(DATA / "broken.bib")], "line 9, entry 'broken'"),
        "bad locale": (["format", str(DATA / "refs.bib"), "--locale", "english!"], "locale"),
        "unwritable": (["format", str(DATA / "refs.bib"), "-o", str(tmp_path / "no" / "x.txt")], "no such folder"),
    }
    for name, (argv, message) in cases.items():
        done = subprocess.run(
            [sys.executable, "-m", "citekit", *argv], capture_output=True, text=True, cwd=tmp_path,
            env={"PYTHONPATH": str(checkout), "PATH": "/usr/bin:/bin"},
        )  # fmt: skip
        assert done.returncode == 1, name
        assert done.stdout == "", name
        assert done.stderr.startswith("citekit: error: ") and message in done.stderr, (name, done.stderr)
        assert "Traceback" not in done.stderr and done.stderr.count("\n") == 1, (name, done.stderr)


def test_a_closed_pipe_ends_quietly(checkout: Path) -> None:
    """``citekit styles --all | head -1``: the reader leaves early; no BrokenPipeError traceback."""
    script = f"{sys.executable} -m citekit styles --all | head -1"
    done = subprocess.run(["sh", "-c", script], capture_output=True, text=True, cwd=checkout)
    assert done.stdout.startswith("ID ")
    assert done.stderr == ""


def test_standard_output_is_utf8_when_redirected(checkout: Path, tmp_path: Path) -> None:
    """Even under an ASCII locale, a redirected bibliography is written as UTF-8 (its quotes and dashes)."""
    done = subprocess.run(
        [sys.executable, "-m", "citekit", "format", str(DATA / "refs.bib"), "--style", "harvard"],
        capture_output=True, cwd=tmp_path,
        env={"PYTHONPATH": str(checkout), "LC_ALL": "C", "PYTHONIOENCODING": "ascii", "PYTHONUTF8": "0"},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "‘Collaboration in public services".encode() in done.stdout
