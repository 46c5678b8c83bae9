"""Crossref REST API works (``/works/{doi}``) to records, offline: the JSON is given, nothing is fetched.

Accepted: the whole envelope (``{"status": "ok", "message-type": "work", "message": {...}}``), a work list
envelope (``"message-type": "work-list"``), the ``message`` object alone, or a list of them.

Dates: ``issued`` (Crossref's earliest publication date) is the CSL ``issued``, falling back to
``published-print``, ``published-online``, ``published``; when the work was printed and also published online
later, the online date is ``available-date`` (citekit's chapters and books keep it; others keep it in extra).
Names keep given, family and suffix (or ``name`` for organisations); ORCIDs, affiliations and Crossref's
``sequence`` are not bibliographic and are dropped.  Titles and abstracts carry JATS markup, turned into CSL
rich text by :func:`jats_to_csl`.  The resolver ``URL`` Crossref gives (``http://dx.doi.org/<DOI>``) is the DOI
again and is not kept.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from typing import Any

from citekit.readers._build import Item, Reporter, build, split_title
from citekit.readers.csljson import load_json
from citekit.records import Record

TYPES = {
    "book-chapter": "chapter", "book-section": "chapter", "book-part": "chapter", "book-track": "chapter",
    "book": "book", "edited-book": "book", "monograph": "book", "reference-book": "book", "book-set": "book",
    "book-series": "book", "proceedings": "book", "journal-article": "article-journal",
    "proceedings-article": "paper-conference", "report": "report", "report-component": "report",
    "report-series": "report", "dissertation": "thesis", "posted-content": "article", "dataset": "dataset",
    "database": "dataset", "reference-entry": "entry-encyclopedia", "standard": "standard",
    "standard-series": "standard", "peer-review": "review", "journal-issue": "periodical", "journal": "periodical",
    "journal-volume": "periodical", "component": "document", "grant": "document", "other": "document",
}  # fmt: skip
"""Crossref work types to CSL item types."""

_JATS = {
    "italic": "i", "bold": "b", "sup": "sup", "sub": "sub", "sc": 'span style="font-variant:small-caps;"',
}
_JATS_TAG = re.compile(r"<(/?)(?:jats:|mml:)?([A-Za-z][\w-]*)[^>]*?(/?)>")
# Fields of a work that say nothing about the work (the record's own bookkeeping at Crossref): not reported.
HOUSEKEEPING = frozenset(
    "indexed reference-count source is-referenced-by-count prefix member content-domain created deposited score "
    "resource references-count reference relation license link funder update-policy assertion "
    "content-created content-updated criteria institution-id alternative-id archive clinical-trial-number "
    "free-to-read subject update-to updated-by sequence score status message-version accepted approved".split()
)
_MAPPED = frozenset(
    "type title subtitle short-title original-title container-title short-container-title author editor "
    "translator chair issued published-print published-online published page volume issue publisher "
    "publisher-location ISBN isbn-type ISSN issn-type DOI URL abstract language edition-number event "
    "article-number group-title".split()
)


def jats_to_csl(text: str) -> str:
    """JATS (and MathML) markup in a Crossref string to CSL rich text: ``<jats:italic>`` -> ``<i>``; paragraphs
    and titles become spaces; other tags go, their text stays; entities are decoded."""

    def tag(match: re.Match[str]) -> str:
        closing, name, _ = match.groups()
        name = name.lower()
        if name in _JATS:
            if closing:
                return f"</{_JATS[name].split()[0]}>"
            return f"<{_JATS[name]}>"
        if name in ("p", "title", "sec", "break", "list-item"):
            return " "
        return ""

    converted = _JATS_TAG.sub(tag, text) if "<" in text else text
    return re.sub(r"\s+", " ", html.unescape(converted)).strip()


def _names(people: Any) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for person in people if isinstance(people, list) else []:
        if not isinstance(person, Mapping):
            continue
        if person.get("family") or person.get("given"):
            name = {k: jats_to_csl(str(person[k])) for k in ("family", "given", "suffix") if person.get(k)}
            out.append(name)
        elif person.get("name"):
            out.append({"literal": jats_to_csl(str(person["name"]))})
    return out


def _first(value: Any) -> str | None:
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str) and v.strip()), None)
    return jats_to_csl(value) if isinstance(value, str) and value.strip() else None


def _date(value: Any) -> dict[str, Any] | None:
    if isinstance(value, Mapping) and isinstance(value.get("date-parts"), list):
        parts = [p for p in value["date-parts"] if isinstance(p, list) and p and p[0] is not None]
        return {"date-parts": parts[:2]} if parts else None
    return None


def work_to_record(work: Mapping[str, Any], reporter: Reporter, index: int) -> Record:
    """The record for one Crossref work (a ``message`` object)."""
    doi = str(work.get("DOI") or "")
    key = doi or f"#{index + 1}"
    built = Item()
    item, put = built.fields, built.put

    kind = str(work.get("type") or "")
    csl = TYPES.get(kind)
    if csl is None:
        csl = "document"
        reporter.warn(f"unknown Crossref type {kind!r}; read as CSL type 'document'", key=key, field="type")
    item["type"] = csl
    item["id"] = doi or None
    put("title", split_title(_first(work.get("title")), _first(work.get("subtitle"))), "title")
    put("title-short", _first(work.get("short-title")), "short-title")
    put("original-title", _first(work.get("original-title")), "original-title")
    put("container-title", _first(work.get("container-title")), "container-title")
    put("container-title-short", _first(work.get("short-container-title")), "short-container-title")
    put("collection-title", _first(work.get("group-title")), "group-title")
    for field, variable in (("author", "author"), ("editor", "editor"), ("translator", "translator"), ("chair", "chair")):
        put(variable, _names(work.get(field)), field)
    if kind == "edited-book" and "author" not in item and "editor" not in item:
        reporter.warn("an edited book with no editors listed", key=key, field="editor")
    dates = {name: _date(work.get(name)) for name in ("issued", "published-print", "published-online", "published")}
    issued_from = next((name for name in dates if dates[name]), None)
    if issued_from:
        put("issued", dates[issued_from], issued_from)
        online = dates["published-online"]
        if online and issued_from != "published-online" and online != dates[issued_from]:
            put("available-date", online, "published-online")
    put("page", work.get("page"), "page")
    put("number", work.get("article-number"), "article-number")
    put("volume", work.get("volume"), "volume")
    put("issue", work.get("issue"), "issue")
    put("publisher", work.get("publisher"), "publisher")
    put("publisher-place", work.get("publisher-location"), "publisher-location")
    put("edition", work.get("edition-number"), "edition-number")
    put("language", work.get("language"), "language")
    put("DOI", doi, "DOI")
    url = work.get("URL")
    if isinstance(url, str) and not re.match(r"^https?://(?:dx\.)?doi\.org/", url, re.I):
        put("URL", url, "URL")
    abstract = work.get("abstract")
    if isinstance(abstract, str):
        put("abstract", jats_to_csl(abstract), "abstract")
    _isbns(work, put)
    issns = work.get("ISSN")
    if isinstance(issns, list) and issns:
        put("ISSN", ", ".join(str(i) for i in issns), "ISSN")
    event = work.get("event")
    if isinstance(event, Mapping):
        put("event-title", event.get("name"), "event.name")
        put("event-place", event.get("location"), "event.location")
        start, end = _date(event.get("start")), _date(event.get("end"))
        if start and end and end != start:
            start = {"date-parts": [start["date-parts"][0], end["date-parts"][0]]}
        put("event-date", start, "event.start")
    for field in work:
        if field not in _MAPPED and field not in HOUSEKEEPING:
            reporter.warn("citekit has no CSL variable for this Crossref field; not kept", key=key, field=field)
    return build({k: v for k, v in item.items() if v is not None}, reporter, key=key, origins=built.origins)


def _isbns(work: Mapping[str, Any], put: Any) -> None:
    """Print ISBN to ``ISBN``, the electronic one to citekit's ``citekit:isbn-electronic`` (see records.csljson)."""
    typed = work.get("isbn-type")
    if isinstance(typed, list) and typed:
        by_kind: dict[str, list[str]] = {}
        for entry in typed:
            if isinstance(entry, Mapping) and entry.get("value"):
                by_kind.setdefault(str(entry.get("type")), []).append(str(entry["value"]))
        prints = by_kind.pop("print", [])
        electronic = by_kind.pop("electronic", [])
        rest = [v for values in by_kind.values() for v in values]
        put("ISBN", ", ".join(prints + rest) or None, "isbn-type")
        if electronic:
            if prints or rest:
                put("citekit:isbn-electronic", electronic[0], "isbn-type")
            else:
                put("ISBN", ", ".join(electronic), "isbn-type")
        return
    isbns = work.get("ISBN")
    if isinstance(isbns, list) and isbns:
        put("ISBN", ", ".join(str(i) for i in isbns), "ISBN")


def works(data: Any, reporter: Reporter) -> list[Mapping[str, Any]]:
    """The work objects in a Crossref response (or a list of works)."""
    if isinstance(data, Mapping) and "message" in data:
        if data.get("status") not in (None, "ok"):
            raise reporter.error(f"the Crossref response is an error ({data.get('status')!r}): {data.get('message')!r}")
        data = data["message"]
        if isinstance(data, Mapping) and isinstance(data.get("items"), list) and "DOI" not in data:
            data = data["items"]
    if isinstance(data, Mapping):
        return [data]
    if isinstance(data, list) and all(isinstance(w, Mapping) for w in data):
        return list(data)
    raise reporter.error("expected a Crossref work: the 'message' object of a /works response", line=1)


def read_crossref(text: str, reporter: Reporter) -> list[Record]:
    """The records of a Crossref REST API JSON response."""
    return [work_to_record(work, reporter, i) for i, work in enumerate(works(load_json(text, reporter), reporter))]


__all__ = ["HOUSEKEEPING", "TYPES", "jats_to_csl", "read_crossref", "work_to_record"]
