"""Loading styles and locales once: parsed styles and merged locales are cached, keyed by content."""

from __future__ import annotations

import functools
import hashlib
import os
from pathlib import Path

from citekit.csl.locale import Locale, merge_locale
from citekit.csl.model import Style
from citekit.csl.parse import parse_date_part, parse_style
from citekit.errors import CSLError


@functools.lru_cache(maxsize=256)
def _parse_cached(digest: str, data: bytes, source: str) -> Style:  # noqa: ARG001 - digest is the key
    return parse_style(data, source)


def style_from_text(text: str | bytes, source: str = "style") -> Style:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return _parse_cached(hashlib.sha1(data).hexdigest(), data, source)


@functools.lru_cache(maxsize=512)
def _read_file(path: str, mtime_ns: int, size: int) -> Style:  # noqa: ARG001 - mtime/size invalidate
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise CSLError(f"cannot read the style file: {exc.strerror}", source=path) from None
    return style_from_text(data, source=os.path.basename(path))


def style_from_path(path: str | os.PathLike[str]) -> Style:
    try:
        stat = os.stat(path)
    except OSError as exc:
        raise CSLError(f"cannot read the style file: {exc.strerror}", source=str(path)) from None
    return _read_file(str(path), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=512)
def locale_for(style: Style, lang: str) -> Locale:
    return merge_locale(lang, style.locales, parse_date_part)  # type: ignore[arg-type]
