"""``citekit check FILE...``: what in a bibliography file will not format well, entry by entry.

A problem is any of:

- a file that cannot be read at all (:class:`citekit.ReadError`: an unclosed brace, broken JSON, ...);
- a reader's warning: something not read as written (a DOI or ISBN that is not one, left out of the record; an
  unknown entry type, read as the nearest CSL type; a field with no CSL variable; a duplicate key...);
- an id used by entries of two files (``citekit format`` would tell them apart, but a document citing the id
  could not);
- a field the entry's type needs for the chosen style, missing.

What a type needs is :data:`NEEDS` (any style) plus :data:`STYLE_NEEDS` (what particular styles print on top),
keeping only the fields the style's CSL file uses at all: a style that never prints a publisher does not need
one.  Each need is a tuple of alternatives (a book needs an author *or* an editor).

The report goes to standard output; the exit status is 1 when there is any problem, else 0.
"""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

import attrs

from citekit.cli._common import STDIN, STDIN_NAME, CommandError, Input, add_command, error_text, read_inputs
from citekit.cli.progress import Progress, wanted
from citekit.readers import ReadWarning
from citekit.records import Record

Need = tuple[str, ...]
"""CSL variables of which an entry must have at least one."""

_BOOKISH: tuple[Need, ...] = (("author", "editor"), ("title",), ("issued",), ("publisher",))

NEEDS: Mapping[str, tuple[Need, ...]] = {
    "article-journal": (("author",), ("title",), ("container-title",), ("issued",)),
    # Unsigned news and magazine pieces are normal: every style cites them by title.
    "article-magazine": (("title",), ("container-title",), ("issued",)),
    "article-newspaper": (("title",), ("container-title",), ("issued",)),
    "article": (("author",), ("title",), ("issued",)),
    "book": _BOOKISH,
    "chapter": (("author", "editor"), ("title",), ("container-title",), ("issued",), ("publisher",)),
    "paper-conference": (("author",), ("title",), ("container-title", "event-title"), ("issued",)),
    # A report's author is often the institution that publishes it, so the publisher is what it must have.
    "report": (("title",), ("issued",), ("publisher",)),
    "thesis": (("author",), ("title",), ("issued",), ("publisher",)),
    # Web pages are often undated (styles print "n.d."), but without the address they cannot be found.
    "webpage": (("title",), ("URL",)),
    "post-weblog": (("author",), ("title",), ("URL",)),
    "post": (("author",), ("title",), ("URL",)),
    "dataset": (("title",), ("issued",), ("DOI", "URL", "publisher")),
    "software": (("title",), ("DOI", "URL", "publisher")),
    "entry-encyclopedia": (("title",), ("container-title",)),
    "entry-dictionary": (("title",), ("container-title",)),
}
"""What an entry of each CSL type needs in any style.  A type not listed needs a title."""

DEFAULT_NEEDS: tuple[Need, ...] = (("title",),)

_NUMERIC_ARTICLES: Mapping[str, tuple[Need, ...]] = {"article-journal": (("volume",), ("page", "number", "DOI"))}

STYLE_NEEDS: Mapping[str, Mapping[str, tuple[Need, ...]]] = {
    # Cite Them Right gives the place of publication ("Bristol: Policy Press") and when a page was seen.
    "harvard-cite-them-right": {
        "book": (("publisher-place",),),
        "chapter": (("publisher-place",),),
        "report": (("publisher-place",),),
        "webpage": (("accessed",),),
        "post-weblog": (("accessed",),),
        "post": (("accessed",),),
    },
    # The numeric sciences styles locate an article by volume and pages (or article number, or DOI).
    "nlm-citation-sequence": _NUMERIC_ARTICLES,
    "american-medical-association": _NUMERIC_ARTICLES,
    "ieee": _NUMERIC_ARTICLES,
    "nature": _NUMERIC_ARTICLES,
}
"""More needs of particular official styles (by id), on top of :data:`NEEDS`."""

EXAMPLES = """\
examples:
  citekit check refs.bib                 problems, entry by entry, for APA
  citekit check refs.bib --style ieee    what IEEE needs on top (volume and pages of articles, ...)
  citekit check *.bib && make paper      stop a build when a file has problems (exit status 1)
"""


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from citekit.readers import FORMATS

    parser = add_command(
        commands,
        "check",
        summary="report entries with missing fields, bad identifiers or unknown types",
        description="Check bibliography files entry by entry: files that cannot be read, values the readers "
        "refused or changed (malformed DOIs and ISBNs, unknown entry types, ...), ids used in two files, and "
        "fields the entry's type needs in the chosen style. Exit status 1 when anything was found.",
        examples=EXAMPLES,
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="bibliography files to check; '-' is standard input")
    parser.add_argument("-s", "--style", default="apa", help="the style to check against (default: apa)")
    parser.add_argument("--from", dest="input_format", choices=FORMATS, help="input format (default: detected)")
    parser.add_argument("--no-progress", action="store_true", help="never show a progress bar")
    parser.set_defaults(run=run)


@attrs.define
class EntryReport:
    """The problems of one entry (or, with ``record`` None, of a file outside any entry)."""

    file: str
    record: Record | None
    line: int | None
    problems: list[str] = attrs.Factory(list)

    def heading(self) -> str:
        parts = [self.file]
        if self.line is not None:
            parts.append(f"line {self.line}")
        if self.record is not None:
            parts.append(f"entry {self.record.id!r} ({self.record.csl_type})")
        return ", ".join(parts)


