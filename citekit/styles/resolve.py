"""From what a caller asked for (a profile, an official id, a ``.csl`` file) to the CSL file to run."""

from __future__ import annotations

import os
from pathlib import Path

import attrs

from citekit.errors import CSLError, StyleNotFoundError
from citekit.styles.catalog import official_style_file, renamed_styles, suggest
from citekit.styles.head import read_head, short_id
from citekit.styles.profiles import Profile, ProfileError, get_profile


@attrs.frozen
class ResolvedStyle:
    """A style ready to run.

    ``path`` is the independent CSL file to run: for a dependent style, its parent's file (``style_id`` is then the
    parent's id and ``dependent_id`` the dependent's).  ``locale`` is the profile's locale, else a dependent
    style's own ``default-locale``, else None: the style's own default.
    """

    name: str
    style_id: str
    path: Path
    locale: str | None = None
    profile: Profile | None = None
    dependent_id: str | None = None


def resolve_style(style: str | os.PathLike[str]) -> ResolvedStyle:
    """Resolve a profile short name, an official style id (independent or dependent), or a path to a CSL file.

    Names are matched case-insensitively, in that order: profile, official id, renamed official id (an old id
    such as ``vancouver-brackets``), then a path to a file.  Raises :class:`StyleNotFoundError` (with up to three
    close names) when nothing matches, and :class:`CSLError` when a file is not a readable CSL style.
    """
    if isinstance(style, os.PathLike):
        return _resolve_file(Path(style), os.fspath(style))
    if not isinstance(style, str):
        raise TypeError(f"style: expected a style name or a path to a .csl file (got {style!r})")
    key = short_id(style.strip()).lower()
    profile = get_profile(key)
    if profile is not None:
        try:
            resolved = _resolve_official(profile.style, style)
        except StyleNotFoundError:
            raise ProfileError(f"{profile.name}.toml", "style", f"no official style {profile.style!r}") from None
        return attrs.evolve(resolved, locale=profile.locale or resolved.locale, profile=profile)
    if official_style_file(key) is not None:
        return _resolve_official(key, style)
    if key in renamed_styles():
        return _resolve_official(renamed_styles()[key], style)
    looks_like_path = style.endswith((".csl", ".xml")) or "/" in style or os.sep in style
    path = Path(style).expanduser()
    if (looks_like_path or path.suffix) and path.is_file():
        return _resolve_file(path, style)
    raise StyleNotFoundError(style, () if looks_like_path else suggest(style))


def _resolve_official(style_id: str, name: str) -> ResolvedStyle:
    entry = official_style_file(style_id)
    if entry is None:
        raise StyleNotFoundError(style_id, suggest(style_id))
    path, dependent = entry
    if not dependent:
        return ResolvedStyle(name=name, style_id=style_id, path=path)
    return _with_parent(name, path, style_id)


def _resolve_file(path: Path, name: str) -> ResolvedStyle:
    if not path.is_file():
        raise StyleNotFoundError(name)
    path = path.resolve()
    head = read_head(path)
    own_id = short_id(head.id) if head.id else path.stem
    if head.parent is None:
        return ResolvedStyle(name=name, style_id=own_id, path=path)
    return _with_parent(name, path, own_id)


def _with_parent(name: str, path: Path, dependent_id: str) -> ResolvedStyle:
    """A dependent style: run its independent parent, in the dependent's own default locale."""
    head = read_head(path)
    if head.parent is None:
        raise CSLError("a dependent style needs a <link rel=\"independent-parent\">", source=str(path))
    parent = official_style_file(head.parent)
    if parent is None or parent[1]:
        raise StyleNotFoundError(head.parent, suggest(head.parent))
    return ResolvedStyle(
        name=name, style_id=head.parent, path=parent[0], locale=head.default_locale, dependent_id=dependent_id
    )
