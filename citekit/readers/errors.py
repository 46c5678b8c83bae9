"""What reading a bibliography file can report: one error that stops it, and warnings per entry.

A file citekit cannot parse at all (an unclosed brace, an entry without a key, a RIS record without its ``ER``
line, broken JSON, an empty file) raises :class:`ReadError`.  Anything smaller is a :class:`ReadWarning` on the
list that :func:`citekit.read` returns (:class:`ReadResult`): an entry type mapped to the nearest record type, a
field citekit has no place for, a value the records refuse (left out of the record), an undefined ``@string``.
Both say where: the source, the line, the entry key and the field, as far as the format lets citekit know them.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from citekit.errors import CitekitError
from citekit.records import Record


def _where(source: str | None, line: int | None, key: str | None, field: str | None) -> str:
    parts = []
    if source:
        parts.append(source)
    if line is not None:
        parts.append(f"line {line}")
    if key:
        parts.append(f"entry {key!r}")
    if field:
        parts.append(f"field {field!r}")
    return ", ".join(parts)


class ReadError(CitekitError, ValueError):
    """A bibliography file (or string) that cannot be read; the message says where it broke.

    ``source`` is the file name (or ``None`` for a string), ``line`` the 1-based line, ``key`` the entry key
    (or CSL-JSON id) and ``field`` the field, each ``None`` when not known.
    """

    def __init__(
        self,
        message: str,
        *,
        source: str | None = None,
        line: int | None = None,
        key: str | None = None,
        field: str | None = None,
    ) -> None:
        self.message = message
        self.source = source
        self.line = line
        self.key = key
        self.field = field
        where = _where(source, line, key, field)
        super().__init__(f"{where}: {message}" if where else message)


@attrs.frozen
class ReadWarning:
    """Something in one entry that citekit read differently from how it was written, or could not keep.

    ``str(warning)`` gives "refs.bib, line 12, entry 'farr2011', field 'date': ...".
    """

    message: str
    source: str | None = None
    line: int | None = None
    key: str | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = _where(self.source, self.line, self.key, self.field)
        return f"{where}: {self.message}" if where else self.message

    def to_error(self) -> ReadError:
        """This warning as a :class:`ReadError` (for ``strict=True``)."""
        return ReadError(self.message, source=self.source, line=self.line, key=self.key, field=self.field)


class ReadResult(list[Record]):
    """The records read from a file, in file order: a plain ``list`` of records, plus ``warnings``.

    ``warnings`` lists every :class:`ReadWarning`, in file order; it is empty when everything was read as
    written.
    """

    def __init__(self, records: Iterable[Record] = (), warnings: Iterable[ReadWarning] = ()) -> None:
        super().__init__(records)
        self.warnings: list[ReadWarning] = list(warnings)

    def __repr__(self) -> str:
        return f"ReadResult({list.__repr__(self)}, warnings={self.warnings!r})"


__all__ = ["ReadError", "ReadResult", "ReadWarning"]
