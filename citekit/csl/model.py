"""The typed model of a CSL style: one attrs class per rendering element, every default written here once.

A style is parsed once (see :mod:`citekit.csl.parse`) into these objects; evaluation walks them and never looks
at XML again.  Name options that CSL lets ``<style>``, ``<citation>``, ``<bibliography>`` and ``<names>`` inherit
are resolved while parsing, so each ``Names`` element carries the options that apply to it.
"""

from __future__ import annotations

from typing import Any, SupportsIndex, Union

import attrs


@attrs.frozen(slots=True)
class Formatting:
    """Affixes, decorations and the other attributes most rendering elements share."""

    prefix: str = ""
    suffix: str = ""
    font_style: str | None = None
    font_variant: str | None = None
    font_weight: str | None = None
    text_decoration: str | None = None
    vertical_align: str | None = None
    display: str | None = None
    quotes: bool = False
    strip_periods: bool = False
    text_case: str | None = None

    @property
    def has_decorations(self) -> bool:
        return bool(
            self.font_style
            or self.font_variant
            or self.font_weight
            or self.text_decoration
            or self.vertical_align
        )

    def __reduce_ex__(self, protocol: SupportsIndex) -> str | tuple[Any, ...]:
        # PLAIN is tested by identity (citekit.csl.formatting): a style read back from the disk cache must hold
        # the one PLAIN, not an equal copy, so it is pickled by name.
        if self is PLAIN:
            return "PLAIN"
        return super().__reduce_ex__(protocol)


PLAIN = Formatting()


@attrs.frozen(slots=True)
class NameOptions:
    """The inheritable name options, resolved for one ``<names>`` element."""

    and_: str | None = None
    delimiter: str = ", "
    delimiter_precedes_et_al: str = "contextual"
    delimiter_precedes_last: str = "contextual"
    et_al_min: int | None = None
    et_al_use_first: int | None = None
    et_al_use_last: bool = False
    et_al_subsequent_min: int | None = None
    et_al_subsequent_use_first: int | None = None
    form: str = "long"
    initialize: bool = True
    initialize_with: str | None = None
    name_as_sort_order: str | None = None
    sort_separator: str = ", "
    # From the style: how particles and hyphenated initials behave.
    demote_non_dropping_particle: str = "display-and-sort"
    initialize_with_hyphen: bool = True


@attrs.frozen(slots=True)
class NamePart:
    name: str  # "given" or "family"
    fmt: Formatting = PLAIN


@attrs.frozen(slots=True)
class Name:
    """``<name>``: how each name is written, plus its own affixes and decorations."""

    options: NameOptions
    fmt: Formatting = PLAIN
    parts: tuple[NamePart, ...] = ()


@attrs.frozen(slots=True)
class EtAl:
    term: str = "et-al"
    fmt: Formatting = PLAIN


@attrs.frozen(slots=True)
class Label:
    """``<label>``: the term for a variable (page, locator, editor...)."""

    variable: str | None = None
    form: str = "long"
    plural: str = "contextual"
    fmt: Formatting = PLAIN


@attrs.frozen(slots=True)
class Text:
    """``<text>``: exactly one of variable, macro, term or value is set."""

    variable: str | None = None
    macro: str | None = None
    term: str | None = None
    value: str | None = None
    form: str = "long"
    plural: bool = False
    fmt: Formatting = PLAIN


@attrs.frozen(slots=True)
class Number:
    variable: str
    form: str = "numeric"
    fmt: Formatting = PLAIN


@attrs.frozen(slots=True)
class DatePart:
    name: str  # "year", "month" or "day"
    form: str | None = None
    range_delimiter: str | None = None
    fmt: Formatting = PLAIN


@attrs.frozen(slots=True)
class Date:
    variable: str
    form: str | None = None  # "text" or "numeric" for a localised date
    date_parts: str = "year-month-day"
    parts: tuple[DatePart, ...] = ()
    delimiter: str = ""
    fmt: Formatting = PLAIN


