"""CSL-JSON items as the processor reads them: names split into parts, dates into numbers, the rest as text.

The records layer validates user input; this module only makes any CSL-JSON (including the official test
fixtures' loose forms: string date-parts, ``raw`` dates, names with particles inside ``family``) uniform, and
never raises on missing data.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import attrs

from citekit._lazy_pattern import lazy_pattern

NAME_VARIABLES = frozenset(
    {
        "author", "chair", "collection-editor", "compiler", "composer", "container-author", "contributor",
        "curator", "director", "editor", "editorial-director", "editor-translator", "executive-producer",
        "guest", "host", "illustrator", "interviewer", "narrator", "organizer", "original-author",
        "performer", "producer", "recipient", "reviewed-author", "script-writer", "series-creator",
        "translator",
    }
)  # fmt: skip
DATE_VARIABLES = frozenset(
    {"accessed", "available-date", "event-date", "issued", "original-date", "submitted"}
)
NUMBER_VARIABLES = frozenset(
    {
        "chapter-number", "citation-number", "collection-number", "edition", "first-reference-note-number",
        "issue", "locator", "number", "number-of-pages", "number-of-volumes", "page", "page-first",
        "part-number", "printing-number", "section", "supplement-number", "version", "volume",
    }
)  # fmt: skip


NameKey = tuple[str, str, str, str, str]

# Names in these scripts take particles, initials and inverted order; others (CJK...) print family then given.
_ROMANESQUE = re.compile(
    r"^[\u0000-\u036f\u0370-\u03ff\u0400-\u052f\u1e00-\u1fff\u2000-\u206f\u0590-\u05ff\u0600-\u06ff'\u2019\s.,\-]*$"
)


def _is_romanesque(name: NameData) -> bool:
    text = name.family + name.given
    return text.isascii() or bool(_ROMANESQUE.match(text))  # ASCII is in the ranges, and isascii() costs nothing


@attrs.frozen(slots=True)
class NameData:
    family: str = ""
    given: str = ""
    dropping_particle: str = ""
    non_dropping_particle: str = ""
    suffix: str = ""
    comma_suffix: bool = False
    static_ordering: bool = False
    literal: str = ""
    # Decided once: every rendering of the name (entry, sort key, disambiguation key) asks.
    romanesque: bool = attrs.field(
        init=False, eq=False, repr=False, default=attrs.Factory(_is_romanesque, takes_self=True)
    )

    @property
    def is_literal(self) -> bool:
        return bool(self.literal)

    @property
    def key(self) -> NameKey:
        """Identifies the person, for given-name disambiguation."""
        return (self.family, self.given, self.non_dropping_particle, self.dropping_particle, self.suffix)


@attrs.frozen(slots=True)
class DateData:
    """A date or range: ``parts`` holds one or two (year, month, day) triples, 0 meaning absent."""

    parts: tuple[tuple[int, int, int], ...] = ()
    season: int = 0
    circa: bool = False
    literal: str = ""
    # A range with no end yet ("1987–"), given as an end date of year 0.
    open_end: bool = False

    @property
    def is_range(self) -> bool:
        return len(self.parts) > 1 and self.parts[1] != (0, 0, 0)

    @property
    def year(self) -> int:
        return self.parts[0][0] if self.parts else 0


@attrs.frozen(slots=True)
class Item:
    id: str
    type: str
    names: Mapping[str, tuple[NameData, ...]]
    dates: Mapping[str, DateData]
    fields: Mapping[str, str]
    # The variables with a value, for specialising a style to what the item has (see citekit.csl.presence).
    present: frozenset[str] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        present = {name for name, value in self.names.items() if value}
        present.update(self.dates)
        present.update(name for name, value in self.fields.items() if value)
        object.__setattr__(self, "present", frozenset(present))

    def has(self, variable: str) -> bool:
        return variable in self.present


def item_from_csl(data: Mapping[str, Any], *, citation_label: bool = True) -> Item:
    """The processor's view of one CSL-JSON item.  ``citation_label``: give it citeproc-js's default
    citation-label when it has none (only worth the work for styles that use the variable)."""
    names: dict[str, tuple[NameData, ...]] = {}
    dates: dict[str, DateData] = {}
    fields: dict[str, str] = {}
    for key, value in data.items():
        if key in ("id", "type") or value is None:
            continue
        # Unprintable characters go from every string read (names clean their parts as they read them).
        if key in NAME_VARIABLES and isinstance(value, list):
            parsed = tuple(n for n in (_name(v) for v in value) if n is not None)
            if parsed:
                names[key] = parsed
        elif key in DATE_VARIABLES:
            date = _date(_printable(value))
            if date is not None:
                dates[key] = date
        elif type(value) is str:  # most variables: checked before the general case below
            text = value if not _SUSPECT.search(value) else _printable(value)
            if text != "":
                fields[key] = text
        elif isinstance(value, (str, int, float)) and not isinstance(value, bool):
            text = _printable(value) if isinstance(value, str) else str(value)
            if text != "":
                fields[key] = text
    _note_variables(fields, names, dates)
    if citation_label and "citation-label" not in fields:
        label = _trigraph(names, dates)
        if label:
            fields["citation-label"] = label
    # CSL-JSON from Zotero spells a few variables differently.
    for alias, canonical in (("shortTitle", "title-short"), ("journalAbbreviation", "container-title-short")):
        if alias in fields and canonical not in fields:
            fields[canonical] = fields[alias]
    return Item(
        id=str(data.get("id", "")), type=str(data.get("type", "document")), names=names, dates=dates, fields=fields
    )


# C0 control characters other than tab, newline and carriage return, and U+FFFE/U+FFFF: no output format can carry
# them (XML forbids them, HTML calls them parse errors, RTF and LaTeX read them as commands or garbage), and they only
# come from broken data (a vertical tab pasted from a word processor, an escape code).  They are dropped.  A lone
# surrogate (JSON "\ud800") cannot even be encoded as UTF-8: it becomes U+FFFD, the replacement character.
_UNPRINTABLE = lazy_pattern("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SURROGATE = lazy_pattern("[\ud800-\udfff]")
_SUSPECT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _printable(value: Any, depth: int = 0) -> Any:
    """``value`` with the unprintable characters of every string in it (names and dates are nested) removed."""
    if isinstance(value, str):
        if not _SUSPECT.search(value):
            return value
        if _UNPRINTABLE.search(value):
            value = _UNPRINTABLE.sub("", value)
        return _SURROGATE.sub("\ufffd", value) if _SURROGATE.search(value) else value
    if depth >= 3:  # deeper than a name or a date: nothing the processor reads
        return value
    if isinstance(value, list):
        return [_printable(v, depth + 1) for v in value]
    if isinstance(value, Mapping):
        return {k: _printable(v, depth + 1) for k, v in value.items()}
    return value


ORDINARY_VARIABLES = frozenset(
    {
        "abstract", "annote", "archive", "archive_collection", "archive_location", "archive-place", "authority",
        "call-number", "citation-key", "citation-label", "collection-title", "container-title",
        "container-title-short", "dimensions", "division", "DOI", "event", "event-title", "event-place",
        "genre", "ISBN", "ISSN", "jurisdiction", "keyword", "language", "license", "medium", "note",
        "original-publisher", "original-publisher-place", "original-title", "part-title", "PMCID", "PMID",
        "publisher", "publisher-place", "references", "reviewed-genre", "reviewed-title", "scale", "section",
        "source", "status", "title", "title-short", "URL", "volume-title", "year-suffix",
    }
)  # fmt: skip
_NOTE_LINE = lazy_pattern(r"^\s*([A-Za-z][A-Za-z_-]*)\s*:\s*(.+?)\s*$")


def _note_variables(fields: dict[str, str], names: dict[str, tuple[NameData, ...]], dates: dict[str, DateData]) -> None:
    """Zotero keeps CSL variables it has no field for in the note ("source: ...", "original-date: 1850");
    citeproc-js reads them as variables when the item lacks them, and so does citekit."""
    note = fields.get("note")
    if not note:
        return
    kept: list[str] = []
    for line in note.splitlines():
        match = _NOTE_LINE.match(line)
        key = match.group(1).lower().replace("_", "-") if match else ""
        if match and key in DATE_VARIABLES and key not in dates:
            parsed = _raw_date(match.group(2))
            if parsed is not None:
                dates[key] = parsed
                continue
        elif match and key in NAME_VARIABLES:
            family, _, given = match.group(2).partition("||")
            person = _name({"family": family.strip(), "given": given.strip()} if given else {"literal": family})
            if person is not None:
                names[key] = (*names.get(key, ()), person)
                continue
        elif match and (key in ORDINARY_VARIABLES or key in NUMBER_VARIABLES or match.group(1) in ORDINARY_VARIABLES):
            variable = match.group(1) if match.group(1) in ORDINARY_VARIABLES else key
            if variable != "note" and not fields.get(variable):
                fields[variable] = match.group(2)
                continue
        kept.append(line)
    if kept:
        fields["note"] = "\n".join(kept)
    else:
        del fields["note"]


# Lower-case words (with apostrophes, periods or hyphens: "van", "d'", "v.d.", "'t") are particles.
_PARTICLE_WORD = lazy_pattern(r"^(?:['\u2019]?[a-z\u00e0-\u00ff][a-z\u00e0-\u00ff'\u2019.\-]*|[dDlL]['\u2019])$")


def _name(value: Any) -> NameData | None:
    if isinstance(value, str):
        value = _printable(value)
        return NameData(literal=value) if value.strip() else None
    if type(value) is not dict and not isinstance(value, Mapping):  # JSON gives dicts: skip the ABC check
        return None
    literal = _name_text(value.get("literal"))
    family = _name_text(value.get("family"))
    given = _name_text(value.get("given"))
    # A name that is only markup ("<i></i>") names nobody, as in citeproc-js.  (The parts are stripped already,
    # so without markup a part is visible exactly when it is not empty.)
    if "<" in literal or "<" in family or "<" in given:
        literal, family, given = (part if _visible(part) else "" for part in (literal, family, given))
    if literal:
        return NameData(literal=literal)
    if not family and not given:
        return None
    dropping = _name_text(value.get("dropping-particle"))
    non_dropping = _name_text(value.get("non-dropping-particle"))
    suffix = _name_text(value.get("suffix"))
    comma_suffix = bool(value.get("comma-suffix"))
    parse = value.get("parse-names", True) not in (False, "false")
    if parse and family and not non_dropping:
        # "van Gogh" / "de la Fontaine": leading lower-case words of the family name are particles.
        if family.startswith('"') and family.endswith('"'):
            family = family[1:-1]
        else:
            non_dropping, family = _split_family_particle(family)
    if parse and given:
        if not suffix and "," in given:
            head, _, tail = given.partition(",")
            tail = tail.strip()
            if tail.startswith("!"):
                tail = tail[1:].strip()
                comma_suffix = True
            if tail:
                given, suffix = head.strip(), tail
        if not dropping:
            given, dropping = _split_given_particle(given)
    return NameData(
        family=family,
        given=given,
        dropping_particle=dropping,
        non_dropping_particle=non_dropping,
        suffix=suffix,
        comma_suffix=comma_suffix,
        static_ordering=bool(value.get("static-ordering")),
    )


_GLUED_PARTICLE = lazy_pattern(r"^([a-z]{1,3}['\u2019]|al-|el-)(\S.*)$")


def _split_family_particle(family: str) -> tuple[str, str]:
    if " " not in family and not family[:1].islower():
        return "", family  # one capitalised word (the usual family name): no particle to find
    words = family.split(" ")
    index = 0
    while index < len(words) - 1 and _PARTICLE_WORD.match(words[index]):
        index += 1
    if index == 0:
        # "d'Alembert", "al-Hakim": a particle glued to the name by an apostrophe or hyphen.
        glued = _GLUED_PARTICLE.match(family)
        if glued and len(words) == 1:
            return glued.group(1), glued.group(2)
        return "", family
    return " ".join(words[:index]), " ".join(words[index:])


def _split_given_particle(given: str) -> tuple[str, str]:
    if " " not in given:
        return given, ""  # one word is the given name itself
    words = given.split(" ")
    index = len(words)
    while index > 1 and words[index - 1][:1].islower() and _PARTICLE_WORD.match(words[index - 1]):
        index -= 1
    if index == len(words):
        return given, ""
    return " ".join(words[:index]), " ".join(words[index:])


def _trigraph(names: Mapping[str, tuple[NameData, ...]], dates: Mapping[str, DateData]) -> str:
    """citeproc-js's default citation-label: letters of up to four family names, then the year's last two
    digits ("Doe65", "RoNo78", "BrCh98", "DEFG26")."""
    people = [n for n in (names.get("author") or names.get("editor") or ()) if n.family or n.literal]
    if not people:
        return ""
    families = [n.family or n.literal for n in people]
    if len(families) == 1:
        letters = families[0][:4]
    elif len(families) == 2:
        letters = families[0][:2] + families[1][:2]
    elif len(families) == 3:
        letters = families[0][:2] + families[1][:1] + families[2][:1]
    else:
        letters = "".join(f[:1] for f in families[:4])
    issued = dates.get("issued")
    year = f"{issued.year % 100:02d}" if issued is not None and issued.year else ""
    return letters + year


def _s(value: Any) -> str:
    if value is None:
        return ""
    return str(value).strip()


_TAGS = lazy_pattern(r"<[^<>]*>")


def _visible(text: str) -> bool:
    if "<" not in text:
        return bool(text.strip())
    return bool(_TAGS.sub("", text).strip())


def _name_text(value: Any) -> str:
    if value is None:  # most name parts are absent
        return ""
    # Names print with typographic apostrophes (O’Brien, d’Alembert), as citeproc-js gives them.
    if type(value) is str and not _SUSPECT.search(value):  # the usual part: clean text, cleaned here directly
        return value.strip().replace("'", "\u2019")
    return _s(_printable(value)).replace("'", "\u2019")


_SEASON_NAMES = {"spring": 1, "summer": 2, "autumn": 3, "fall": 3, "winter": 4}
_RAW_DATE = lazy_pattern(r"^\s*(-?\d{1,4})(?:[-/.](\d{1,2}))?(?:[-/.](\d{1,2}))?\s*$")


def _date(value: Any) -> DateData | None:
    if isinstance(value, str):
        return _raw_date(value)
    if not isinstance(value, Mapping):
        return None
    season = _int(value.get("season"))
    if season == 0 and isinstance(value.get("season"), str):
        season = _SEASON_NAMES.get(str(value["season"]).lower(), 0)
    circa = bool(value.get("circa")) and value.get("circa") not in ("0", "false")
    literal = _s(value.get("literal"))
    parts_raw = value.get("date-parts")
    parts: list[tuple[int, int, int]] = []
    if isinstance(parts_raw, list):
        for entry in parts_raw[:2]:
            if not isinstance(entry, list):
                continue
            nums = [_int(x) for x in entry[:3]] + [0, 0, 0]
            parts.append((nums[0], _month(nums[1]), nums[2]))
    if not parts and value.get("raw"):
        raw = _raw_date(str(value["raw"]))
        if raw is not None:
            return attrs.evolve(raw, circa=circa or raw.circa, season=season or raw.season)
    if parts and parts[0][0] == 0 and not literal:
        parts = []
    if not parts and not literal:
        return None
    open_end = len(parts) == 2 and parts[1] == (0, 0, 0)
    if len(parts) == 2 and parts[1][0] == 0 and parts[1] != (0, 0, 0):
        # An end date without a year takes the start's year.
        parts[1] = (parts[0][0], parts[1][1], parts[1][2])
    return DateData(parts=tuple(parts), season=season, circa=circa, literal=literal, open_end=open_end)


def _month(month: int) -> int:
    """Months 1-12 as they are; seasons as 13-16 (CSL-JSON 13-16 and 17-20, EDTF 21-24); others dropped."""
    if 1 <= month <= 12:
        return month
    if 13 <= month <= 24:
        return 12 + (month - 13) % 4 + 1
    return 0


def _raw_date(text: str) -> DateData | None:
    pieces = [p for p in re.split(r"\s*/\s*", text.strip()) if p] if "/" in text and "-" in text else [text]
    parts: list[tuple[int, int, int]] = []
    for piece in pieces:
        match = _RAW_DATE.match(piece)
        if not match:
            return DateData(literal=text.strip()) if text.strip() else None
        parts.append((int(match.group(1)), int(match.group(2) or 0), int(match.group(3) or 0)))
    return DateData(parts=tuple(parts[:2])) if parts else None


def _int(value: Any) -> int:
    if isinstance(value, bool):
        return 0
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value)
    if isinstance(value, str):
        match = re.match(r"^\s*(-?\d+)", value)
        if match:
            return int(match.group(1))
    return 0
