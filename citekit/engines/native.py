"""citekit's own CSL processor behind the engine boundary (the default engine)."""

from __future__ import annotations

from collections.abc import Sequence

from citekit.csl.cites import Cite, Cluster
from citekit.csl.processor import Processor
from citekit.engines.base import CSLItem
from citekit.styles import ResolvedStyle


class CitekitEngine:
    """Formats with :class:`citekit.csl.Processor`; parsed styles and merged locales are cached there."""

    name = "citekit"

    def _processor(self, style: ResolvedStyle, locale: str | None) -> Processor:
        return Processor(style.path, locale=locale or style.locale)

    def bibliography(
        self,
        style: ResolvedStyle,
        items: Sequence[CSLItem],
        *,
        output: str,
        locale: str | None,
        links: bool = False,
    ) -> list[str]:
        entries = self._processor(style, locale).bibliography(items, output=output, links=links)
        return [entry.strip() for entry in entries]

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
        processor = self._processor(style, locale)
        return processor.citations(items, [Cluster(cites=tuple(cites))], output=output, links=links)[0].strip()
