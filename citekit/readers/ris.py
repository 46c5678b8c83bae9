"""RIS files (EndNote, Zotero, Mendeley, databases' exports) to records.

rispy reads the tag lines.  citekit asks it for every tag under its own two-letter name and as a list (rispy's
default mapping keeps only the first value of a repeated single-value tag, silently), counts lines on the way
so every warning can name one, and checks the structure rispy lets slide: a record without ``ER`` is a
:class:`~citekit.readers.errors.ReadError`, not a record dropped at the end of the file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import rispy  # type: ignore[import-untyped]

from citekit.readers._build import Origin, Reporter, build, identifier_kind
from citekit.records import Record

TYPES = {
    "ABST": "article", "ADVS": "motion_picture", "AGGR": "dataset", "ANCIENT": "classic", "ART": "graphic",
    "BILL": "bill", "BLOG": "post-weblog", "BOOK": "book", "CASE": "legal_case", "CHAP": "chapter",
    "CHART": "graphic", "CLSWK": "classic", "COMP": "software", "CONF": "paper-conference",
    "CPAPER": "paper-conference", "CTLG": "book", "DATA": "dataset", "DBASE": "dataset",
    "DICT": "entry-dictionary", "EBOOK": "book", "ECHAP": "chapter", "EDBOOK": "book",
    "EJOUR": "article-journal", "ELEC": "webpage", "ENCYC": "entry-encyclopedia", "EQUA": "document",
    "FIGURE": "figure", "GEN": "document", "GOVDOC": "report", "GRANT": "document", "HEAR": "hearing",
    "ICOMM": "personal_communication", "INPR": "article-journal", "JFULL": "periodical", "JOUR": "article-journal",
    "LEGAL": "legislation", "MANSCPT": "manuscript", "MAP": "map", "MGZN": "article-magazine",
    "MPCT": "motion_picture", "MULTI": "document", "MUSIC": "musical_score", "NEWS": "article-newspaper",
    "PAMP": "pamphlet", "PAT": "patent", "PCOMM": "personal_communication", "RPRT": "report", "SER": "book",
    "SLIDE": "graphic", "SOUND": "song", "STAND": "standard", "STAT": "legislation", "STD": "standard",
    "THES": "thesis", "UNBILL": "bill", "UNPB": "manuscript", "VIDEO": "motion_picture", "WEB": "webpage",
}  # fmt: skip
"""RIS reference types (``TY``) to CSL item types."""

# Tags with one CSL place whatever the type; the type-dependent ones are handled in _Record.
_SIMPLE = {
    "DO": "DOI", "ET": "edition", "VL": "volume", "NV": "number-of-volumes", "LA": "language",
    "ST": "title-short", "CN": "call-number", "DB": "archive", "DP": "source", "AN": "archive_location",
    "M3": "genre", "AB": "abstract", "N2": "abstract", "Y2": "accessed", "CY": "publisher-place",
    "PB": "publisher", "T3": "collection-title", "ID": "id",
}  # fmt: skip
IGNORED = frozenset({"L1", "L2", "L3", "L4", "ER", "TY"})
"""Tags about the exporter's copy (attached files) rather than the work: read without a warning, not kept."""


class _Any(dict[str, str]):
    """rispy's tag mapping: every tag keeps its own name."""

    def __missing__(self, tag: str) -> str:
        return tag


class _Everything:
    """rispy's list tags: every tag, so repeated tags keep every value."""

    def __contains__(self, tag: object) -> bool:
        return True


