"""Records to BibTeX, in the dialect both BibTeX and biber read: classic entry types and fields where they hold
the record, BibLaTeX's (``@online``, ``@report``, ``date``, ``urldate``, ``entrysubtype``...) where they must.

Written so that :func:`citekit.read` gives the same record back for every variable in :data:`HELD`; the rest
of CSL (and name flags such as ``comma-suffix``) has no BibTeX field and is not written (see ``docs/inputs.md``).
Text is UTF-8; only LaTeX's special characters are escaped.  CSL rich text becomes LaTeX: ``<i>`` ->
``\\textit{}``, ``<b>`` -> ``\\textbf{}``, small caps -> ``\\textsc{}``, ``<sup>``/``<sub>`` ->
``\\textsuperscript{}``/``\\textsubscript{}``, ``<span class="nocase">`` -> a protecting ``{...}``.
"""

from __future__ import annotations

import re
from typing import Any

from citekit.readers.bibfields import DEFAULT_GENRES
from citekit.readers.bibnames import format_name
from citekit.records import Date, Record
from citekit.records.vocabulary import CITEKIT_PREFIX

_TYPES = {
    "chapter": "incollection", "article-journal": "article", "article-magazine": "article",
    "article-newspaper": "article", "book": "book", "paper-conference": "inproceedings", "report": "report",
    "thesis": "thesis", "webpage": "online", "post-weblog": "online", "post": "online",
    "entry-encyclopedia": "inreference", "pamphlet": "booklet", "manuscript": "unpublished", "patent": "patent",
    "periodical": "periodical", "dataset": "dataset", "software": "software", "standard": "standard",
}  # fmt: skip
# Entry subtypes that keep a CSL type the entry type alone would not.
_SUBTYPES = {"article-magazine": "magazine", "article-newspaper": "newspaper", "post-weblog": "post-weblog", "post": "post"}
_SERIALS = ("article-journal", "article-magazine", "article-newspaper", "periodical")
"""Types whose container is a journal (``journal``, ``shortjournal``, issue as ``number``), not a book."""
_NAME_FIELDS = (("author", "author"), ("editor", "editor"), ("translator", "translator"),
                ("container-author", "bookauthor"))  # fmt: skip
"""The CSL name variables BibTeX holds, and their fields."""
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")

HELD = frozenset(
    "id type title title-short container-title collection-title event-title original-title author editor "
    "translator container-author issued accessed event-date original-date publisher publisher-place event-place "
    "original-publisher original-publisher-place issue number collection-number page number-of-pages volume "
    "number-of-volumes edition chapter-number part-number version DOI URL ISBN ISSN note abstract annote keyword "
    "status language genre".split()
)
"""The CSL variables a BibTeX entry written by citekit holds, so that reading it back gives them unchanged.
``container-title-short`` is held for articles only (``shortjournal``)."""

_ESCAPES = {
    "\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#",
    "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}", "\u00a0": "~", "<": r"\textless{}",
    ">": r"\textgreater{}", "`": r"\textasciigrave{}", "\u2009": r"\,",
}  # fmt: skip
_SPECIAL = re.compile(r"[\\{}&%$#_~^\u00a0<>`\u2009]|--|''")
_RICH_TAG = re.compile(r'<(/?)(i|b|sup|sub|sc|span)((?:\s+[a-z-]+="[^"<>]*")*)\s*>', re.IGNORECASE)
_OPENERS = {"i": r"\textit{", "b": r"\textbf{", "sup": r"\textsuperscript{", "sub": r"\textsubscript{", "sc": r"\textsc{"}


def escape(text: Any) -> str:
    """Plain text as LaTeX: special characters escaped; "--" and "''" broken up so LaTeX keeps them as typed."""

    def one(match: re.Match[str]) -> str:
        found = match.group(0)
        if found == "--":
            return "-{}-"
        if found == "''":
            return "'{}'"
        return _ESCAPES[found]

    return _SPECIAL.sub(one, str(text))


