"""The progress display: on a terminal, for inputs of more than a few hundred records; never in a pipe."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from citekit.cli.progress import THRESHOLD, Progress, wanted


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_when_it_is_wanted() -> None:
    assert wanted(THRESHOLD + 1, Terminal())
    assert not wanted(THRESHOLD, Terminal())
    assert not wanted(THRESHOLD + 1, io.StringIO())  # not a terminal
    assert not wanted(THRESHOLD + 1, Terminal(), enabled=False)  # --no-progress


def test_a_bar_counts_and_clears_its_line() -> None:
    screen = Terminal()
    with Progress("checking", total=4, show=True, stream=screen) as bar:
        for _ in range(4):
            bar.advance()
    text = screen.getvalue()
    assert "\rchecking [------------------------------] 0/4 0%" in text
    assert "\rchecking [##############################] 4/4 100%" in text
    last = "checking [##############################] 4/4 100%"
    assert text.endswith("\r" + " " * len(last) + "\r")


def test_an_activity_line_shows_the_time() -> None:
    screen = Terminal()
    with Progress("formatting 500 records", show=True, stream=screen):
        pass
    assert screen.getvalue().startswith("\rformatting 500 records | 0 s")


def test_hidden_does_nothing() -> None:
    screen = Terminal()
    with Progress("formatting", total=10, show=False, stream=screen) as bar:
        bar.advance(10)
    with Progress("formatting", show=False, stream=screen):
        pass
    assert screen.getvalue() == ""


@pytest.fixture(scope="module")
def many_records(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A CSL-JSON file with more records than the threshold."""
    items = [
        {"id": f"r{n}", "type": "book", "title": f"Book number {n}", "author": [{"family": f"Author{n}"}],
         "issued": {"date-parts": [[1900 + n % 100]]}, "publisher": "Press"}
        for n in range(THRESHOLD + 20)
    ]  # fmt: skip
    path = tmp_path_factory.mktemp("many") / "many.json"
    path.write_text(json.dumps(items, indent=1), encoding="utf-8")
    return path


def _on_a_terminal(argv: list[str], checkout: Path) -> tuple[int, bytes, bytes]:
    """Run citekit with standard error on a pseudo-terminal (standard output in a pipe)."""
    pty = pytest.importorskip("pty")
    master, slave = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "citekit", *argv], stdout=subprocess.PIPE, stderr=slave, cwd=checkout
    )
    os.close(slave)
    err = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # the other end closed (Linux raises EIO)
            break
        if not chunk:
            break
        err += chunk
    out, _ = process.communicate()
    os.close(master)
    return process.returncode, out, err


@pytest.mark.parametrize("command", ["format", "check", "citations"])
def test_on_a_terminal_for_many_records(command: str, many_records: Path, checkout: Path) -> None:
    argv = {"format": ["format", str(many_records)], "check": ["check", str(many_records)],
            "citations": ["format", str(many_records), "--mode", "citation"]}[command]  # fmt: skip
    status, out, err = _on_a_terminal(argv, checkout)
    assert status == 0, err
    assert b"\rcitekit: " in err and err.endswith(b"\r")  # drawn, then cleared
    assert b"\r" not in out  # the output itself is clean
    status, _, err = _on_a_terminal([*argv, "--no-progress"], checkout)
    assert status == 0 and err == b""


def test_never_in_a_pipe(many_records: Path, checkout: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "citekit", "format", str(many_records)], capture_output=True, cwd=checkout
    )
    assert done.returncode == 0 and done.stderr == b""
