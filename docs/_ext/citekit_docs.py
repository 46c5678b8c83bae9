"""Sphinx directives that build parts of citekit's documentation from the code and the test lists at build time.

They exist so that those parts cannot drift from what they describe:

- ``expected-failures``: a conformance harness's list of known failures (``tests/*_expected_failures.txt``) as a
  table of cases and reasons, with the pass figure when the fixtures it counts are there;
- ``record-fields``: every record type's fields, with their CSL-JSON variables (from the attrs classes);
- ``check-rules``: what ``citekit check`` requires of each type (from :mod:`citekit.cli.check`);
- ``profiles``: the style profiles (from the TOML files);
- ``toctree-if-present``: a toctree that leaves out the pages that do not exist (yet);
- ``command-help``: a command's ``--help``, as the installed command prints it.
"""

from __future__ import annotations

import glob
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.parsers.rst import directives
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.directives.other import TocTree
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

LOG = logging.getLogger(__name__)


def _literal(text: str) -> nodes.Node:
    return nodes.literal(text, text)


def _table(header: Sequence[str], rows: Iterable[Sequence[nodes.Node | str]], widths: Sequence[int]) -> nodes.table:
    """A docutils table; a cell is a node or plain text."""
    table = nodes.table(classes=["citekit-generated"])
    group = nodes.tgroup(cols=len(header))
    table += group
    for width in widths:
        group += nodes.colspec(colwidth=width)

    def row(cells: Sequence[nodes.Node | str]) -> nodes.row:
        line = nodes.row()
        for cell in cells:
            entry = nodes.entry()
            paragraph = nodes.paragraph()
            paragraph += nodes.Text(cell) if isinstance(cell, str) else cell
            entry += paragraph
            line += entry
        return line

    head = nodes.thead()
    head += row(header)
    group += head
    body = nodes.tbody()
    for cells in rows:
        body += row(cells)
    group += body
    return table


def read_expected_failures(path: Path) -> dict[str, str]:
    """``key -> reason`` from a list file (``<key>  # <reason>`` lines; ``#`` comments and blank lines skipped).

    The format is that of ``tests/expected_failures.py``; a line without a reason is an error there, and here.
    """
    reasons: dict[str, str] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        key, _, reason = stripped.partition("#")
        if not key.strip() or not reason.strip():
            raise ValueError(f"{path}:{number}: expected '<key>  # <reason>', got {line!r}")
        reasons[key.strip()] = reason.strip()
    return reasons


