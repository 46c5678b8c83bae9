"""Writing records to bibliography formats: :func:`write`.

Formats: ``"csl-json"`` (lossless: exactly ``record.to_csl()`` for each record) and ``"bibtex"`` (BibTeX that
biber and BibTeX both read; what it can hold is :data:`citekit.writers.bibtex.HELD`, tabled in
``docs/inputs.md``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any, Union

from citekit.records import Record, from_csl

FORMATS = ("csl-json", "bibtex")
"""The formats :func:`write` writes, by name."""

_ALIASES = {"csljson": "csl-json", "json": "csl-json", "csl": "csl-json", "biblatex": "bibtex", "bib": "bibtex"}

RecordLike = Union[Record, Mapping[str, Any]]


def write(records: Iterable[RecordLike], format: str) -> str:
    """``records`` (records, or CSL-JSON items, validated first) as the text of a ``format`` file."""
    from citekit.api import OptionError

    name = _ALIASES.get(format.strip().lower(), format.strip().lower()) if isinstance(format, str) else None
    if name not in FORMATS:
        raise OptionError("format", format, f"one of {', '.join(FORMATS)}")
    if isinstance(records, (Record, Mapping)):
        raise OptionError("records", records, "a list of records (wrap a single record in a list)")
    checked = [r if isinstance(r, Record) else from_csl(r) for r in records]
    if name == "csl-json":
        return json.dumps([r.to_csl() for r in checked], ensure_ascii=False, indent=2) + "\n"
    from citekit.writers.bibtex import write_bibtex

    return write_bibtex(checked)


__all__ = ["FORMATS", "write"]
