"""``citekit styles [QUERY]``: citekit's profiles and the official CSL styles, listed or searched."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from citekit.cli._common import CommandError, add_command
from citekit.styles import StyleInfo

EXAMPLES = """\
examples:
  citekit styles                   the profiles, and how many official styles there are
  citekit styles cite them right   profiles and official styles whose id or title has every word
  citekit styles --all             every official style (about 10,000 lines)
"""

HEADER = ("ID", "CLASS", "LOCALE", "TITLE")
_MAX_WIDTH = 40


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = add_command(
        commands,
        "styles",
        summary="list or search the style profiles and the official CSL styles",
        description="List citekit's style profiles (short names such as apa, with their locale and casing "
        "rules), or search them and the official CSL styles by words of their id or title. Each line gives "
        "the name to pass to --style, the style's class (in-text or note), its locale and its title.",
        examples=EXAMPLES,
    )
    parser.add_argument("query", nargs="*", metavar="QUERY", help="words to look for in style ids and titles")
    parser.add_argument("--all", action="store_true", help="list every official style")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from citekit.styles import available_styles, official_style_ids, search_styles

    query = " ".join(args.query).strip()
    if args.all and query:
        raise CommandError("give either a QUERY or --all, not both", status=2)
    profiles = _profile_rows(query)
    if args.all:
        _table([_official_row(info) for info in available_styles()])
        return 0
    if not query:
        print("Profiles (citekit's short names, with their locale and casing rules):")
        _table(profiles)
        print()
        print(
            f"{len(official_style_ids()):,} official CSL styles can be used by id too: "
            "'citekit styles QUERY' searches them, 'citekit styles --all' lists them."
        )
        return 0
    found = search_styles(query)
    if not profiles and not found:
        print(f"No style matches {query!r}.", file=sys.stderr)
        return 1
    if profiles:
        print(f"Profiles matching {query!r}:")
        _table(profiles)
    if found:
        if profiles:
            print()
        print(f"Official styles matching {query!r} ({len(found)}):")
        _table([_official_row(info) for info in found])
    return 0


def _profile_rows(query: str) -> list[tuple[str, str, str, str]]:
    """One row per profile; with a query, the profiles whose name, title or style id have every word of it."""
    from citekit.styles import load_profiles, style_info

    words = query.lower().split()
    rows = []
    for name, profile in load_profiles().items():
        haystack = f"{name} {profile.title} {profile.style}".lower()
        if all(word in haystack for word in words):
            info = style_info(profile.style)
            locale = profile.locale or info.default_locale or "-"
            rows.append((name, info.style_class, locale, f"{profile.title} (runs {profile.style})"))
    return rows


def _official_row(info: StyleInfo) -> tuple[str, str, str, str]:
    title = info.title + (f" [profile {info.profile}]" if info.profile else "")
    return (info.id, info.style_class, info.default_locale or "-", title)


def _table(rows: Sequence[tuple[str, str, str, str]]) -> None:
    """Rows in aligned columns under :data:`HEADER`; the title, last, is never cut."""
    if not rows:
        return
    # A few official ids are over 100 characters long: they overflow their column rather than widen it for all.
    widths = [min(_MAX_WIDTH, max(len(row[i]) for row in [HEADER, *rows])) for i in range(3)]
    for row in [HEADER, *rows]:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths)) + "  " + row[3])