def rich_to_latex(text: str) -> str:
    """CSL rich text as LaTeX; a tag CSL does not know is text, escaped like any other."""
    out: list[str] = []
    closers: list[str] = []
    pos = 0
    for match in _RICH_TAG.finditer(text):
        closing, name, attributes = match.group(1), match.group(2).lower(), (match.group(3) or "").replace(" ", "")
        opener: str | None = None
        if not closing:
            if name in _OPENERS:
                opener = _OPENERS[name]
            elif 'class="nocase"' in attributes or 'class="nodecor"' in attributes:
                opener = "{"
            elif "font-variant:small-caps" in attributes:
                opener = r"\textsc{"
            if opener is None:
                continue
        elif not closers:
            continue
        out.append(escape(text[pos : match.start()]))
        pos = match.end()
        if closing:
            closers.pop()
            out.append("}")
        else:
            closers.append(name)
            out.append(opener or "")
    out.append(escape(text[pos:]))
    out.extend("}" * len(closers))
    return "".join(out)


def _date(date: Date, simple_ok: bool = False) -> tuple[str, str]:
    """("year"/"date", value) for a date; the year and month macro when that says all of it."""
    if date.year is None:
        return "year", escape(date.literal or "")
    if simple_ok and date.day is None and date.end is None and date.season is None and not date.circa:
        return "year", str(date.year) if date.month is None else f"{date.year}|{_MONTHS[date.month - 1]}"

    def iso(d: Date) -> str:
        text = f"{d.year:04d}" if d.year and d.year > 0 else str(d.year)
        if d.season is not None and d.month is None:
            return f"{text}-{20 + d.season}"
        for part in (d.month, d.day):
            if part is None:
                break
            text += f"-{part:02d}"
        return text

    value = iso(date)
    if date.end is not None:
        value += "/" + iso(date.end)
    if date.circa:
        value += "~"
    return "date", value


def _entry_type(item: dict[str, Any]) -> tuple[str, dict[str, str]]:
    csl = item["type"]
    extra: dict[str, str] = {}
    genre = item.get("genre")
    if csl == "thesis":
        kind = "thesis"
        if genre and re.search(r"ph\.?\s*d|doctor", genre, re.I):
            kind = "phdthesis"
        elif genre and re.search(r"master", genre, re.I):
            kind = "mastersthesis"
    elif csl == "report":
        kind = "techreport" if genre == DEFAULT_GENRES["techreport"] else "report"
    elif csl in _TYPES:
        kind = _TYPES[csl]
    else:
        kind, extra["entrysubtype"] = "misc", csl
    if csl in _SUBTYPES:
        extra["entrysubtype"] = _SUBTYPES[csl]
    if genre and genre != DEFAULT_GENRES.get(kind):
        extra["type"] = escape(genre)
    return kind, extra


def _names(item: dict[str, Any], variable: str) -> str | None:
    people = item.get(variable)
    if not people:
        return None
    from citekit.records.names import person_from_csl

    written = [format_name(person_from_csl(p), escape) for p in people]
    if variable in item.get(CITEKIT_PREFIX + "others", ()):
        written.append("others")
    return " and ".join(written)


def _braced_verbatim(value: str) -> str:
    return value.replace("{", "%7B").replace("}", "%7D")


def entry(record: Record) -> str:
    """One record as a BibTeX entry."""
    return _entry(record, record.to_csl())


