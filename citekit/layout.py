"""Whole bibliographies laid out as the style asks: one finished fragment in any output format.

A CSL style's ``<bibliography>`` says how its list looks: ``hanging-indent``, ``second-field-align`` (the "[1]"
of numeric styles set apart, the entry aligned after it), ``line-spacing`` and ``entry-spacing``.  Entries from
:func:`citekit.format_bibliography` carry none of that; :func:`format_bibliography_document` adds it:

- **html**: citeproc-js's structure (``csl-bib-body``, ``csl-entry``, ``csl-left-margin``, ``csl-right-inline``)
  with the inline styles Zotero's "copy bibliography as HTML" gives, so it looks right wherever it is pasted;
- **latex**: a ``list`` environment with the hanging indent or label width, spacing set inside a group;
- **rtf**: a complete document (paragraph indents, a tab stop for the label, spacing) for any word processor;
- **markdown** and **text**: one paragraph per entry (a blank line between them), as those formats have no indents.
"""

from __future__ import annotations

import html
import os
import re
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

import attrs

from citekit.api import OptionError, RecordLike, format_bibliography
from citekit.renderers import OUTPUT_FORMATS

if TYPE_CHECKING:
    from citekit.engines.base import Engine

__all__ = [
    "HTML_STYLESHEET",
    "BibliographyLayout",
    "bibliography_layout",
    "format_bibliography_document",
    "layout_bibliography",
]

HANGING_INDENT_EM = 2
"""The hanging indent in HTML and LaTeX, in em (Zotero's); RTF uses Word's default of half an inch."""

HTML_STYLESHEET = """\
.csl-bib-body { line-height: 1.35; }
.csl-entry { clear: left; }
.csl-left-margin { float: left; padding-right: 0.5em; }
.csl-right-inline { margin: 0 0.4em 0 2.5em; }
.csl-indent { margin: 0.5em 0 0 2em; padding: 0 0 0.2em 0.5em; border-left: 5px solid #ccc; }
"""
"""Default CSS for citeproc-js's classes, for pages that show entries or citations one by one (from
:func:`citekit.format_bibliography` with ``output="html"``).  :func:`format_bibliography_document` needs none:
its HTML carries the style's own layout inline."""


@attrs.frozen(slots=True)
class BibliographyLayout:
    """A style's bibliography options (CSL's ``<bibliography>`` attributes)."""

    hanging_indent: bool = False
    second_field_align: str | None = None  # "flush", "margin" or None
    line_spacing: int = 1
    entry_spacing: int = 1
    # The widest first field (left margin), in plain text, when the second field is aligned: its length is
    # citeproc-js's "maxoffset".
    widest_label: str = ""


def bibliography_layout(style: str | os.PathLike[str] = "apa", locale: str | None = None) -> BibliographyLayout:
    """The bibliography options of ``style`` (a profile name, style id or path, as in the API)."""
    from citekit.csl.processor import Processor
    from citekit.styles import resolve_style

    resolved = resolve_style(style)
    settings = Processor(resolved.path, locale=locale or resolved.locale).bibliography_settings
    if settings is None:
        return BibliographyLayout()
    return BibliographyLayout(
        hanging_indent=settings.hanging_indent,
        second_field_align=settings.second_field_align,
        line_spacing=settings.line_spacing,
        entry_spacing=settings.entry_spacing,
    )


def format_bibliography_document(
    records: Iterable[RecordLike],
    style: str | os.PathLike[str] = "apa",
    *,
    output: str = "html",
    locale: str | None = None,
    casing: str = "style",
    links: bool = False,
    engine: str | Engine | None = None,
) -> str:
    """The bibliography of ``records`` as one finished fragment in ``output``, laid out as ``style`` asks.

    The arguments are those of :func:`citekit.format_bibliography`.  "rtf" gives a complete document; the others
    a fragment to put into a page or a LaTeX document (with ``links=True``, LaTeX needs ``hyperref``).  No
    entries (no records, or a style without a bibliography) give ``""``.
    """
    records = list(records)
    entries = format_bibliography(records, style, output=output, locale=locale, casing=casing, links=links, engine=engine)
    if not entries:
        return ""
    layout = bibliography_layout(style, locale)
    if layout.second_field_align:
        labelled = entries if output == "html" else format_bibliography(
            records, style, output="html", locale=locale, casing=casing, engine=engine
        )
        layout = attrs.evolve(layout, widest_label=max(_html_labels(labelled), key=len, default=""))
    return layout_bibliography(entries, layout, output)