class _Parser(rispy.RisParser):  # type: ignore[misc]
    """rispy's parser, counting lines and remembering where each record and tag starts."""

    def __init__(self, reporter: Reporter) -> None:
        super().__init__(mapping=_Any(), list_tags=_Everything(), delimiter_tags_mapping={}, enforce_list_tags=True)
        self.reporter = reporter
        self.line = 0
        self.open_at: int | None = None
        self.starts: list[int] = []
        self.lines: list[dict[str, int]] = []

    def _iter_till_start(self, lines: Iterator[str]) -> dict[str, Any]:
        if self.open_at is not None:
            self.open_at = None
        while True:
            line = next(lines)
            if line.startswith(self.START_TAG):
                self.open_at = self.line
                self.starts.append(self.line)
                self.lines.append({})
                return {"TY": [self.parse_line(line)[1]]}
            if line.strip():
                self.reporter.warn(f"text outside a record (before its 'TY' line) is ignored: {line.strip()[:40]!r}", line=self.line)

    def parse_line(self, line: str) -> tuple[str | None, str]:
        tag, content = super().parse_line(line)
        if tag == self.END_TAG:
            self.open_at = None
        elif tag is not None and self.lines:
            if tag not in self.lines[-1]:
                self.lines[-1][tag] = self.line
            elif tag == self.START_TAG:
                self.lines[-1].setdefault("TY_again", self.line)
        return tag, content

    def _add_tag(self, record: dict[str, Any], tag: str | None, content: str, extend_multiline: bool = False) -> None:
        if tag is None:
            return  # a continuation line before any tag: nothing to continue (never happens after TY)
        if extend_multiline and record.get(tag):
            record[tag][-1] = f"{record[tag][-1]} {content}".strip()  # a value that runs over several lines
            return
        super()._add_tag(record, tag, content)

    def numbered(self, text: str) -> Iterator[str]:
        for number, line in enumerate(text.splitlines(), start=1):
            self.line = number
            yield line.lstrip("\ufeff")


