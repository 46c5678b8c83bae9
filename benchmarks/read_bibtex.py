"""How long citekit.read takes on a 10,000-entry BibTeX file (generated here with a fixed seed).

Run from the checkout: ``.venv/bin/python benchmarks/read_bibtex.py [--entries N]``.  It prints the size of the
file, the time to read it (best of three) and the number of records and warnings.  The entries mix the things a
real file has: accents as LaTeX, protected capitals, \\emph, name particles and suffixes, month macros, @string
macros, page ranges with "--", DOIs and ISBNs, and every fifth chapter inheriting from a book by crossref.
"""

from __future__ import annotations

import argparse
import platform
import random
import time

import citekit

FAMILIES = ["Farr", "M{\\\"u}ller", "van Gennep", "Garc{\\'\\i}a", "{\\O}stergaard", "Smith", "de la Cruz", "Nguyen", "O'Brien", "Kowalski"]
GIVENS = ["Michelle", "Jos{\\'e}", "Anna-Lena", "J. R. R.", "Zo{\\\"e}", "Fran{\\c c}ois", "Li", "Marian"]
WORDS = "collaboration public services users staff participate together critical perspectives involvement health policy network data analysis".split()


def _name(rng: random.Random) -> str:
    family, given = rng.choice(FAMILIES), rng.choice(GIVENS)
    if rng.random() < 0.05:
        return f"{family}, Jr., {given}"
    return f"{family}, {given}" if rng.random() < 0.7 else f"{given} {family}"


def _title(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(4, 12))]
    words[0] = words[0].capitalize()
    if rng.random() < 0.3:
        words[rng.randrange(len(words))] = "{NASA}"
    if rng.random() < 0.2:
        words[rng.randrange(len(words))] = "\\emph{in vivo}"
    return " ".join(words) + rng.choice(["", "?", ": a case study"])


def _isbn(rng: random.Random) -> str:
    digits = [9, 7, 8] + [rng.randrange(10) for _ in range(9)]
    check = (10 - sum(d * (1 if i % 2 == 0 else 3) for i, d in enumerate(digits)) % 10) % 10
    return "".join(map(str, digits + [check]))


def generate(count: int, seed: int = 2011) -> str:
    rng = random.Random(seed)
    out = ['@string{pp = "Policy Press"}', '@string{jhs = {Journal of Health Services}}']
    last_book: str | None = None
    for i in range(count):
        kind = rng.choice(["article", "book", "incollection", "inproceedings", "techreport", "phdthesis", "misc"])
        authors = " and ".join(_name(rng) for _ in range(rng.randint(1, 4)))
        year, month = rng.randint(1950, 2024), rng.choice(["jan", "mar", "jun", "nov", "dec"])
        first = rng.randint(1, 400)
        fields = [f"author = {{{authors}}}", f"title = {{{_title(rng)}}}", f"year = {year}", f"month = {month}"]
        if kind == "article":
            fields += ["journal = jhs", f"volume = {rng.randint(1, 80)}", f"number = {rng.randint(1, 12)}",
                       f"pages = {{{first}--{first + rng.randint(5, 30)}}}", f"doi = {{10.1000/jhs.{year}.{i}}}"]  # fmt: skip
        elif kind in ("book", "incollection"):
            fields += ["publisher = pp", "address = {Bristol}", f"isbn = {{{_isbn(rng)}}}"]
            if kind == "incollection":
                fields += [f"booktitle = {{{_title(rng)}}}", f"editor = {{{_name(rng)} and {_name(rng)}}}",
                           f"pages = {{{first}--{first + 20}}}"]  # fmt: skip
                if i % 5 == 0 and last_book:
                    fields = [f for f in fields if not f.startswith(("booktitle", "publisher", "address"))]
                    fields.append(f"crossref = {{{last_book}}}")
        elif kind == "inproceedings":
            fields += [f"booktitle = {{Proceedings of the {rng.choice(WORDS)} conference}}", "organization = {ACM}",
                       f"pages = {{{first}--{first + 8}}}"]  # fmt: skip
        elif kind == "techreport":
            fields += ["institution = {University of Bristol}", f"number = {{WP-{i}}}"]
        elif kind == "phdthesis":
            fields += ["school = {University of Bristol}"]
        else:
            fields += [f"url = {{https://example.org/items/{i}}}", "urldate = {2024-01-15}"]
        key = f"{kind}{i}"
        last_book = key if kind == "book" else last_book
        out.append(f"@{kind}{{{key},\n  " + ",\n  ".join(fields) + "\n}")
    return "\n\n".join(out) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--entries", type=int, default=10_000)
    args = parser.parse_args()
    text = generate(args.entries)
    times = []
    for _ in range(3):
        start = time.perf_counter()
        records = citekit.read(text, "bibtex")
        times.append(time.perf_counter() - start)
    print(f"{args.entries} entries, {len(text) / 1e6:.1f} MB: best of 3 {min(times):.2f} s "
          f"({', '.join(f'{t:.2f}' for t in times)}); {len(records)} records, {len(records.warnings)} warnings")  # fmt: skip
    print(f"Python {platform.python_version()} on {platform.machine()}, {platform.processor() or 'unknown CPU'}")


if __name__ == "__main__":
    main()
