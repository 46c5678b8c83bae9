"""Citation styles: citekit's profiles, the official CSL catalog, and resolving a name to the CSL file to run.

>>> from citekit.styles import resolve_style
>>> resolve_style("harvard").style_id
'harvard-cite-them-right'
"""

from __future__ import annotations

from citekit.styles.catalog import (
    StyleInfo,
    available_styles,
    official_style_ids,
    renamed_styles,
    search_styles,
    style_info,
)
from citekit.styles.profiles import (
    TITLE_CASINGS,
    CasingRules,
    Profile,
    ProfileError,
    get_profile,
    load_profiles,
    profile_names,
)
from citekit.styles.resolve import ResolvedStyle, resolve_style

__all__ = [
    "TITLE_CASINGS",
    "CasingRules",
    "Profile",
    "ProfileError",
    "ResolvedStyle",
    "StyleInfo",
    "available_styles",
    "get_profile",
    "load_profiles",
    "official_style_ids",
    "profile_names",
    "renamed_styles",
    "resolve_style",
    "search_styles",
    "style_info",
]
