"""Whole bibliographies laid out as the style asks (``citekit.format_bibliography_document``)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import lxml.html
import pytest
from markdown_it import MarkdownIt

from citekit import OptionError, format_bibliography, format_bibliography_document
from citekit.examples import FARR
from citekit.layout import BibliographyLayout, bibliography_layout, layout_bibliography

OTHER: dict[str, Any] = {
    "id": "smith2020",
    "type": "book",
    "author": [{"family": "Smith", "given": "Jane"}],
    "title": "A book about [brackets] & other *things*",
    "publisher": "Policy Press",
    "issued": {"date-parts": [[2020]]},
}
RECORDS = [FARR, OTHER]


def test_layout_of_the_profiles() -> None:
    assert bibliography_layout("apa") == BibliographyLayout(hanging_indent=True, line_spacing=2, entry_spacing=0)
    assert bibliography_layout("harvard") == BibliographyLayout()
    assert bibliography_layout("ieee") == BibliographyLayout(second_field_align="flush", entry_spacing=0)


def test_layout_agrees_with_citeproc_js(shared_dir: Path) -> None:
    """citeproc-js's bibliography parameters (``bib_params`` in the expected files) for the 11 corpus styles."""
    expected_dir = shared_dir / "corpus" / "expected"
    files = sorted(expected_dir.glob("*.json"))
    if not files:
        pytest.skip(f"no expected files in {expected_dir}")
    records = json.loads((shared_dir / "corpus" / "dev.json").read_text(encoding="utf-8"))
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        params = data["bib_params"]["html"]
        layout = bibliography_layout(path.stem, data["lang"])
        assert layout.hanging_indent == bool(params.get("hangingindent")), path.stem
        assert (layout.second_field_align or False) == params["second-field-align"], path.stem
        assert (layout.line_spacing, layout.entry_spacing) == (params["linespacing"], params["entryspacing"])
        if layout.second_field_align:
            # citeproc-js's maxoffset is the length of the widest first field: "[60]" for 60 records.
            latex = format_bibliography_document(records, path.stem, output="latex", locale=data["lang"])
            widest = re.search(r"\\settowidth\{\\labelwidth\}\{([^}]*)\}", latex)
            assert widest is not None and len(widest.group(1)) == params["maxoffset"], path.stem


def _html_document(style: str) -> Any:
    return lxml.html.fragment_fromstring(format_bibliography_document(RECORDS, style, output="html"))


def test_html_hanging_indent_and_spacing() -> None:
    body = _html_document("apa")
    assert body.get("class") == "csl-bib-body"
    assert body.get("style") == "line-height: 2; margin-left: 2em; text-indent:-2em;"
    entries = body.findall("div")
    assert [e.get("class") for e in entries] == ["csl-entry", "csl-entry"] and entries[0].get("style") is None
    assert entries[0].text_content() == format_bibliography(RECORDS, "apa")[0]

    body = _html_document("harvard")
    assert body.get("style") == "line-height: 1.35;"  # Zotero's minimum; no hanging indent
    assert [e.get("style") for e in body.findall("div")] == ["margin-bottom: 1em;", None]  # entry-spacing 1


def test_html_second_field_align() -> None:
    body = _html_document("ieee")
    entry = body.find("div")
    assert entry is not None and entry.get("style") == "clear: left;"
    left, right = entry.findall("div")
    assert left.get("class") == "csl-left-margin" and left.text == "[1]"
    assert left.get("style") == "float: left; padding-right: 0.5em; text-align: right; width: 1em;"
    assert right.get("style") == "margin: 0 .4em 0 1.5em;"


def test_latex_list() -> None:
    latex = format_bibliography_document(RECORDS, "apa", output="latex")
    assert "\\setlength{\\leftmargin}{2em}\\setlength{\\itemindent}{-\\leftmargin}" in latex
    assert "\\linespread{2}\\selectfont" in latex and "\\setlength{\\itemsep}{0\\baselineskip}" in latex
    assert latex.count("\\item{}") == 2 and latex.rstrip().endswith("\\end{list}\n\\endgroup".rstrip())
    assert "\\textit{A book about [brackets] \\& other *things*}" in latex
    ieee = format_bibliography_document(RECORDS, "ieee", output="latex")
    assert "\\settowidth{\\labelwidth}{[1]}" in ieee and "\\item{}\\CSLLeftMargin{[1]}\\CSLRightInline{" in ieee


def test_rtf_document() -> None:
    rtf = format_bibliography_document(RECORDS, "apa", output="rtf")
    assert rtf.startswith("{\\rtf1\\ansi") and rtf.rstrip().endswith("}")
    assert rtf.count("\\pard\\plain\\f0\\fs24\\li720\\fi-720\\sl480\\slmult1\\sa0 ") == 2
    assert rtf.count("{") - rtf.count("\\{") == rtf.count("}") - rtf.count("\\}")
    ieee = format_bibliography_document(RECORDS, "ieee", output="rtf")
    assert "\\li480\\fi-480\\tx480" in ieee and "[1]\\tab " in ieee


def test_markdown_and_text() -> None:
    markdown = format_bibliography_document(RECORDS, "ieee", output="markdown")
    html = MarkdownIt("commonmark").render(markdown)
    assert html.count("<p>") == 2 and "<ol" not in html  # "1." labels would make a renumbered list
    assert "A book about [brackets] &amp; other *things*" in html
    text = format_bibliography_document(RECORDS, "apa", output="text")
    assert text == "\n".join(format_bibliography(RECORDS, "apa")) + "\n"  # APA: entry-spacing 0
    harvard = format_bibliography_document(RECORDS, "harvard", output="text")
    assert harvard == "\n\n".join(format_bibliography(RECORDS, "harvard")) + "\n"


def test_empty_and_bad() -> None:
    assert format_bibliography_document([], "apa") == ""
    with pytest.raises(OptionError, match="^output: "):
        format_bibliography_document(RECORDS, output="pdf")
    with pytest.raises(OptionError, match="^output: "):
        layout_bibliography(["x"], BibliographyLayout(), "pdf")


@pytest.mark.skipif(shutil.which("pdflatex") is None, reason="no pdflatex (apt package texlive-latex-base)")
@pytest.mark.parametrize("style", ["apa", "ieee", "chicago"])
def test_latex_compiles(style: str, tmp_path: Path) -> None:
    body = format_bibliography_document(RECORDS, style, output="latex", links=True)
    source = "\\documentclass{article}\\usepackage{hyperref}\\begin{document}\n%s\\end{document}\n" % body
    (tmp_path / "doc.tex").write_text(source, encoding="utf-8")
    done = subprocess.run(
        ["pdflatex", "-no-shell-escape", "-interaction=nonstopmode", "-halt-on-error", "doc.tex"],
        cwd=tmp_path, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-3000:]


@pytest.mark.skipif(shutil.which("libreoffice") is None, reason="no LibreOffice (apt package libreoffice-writer-nogui)")
def test_rtf_opens_in_a_word_processor(tmp_path: Path) -> None:
    (tmp_path / "bib.rtf").write_text(format_bibliography_document(RECORDS, "apa", output="rtf"), encoding="ascii")
    subprocess.run(
        ["libreoffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to", "txt:Text",
         "--outdir", str(tmp_path), str(tmp_path / "bib.rtf")],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    text = (tmp_path / "bib.txt").read_text(encoding="utf-8-sig")
    assert text.split("\n")[:2] == format_bibliography(RECORDS, "apa")
