"""citekit's public functions: :func:`format_citation` and :func:`format_bibliography`."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Union

from citekit.engines import get_engine
from citekit.errors import CitekitError, RecordError
from citekit.narrative import citation_items, narrative_citation, with_group_names
from citekit.renderers import OUTPUT_FORMATS
from citekit.records import Record, from_csl
from citekit.styles import ResolvedStyle, resolve_style
from citekit.styles.profiles import LOCALE_PATTERN

if TYPE_CHECKING:
    from citekit.engines.base import Engine

MODES = ("bibliography", "citation", "narrative")
"""What :func:`format_citation` can produce: a reference-list entry, an in-text citation (a note for note styles), or
a narrative citation ("Farr (2011)", author-date styles only)."""

OUTPUTS = OUTPUT_FORMATS
"""The output formats, by name: "text", "html", "markdown", "rtf", "latex" (see docs/outputs.md)."""

CASINGS = ("style", "as-is")
"""``casing`` values: "style" applies the style profile's casing rules; "as-is" keeps the record's casing."""

LOCATOR_LABELS = (
    "act", "appendix", "article-locator", "book", "canon", "chapter", "column", "elocation", "equation", "figure",
    "folio", "issue", "line", "note", "opus", "page", "paragraph", "part", "rule", "scene", "section", "sub-verbo",
    "supplement", "table", "timestamp", "title-locator", "verse", "version", "volume",
)  # fmt: skip
"""The CSL 1.0.2 locator types, for ``label``."""

RecordLike = Union[Record, Mapping[str, Any]]
"""A citekit record, or a CSL-JSON item (validated and normalised through :func:`citekit.records.from_csl`)."""


class OptionError(CitekitError, ValueError):
    """An argument of :func:`format_citation` or :func:`format_bibliography` has a value citekit cannot use.

    The message names the argument and the value; ``argument`` and ``value`` hold them.
    """

    def __init__(self, argument: str, value: object, reason: str) -> None:
        self.argument = argument
        self.value = value
        self.reason = reason
        super().__init__(f"{argument}: {reason} (got {value!r})")


def format_citation(
    record: RecordLike | Sequence[RecordLike],
    style: str | os.PathLike[str] = "apa",
    *,
    mode: str = "bibliography",
    output: str = "text",
    locale: str | None = None,
    locator: str | None = None,
    label: str = "page",
    casing: str = "style",
    links: bool = False,
    first_use: bool = True,
    engine: str | Engine | None = None,
) -> str:
    """Format one record in ``style``.

    ``record`` is a citekit record or a CSL-JSON mapping; for ``mode="citation"`` it may also be a list of them,
    cited together as one cluster.  ``style`` is a profile short name (``"apa"``, ``"harvard"``, ``"chicago"``,
    ...), any official CSL style id, or a path to a ``.csl`` file.

    - ``mode="bibliography"`` (default): the reference-list entry.  A style that has no bibliography (or that
      leaves this item out of it) gives ``""``.
    - ``mode="citation"``: the in-text citation, or the first, full note for a note style such as ``chicago``;
      ``locator`` (with its ``label``, a CSL locator type such as ``"page"`` or ``"chapter"``) pins it to a place.
    - ``mode="narrative"``: the citation for running text, "Farr (2011)", "Farr (2011, p. 80)", by the profile's
      rules for it (APA: "Barnes and Cotterell (2011)"); one record, author-date styles only (see
      :mod:`citekit.narrative`).
    - ``output``: one of :data:`OUTPUTS`.  Text from the record is always escaped for the format.
    - ``links``: DOIs and URLs as hyperlinks in "html", "markdown", "rtf" and "latex" (default False, as in
      citeproc-js).
    - ``locale``: a locale tag such as ``"en-GB"``, overriding the profile's or the style's locale.
    - ``casing``: ``"style"``: titles recased by the profile's rules (APA and Cite Them Right sentence case,
      Chicago headline case; docs/casing.md); a style that is not a profile keeps the record's casing.
      ``"as-is"``: every string as the record has it, so the output is what the CSL style alone makes.
    - ``first_use``: whether this is the work's first citation in the text; APA defines a group author's
      abbreviation in the first ("World Health Organization [WHO]") and uses it alone after.
    - ``engine``: ``"citekit"`` (default), ``"citeproc-py"``, or an engine object.

    Raises :class:`OptionError` for a bad ``mode`` (also ``"narrative"`` with a note style), ``output``,
    ``locale``, ``locator``, ``label`` or ``casing``;
    :class:`citekit.errors.StyleNotFoundError` for an unknown style; :class:`citekit.engines.EngineNotFoundError`
    for an unknown engine; :class:`citekit.errors.RecordError` for a record citekit cannot accept.
    """
    _check_choice("mode", mode, MODES)
    _check_options(style, output=output, locale=locale, casing=casing, links=links)
    _check_choice("label", label, LOCATOR_LABELS)
    if not isinstance(first_use, bool):
        raise OptionError("first_use", first_use, "expected True or False")
    if mode == "bibliography":
        if locator is not None:
            raise OptionError("locator", locator, "a locator applies only to mode='citation'")
        if isinstance(record, (list, tuple)):
            raise RecordError(
                "record", record, "a list is a citation cluster: use mode='citation', or format_bibliography()"
            )
        records = [record]
    else:
        records = list(record) if isinstance(record, (list, tuple)) else [record]
        if not records:
            raise RecordError("record", record, "a citation cluster needs at least one record")
        if mode == "narrative" and len(records) != 1:
            raise RecordError("record", record, "a narrative citation names one work: cite a list with mode='citation'")
        locator = _check_locator(locator, len(records))
    items = _csl_items(records, "record")
    resolved, runner, effective_locale = _style_and_engine(style, locale, engine)
    items = _styled_items(items, resolved, casing, effective_locale)
    if mode == "bibliography":
        items = [with_group_names(item, "name") for item in items]
        entries = runner.bibliography(resolved, items, output=output, locale=effective_locale, **_links(links))
        return str(entries[0]) if entries else ""
    from citekit.engines.base import Cite  # here, not at the top: it loads citekit.csl

    cites = [Cite(item["id"], locator=locator, label=label if locator else None) for item in items]
    if mode == "narrative":
        return narrative_citation(
            runner, resolved, items[0], cites[0], output=output, locale=effective_locale, first_use=first_use,
            **_links(links),
        )
    items = citation_items(items, resolved, first_use=first_use)
    return str(runner.citation(resolved, items, cites, output=output, locale=effective_locale, **_links(links)))


def format_bibliography(
    records: Iterable[RecordLike],
    style: str | os.PathLike[str] = "apa",
    *,
    output: str = "text",
    locale: str | None = None,
    casing: str = "style",
    links: bool = False,
    engine: str | Engine | None = None,
) -> list[str]:
    """The bibliography (reference list) of ``records`` in ``style``: one string per entry, in the style's order.

    The arguments are those of :func:`format_citation`.  A style without a bibliography gives ``[]``.
    """
    _check_options(style, output=output, locale=locale, casing=casing, links=links)
    if isinstance(records, (str, bytes, Mapping, Record)) or not isinstance(records, Iterable):
        raise RecordError("records", records, "expected a list of records or CSL-JSON items")
    # Checking and recasing thousands of records makes as many objects as rendering them, and none in cycles:
    # the collector is paused for the whole call, as the processor pauses it for its part.  (Imported here:
    # citekit.csl is not loaded by `import citekit`.)
    from citekit.csl.gcpause import collector_paused

    with collector_paused():
        # The work is in a function of its own so that its records and items are freed before the collector
        # resumes, not walked by it.
        return _bibliography(list(records), style, output, locale, casing, links, engine)


def _bibliography(
    records: list[RecordLike],
    style: str | os.PathLike[str],
    output: str,
    locale: str | None,
    casing: str,
    links: bool,
    engine: str | Engine | None,
) -> list[str]:
    items = _csl_items(records, "records")
    resolved, runner, effective_locale = _style_and_engine(style, locale, engine)
    if not items:
        return []
    items = [with_group_names(item, "name") for item in _styled_items(items, resolved, casing, effective_locale)]
    entries = runner.bibliography(resolved, items, output=output, locale=effective_locale, **_links(links))
    return [str(entry) for entry in entries]


def _check_options(style: object, *, output: object, locale: object, casing: object, links: object = False) -> None:
    """The checks both functions share, done before any work."""
    _check_choice("output", output, OUTPUTS)
    if not isinstance(links, bool):
        raise OptionError("links", links, "expected True or False")
    _check_choice("casing", casing, CASINGS)
    if locale is not None and not (isinstance(locale, str) and LOCALE_PATTERN.fullmatch(locale)):
        raise OptionError("locale", locale, "expected a locale tag such as 'en-US' or 'de'")
    if not isinstance(style, (str, os.PathLike)):
        raise OptionError("style", style, "expected a style name, an official style id or a path to a .csl file")


def _style_and_engine(
    style: str | os.PathLike[str], locale: str | None, engine: str | Engine | None
) -> tuple[ResolvedStyle, Engine, str | None]:
    """The resolved style, the engine, and the locale to format in (the argument, else the style's)."""
    resolved = resolve_style(style)
    return resolved, get_engine(engine), locale if locale is not None else resolved.locale


def _links(links: bool) -> dict[str, bool]:
    """The engine's ``links`` argument, passed only when links are asked for, so engine objects written before
    the argument existed keep working."""
    return {"links": True} if links else {}


def _styled_items(
    items: list[dict[str, Any]], resolved: ResolvedStyle, casing: str, locale: str | None
) -> list[dict[str, Any]]:
    """The items with their titles recased by the profile's rules (casing="style"; a style that is not a profile
    has none)."""
    if casing != "style" or resolved.profile is None:
        return items
    # Imported here: the casing rules load their lexicon, which `import citekit` need not pay for.
    from citekit.casing.items import Memo, apply_casing

    memo: Memo = {}  # one per bibliography: its repeated titles are cased once
    return [apply_casing(item, resolved.profile.casing, locale=locale, memo=memo) for item in items]


def _check_choice(argument: str, value: object, allowed: tuple[str, ...]) -> None:
    if not isinstance(value, str) or value not in allowed:
        raise OptionError(argument, value, "expected one of " + ", ".join(repr(a) for a in allowed))


def _check_locator(locator: object, cluster_size: int) -> str | None:
    if locator is None:
        return None
    if isinstance(locator, int) and not isinstance(locator, bool):
        locator = str(locator)
    if not isinstance(locator, str) or not locator.strip():
        raise OptionError("locator", locator, "expected a non-empty string such as '80' or '80-82'")
    if cluster_size != 1:
        raise OptionError("locator", locator, "a locator applies to a citation of one record, not a cluster")
    return locator.strip()


def _csl_items(records: Sequence[object], argument: str) -> list[dict[str, Any]]:
    """Each record as normalised CSL-JSON, with an id unique in this call.

    Ids only tie cites to items inside one call, so a repeated id (two works whose default ids coincide, or the
    same record twice) gets a ``-2``, ``-3``... suffix.
    """
    items: list[dict[str, Any]] = []
    seen: set[str] = set()
    for obj in records:
        if type(obj) is dict or isinstance(obj, Mapping):  # JSON gives dicts: skip the ABC check for them
            obj = from_csl(obj)
        elif not isinstance(obj, Record):
            raise RecordError(argument, obj, "expected a citekit record or a CSL-JSON mapping")
        item = dict(obj.to_csl())
        base_id = item_id = str(item["id"])
        suffix = 1
        while item_id.lower() in seen:  # citeproc-py folds ids to lower case
            suffix += 1
            item_id = f"{base_id}-{suffix}"
        seen.add(item_id.lower())
        item["id"] = item_id
        items.append(item)
    return items
