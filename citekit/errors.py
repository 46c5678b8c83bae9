"""The exceptions citekit raises: one base class, one subclass per kind of failure."""

from __future__ import annotations


class CitekitError(Exception):
    """Base class of every error citekit raises on purpose."""


class RecordError(CitekitError, ValueError):
    """A record (or a CSL-JSON item) holds a value citekit cannot accept.

    The message names the field and the offending value.
    """

    def __init__(self, field: str, value: object, reason: str) -> None:
        # A key of the caller's data may be anything ({1: 2} as a name): the path is always text.
        self.field = str(field)
        self.value = value
        self.reason = reason
        super().__init__(f"{field}: {reason} (got {value!r})")


class StyleNotFoundError(CitekitError, LookupError):
    """No profile, official style id or file matches the style that was asked for."""

    def __init__(self, name: str, suggestions: tuple[str, ...] = ()) -> None:
        self.name = name
        self.suggestions = suggestions
        hint = f"; did you mean {', '.join(repr(s) for s in suggestions)}?" if suggestions else ""
        super().__init__(f"no citation style named {name!r}{hint}")


class CSLError(CitekitError):
    """A CSL style or locale file is broken, unsafe or uses something CSL does not allow."""

    def __init__(self, message: str, *, source: str | None = None, line: int | None = None) -> None:
        self.source = source
        self.line = line
        where = ""
        if source:
            where = f"{source}"
            if line:
                where += f", line {line}"
            where += ": "
        elif line:
            where = f"line {line}: "
        super().__init__(f"{where}{message}")
