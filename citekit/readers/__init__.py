"""Reading bibliography files into records: :func:`read`.

Formats: ``"csl-json"`` (a list, one item, or the ``{"items": [...]}`` of Zotero's API), ``"csl-yaml"`` (needs
PyYAML: ``pip install 'citekit[yaml]'``), ``"bibtex"`` (BibTeX and BibLaTeX), ``"ris"``, ``"crossref"`` (a REST
API work: the ``message`` object or the whole envelope, or a work list) and ``"datacite"`` (DataCite JSON, or a
REST API ``{"data": ...}`` response).  Each reader maps its format to CSL-JSON items and validates them with
:func:`citekit.records.from_csl`, so a record read from a file is exactly the record built by hand from the same
facts.  What maps where is tabled in ``docs/inputs.md``.
"""

from __future__ import annotations

import io
import json
import os
import re
from collections.abc import Callable
from typing import IO, Any, Union

from citekit.readers._build import Reporter
from citekit.readers.errors import ReadError, ReadResult, ReadWarning
from citekit.records import Record

FORMATS = ("csl-json", "csl-yaml", "bibtex", "ris", "crossref", "datacite")
"""The formats :func:`read` reads, by name."""

_ALIASES = {
    "csljson": "csl-json", "csl": "csl-json", "cslyaml": "csl-yaml", "yaml": "csl-yaml", "biblatex": "bibtex",
    "bib": "bibtex", "json": "json",
}  # fmt: skip
_EXTENSIONS = {
    ".bib": "bibtex", ".bibtex": "bibtex", ".biblatex": "bibtex", ".ris": "ris", ".json": "json",
    ".csljson": "csl-json", ".yaml": "csl-yaml", ".yml": "csl-yaml",
}  # fmt: skip

Source = Union[str, "os.PathLike[str]", bytes, IO[str], IO[bytes]]
"""What :func:`read` accepts: a path, a file object (text or binary), or the content itself."""


def _decode(data: bytes, name: str | None) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ReadError(
            f"not UTF-8 (byte 0x{data[error.start]:02x}); save the file as UTF-8 or pass the decoded text",
            source=name,
            line=line,
        ) from None


def _looks_like_content(text: str) -> bool:
    head = text.lstrip("\ufeff \t\r\n")
    return "\n" in text or head[:1] in ("@", "[", "{", "%") or head.startswith(("TY  -", "---"))


def _load(source: Source) -> tuple[str, str | None, str]:
    """(text, name for messages, file extension) of ``source``."""
    if isinstance(source, bytes):
        return _decode(source, None), None, ""
    if isinstance(source, str) and _looks_like_content(source):
        return source.lstrip("\ufeff"), None, ""
    if isinstance(source, (str, os.PathLike)):
        path = os.fspath(source)
        extension = os.path.splitext(path)[1].lower()
        if not os.path.isfile(path):
            if isinstance(source, str) and not extension and not os.sep in path:
                return source, None, ""  # a one-line string of content, not a path
            raise ReadError("no such file", source=path)
        with open(path, "rb") as handle:
            return _decode(handle.read(), path), path, extension
    if hasattr(source, "read"):
        data = source.read()
        name = getattr(source, "name", None)
        name = name if isinstance(name, str) else None
        extension = os.path.splitext(name)[1].lower() if name else ""
        if isinstance(data, bytes):
            return _decode(data, name), name, extension
        if isinstance(data, str):
            return data.lstrip("\ufeff"), name, extension
    raise TypeError(f"read() takes a path, a file object or a string of content, not {type(source).__name__}")


def _sniff(text: str) -> str:
    head = text.lstrip("\ufeff \t\r\n")
    if head[:1] in ("[", "{"):
        return "json"
    if re.match(r"^(?:%[^\n]*\n\s*)*@", head) or re.search(r"^\s*@\w+\s*[{(]", head, re.M):
        if not head.startswith("TY  -"):
            return "bibtex"
    if re.search(r"^TY  - ", head, re.M):
        return "ris"
    if head.startswith("---") or re.match(r"^(?:references:|- )", head):
        return "csl-yaml"
    return "unknown"