class ExpectedFailures(SphinxDirective):
    """``expected-failures PATH``: the list's cases and reasons; with ``:cases: GLOB``, the pass figure too.

    The figure is "passes = cases - listed": the harness fails when a listed case passes or an unlisted one
    fails, so on a green test run that is exactly what passed.  When the cases are not there (no ``../shared``
    beside the checkout), the page says so instead of giving a number that was not counted.
    """

    required_arguments = 1
    option_spec = {"cases": directives.unchanged, "label": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        source = Path(self.env.srcdir)
        path = (source / self.arguments[0]).resolve()
        self.env.note_dependency(str(path))
        reasons = read_expected_failures(path)
        label = self.options.get("label", "cases")
        summary = nodes.paragraph()
        pattern = self.options.get("cases")
        cases = sorted(glob.glob(str(source / pattern))) if pattern else []
        if cases:
            passed = len(cases) - len(reasons)
            summary += nodes.strong(text=f"{passed} of {len(cases)} {label} pass ({100 * passed / len(cases):.1f}%)")
            summary += nodes.Text(f"; the {len(reasons)} expected to fail are listed here, each with its reason.")
        else:
            if pattern:
                LOG.info("citekit_docs: no %s at %s; the pass figure is left out", label, source / pattern)
            summary += nodes.Text(
                f"{len(reasons)} {label} are expected to fail, each listed here with its reason. (The {label} "
                "themselves were not beside this checkout when these pages were built, so the total is not shown.)"
            )
        rows = [(_literal(key), reason) for key, reason in reasons.items()]
        result: list[nodes.Node] = [summary]
        if rows:
            result.append(_table(("case", "why it fails"), rows, (35, 65)))
        return result


RECORD_TYPES = ("BookChapter", "Book", "JournalArticle", "Report", "Thesis", "WebPage", "ConferencePaper",
                "NewspaperArticle", "GenericRecord")  # fmt: skip


def _field_rows(fields: Iterable[Any]) -> list[tuple[nodes.Node, nodes.Node | str]]:
    """(field, CSL-JSON variable) for attrs fields of a record class."""
    from citekit.records.csljson import csl_variable

    rows: list[tuple[nodes.Node, nodes.Node | str]] = []
    for field in fields:
        if field.name == "extra":
            rows.append((_literal(field.name), "any other variable"))
        elif field.name in ("id", "type"):  # the item's identity and type are keys of their own
            rows.append((_literal(field.name), _literal(field.name)))
        else:
            rows.append((_literal(field.name), _literal(csl_variable(field.name))))
    return rows


class RecordFields(SphinxDirective):
    """``record-fields``: for each record type, the fields it adds to the common ones, with their variables."""

    def run(self) -> list[nodes.Node]:
        import attrs

        import citekit.records as records

        common = {field.name for field in attrs.fields(records.Record)}
        result: list[nodes.Node] = []
        for name in RECORD_TYPES:
            cls = getattr(records, name)
            heading = nodes.paragraph()
            heading += nodes.strong(text=name)
            heading += nodes.Text(" (CSL ")
            heading += _literal(cls.CSL_TYPE or "any other type")
            heading += nodes.Text(")")
            result.append(heading)
            own = [field for field in attrs.fields(cls) if field.name not in common]
            if own:
                result.append(_table(("field", "CSL-JSON"), _field_rows(own), (50, 50)))
            else:
                result.append(nodes.paragraph(text="Only the common fields."))
        return result


class CommonFields(SphinxDirective):
    """``common-fields``: the fields every record has (:class:`citekit.records.Record`)."""

    def run(self) -> list[nodes.Node]:
        import attrs

        from citekit.records import Record

        return [_table(("field", "CSL-JSON"), _field_rows(attrs.fields(Record)), (50, 50))]


class Profiles(SphinxDirective):
    """``profiles``: citekit's style profiles, from the TOML files in ``styles/``."""

    def run(self) -> list[nodes.Node]:
        from citekit.styles import load_profiles, style_info

        rows = []
        for name, profile in load_profiles().items():
            info = style_info(profile.style)
            casing = profile.casing.titles
            if profile.casing.capitalize_subtitles:
                casing += ", subtitles capitalised"
            rows.append((_literal(name), _literal(profile.style), profile.locale or "the style's",
                         info.style_class, casing, profile.title))  # fmt: skip
        header = ("profile", "official style", "locale", "class", "titles", "manual")
        return [_table(header, rows, (14, 22, 8, 8, 18, 30))]


class CommandHelp(SphinxDirective):
    """``command-help [COMMAND]``: what ``citekit [COMMAND] --help`` prints, 100 columns wide."""

    optional_arguments = 1

    def run(self) -> list[nodes.Node]:
        import argparse
        import os

        from citekit.cli import build_parser

        saved = os.environ.get("COLUMNS")
        os.environ["COLUMNS"] = "100"  # argparse wraps to the terminal; the page has its own fixed width
        try:
            parser = build_parser()
            if self.arguments:
                (commands,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
                parser = commands.choices[self.arguments[0]]
            text = parser.format_help()
        finally:
            if saved is None:
                del os.environ["COLUMNS"]
            else:
                os.environ["COLUMNS"] = saved
        block = nodes.literal_block(text, text)
        block["language"] = "text"
        return [block]


class TocTreeIfPresent(TocTree):
    """``toctree-if-present``: a ``toctree`` whose entries that name no page are left out, not warned about.

    For pages other work adds (``performance.md`` comes with the benchmarks): the site builds strictly before
    they exist, and lists them once they do.
    """

    def run(self) -> list[nodes.Node]:
        found = self.env.found_docs
        kept = [line for line in self.content if line.strip() in found or line.strip().startswith(":")]
        self.content = StringList(kept, source=self.content.source(0) if self.content else "")
        return super().run()


class CheckRules(SphinxDirective):
    """``check-rules``: what ``citekit check`` requires, by type and by style."""

    def run(self) -> list[nodes.Node]:
        from citekit.cli.check import DEFAULT_NEEDS, NEEDS, STYLE_NEEDS

        def needs_text(needs: Sequence[tuple[str, ...]]) -> str:
            return "; ".join(" or ".join(need) for need in needs)

        rows: list[Sequence[nodes.Node | str]] = [(_literal(kind), needs_text(needs)) for kind, needs in NEEDS.items()]
        rows.append(("any other type", needs_text(DEFAULT_NEEDS)))
        styles: list[Sequence[nodes.Node | str]] = [
            (_literal(style), _literal(kind), needs_text(needs))
            for style, by_type in STYLE_NEEDS.items()
            for kind, needs in by_type.items()
        ]
        return [
            _table(("CSL type", "needs, in any style"), rows, (30, 70)),
            nodes.paragraph(text="On top of those, for these official styles (and the profiles that run them):"),
            _table(("style", "CSL type", "also needs"), styles, (35, 25, 40)),
        ]


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("expected-failures", ExpectedFailures)
    app.add_directive("record-fields", RecordFields)
    app.add_directive("common-fields", CommonFields)
    app.add_directive("check-rules", CheckRules)
    app.add_directive("profiles", Profiles)
    app.add_directive("command-help", CommandHelp)
    app.add_directive("toctree-if-present", TocTreeIfPresent)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
