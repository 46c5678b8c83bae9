"""A one-line progress display on standard error, for long runs of the command line.

It shows only when it helps: standard error is a terminal (never in a pipe, a log file or CI output, where
carriage returns make a mess) and the input has more than :data:`THRESHOLD` records (smaller inputs finish
before a bar would be read).  Two kinds:

- a bar with a count (``Progress(total=1200)``, :meth:`Progress.advance` per record), for the loops the command
  line runs itself: checking records, one citation per record;
- an activity line with the elapsed time (``total=None``), redrawn by a background thread, for one call the
  command line cannot look inside: a whole bibliography is formatted in one step, because sorting and
  disambiguation need every record at once.

The line is cleared when the work ends, so what is left on the terminal is the command's own output.
"""

from __future__ import annotations

import sys
import threading
import time
from types import TracebackType
from typing import TextIO

THRESHOLD = 300
"""Records above which a progress display is shown ("more than a few hundred")."""

_INTERVAL = 0.1  # seconds between redraws: often enough to look alive, rarely enough to cost nothing
_WIDTH = 30  # characters of the bar itself


def wanted(records: int, stream: TextIO | None = None, *, enabled: bool = True) -> bool:
    """Whether to show progress for ``records`` records on ``stream`` (default: standard error)."""
    stream = sys.stderr if stream is None else stream
    if not enabled or records <= THRESHOLD:
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty is not None and isatty())


class Progress:
    """A progress line on ``stream``; a context manager that clears the line on exit.

    With ``show=False`` every method does nothing, so callers need no ``if`` around their loops.
    """

    def __init__(self, label: str, total: int | None = None, *, show: bool, stream: TextIO | None = None) -> None:
        self.label = label
        self.total = total
        self.done = 0
        self.show = show
        self._stream = sys.stderr if stream is None else stream
        self._start = time.monotonic()
        self._last_draw = 0.0
        self._drawn = 0  # width of the line on screen, to blank it out
        self._text = ""
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def __enter__(self) -> Progress:
        if self.show:
            self._start = time.monotonic()
            self._draw(force=True)
            if self.total is None:
                # Nothing calls advance() during one long call, so a thread keeps the elapsed time moving.
                self._thread = threading.Thread(target=self._tick, name="citekit-progress", daemon=True)
                self._thread.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    def advance(self, count: int = 1) -> None:
        """Count ``count`` more records done."""
        self.done += count
        if self.show:
            self._draw()

    def close(self) -> None:
        """Stop redrawing and clear the line (idempotent)."""
        if self._thread is not None:
            self._stop.set()
            self._thread.join()
            self._thread = None
        if self.show and self._drawn:
            with self._lock:
                self._write("\r" + " " * self._drawn + "\r")
                self._drawn = 0
                self._text = ""

    def line(self) -> str:
        """The text of the progress line as it stands now."""
        elapsed = time.monotonic() - self._start
        if self.total is None:
            spinner = "|/-\\"[int(elapsed / _INTERVAL) % 4]
            return f"{self.label} {spinner} {elapsed:.0f} s"
        total = max(self.total, 1)
        filled = min(_WIDTH, _WIDTH * self.done // total)
        bar = "#" * filled + "-" * (_WIDTH - filled)
        return f"{self.label} [{bar}] {self.done}/{self.total} {100 * self.done // total}%"

    def _tick(self) -> None:
        while not self._stop.wait(_INTERVAL):
            self._draw(force=True)

    def _draw(self, *, force: bool = False) -> None:
        now = time.monotonic()
        finished = self.total is not None and self.done >= self.total
        if not force and not finished and now - self._last_draw < _INTERVAL:
            return
        with self._lock:
            self._last_draw = now
            text = self.line()
            if text == self._text:
                return
            self._text = text
            # Pad with spaces rather than an ANSI "erase line": it works on every terminal, Windows' included.
            self._write("\r" + text + " " * max(0, self._drawn - len(text)))
            self._drawn = len(text)

    def _write(self, text: str) -> None:
        try:
            self._stream.write(text)
            self._stream.flush()
        except (OSError, ValueError):  # a closed or broken terminal: progress is not worth failing over
            self.show = False
