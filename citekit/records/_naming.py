"""Giving every :class:`~citekit.errors.RecordError` the full path of the field it is about.

attrs converters only see the value, so a converter cannot know which field it converts; and mypy's attrs
plugin only understands converters that are plain named functions, which rules out one closure per field.
So converters raise errors whose ``field`` is a path *relative* to the value they were given ("" for the
value itself, "[2].family" inside a list), and :func:`named_errors` wraps the class's ``__init__`` so the
error leaves the constructor as e.g. ``author[2].family``.

The field is found only when an error happens, not by wrapping every converter: a record runs some 60
converters, and a wrapper call around each was a fifth of the cost of reading a CSL-JSON item.  attrs'
``__init__`` converts and sets the fields one by one in field order, so the field whose converter raised is the
first one not yet set; when every field is set, the error came from ``__attrs_post_init__``, whose errors name
their own field already.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import attrs

from citekit.errors import RecordError

T = TypeVar("T", bound=type)
R = TypeVar("R")


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


def _named(instance: Any, error: RecordError) -> RecordError:
    """``error``, raised while ``instance`` was initialised, addressed from the record's field that raised it.

    The field is the first one not set yet; when every field is set the error came from
    ``__attrs_post_init__``, which names its own fields, and is returned as it is.
    """
    for attribute in attrs.fields(type(instance)):
        if not hasattr(instance, attribute.name):
            return within(attribute.name, error)
    return error


# Each class named_errors decorated -> the __init__ attrs wrote for it.
_ATTRS_INITS: dict[type, Callable[..., None]] = {}


def named_errors(cls: T) -> T:
    """Class decorator (for an attrs class with slots): prefix the failing field's name to converter errors.

    Apply it outside ``@attrs.define``/``@attrs.frozen``, so it wraps the ``__init__`` attrs wrote.
    """
    init: Callable[..., None] = vars(cls)["__init__"]
    _ATTRS_INITS[cls] = init

    @functools.wraps(init)
    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        _initialise(init, self, args, kwargs)

    setattr(cls, "__init__", __init__)  # noqa: B010 (mypy refuses assigning to a method)
    return cls


def build(cls: type[R], fields: Mapping[str, Any]) -> R:
    """``cls(**fields)`` for a class decorated with :func:`named_errors`, with the same errors.

    For citekit's own readers, which build many records and names: the wrapper's ``*args, **kwargs`` is a call
    and two copies of the arguments, as much again as converting a name's fields.
    """
    instance = object.__new__(cls)
    _initialise(_ATTRS_INITS[cls], instance, (), fields)
    return instance


def _initialise(init: Callable[..., None], instance: Any, args: tuple[Any, ...], kwargs: Mapping[str, Any]) -> None:
    """``init(instance, *args, **kwargs)``, a converter's error re-addressed from the field that raised it."""
    try:
        init(instance, *args, **kwargs)
    except RecordError as error:
        named = _named(instance, error)
        if named is error:
            raise
        raise named from None


# One attrs Converter per converter function, shared by every field that uses it: given an Converter, attrs need
# not inspect the function's signature once per field (~300 fields, 3 ms of a cold start).
_CONVERTERS: dict[Callable[[Any], Any], attrs.Converter[Any, Any]] = {}


def converter_of(attribute: attrs.Attribute[Any]) -> Callable[[Any], Any] | None:
    """The converter function the class body gave ``attribute``."""
    conv = attribute.converter
    if isinstance(conv, attrs.Converter):
        conv = conv.converter  # type: ignore[attr-defined]  # not in attrs' stubs
    return conv if callable(conv) else None


def named_fields(cls: type, fields: list[attrs.Attribute[Any]]) -> list[attrs.Attribute[Any]]:
    """attrs field transformer: share one :class:`attrs.Converter` per converter function, and keep ``extra`` last.

    ``extra`` goes last because it is the catch-all, and reprs read better with the typed fields first.
    """
    out: list[attrs.Attribute[Any]] = []
    for attribute in fields:
        conv = attribute.converter
        if callable(conv) and not isinstance(conv, attrs.Converter):
            shared = _CONVERTERS.get(conv)
            if shared is None:
                shared = _CONVERTERS[conv] = attrs.Converter(conv)
            attribute = attribute.evolve(converter=shared)
        out.append(attribute)
    out.sort(key=lambda a: a.name == "extra")
    return out
