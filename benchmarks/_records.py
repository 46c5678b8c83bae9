"""Seeded, generated CSL-JSON records for the benchmarks: what a real reference list of a thesis or a review has.

The mix is about a third each of journal articles, books and book chapters, with 0 to 8 authors (0: a book known
by its editors, or an unsigned article), editors on edited books and chapters, page ranges, DOIs on most articles
and on some books, editions, and names as they come in real data: particles ("van der", "de", "d'"), suffixes
("Jr."), accents (Müller, Łukasiewicz, Núñez), hyphenated and initialled given names, a few organisations.  The
family names are drawn from a pool small enough that some author-year pairs repeat, so author-date styles
disambiguate (year suffixes, added initials) as they would in a real document.

Nothing is read from a data file: the same seed gives the same records on any machine and Python version.
"""

from __future__ import annotations

import random
from typing import Any

__all__ = ["generate"]

# (non-dropping particle, family), or (None, family)
FAMILIES: list[tuple[str | None, str]] = [
    (None, "Farr"), (None, "Müller"), (None, "García"), (None, "Nguyen"), (None, "Smith"), (None, "O'Brien"),
    (None, "Kowalski"), (None, "Østergaard"), (None, "Łukasiewicz"), (None, "Núñez"), (None, "Dvořák"),
    (None, "Johansson"), (None, "Tanaka"), (None, "Okafor"), (None, "Papadopoulos"), (None, "Schröder"),
    (None, "Lefèvre"), (None, "Barnes"), (None, "Cotterell"), (None, "Ahmed"), (None, "Rossi"), (None, "Chen"),
    (None, "Williams"), (None, "Brown"), (None, "Taylor"), (None, "Wilson"), (None, "Martin"), (None, "Ivanova"),
    (None, "Sánchez-Ruiz"), (None, "Çelik"), (None, "Hernández"), (None, "Björk"), (None, "Kim"), (None, "Singh"),
    ("van", "Gennep"), ("van der", "Berg"), ("de", "Vries"), ("de la", "Cruz"), ("von", "Humboldt"),
    ("di", "Stefano"), ("da", "Silva"), ("d'", "Alembert"), ("Van", "Dyke"), ("le", "Roux"),
]  # fmt: skip
GIVENS = [
    "Michelle", "Marian", "Phil", "José", "Anna-Lena", "J. R. R.", "Zoë", "François", "Li", "Jean-Paul", "Agnieszka",
    "Søren", "Ingrid", "Chinedu", "Hiroshi", "María José", "Ólafur", "Émilie", "T. S.", "Ahmad", "Wei", "Dorothy",
    "Karl-Heinz", "Nuno", "Ayşe", "R.", "Elena", "Mohammed", "Priya", "Björn",
]  # fmt: skip
ORGANISATIONS = [
    "World Health Organization", "National Institute for Health and Care Excellence", "Office for National Statistics",
    "American Psychological Association", "Organisation for Economic Co-operation and Development",
]  # fmt: skip
WORDS = (
    "collaboration public services users staff participation health policy network data analysis community care "
    "governance evidence practice reform inequality migration identity learning memory language children families "
    "welfare housing climate adaptation risk trust institutions markets labour gender ethnicity ageing outcomes "
    "mental wellbeing education digital platforms surveillance citizenship"
).split()
PROPER = ["Europe", "Britain", "Africa", "COVID-19", "NHS", "Brazil", "Scandinavia", "Japan", "Wales", "UNESCO"]
JOURNALS = [
    "Journal of Health Services Research & Policy", "Social Science & Medicine", "Policy & Politics",
    "Public Administration Review", "The Lancet", "Journal of Social Policy", "Sociology of Health & Illness",
    "American Journal of Sociology", "Psychological Science", "Zeitschrift für Soziologie", "Nature Human Behaviour",
]  # fmt: skip
PUBLISHERS = [
    ("Policy Press", "Bristol"), ("Oxford University Press", "Oxford"), ("Routledge", "London"),
    ("Springer", "Cham"), ("Cambridge University Press", "Cambridge"), ("Sage", "Thousand Oaks, CA"),
    ("Presses universitaires de France", "Paris"), ("University of Chicago Press", "Chicago"),
]  # fmt: skip


def _person(rng: random.Random) -> dict[str, str]:
    particle, family = rng.choice(FAMILIES)
    name: dict[str, str] = {"family": family, "given": rng.choice(GIVENS)}
    if particle is not None:
        name["non-dropping-particle"] = particle
    if rng.random() < 0.03:
        name["suffix"] = "Jr."
    return name


