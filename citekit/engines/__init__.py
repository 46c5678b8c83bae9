"""Formatting engines, by name.

``"citekit"`` (the default) is citekit's own CSL processor; ``"citeproc-py"`` is the citeproc-py baseline.  An
engine's module is imported the first time the engine is asked for, and one instance per name is kept.
"""

from __future__ import annotations

import functools
import importlib
from typing import TYPE_CHECKING

from citekit.errors import CitekitError

if TYPE_CHECKING:  # the protocol's module imports citekit.csl: keep `import citekit` from loading it
    from citekit.engines.base import Engine

DEFAULT_ENGINE = "citekit"

_ENGINES: dict[str, tuple[str, str]] = {
    "citekit": ("citekit.engines.native", "CitekitEngine"),
    "citeproc-py": ("citekit.engines.citeproc_py", "CiteprocPyEngine"),
}


class EngineNotFoundError(CitekitError, LookupError):
    """No engine has the name that was asked for (or the engine's module is not there)."""

    def __init__(self, name: object, reason: str | None = None) -> None:
        self.name = name
        known = ", ".join(repr(n) for n in _ENGINES)
        super().__init__(f"engine: {reason or 'no engine named ' + repr(name)}; the engines are {known}")


def engine_names() -> tuple[str, ...]:
    """The names :func:`get_engine` accepts, the default first."""
    return tuple(_ENGINES)


def get_engine(engine: str | Engine | None = None) -> Engine:
    """The engine called ``engine`` (None: the default, ``"citekit"``); an :class:`Engine` object is returned as is."""
    if engine is None:
        engine = DEFAULT_ENGINE
    if isinstance(engine, str):
        if engine not in _ENGINES:
            raise EngineNotFoundError(engine)
        return _instance(engine)
    if all(hasattr(engine, attr) for attr in ("name", "bibliography", "citation")):
        return engine
    raise EngineNotFoundError(engine, f"expected an engine name or an Engine object (got {engine!r})")


@functools.lru_cache(maxsize=None)
def _instance(name: str) -> Engine:
    module_name, class_name = _ENGINES[name]
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name != module_name:
            raise  # the engine is there but something it imports is not: show that, not a lookup failure
        raise EngineNotFoundError(name, f"the {name!r} engine's module {module_name} is not available") from None
    engine: Engine = getattr(module, class_name)()
    return engine


__all__ = ["DEFAULT_ENGINE", "EngineNotFoundError", "engine_names", "get_engine"]
