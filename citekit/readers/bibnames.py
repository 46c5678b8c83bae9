"""BibTeX name lists to CSL names, and back.

Reading follows BibTeX's own rules (as in "Tame the BeaST"): names are separated by "and" outside braces; a name
is "First von Last", "von Last, First" or "von Last, Jr, First"; a word belongs to the "von" part when its first
letter outside braces is lower case (``{\\"U}ber`` counts as upper case, a braced group ``{de la}`` has no case).
Then, in CSL terms:

* the von part is the ``non-dropping-particle`` ("van Gennep, Arnold"), as citeproc-js reads a lower-case prefix
  of a family name;
* lower-case words at the end of First are the ``dropping-particle`` ("Brandt, Ahasver von"), the same reading
  citekit's own name parser gives that string;
* a name that is one braced group (``{World Health Organization}``) is a ``literal`` (an organisation);
* BibLaTeX's extended form ``family=Brandt, given=Ahasver, prefix=von, useprefix=false`` is read too:
  ``useprefix=false`` makes the prefix a dropping particle, otherwise it is a non-dropping one.

A final ``and others`` is BibTeX's "et al.": see :data:`OTHERS`.
"""

from __future__ import annotations

import re
from typing import Any

from citekit.readers.latex import convert
from citekit.records.names import Person

OTHERS = "others"
"""What ``and others`` becomes: :func:`split_names` returns it as a name, and the reader drops it from the list,
keeps the names given, records the truncation under the item's ``citekit:others`` key (the list of name
variables that ended in "and others", which no processor reads) and warns."""

_AND = re.compile(r"\s+and\s+", re.IGNORECASE)
_BRACES = re.compile(r"(?<!\\)[{}]")
_EXTENDED = re.compile(r"^\s*(family|given|prefix|suffix|useprefix)\s*=", re.IGNORECASE)


def _top_level(text: str, pattern: re.Pattern[str]) -> list[str]:
    """``text`` split on ``pattern`` where it matches outside braces."""
    depth_at = _depths(text)
    pieces: list[str] = []
    start = 0
    for match in pattern.finditer(text):
        if depth_at(match.start()) == 0:
            pieces.append(text[start : match.start()])
            start = match.end()
    pieces.append(text[start:])
    return pieces


def _depths(text: str) -> Any:
    braces = [(m.start(), 1 if m.group(0) == "{" else -1) for m in _BRACES.finditer(text)]

    def depth_at(position: int) -> int:
        return sum(step for at, step in braces if at < position)

    return depth_at


def split_names(value: str) -> list[str]:
    """The names of a BibTeX name list (LaTeX, not yet converted), in order."""
    if not value.strip():
        return []
    return [name.strip() for name in _top_level(value.strip(), _AND) if name.strip()]


def _word_case(word: str) -> str | None:
    """"lower", "upper", or None (no letter outside braces), by BibTeX's rule for the von part."""
    depth = 0
    i = 0
    while i < len(word):
        char = word[i]
        if char == "{":
            if depth == 0 and word[i + 1 : i + 2] == "\\":  # a special character: its letter decides
                command = re.match(r"\\([A-Za-z]+|.)\s*\{?\s*([A-Za-z]?)", word[i + 1 :])
                if command:
                    name, letter = command.groups()
                    if name in ("i", "j", "oe", "ae", "aa", "o", "l", "ss", "OE", "AE", "AA", "O", "L"):
                        letter = name
                    if letter:
                        return "lower" if letter[0].islower() else "upper"
            depth += 1
        elif char == "}":
            depth -= 1
        elif char == "\\" and depth == 0:
            command = re.match(r"\\([A-Za-z]+|.)\s*\{?\s*([A-Za-z]?)", word[i:])
            if command and (command.group(2) or command.group(1).isalpha()):
                letter = command.group(2) or command.group(1)
                return "lower" if letter[0].islower() else "upper"
            i += 2
            continue
        elif depth == 0 and char.isalpha():
            return "lower" if char.islower() else "upper"
        i += 1
    return None


def _words(text: str) -> list[str]:
    return [w for w in _top_level(text.strip(), re.compile(r"[\s~]+")) if w]


def _plain(text: str) -> str | None:
    out = convert(text, rich=False).replace("\u00a0", " ").strip()
    return out or None


def _extended(parts: list[str]) -> dict[str, Any]:
    fields: dict[str, str] = {}
    for part in parts:
        name, _, value = part.partition("=")
        fields[name.strip().lower()] = value.strip()
    prefix = _plain(fields.get("prefix", ""))
    dropping = fields.get("useprefix", "").strip("{} ").lower() == "false"
    out = {
        "family": _plain(fields.get("family", "")),
        "given": _plain(fields.get("given", "")),
        "suffix": _plain(fields.get("suffix", "")),
        ("dropping-particle" if dropping else "non-dropping-particle"): prefix,
    }
    return {k: v for k, v in out.items() if v}


