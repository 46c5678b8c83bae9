"""CSL locales: terms, localised date formats and style options, merged in the order CSL 1.0.2 prescribes.

The style's own ``<locale>`` elements win (exact language, then the bare language, then untagged), then the
locale file for the language (or its primary dialect), then en-US.  The locale files are citeproc-py's.
"""

from __future__ import annotations

import functools
import importlib.util
import threading
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from citekit.csl.model import DatePart
from citekit.csl.numbers import OrdinalTerm
from citekit.csl.xmlsafe import XML_LANG, children, line_of, local_name, parse_xml
from citekit.errors import CSLError

if TYPE_CHECKING:
    from lxml import etree

FALLBACK_LANG = "en-US"


@attrs.frozen(slots=True)
class Term:
    single: str
    multiple: str
    match: str | None = None
    gender: str | None = None


TermKey = tuple[str, str, str | None]  # name, form, gender-form


@attrs.frozen(slots=True)
class LocaleData:
    """What one ``<locale>`` element (in a style or a locale file) defines."""

    lang: str | None
    terms: Mapping[TermKey, Term]
    dates: Mapping[str, tuple[tuple[DatePart, ...], str]]
    options: Mapping[str, bool]


@attrs.frozen(slots=True)
class Locale:
    """A merged locale: every lookup is a dictionary access."""

    lang: str
    terms: Mapping[TermKey, Term]
    dates: Mapping[str, tuple[tuple[DatePart, ...], str]]
    punctuation_in_quote: bool = False
    limit_day_ordinals_to_day_1: bool = False
    # The ordinal and long-ordinal terms, in the shape citekit.csl.numbers selects from.
    ordinals: Mapping[str, tuple[OrdinalTerm, ...]] = attrs.field(factory=dict)
    # term()'s answers by its arguments: a style asks for the same few terms ("and", "et-al", "edition"...) for
    # every entry, and each answer walks the fallback forms.
    _answers: dict[tuple[str, str, bool, str | None], str | None] = attrs.field(
        factory=dict, init=False, eq=False, repr=False
    )
    # The date-parts of each localised <date> of the style, by the element's id (kept with the element, so an id
    # reused after it is gone never matches): see citekit.csl.dates.date_parts_for.
    localized_dates: dict[int, tuple[object, tuple[tuple[DatePart, ...], str]]] = attrs.field(
        factory=dict, init=False, eq=False, repr=False
    )

    def term(
        self, name: str, form: str = "long", plural: bool = False, gender_form: str | None = None
    ) -> str | None:
        """The term's text, falling back through the forms CSL allows; None when it is not defined."""
        key = (name, form, plural, gender_form)
        try:
            return self._answers[key]
        except KeyError:
            pass
        found = self.find(name, form, gender_form)
        answer = None if found is None else found.multiple if plural else found.single
        self._answers[key] = answer
        return answer

    def find(self, name: str, form: str = "long", gender_form: str | None = None) -> Term | None:
        for f in _FORM_FALLBACK.get(form, (form, "long")):
            if gender_form is not None:
                hit = self.terms.get((name, f, gender_form))
                if hit is not None:
                    return hit
            hit = self.terms.get((name, f, None))
            if hit is not None:
                return hit
        return None

    def gender(self, name: str) -> str | None:
        found = self.terms.get((name, "long", None)) or self.terms.get((name, "short", None))
        return found.gender if found else None


_FORM_FALLBACK: dict[str, tuple[str, ...]] = {
    "long": ("long",),
    "short": ("short", "long"),
    "verb": ("verb", "long"),
    "verb-short": ("verb-short", "verb", "long"),
    "symbol": ("symbol", "short", "long"),
}


def parse_locale_element(el: etree._Element, parse_date_part: object) -> LocaleData:
    """Read one ``<locale>``; ``parse_date_part`` turns a ``<date-part>`` element into a DatePart."""
    terms: dict[TermKey, Term] = {}
    dates: dict[str, tuple[tuple[DatePart, ...], str]] = {}
    options: dict[str, bool] = {}
    for child in children(el):
        kind = local_name(child)
        if kind == "terms":
            for term_el in children(child):
                if local_name(term_el) != "term":
                    continue
                name = term_el.get("name")
                if not name:
                    raise CSLError("<term> without a name", line=line_of(term_el))
                key = (name, term_el.get("form", "long"), term_el.get("gender-form"))
                terms[key] = _read_term(term_el)
        elif kind == "date":
            form = child.get("form")
            if form:
                parts = tuple(parse_date_part(p) for p in children(child) if local_name(p) == "date-part")  # type: ignore[operator]
                dates[form] = (parts, child.get("delimiter", ""))
        elif kind == "style-options":
            for attr in ("punctuation-in-quote", "limit-day-ordinals-to-day-1"):
                if attr in child.attrib:
                    options[attr] = child.get(attr) == "true"
    return LocaleData(lang=el.get(XML_LANG), terms=terms, dates=dates, options=options)


