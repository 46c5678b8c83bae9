"""``citekit format FILE...``: a bibliography (or one citation per record) from bibliography files."""

from __future__ import annotations

import argparse

import attrs

from citekit.cli._common import (
    add_command,
    all_records,
    check_output_path,
    read_inputs,
    read_warnings,
    warn,
    write_output,
)
from citekit.cli.progress import Progress, wanted
from citekit.records import Record

EXAMPLES = """\
examples:
  citekit format refs.bib                          the APA reference list, as text
  citekit format refs.bib refs.ris --style chicago --output html -o refs.html
  citekit format refs.bib --style ieee --mode citation
  cat refs.ris | citekit format - --style harvard --locale en-US
"""


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``format`` command to ``commands``; its choices come from the library, never a copy."""
    from citekit.api import CASINGS, MODES, OUTPUTS
    from citekit.readers import FORMATS

    parser = add_command(
        commands,
        "format",
        summary="format bibliography files as a reference list or as citations",
        description="Read bibliography files (BibTeX/BibLaTeX, RIS, CSL-JSON, CSL-YAML, Crossref or DataCite "
        "JSON) and write their reference list, laid out as the style asks, or one citation per record.",
        examples=EXAMPLES,
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="bibliography files to read; '-' is standard input")
    parser.add_argument(
        "-s", "--style", default="apa",
        help="a profile (apa, harvard, chicago, ...), an official CSL style id, or a .csl file (default: apa); "
        "'citekit styles' lists them",
    )  # fmt: skip
    parser.add_argument("--output", choices=OUTPUTS, default="text", help="output format (default: text)")
    parser.add_argument("-o", "--output-file", metavar="OUT", help="write to this file (UTF-8) instead of stdout")
    parser.add_argument("-l", "--locale", help="a locale tag such as en-GB, overriding the style's")
    parser.add_argument(
        "-m", "--mode", choices=MODES, default="bibliography",
        help="bibliography: the whole reference list (default); citation: one citation (a note, in note styles) "
        "per record, as a document citing each once, in order; narrative: 'Farr (2011)' for each record, in "
        "author-date styles",
    )  # fmt: skip
    parser.add_argument(
        "--casing", choices=CASINGS, default="style",
        help="style: titles cased as the style's manual wants (default); as-is: as the file has them",
    )  # fmt: skip
    parser.add_argument("--links", action="store_true", help="DOIs and URLs as links (html, markdown, rtf, latex)")
    parser.add_argument("--from", dest="input_format", choices=FORMATS, help="input format (default: detected)")
    parser.add_argument("-q", "--quiet", action="store_true", help="do not print the readers' warnings")
    parser.add_argument("--no-progress", action="store_true", help="never show a progress bar")
    parser.set_defaults(run=run)


def _citations(records: list[Record], args: argparse.Namespace) -> list[str]:
    """One citation per record, as a document citing each record once, in input order, would show them.

    Not :func:`citekit.format_citation` record by record: a numeric style would number every record [1], and
    two works by "Smith 2020" would not become 2020a and 2020b as they are in the bibliography.
    """
    from citekit import Document

    document = Document(locale=args.locale, style=args.style, casing=args.casing)
    taken: set[str] = set()
    for record in records:
        # The same id in two files (or twice in one): each record is its own work here, as in the bibliography.
        record_id, suffix = record.id, 1
        while record_id.lower() in taken:
            suffix += 1
            record_id = f"{record.id}-{suffix}"
        taken.add(record_id.lower())
        document.cite(document.add(attrs.evolve(record, id=record_id) if record_id != record.id else record))
    return document.citations(output=args.output, links=args.links)


def run(args: argparse.Namespace) -> int:
    import citekit
    from citekit.styles import resolve_style

    check_output_path(args.output_file)
    # The style first: a typo in its name should not wait for a large file to be read.
    resolve_style(args.style)
    inputs = read_inputs(args.files, args.input_format)
    read_warnings(inputs, quiet=args.quiet)
    records = all_records(inputs)
    show = wanted(len(records), enabled=not args.no_progress)
    if args.mode == "bibliography":
        with Progress(f"citekit: formatting {len(records)} records", show=show):
            text = citekit.format_bibliography_document(
                records, args.style, output=args.output, locale=args.locale, casing=args.casing, links=args.links
            )
        if not text:
            warn(f"the style {args.style!r} makes no bibliography; '--mode citation' gives its citations")
    elif args.mode == "citation":
        with Progress(f"citekit: formatting {len(records)} citations", show=show):
            text = "".join(line + "\n" for line in _citations(records, args))
    else:
        lines = []
        with Progress("citekit: formatting", total=len(records), show=show) as progress:
            for record in records:
                lines.append(
                    citekit.format_citation(
                        record, args.style, mode=args.mode, output=args.output, locale=args.locale,
                        casing=args.casing, links=args.links,
                    )
                )
                progress.advance()
        text = "".join(line + "\n" for line in lines)
    if text and not text.endswith("\n"):
        text += "\n"
    write_output(text, args.output_file)
    return 0
