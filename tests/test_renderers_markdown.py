"""Markdown shows what HTML shows: rendered by a CommonMark implementation (markdown-it-py), every output has the
same visible text as citekit's HTML, with the same characters in italics and in bold."""

from __future__ import annotations

import functools
import json
from typing import Any

import lxml.html
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from citekit import format_bibliography, format_citation
from citekit.csl.punctuation import CLOSE, OPEN, TEXT, Token
from citekit.csl.tree import Span
from citekit.examples import FARR
from citekit.renderers.html import render_html
from citekit.renderers.markdown import render_markdown

PROFILES = ("apa", "harvard", "chicago", "chicago-author-date", "ieee")
Styled = list[tuple[str, bool, bool]]


@functools.cache
def _markdown() -> MarkdownIt:
    return MarkdownIt("commonmark")  # inline HTML on, as CommonMark has it


def _seen(html: str) -> Styled:
    """Each visible character with whether it is italic and whether it is bold; white space is one space."""
    seen: Styled = []

    def walk(element: Any, italic: bool, bold: bool) -> None:
        style = element.get("style") or ""
        italic = (element.tag in ("i", "em") or italic or "font-style:oblique" in style) and (
            "font-style:normal" not in style
        )
        bold = (element.tag in ("b", "strong") or bold) and "font-weight:normal" not in style
        if element.tag in ("div", "p"):  # a block is set apart from what is around it
            seen.append((" ", False, False))
        seen.extend((c, italic, bold) for c in element.text or "")
        for child in element:
            walk(child, italic, bold)
            if child.tag in ("div", "p"):
                seen.append((" ", False, False))
            seen.extend((c, italic, bold) for c in child.tail or "")

    walk(lxml.html.fragment_fromstring(f"<div>{html}</div>"), False, False)
    out: Styled = []
    for char, italic, bold in seen:
        if char.isspace():
            if out and out[-1][0] != " ":
                out.append((" ", False, False))
        else:
            out.append((char, italic, bold))
    while out and out[-1][0] == " ":
        out.pop()
    return out


def assert_same_view(markdown: str, html: str) -> None:
    shown, expected = _seen(_markdown().render(markdown)), _seen(html)
    assert "".join(c for c, _, _ in shown) == "".join(c for c, _, _ in expected), markdown
    assert shown == expected, f"italics or bold differ: {markdown!r} vs {html!r}"


@pytest.mark.parametrize("profile", PROFILES)
def test_farr(profile: str) -> None:
    for mode in ("bibliography", "citation"):
        for links in (False, True):
            options: dict[str, Any] = {"mode": mode, "links": links}
            markdown = format_citation(FARR, profile, output="markdown", **options)
            assert_same_view(markdown, format_citation(FARR, profile, output="html", **options))


def test_dev_corpus(shared_dir: Any) -> None:
    corpus = shared_dir / "corpus" / "dev.json"
    if not corpus.is_file():
        pytest.skip(f"no corpus at {corpus}")
    records = json.loads(corpus.read_text(encoding="utf-8"))
    for profile in PROFILES:
        markdown = format_bibliography(records, profile, output="markdown", links=True)
        html = format_bibliography(records, profile, output="html", links=True)
        for md_entry, html_entry in zip(markdown, html):
            assert_same_view(md_entry, html_entry)


_TEXT = st.text(alphabet=st.sampled_from(list("ab .,;:!?()[]*_`<>&#-+=1\"'\\~|$\u02b3")), max_size=6)
_SPANS = st.builds(
    lambda style, weight, variant, vertical: Span(
        [], font_style=style, font_weight=weight, font_variant=variant, vertical_align=vertical
    ),
    st.sampled_from([None, "italic", "normal", "oblique"]),
    st.sampled_from([None, "bold", "normal"]),
    st.sampled_from([None, "small-caps"]),
    st.sampled_from([None, "sup", "sub"]),
)
_TOKENS = st.recursive(
    _TEXT.map(lambda text: [Token(TEXT, text)]),
    lambda inner: st.one_of(
        st.lists(inner, min_size=1, max_size=3).map(lambda lists: [t for tokens in lists for t in tokens]),
        st.tuples(_SPANS, inner).map(lambda pair: [Token(OPEN, span=pair[0]), *pair[1], Token(CLOSE, span=pair[0])]),
    ),
    max_leaves=8,
)


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(_TOKENS)
def test_any_formatting_of_any_text(tokens: list[Token]) -> None:
    """Emphasis next to punctuation, emphasis ending where another starts, nested flips, Markdown's own
    characters in the text: markdown-it reads what citekit meant."""
    assert_same_view(render_markdown(tokens), render_html(tokens).strip())