def parse_name(name: str) -> dict[str, Any] | str:
    """One BibTeX name (LaTeX) as a CSL name object; :data:`OTHERS` for "others"."""
    name = name.strip()
    if name.lower() == OTHERS:
        return OTHERS
    if _BRACES.sub("", name).strip() and re.fullmatch(r"\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}", name):
        literal = _plain(name)
        return {"literal": literal} if literal else {}
    parts = [p.strip() for p in _top_level(name, re.compile(r","))]
    if len(parts) > 1 and all(_EXTENDED.match(p) for p in parts if p):
        return _extended([p for p in parts if p])
    if len(parts) > 3:  # more commas than BibTeX allows: the last part is First, the middle ones the suffix
        parts = [parts[0], ", ".join(parts[1:-1]), parts[-1]]
    if len(parts) == 1:
        words = _words(parts[0])
        cases = [_word_case(w) for w in words]
        first_von = next((i for i, c in enumerate(cases[:-1]) if c == "lower"), None)
        if first_von is None:
            first, von, last = words[:-1], [], words[-1:]
        else:
            last_von = max(i for i, c in enumerate(cases[:-1]) if c == "lower")
            first, von, last = words[:first_von], words[first_von : last_von + 1], words[last_von + 1 :]
        jr: list[str] = []
    else:
        von_last = _words(parts[0])
        cases = [_word_case(w) for w in von_last]
        split = 0
        while split < len(von_last) - 1 and cases[split] == "lower":
            split += 1
        # BibTeX: the von part runs to the last lower-case word that is not the final word.
        lower = [i for i, c in enumerate(cases[:-1]) if c == "lower"]
        if lower and lower[0] == 0:
            split = lower[-1] + 1
        von, last = von_last[:split], von_last[split:]
        first = _words(parts[-1])
        jr = _words(parts[1]) if len(parts) == 3 else []
    dropping: list[str] = []
    if len(parts) > 1:
        while len(first) > 1 and _word_case(first[-1]) == "lower":
            dropping.insert(0, first.pop())
    out = {
        "family": _plain(" ".join(last)),
        "given": _plain(" ".join(first)),
        "non-dropping-particle": _plain(" ".join(von)),
        "dropping-particle": _plain(" ".join(dropping)),
        "suffix": _plain(" ".join(jr)),
    }
    return {k: v for k, v in out.items() if v}


# --- writing ---------------------------------------------------------------------------------------------

_NEEDS_BRACES = re.compile(r",|\band\b", re.IGNORECASE)


def _lowercase_start(text: str) -> bool:
    return _word_case(text) == "lower"


def _protect(text: str, escape: Any) -> str:
    """A name part as BibTeX: escaped; braced when BibTeX would otherwise split or re-case it."""
    escaped = str(escape(text))
    words = text.split()
    if _NEEDS_BRACES.search(text) or any(_lowercase_start(w) for w in words):
        return "{" + escaped + "}"
    return escaped


def format_name(person: Person, escape: Any) -> str:
    """``person`` as one BibTeX name ("von Last, Jr, First"); BibLaTeX's extended form when that cannot hold it."""
    if person.literal is not None:
        return "{" + str(escape(person.literal)) + "}"
    particles_ok = all(
        all(_lowercase_start(w) for w in (p or "").split()) and not _NEEDS_BRACES.search(p or "")
        for p in (person.non_dropping_particle, person.dropping_particle)
    )
    if not particles_ok or (person.dropping_particle and not person.given):
        fields = [
            ("family", person.family),
            ("given", person.given),
            ("prefix", person.non_dropping_particle or person.dropping_particle),
            ("suffix", person.suffix),
        ]
        out = [f"{k}={{{escape(v)}}}" for k, v in fields if v]
        if person.dropping_particle:
            out.append("useprefix=false")
        elif person.non_dropping_particle:
            out.append("useprefix=true")
        return ", ".join(out)
    last = _protect(person.family, escape) if person.family else "{}"
    if person.non_dropping_particle:
        last = f"{escape(person.non_dropping_particle)} {last}"
    given = ""
    if person.given:
        given = _protect(person.given, escape) if _lowercase_start(person.given.split()[-1]) else str(
            escape(person.given)
        )
        if "," in person.given or _NEEDS_BRACES.search(person.given):
            given = "{" + str(escape(person.given)) + "}"
    if person.dropping_particle:
        given = f"{given} {escape(person.dropping_particle)}".strip()
    if person.suffix:
        return f"{last}, {escape(person.suffix)}, {given}"
    if not given:
        return last if person.family and " " not in person.family else f"{last}, "
    return f"{last}, {given}"


__all__ = ["OTHERS", "format_name", "parse_name", "split_names"]
