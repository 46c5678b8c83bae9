"""``citekit demo``: the Farr (2011) chapter in every style profile, as a bibliography entry and a citation."""

from __future__ import annotations

import argparse

from citekit.cli._common import add_command

EXAMPLES = """\
examples:
  citekit demo                         every profile, formatted by citekit
  citekit demo --engine citeproc-py    the same with the baseline engine, to compare
  citekit demo --output html
"""


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from citekit.api import OUTPUTS
    from citekit.engines import engine_names

    parser = add_command(
        commands,
        "demo",
        summary="print the Farr (2011) chapter in every style profile",
        description="Print the Farr (2011) book chapter in every citekit style profile: "
        "its bibliography entry and its citation (the first note, for note styles).",
        examples=EXAMPLES,
    )
    parser.add_argument("--engine", choices=engine_names(), default=None, help="formatting engine (default: citekit)")
    parser.add_argument("--output", choices=OUTPUTS, default="text", help="output format (default: text)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from citekit import format_citation
    from citekit.examples import FARR
    from citekit.styles import load_profiles, resolve_style, style_info

    for name, profile in load_profiles().items():
        style = resolve_style(name)
        kind = "note" if style_info(style.style_id).style_class == "note" else "citation"
        entry = format_citation(FARR, name, output=args.output, engine=args.engine)
        cite = format_citation(FARR, name, mode="citation", output=args.output, engine=args.engine)
        print(f"{name}: {profile.title} [{style.style_id}, {style.locale or 'style default locale'}]")
        print(f"  bibliography: {entry}")
        print(f"  {kind + ':':13} {cite}")
        print()
    return 0
