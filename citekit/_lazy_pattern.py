"""Regular expressions compiled on first use.

``re`` compiles a pattern in Python, 0.1 to 0.6 ms each, and a module compiles its patterns when it is imported:
every process would pay for patterns that only rare input (a control character, a roman numeral, a note full of
variables) ever reaches.  A pattern made with :func:`lazy_pattern` is compiled the first time one of its methods is
looked up; call sites use it as the compiled pattern it stands for.
"""

from __future__ import annotations

import re
from typing import Any, cast

__all__ = ["lazy_pattern"]

# What call sites use; each is kept on the instance once compiled, so later look-ups skip __getattr__.
_FORWARDED = ("match", "fullmatch", "search", "sub", "subn", "split", "finditer", "findall", "pattern", "flags")


class _LazyPattern:
    def __init__(self, pattern: str, flags: int) -> None:
        self._source = (pattern, flags)

    def __getattr__(self, name: str) -> Any:
        compiled = re.compile(*self._source)
        # Two threads may both compile on first use: each stores the same methods, which is harmless.
        for attribute in _FORWARDED:
            setattr(self, attribute, getattr(compiled, attribute))
        return getattr(compiled, name)


def lazy_pattern(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, done when the pattern is first used."""
    return cast("re.Pattern[str]", _LazyPattern(pattern, flags))