class _Record:
    def __init__(self, raw: dict[str, Any], line: int, lines: dict[str, int], reporter: Reporter) -> None:
        self.raw = {tag: [v.strip() for v in values if v.strip()] for tag, values in raw.items() if tag != "UK"}
        self.line = line
        self.lines = lines
        self.reporter = reporter
        self.key: str | None = (self.raw.get("ID") or [None])[0]
        self.item: dict[str, Any] = {}
        self.origins: dict[str, Origin] = {}
        self.used: set[str] = set(IGNORED)

    def get(self, *tags: str) -> list[str]:
        for tag in tags:
            if self.raw.get(tag):
                self.used.add(tag)
                return self.raw[tag]
        return []

    def first(self, *tags: str) -> str | None:
        values = self.get(*tags)
        if len(values) > 1:
            tag = next(t for t in tags if self.raw.get(t))
            self.warn(f"{len(values)} values; the first is kept, the others are not: {values[1:]!r}", tag)
        return values[0] if values else None

    def warn(self, message: str, tag: str | None = None) -> None:
        self.reporter.warn(message, line=self.lines.get(tag or "", self.line), key=self.key, field=tag)

    def put(self, variable: str, value: Any, tag: str) -> None:
        if value in (None, "", []) or variable in self.item:
            return
        self.item[variable] = value
        self.origins[variable] = Origin(tag, self.lines.get(tag, self.line))

    def run(self) -> Record:
        kind = (self.first("TY") or "").upper()
        csl = TYPES.get(kind)
        if csl is None:
            csl = "document"
            self.warn(f"unknown reference type {kind!r}; read as CSL type 'document'", "TY")
        self.item["type"] = csl
        people = [_name(n) for n in self.get("AU", "A1")]
        seconds = [_name(n) for n in self.get("A2", "ED")]
        if kind == "EDBOOK" and not seconds:
            self.put("editor", people, "AU")  # RIS: the AU of an edited book are its editors
        else:
            self.put("author", people, "AU" if self.raw.get("AU") else "A1")
            self.put("editor", seconds, "A2" if self.raw.get("A2") else "ED")
        self.put("collection-editor", [_name(n) for n in self.get("A3")], "A3")
        self.put("translator", [_name(n) for n in self.get("A4")], "A4")
        self.put("title", self.first("TI", "T1", "CT") or (self.first("BT") if csl == "book" else None), "TI")
        container = self.first("T2") or (self.first("BT") if csl != "book" else None)
        journal = self.first("JF", "JO", "JA", "J2")
        self.put("container-title", container or journal, "T2" if container else "JF")
        abbreviation = self.first("J2", "JA", "JO") if container or self.raw.get("JF") else None
        if abbreviation != self.item.get("container-title"):
            self.put("container-title-short", abbreviation, "J2")
        self._date()
        start, end = self.first("SP"), self.first("EP")
        self.put("page", f"{start}-{end}" if start and end and start != end else start or end, "SP")
        number = self.first("IS", "M1")
        self.put("number" if csl in ("report", "patent", "standard") else "issue", number, "IS")
        self.put("section", self.first("SE"), "SE")
        for tag, variable in _SIMPLE.items():
            if tag != "ID":
                self.put(variable, self.first(tag), tag)
        self._identifiers()
        self.put("note", "\n".join(self.get("N1")), "N1")
        keywords = self.get("KW")
        self.put("keyword", "; ".join(keywords) if any("," in k for k in keywords) else ", ".join(keywords), "KW")
        for tag in self.raw:
            if tag not in self.used and tag != "ID":
                self.warn(f"citekit has no CSL variable for RIS tag {tag}; not kept: {self.raw[tag][0][:60]!r}", tag)
        item = {"id": self.raw["ID"][0]} if self.raw.get("ID") else {}
        return build({**item, **self.item}, self.reporter, key=self.key, line=self.line, origins=self.origins)

    def _date(self) -> None:
        for tag in ("DA", "PY", "Y1"):
            value = self.first(tag)
            if not value:
                continue
            parts = value.split("/")
            year, month, day = (parts + ["", "", ""])[:3]
            if re.fullmatch(r"\d{4}", year.strip()):
                text = year.strip()
                if month.strip().isdigit():
                    text += f"-{int(month):02d}"
                    if day.strip().isdigit():
                        text += f"-{int(day):02d}"
                self.put("issued", text, tag)
            else:
                self.warn(f"{value!r} is not a RIS date (YYYY/MM/DD/other); kept as a literal date", tag)
                self.put("issued", {"literal": value}, tag)
            if "issued" in self.item:
                for later in ("DA", "PY", "Y1"):
                    self.get(later)
                return

    def _identifiers(self) -> None:
        for written in self.get("SN"):
            value = re.sub(r"\s*\([^)]*\)", "", written).strip()  # "9781847427519 (pbk.)"
            kind = identifier_kind(value)
            if kind is None:
                self.warn(f"{value!r} is neither an ISBN nor an ISSN (by length and check digit); not kept", "SN")
            elif kind in self.item:
                self.item[kind] += ", " + value
            else:
                self.put(kind, value, "SN")
        for value in self.get("UR"):
            for url in re.split(r"\s*;\s*|\s+", value):
                if not url:
                    continue
                if re.match(r"^https?://(?:dx\.)?doi\.org/", url, re.I) and "DOI" in self.item:
                    continue  # the DO tag's DOI, as a link
                if "URL" in self.item:
                    self.warn(f"CSL has one URL; {url!r} is not kept", "UR")
                else:
                    self.put("URL", url, "UR")


def _name(text: str) -> str:
    return text.strip()


def read_ris(text: str, reporter: Reporter) -> list[Record]:
    """The records of a RIS file, in file order."""
    parser = _Parser(reporter)
    raw_records = parser.parse_lines(parser.numbered(text))
    if parser.open_at is not None:
        raise reporter.error(
            "the record that starts here has no 'ER  -' line before the end of the file", line=parser.open_at
        )
    records: list[Record] = []
    for raw, line, lines in zip(raw_records, parser.starts, parser.lines):
        if len(raw.get("TY", [])) > 1:
            second = lines.get("TY_again", None)
            raise reporter.error(
                "this record has no 'ER  -' line before the next record's 'TY  -' line"
                + (f" (line {second})" if second else ""),
                line=line,
            )
        records.append(_Record(raw, line, lines, reporter).run())
    return records


__all__ = ["IGNORED", "TYPES", "read_ris"]
