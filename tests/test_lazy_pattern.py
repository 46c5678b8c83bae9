"""Patterns compiled on first use behave as the compiled pattern, and cost nothing until then."""

from __future__ import annotations

import re

import pytest

from citekit._lazy_pattern import lazy_pattern


def test_it_answers_as_the_compiled_pattern() -> None:
    lazy, compiled = lazy_pattern(r"(\d+)-(\d+)", re.ASCII), re.compile(r"(\d+)-(\d+)", re.ASCII)
    text = "pages 12-19 and 30-4"
    assert lazy.search(text).groups() == compiled.search(text).groups()  # type: ignore[union-attr]
    assert lazy.sub(r"\2-\1", text) == compiled.sub(r"\2-\1", text)
    assert lazy.split(text) == compiled.split(text)
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    assert lazy.fullmatch("1-2") is not None and lazy.match("x1-2") is None
    assert (lazy.pattern, lazy.flags) == (compiled.pattern, compiled.flags)


def test_nothing_is_compiled_before_first_use() -> None:
    broken = lazy_pattern("(")  # an error re would raise at once
    with pytest.raises(re.error):
        broken.search("x")