def run(args: argparse.Namespace) -> int:
    from citekit.errors import CitekitError
    from citekit.styles import resolve_style

    resolved = resolve_style(args.style)
    used = style_variables(resolved.path)
    reports: list[EntryReport] = []
    checked = 0
    seen: dict[str, str] = {}  # record id -> the first file it is in
    paths = list(dict.fromkeys(args.files))  # a file named twice is checked once
    for path in paths:
        name = STDIN_NAME if path == STDIN else path
        try:
            (one,) = read_inputs([path], args.input_format)
        except (CitekitError, CommandError) as error:  # a ReadError; a file that is not there or not readable
            message = error_text(error).removeprefix(f"{name}, ").removeprefix(f"{name}: ")
            reports.append(EntryReport(name, None, None, [f"cannot be read: {message}"]))
            continue
        file_reports = _check_file(one, args.style, resolved.style_id, used, seen, show=not args.no_progress)
        checked += len(one.records)
        reports += [report for report in file_reports if report.problems]
    for report in reports:
        print(report.heading() + ":")
        for problem in report.problems:
            print(f"  {problem}")
    entries = sum(1 for report in reports if report.record is not None)
    problems = sum(len(report.problems) for report in reports)
    files = f"{len(paths)} file{'s' if len(paths) != 1 else ''}"
    summary = f"Checked {checked} entr{'ies' if checked != 1 else 'y'} in {files} for {args.style}: "
    if problems:
        summary += f"{problems} problem{'s' if problems != 1 else ''}"
        summary += f" in {entries} entr{'ies' if entries != 1 else 'y'}." if entries else "."
    else:
        summary += "no problems."
    print(("\n" if reports else "") + summary)
    sys.stdout.flush()
    return 1 if problems else 0


def _check_file(
    one: Input, style: str, style_id: str, used: frozenset[str], seen: dict[str, str], *, show: bool
) -> list[EntryReport]:
    """One report per entry of ``one`` (in file order), then one for warnings that belong to no entry."""
    reports = [EntryReport(one.name, record, one.entry_lines.get(record.id)) for record in one.records]
    by_id = {report.record.id: report for report in reports if report.record is not None}
    starts = sorted(
        ((report.line, report) for report in reports if report.line is not None), key=lambda pair: pair[0]
    )
    loose = EntryReport(one.name, None, None)
    for warning in one.records.warnings:
        target = by_id.get(warning.key) if warning.key else _entry_at(starts, warning.line)
        if target is None:
            loose.problems.append(str(warning).removeprefix(f"{one.name}, "))
        else:
            target.problems.append(_within_entry(warning, target.line))
    with Progress(f"citekit: checking {one.name}", total=len(reports), show=wanted(len(reports), enabled=show)) as bar:
        for report in reports:
            assert report.record is not None
            record = report.record
            if record.id in seen:
                report.problems.append(f"id {record.id!r} is also used in {seen[record.id]}")
            else:
                seen[record.id] = one.name
            missing = missing_fields(record, style_id, used)
            if missing:
                report.problems.append(f"missing what {style} needs for this type: {', '.join(missing)}")
            bar.advance()
    return reports + [loose]


def _entry_at(starts: Sequence[tuple[int, EntryReport]], line: int | None) -> EntryReport | None:
    """The entry that line ``line`` is in: the last one starting at or before it."""
    if line is None:
        return None
    found = None
    for start, report in starts:
        if start > line:
            break
        found = report
    return found


def _within_entry(warning: ReadWarning, entry_line: int | None) -> str:
    """A warning, shown under its entry's heading: its line (when not the entry's own) and field."""
    parts = []
    if warning.line is not None and warning.line != entry_line:
        parts.append(f"line {warning.line}")
    if warning.field:
        parts.append(f"field {warning.field!r}")
    return ", ".join(parts) + ": " + warning.message if parts else warning.message


def missing_fields(record: Record, style_id: str, used: frozenset[str]) -> list[str]:
    """What ``record`` lacks of what its type needs in the style ``style_id`` whose CSL file uses ``used``.

    Each missing need is one string: ``"issued"``, or ``"author or editor"`` for alternatives.
    """
    item = record.to_csl()
    kind = record.csl_type
    needs = NEEDS.get(kind, DEFAULT_NEEDS) + STYLE_NEEDS.get(style_id, {}).get(kind, ())
    missing = []
    for need in needs:
        usable = tuple(variable for variable in need if variable in used)
        if usable and not any(_present(item.get(variable)) for variable in need):
            missing.append(" or ".join(usable))
    return missing


def _present(value: object) -> bool:
    return value not in (None, "", [], {})


@functools.lru_cache(maxsize=32)
def style_variables(path: Path) -> frozenset[str]:
    """Every CSL variable the style file at ``path`` mentions: printed, tested or substituted."""
    from citekit.csl.xmlsafe import parse_xml

    root = parse_xml(path.read_bytes(), source=str(path))
    found: set[str] = set()
    for element in root.iter():
        value = element.get("variable")
        if value:
            found.update(value.split())
    return frozenset(found)
