"""CSL-JSON and CSL-YAML files to records.

CSL-JSON is what the records already are, so this reader only finds the items (a list, one item, Zotero's API
``{"items": [...]}``, pandoc's ``references:``), maps item types that are not CSL's (Zotero's ``bookSection``,
BibTeX's ``inproceedings``, Crossref's ``book-chapter``...) to the nearest CSL type with a warning, and keeps
every refused value out of the record with a warning.  Rich text (``<i>``, ``<span class="nocase">``) is kept
as it is.  CSL-YAML is read with PyYAML (an optional extra), every scalar as a string, as CSL-JSON allows.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Mapping
from typing import Any

from citekit.readers._build import Reporter, build
from citekit.records import Record
from citekit.records.vocabulary import CSL_TYPES, DATE_VARIABLES

NEAREST_TYPES = {
    # Zotero item types, as some exporters leave them
    "journalarticle": "article-journal", "booksection": "chapter", "conferencepaper": "paper-conference",
    "magazinearticle": "article-magazine", "newspaperarticle": "article-newspaper", "blogpost": "post-weblog",
    "forumpost": "post", "computerprogram": "software", "encyclopediaarticle": "entry-encyclopedia",
    "dictionaryentry": "entry-dictionary", "presentation": "speech", "videorecording": "motion_picture",
    "audiorecording": "song", "case": "legal_case", "statute": "legislation", "letter": "personal_communication",
    "email": "personal_communication", "artwork": "graphic", "film": "motion_picture",
    # BibTeX and Crossref types
    "inproceedings": "paper-conference", "incollection": "chapter", "inbook": "chapter", "phdthesis": "thesis",
    "mastersthesis": "thesis", "techreport": "report", "misc": "document", "online": "webpage",
    "book-chapter": "chapter", "journal-article": "article-journal", "proceedings-article": "paper-conference",
    "edited-book": "book", "monograph": "book", "dissertation": "thesis", "posted-content": "article",
    # CSL 0.8 and common misspellings
    "web": "webpage", "website": "webpage", "web-page": "webpage", "journal": "article-journal",
    "article_journal": "article-journal", "paper_conference": "paper-conference", "newspaper": "article-newspaper",
    "magazine": "article-magazine", "preprint": "article", "dataset ": "dataset", "data": "dataset",
}  # fmt: skip
"""Item types that are not CSL 1.0.2's, to the CSL type they mean; any other unknown type becomes "document"."""


def load_json(text: str, reporter: Reporter) -> Any:
    """Parsed JSON; a syntax error is a ReadError naming the line and column."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise reporter.error(f"not valid JSON: {error.msg} (column {error.colno})", line=error.lineno) from None
    except RecursionError:  # arrays or objects nested thousands deep: no bibliography looks like that
        raise reporter.error("not valid JSON: arrays or objects nested too deeply to read") from None


def _items(data: Any, reporter: Reporter) -> list[Any]:
    if isinstance(data, list):
        return data
    if isinstance(data, Mapping):
        for wrapper in ("items", "references"):
            if isinstance(data.get(wrapper), list):
                return list(data[wrapper])
        if "type" in data or "title" in data or "id" in data:
            return [data]
    raise reporter.error("expected a CSL-JSON item, a list of items, or an object with an 'items' list", line=1)


def _nearest(csl_type: object) -> str:
    key = str(csl_type).strip().lower().replace(" ", "")
    if key in CSL_TYPES:
        return key
    return NEAREST_TYPES.get(key, "document")


def items_to_records(items: list[Any], reporter: Reporter, *, yaml: bool = False) -> list[Record]:
    """A record per CSL-JSON item; a non-object item is a ReadError, everything smaller a warning."""
    records: list[Record] = []
    for index, item in enumerate(items):
        where = f"#{index + 1}"
        if not isinstance(item, Mapping):
            raise reporter.error(f"item {where} is not a JSON object (got {type(item).__name__})")
        key = str(item["id"]) if item.get("id") not in (None, "") else where
        fixed = dict(item)
        csl_type = fixed.get("type")
        if not isinstance(csl_type, str) or csl_type not in CSL_TYPES:
            fixed["type"] = _nearest(csl_type) if csl_type is not None else "document"
            reporter.warn(
                f"{'no item type' if csl_type is None else f'{csl_type!r} is not a CSL item type'}; "
                f"read as {fixed['type']!r}",
                key=key,
                field="type",
            )
        if yaml:
            fixed = _yaml_dates(fixed)
        records.append(build(fixed, reporter, key=key))
    return records


def _yaml_dates(item: dict[str, Any]) -> dict[str, Any]:
    """Pandoc's old CSL-YAML dates (``issued: [{year: 2011, month: 11}]``) as CSL-JSON date-parts."""
    for variable in DATE_VARIABLES & item.keys():
        value = item[variable]
        if isinstance(value, list) and value and all(isinstance(p, Mapping) and "year" in p for p in value):
            parts = [[p[k] for k in ("year", "month", "day") if p.get(k) not in (None, "")] for p in value]
            item[variable] = {"date-parts": parts}
    return item


def read_csl_json(text: str, reporter: Reporter) -> list[Record]:
    """The records of a CSL-JSON file."""
    return items_to_records(_items(load_json(text, reporter), reporter), reporter)


def read_csl_yaml(text: str, reporter: Reporter) -> list[Record]:
    """The records of a CSL-YAML file (a list of items, or pandoc metadata with ``references:``)."""
    try:
        yaml: Any = importlib.import_module("yaml")
    except ImportError:
        raise reporter.error("reading CSL-YAML needs PyYAML: pip install 'citekit[yaml]'") from None
    # BaseLoader: every scalar stays a string (no 2011-11-05 turned into a datetime, no "no" into False).  libyaml's
    # (when PyYAML has it) is the same loader, much faster, and refuses absurd nesting at once where the pure-Python
    # one takes minutes to overflow the stack.
    loader = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
    try:
        documents = [d for d in yaml.load_all(text, Loader=loader) if d is not None]
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise reporter.error(f"not valid YAML: {getattr(error, 'problem', None) or error}", line=line) from None
    except RecursionError:
        raise reporter.error("not valid CSL-YAML: lists or mappings nested too deeply to read") from None
    if not documents:
        return []
    return items_to_records(_items(documents[0], reporter), reporter, yaml=True)


__all__ = ["NEAREST_TYPES", "items_to_records", "load_json", "read_csl_json", "read_csl_yaml"]
