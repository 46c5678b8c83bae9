"""The five output formats: formatting, escaping, links, display blocks, the API's ``output=`` and ``links=``, and
the golden files of the Farr chapter (``tests/golden``, made by ``tests/tools/make_golden.py``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import citekit
from citekit import OptionError, format_bibliography, format_citation
from citekit.api import OUTPUTS
from citekit.csl.punctuation import CLOSE, OPEN, QUOTE_CLOSE, QUOTE_OPEN, TEXT, Token
from citekit.csl.tree import Span
from citekit.errors import CitekitError
from citekit.examples import FARR
from citekit.renderers import OUTPUT_FORMATS, RENDERERS, get_renderer
from citekit.renderers.base import safe_target

DOI = "10.1332/policypress/9781847427519.003.0008"


def _span(children: list[Token], **formatting: Any) -> list[Token]:
    span = Span([], **formatting)
    return [Token(OPEN, span=span), *children, Token(CLOSE, span=span)]


def _render(output: str, tokens: list[Token], links: bool = False) -> str:
    return RENDERERS[output](tokens, links)


# --- one list of formats ------------------------------------------------------------------------------------------


def test_one_list_of_output_formats() -> None:
    assert OUTPUT_FORMATS == ("text", "html", "markdown", "rtf", "latex")
    assert OUTPUTS == OUTPUT_FORMATS == tuple(RENDERERS)
    from citekit.layout import _LAYOUTS

    assert set(_LAYOUTS) == set(OUTPUT_FORMATS)
    with pytest.raises(ValueError, match="^output: unknown output format 'pdf'"):
        get_renderer("pdf")


@pytest.mark.parametrize("output", OUTPUT_FORMATS)
def test_every_function_takes_every_output(output: str) -> None:
    entry = format_citation(FARR, "apa", output=output)
    assert "Farr" in entry and "Collaboration" in entry
    assert "Farr" in format_citation(FARR, "apa", mode="citation", output=output)
    assert format_bibliography([FARR], "apa", output=output) == [entry]
    assert "Farr" in citekit.format_bibliography_document([FARR], "apa", output=output)


def test_bad_links_argument() -> None:
    with pytest.raises(OptionError, match="^links: "):
        format_citation(FARR, links="yes")  # type: ignore[arg-type]


def test_baseline_engine_says_what_it_cannot_do() -> None:
    with pytest.raises(CitekitError, match="^output: the citeproc-py engine renders only"):
        format_citation(FARR, "apa", output="latex", engine="citeproc-py")
    with pytest.raises(CitekitError, match="^links: "):
        format_citation(FARR, "apa", output="html", links=True, engine="citeproc-py")


# --- formatting -----------------------------------------------------------------------------------------------------

ITALIC_IN_ITALIC = _span([Token(TEXT, "Title with "), *_span([Token(TEXT, "Ship")], font_style="italic"),
                          Token(TEXT, " in it")], font_style="italic")  # fmt: skip


@pytest.mark.parametrize(
    ("output", "expected"),
    [
        ("text", "Title with Ship in it"),
        ("html", '<i>Title with <span style="font-style:normal;">Ship</span> in it</i>'),
        ("markdown", "*Title with* Ship *in it*"),
        ("rtf", "{\\i Title with {\\i0 Ship} in it}"),
        ("latex", "\\textit{Title with \\textup{Ship} in it}"),
    ],
)
def test_italics_inside_italics_turn_upright(output: str, expected: str) -> None:
    assert _render(output, ITALIC_IN_ITALIC) == expected


FORMATTED = [
    *_span([Token(TEXT, "bold")], font_weight="bold"),
    Token(TEXT, " "),
    *_span([Token(TEXT, "caps")], font_variant="small-caps"),
    Token(TEXT, " x"),
    *_span([Token(TEXT, "2")], vertical_align="sup"),
    Token(TEXT, " H"),
    *_span([Token(TEXT, "2")], vertical_align="sub"),
    Token(TEXT, "O 1\u02b3\u1d49 "),
    Token(QUOTE_OPEN, "\u201c"),
    Token(TEXT, "quoted"),
    Token(QUOTE_CLOSE, "\u201d"),
]


@pytest.mark.parametrize(
    ("output", "expected"),
    [
        ("text", "bold caps x2 H2O 1\u02b3\u1d49 \u201cquoted\u201d"),
        (
            "html",
            '<b>bold</b> <span style="font-variant:small-caps;">caps</span> x<sup>2</sup> H<sub>2</sub>O '
            "1<sup>r</sup><sup>e</sup> \u201cquoted\u201d",
        ),
        (
            "markdown",
            '**bold** <span style="font-variant:small-caps;">caps</span> x<sup>2</sup> H<sub>2</sub>O '
            "1<sup>re</sup> \u201cquoted\u201d",
        ),
        (
            "rtf",
            "{\\b bold} {\\scaps caps} x{\\super 2} H{\\sub 2}O 1{\\super r}{\\super e} \\u8220?quoted\\u8221?",
        ),
        (
            "latex",
            "\\textbf{bold} \\textsc{caps} x\\textsuperscript{2} H\\textsubscript{2}O "
            "1\\textsuperscript{r}\\textsuperscript{e} \u201cquoted\u201d",
        ),
    ],
)
def test_bold_small_caps_superscript_subscript_quotes(output: str, expected: str) -> None:
    assert _render(output, FORMATTED) == expected


BLOCKS = [
    *_span([Token(TEXT, "[1]")], display="left-margin"),
    *_span([Token(TEXT, "Entry "), *_span([Token(TEXT, "Note")], display="block")], display="right-inline"),
]


@pytest.mark.parametrize(
    ("output", "expected"),
    [
        ("text", "[1] Entry Note"),
        ("html", '<div class="csl-left-margin">[1]</div><div class="csl-right-inline">Entry <div class="csl-block">'
                 "Note</div></div>"),
        ("markdown", "\\[1\\] Entry\\\nNote"),
        ("rtf", "[1]\\tab Entry \\line Note\\line "),
        ("latex", "\\CSLLeftMargin{[1]}\\CSLRightInline{Entry \\CSLBlock{Note}}"),
    ],
)  # fmt: skip
def test_display_blocks(output: str, expected: str) -> None:
    assert _render(output, BLOCKS) == expected


# --- escaping -------------------------------------------------------------------------------------------------------

DATA = "a & b < c > d \"e\" *f* _g_ [h](i) `j` \\k {l} $m$ #n %o ~p ^q |r -- s\nt \u00e9\U0001d11e"


@pytest.mark.parametrize(
    ("output", "expected"),
    [
        ("text", DATA),
        ("html", "a &#38; b &#60; c &#62; d \"e\" *f* _g_ [h](i) `j` \\k {l} $m$ #n %o ~p ^q |r -- s\nt "
                 "\u00e9\U0001d11e"),
        ("markdown", "a & b \\< c \\> d \"e\" \\*f\\* \\_g\\_ \\[h\\](i) \\`j\\` \\\\k {l} \\$m\\$ #n %o \\~p ^q "
                     "\\|r -- s t \u00e9\U0001d11e"),
        ("rtf", "a & b < c > d \"e\" *f* _g_ [h](i) `j` \\\\k \\{l\\} $m$ #n %o ~p ^q |r -- s t \\u233?"
                "\\u-10188?\\u-8930?"),
        ("latex", "a \\& b \\textless{} c \\textgreater{} d \"e\" *f* \\_g\\_ [h](i) `j` \\textbackslash{}k "
                  "\\{l\\} \\$m\\$ \\#n \\%o \\textasciitilde{}p \\textasciicircum{}q \\textbar{}r -{}- s t "
                  "\u00e9\U0001d11e"),
    ],
)  # fmt: skip
def test_data_is_escaped(output: str, expected: str) -> None:
    assert _render(output, [Token(TEXT, DATA)]) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1. Smith", "1\\. Smith"),
        ("2011) Title", "2011\\) Title"),
        ("# Heading", "\\# Heading"),
        ("- item", "\\- item"),
        ("+ item", "\\+ item"),
        ("=== x", "\\=== x"),
        ("&amp; &#38;", "\\&amp; \\&#38;"),
        ("    code", "code"),
    ],
)
def test_markdown_line_starts_open_no_block(text: str, expected: str) -> None:
    assert _render("markdown", [Token(TEXT, text)]) == expected


# --- links ----------------------------------------------------------------------------------------------------------


def _doi_tokens(target: str = f"https://doi.org/{DOI}") -> list[Token]:
    return [Token(TEXT, "Press. https://doi.org/"), *_span([Token(TEXT, DOI)], link=target)]


@pytest.mark.parametrize(
    ("output", "expected"),
    [
        ("text", f"Press. https://doi.org/{DOI}"),
        ("html", f'Press. <a href="https://doi.org/{DOI}">https://doi.org/{DOI}</a>'),
        ("markdown", f"Press. <https://doi.org/{DOI}>"),
        ("rtf", f'Press. {{\\field{{\\*\\fldinst{{HYPERLINK "https://doi.org/{DOI}"}}}}{{\\fldrslt{{https://doi.org/{DOI}}}}}}}'),
        ("latex", f"Press. \\href{{https://doi.org/{DOI}}}{{https://\\allowbreak{{}}doi.org/\\allowbreak{{}}"
                  "10.1332/\\allowbreak{}policypress/\\allowbreak{}9781847427519.003.0008}"),
    ],
)  # fmt: skip
def test_links_take_the_resolver_prefix(output: str, expected: str) -> None:
    assert _render(output, _doi_tokens(), links=True) == expected


@pytest.mark.parametrize("output", OUTPUT_FORMATS)
def test_no_links_unless_asked(output: str) -> None:
    rendered = _render(output, _doi_tokens())
    assert "href" not in rendered and "HYPERLINK" not in rendered and "](" not in rendered and "<http" not in rendered


def test_link_with_other_text() -> None:
    tokens = [Token(TEXT, "doi: "), *_span([Token(TEXT, DOI)], link=f"https://doi.org/{DOI}")]
    assert _render("markdown", tokens, True) == f"doi: [{DOI}](https://doi.org/{DOI})"
    assert _render("html", tokens, True) == f'doi: <a href="https://doi.org/{DOI}">{DOI}</a>'


def test_link_targets_are_made_safe() -> None:
    assert safe_target("javascript:alert(1)") is None
    assert safe_target(" JavaScript:alert(1)") is None
    assert safe_target("data:text/html,<script>") is None
    assert safe_target('https://x.org/a"b<c>d e\\f{g}\u00e9') == "https://x.org/a%22b%3Cc%3Ed%20e%5Cf%7Bg%7D%C3%A9"
    assert safe_target("https://x.org/a%20b?c=d&e#f") == "https://x.org/a%20b?c=d&e#f"
    hostile = _span([Token(TEXT, "click")], link="javascript:alert(1)")
    for output in OUTPUT_FORMATS:
        assert "javascript" not in _render(output, hostile, True)
    tokens = _span([Token(TEXT, "x")], link="https://x.org/?a=1&b=2#c%d")
    assert _render("html", tokens, True) == '<a href="https://x.org/?a=1&#38;b=2#c%d">x</a>'
    assert _render("latex", tokens, True) == "\\href{https://x.org/?a=1&b=2\\#c\\%d}{x}"


def test_links_through_the_api() -> None:
    assert f'<a href="https://doi.org/{DOI}">' in format_citation(FARR, "apa", output="html", links=True)
    assert "<a " not in format_citation(FARR, "apa", output="html")
    entries = format_bibliography([FARR], "ieee", output="markdown", links=True)
    assert entries == [format_citation(FARR, "ieee", output="markdown", links=True)]
    assert f"[{DOI}](https://doi.org/{DOI})" in entries[0]


# --- golden files ---------------------------------------------------------------------------------------------------


def test_golden_files(checkout: Path) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_golden", checkout / "tests" / "tools" / "make_golden.py")
    assert spec is not None and spec.loader is not None
    make_golden = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_golden)
    golden = checkout / "tests" / "golden"
    files = make_golden.golden_files()
    assert sorted(files) == sorted(path.name for path in golden.iterdir())
    for name, content in files.items():
        assert (golden / name).read_text(encoding="utf-8") == content, (
            f"tests/golden/{name} differs from what the code makes: if the change is meant, run "
            "tests/tools/make_golden.py and review the diff"
        )