def json_kind(data: Any) -> str:
    """Which JSON format ``data`` is: "crossref", "datacite" or "csl-json"."""
    if isinstance(data, dict):
        if "message-type" in data or ("message" in data and isinstance(data.get("message"), dict)):
            return "crossref"
        if isinstance(data.get("data"), (dict, list)) or "attributes" in data:
            return "datacite"
        if "creators" in data and "titles" in data:
            return "datacite"
        if isinstance(data.get("title"), list) and ("DOI" in data or "container-title" in data):
            return "crossref"
    return "csl-json"


def _normalised_format(format: str | None) -> str | None:
    if format is None:
        return None
    if not isinstance(format, str):
        from citekit.api import OptionError

        raise OptionError("format", format, f"one of {', '.join(FORMATS)}, or None to detect it")
    name = format.strip().lower()
    name = _ALIASES.get(name, name)
    if name not in FORMATS and name != "json":
        from citekit.api import OptionError

        raise OptionError("format", format, f"one of {', '.join(FORMATS)}, or None to detect it")
    return name


def _readers() -> dict[str, Callable[[str, Reporter], list[Record]]]:
    # Imported here so that `import citekit` does not import bibtexparser, rispy and pylatexenc.
    from citekit.readers.bibtex import read_bibtex
    from citekit.readers.crossref import read_crossref
    from citekit.readers.csljson import read_csl_json, read_csl_yaml
    from citekit.readers.datacite import read_datacite
    from citekit.readers.ris import read_ris

    return {
        "csl-json": read_csl_json,
        "csl-yaml": read_csl_yaml,
        "bibtex": read_bibtex,
        "ris": read_ris,
        "crossref": read_crossref,
        "datacite": read_datacite,
    }


def read(source: Source, format: str | None = None, *, strict: bool = False) -> ReadResult:
    """The records in ``source``, in file order, with a warning for everything not read as written.

    ``source`` is a path (``str`` or ``os.PathLike``), a file object (text or binary), or the content itself (a
    ``str`` of more than one line, or ``bytes``).  ``format`` is one of :data:`FORMATS`; without it the format
    comes from the file extension (``.bib``, ``.ris``, ``.json``, ``.yaml``) and then the content.

    The result is a ``list`` of records with a ``warnings`` attribute (:class:`ReadResult`).  A file that cannot
    be read raises :class:`ReadError` naming the line and entry; with ``strict=True`` every warning does too.
    """
    text, name, extension = _load(source)
    kind = _normalised_format(format) or _EXTENSIONS.get(extension)
    if not text.strip():
        raise ReadError("the file is empty: there are no entries to read", source=name, line=1)
    if kind is None:
        kind = _sniff(text)
        if kind == "unknown":
            raise ReadError(
                "cannot tell the format (not CSL-JSON, CSL-YAML, BibTeX, RIS, Crossref or DataCite JSON); "
                "pass format=...",
                source=name,
                line=1,
            )
    reporter = Reporter(name, strict)
    if kind == "json":
        from citekit.readers.csljson import load_json

        kind = json_kind(load_json(text, reporter))
    records = _readers()[kind](text, reporter)
    if not records:
        raise ReadError(f"no entries found in this {kind} file", source=name, line=1)
    return ReadResult(records, reporter.warnings)


def read_string(text: str, format: str | None = None, *, strict: bool = False) -> ReadResult:
    """:func:`read` for content that might be mistaken for a path (a one-line string)."""
    return read(io.StringIO(text), format, strict=strict)


__all__ = ["FORMATS", "ReadError", "ReadResult", "ReadWarning", "Source", "json_kind", "read", "read_string"]
