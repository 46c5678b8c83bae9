"""Narrative citations ("Farr (2011)") and group authors with an abbreviation ("World Health Organization [WHO]").

A narrative citation names the author in the running text and puts the rest in parentheses.  CSL has no such
form, so citekit makes it from two renderings of the style's own citation: the full one, "(Farr, 2011, p. 80)",
and the one without the author, "(2011, p. 80)"; what the first has more is the author, "Farr".  The names are
therefore exactly the style's (initials, "et al.", particles), in every output format, and the profile adds the
manual's rules for running text (``[narrative]`` in ``styles/*.toml``):

- ``and = "text"``: the last two names are joined by the locale's "and" where the style's citations use "&"
  (APA 8.17: "Barnes and Cotterell (2011)", but "(Barnes & Cotterell, 2011)").
- ``group_abbreviations = true``: a group author written with its abbreviation in square brackets,
  ``{"literal": "World Health Organization [WHO]"}``, is cited as APA 8.21 wants: defined in its first citation,
  "World Health Organization (WHO, 2020)" or "(World Health Organization [WHO], 2020)", and abbreviated after
  (``first_use=False``): "WHO (2020)", "(WHO, 2020)".  The reference list always has the full name.

In every style the bracketed abbreviation is taken out of the name before the style sees it, so it never prints
by accident; where the profile has no such rule, the full name is used throughout.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from citekit.styles import ResolvedStyle
from citekit.styles.head import read_head
from citekit.styles.profiles import NarrativeRules

if TYPE_CHECKING:
    from citekit.engines.base import Cite, Engine

__all__ = ["GroupAbbreviation", "citation_items", "group_abbreviations", "narrative_citation", "with_group_names"]

_ABBREVIATED = re.compile(r"^(?P<name>.*?\S)\s*\[(?P<abbreviation>[^\[\]]{1,20})\]$")
_NAME_VARIABLES = (
    "author", "editor", "translator", "collection-editor", "composer", "container-author", "director",
    "editorial-director", "illustrator", "interviewer", "original-author", "recipient", "reviewed-author",
)  # fmt: skip
_CITED_NAMES = ("author", "editor", "translator")
"""The names a citation shows, in the order CSL styles substitute them."""


@attrs.frozen
class GroupAbbreviation:
    """A group author given as ``"Name [ABBR]"``: where it is and its two forms."""

    variable: str
    index: int
    name: str
    abbreviation: str


def group_abbreviations(item: Mapping[str, Any]) -> list[GroupAbbreviation]:
    """Every literal name of ``item`` that ends in a bracketed abbreviation holding a capital or a digit."""
    found = []
    for variable in _NAME_VARIABLES:
        names = item.get(variable)
        if not isinstance(names, list):
            continue
        for index, name in enumerate(names):
            literal = name.get("literal") if isinstance(name, Mapping) else None
            match = _ABBREVIATED.match(literal) if isinstance(literal, str) else None
            if match and any(c.isupper() or c.isdigit() for c in match.group("abbreviation")):
                found.append(GroupAbbreviation(variable, index, match.group("name"), match.group("abbreviation")))
    return found


def with_group_names(
    item: Mapping[str, Any], form: str, groups: Sequence[GroupAbbreviation] | None = None
) -> dict[str, Any]:
    """A copy of ``item`` whose bracketed group names are in ``form``.

    ``"name"``: the name alone (reference lists); ``"defined"``: "World Health Organization [WHO]" (a first
    parenthetical citation); ``"abbreviation"``: "WHO".
    """
    out = dict(item)
    for group in group_abbreviations(item) if groups is None else groups:
        names = [dict(n) for n in out[group.variable]]
        literal = {"name": group.name, "abbreviation": group.abbreviation}.get(
            form, f"{group.name} [{group.abbreviation}]"
        )
        names[group.index]["literal"] = literal
        out[group.variable] = names
    return out


def citation_items(
    items: Sequence[Mapping[str, Any]], style: ResolvedStyle, *, first_use: bool
) -> list[dict[str, Any]]:
    """The items for a parenthetical citation: group names in the form the profile's rules give."""
    rules = style.profile.narrative if style.profile else NarrativeRules()
    if not rules.group_abbreviations:
        return [with_group_names(item, "name") for item in items]
    return [with_group_names(item, "defined" if first_use else "abbreviation") for item in items]