@attrs.frozen(slots=True)
class Names:
    variables: tuple[str, ...]
    name: Name
    et_al: EtAl | None = None
    label: Label | None = None
    label_before_name: bool = False
    substitute: tuple[Element, ...] | None = None
    delimiter: str = ""
    fmt: Formatting = PLAIN
    # True for a bare <names/> inside <substitute>, which takes its options from the enclosing <names>.
    inherit_from_parent: bool = False


@attrs.frozen(slots=True)
class Group:
    children: tuple[Element, ...]
    delimiter: str = ""
    fmt: Formatting = PLAIN


@attrs.frozen(slots=True)
class Condition:
    """One ``<if>``/``<else-if>`` test set.  Each tuple holds the values of one attribute."""

    match: str = "all"
    types: tuple[str, ...] = ()
    variables: tuple[str, ...] = ()
    is_numeric: tuple[str, ...] = ()
    is_uncertain_date: tuple[str, ...] = ()
    locators: tuple[str, ...] = ()
    positions: tuple[str, ...] = ()
    disambiguate: bool | None = None


@attrs.frozen(slots=True)
class Branch:
    condition: Condition | None  # None for <else>
    children: tuple[Element, ...]


@attrs.frozen(slots=True)
class Choose:
    branches: tuple[Branch, ...]


@attrs.frozen(slots=True)
class Absent:
    """Stands in a specialised style for elements that call only variables the item lacks.

    They render nothing, but an enclosing group still counts ``called`` variables as called and empty, so it is
    suppressed exactly as if they had been evaluated."""

    called: int


Element = Union[Text, Number, Label, Date, Names, Group, Choose, Absent]


@attrs.frozen(slots=True)
class SortKey:
    variable: str | None = None
    macro: str | None = None
    ascending: bool = True
    names_min: int | None = None
    names_use_first: int | None = None
    names_use_last: bool | None = None


@attrs.frozen(slots=True)
class Layout:
    children: tuple[Element, ...]
    delimiter: str = ""
    fmt: Formatting = PLAIN
    locale: tuple[str, ...] = ()  # CSL-M style per-locale layouts are not supported; kept for errors


@attrs.frozen(slots=True)
class Citation:
    layout: Layout
    sort: tuple[SortKey, ...] = ()
    disambiguate_add_names: bool = False
    disambiguate_add_givenname: bool = False
    givenname_disambiguation_rule: str = "by-cite"
    disambiguate_add_year_suffix: bool = False
    collapse: str | None = None
    cite_group_delimiter: str | None = None
    year_suffix_delimiter: str | None = None
    after_collapse_delimiter: str | None = None
    near_note_distance: int = 5


@attrs.frozen(slots=True)
class Bibliography:
    layout: Layout
    sort: tuple[SortKey, ...] = ()
    hanging_indent: bool = False
    second_field_align: str | None = None
    line_spacing: int = 1
    entry_spacing: int = 1
    subsequent_author_substitute: str | None = None
    subsequent_author_substitute_rule: str = "complete-all"


@attrs.frozen(slots=True)
class StyleInfo:
    id: str = ""
    title: str = ""
    parent: str | None = None


@attrs.frozen(slots=True, eq=False)
class Style:
    """A whole parsed style.  ``citation_macros``/``bibliography_macros`` hold each macro as compiled for
    that context (name options inherit from the context that calls the macro)."""

    info: StyleInfo
    style_class: str
    default_locale: str | None
    citation: Citation
    bibliography: Bibliography | None
    citation_macros: dict[str, tuple[Element, ...]]
    bibliography_macros: dict[str, tuple[Element, ...]]
    locales: tuple[object, ...]  # LocaleOverride objects, most specific first (see citekit.csl.locale)
    page_range_format: str | None = None
    demote_non_dropping_particle: str = "display-and-sort"
    initialize_with_hyphen: bool = True
    uses_disambiguate_condition: bool = False
    # Whether the style's text names the citation-label variable (see citekit.csl.parse).
    uses_citation_label: bool = True
