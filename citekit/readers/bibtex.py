"""BibTeX and BibLaTeX files to records.

bibtexparser 2 splits the file into blocks (it knows where every entry, field and line is, and it survives a
broken entry so citekit can say which one broke); citekit evaluates the values itself, because bibtexparser's
string middleware neither concatenates with ``#`` nor knows the month macros, then applies BibLaTeX's ``xdata``
and ``crossref`` inheritance (:mod:`citekit.readers.bibinherit`), converts LaTeX (:mod:`citekit.readers.latex`)
and names (:mod:`citekit.readers.bibnames`), and maps the fields to CSL-JSON (:mod:`citekit.readers.bibfields`).
The mapping is tabled in ``docs/inputs.md``.
"""

from __future__ import annotations

import logging
import re

import attrs
from bibtexparser import model
from bibtexparser.entrypoint import parse_string

from citekit.readers._build import Reporter
from citekit.readers.errors import ReadError
from citekit.records import Record

MONTH_MACROS = {
    name[:3]: name
    for name in (
        "january", "february", "march", "april", "may", "june",
        "july", "august", "september", "october", "november", "december",
    )
}  # fmt: skip
"""BibTeX's predefined month macros (``month = nov``), as the standard styles define them."""


@attrs.define
class Entry:
    """One entry: its type and key (as written), its first line and its fields (lower-case name -> value, line).

    Values are evaluated (macros expanded, ``#`` joined, outer delimiters gone) but still LaTeX.
    """

    type: str
    key: str
    line: int
    fields: dict[str, tuple[str, int]]
    inherited: dict[str, str] = attrs.field(factory=dict)  # field name -> key of the entry it came from


_BRACE = re.compile(r"(?<!\\)[{}]")
_QUOTE_OR_BRACE = re.compile(r'(?<!\\)[{}"]')
_BARE = re.compile(r'[^\s#{}",=]+')


class _ValueError(Exception):
    pass


def _closing_brace(raw: str, start: int) -> int:
    depth = 0
    for match in _BRACE.finditer(raw, start):
        depth += 1 if match.group(0) == "{" else -1
        if depth == 0:
            return match.start()
    raise _ValueError("a '{' in the value is never closed")


def _closing_quote(raw: str, start: int) -> int:
    depth = 0
    for match in _QUOTE_OR_BRACE.finditer(raw, start + 1):
        char = match.group(0)
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
        elif depth == 0:
            return match.start()
    raise _ValueError("a '\"' in the value is never closed")


def evaluate(raw: str, macros: dict[str, str], undefined: list[str]) -> str:
    """A field value as written (``{...}``, ``"..."``, a number, a macro, joined by ``#``) to its text.

    Undefined macros are appended to ``undefined`` and read as empty, as BibTeX does.
    """
    raw = raw.strip()
    if raw.startswith("{") and raw.endswith("}") and _closing_brace(raw, 0) == len(raw) - 1:
        return raw[1:-1]
    pieces: list[str] = []
    pos = 0
    while True:
        while pos < len(raw) and raw[pos].isspace():
            pos += 1
        if pos >= len(raw):
            raise _ValueError("the value is empty" if not pieces else "the value ends with '#'")
        if raw[pos] == "{":
            end = _closing_brace(raw, pos)
            pieces.append(raw[pos + 1 : end])
            pos = end + 1
        elif raw[pos] == '"':
            end = _closing_quote(raw, pos)
            pieces.append(raw[pos + 1 : end])
            pos = end + 1
        else:
            bare = _BARE.match(raw, pos)
            if bare is None:
                raise _ValueError(f"unexpected {raw[pos]!r} in the value")
            word = bare.group(0)
            if word.isdigit():
                pieces.append(word)
            elif word.lower() in macros:
                pieces.append(macros[word.lower()])
            else:
                undefined.append(word)
            pos = bare.end()
        while pos < len(raw) and raw[pos].isspace():
            pos += 1
        if pos >= len(raw):
            return "".join(pieces)
        if raw[pos] != "#":
            raise _ValueError(f"the value ends before {raw[pos : pos + 20]!r}: is a ',' missing after it?")
        pos += 1


class _Quiet(logging.Filter):
    """bibtexparser logs each broken block; citekit raises a ReadError for it instead, so the log is noise."""

    def filter(self, record: logging.LogRecord) -> bool:
        return False


_KEY = re.compile(r"@\s*\w+\s*[{(]\s*([^,\s=}{()]*)")


def _unclosed_field(raw: str) -> tuple[str, int] | None:
    """(field name, offset of its opening brace) of the field value whose brace never closes, if there is one."""
    depth = 0
    opened: int | None = None
    for match in _BRACE.finditer(raw):
        if match.group(0) == "{":
            depth += 1
            if depth == 2:
                opened = match.start()
        else:
            depth -= 1
    if depth < 1 or opened is None:  # depth 1: the value took the entry's own closing brace
        return None
    name = re.search(r"([\w-]+)\s*=\s*$", raw[:opened])
    return (name.group(1).lower() if name else ""), opened


