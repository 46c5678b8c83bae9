"""Hostile data renders inert in every output format.

A record whose title, author, publisher and URL hold HTML, Markdown, LaTeX and RTF markup is formatted in every
profile, as an entry, a citation and a whole bibliography, with and without links; each output is read the way
its consumer reads it (an HTML parser, a CommonMark implementation, TeX's and RTF's tokenisers) to check that
the data came out as text and made no element, command, control word or link of its own.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import lxml.html
import pytest
from markdown_it import MarkdownIt

from citekit import format_bibliography_document, format_citation

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
TEX = "{\\input{/etc/passwd}}"
MATH = "$\\backslash$"
RTF = "{\\rtf1\\par \\b bold}{\\field{\\*\\fldinst{HYPERLINK \"javascript:alert(1)\"}}{\\fldrslt{x}}}"
MD = "[click](javascript:alert(1)) ![img](x) <javascript:alert(1)> `code` **strong**"
HOSTILE: dict[str, Any] = {
    "id": "hostile",
    "type": "book",
    "title": f"{SCRIPT} {IMG} {TEX} {MATH} {RTF} {MD}",
    "author": [{"family": SCRIPT, "given": "Eve"}, {"literal": f"{TEX} {RTF}"}],
    "publisher": f"{TEX} {MATH} {IMG}",
    "publisher-place": MD,
    "URL": 'https://example.org/"><script>alert(1)</script>{\\input}%%',
    "issued": {"date-parts": [[2020]]},
}
PROFILES = ("apa", "harvard", "chicago", "chicago-author-date", "ieee")


def _outputs(output: str) -> list[tuple[str, bool]]:
    """Each output, and whether it is a whole entry (a citation shows only some of the data, or a number)."""
    found = []
    for profile in PROFILES:
        for links in (False, True):
            options: dict[str, Any] = {"output": output, "links": links, "casing": "as-is"}
            found.append((format_citation(HOSTILE, profile, **options), True))
            found.append((format_citation(HOSTILE, profile, mode="citation", **options), False))
            found.append((format_bibliography_document([HOSTILE], profile, **options), True))
    return found


def _shows_the_data(text: str, entry: bool) -> bool:
    """Whether the data shows as text (titles may be recased, so Markdown's is compared without case)."""
    return not entry or (SCRIPT in text and IMG in text and TEX in text and MD.casefold() in text.casefold())


def _check_html(html: str) -> str:
    """The visible text of ``html``, after checking that it holds only markup citekit makes."""
    root = lxml.html.fragment_fromstring(f"<div>{html}</div>")
    for element in root.iter():
        assert element.tag in ("div", "p", "i", "b", "em", "strong", "span", "sup", "sub", "u", "a", "code"), element.tag
        for name, value in element.attrib.items():
            assert name in ("class", "style", "href"), name
            if name == "href":
                assert value.startswith("https://") and "<" not in value and '"' not in value, value
    text: str = root.text_content()
    return text


def test_html() -> None:
    for html, entry in _outputs("html"):
        text = _check_html(html)
        assert _shows_the_data(text, entry), html


def test_markdown() -> None:
    markdown = MarkdownIt("commonmark")  # raw HTML allowed, as in CommonMark: the hardest case
    for source, entry in _outputs("markdown"):
        text = _check_html(markdown.render(source))
        assert _shows_the_data(text, entry), source


_TEX_TOKEN = re.compile(r"\\(?:[A-Za-z]+|.)|[{}$%#&^_~]", re.S)
TEX_COMMANDS = {
    "\\textit", "\\textup", "\\textsl", "\\textbf", "\\textmd", "\\textsc", "\\underline", "\\textsuperscript",
    "\\textsubscript", "\\href", "\\allowbreak", "\\textbackslash", "\\textless", "\\textgreater", "\\textbar",
    "\\textasciitilde", "\\textasciicircum", "\\{", "\\}", "\\&", "\\%", "\\$", "\\#", "\\_", "\\,",
    "\\CSLLeftMargin", "\\CSLRightInline", "\\CSLBlock", "\\CSLIndent",
    # the bibliography list around the entries
    "\\begingroup", "\\endgroup", "\\def", "\\leavevmode", "\\llap", "\\makebox", "\\labelwidth", "\\hspace", "\\labelsep", "\\par",
    "\\begin", "\\end", "\\setlength", "\\leftmargin", "\\itemindent", "\\itemsep", "\\baselineskip", "\\parsep",
    "\\topsep", "\\linespread", "\\selectfont", "\\item", "\\settowidth", "\\addtolength",
}  # fmt: skip


def test_latex() -> None:
    for source, _entry in _outputs("latex"):
        # The list's own definitions (with their "#1") are checked by eye; the rest must be plain.
        source = "\n".join(line for line in source.splitlines() if not line.startswith(("%", "\\def")))
        tokens = _TEX_TOKEN.findall(source)
        assert set(t for t in tokens if t.startswith("\\")) <= TEX_COMMANDS, source
        # Every special character is escaped; braces balance, so no argument ends early.
        assert not set(tokens) & set("$%#&^_~"), source
        depth = 0
        for token in tokens:
            depth += {"{": 1, "}": -1}.get(token, 0)
            assert depth >= 0, source
        assert depth == 0, source


@pytest.mark.skipif(shutil.which("pdflatex") is None, reason="no pdflatex (apt package texlive-latex-base)")
def test_latex_compiles_and_reads_no_file(tmp_path: Path) -> None:
    body = format_bibliography_document([HOSTILE], "apa", output="latex", links=True, casing="as-is")
    document = "\\documentclass{article}\\usepackage{hyperref}\\begin{document}\n%s\\end{document}\n" % body
    (tmp_path / "doc.tex").write_text(document, encoding="utf-8")
    done = subprocess.run(
        ["pdflatex", "-no-shell-escape", "-interaction=nonstopmode", "-halt-on-error", "doc.tex"],
        cwd=tmp_path, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-3000:]
    assert "(/etc/passwd" not in (tmp_path / "doc.log").read_text(errors="replace")  # TeX logs each file it opens


_RTF_TOKEN = re.compile(r"\\([a-z]+)(-?\d+)? ?|\\([\\{}])|\\\*|\\'[0-9a-f]{2}|([{}])|([^\\{}]+)", re.S)
RTF_WORDS = {
    "i", "b", "scaps", "ul", "super", "sub", "nosupersub", "u", "tab", "line", "field", "fldinst", "fldrslt",
    "rtf", "ansi", "ansicpg", "deff", "uc", "fonttbl", "f", "froman", "fcharset", "generator", "pard", "plain",
    "fs", "li", "fi", "tx", "sl", "slmult", "sa", "par",
}  # fmt: skip


def _rtf_text(source: str) -> tuple[str, list[str]]:
    """The text of RTF ``source`` and its field instructions, checking each control word on the way."""
    out: list[str] = []
    instructions: list[str] = []
    skip_fallback = in_instruction = False
    for word, number, symbol, brace, text in _RTF_TOKEN.findall(source):
        if word:
            assert word in RTF_WORDS, word
            if word == "u":
                out.append(chr(int(number) % 0x10000))
                skip_fallback = True
            in_instruction = word == "fldinst"
        elif symbol:
            out.append(symbol)
        elif brace:
            in_instruction = False
        elif text:
            if skip_fallback:
                text, skip_fallback = text[1:], False
            (instructions if in_instruction else out).append(text.replace("\n", ""))
    return "".join(out), instructions


def test_rtf() -> None:
    for source, entry in _outputs("rtf"):
        assert source.count("{") - source.count("\\{") == source.count("}") - source.count("\\}")
        text, instructions = _rtf_text(source)
        assert not entry or (SCRIPT in text and RTF in text and TEX in text), source
        # The only field instruction is citekit's own link, to the record's URL, percent-encoded.
        assert set(instructions) <= {f'HYPERLINK "{LINKED_URL}"'}, source


LINKED_URL = "https://example.org/%22%3E%3Cscript%3Ealert(1)%3C/script%3E%7B%5Cinput%7D%%"
