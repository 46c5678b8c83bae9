"""The citeproc-py baseline engine: citeproc-py's output, as it is.

citekit exists because citeproc-py's output differs from the manuals and citeproc-js in places; this engine keeps
it selectable (``engine="citeproc-py"``) so the two can be compared.  It does not correct citeproc-py's formatting.
"""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Sequence
from typing import Any

from citekit.engines.base import Cite, CSLItem
from citekit.errors import CitekitError
from citekit.styles import ResolvedStyle

_FORMATTERS = {"text": "plain", "html": "html"}


class CiteprocPyEngine:
    """Formats with citeproc-py (``CitationStylesStyle`` + ``CitationStylesBibliography``)."""

    name = "citeproc-py"

    def __init__(self) -> None:
        # citeproc-py keeps rendering state on the parsed style (its formatter, for one), so one call at a time.
        self._lock = threading.Lock()

    def bibliography(
        self,
        style: ResolvedStyle,
        items: Sequence[CSLItem],
        *,
        output: str,
        locale: str | None,
        links: bool = False,
    ) -> list[str]:
        from citeproc import Citation, CitationItem, CitationStylesBibliography

        formatter = _formatter(output, links)
        with self._lock:
            csl_style = _load_style(style, locale)
            if not csl_style.has_bibliography():
                return []
            bibliography = CitationStylesBibliography(csl_style, _source(items), formatter)
            for item in items:
                bibliography.register(Citation([CitationItem(str(item["id"]))]))
            bibliography.sort()
            return [str(entry) for entry in bibliography.bibliography()]

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
        from citeproc import Citation, CitationItem, CitationStylesBibliography, Locator

        formatter = _formatter(output, links)
        citation_items = []
        for cite in cites:
            if cite.suppress_author or cite.author_only:
                raise CitekitError("the citeproc-py engine cannot suppress the author or cite the author only")
            options: dict[str, Any] = {}
            if cite.locator is not None:
                options["locator"] = Locator(cite.label or "page", cite.locator)
            if cite.prefix is not None:
                options["prefix"] = cite.prefix
            if cite.suffix is not None:
                options["suffix"] = cite.suffix
            citation_items.append(CitationItem(cite.id, **options))
        with self._lock:
            csl_style = _load_style(style, locale)
            bibliography = CitationStylesBibliography(csl_style, _source(items), formatter)
            citation = Citation(citation_items)
            bibliography.register(citation)
            return str(bibliography.cite(citation, _ignore))


def _formatter(output: str, links: bool = False) -> Any:
    if output not in _FORMATTERS:
        known = ", ".join(repr(o) for o in _FORMATTERS)
        raise CitekitError(f"output: the citeproc-py engine renders only {known} (got {output!r})")
    if links:
        raise CitekitError("links: the citeproc-py engine does not make links (use the default engine)")
    from citeproc import formatter

    return getattr(formatter, _FORMATTERS[output])


def _source(items: Sequence[CSLItem]) -> Any:
    """The items as citeproc-py's CSL-JSON source, without citekit's own namespaced extras (``citekit:...``),
    which are not CSL variables."""
    from citeproc.source.json import CiteProcJSON

    return CiteProcJSON([{k: v for k, v in item.items() if ":" not in k} for item in items])


def _load_style(style: ResolvedStyle, locale: str | None) -> Any:
    """The parsed style, in ``locale`` (None: the resolved style's locale, else the style's own default)."""
    path = str(style.path)
    return _parse_style(path, locale if locale is not None else style.locale, os.stat(path).st_mtime_ns)


@functools.lru_cache(maxsize=32)
def _parse_style(path: str, locale: str | None, mtime_ns: int) -> Any:  # noqa: ARG001 - mtime: the cache key
    from citeproc import CitationStylesStyle

    return CitationStylesStyle(path, locale=locale, validate=False)


def _ignore(item: object) -> None:
    """citeproc-py's callback for a cite whose item is missing: citekit never passes one."""