def _read_term(el: etree._Element) -> Term:
    single_el = multiple_el = None
    for c in children(el):
        if local_name(c) == "single":
            single_el = c
        elif local_name(c) == "multiple":
            multiple_el = c
    if single_el is not None or multiple_el is not None:
        single = (single_el.text or "") if single_el is not None else ""
        multiple = (multiple_el.text or "") if multiple_el is not None else single
    else:
        single = multiple = el.text or ""
    return Term(single=single, multiple=multiple, match=el.get("match"), gender=el.get("gender"))


def _locales_dir() -> Path:
    spec = importlib.util.find_spec("citeproc")
    if spec is None or not spec.submodule_search_locations:
        raise CSLError("citeproc-py is not installed, so no CSL locale files are available")
    return Path(next(iter(spec.submodule_search_locations))) / "data" / "locales"


@functools.lru_cache(maxsize=1)
def _primary_dialects() -> dict[str, str]:
    import json  # only a language without a locale file of its own gets here

    with open(_locales_dir() / "locales.json", encoding="utf-8") as fh:
        data = json.load(fh)
    return dict(data.get("primary-dialects", {}))


def locale_file_lang(lang: str) -> str | None:
    """The locale file that serves ``lang``: itself if a file exists, else its language's primary dialect."""
    directory = _locales_dir()
    if (directory / f"locales-{lang}.xml").is_file():
        return lang
    primary = _primary_dialects().get(lang.split("-")[0])
    if primary and (directory / f"locales-{primary}.xml").is_file():
        return primary
    return None


def locale_files(lang: str) -> list[Path]:
    """The locale files :func:`merge_locale` reads for ``lang``, in its order (none for a language without one)."""
    found: list[Path] = []
    for file_lang in (lang, FALLBACK_LANG):
        served = locale_file_lang(file_lang)
        path = _locales_dir() / f"locales-{served}.xml" if served else None
        if path is not None and path not in found:
            found.append(path)
    return found


_file_lock = threading.Lock()
_file_cache: dict[str, LocaleData] = {}


def load_locale_file(lang: str, parse_date_part: object) -> LocaleData | None:
    """The parsed locale file for ``lang`` (cached, thread-safe), or None when there is none."""
    file_lang = locale_file_lang(lang)
    if file_lang is None:
        return None
    with _file_lock:
        cached = _file_cache.get(file_lang)
        if cached is None:
            path = _locales_dir() / f"locales-{file_lang}.xml"
            root = parse_xml(path.read_bytes(), source=path.name)
            cached = parse_locale_element(root, parse_date_part)
            _file_cache[file_lang] = cached
    return cached


def merge_locale(lang: str, style_locales: Iterable[LocaleData], parse_date_part: object) -> Locale:
    """Merge the sources for ``lang`` (most specific first) into one :class:`Locale`."""
    style_locales = list(style_locales)
    base = lang.split("-")[0]
    ordered: list[LocaleData] = []
    ordered += [s for s in style_locales if s.lang == lang]
    ordered += [s for s in style_locales if s.lang == base and base != lang]
    ordered += [s for s in style_locales if not s.lang]
    from_style = len(ordered)
    for file_lang in (lang, FALLBACK_LANG):
        data = load_locale_file(file_lang, parse_date_part)
        if data is not None and data not in ordered:
            ordered.append(data)

    terms: dict[TermKey, Term] = {}
    dates: dict[str, tuple[tuple[DatePart, ...], str]] = {}
    options: dict[str, bool] = {}
    # A style that defines any ordinal term replaces the whole ordinal set of the locale files (CSL 1.0.2).
    style_has_ordinals = any(k[0].startswith("ordinal") for s in ordered[:from_style] for k in s.terms)
    for index, source in enumerate(reversed(ordered)):
        from_file = index < len(ordered) - from_style
        for key, term in source.terms.items():
            if from_file and style_has_ordinals and key[0].startswith("ordinal"):
                continue
            terms[key] = term
        dates.update(source.dates)
        options.update(source.options)
    ordinals: dict[str, list[OrdinalTerm]] = {}
    for (name, form, gender_form), term in terms.items():
        if form == "long" and (name.startswith("ordinal") or name.startswith("long-ordinal")):
            ordinals.setdefault(name, []).append(OrdinalTerm(term.single, term.match, gender_form))
    return Locale(
        lang=lang,
        terms=terms,
        dates=dates,
        punctuation_in_quote=options.get("punctuation-in-quote", False),
        limit_day_ordinals_to_day_1=options.get("limit-day-ordinals-to-day-1", False),
        ordinals={name: tuple(variants) for name, variants in ordinals.items()},
    )
