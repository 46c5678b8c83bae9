"""Sort keys: variables and macros rendered in sort mode, compared with empty values last either way."""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from citekit._lazy_pattern import lazy_pattern
from citekit.csl import model as m
from citekit.csl.context import Context
from citekit.csl.dates import sort_string
from citekit.csl.compile import render
from citekit.csl.items import DATE_VARIABLES, NAME_VARIABLES, Item
from citekit.csl.names import sort_key_for_name
from citekit.csl.numbers import is_numeric
from citekit.csl.tree import plain_text

SortValue = tuple[int, object]  # (0 for a value, 1 for empty) and the comparable value

_MARKUP = lazy_pattern(r"</?(?:i|b|sup|sub|sc|span)[^>]*>")
_LEADING_PUNCT = lazy_pattern(r"^[\s\"'\u2018\u2019\u201c\u201d\u00ab\u00bb\[\(¿¡]+")
_NUMBER = lazy_pattern(r"-?\d+")


@functools.lru_cache(maxsize=65536)
def text_key(text: str) -> str:
    """A collation key for text: markup and punctuation ignored, accents and case secondary (as citeproc-js's
    sorting compares "Simple title, here" with "“Simple title here”")."""
    text = _LEADING_PUNCT.sub("", _MARKUP.sub("", text))
    base = "".join(
        c for c in unicodedata.normalize("NFKD", text)
        if not unicodedata.combining(c) and not unicodedata.category(c).startswith("P")
    )  # fmt: skip
    return " ".join(base.casefold().split()) + "\x00" + text


def key_value(key: m.SortKey, make_ctx: Callable[[], Context]) -> SortValue:
    """One item's value for one sort key."""
    ctx = make_ctx()
    if key.variable is not None:
        return _variable_value(key.variable, ctx.item, ctx)
    ctx.sort_mode = True
    ctx.names_min, ctx.names_use_first, ctx.names_use_last = key.names_min, key.names_use_first, key.names_use_last
    return _text_or_number(plain_text(render(ctx.macros[key.macro or ""], ctx)))


def _variable_value(variable: str, item: Item, ctx: Context) -> SortValue:
    if variable in NAME_VARIABLES:
        names = item.names.get(variable, ())
        if not names:
            return (1, "")
        opts = m.NameOptions(demote_non_dropping_particle=ctx.style.demote_non_dropping_particle)
        return (0, text_key("\u0001".join(sort_key_for_name(n, opts) for n in names)))
    if variable in DATE_VARIABLES:
        date = item.dates.get(variable)
        if date is None or not date.parts:
            return (1, "")
        return (0, sort_string(date, ()))
    if variable == "citation-number":
        number = ctx.cite.citation_number
        return (0, number) if number is not None else (1, 0)
    value = item.fields.get(variable, "")
    return _text_or_number(value)


def _text_or_number(value: str) -> SortValue:
    if not value:
        return (1, "")
    if is_numeric(value):
        match = _NUMBER.search(value)
        if match:
            return (0, (int(match.group(0)), text_key(value)))
    return (0, (float("inf"), text_key(value)))


Payload = TypeVar("Payload")


def sort_by_keys(
    payloads: Sequence[Payload], keys: Sequence[m.SortKey], make_ctx: Callable[[Payload], Context]
) -> list[Payload]:
    """``payloads`` stably sorted by the style's keys, each evaluated in the context ``make_ctx`` gives.

    A key is evaluated for an item only when the keys before it tie: the first key decides most comparisons,
    and later keys (a whole title or source, in some styles) are costly to render.  So the payloads are sorted by
    the first key, then each run that ties on it by the next key, and so on, with Python's own sort comparing the
    values (one key's values are all of one type).  Empty values go last, whichever the key's direction.
    """
    values: list[list[SortValue | None]] = [[None] * len(keys) for _ in payloads]

    def value(index: int, position: int) -> SortValue:
        found = values[index][position]
        if found is None:
            found = values[index][position] = key_value(keys[position], functools.partial(make_ctx, payloads[index]))
        return found

    return [payloads[index] for index in _sorted_run(list(range(len(payloads))), 0, keys, value)]


def _sorted_run(
    indices: list[int], position: int, keys: Sequence[m.SortKey], value: Callable[[int, int], SortValue]
) -> list[int]:
    """``indices``, which tie on the keys before ``position``, in order.

    A module function rather than a closure calling itself: that would be a reference cycle, and everything the
    sort touched (the whole document) would then wait for the cyclic garbage collector to be freed."""
    if position == len(keys) or len(indices) < 2:
        return indices
    present: list[tuple[Any, int]] = []
    empty: list[int] = []
    for index in indices:
        is_empty, found = value(index, position)
        if is_empty:
            empty.append(index)
        else:
            present.append((found, index))
    # Stable either way (reverse=True keeps ties in their order); empty values go last either way.
    present.sort(key=_first, reverse=not keys[position].ascending)
    ordered: list[int] = []
    start = 0
    while start < len(present):
        end = start + 1
        while end < len(present) and present[end][0] == present[start][0]:
            end += 1
        ordered += _sorted_run([index for _, index in present[start:end]], position + 1, keys, value)
        start = end
    return ordered + _sorted_run(empty, position + 1, keys, value)


def _first(pair: tuple[Any, int]) -> Any:
    return pair[0]