def narrative_citation(
    engine: Engine,
    style: ResolvedStyle,
    item: Mapping[str, Any],
    cite: Cite,
    *,
    output: str,
    locale: str | None,
    first_use: bool = True,
    links: bool = False,
) -> str:
    """The narrative citation of ``item``: "Farr (2011)", "Farr (2011, p. 80)", "Smith et al. (2019)".

    Raises :class:`citekit.OptionError` (argument ``mode``) for a note style, or a style whose citations do not
    name the author (numeric styles).
    """
    from citekit.api import OptionError

    head = read_head(style.path)
    if head.style_class == "note":
        raise OptionError(
            "mode", "narrative", f"narrative citations need an author-date style; {style.name!r} is a note style"
        )
    rules = style.profile.narrative if style.profile else NarrativeRules()
    groups = group_abbreviations(item) if rules.group_abbreviations else []
    defined: GroupAbbreviation | None = None
    if groups and first_use:
        cited = _cited_names(item)
        sole = [g for g in groups if len(cited) == 1 and g.variable == _cited_variable(item) and g.index == 0]
        defined = sole[0] if sole else None
    if not rules.group_abbreviations:
        rendered = with_group_names(item, "name")
    elif defined is not None:
        # The abbreviation goes into the parentheses ("World Health Organization (WHO, 2020)"); any other group
        # author of the work is defined in brackets, as in a parenthetical citation.
        others = [g for g in groups if g is not defined]
        rendered = with_group_names(with_group_names(item, "defined", others), "name", [defined])
    else:
        rendered = with_group_names(item, "defined" if first_use else "abbreviation", groups)
    # Passed only when asked for, as the API does, so engines written before the argument keep working.
    options = {"links": True} if links else {}
    full = engine.citation(style, [rendered], [cite], output=output, locale=locale, **options)
    bare = engine.citation(
        style, [rendered], [attrs.evolve(cite, suppress_author=True)], output=output, locale=locale, **options
    )
    author = _author_part(full, bare)
    if not author:
        if head.citation_format in ("numeric", "label"):
            raise OptionError(
                "mode", "narrative", f"the citations of {style.name!r} do not name the author (a numeric style)"
            )
        # This work's citation names no author (an anonymous or legal work cited by title): missing data never
        # raises, so the running text gets the citation as the style gives it.
        return full
    if rules.and_ == "text":
        author = _spell_and(author, _cited_names(rendered), _and_term(style, locale), output)
    if not (bare.startswith("(") and bare.endswith(")")):
        bare = f"({bare})"
    if defined is not None:
        import html  # here: html.entities is a large table that only html output needs

        abbreviation = html.escape(defined.abbreviation, quote=False) if output == "html" else defined.abbreviation
        bare = f"({abbreviation}, {bare[1:]}"
    return f"{author} {bare}"


def _cited_variable(item: Mapping[str, Any]) -> str | None:
    return next((v for v in _CITED_NAMES if isinstance(item.get(v), list) and item[v]), None)


def _cited_names(item: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    variable = _cited_variable(item)
    return list(item[variable]) if variable else []


def _author_part(full: str, bare: str) -> str:
    """What ``full`` has that ``bare`` (the same citation without the author) lacks, without its delimiter."""
    start = 0
    limit = min(len(full), len(bare))
    while start < limit and full[start] == bare[start]:
        start += 1
    end = 0
    while end < limit - start and full[-1 - end] == bare[-1 - end]:
        end += 1
    author = full[start : len(full) - end].strip()
    # The delimiter between author and date: ", " (APA), " " (Chicago), or a comma moved into a closing quote.
    author = re.sub(r",((?:</[a-z]+>)*)$", r"\1", author)
    return re.sub(r",([\u201d\u2019\"'](?:</[a-z]+>)*)$", r"\1", author).strip()


_SYMBOLS = (" &#38; ", " &amp; ", " & ")


def _spell_and(author: str, names: Sequence[Mapping[str, Any]], term: str, output: str) -> str:
    """The "&" before the last name as the word ``term``; a single name ("Johnson & Johnson") is left alone."""
    if len(names) < 2 or "et al" in author:
        return author
    last = names[-1]
    shown = str(last.get("literal") or last.get("family") or "")
    if output == "html":
        import html

        shown = html.escape(shown, quote=False).replace("&amp;", "&#38;")
    before = author.rfind(shown) if shown else -1
    if before < 0:
        before = len(author)
    hits = [(author.rfind(symbol, 0, before), symbol) for symbol in _SYMBOLS]
    at, symbol = max(hits)
    if at < 0:
        return author
    return f"{author[:at]} {term} {author[at + len(symbol):]}"


def _and_term(style: ResolvedStyle, locale: str | None) -> str:
    """The locale's "and" (``and`` term, long form), as the style would print it."""
    from citekit.csl.processor import Processor

    term = Processor(style.path, locale=locale or style.locale).locale.term("and")
    return term or "and"