def _entry(record: Record, item: dict[str, Any]) -> str:
    kind, extra = _entry_type(item)
    csl = item["type"]
    fields: list[tuple[str, str]] = []

    def add(name: str, value: str | None) -> None:
        if value:
            fields.append((name, value))

    for variable, name in _NAME_FIELDS:
        add(name, _names(item, variable))
    rich = {k: rich_to_latex(str(v)) for k, v in item.items() if isinstance(v, (str, int)) and k != "id"}
    add("title", rich.get("title"))
    add("shorttitle", rich.get("title-short"))
    serial = csl in _SERIALS
    add("journal" if serial else "booktitle", rich.get("container-title"))
    if serial:
        add("shortjournal", rich.get("container-title-short"))
    add("series", rich.get("collection-title"))
    add("eventtitle", rich.get("event-title"))
    add("origtitle", rich.get("original-title"))
    add("edition", rich.get("edition"))
    add("volume", rich.get("volume"))
    add("volumes", rich.get("number-of-volumes"))
    if serial:
        add("number", rich.get("issue"))
        add("eid", rich.get("number"))
    else:
        add("number", rich.get("number") or rich.get("collection-number"))
        add("issue", rich.get("issue"))
    add("chapter", rich.get("chapter-number"))
    add("part", rich.get("part-number"))
    add("pages", rich.get("page", "").replace("-", "--") or None)
    add("pagetotal", rich.get("number-of-pages"))
    add({"thesis": "school", "report": "institution"}.get(csl, "publisher"), rich.get("publisher"))
    add("address", rich.get("publisher-place"))
    add("origpublisher", rich.get("original-publisher"))
    add("origlocation", rich.get("original-publisher-place"))
    add("venue", rich.get("event-place"))
    if record.issued is not None:
        name, value = _date(record.issued, simple_ok=True)
        if "|" in value:
            year, month = value.split("|")
            fields.append(("year", year))
            fields.append(("month", "\0" + month))  # a macro: written bare
        else:
            add(name, value)
    for variable, name in (("accessed", "urldate"), ("event-date", "eventdate"), ("original-date", "origdate")):
        date = getattr(record, variable.replace("-", "_"), None) or _extra_date(record, variable)
        if date is not None:
            add(name, _date(date)[1])
    for name, value in extra.items():
        add(name, value)
    add("version", rich.get("version"))
    add("pubstate", rich.get("status"))
    add("language", rich.get("language"))
    add("isbn", item.get("ISBN"))
    add("issn", item.get("ISSN"))
    add("doi", _braced_verbatim(item["DOI"]) if item.get("DOI") else None)
    add("url", _braced_verbatim(item["URL"]) if item.get("URL") else None)
    add("keywords", rich.get("keyword"))
    add("abstract", rich.get("abstract"))
    add("annote", rich.get("annote"))
    add("note", rich.get("note"))
    width = max((len(n) for n, _ in fields), default=0)
    lines = [f"@{kind}{{{record.id},"]
    for name, value in fields:
        shown = value[1:] if value.startswith("\0") else f"{{{value}}}"
        lines.append(f"  {name.ljust(width)} = {shown},")
    lines.append("}")
    return "\n".join(lines)


def _extra_date(record: Record, variable: str) -> Date | None:
    value = record.extra.get(variable)
    if value is None:
        return None
    from citekit.records.dates import date_from_csl

    return date_from_csl(value)


class WriteWarning(UserWarning):
    """Some of a record's data has no BibTeX field and was not written (CSL-JSON keeps everything)."""


_NAME_FLAGS = ("comma-suffix", "static-ordering", "parse-names")
_NAMED = 5  # records named in full in the warning; a million-record file gets a count for the rest


def left_out(record: Record) -> list[str]:
    """The CSL variables (and name flags) of ``record`` that :func:`entry` does not write, sorted."""
    return _left_out(record.to_csl())


def _left_out(item: dict[str, Any]) -> list[str]:
    serial = item["type"] in _SERIALS
    missing = {
        key
        for key in item
        if key not in HELD
        and key != CITEKIT_PREFIX + "others"  # written as "and others"
        and not (serial and key == "container-title-short")
    }
    if not serial and item.get("number") and item.get("collection-number"):
        missing.add("collection-number")  # one BibTeX "number" field, and "number" has it
    for variable, _ in _NAME_FIELDS:
        for person in item.get(variable) or ():
            missing.update(f"{variable}: {flag}" for flag in _NAME_FLAGS if isinstance(person, dict) and flag in person)
    return sorted(missing)


def write_bibtex(records: list[Record]) -> str:
    """The records as a BibTeX file, one entry each, in order.

    Records with data BibTeX cannot hold are still written; one :class:`WriteWarning` per call names them and
    what was left out (the first few in full), so that nothing is lost without a word.
    """
    items = [record.to_csl() for record in records]
    lost = [(item["id"], missing) for item in items if (missing := _left_out(item))]
    if lost:
        import warnings

        shown = "; ".join(f"{rid!r}: {', '.join(missing)}" for rid, missing in lost[:_NAMED])
        more = f"; and {len(lost) - _NAMED} more records" if len(lost) > _NAMED else ""
        warnings.warn(
            f"BibTeX has no field for some data, which was not written (write CSL-JSON to keep everything): "
            f"{shown}{more}",
            WriteWarning,
            stacklevel=3,
        )
    return "\n\n".join(_entry(r, item) for r, item in zip(records, items)) + ("\n" if records else "")


__all__ = ["HELD", "WriteWarning", "entry", "escape", "left_out", "rich_to_latex", "write_bibtex"]
