"""Unit tests for processor parts the official suite covers thinly: initials, particles, quotes in data,
punctuation collisions, dates and style specialisation.  Expected values are what citeproc-js gives (checked with
the runner in ../shared/tools/oracle) or what CSL 1.0.2 states."""

from __future__ import annotations

import pytest

from citekit.csl import Cite, Cluster, Processor
from citekit.csl.items import item_from_csl
from citekit.csl.names import initialize
from citekit.csl.punctuation import QuoteMarks, linearize
from citekit.csl.richtext import parse_rich_text
from citekit.csl.specialize import specialize
from citekit.csl.styles_cache import style_from_text
from citekit.csl.tree import Span, Str
from citekit.renderers.text import render_text


@pytest.mark.parametrize(
    ("given", "initialize_with", "initialize_flag", "expected"),
    [
        ("Michelle", ". ", True, "M."),
        ("John Ronald Reuel", ". ", True, "J. R. R."),
        ("John Ronald Reuel", ".", True, "J.R.R."),
        ("Jean-Paul", ". ", True, "J.-P."),
        ("John M.E.", ". ", False, "John M. E."),  # initialize="false": full names stay, initials are normalised
        ("Ph.M.E.", "", True, "PhME"),  # a part written with a period is an abbreviation kept as written
        ("J. B. de C. M.", ".", True, "J.B. de C.M."),  # lower-case particles are never abbreviated
        ("Guo-ping", "", True, "G"),  # a lower-case second part is no initial of its own
    ],
)
def test_initials(given: str, initialize_with: str, initialize_flag: bool, expected: str) -> None:
    assert initialize(given, initialize_with, initialize_flag, True) == expected


@pytest.mark.parametrize(
    ("family", "particle", "rest"),
    [
        ("van Gogh", "van", "Gogh"),
        ("de la Fontaine", "de la", "Fontaine"),
        ("d'Alembert", "d\u2019", "Alembert"),
        ("v.d. Berg", "v.d.", "Berg"),
        ("in 't Horvath", "in \u2019t", "Horvath"),
        ("Smith", "", "Smith"),
    ],
)
def test_particles_are_read_from_family_names(family: str, particle: str, rest: str) -> None:
    item = item_from_csl({"id": "x", "type": "book", "author": [{"family": family, "given": "A"}]})
    name = item.names["author"][0]
    assert (name.non_dropping_particle, name.family) == (particle, rest)


def _text(nodes: list[Str | Span], marks: QuoteMarks = QuoteMarks(), in_quote: bool = True) -> str:
    return render_text(linearize(Span(list(nodes)), marks, in_quote), False)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ('His "Anonymous" Life', "His \u201cAnonymous\u201d Life"),
        ("a 'single' b", "a \u201csingle\u201d b"),  # alone, straight single quotes take the outer marks
        ('a "dq" b \'sq\' c', "a \u201cdq\u201d b \u2018sq\u2019 c"),  # beside double quotes, the inner ones
        ("O'Brien's", "O\u2019Brien\u2019s"),
        ('Nation of "Positive " of', 'Nation of "Positive " of'),  # an orphan straight quote stays as typed
    ],
)
def test_quotes_in_data(data: str, expected: str) -> None:
    assert _text(parse_rich_text(data)) == expected


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [
        ("Together?", ". Next", "Together? Next"),
        ("Ed.", ". Next", "Ed. Next"),
        ("semicolon;", ": colon", "semicolon; colon"),
        ("colon:", "! exclamation", "colon! exclamation"),
        ("Inc.", ", Next", "Inc., Next"),
        ("end ", " start", "end start"),
    ],
)
def test_punctuation_collisions(left: str, right: str, expected: str) -> None:
    assert _text([Str(left), Str(right)]) == expected


def test_punctuation_moves_into_quotes_and_a_comma_after_a_question_mark_goes() -> None:
    quoted = Span([Str("Can staff participate together?")], quotes=True)
    assert _text([quoted, Str(", in")]) == "\u201cCan staff participate together?\u201d in"
    assert _text([Span([Str("Title")], quotes=True), Str(". Next")]) == "\u201cTitle.\u201d Next"
    # Without punctuation-in-quote (en-GB) the marks stay outside, and both stay.
    assert _text([quoted, Str(", in")], in_quote=False) == "\u201cCan staff participate together?\u201d, in"


DATE_STYLE = """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id>t</id><title>t</title><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation><layout><date variable="issued" form="text"/></layout></citation></style>"""


@pytest.mark.parametrize(
    ("date_parts", "expected"),
    [
        ([[2011, 11]], "November 2011"),
        ([[2011, 5, 1], [2011, 5, 3]], "May 1\u20133, 2011"),
        ([[2011, 5, 1], [2011, 6, 3]], "May 1\u2013June 3, 2011"),
        ([[2010, 12, 1], [2011, 1, 3]], "December 1, 2010\u2013January 3, 2011"),
        ([[1999, 21], [2001, 22]], "Spring 1999\u2013Summer 2001"),
        ([[1987], [0]], "1987\u2013"),
    ],
)
def test_dates_and_ranges(date_parts: list[list[int]], expected: str) -> None:
    item = {"id": "x", "type": "book", "issued": {"date-parts": date_parts}}
    assert Processor(DATE_STYLE, "en-US").citations([item], [Cluster([Cite("x")])], output="text") == [expected]


def test_specialising_for_a_type_keeps_only_reachable_branches() -> None:
    style = style_from_text(
        """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
      <info><id>t</id><title>t</title><updated>2024-01-01T00:00:00+00:00</updated></info>
      <citation><layout><choose>
        <if type="book"><text value="B"/></if>
        <else-if type="chapter" variable="editor" match="all"><text value="C"/></else-if>
        <else><text value="E"/></else>
      </choose></layout></citation></style>"""
    )
    layout = style.citation.layout.children
    book = specialize(layout, "book")
    assert [getattr(e, "value", None) for e in book] == ["B"]  # the choose is gone
    chapter = specialize(layout, "chapter")
    assert len(chapter) == 1 and chapter[0].branches[0].condition.types == ()  # type: ignore[union-attr]
    assert chapter[0].branches[0].condition.variables == ("editor",)  # type: ignore[union-attr]
    assert [getattr(e, "value", None) for e in specialize(layout, "article")] == ["E"]
