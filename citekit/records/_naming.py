"""Giving every :class:`~citekit.errors.RecordError` the full path of the field it is about.

attrs converters only see the value, so a converter cannot know which field it converts; and mypy's attrs
plugin only understands converters that are plain named functions, which rules out one closure per field.
So converters raise errors whose ``field`` is a path *relative* to the value they were given ("" for the
value itself, "[2].family" inside a list), and :func:`named_fields`, an attrs field transformer, wraps every
converter so the error leaves the constructor as e.g. ``author[2].family``.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

import attrs

from citekit.errors import RecordError


def join_path(head: str, tail: str) -> str:
    """``head`` followed by the relative path ``tail``: "author" + "[0].family" -> "author[0].family"."""
    if not tail:
        return head
    if not head:
        return tail
    if tail.startswith("["):
        return head + tail
    return f"{head}.{tail}"


def within(head: str, error: RecordError) -> RecordError:
    """The same error, re-addressed from inside ``head``."""
    return RecordError(join_path(head, error.field), error.value, error.reason)


# attrs reads each converter's signature for the __init__ annotations; given here, inspect.signature need not
# resolve each of the ~300 converted fields the record classes have (4 ms of a cold start).
_SIGNATURE = inspect.Signature(
    [inspect.Parameter("value", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation="Any")],
    return_annotation="Any",
)
# Each naming wrapper -> the converter it wraps.
_INNER: dict[Callable[[Any], Any], Callable[[Any], Any]] = {}


def _named(field: str, inner: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """``inner``, with ``field`` prefixed to the path of its errors.

    A closure rather than an object with ``__call__``: every record runs some 60 converters, and calling an
    instance costs about three times what calling a function does.
    """

    def named(value: Any) -> Any:
        try:
            return inner(value)
        except RecordError as error:
            raise within(field, error) from None

    named.__signature__ = _SIGNATURE  # type: ignore[attr-defined]
    _INNER[named] = inner
    return named


def converter_of(attribute: attrs.Attribute[Any]) -> Callable[[Any], Any] | None:
    """The converter the class body gave ``attribute``, seen through the naming wrapper."""
    conv = attribute.converter
    if not callable(conv):
        return None
    return _INNER.get(conv, conv)


def named_fields(cls: type, fields: list[attrs.Attribute[Any]]) -> list[attrs.Attribute[Any]]:
    """attrs field transformer: name the errors of every converter, and keep ``extra`` last.

    Inherited fields arrive already wrapped; they are left alone so a path is never prefixed twice.
    ``extra`` goes last because it is the catch-all, and reprs read better with the typed fields first.
    """
    out: list[attrs.Attribute[Any]] = []
    for attribute in fields:
        conv = attribute.converter
        if callable(conv) and conv not in _INNER:
            attribute = attribute.evolve(converter=_named(attribute.name, conv))
        out.append(attribute)
    out.sort(key=lambda a: a.name == "extra")
    return out
