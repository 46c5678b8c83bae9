"""The ``citekit`` command (also ``python -m citekit``): one module per subcommand.

- ``format`` (:mod:`citekit.cli.format`): bibliography files to a reference list or citations;
- ``styles`` (:mod:`citekit.cli.styles`): the profiles and official styles, listed or searched;
- ``check`` (:mod:`citekit.cli.check`): problems in bibliography files, entry by entry;
- ``demo`` (:mod:`citekit.cli.demo`): the Farr (2011) chapter in every profile.

It is built on :mod:`argparse`: the standard library does everything these commands need (subcommands, choices
taken from the library, help with examples), so citekit adds no dependency for people who only import it.

Exit status: 0 when the command did its job; 1 when it could not (an unreadable file, an unknown style, an
unwritable output) or ``check`` found problems; 2 for a command line that does not parse; 130 when interrupted.
Errors are one line on standard error, ``citekit: error: ...``, never a traceback.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from collections.abc import Sequence

from citekit.cli import check, demo, styles
from citekit.cli import format as format_command
from citekit.cli._common import CommandError, HelpFormatter, describe_os_error, error_text

EXAMPLES = """\
examples:
  citekit format refs.bib --style apa              the reference list of refs.bib in APA style
  citekit format refs.ris --style chicago --output html -o refs.html
  citekit styles harvard                           styles whose id or title has "harvard"
  citekit check refs.bib                           missing fields, bad DOIs and ISBNs, unknown types
  citekit demo                                     the Farr (2011) chapter in every profile

'citekit COMMAND --help' says more about each command.
"""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, one subparser per command."""
    from citekit import __version__

    parser = argparse.ArgumentParser(
        prog="citekit",
        description="Format citations and reference lists with CSL styles, exactly as the style manuals and "
        "citeproc-js give them.",
        epilog=EXAMPLES,
        formatter_class=HelpFormatter,
        allow_abbrev=False,
    )
    parser.add_argument("--version", action="version", version=f"citekit {__version__}")
    commands = parser.add_subparsers(title="commands", dest="command", metavar="COMMAND", required=True)
    for command in (format_command, styles, check, demo):
        command.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line ``argv`` (default: ``sys.argv[1:]``); returns the exit status."""
    from citekit.errors import CitekitError

    parser = build_parser()
    args = parser.parse_args(argv)
    _utf8_when_redirected()
    try:
        status: int = args.run(args)
    except CommandError as error:
        return _fail(str(error), error.status)
    except CitekitError as error:
        return _fail(error_text(error))
    except BrokenPipeError:
        # The reader went away (`citekit styles --all | head`): stop quietly, as command line tools do.
        _silence_stdout()
        return 1
    except OSError as error:
        return _fail(describe_os_error(error))
    except KeyboardInterrupt:
        return _fail("interrupted", 130)
    return status


def _fail(message: str, status: int = 1) -> int:
    print(f"citekit: error: {message}", file=sys.stderr)
    return status


def _utf8_when_redirected() -> None:
    """Write UTF-8 to a file or pipe whatever the locale says: bibliographies are UTF-8 text for other tools
    (LaTeX, pandoc, web pages), and a legacy locale encoding cannot hold their quotes and dashes.  A terminal
    keeps its own encoding."""
    stream = sys.stdout
    if isinstance(stream, io.TextIOWrapper) and not stream.isatty() and stream.encoding.lower() != "utf-8":
        stream.reconfigure(encoding="utf-8")


def _silence_stdout() -> None:
    """Point standard output at the null device, so the flush at exit does not fail on the closed pipe."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        pass


__all__ = ["build_parser", "main"]
