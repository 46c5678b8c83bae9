"""Style profiles: citekit's short names (``apa``, ``harvard``, ...) for official CSL styles.

A profile is a small TOML file, one per short name, in the checkout's top-level ``styles/`` folder; the wheel
carries the same files as ``citekit/_profiles``.  Each names the official style it runs, the locale citekit uses
with it and the casing rules of its titles::

    style = "apa"                  # official CSL id (required)
    locale = "en-US"               # optional: the locale to format in (else the style's own default)
    title = "APA Style 7th edition"
    description = "One line about the style."

    [casing]                       # optional: how citekit recases titles with casing="style" (docs/casing.md)
    titles = "sentence"            # "sentence", "title" or "as-is"
    capitalize_subtitles = true    # optional, default false
    periodical_titles = "as-is"    # optional, default: the same rule as titles
    series_titles = "as-is"        # optional (collection-title), default: the same rule as titles

    [narrative]                    # optional: narrative citations, mode="narrative"
    and = "text"                   # "text": "and" between the last two names; "style" (default): as the style
    group_abbreviations = true     # "Name [ABBR]" group authors: the abbreviation defined on first use (APA)

The files are read strictly: an unknown key or a value of the wrong type raises :class:`ProfileError`, naming the
file and the key.
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import attrs

from citekit._resources import resource
from citekit.errors import CitekitError

if TYPE_CHECKING:
    if sys.version_info >= (3, 11):
        from importlib.resources.abc import Traversable
    else:
        from importlib.abc import Traversable

TITLE_CASINGS = ("sentence", "title", "as-is")
"""The casing rules a profile may ask for: sentence case, headline (title) case, or the record's own casing."""

LOCALE_PATTERN = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")
"""What a locale tag must look like (``en``, ``en-US``, ``sr-Latn-RS``)."""


class ProfileError(CitekitError):
    """A style profile file is broken: not TOML, an unknown key, or a value of the wrong type."""

    def __init__(self, file: str, key: str | None, reason: str) -> None:
        self.file = file
        self.key = key
        self.reason = reason
        where = f"{file}: {key}" if key else file
        super().__init__(f"{where}: {reason}")


@attrs.frozen
class CasingRules:
    """How a profile cases titles.  None for ``periodical_titles`` or ``series_titles``: the same rule as ``titles``."""

    titles: str = "as-is"
    capitalize_subtitles: bool = False
    periodical_titles: str | None = None
    series_titles: str | None = None


NARRATIVE_ANDS = ("text", "style")
"""How a narrative citation joins the last two names: the locale's word "and", or as the style's citations do."""


@attrs.frozen
class NarrativeRules:
    """A profile's rules for narrative citations ("Farr (2011)")."""

    and_: str = "style"
    group_abbreviations: bool = False


@attrs.frozen
class Profile:
    """One style profile, as read from ``<name>.toml``."""

    name: str
    style: str
    title: str
    description: str
    locale: str | None = None
    casing: CasingRules = CasingRules()
    narrative: NarrativeRules = NarrativeRules()


def profiles_dir() -> Traversable:
    """Where the profiles are: ``citekit/_profiles`` when installed, else the checkout's ``styles/`` folder."""
    installed = resource("citekit", "_profiles")
    if installed.is_dir():
        return installed
    package = Path(__file__).resolve().parent.parent  # the citekit package directory
    checkout = package.parent
    if (checkout / "styles").is_dir() and (checkout / "pyproject.toml").is_file():
        return checkout / "styles"
    raise CitekitError(
        f"citekit's style profiles are missing: looked in {installed} and {checkout / 'styles'}"
    )


@functools.lru_cache(maxsize=1)
def load_profiles() -> Mapping[str, Profile]:
    """Every profile, by short name (read once, then cached; across processes in the disk cache, which spares a
    cold start the TOML parser)."""
    from citekit.csl import disk_cache

    files = {e.name[: -len(".toml")]: e for e in profiles_dir().iterdir() if e.name.endswith(".toml") and e.is_file()}
    texts = {name: files[name].read_bytes() for name in sorted(files)}
    key = disk_cache.key("profiles", [part for name, text in texts.items() for part in (name.encode(), text)])
    cached = disk_cache.load(key, dict) if key else None
    if cached is not None and all(isinstance(p, Profile) for p in cached.values()):
        return MappingProxyType(cached)
    found = {
        name: parse_profile(name, files[name].read_text(encoding="utf-8"), source=str(files[name])) for name in texts
    }
    if key:
        disk_cache.store(key, found)
    return MappingProxyType(found)


def get_profile(name: str) -> Profile | None:
    """The profile called ``name``, or None."""
    return load_profiles().get(name)


def profile_names() -> tuple[str, ...]:
    """The short names of every profile, sorted."""
    return tuple(load_profiles())


_TOP_KEYS = {"style": str, "locale": str, "title": str, "description": str, "casing": dict, "narrative": dict}
_REQUIRED = ("style", "title", "description")
_CASING_KEYS = {"titles": str, "capitalize_subtitles": bool, "periodical_titles": str, "series_titles": str}
_NARRATIVE_KEYS = {"and": str, "group_abbreviations": bool}


def parse_profile(name: str, text: str, *, source: str) -> Profile:
    """Read one profile's TOML text strictly; ``source`` names the file in error messages."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(source, None, f"not valid TOML: {exc}") from None
    _check_table(data, _TOP_KEYS, source, prefix="")
    for key in _REQUIRED:
        if key not in data:
            raise ProfileError(source, key, "missing (every profile needs style, title and description)")
        if not data[key].strip():
            raise ProfileError(source, key, "must not be empty")
    locale = data.get("locale")
    if locale is not None and not LOCALE_PATTERN.fullmatch(locale):
        raise ProfileError(source, "locale", f"not a locale tag such as 'en-US' (got {locale!r})")
    casing_table: dict[str, Any] = data.get("casing", {})
    _check_table(casing_table, _CASING_KEYS, source, prefix="casing.")
    for key in ("titles", "periodical_titles", "series_titles"):
        _check_value(casing_table, key, TITLE_CASINGS, source, prefix="casing.")
    narrative_table: dict[str, Any] = data.get("narrative", {})
    _check_table(narrative_table, _NARRATIVE_KEYS, source, prefix="narrative.")
    _check_value(narrative_table, "and", NARRATIVE_ANDS, source, prefix="narrative.")
    return Profile(
        name=name,
        style=data["style"].strip(),
        title=data["title"].strip(),
        description=data["description"].strip(),
        locale=locale,
        casing=CasingRules(**casing_table),
        narrative=NarrativeRules(
            and_=narrative_table.get("and", "style"),
            group_abbreviations=narrative_table.get("group_abbreviations", False),
        ),
    )


def _check_value(table: Mapping[str, Any], key: str, allowed: tuple[str, ...], source: str, *, prefix: str) -> None:
    value = table.get(key)
    if value is not None and value not in allowed:
        choices = ", ".join(repr(c) for c in allowed)
        raise ProfileError(source, prefix + key, f"must be one of {choices} (got {value!r})")


def _check_table(table: Mapping[str, Any], schema: Mapping[str, type], source: str, *, prefix: str) -> None:
    for key, value in table.items():
        expected = schema.get(key)
        if expected is None:
            known = ", ".join(prefix + k for k in schema)
            raise ProfileError(source, prefix + key, f"unknown key (known keys: {known})")
        if not isinstance(value, expected):
            kind = {str: "a string", bool: "true or false", dict: "a table"}[expected]
            raise ProfileError(source, prefix + key, f"must be {kind} (got {value!r})")
