"""The boundary between citekit's API and a formatting engine.

An engine takes CSL-JSON items (already validated and normalised by :mod:`citekit.records`) and a resolved
style, and returns finished strings.  citekit's own processor and the citeproc-py baseline both sit behind it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal, Protocol

from citekit.csl.cites import Cite
from citekit.styles import ResolvedStyle

__all__ = ["CSLItem", "Cite", "Engine", "Mode"]

CSLItem = Mapping[str, Any]
Mode = Literal["bibliography", "citation"]


class Engine(Protocol):
    """What every engine offers.  ``output`` is a renderer name ("text", "html", ...); ``links`` asks for DOIs and
    URLs as hyperlinks (the API passes it only when it is True, so engines without it still work)."""

    name: str

    def bibliography(
        self,
        style: ResolvedStyle,
        items: Sequence[CSLItem],
        *,
        output: str,
        locale: str | None,
        links: bool = False,
    ) -> list[str]:
        """Bibliography entries for ``items``, in the style's order."""
        ...

    def citation(
        self,
        style: ResolvedStyle,
        items: Sequence[CSLItem],
        cites: Sequence[Cite],
        *,
        output: str,
        locale: str | None,
        links: bool = False,
    ) -> str:
        """One citation cluster (or note, for note styles) citing ``cites`` out of ``items``."""
        ...