def _names(rng: random.Random, low: int, high: int) -> list[dict[str, str]]:
    if rng.random() < 0.02:
        return [{"literal": rng.choice(ORGANISATIONS)}]
    # mostly one to three names, with a long tail up to `high`
    count = min(high, max(low, int(rng.expovariate(0.55)) + low))
    return [_person(rng) for _ in range(count)]


def _title(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(3, 9))]
    if rng.random() < 0.3:
        words.insert(rng.randrange(len(words) + 1), rng.choice(PROPER))
    words[0] = words[0].capitalize()
    title = " ".join(words)
    if rng.random() < 0.45:  # a subtitle, lower case after the colon as many sources give it
        title += ": " + " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 6)))
    elif rng.random() < 0.1:
        title += "?"
    return title


def _headline(title: str) -> str:
    small = {"and", "of", "in", "for", "the", "a", "on", "to"}
    return " ".join(w if w in small else w[:1].upper() + w[1:] for w in title.split(" "))


def _issued(rng: random.Random) -> dict[str, Any]:
    year = rng.choice([rng.randint(1950, 2024), rng.randint(2005, 2024), rng.randint(2015, 2024)])
    if rng.random() < 0.25:
        return {"date-parts": [[year, rng.randint(1, 12)]]}
    return {"date-parts": [[year]]}


def _pages(rng: random.Random) -> str:
    first = rng.randint(1, 900)
    return f"{first}–{first + rng.randint(3, 40)}" if rng.random() < 0.5 else f"{first}-{first + rng.randint(3, 40)}"


def _isbn(rng: random.Random) -> str:
    digits = [9, 7, 8] + [rng.randrange(10) for _ in range(9)]
    check = (10 - sum(d * (3 if i % 2 else 1) for i, d in enumerate(digits)) % 10) % 10
    return "".join(map(str, digits + [check]))


def _publisher(rng: random.Random, item: dict[str, Any]) -> None:
    publisher, place = rng.choice(PUBLISHERS)
    item["publisher"] = publisher
    if rng.random() < 0.8:
        item["publisher-place"] = place


def _record(rng: random.Random, index: int) -> dict[str, Any]:
    kind = rng.choices(["article-journal", "book", "chapter"], weights=[4, 3, 3])[0]
    item: dict[str, Any] = {"id": f"r{index:05d}", "type": kind, "title": _title(rng), "issued": _issued(rng)}
    if kind == "article-journal":
        authors = _names(rng, 0 if rng.random() < 0.02 else 1, 8)
        item["container-title"] = rng.choice(JOURNALS)
        item["volume"] = str(rng.randint(1, 120))
        if rng.random() < 0.8:
            item["issue"] = str(rng.randint(1, 12))
        item["page"] = _pages(rng)
        if rng.random() < 0.85:
            item["DOI"] = f"10.{rng.randint(1000, 9999)}/{rng.choice(['jhsrp', 'ssm', 'pp', 'par'])}.{index}"
    elif kind == "book":
        edited = rng.random() < 0.3
        authors = [] if edited else _names(rng, 1, 8)
        if edited:
            item["editor"] = _names(rng, 1, 4)
        _publisher(rng, item)
        if rng.random() < 0.15:
            item["edition"] = str(rng.randint(2, 6))
        if rng.random() < 0.3:
            item["DOI"] = f"10.{rng.randint(1000, 9999)}/book.{index}"
        if rng.random() < 0.4:
            item["ISBN"] = _isbn(rng)
    else:
        authors = _names(rng, 1, 8)
        item["container-title"] = _headline(_title(rng))
        item["editor"] = _names(rng, 1, 4)
        item["page"] = _pages(rng)
        _publisher(rng, item)
        if rng.random() < 0.4:
            item["DOI"] = f"10.{rng.randint(1000, 9999)}/chap.{index}"
    if authors:
        item["author"] = authors
    if "DOI" not in item and rng.random() < 0.1:
        item["URL"] = f"https://example.org/works/{index}"
    return item


def generate(count: int = 1000, seed: int = 2011) -> list[dict[str, Any]]:
    """``count`` CSL-JSON items, the same for the same ``seed``; ids are ``r00000``, ``r00001``, ..."""
    rng = random.Random(seed)
    return [_record(rng, i) for i in range(count)]