_LEFT_MARGIN = re.compile(r'<div class="csl-left-margin">(.*?)</div>', re.S)
_TAG = re.compile(r"<[^>]*>")


def _html_labels(entries: Sequence[str]) -> list[str]:
    """The left-margin fields of HTML entries, as plain text (the markup is citekit's own: data is escaped)."""
    return [html.unescape(_TAG.sub("", match.group(1))) for entry in entries for match in _LEFT_MARGIN.finditer(entry)]


def layout_bibliography(entries: Sequence[str], layout: BibliographyLayout, output: str) -> str:
    """``entries`` (rendered in ``output``, in order) as one bibliography laid out by ``layout``."""
    if output not in _LAYOUTS:
        raise OptionError("output", output, "expected one of " + ", ".join(repr(name) for name in OUTPUT_FORMATS))
    if not entries:
        return ""
    return _LAYOUTS[output](entries, layout)


# HTML ---------------------------------------------------------------------------------------------------------------


def _html(entries: Sequence[str], layout: BibliographyLayout) -> str:
    # Zotero's rules: line height at least 1.35; the hanging indent on the body unless entries have a label
    # column; the label column as wide as the widest label (less two characters, one usually a period).
    aligned = bool(layout.second_field_align and layout.widest_label)
    body = f"line-height: {max(layout.line_spacing, 1.35):g}; "
    if layout.hanging_indent and not aligned:
        body += f"margin-left: {HANGING_INDENT_EM}em; text-indent:-{HANGING_INDENT_EM}em;"
    offset = max(1, len(layout.widest_label) - 2)
    left = "float: left; padding-right: 0.5em;" + (f" text-align: right; width: {offset}em;" if aligned else "")
    right = f"margin: 0 .4em 0 {offset + 0.5 if aligned else 0:g}em;"
    indent = "margin: .5em 0 0 2em; padding: 0 0 .2em .5em; border-left: 5px solid #ccc;"
    lines = [f'<div class="csl-bib-body" style="{body.strip()}">']
    for number, entry in enumerate(entries, 1):
        entry = (
            entry.replace('<div class="csl-left-margin">', f'<div class="csl-left-margin" style="{left}">')
            .replace('<div class="csl-right-inline">', f'<div class="csl-right-inline" style="{right}">')
            .replace('<div class="csl-indent">', f'<div class="csl-indent" style="{indent}">')
        )
        style = "clear: left; " if aligned else ""
        if layout.entry_spacing and number < len(entries):
            style += f"margin-bottom: {layout.entry_spacing}em;"
        attribute = f' style="{style.strip()}"' if style else ""
        lines.append(f'  <div class="csl-entry"{attribute}>{entry}</div>')
    lines.append("</div>")
    return "\n".join(lines) + "\n"


# LaTeX --------------------------------------------------------------------------------------------------------------


