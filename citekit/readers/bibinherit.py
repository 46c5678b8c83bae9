"""BibLaTeX's ``xdata`` and ``crossref`` inheritance, with biber's default rules.

An entry keeps its own fields; what it lacks it takes first from the ``@xdata`` entries it names (all fields,
same names), then from its ``crossref`` parent, by these rules (biblatex manual, appendix B):

* never inherited: ``ids crossref xref xdata entryset entrysubtype execute label options presort related
  relatedoptions relatedstring relatedtype shorthand shorthandintro sortkey``;
* a ``@book``, ``@collection``, ``@reference`` or ``@proceedings`` parent gives its ``title`` (``subtitle``,
  ``titleaddon``) as the child's ``booktitle`` (``booksubtitle``, ``booktitleaddon``) to an ``@inbook``,
  ``@bookinbook``, ``@suppbook``, ``@incollection``, ``@suppcollection``, ``@inreference`` or
  ``@inproceedings``, and not its short, sort or index titles; a ``@book`` also gives its ``author`` as
  ``bookauthor`` (and as ``author``) to ``@inbook``, ``@bookinbook`` and ``@suppbook``;
* an ``@mv...`` parent gives ``title`` as ``maintitle`` to the volumes and parts of it;
* a ``@periodical`` gives ``title`` as ``journaltitle`` to an ``@article`` or ``@suppperiodical``;
* every other field is inherited under its own name (which is also plain BibTeX's ``crossref``).
"""

from __future__ import annotations

from citekit.readers._build import Reporter
from citekit.readers.bibtex import Entry

NOT_INHERITED = frozenset(
    "ids crossref xref xdata entryset entrysubtype execute label options presort related relatedoptions "
    "relatedstring relatedtype shorthand shorthandintro sortkey".split()
)
_TITLES = ("title", "subtitle", "titleaddon")
_NO_TITLES = frozenset({"shorttitle", "sorttitle", "indextitle", "indexsorttitle"})
_PARTS = frozenset("inbook bookinbook suppbook incollection suppcollection inreference inproceedings".split())
_BOOKS = frozenset({"book", "collection", "reference", "proceedings"})
_MULTIVOLUME = frozenset({"mvbook", "mvcollection", "mvreference", "mvproceedings"})
_VOLUMES = _PARTS | _BOOKS


def renamed(parent_type: str, child_type: str) -> dict[str, tuple[str, ...]]:
    """Field renames for a (parent type, child type) pair; a field mapped to () is not inherited."""
    rules: dict[str, tuple[str, ...]] = {}
    if parent_type in _MULTIVOLUME and child_type in _VOLUMES:
        rules.update({t: ("main" + t,) for t in _TITLES})
    elif parent_type in _BOOKS and child_type in _PARTS:
        rules.update({t: ("book" + t,) for t in _TITLES})
        if parent_type == "book" and child_type in ("inbook", "bookinbook", "suppbook"):
            rules["author"] = ("author", "bookauthor")
    elif parent_type == "periodical" and child_type in ("article", "suppperiodical"):
        rules.update({"title": ("journaltitle",), "subtitle": ("journalsubtitle",)})
    else:
        return rules
    rules.update(dict.fromkeys(_NO_TITLES, ()))
    return rules


def inherit(entries: list[Entry], reporter: Reporter) -> None:
    """Fill each entry's missing fields from its ``xdata`` entries and its ``crossref`` parent, in place."""
    by_key = {entry.key: entry for entry in entries}
    by_folded = {entry.key.lower(): entry for entry in entries}
    done: set[str] = set()
    active: list[str] = []

    def find(child: Entry, field: str, key: str) -> Entry | None:
        parent = by_key.get(key) or by_folded.get(key.lower())
        if parent is None:
            reporter.warn(
                f"no entry with key {key!r} in this file; nothing inherited from it",
                line=child.fields[field][1],
                key=child.key,
                field=field,
            )
        return parent

    def resolve(entry: Entry) -> None:
        if entry.key in done:
            return
        if entry.key in active:
            chain = " -> ".join([*active[active.index(entry.key) :], entry.key])
            reporter.warn(f"crossref/xdata cycle ({chain}); the cycle is not followed", line=entry.line, key=entry.key)
            return
        active.append(entry.key)
        if "xdata" in entry.fields:
            for key in (k.strip() for k in entry.fields["xdata"][0].split(",")):
                parent = find(entry, "xdata", key) if key else None
                if parent is not None:
                    resolve(parent)
                    for name, value in parent.fields.items():
                        if name not in entry.fields and name not in NOT_INHERITED:
                            entry.fields[name] = value
                            entry.inherited[name] = parent.key
        if "crossref" in entry.fields:
            parent = find(entry, "crossref", entry.fields["crossref"][0].strip())
            if parent is not None:
                resolve(parent)
                rules = renamed(parent.type, entry.type)
                # Renamed fields first: a parent's title beats a booktitle it also carries (plain BibTeX habit).
                for name, value in sorted(parent.fields.items(), key=lambda field: field[0] not in rules):
                    if name in NOT_INHERITED:
                        continue
                    for target in rules.get(name, (name,)):
                        if target not in entry.fields:
                            entry.fields[target] = value
                            entry.inherited[target] = parent.key
        active.pop()
        done.add(entry.key)

    for entry in entries:
        resolve(entry)


__all__ = ["NOT_INHERITED", "inherit", "renamed"]
