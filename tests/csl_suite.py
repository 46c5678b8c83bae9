"""Parser for the CSL test suite's human-readable fixtures (``processor-tests/humans/*.txt``).

A fixture is a text file of sections::

    >>===== MODE =====>>
    citation
    <<===== MODE =====<<

The rules are those of citeproc-js's test runner (``citeproc-test-runner``, ``lib/fixture-parser.js``): an opening
line contains ``>>`` then two or more ``=``, whitespace, the section name, whitespace and something ending in
``=>>`` (the number of ``=`` varies between fixtures); a closing line likewise with ``<<`` and ``=<<``.  A section's
text is the lines strictly between its two marker lines, joined with ``\\n``; everything outside sections is
commentary.  A line that looks like a marker but lacks the ``=>>`` (one fixture has ``>>==== CITATION-ITEMS ====``)
is not a marker, so, as in the runner, that section is not read.  Files may start with a BOM and use CRLF.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Final

import attrs

_OPEN: Final = re.compile(r">>==+\s+([A-Z][A-Z0-9-]*)\s.*=>>")
_CLOSE: Final = re.compile(r"<<==+\s+([A-Z][A-Z0-9-]*)\s.*=<<")

REQUIRED: Final = ("MODE", "RESULT", "CSL", "INPUT")
JSON_SECTIONS: Final = frozenset(
    {"INPUT", "INPUT2", "CITATION-ITEMS", "CITATIONS", "BIBENTRIES", "BIBSECTION", "ABBREVIATIONS", "OPTIONS",
     "OPTIONZ", "LANGPARAMS", "MULTIAFFIX"}
)  # fmt: skip
MODELLED: Final = frozenset(
    {"MODE", "RESULT", "CSL", "INPUT", "CITATION-ITEMS", "CITATIONS", "BIBENTRIES", "BIBSECTION", "VERSION",
     "DESCRIPTION", "NAME"}
)  # fmt: skip
"""Sections :class:`Fixture` has a field for, or that carry no input (VERSION, DESCRIPTION, NAME)."""


class FixtureError(ValueError):
    """A fixture file that does not follow the format."""


@attrs.frozen
class Fixture:
    """One parsed fixture.  JSON sections are decoded; ``sections`` keeps every section's raw text by name."""

    name: str
    mode: str
    result: str
    csl: str
    input: list[dict[str, Any]]
    citation_items: list[list[dict[str, Any]]] | None
    citations: list[list[Any]] | None
    bibentries: list[list[Any]] | None
    bibsection: dict[str, Any] | None
    sections: dict[str, str]

    @property
    def unmodelled_sections(self) -> list[str]:
        """Sections present that :class:`Fixture` does not model (ABBREVIATIONS, OPTIONS, INPUT2, ...)."""
        return sorted(set(self.sections) - MODELLED)


def split_sections(text: str, source: str = "<fixture>") -> dict[str, str]:
    """The sections of a fixture's text, by name."""
    sections: dict[str, str] = {}
    current: str | None = None
    lines: list[str] = []
    for line in text.removeprefix("\ufeff").splitlines():
        opening, closing = _OPEN.search(line), _CLOSE.search(line)
        if opening:
            if current is not None:
                raise FixtureError(f"{source}: section {opening[1]} opened inside {current}")
            current, lines = opening[1], []
        elif closing:
            if closing[1] != current:
                raise FixtureError(f"{source}: {closing[1]} closed but {current} is open")
            if closing[1] in sections:
                raise FixtureError(f"{source}: section {closing[1]} appears twice")
            sections[closing[1]] = "\n".join(lines)
            current = None
        elif current is not None:
            lines.append(line)
    if current is not None:
        raise FixtureError(f"{source}: section {current} is never closed")
    return sections


def parse_fixture(path: Path) -> Fixture:
    """Parse the fixture file at ``path``; its name is the file's stem."""
    sections = split_sections(path.read_text(encoding="utf-8"), path.name)
    missing = [name for name in REQUIRED if name not in sections]
    if missing:
        raise FixtureError(f"{path.name}: missing section(s) {', '.join(missing)}")
    decoded: dict[str, Any] = {}
    for name in JSON_SECTIONS & set(sections):
        try:
            decoded[name] = json.loads(sections[name])
        except json.JSONDecodeError as exc:
            raise FixtureError(f"{path.name}: section {name} is not valid JSON: {exc}") from exc
    return Fixture(
        name=path.stem,
        mode=sections["MODE"].strip(),
        result=sections["RESULT"],
        csl=sections["CSL"],
        input=decoded["INPUT"],
        citation_items=decoded.get("CITATION-ITEMS"),
        citations=decoded.get("CITATIONS"),
        bibentries=decoded.get("BIBENTRIES"),
        bibsection=decoded.get("BIBSECTION"),
        sections=sections,
    )
