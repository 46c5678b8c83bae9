"""What the commands share: reading the input files, writing the output, and saying what went wrong.

Errors a user can fix (a file that is not there, a style with a typo, a folder that cannot be written) are
raised as :class:`CommandError` or as citekit's own errors; :func:`citekit.cli.main` prints them as one line,
``citekit: error: ...``, with no traceback.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import sys
from collections.abc import Sequence

import attrs

from citekit.readers import ReadResult, ReadWarning
from citekit.records import Record

STDIN = "-"
"""The file name that means standard input."""

STDIN_NAME = "<stdin>"
"""How messages name standard input."""


class HelpFormatter(argparse.HelpFormatter):
    """argparse's formatter, except that an epilog of examples keeps its lines (and their alignment) as written.

    ``RawDescriptionHelpFormatter`` would also stop the description from being wrapped to the terminal.
    """

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if text.startswith("examples:"):
            return "".join(indent + line for line in text.splitlines(keepends=True))
        return super()._fill_text(text, width, indent)


def add_command(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], name: str, *, summary: str, description: str,
    examples: str,
) -> argparse.ArgumentParser:
    """A subcommand's parser, made the same way for every command: ``examples`` (an ``examples:`` epilog) is
    required, abbreviated options are not allowed (``--out`` must not pass for ``--output``)."""
    if not examples.startswith("examples:"):
        raise ValueError(f"{name}: the help of every command ends with its examples")
    return commands.add_parser(
        name, help=summary, description=description, epilog=examples, formatter_class=HelpFormatter,
        allow_abbrev=False,
    )  # fmt: skip


class CommandError(Exception):
    """A problem the user can fix, with a message that says what to do; ends the command with ``status``."""

    def __init__(self, message: str, status: int = 1) -> None:
        super().__init__(message)
        self.status = status


@attrs.frozen
class Input:
    """One input file, read: its records and warnings, and where each entry starts (for messages)."""

    name: str
    records: ReadResult
    entry_lines: dict[str, int]
    """Record id → the line its entry starts on, where the file shows it (see :func:`entry_lines`)."""


def describe_os_error(error: OSError, doing: str = "", name: str | None = None) -> str:
    """An OSError as one line: "cannot write out/refs.html: No such file or directory".

    ``name`` is the file, for errors that do not carry it (a write that fails after the open).
    """
    reason = error.strerror or str(error)
    name = name if name is not None else str(error.filename) if error.filename is not None else ""
    where = f"{doing} {name}".strip() if doing or name else ""
    return f"{where}: {reason}" if where else reason


def error_text(error: BaseException) -> str:
    """An error's message, with the library's advice put in command line terms."""
    # citekit.read says which keyword argument to pass; on the command line that is an option.
    return str(error).replace("pass format=...", "name it with --from FORMAT")


def read_inputs(paths: Sequence[str], format: str | None) -> list[Input]:
    """Read every path (``-``: standard input) with :func:`citekit.read`, in order.

    The bytes are read here rather than by :func:`citekit.read`, so that an unreadable path is reported as
    the OSError it is, standard input can be named in messages, and the text is at hand to find entry lines.
    """
    import citekit

    if sum(path == STDIN for path in paths) > 1:
        raise CommandError("standard input ('-') can be read only once", status=2)
    inputs: list[Input] = []
    for path in paths:
        if path == STDIN:
            name, data = STDIN_NAME, sys.stdin.buffer.read()
        else:
            name = path
            if os.path.isdir(path):
                raise CommandError(f"cannot read {path}: it is a folder, not a bibliography file")
            try:
                with open(path, "rb") as handle:
                    data = handle.read()
            except OSError as error:
                raise CommandError(describe_os_error(error, "cannot read", path)) from None
        source = io.BytesIO(data)
        # citekit.read takes the name (for messages) and the extension (to tell the format) from .name.
        source.name = name
        records = citekit.read(source, format)
        text = data.decode("utf-8-sig", errors="replace")
        inputs.append(Input(name, records, entry_lines(text, records)))
    return inputs


def all_records(inputs: Sequence[Input]) -> list[Record]:
    return [record for one in inputs for record in one.records]


def all_warnings(inputs: Sequence[Input]) -> list[ReadWarning]:
    return [warning for one in inputs for warning in one.records.warnings]


_BIBTEX_ENTRY = re.compile(r"^[ \t]*@[ \t]*(\w+)[ \t]*[{(][ \t]*([^,\s]+)[ \t]*,", re.M)
_RIS_START = re.compile(r"^TY  - ", re.M)


def entry_lines(text: str, records: Sequence[Record]) -> dict[str, int]:
    """Where each record's entry starts in ``text`` (1-based lines), as far as the text shows it.

    BibTeX entries are found by key, CSL-JSON and CSL-YAML items by ``id``, RIS records in order (a RIS
    record's id is often made up by citekit, so it cannot be searched for).  Records not found are left out:
    the messages then name the entry without a line.
    """
    ids = [record.id for record in records]
    wanted = set(ids)
    bibtex = {
        match.group(2): text.count("\n", 0, match.start()) + 1
        for match in _BIBTEX_ENTRY.finditer(text)
        if match.group(1).lower() not in ("string", "preamble", "comment")
    }
    if bibtex:
        return {key: line for key, line in bibtex.items() if key in wanted}
    ris = [text.count("\n", 0, match.start()) + 1 for match in _RIS_START.finditer(text)]
    if ris and len(ris) == len(ids):
        return dict(zip(ids, ris))
    found: dict[str, int] = {}
    for record_id in ids:
        quoted = re.escape(record_id)
        match = re.search(rf"""["']?id["']?\s*:\s*["']?{quoted}["']?\s*[,}}\n]""", text)
        if match:
            found[record_id] = text.count("\n", 0, match.start()) + 1
    return found


def check_output_path(path: str | None) -> None:
    """Fail before any work if ``path`` cannot be a file to write: its folder is missing, or it is a folder."""
    if path is None or path == STDIN:
        return
    if os.path.isdir(path):
        raise CommandError(f"cannot write {path}: it is a folder")
    folder = os.path.dirname(path) or os.curdir  # as the user wrote it, for the message
    if not os.path.isdir(folder):
        what = "not a folder" if os.path.exists(folder) else "no such folder"
        raise CommandError(f"cannot write {path}: {what}: {folder}")


def write_output(text: str, path: str | None) -> None:
    """``text`` to ``path`` (UTF-8), or to standard output when ``path`` is None or ``-``."""
    if path is None or path == STDIN:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    try:
        with open(path, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
    except OSError as error:
        raise CommandError(describe_os_error(error, "cannot write", path)) from None


def warn(message: str) -> None:
    """One warning line on standard error."""
    print(f"citekit: warning: {message}", file=sys.stderr)


def read_warnings(inputs: Sequence[Input], *, quiet: bool) -> None:
    """Print the readers' warnings (everything not read exactly as written) unless ``quiet``."""
    if quiet:
        return
    for warning in all_warnings(inputs):
        warn(str(warning))
