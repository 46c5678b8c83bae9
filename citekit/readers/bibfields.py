"""One BibTeX/BibLaTeX entry (values evaluated, inheritance applied) to a CSL-JSON item, then to a record.

The table of what maps where is in ``docs/inputs.md``; the choices that need a reason have it here.
"""

from __future__ import annotations

import re
from typing import Any

from citekit.errors import RecordError
from citekit.readers._build import Origin, Reporter, build, split_title
from citekit.readers.bibnames import OTHERS, parse_name, split_names
from citekit.readers.bibtex import Entry
from citekit.readers.latex import LatexSyntaxError, convert, unescape_verbatim
from citekit.records import Record
from citekit.records.dates import parse_date
from citekit.records.vocabulary import CITEKIT_PREFIX, CSL_TYPES

TYPES = {
    "article": "article-journal", "book": "book", "mvbook": "book", "bookinbook": "chapter", "booklet": "pamphlet",
    "collection": "book", "mvcollection": "book", "proceedings": "book", "mvproceedings": "book",
    "reference": "book", "mvreference": "book", "incollection": "chapter", "inbook": "chapter",
    "suppbook": "chapter", "suppcollection": "chapter", "inreference": "entry-encyclopedia",
    "inproceedings": "paper-conference", "conference": "paper-conference", "manual": "book", "misc": "document",
    "online": "webpage", "electronic": "webpage", "www": "webpage", "patent": "patent", "periodical": "periodical",
    "suppperiodical": "article-journal", "report": "report", "techreport": "report", "thesis": "thesis",
    "phdthesis": "thesis", "mastersthesis": "thesis", "unpublished": "manuscript", "dataset": "dataset",
    "software": "software", "standard": "standard", "artwork": "graphic", "image": "graphic", "audio": "song",
    "music": "song", "movie": "motion_picture", "video": "motion_picture", "jurisdiction": "legal_case",
    "legislation": "legislation", "legal": "legislation", "letter": "personal_communication",
    "performance": "performance", "review": "review",
}  # fmt: skip
"""BibTeX and BibLaTeX entry types to CSL item types."""

DEFAULT_GENRES = {"phdthesis": "PhD thesis", "mastersthesis": "Master's thesis", "techreport": "Technical report"}
"""The genre an entry type implies when the entry has no ``type`` field: what BibTeX's standard styles print."""

# BibLaTeX's localisation keys for ``type``, as its English strings.
_TYPE_KEYS = {
    "phdthesis": "PhD thesis", "mathesis": "Master's thesis", "candthesis": "Candidate thesis",
    "techreport": "Technical report", "resreport": "Research report", "software": "Software",
    "datacd": "CD-ROM", "audiocd": "Audio CD",
}  # fmt: skip
_LANGIDS = {
    "english": "en", "american": "en-US", "usenglish": "en-US", "british": "en-GB", "ukenglish": "en-GB",
    "australian": "en-AU", "canadian": "en-CA", "german": "de", "ngerman": "de", "austrian": "de-AT",
    "naustrian": "de-AT", "swissgerman": "de-CH", "nswissgerman": "de-CH", "french": "fr", "spanish": "es",
    "italian": "it", "dutch": "nl", "portuguese": "pt", "portuges": "pt", "brazilian": "pt-BR",
    "russian": "ru", "polish": "pl", "swedish": "sv", "norsk": "nb", "norwegian": "nb", "nynorsk": "nn",
    "danish": "da", "finnish": "fi", "czech": "cs", "greek": "el", "japanese": "ja", "chinese": "zh",
    "korean": "ko", "latin": "la", "catalan": "ca", "turkish": "tr", "hungarian": "hu", "magyar": "hu",
    "croatian": "hr", "slovene": "sl", "slovak": "sk", "ukrainian": "uk", "hebrew": "he", "arabic": "ar",
}  # fmt: skip
HOUSEKEEPING = frozenset(
    "file pdf timestamp owner groups date-added date-modified added-at biburl interhash intrahash mendeley-tags "
    "mendeley-groups priority readstatus ranking printed qualityassured relevance comment sortkey sortname "
    "sorttitle sortyear sortshorthand presort indextitle indexsorttitle options key label shorthand "
    "shorthandintro ids entryset execute langidopts crossref xdata".split()
)
"""Fields about a reference manager's copy of the entry, or about sorting and labels, not about the work:
read without a warning and not kept."""
_HOUSEKEEPING_PATTERN = re.compile(r"^(?:bdsk-(?:file|url)-\d+|citeulike.*|jabref.*)$")
_SERIALS = frozenset({"article-journal", "article-magazine", "article-newspaper", "periodical"})
_NUMBERED = frozenset({"report", "patent", "standard", "bill", "legislation", "regulation"})
_ROMAN_OR_DIGITS = re.compile(r"^(?:\d+[a-z]?|[ivxlcdm]+|[IVXLCDM]+)$")
_MONTHS = {name: i for i, names in enumerate(
    ("jan january", "feb february", "mar march", "apr april", "may", "jun june", "jul july", "aug august",
     "sep sept september", "oct october", "nov november", "dec december"), start=1) for name in names.split()}  # fmt: skip


