"""A cache on disk of parsed styles, merged locales and the style profiles, so that a fresh process need not parse
apa.csl again.

Parsing a style and merging its locale is about a tenth of a cold start (and needs lxml, which a cache hit never
imports; the profiles need the TOML parser); reading them back is cheaper.  The cache is only ever a shortcut:

- Every entry is keyed by a 256-bit BLAKE2b digest of what it was made from: the style file's bytes (a locale
  entry: the style's key, the language and the bytes of the locale files merged; the profiles: every profile
  file), and the source of the modules whose objects are stored (:data:`_CODE`), so an upgrade or an edited
  checkout never reads an entry written by other code.
- An entry is written to a temporary file and renamed into place, so a reader never sees half of one.
- An entry that cannot be read, does not unpickle, or holds something else than its key says is ignored (and
  removed): the style is parsed as if there were no cache.  No cache problem ever reaches the caller.
- Where: ``$CITEKIT_CACHE_DIR``, else ``$XDG_CACHE_HOME/citekit``, else ``~/.cache/citekit`` (on Windows
  ``%LOCALAPPDATA%\\citekit\\Cache``).  ``CITEKIT_NO_CACHE=1`` turns it off.  A folder that another user owns, or
  that others may write to, is not used: entries are pickles, and a pickle runs code when it is read.
- At most :data:`MAX_ENTRIES` entries: writing one more removes the oldest.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Protocol, TypeVar

if TYPE_CHECKING:
    import pickle

T = TypeVar("T")

ENV_DIR = "CITEKIT_CACHE_DIR"
ENV_OFF = "CITEKIT_NO_CACHE"
MAX_ENTRIES = 256
_FORMAT = b"citekit-disk-cache 1"
_SUFFIX = ".pickle"
# The modules whose classes are pickled, or whose code decides what is: parsing, the model, locales, profiles.
_CODE = (
    "csl/model", "csl/parse", "csl/locale", "csl/numbers", "csl/textcase", "csl/xmlsafe", "csl/styles_cache",
    "csl/disk_cache", "styles/profiles",
)  # fmt: skip


def enabled() -> bool:
    return os.environ.get(ENV_OFF, "") in ("", "0")


def cache_dir() -> Path | None:
    """The cache folder (which may not exist yet), or None when the cache is turned off."""
    if not enabled():
        return None
    explicit = os.environ.get(ENV_DIR)
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg and os.path.isabs(xdg):
        return Path(xdg) / "citekit"
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "citekit" / "Cache"
    return Path.home() / ".cache" / "citekit"


try:
    # CPython's built-in BLAKE2: `import hashlib` loads OpenSSL, 2.5 ms of every cold start.
    from _blake2 import blake2b as _blake2b
except ImportError:  # another Python: the same function through hashlib
    from hashlib import blake2b as _blake2b


class Digest(Protocol):
    def update(self, data: bytes, /) -> None: ...
    def digest(self) -> bytes: ...
    def hexdigest(self) -> str: ...


def new_digest(data: bytes = b"") -> Digest:
    """A 256-bit BLAKE2b digest object (``update``, ``digest``, ``hexdigest``) started with ``data``: the hash of
    every cache key, in memory and on disk."""
    return _blake2b(data, digest_size=32)


@functools.lru_cache(maxsize=1)
def _code_digest() -> bytes | None:
    """A digest of the code that makes the cached objects, or None (no cache) when its source cannot be read."""
    digest = new_digest(_FORMAT)
    digest.update(f"{sys.implementation.cache_tag} {sys.version}".encode())
    package = Path(__file__).parent.parent
    # The classes are attrs classes, whose pickled state is attrs' to define: its installed copy counts too (by
    # stat: attrs.__version__ would import importlib.metadata, slower than parsing the style).
    import attr

    try:
        for name in _CODE:
            digest.update((package / f"{name}.py").read_bytes())
        installed = os.stat(attr.__file__)
    except (OSError, TypeError):
        return None
    digest.update(f"{installed.st_size} {installed.st_mtime_ns}".encode())
    return digest.digest()


def key(kind: str, parts: Iterable[bytes]) -> str | None:
    """The key of an entry of ``kind`` made from ``parts``, or None when the cache is off."""
    code = _code_digest() if enabled() else None
    if code is None:
        return None
    digest = new_digest(code)
    for part in parts:
        digest.update(len(part).to_bytes(8, "big"))  # so that ("ab", "c") and ("a", "bc") differ
        digest.update(part)
    return f"{kind}-{digest.hexdigest()}"


def load(entry: str, expected: type[T]) -> T | None:
    """The cached object of ``entry`` if there is a sound one, else None."""
    folder = _usable_dir()
    if folder is None:
        return None
    path = folder / (entry + _SUFFIX)
    try:
        data = path.read_bytes()
    except OSError:
        return None
    try:
        import pickle

        tag, stored_key, value = pickle.loads(data)
        if tag == _FORMAT and stored_key == entry and isinstance(value, expected):
            return value
    except Exception:  # noqa: BLE001 - a damaged entry can fail in any way; it is only a missed shortcut
        pass
    _remove(path)
    return None


def store(entry: str, value: object) -> None:
    """Write ``value`` as ``entry``; any failure leaves the cache as it was."""
    folder = _usable_dir(create=True)
    if folder is None:
        return
    import tempfile

    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=_SUFFIX)
        with os.fdopen(fd, "wb") as fh:
            _pickler(fh).dump((_FORMAT, entry, value))
        os.replace(tmp, folder / (entry + _SUFFIX))
        tmp = None
        _trim(folder)
    except Exception:  # noqa: BLE001 - a full disk or an unpicklable value costs the shortcut, not the result
        pass
    finally:
        if tmp is not None:
            _remove(Path(tmp))


def _pickler(fh: BinaryIO) -> pickle.Pickler:
    import pickle

    import attrs

    def by_init(cls: type) -> bool:
        # An attrs class whose __init__ only stores its arguments, and that pickles the usual way.
        return (
            attrs.has(cls)
            and cls.__reduce_ex__ is object.__reduce_ex__
            and not hasattr(cls, "__attrs_pre_init__")
            and not hasattr(cls, "__attrs_post_init__")
            and all(f.init and not f.kw_only and f.converter is None and f.validator is None for f in attrs.fields(cls))
        )

    known: dict[type, bool] = {}

    class Pickler(pickle.Pickler):
        # Such an object is stored as its class and field values, and read back through its __init__: the same
        # object, a smaller entry, and a fresh process reads apa.csl's model back in 4 ms instead of 7 (attrs' pickling
        # stores a dict of field names per object and sets them one by one).
        def reducer_override(self, obj: Any) -> Any:
            cls = type(obj)
            if cls not in known:
                known[cls] = by_init(cls)
            if not known[cls]:
                return NotImplemented
            return cls, tuple(getattr(obj, f.name) for f in attrs.fields(cls))

    return Pickler(fh, protocol=pickle.HIGHEST_PROTOCOL)


def _usable_dir(create: bool = False) -> Path | None:
    folder = cache_dir()
    if folder is None:
        return None
    try:
        if create:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = folder.stat()
    except OSError:
        return None
    # Pickles run code when read: only from a folder of this user's own that no one else may write to (not, say,
    # /tmp itself, where anyone could leave an entry under a name they can work out).
    if hasattr(os, "getuid") and (info.st_uid != os.getuid() or info.st_mode & 0o022):
        return None
    return folder


def _trim(folder: Path) -> None:
    entries = [p for p in folder.iterdir() if p.suffix == _SUFFIX and not p.name.startswith(".")]
    if len(entries) <= MAX_ENTRIES:
        return
    entries.sort(key=lambda p: p.stat().st_mtime_ns)
    for path in entries[: len(entries) - MAX_ENTRIES]:
        _remove(path)


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass


def clear() -> int:
    """Remove every entry; the number removed."""
    folder = _usable_dir()
    if folder is None:
        return 0
    removed = 0
    for path in folder.iterdir():
        if path.suffix == _SUFFIX:
            _remove(path)
            removed += 1
    return removed