def _latex(entries: Sequence[str], layout: BibliographyLayout) -> str:
    from citekit.renderers.latex import escape

    aligned = bool(layout.second_field_align and layout.widest_label)
    hang = f"{HANGING_INDENT_EM}em" if layout.hanging_indent and not aligned else "0pt"
    if aligned:
        # The label sits in a box as wide as the widest label; "margin" puts that box in the page margin.
        geometry = (
            f"\\settowidth{{\\labelwidth}}{{{escape(layout.widest_label)}}}\\setlength{{\\labelsep}}{{0.5em}}"
            + (
                "\\setlength{\\leftmargin}{0pt}"
                if layout.second_field_align == "margin"
                else "\\setlength{\\leftmargin}{\\labelwidth}\\addtolength{\\leftmargin}{\\labelsep}"
            )
            + "\\setlength{\\itemindent}{0pt}"
        )
    else:
        geometry = (
            f"\\setlength{{\\leftmargin}}{{{hang}}}\\setlength{{\\itemindent}}{{-\\leftmargin}}"
            "\\setlength{\\labelwidth}{0pt}\\setlength{\\labelsep}{0pt}"
        )
    spacing = f"\\setlength{{\\itemsep}}{{{layout.entry_spacing}\\baselineskip}}"
    lines = [
        f"% Bibliography laid out by citekit: {_describe(layout)}.",
        "\\begingroup",
        # Defined here, inside the group, so they fit this list whatever a preamble says (pandoc's differ).
        "\\def\\CSLLeftMargin#1{\\leavevmode\\llap{\\makebox[\\labelwidth][l]{#1}\\hspace{\\labelsep}}}",
        "\\def\\CSLRightInline#1{#1}",
        "\\def\\CSLBlock#1{\\par #1\\par}",
        "\\def\\CSLIndent#1{\\par\\hspace*{2em}#1\\par}",
        f"\\begin{{list}}{{}}{{{geometry}{spacing}\\setlength{{\\parsep}}{{0pt}}\\setlength{{\\topsep}}{{0pt}}}}",
        f"\\linespread{{{layout.line_spacing}}}\\selectfont",
    ]
    # "{}" after \item: an entry that starts with "[" would otherwise be read as the item's label.
    lines += [f"\\item{{}}{entry}" for entry in entries]
    lines += ["\\end{list}", "\\endgroup"]
    return "\n".join(lines) + "\n"


def _describe(layout: BibliographyLayout) -> str:
    shape = (
        f"second field aligned ({layout.second_field_align})"
        if layout.second_field_align and layout.widest_label
        else "hanging indent"
        if layout.hanging_indent
        else "no indent"
    )
    return f"{shape}, line spacing {layout.line_spacing}, entry spacing {layout.entry_spacing}"


# RTF ----------------------------------------------------------------------------------------------------------------

_TWIPS_PER_LINE = 240  # 12 pt, the document's font size
_TWIPS_PER_LABEL_CHARACTER = 120  # about the width of a digit at 12 pt
_RTF_HANG = 720  # half an inch: Word's default hanging indent, and APA's


def _rtf(entries: Sequence[str], layout: BibliographyLayout) -> str:
    aligned = bool(layout.second_field_align and layout.widest_label)
    if aligned:
        # The label, then a tab to the stop where every line of the entry starts.
        width = (len(layout.widest_label) + 1) * _TWIPS_PER_LABEL_CHARACTER
        indent = f"\\li{width}\\fi-{width}\\tx{width}"
    elif layout.hanging_indent:
        indent = f"\\li{_RTF_HANG}\\fi-{_RTF_HANG}"
    else:
        indent = ""
    spacing = f"\\sl{layout.line_spacing * _TWIPS_PER_LINE}\\slmult1\\sa{layout.entry_spacing * _TWIPS_PER_LINE}"
    paragraph = f"\\pard\\plain\\f0\\fs24{indent}{spacing} "
    lines = [
        "{\\rtf1\\ansi\\ansicpg1252\\deff0\\uc1",
        "{\\fonttbl{\\f0\\froman\\fcharset0 Times New Roman;}}",
        "{\\*\\generator citekit;}",
    ]
    lines += [f"{paragraph}{entry}\\par" for entry in entries]
    lines.append("}")
    return "\n".join(lines) + "\n"


# Markdown and text ----------------------------------------------------------------------------------------------


def _paragraphs(entries: Sequence[str], layout: BibliographyLayout) -> str:
    # Each entry its own paragraph: Markdown needs the blank line (one newline would join the entries).
    return "\n\n".join(entries) + "\n"


def _text(entries: Sequence[str], layout: BibliographyLayout) -> str:
    return ("\n\n" if layout.entry_spacing else "\n").join(entries) + "\n"


_LAYOUTS: dict[str, Callable[[Sequence[str], BibliographyLayout], str]] = {
    "text": _text,
    "html": _html,
    "markdown": _paragraphs,
    "rtf": _rtf,
    "latex": _latex,
}