def _failure(block: model.ParsingFailedBlock, text: str, reporter: Reporter) -> ReadError:
    raw = block.raw or ""
    line = (block.start_line or 0) + 1
    key_match = _KEY.match(raw)
    key = key_match.group(1) if key_match and key_match.group(1) else None
    reason = getattr(block.error, "abort_reason", str(block.error))
    end_line = line + raw.count("\n")  # the raw block stops just before the newline of the next "@"
    if "Expected comma after entry key" in reason or (key is None and "=" in raw[: raw.find(",") + 1 or None]):
        return reporter.error("the entry has no key: '@type{' must be followed by a key and a comma", line=line)
    unclosed = _unclosed_field(raw)
    if unclosed is not None and ("Unexpected block start" in reason or "end of file" in reason):
        name, offset = unclosed
        where = f"before the next entry, at line {end_line + 1}" if "block start" in reason else "before the end of the file"
        return reporter.error(
            f"the '{{' that opens this value is never closed {where}",
            line=line + raw[:offset].count("\n"),
            key=key,
            field=name,
        )
    if "Unexpectedly reached end of file" in reason:
        message = "the entry is never closed: a '{' (or '\"') has no matching close before the end of the file"
    elif "Unexpected block start" in reason:
        message = (
            f"the entry is never closed: a '{{' (or '\"') has no matching close before the next entry, "
            f"at line {end_line + 1}"
        )
    elif "Expected a `=`" in reason:
        message = f"a field has no '=' (line {end_line})"
    else:
        message = f"cannot parse the entry: {reason.strip()}"
    return reporter.error(message, line=line, key=key)


def split(text: str, reporter: Reporter) -> list[Entry]:
    """The entries of a BibTeX file, values evaluated, in file order; duplicate keys and fields reported."""
    quiet = _Quiet()
    loggers = [logging.getLogger(f"bibtexparser.{name}") for name in ("splitter", "library", "entrypoint")]
    for logger in loggers:
        logger.addFilter(quiet)
    try:
        library = parse_string(text, parse_stack=[])
    finally:
        for logger in loggers:
            logger.removeFilter(quiet)
    macros = dict(MONTH_MACROS)
    entries: list[Entry] = []
    seen: dict[str, int] = {}
    for block in library.blocks:
        if isinstance(block, model.DuplicateBlockKeyBlock):
            duplicate = block.ignore_error_block
            line = (block.start_line or 0) + 1
            if isinstance(duplicate, model.String):
                macros[duplicate.key.lower()] = _evaluate_or_raise(duplicate.value, macros, reporter, None, line)
                continue
            first = seen.get(block.key)
            reporter.warn(
                f"a second entry with this key; it is left out (the first, at line {first}, is kept)",
                line=line,
                key=block.key,
            )
            continue
        if isinstance(block, model.DuplicateFieldKeyBlock) and isinstance(block.ignore_error_block, model.Entry):
            block = block.ignore_error_block
        elif isinstance(block, model.ParsingFailedBlock):
            raise _failure(block, text, reporter)
        if isinstance(block, model.String):
            line = (block.start_line or 0) + 1
            macros[block.key.lower()] = _evaluate_or_raise(block.value, macros, reporter, None, line)
        elif isinstance(block, model.Entry):
            entry = _entry(block, macros, reporter)
            if entry.key in seen:
                reporter.warn(
                    f"a second entry with this key; it is left out (the first, at line {seen[entry.key]}, is kept)",
                    line=entry.line,
                    key=entry.key,
                )
                continue
            seen[entry.key] = entry.line
            entries.append(entry)
    return entries


def _evaluate_or_raise(raw: str, macros: dict[str, str], reporter: Reporter, key: str | None, line: int) -> str:
    undefined: list[str] = []
    try:
        value = evaluate(raw, macros, undefined)
    except _ValueError as error:
        raise reporter.error(str(error), line=line, key=key) from None
    for name in undefined:
        reporter.warn(f"undefined @string macro {name!r} read as empty", line=line, key=key)
    return value


def _entry(block: model.Entry, macros: dict[str, str], reporter: Reporter) -> Entry:
    line = (block.start_line or 0) + 1
    key = block.key.strip()
    if not key:
        raise reporter.error("the entry has no key: '@type{' must be followed by a key and a comma", line=line)
    fields: dict[str, tuple[str, int]] = {}
    for field in block.fields:
        name = field.key.strip().lower()
        field_line = (field.start_line or 0) + 1
        if not name:
            raise reporter.error("a field has no name before its '='", line=field_line, key=key)
        undefined: list[str] = []
        try:
            value = evaluate(str(field.value), macros, undefined)
        except _ValueError as error:
            raise reporter.error(str(error), line=field_line, key=key, field=name) from None
        for macro in undefined:
            reporter.warn(f"undefined @string macro {macro!r} read as empty", line=field_line, key=key, field=name)
        if name in fields:
            reporter.warn(
                f"the field appears twice; the first value (line {fields[name][1]}) is kept",
                line=field_line,
                key=key,
                field=name,
            )
            continue
        fields[name] = (value, field_line)
    return Entry(type=block.entry_type.lower(), key=key, line=line, fields=fields)


def read_bibtex(text: str, reporter: Reporter) -> list[Record]:
    """The records of a BibTeX/BibLaTeX file, in file order (``@xdata`` entries give fields, not records)."""
    from citekit.readers.bibfields import entry_to_record
    from citekit.readers.bibinherit import inherit

    entries = split(text, reporter)
    inherit(entries, reporter)
    records: list[Record] = []
    for entry in entries:
        if entry.type == "xdata":
            continue
        if entry.type == "set":
            reporter.warn("an @set entry only groups other entries; it is not a work and is left out", line=entry.line, key=entry.key)
            continue
        records.append(entry_to_record(entry, reporter))
    return records


__all__ = ["MONTH_MACROS", "Entry", "evaluate", "read_bibtex", "split"]
