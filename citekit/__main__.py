"""The ``citekit`` command (also ``python -m citekit``).

Subcommands, each a ``_cmd_<name>`` function registered in :func:`build_parser`:

- ``demo``: the Farr (2011) chapter in every style profile, as a bibliography entry and as a citation.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, one subparser per subcommand."""
    from citekit import __version__
    from citekit.api import OUTPUTS
    from citekit.engines import engine_names

    parser = argparse.ArgumentParser(prog="citekit", description="Format citations with CSL styles.")
    parser.add_argument("--version", action="version", version=f"citekit {__version__}")
    commands = parser.add_subparsers(title="commands", dest="command", metavar="COMMAND", required=True)

    demo = commands.add_parser(
        "demo",
        help="print the Farr (2011) chapter in every style profile",
        description="Print the Farr (2011) book chapter in every citekit style profile: "
        "its bibliography entry and its citation (the first note, for note styles).",
    )
    demo.add_argument("--engine", choices=engine_names(), default=None, help="formatting engine (default: citekit)")
    demo.add_argument("--output", choices=OUTPUTS, default="text", help="output format (default: text)")
    demo.set_defaults(run=_cmd_demo)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line ``argv`` (default: ``sys.argv[1:]``); returns the exit status."""
    from citekit.errors import CitekitError

    args = build_parser().parse_args(argv)
    try:
        status: int = args.run(args)
    except CitekitError as exc:
        print(f"citekit: error: {exc}", file=sys.stderr)
        return 1
    return status


def _cmd_demo(args: argparse.Namespace) -> int:
    from citekit import format_citation
    from citekit.examples import FARR
    from citekit.styles import load_profiles, resolve_style, style_info

    for name, profile in load_profiles().items():
        style = resolve_style(name)
        kind = "note" if style_info(style.style_id).style_class == "note" else "citation"
        options = {"output": args.output, "engine": args.engine}
        entry = format_citation(FARR, name, **options)
        cite = format_citation(FARR, name, mode="citation", **options)
        print(f"{name}: {profile.title} [{style.style_id}, {style.locale or 'style default locale'}]")
        print(f"  bibliography: {entry}")
        print(f"  {kind + ':':13} {cite}")
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
