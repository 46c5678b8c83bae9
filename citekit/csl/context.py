"""The state of one evaluation: which item, which cite, which style context, and per-entry bookkeeping."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

import attrs

from citekit.csl.items import Item, NameKey
from citekit.csl.locale import Locale
from citekit.csl.model import Names, Style

if TYPE_CHECKING:
    from citekit.csl.compile import Emit

POSITION_FIRST = 0
POSITION_SUBSEQUENT = 1
POSITION_IBID = 2
POSITION_IBID_WITH_LOCATOR = 3


@attrs.frozen(slots=True)
class CiteInfo:
    """What one citation of an item adds: its pinpoint, number and position in the document."""

    locator: str | None = None
    label: str | None = None
    position: int = POSITION_FIRST
    near_note: bool = False
    first_reference_note_number: int | None = None
    citation_number: int | None = None


@attrs.frozen(slots=True)
class Disambiguation:
    """How far disambiguation has gone for one cite (all zero: not at all)."""

    add_names: int = 0
    # Given-name expansion by name position (the by-cite rule), and per person (the global rules).
    expanded_positions: Mapping[int, int] = attrs.field(factory=dict)
    names_expanded: Mapping[NameKey, int] = attrs.field(factory=dict)
    primary_only: bool = False
    # The *-with-initials rules: expansion stops at initials, and only where the style sets initialize-with.
    initials_only: bool = False
    year_suffix: str = ""
    condition: bool = False

    def level_for(self, key: NameKey, index: int) -> int:
        """How far to expand the given name of the name at ``index``: 0 as styled, 1 initials, 2 in full."""
        by_position = self.expanded_positions.get(index, 0)
        if self.primary_only and index > 0:
            return by_position
        return max(by_position, self.names_expanded.get(key, 0))


@attrs.define(slots=True)
class Context:
    style: Style
    locale: Locale
    macros: Mapping[str, Emit]
    # The compiled layout of the citation or bibliography, of the same specialisation as the macros.
    layout: Emit
    in_bibliography: bool
    item: Item
    cite: CiteInfo = CiteInfo()
    disambiguation: Disambiguation = Disambiguation()
    sort_mode: bool = False
    names_min: int | None = None
    names_use_first: int | None = None
    names_use_last: bool | None = None
    suppressed: set[str] = attrs.Factory(set)
    vars_called: int = 0
    vars_rendered: int = 0
    # Variables rendered while a <substitute> branch runs, so they can be suppressed afterwards.
    rendered_vars: list[str] | None = None
    # While a <substitute> runs: the <names> it belongs to, whose options shorthand <names/> inherit.
    substitute_parent: Names | None = None
    # suppress-author: the first <names> that renders is left out of this cite.
    suppress_first_names: bool = False

    def note_variable(self, name: str, rendered: bool) -> None:
        self.vars_called += 1
        if rendered:
            self.vars_rendered += 1
            if self.rendered_vars is not None:
                # Inside <substitute>: the variable is used up at once, even later in the same macro.
                self.rendered_vars.append(name)
                self.suppressed.add(name)

    def term(self, name: str, form: str = "long", plural: bool = False) -> str | None:
        return self.locale.term(name, form, plural)
