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


class _NamedConverter:
    """A converter that prefixes the name of its field to the errors of the converter it wraps."""

    __slots__ = ("field", "inner")

    # attrs reads each converter's signature for the __init__ annotations; given here, inspect.signature need not
    # resolve __call__ for each of the ~300 converted fields the record classes have (4 ms of a cold start).
    __signature__ = inspect.Signature(
        [inspect.Parameter("value", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation="Any")],
        return_annotation="Any",
    )

    def __init__(self, field: str, inner: Callable[[Any], Any]) -> None:
        self.field = field
        self.inner = inner

    def __call__(self, value: Any) -> Any:
        try:
            return self.inner(value)
        except RecordError as error:
            raise within(self.field, error) from None


def converter_of(attribute: attrs.Attribute[Any]) -> Callable[[Any], Any] | None:
    """The converter the class body gave ``attribute``, seen through the naming wrapper."""
    conv = attribute.converter
    if isinstance(conv, _NamedConverter):
        return conv.inner
    return conv if callable(conv) else None


def named_fields(cls: type, fields: list[attrs.Attribute[Any]]) -> list[attrs.Attribute[Any]]:
    """attrs field transformer: name the errors of every converter, and keep ``extra`` last.

    Inherited fields arrive already wrapped; they are left alone so a path is never prefixed twice.
    ``extra`` goes last because it is the catch-all, and reprs read better with the typed fields first.
    """
    out: list[attrs.Attribute[Any]] = []
    for attribute in fields:
        conv = attribute.converter
        if callable(conv) and not isinstance(conv, _NamedConverter):
            attribute = attribute.evolve(converter=_NamedConverter(attribute.name, conv))
        out.append(attribute)
    out.sort(key=lambda a: a.name == "extra")
    return out