class _Mapper:
    def __init__(self, entry: Entry, reporter: Reporter) -> None:
        self.entry = entry
        self.reporter = reporter
        self.item: dict[str, Any] = {"id": entry.key}
        self.origins: dict[str, Origin] = {}
        self.used: set[str] = set()

    # -- reading fields --------------------------------------------------------------------------------

    def has(self, name: str) -> bool:
        return name in self.entry.fields and bool(self.entry.fields[name][0].strip())

    def raw(self, name: str) -> str | None:
        if name not in self.entry.fields:
            return None
        self.used.add(name)
        value = self.entry.fields[name][0]
        return value if value.strip() else None

    def origin(self, name: str) -> Origin:
        line = self.entry.fields[name][1] if name in self.entry.fields else self.entry.line
        parent = self.entry.inherited.get(name)
        return Origin(f"{name} (inherited from {parent!r})" if parent else name, line)

    def warn(self, message: str, name: str | None = None) -> None:
        origin = self.origin(name) if name else Origin("", self.entry.line)
        self.reporter.warn(message, line=origin.line, key=self.entry.key, field=origin.field or None)

    def text(self, name: str, rich: bool = True) -> str | None:
        raw = self.raw(name)
        if raw is None:
            return None
        try:
            value = convert(raw, rich=rich, unknown=lambda c: self.warn(f"unknown LaTeX command {c}; kept its text", name))
        except LatexSyntaxError as error:
            self.warn(f"{error}; the text is kept without its braces", name)
            value = re.sub(r"\s+", " ", raw.replace("{", "").replace("}", "").replace("$", "")).strip()
        return value or None

    def put(self, variable: str, value: Any, source: str) -> None:
        if value in (None, "", []) or variable in self.item:
            return
        self.item[variable] = value
        self.origins[variable] = self.origin(source)

    # -- the mapping -------------------------------------------------------------------------------------

    def run(self) -> Record:
        self._type()
        self._titles()
        self._names()
        self._dates()
        self._publication()
        self._numbers()
        self._identifiers()
        self._rest()
        for name in self.entry.fields:
            if name not in self.used and name not in HOUSEKEEPING and not _HOUSEKEEPING_PATTERN.match(name):
                self.warn("citekit has no CSL variable for this field; not kept", name)
        return build(self.item, self.reporter, key=self.entry.key, line=self.entry.line, origins=self.origins)

    def _type(self) -> None:
        kind = self.entry.type
        subtype = (self.text("entrysubtype", rich=False) or "").lower()
        if kind in TYPES:
            csl = TYPES[kind]
        else:
            csl = "document"
            if self.has("booktitle"):
                csl = "chapter"
            elif self.has("journal") or self.has("journaltitle"):
                csl = "article-journal"
            self.warn(f"unknown entry type @{kind}; read as CSL type {csl!r}, the nearest by its fields")
        if kind == "article" and subtype in ("magazine", "newspaper"):
            csl = "article-" + subtype
        elif kind in ("misc", "online", "electronic", "www") and subtype in CSL_TYPES:
            csl = subtype
        elif kind == "misc" and (self.has("url") or "\\url" in (self.entry.fields.get("howpublished", ("", 0))[0])):
            if not any(self.has(f) for f in ("publisher", "institution", "organization", "journal", "booktitle")):
                csl = "webpage"  # a @misc that is only a URL is how plain BibTeX users cite a web page
        self.item["type"] = csl
        genre = self.text("type", rich=False)
        if genre:
            self.put("genre", _TYPE_KEYS.get(genre.lower(), genre), "type")
        elif kind in DEFAULT_GENRES:
            self.item["genre"] = DEFAULT_GENRES[kind]

    def _titles(self) -> None:
        title = split_title(self.text("title"), self.text("subtitle"))
        addon = self.text("titleaddon")
        if addon and title:
            title = title + (" " if title[-1] in ".?!" else ". ") + addon
        container = split_title(self.text("booktitle"), self.text("booksubtitle"))
        journal = split_title(self.text("journaltitle") or self.text("journal"), self.text("journalsubtitle"))
        if self.entry.type == "inbook" and not container:
            # BibTeX's @inbook is a part (a chapter, some pages) of a book: its title is the book's.
            chapter = self.text("chapter")
            self.put("container-title", title, "title")
            if chapter and not _ROMAN_OR_DIGITS.match(chapter):
                self.put("title", chapter, "chapter")
            else:
                self.put("chapter-number", chapter, "chapter")
        else:
            self.put("title", title, "title")
        self.put("container-title", container, "booktitle")
        self.put("container-title", journal, "journaltitle" if self.has("journaltitle") else "journal")
        self.put("title-short", self.text("shorttitle"), "shorttitle")
        self.put("container-title-short", self.text("shortjournal"), "shortjournal")
        self.put("collection-title", self.text("series"), "series")
        self.put("event-title", self.text("eventtitle"), "eventtitle")
        self.put("original-title", self.text("origtitle"), "origtitle")

    def _names(self) -> None:
        others: list[str] = []
        for name, variable in (
            ("author", "author"),
            ("editor", "editor"),
            ("translator", "translator"),
            ("bookauthor", "container-author"),
        ):
            raw = self.raw(name)
            if raw is None:
                continue
            people: list[dict[str, Any]] = []
            for written in split_names(raw):
                try:
                    parsed = parse_name(written)
                except LatexSyntaxError as error:
                    self.warn(f"{error} in the name {written!r}; the name is left out", name)
                    continue
                if parsed == OTHERS:
                    others.append(variable)
                elif parsed:
                    assert isinstance(parsed, dict)
                    people.append(parsed)
                else:
                    self.warn(f"the name {written!r} is empty; left out", name)
            if variable in others:
                self.warn(
                    f"the list ends with 'and others' (et al.): the {len(people)} names given are kept, and the "
                    f"cut is recorded under '{CITEKIT_PREFIX}others'; no style shows the missing names",
                    name,
                )
            self.put(variable, people, name)
        if others:
            self.item[CITEKIT_PREFIX + "others"] = others

    def _date(self, name: str) -> Any:
        raw = self.raw(name)
        if raw is None:
            return None
        # Not LaTeX: "~" is EDTF's circa, not a no-break space.
        value = re.sub(r"\s+", " ", raw.replace("{", "").replace("}", "").replace("--", "/")).strip()
        try:
            parse_date(value)
        except RecordError:
            self.warn(f"{value!r} is not a date citekit can read (ISO 8601, e.g. 2011-11-05); kept as a literal date", name)
            return {"literal": value}
        return value

    def _dates(self) -> None:
        if self.has("date"):
            self.put("issued", self._date("date"), "date")
            for extra in ("year", "month", "day"):
                if self.raw(extra) is not None:
                    self.warn("the entry also has a 'date'; the date is used and this field is not", extra)
        elif self.has("year"):
            self.put("issued", self._year_month_day(), "year")
        elif self.has("month"):
            self.warn("a month without a year is not a date; not kept", "month")
            self.raw("month")
        self.put("accessed", self._date("urldate"), "urldate")
        self.put("event-date", self._date("eventdate"), "eventdate")
        self.put("original-date", self._date("origdate"), "origdate")

    def _year_month_day(self) -> Any:
        year = (self.text("year", rich=False) or "").replace("\u2013", "/").replace("\u2014", "/")
        month_text = (self.text("month", rich=False) or "").strip().rstrip(".").lower()
        day = (self.text("day", rich=False) or "").strip()
        month = _MONTHS.get(month_text) or (int(month_text) if month_text.isdigit() else None)
        if month_text and month is None:
            self.warn(f"{month_text!r} is not a month; not kept", "month")
        if not re.fullmatch(r"-?\d{1,4}", year.strip()):
            if month or day:
                self.warn("the year is not a plain number, so the month and day are not kept", "year")
            return self._date("year")
        text = year.strip()
        if month:
            text += f"-{month:02d}"
            if day.isdigit():
                text += f"-{int(day):02d}"
        if day and not (month and day.isdigit()):
            self.warn(f"{day!r} is not a day of a known month; not kept", "day")
        return text

    def _publication(self) -> None:
        kept: str | None = None
        for name in ("publisher", "institution", "school", "organization", "howpublished"):
            value = self.text(name, rich=False)
            if value is None or (name == "howpublished" and "\\url" in (self.entry.fields[name][0])):
                continue
            if kept is None:
                self.put("publisher", value, name)
                kept = name
            elif value != self.item.get("publisher"):
                self.warn(f"the publisher is taken from '{kept}'; CSL has one publisher, so this is not kept", name)
        self.put("publisher-place", self.text("location", rich=False) or self.text("address", rich=False),
                 "location" if self.has("location") else "address")  # fmt: skip
        self.put("event-place", self.text("venue", rich=False), "venue")
        self.put("original-publisher", self.text("origpublisher", rich=False), "origpublisher")
        self.put("original-publisher-place", self.text("origlocation", rich=False), "origlocation")

    def _numbers(self) -> None:
        csl = self.item["type"]
        number = self.text("number", rich=False)
        if csl in _SERIALS:
            self.put("issue", number, "number")
        elif number and self.has("series") and csl not in _NUMBERED:
            self.put("collection-number", number, "number")
        else:
            self.put("number", number, "number")
        self.put("issue", self.text("issue", rich=False), "issue")
        self.put("number", self.text("eid", rich=False), "eid")
        self.put("page", self.text("pages", rich=False), "pages")
        self.put("number-of-pages", self.text("pagetotal", rich=False), "pagetotal")
        self.put("volume", self.text("volume", rich=False), "volume")
        self.put("number-of-volumes", self.text("volumes", rich=False), "volumes")
        self.put("edition", self.text("edition", rich=False), "edition")
        if "chapter" not in self.used:  # BibTeX's @inbook has used it already
            self.put("chapter-number", self.text("chapter", rich=False), "chapter")
        self.put("part-number", self.text("part", rich=False), "part")
        self.put("version", self.text("version", rich=False), "version")

    def _identifiers(self) -> None:
        for name, variable in (("doi", "DOI"), ("url", "URL"), ("isbn", "ISBN"), ("issn", "ISSN")):
            raw = self.raw(name)
            if raw is not None:
                self.put(variable, unescape_verbatim(raw), name)
        howpublished = self.entry.fields.get("howpublished", ("", 0))[0]
        url = re.search(r"\\url\s*\{([^}]*)\}", howpublished)
        if url:
            self.raw("howpublished")
            self.put("URL", unescape_verbatim(url.group(1)), "howpublished")
        eprint = self.raw("eprint")
        kind = (self.text("eprinttype", rich=False) or self.text("archiveprefix", rich=False) or "").lower()
        if eprint:
            if kind == "arxiv" and "URL" not in self.item:
                self.put("URL", "https://arxiv.org/abs/" + unescape_verbatim(eprint), "eprint")
            elif kind == "doi" and "DOI" not in self.item:
                self.put("DOI", unescape_verbatim(eprint), "eprint")
            else:
                self.warn(f"an eprint of type {kind or 'unknown'!r} has no CSL variable; not kept", "eprint")
        self.raw("primaryclass")

    def _rest(self) -> None:
        self.put("note", self.text("note"), "note")
        self.put("abstract", self.text("abstract"), "abstract")
        self.put("annote", self.text("annote", rich=False) or self.text("annotation", rich=False), "annote")
        self.put("keyword", self.text("keywords", rich=False), "keywords")
        self.put("status", self.text("pubstate", rich=False), "pubstate")
        language = self.text("langid", rich=False) or self.text("hyphenation", rich=False)
        language = _LANGIDS.get((language or "").lower(), language)
        self.put("language", self.text("language", rich=False) or language, "language" if self.has("language") else "langid")
        self.raw("langid")
        self.raw("hyphenation")


def entry_to_record(entry: Entry, reporter: Reporter) -> Record:
    """The record for one entry; what could not be kept is reported through ``reporter``."""
    return _Mapper(entry, reporter).run()


__all__ = ["DEFAULT_GENRES", "HOUSEKEEPING", "TYPES", "entry_to_record"]
