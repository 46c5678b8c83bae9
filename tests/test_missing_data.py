"""Missing data never raises: no date, no author, no title, no publisher each give what the style specifies.

Three works (a book, a journal article, a chapter in an edited book) are formatted whole and with fields taken
away, in each of the four main profiles, as a citation and as a reference-list entry.  The expected strings are
citeproc-js's (2.4.63, through ../shared/tools/oracle, in each profile's style and locale), checked against what the
styles say:

- no date: "n.d." (APA, Chicago), "no date" (Cite Them Right), in the date's place;
- no author: the title moves to the author position (APA and Chicago; in quotes for an article's title in the
  citation), Cite Them Right puts a journal's title there; a chapter's editor takes the author's place, marked
  "(Ed.)", "(ed.)" or ", ed.";
- no title: the element and its punctuation are left out (Chicago's note keeps the comma of "Michelle Farr,
  (Policy Press, 2011).", as its CSL style builds it);
- no publisher: place and publisher left out, the rest unchanged.

The titles are single words so that the profiles' casing rules (sentence case, headline case) leave them as they
are and the strings compare with citeproc-js's, which has no such rules.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest

import citekit

FARR = [{"family": "Farr", "given": "Michelle"}]
WORKS: dict[str, dict[str, Any]] = {
    "book": {"type": "book", "author": FARR, "title": "Participation", "publisher": "Policy Press",
             "publisher-place": "Bristol", "issued": {"date-parts": [[2011]]}},
    "article": {"type": "article-journal", "author": FARR, "title": "Participation",
                "container-title": "Journal of Social Policy", "volume": "40", "issue": "2", "page": "123-145",
                "issued": {"date-parts": [[2011]]}},
    "chapter": {"type": "chapter", "author": FARR, "title": "Participation", "container-title": "Citizenship",
                "editor": [{"family": "Barnes", "given": "Marian"}], "publisher": "Policy Press",
                "publisher-place": "Bristol", "page": "80-95", "issued": {"date-parts": [[2011]]}},
}  # fmt: skip
MISSING = {
    "full": (),
    "no-date": ("issued",),
    "no-author": ("author",),
    "no-title": ("title",),
    "no-publisher": ("publisher", "publisher-place"),
    "no-author-no-date": ("author", "issued"),
}
PROFILES = ("apa", "harvard", "chicago", "chicago-author-date")

# (profile, work, what is missing): (citation, bibliography entry)
EXPECTED: dict[tuple[str, str, str], tuple[str, str]] = {
    ('apa', 'book', 'full'): (
        '(Farr, 2011)',
        'Farr, M. (2011). Participation. Policy Press.',
    ),
    ('harvard', 'book', 'full'): (
        '(Farr, 2011)',
        'Farr, M. (2011) Participation. Bristol: Policy Press.',
    ),
    ('chicago', 'book', 'full'): (
        'Michelle Farr, Participation (Policy Press, 2011).',
        'Farr, Michelle. Participation. Policy Press, 2011.',
    ),
    ('chicago-author-date', 'book', 'full'): (
        '(Farr 2011)',
        'Farr, Michelle. 2011. Participation. Policy Press.',
    ),
    ('apa', 'book', 'no-date'): (
        '(Farr, n.d.)',
        'Farr, M. (n.d.). Participation. Policy Press.',
    ),
    ('harvard', 'book', 'no-date'): (
        '(Farr, no date)',
        'Farr, M. (no date) Participation. Bristol: Policy Press.',
    ),
    ('chicago', 'book', 'no-date'): (
        'Michelle Farr, Participation (Policy Press, n.d.).',
        'Farr, Michelle. Participation. Policy Press, n.d.',
    ),
    ('chicago-author-date', 'book', 'no-date'): (
        '(Farr, n.d.)',
        'Farr, Michelle. n.d. Participation. Policy Press.',
    ),
    ('apa', 'book', 'no-author'): (
        '(Participation, 2011)',
        'Participation. (2011). Policy Press.',
    ),
    ('harvard', 'book', 'no-author'): (
        '(Participation, 2011)',
        'Participation (2011). Bristol: Policy Press.',
    ),
    ('chicago', 'book', 'no-author'): (
        'Participation (Policy Press, 2011).',
        'Participation. Policy Press, 2011.',
    ),
    ('chicago-author-date', 'book', 'no-author'): (
        '(Participation 2011)',
        'Participation. 2011. Policy Press.',
    ),
    ('apa', 'book', 'no-title'): (
        '(Farr, 2011)',
        'Farr, M. (2011). Policy Press.',
    ),
    ('harvard', 'book', 'no-title'): (
        '(Farr, 2011)',
        'Farr, M. (2011). Bristol: Policy Press.',
    ),
    ('chicago', 'book', 'no-title'): (
        'Michelle Farr, (Policy Press, 2011).',
        'Farr, Michelle. Policy Press, 2011.',
    ),
    ('chicago-author-date', 'book', 'no-title'): (
        '(Farr 2011)',
        'Farr, Michelle. 2011. Policy Press.',
    ),
    ('apa', 'book', 'no-publisher'): (
        '(Farr, 2011)',
        'Farr, M. (2011). Participation.',
    ),
    ('harvard', 'book', 'no-publisher'): (
        '(Farr, 2011)',
        'Farr, M. (2011) Participation.',
    ),
    ('chicago', 'book', 'no-publisher'): (
        'Michelle Farr, Participation (2011).',
        'Farr, Michelle. Participation. 2011.',
    ),
    ('chicago-author-date', 'book', 'no-publisher'): (
        '(Farr 2011)',
        'Farr, Michelle. 2011. Participation.',
    ),
    ('apa', 'book', 'no-author-no-date'): (
        '(Participation, n.d.)',
        'Participation. (n.d.). Policy Press.',
    ),
    ('harvard', 'book', 'no-author-no-date'): (
        '(Participation, no date)',
        'Participation (no date). Bristol: Policy Press.',
    ),
    ('chicago', 'book', 'no-author-no-date'): (
        'Participation (Policy Press, n.d.).',
        'Participation. Policy Press, n.d.',
    ),
    ('chicago-author-date', 'book', 'no-author-no-date'): (
        '(Participation, n.d.)',
        'Participation. n.d. Policy Press.',
    ),
    ('apa', 'article', 'full'): (
        '(Farr, 2011)',
        'Farr, M. (2011). Participation. Journal of Social Policy, 40(2), 123–145.',
    ),
    ('harvard', 'article', 'full'): (
        '(Farr, 2011)',
        'Farr, M. (2011) ‘Participation’, Journal of Social Policy, 40(2), pp. 123–145.',
    ),
    ('chicago', 'article', 'full'): (
        'Michelle Farr, “Participation,” Journal of Social Policy 40, no. 2 (2011): 123–45.',
        'Farr, Michelle. “Participation.” Journal of Social Policy 40, no. 2 (2011): 123–45.',
    ),
    ('chicago-author-date', 'article', 'full'): (
        '(Farr 2011)',
        'Farr, Michelle. 2011. “Participation.” Journal of Social Policy 40 (2): 123–45.',
    ),
    ('apa', 'article', 'no-date'): (
        '(Farr, n.d.)',
        'Farr, M. (n.d.). Participation. Journal of Social Policy, 40(2), 123–145.',
    ),
    ('harvard', 'article', 'no-date'): (
        '(Farr, no date)',
        'Farr, M. (no date) ‘Participation’, Journal of Social Policy, 40(2), pp. 123–145.',
    ),
    ('chicago', 'article', 'no-date'): (
        'Michelle Farr, “Participation,” Journal of Social Policy 40, no. 2 (n.d.): 123–45.',
        'Farr, Michelle. “Participation.” Journal of Social Policy 40, no. 2 (n.d.): 123–45.',
    ),
    ('chicago-author-date', 'article', 'no-date'): (
        '(Farr, n.d.)',
        'Farr, Michelle. n.d. “Participation.” Journal of Social Policy 40 (2): 123–45.',
    ),
    ('apa', 'article', 'no-author'): (
        '(“Participation,” 2011)',
        'Participation. (2011). Journal of Social Policy, 40(2), 123–145.',
    ),
    ('harvard', 'article', 'no-author'): (
        '(Journal of Social Policy, 2011)',
        'Journal of Social Policy (2011) ‘Participation’, 40(2), pp. 123–145.',
    ),
    ('chicago', 'article', 'no-author'): (
        '“Participation,” Journal of Social Policy 40, no. 2 (2011): 123–45.',
        '“Participation.” Journal of Social Policy 40, no. 2 (2011): 123–45.',
    ),
    ('chicago-author-date', 'article', 'no-author'): (
        '(“Participation” 2011)',
        '“Participation.” 2011. Journal of Social Policy 40 (2): 123–45.',
    ),
    ('apa', 'article', 'no-title'): (
        '(Farr, 2011)',
        'Farr, M. (2011). Journal of Social Policy, 40(2), 123–145.',
    ),
    ('harvard', 'article', 'no-title'): (
        '(Farr, 2011)',
        'Farr, M. (2011) Journal of Social Policy, 40(2), pp. 123–145.',
    ),
    ('chicago', 'article', 'no-title'): (
        'Michelle Farr, Journal of Social Policy 40, no. 2 (2011): 123–45.',
        'Farr, Michelle. Journal of Social Policy 40, no. 2 (2011): 123–45.',
    ),
    ('chicago-author-date', 'article', 'no-title'): (
        '(Farr 2011)',
        'Farr, Michelle. 2011. Journal of Social Policy 40 (2): 123–45.',
    ),
    ('apa', 'article', 'no-publisher'): (
        '(Farr, 2011)',
        'Farr, M. (2011). Participation. Journal of Social Policy, 40(2), 123–145.',
    ),
    ('harvard', 'article', 'no-publisher'): (
        '(Farr, 2011)',
        'Farr, M. (2011) ‘Participation’, Journal of Social Policy, 40(2), pp. 123–145.',
    ),
    ('chicago', 'article', 'no-publisher'): (
        'Michelle Farr, “Participation,” Journal of Social Policy 40, no. 2 (2011): 123–45.',
        'Farr, Michelle. “Participation.” Journal of Social Policy 40, no. 2 (2011): 123–45.',
    ),
    ('chicago-author-date', 'article', 'no-publisher'): (
        '(Farr 2011)',
        'Farr, Michelle. 2011. “Participation.” Journal of Social Policy 40 (2): 123–45.',
    ),
    ('apa', 'article', 'no-author-no-date'): (
        '(“Participation,” n.d.)',
        'Participation. (n.d.). Journal of Social Policy, 40(2), 123–145.',
    ),
    ('harvard', 'article', 'no-author-no-date'): (
        '(Journal of Social Policy, no date)',
        'Journal of Social Policy (no date) ‘Participation’, 40(2), pp. 123–145.',
    ),
    ('chicago', 'article', 'no-author-no-date'): (
        '“Participation,” Journal of Social Policy 40, no. 2 (n.d.): 123–45.',
        '“Participation.” Journal of Social Policy 40, no. 2 (n.d.): 123–45.',
    ),
    ('chicago-author-date', 'article', 'no-author-no-date'): (
        '(“Participation,” n.d.)',
        '“Participation.” n.d. Journal of Social Policy 40 (2): 123–45.',
    ),
    ('apa', 'chapter', 'full'): (
        '(Farr, 2011)',
        'Farr, M. (2011). Participation. In M. Barnes (Ed.), Citizenship (pp. 80–95). Policy Press.',
    ),
    ('harvard', 'chapter', 'full'): (
        '(Farr, 2011)',
        'Farr, M. (2011) ‘Participation’, in M. Barnes (ed.) Citizenship. Bristol: Policy Press, pp. 80–95.',
    ),
    ('chicago', 'chapter', 'full'): (
        'Michelle Farr, “Participation,” in Citizenship, ed. Marian Barnes (Policy Press, 2011).',
        'Farr, Michelle. “Participation.” In Citizenship, edited by Marian Barnes. Policy Press, 2011.',
    ),
    ('chicago-author-date', 'chapter', 'full'): (
        '(Farr 2011)',
        'Farr, Michelle. 2011. “Participation.” In Citizenship, edited by Marian Barnes. Policy Press.',
    ),
    ('apa', 'chapter', 'no-date'): (
        '(Farr, n.d.)',
        'Farr, M. (n.d.). Participation. In M. Barnes (Ed.), Citizenship (pp. 80–95). Policy Press.',
    ),
    ('harvard', 'chapter', 'no-date'): (
        '(Farr, no date)',
        'Farr, M. (no date) ‘Participation’, in M. Barnes (ed.) Citizenship. Bristol: Policy Press, pp. 80–95.',
    ),
    ('chicago', 'chapter', 'no-date'): (
        'Michelle Farr, “Participation,” in Citizenship, ed. Marian Barnes (Policy Press, n.d.).',
        'Farr, Michelle. “Participation.” In Citizenship, edited by Marian Barnes. Policy Press, n.d.',
    ),
    ('chicago-author-date', 'chapter', 'no-date'): (
        '(Farr, n.d.)',
        'Farr, Michelle. n.d. “Participation.” In Citizenship, edited by Marian Barnes. Policy Press.',
    ),
    ('apa', 'chapter', 'no-author'): (
        '(Barnes, 2011)',
        'Barnes, M. (Ed.). (2011). Participation. In Citizenship (pp. 80–95). Policy Press.',
    ),
    ('harvard', 'chapter', 'no-author'): (
        '(Barnes, 2011)',
        'Barnes, M. (ed.) (2011) ‘Participation’, Citizenship. Bristol: Policy Press, pp. 80–95.',
    ),
    ('chicago', 'chapter', 'no-author'): (
        'Marian Barnes, ed., “Participation,” in Citizenship (Policy Press, 2011).',
        'Barnes, Marian, ed. “Participation.” In Citizenship. Policy Press, 2011.',
    ),
    ('chicago-author-date', 'chapter', 'no-author'): (
        '(Barnes 2011)',
        'Barnes, Marian, ed. 2011. “Participation.” In Citizenship. Policy Press.',
    ),
    ('apa', 'chapter', 'no-title'): (
        '(Farr, 2011)',
        'Farr, M. (2011). In M. Barnes (Ed.), Citizenship (pp. 80–95). Policy Press.',
    ),
    ('harvard', 'chapter', 'no-title'): (
        '(Farr, 2011)',
        'Farr, M. (2011) in M. Barnes (ed.) Citizenship. Bristol: Policy Press, pp. 80–95.',
    ),
    ('chicago', 'chapter', 'no-title'): (
        'Michelle Farr, in Citizenship, ed. Marian Barnes (Policy Press, 2011).',
        'Farr, Michelle. In Citizenship, edited by Marian Barnes. Policy Press, 2011.',
    ),
    ('chicago-author-date', 'chapter', 'no-title'): (
        '(Farr 2011)',
        'Farr, Michelle. 2011. In Citizenship, edited by Marian Barnes. Policy Press.',
    ),
    ('apa', 'chapter', 'no-publisher'): (
        '(Farr, 2011)',
        'Farr, M. (2011). Participation. In M. Barnes (Ed.), Citizenship (pp. 80–95).',
    ),
    ('harvard', 'chapter', 'no-publisher'): (
        '(Farr, 2011)',
        'Farr, M. (2011) ‘Participation’, in M. Barnes (ed.) Citizenship, pp. 80–95.',
    ),
    ('chicago', 'chapter', 'no-publisher'): (
        'Michelle Farr, “Participation,” in Citizenship, ed. Marian Barnes (2011).',
        'Farr, Michelle. “Participation.” In Citizenship, edited by Marian Barnes. 2011.',
    ),
    ('chicago-author-date', 'chapter', 'no-publisher'): (
        '(Farr 2011)',
        'Farr, Michelle. 2011. “Participation.” In Citizenship, edited by Marian Barnes.',
    ),
    ('apa', 'chapter', 'no-author-no-date'): (
        '(Barnes, n.d.)',
        'Barnes, M. (Ed.). (n.d.). Participation. In Citizenship (pp. 80–95). Policy Press.',
    ),
    ('harvard', 'chapter', 'no-author-no-date'): (
        '(Barnes, no date)',
        'Barnes, M. (ed.) (no date) ‘Participation’, Citizenship. Bristol: Policy Press, pp. 80–95.',
    ),
    ('chicago', 'chapter', 'no-author-no-date'): (
        'Marian Barnes, ed., “Participation,” in Citizenship (Policy Press, n.d.).',
        'Barnes, Marian, ed. “Participation.” In Citizenship. Policy Press, n.d.',
    ),
    ('chicago-author-date', 'chapter', 'no-author-no-date'): (
        '(Barnes, n.d.)',
        'Barnes, Marian, ed. n.d. “Participation.” In Citizenship. Policy Press.',
    ),}


def work(kind: str, missing: str) -> dict[str, Any]:
    item = {k: v for k, v in copy.deepcopy(WORKS[kind]).items() if k not in MISSING[missing]}
    item["id"] = f"{kind}-{missing}"
    return item


def test_the_table_covers_every_case() -> None:
    assert set(EXPECTED) == {(p, k, m) for p in PROFILES for k in WORKS for m in MISSING}


@pytest.mark.parametrize(("profile", "kind", "missing"), sorted(EXPECTED))
def test_missing_data_gives_what_the_style_specifies(profile: str, kind: str, missing: str) -> None:
    citation, entry = EXPECTED[profile, kind, missing]
    item = work(kind, missing)
    assert citekit.format_citation(item, profile, mode="citation") == citation
    assert citekit.format_citation(item, profile) == entry
    assert citekit.format_bibliography([item], profile) == [entry]


@pytest.mark.parametrize("profile", PROFILES)
@pytest.mark.parametrize("missing", sorted(MISSING))
def test_missing_data_in_every_mode_and_output(profile: str, missing: str) -> None:
    """No raise in any mode or output, with a locator, as a record object too; narrative in author-date styles."""
    for kind in WORKS:
        item = work(kind, missing)
        record = citekit.from_csl(item)
        for output in ("text", "html", "markdown", "rtf", "latex"):
            for target in (item, record):
                assert isinstance(citekit.format_citation(target, profile, output=output), str)
                cite = citekit.format_citation(target, profile, mode="citation", output=output, locator="80")
                assert "80" in cite
        if profile != "chicago":
            narrative = citekit.format_citation(item, profile, mode="narrative")
            assert narrative.endswith(")") and not narrative.startswith("(")


@pytest.mark.parametrize(("profile", "nd"), [("apa", "n.d."), ("harvard", "no date"), ("chicago-author-date", "n.d.")])
def test_narrative_without_a_date(profile: str, nd: str) -> None:
    assert citekit.format_citation(work("book", "no-date"), profile, mode="narrative") == f"Farr ({nd})"
    assert citekit.format_citation(work("book", "no-author-no-date"), profile, mode="narrative") == (
        f"Participation ({nd})"
    )


# Works with almost nothing: citeproc-js capitalises the term that opens an entry ("(N.d.).", "N.d. https://..."),
# citekit does not yet (reported to the processor's maintainer); the strings agree but for that letter.
NEARLY_EMPTY = {
    "book": {"type": "book"},
    "webpage": {"type": "webpage", "URL": "https://example.org/page"},
    "report": {"type": "report", "publisher": "World Health Organization"},
}
NEARLY_EMPTY_EXPECTED = {
    ("apa", "book"): ("(n.d.)", "(N.d.)."),
    ("harvard", "book"): ("(no date)", "(No date)."),
    ("chicago", "book"): ("(N.d.).", "N.d."),
    ("chicago-author-date", "book"): ("(n.d.)", "N.d."),
    ("apa", "webpage"): ("(n.d.)", "(N.d.). Retrieved https://example.org/page"),
    ("harvard", "webpage"): ("(no date)", "(No date). Available at: https://example.org/page."),
    ("chicago", "webpage"): ("https://example.org/page.", "https://example.org/page."),
    ("chicago-author-date", "webpage"): ("(n.d.)", "N.d. https://example.org/page."),
    ("apa", "report"): ("(n.d.)", "(N.d.). World Health Organization."),
    ("harvard", "report"): ("(no date)", "(No date). World Health Organization."),
    ("chicago", "report"): ("(World Health Organization, n.d.).", "World Health Organization, n.d."),
    ("chicago-author-date", "report"): ("(n.d.)", "N.d. World Health Organization."),
}


@pytest.mark.parametrize(("profile", "kind"), sorted(NEARLY_EMPTY_EXPECTED))
def test_nearly_empty_records_do_not_raise(profile: str, kind: str) -> None:
    item = dict(NEARLY_EMPTY[kind], id=kind)
    citation, entry = NEARLY_EMPTY_EXPECTED[profile, kind]
    got = (citekit.format_citation(item, profile, mode="citation"), citekit.format_citation(item, profile))
    assert (got[0].lower(), got[1].lower()) == (citation.lower(), entry.lower())


@pytest.mark.parametrize(
    ("profile", "kind"), [("apa", "book"), ("chicago", "book"), ("chicago-author-date", "webpage")]
)
def test_nearly_empty_records_capitalise_the_opening_term(profile: str, kind: str) -> None:
    item = dict(NEARLY_EMPTY[kind], id=kind)
    citation, entry = NEARLY_EMPTY_EXPECTED[profile, kind]
    assert (citekit.format_citation(item, profile, mode="citation"), citekit.format_citation(item, profile)) == (
        citation, entry,
    )  # fmt: skip


def test_narrative_of_a_work_with_nothing_to_name() -> None:
    """With no author, editor or title, a narrative citation falls back to the citation."""
    assert citekit.format_citation(dict(NEARLY_EMPTY["book"], id="b"), "apa", mode="narrative") == "(n.d.)"
