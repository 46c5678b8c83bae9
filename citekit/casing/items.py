"""A profile's casing rules applied to CSL-JSON items, before the style renders them.

Which variables take which rule (``docs/casing.md`` gives the reasons):

- ``title``, ``title-short``, ``volume-title``, ``reviewed-title``, ``part-title``: the profile's ``titles`` rule
  (a short title takes the headline reading of its full title).  Titles that are names are left as given: legal
  cases, statutes, bills, treaties, regulations, hearings and software.
- ``container-title`` (and ``container-title-short``): for a chapter, a conference paper or an encyclopedia entry
  the container is a book, and takes ``titles``; for every other type it is a periodical, a website or a series
  of broadcasts, whose name takes ``periodical_titles``.
- ``collection-title`` (a series): ``series_titles``.

Nothing else is touched: not names, publishers, places, events or genres.  An item whose ``language`` is not
English (or, without one, a locale that is not English) is left as it is: sentence and headline case are rules
of English.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from citekit.casing.analysis import Title
from citekit.casing.sentence import sentence_cased
from citekit.casing.title import title_case_title
from citekit.csl.textcase import Segment, apply_text_case  # the processor's own title case
from citekit.styles.profiles import CasingRules

__all__ = ["BOOKLIKE_CONTAINERS", "NAME_TITLE_TYPES", "Memo", "apply_casing", "is_english", "title_case_for_csl"]

BOOKLIKE_CONTAINERS = frozenset({"chapter", "paper-conference", "entry", "entry-dictionary", "entry-encyclopedia"})
"""Types whose ``container-title`` is a book (cased as a title of a work, not as a periodical's name)."""

NAME_TITLE_TYPES = frozenset({"legal_case", "legislation", "bill", "treaty", "regulation", "hearing", "software"})
"""Types whose title is a name, kept as given by every rule."""

_TITLES = ("title", "volume-title", "reviewed-title", "part-title")


def is_english(item: Mapping[str, Any], locale: str | None) -> bool:
    """As the CSL processor decides it for title case: the item's ``language``, else the locale."""
    language = str(item.get("language") or "").strip()
    if language:
        return language.lower().startswith("en")
    return (locale or "en").lower().startswith("en")


#: Titles already recased: (text, rule, capitalize_subtitles, headline) -> what :func:`_recase` gave.
Memo = dict[tuple[str, str, bool, bool | None], tuple[str, bool | None]]


def apply_casing(
    item: Mapping[str, Any], rules: CasingRules, *, locale: str | None, memo: Memo | None = None
) -> dict[str, Any]:
    """A copy of ``item`` with its titles recased by ``rules`` (the item itself is never changed).

    ``memo``: shared by the items of one bibliography, it cases each repeated title (a journal, a series, the book
    of several chapters) once.
    """
    memo = {} if memo is None else memo
    out = dict(item)
    if not is_english(item, locale):
        return out
    kind = str(item.get("type", ""))
    if kind not in NAME_TITLE_TYPES:
        headline = None
        for variable in _TITLES:
            if isinstance(out.get(variable), str):
                out[variable], read = _recase(out[variable], rules.titles, rules, memo)
                if variable == "title":
                    headline = read
        if isinstance(out.get("title-short"), str):
            out["title-short"], _ = _recase(out["title-short"], rules.titles, rules, memo, headline)
    container_rule = rules.titles if kind in BOOKLIKE_CONTAINERS else (rules.periodical_titles or rules.titles)
    headline = None
    if isinstance(out.get("container-title"), str):
        out["container-title"], headline = _recase(out["container-title"], container_rule, rules, memo)
    if isinstance(out.get("container-title-short"), str):
        short = out["container-title-short"]
        out["container-title-short"], _ = _recase(short, container_rule, rules, memo, headline)
    if isinstance(out.get("collection-title"), str):
        series_rule = rules.series_titles or rules.titles
        out["collection-title"], _ = _recase(out["collection-title"], series_rule, rules, memo)
    return out


def _recase(
    text: str, rule: str, rules: CasingRules, memo: Memo, headline: bool | None = None
) -> tuple[str, bool | None]:
    """``text`` under ``rule``, and (sentence case) whether it was read as headline case."""
    if rule not in ("sentence", "title"):
        return text, None
    key = (text, rule, rules.capitalize_subtitles, headline)
    done = memo.get(key)
    if done is None:
        done = memo[key] = _recased(text, rule, rules.capitalize_subtitles, headline)
    return done


def _recased(text: str, rule: str, capitalize_subtitles: bool, headline: bool | None) -> tuple[str, bool | None]:
    if rule == "sentence":
        return sentence_cased(text, capitalize_subtitles, headline)
    return title_case_for_csl(text), None


def title_case_for_csl(text: str) -> str:
    """CMOS headline style, protected from the style's own ``text-case="title"``.

    Chicago's CSL styles title-case titles themselves, the citeproc-js way: that way capitalises every word off
    its stop-word list and lowercases a title in capitals first.  Where that would undo a decision of CMOS (a
    species name in italics, a preposition the list lacks, an all-caps title citekit leaves as it is), the words
    in question are put in ``<span class="nocase">``; everywhere else the text is exactly what CMOS gives, so a
    title the two agree on is not marked at all.
    """
    title = title_case_title(Title(text))
    cmos = title.cased_text()
    csl = "".join(apply_text_case(_runs(cmos, title.marked.csl_protected), "title"))
    if csl == cmos or len(csl) != len(cmos):
        return title.result()
    spans = [(start, start + len(token)) for start, token in zip(title.starts(), title.tokens)]
    wrap = [i for i, (start, end) in enumerate(spans) if csl[start:end] != cmos[start:end]]
    return title.result(wrap)


def _runs(text: str, protected: list[bool]) -> list[Segment]:
    """``text`` in segments of the same protection (found with list.index: a 5 MB title is one segment)."""
    segments: list[Segment] = []
    start = 0
    while start < len(text):
        flag = protected[start]
        try:
            end = protected.index(not flag, start)
        except ValueError:
            end = len(text)
        segments.append(Segment(text[start:end], flag))
        start = end
    return segments
