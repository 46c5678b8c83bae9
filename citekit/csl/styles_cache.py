"""Loading styles and locales once: parsed styles and merged locales are cached, keyed by content.

A style or locale not yet in memory is read from the disk cache (:mod:`citekit.csl.disk_cache`) when a sound
entry is there, so a fresh process need not parse it; one that had to be parsed is written there.

Safe under threads: each cache computes a key once even when many threads ask for it at the same moment (the others
wait for that result instead of parsing the same style again), and every cached value is immutable.
:func:`clear_caches` empties them all (tests use it to start from a cold cache).
"""

from __future__ import annotations

import os
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar

from citekit.csl import disk_cache
from citekit.csl import locale as _locale
from citekit.csl.locale import Locale, locale_files, merge_locale
from citekit.csl.model import DatePart, Style
from citekit.csl.xmlsafe import MAX_BYTES
from citekit.errors import CSLError

if TYPE_CHECKING:
    from lxml import etree

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class _OnceCache(Generic[K, V]):
    """A bounded least-recently-used cache that computes each key once, whatever the number of threads.

    ``functools.lru_cache`` is thread-safe but lets every thread that misses compute the value itself: eight
    threads starting on a cold cache would parse the same 200 kB style eight times.  Here the first thread computes
    under the key's own lock and the others wait for it; different keys are computed in parallel.  A failure is not
    cached (the next call raises it again, from a fresh attempt).
    """

    def __init__(self, maxsize: int) -> None:
        self._maxsize = maxsize
        self._values: OrderedDict[K, V] = OrderedDict()
        self._key_locks: dict[K, threading.Lock] = {}
        self._lock = threading.Lock()

    def get(self, key: K, compute: Callable[[], V]) -> V:
        with self._lock:
            if key in self._values:
                self._values.move_to_end(key)
                return self._values[key]
            key_lock = self._key_locks.setdefault(key, threading.Lock())
        with key_lock:
            with self._lock:
                if key in self._values:  # another thread computed it while this one waited
                    return self._values[key]
            try:
                value = compute()
            except BaseException:
                with self._lock:
                    self._key_locks.pop(key, None)
                raise
            with self._lock:
                # Stored before the key's lock is dropped, so a thread arriving now finds the value.
                self._values[key] = value
                self._key_locks.pop(key, None)
                while len(self._values) > self._maxsize:
                    self._values.popitem(last=False)
            return value

    def clear(self) -> None:
        with self._lock:
            self._values.clear()


# Keyed by the text's digest, not the text: a cache key keeps its bytes alive, and styles can be megabytes.
_styles: _OnceCache[tuple[str, str], Style] = _OnceCache(256)
_files: _OnceCache[tuple[str, int, int], Style] = _OnceCache(512)
# Style has eq=False, so a style is its own key by identity (and the key keeps it alive).
_locales: _OnceCache[tuple[Style, str], Locale] = _OnceCache(512)
# Each style's disk-cache key, which its locales' keys start from (weak: a style forgotten above goes from here too).
_disk_keys: weakref.WeakKeyDictionary[Style, str] = weakref.WeakKeyDictionary()
_disk_keys_lock = threading.Lock()


def parse_style(data: bytes | str, source: str = "style") -> Style:
    # Imported on first use: parsing needs lxml, which a process served from the disk cache never imports.
    from citekit.csl.parse import parse_style

    return parse_style(data, source)


def parse_date_part(el: etree._Element) -> DatePart:
    from citekit.csl.parse import parse_date_part

    return parse_date_part(el)


def style_from_text(text: str | bytes, source: str = "style") -> Style:
    data = text.encode("utf-8") if isinstance(text, str) else text
    _check_size(len(data), source)  # before hashing a file that will be refused anyway
    return _styles.get((disk_cache.new_digest(data).hexdigest(), source), lambda: _load_or_parse(data, source))


def _load_or_parse(data: bytes, source: str) -> Style:
    entry = disk_cache.key("style", (source.encode("utf-8"), data))
    style = disk_cache.load(entry, Style) if entry else None
    if style is None:
        style = parse_style(data, source)  # a style that does not parse raises here, and is never stored
        if entry:
            disk_cache.store(entry, style)
    if entry:
        with _disk_keys_lock:
            _disk_keys[style] = entry
    return style


def style_from_path(path: str | os.PathLike[str]) -> Style:
    try:
        stat = os.stat(path)
    except OSError as exc:
        raise CSLError(f"cannot read the style file: {exc.strerror}", source=str(path)) from None
    # The size from stat is checked before reading, so a 50 MB file is refused without being loaded.
    _check_size(stat.st_size, str(path))
    key = (str(path), stat.st_mtime_ns, stat.st_size)  # an edited file is read again
    return _files.get(key, lambda: _read_file(str(path)))


def _read_file(path: str) -> Style:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise CSLError(f"cannot read the style file: {exc.strerror}", source=path) from None
    return style_from_text(data, source=os.path.basename(path))


def _check_size(size: int, source: str) -> None:
    if size > MAX_BYTES:
        raise CSLError(f"file is {size} bytes, more than the {MAX_BYTES} a style may have", source=source)


def locale_for(style: Style, lang: str) -> Locale:
    return _locales.get((style, lang), lambda: _load_or_merge(style, lang))


def _load_or_merge(style: Style, lang: str) -> Locale:
    with _disk_keys_lock:
        style_entry = _disk_keys.get(style)
    entry = None
    if style_entry is not None:
        try:
            parts = [style_entry.encode(), lang.encode("utf-8")]
            for path in locale_files(lang):
                parts += [path.name.encode("utf-8"), path.read_bytes()]
            entry = disk_cache.key("locale", parts)
        except (OSError, CSLError):
            entry = None  # merging reports a missing or unreadable locale file in its own words
    locale = disk_cache.load(entry, Locale) if entry else None
    if locale is None:
        locale = merge_locale(lang, style.locales, parse_date_part)  # type: ignore[arg-type]
        if entry:
            disk_cache.store(entry, locale)
    return locale


def clear_caches() -> None:
    """Forget every parsed style, style file, merged locale and parsed locale file (the next use reads them again).

    For tests that need a cold start, and for a long-running program whose style files changed in a way the
    modification time does not show.
    """
    _styles.clear()
    _files.clear()
    _locales.clear()
    with _locale._file_lock:
        _locale._file_cache.clear()
