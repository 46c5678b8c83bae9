"""Dates as CSL models them: year/month/day, season, circa, a range end, or a free-text literal.

:class:`Date` is validated on construction (no month 13, no 30 February, no year 0: CSL counts BC years as
negative numbers, 1 BC = -1).  It is built from an int year, a :class:`datetime.date`, a CSL-JSON date
object (:func:`date_from_csl`) or a string (:func:`parse_date`) such as ``"2011"``, ``"2011-11"``,
``"2011-11-05"``, ``"November 2011"``, ``"Nov. 2011"``, ``"5 November 2011"``, ``"November 5, 2011"``,
``"Spring 2011"``, ``"44 BC"``, ``"c. 1850"``, and the EDTF forms ``"2011/2013"``, ``"2011-21"`` (spring),
``"1850~"`` (circa).  Strings that are none of these raise :class:`~citekit.errors.RecordError` rather than
being guessed at: free text belongs in a CSL ``{"literal": ...}`` date.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping, Sequence
from typing import Any, Union

import attrs

from citekit.errors import RecordError
from citekit.records._naming import build, named_errors, named_fields, within
from citekit.records.names import to_flag

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
# CSL's season numbers; "fall" is the American name for autumn.
_SEASONS = {"spring": 1, "summer": 2, "autumn": 3, "fall": 3, "winter": 4}
_DATE_KEYS = ("date-parts", "season", "circa", "literal", "raw")
_DATE_KEY_SET = frozenset(_DATE_KEYS)
# The fields a CSL date-parts list holds, in its order.
_PART_NAMES = ("year", "month", "day")


def _whole_number(value: object) -> int | None:
    """``value`` as an int if it is one, or a string of one ("1965", "-44"); otherwise None."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and re.fullmatch(r"\s*-?\d+\s*", value):
        return int(value)
    return None


def _date_part(value: int | str | None) -> int | None:
    """A year, month or day.  CSL-JSON from some exporters writes them as strings ("1965", "6")."""
    if value is None or type(value) is int:  # the commonest forms, without a call
        return value
    number = _whole_number(value)
    if number is None:
        raise RecordError("", value, "a date part must be a whole number")
    return number


def to_season(value: int | str | None) -> int | None:
    """CSL season 1-4 from the number or the name (spring, summer, autumn/fall, winter)."""
    if value is None:
        return None
    if isinstance(value, str):
        key = value.strip().lower()
        if key in _SEASONS:
            return _SEASONS[key]
        if key in ("1", "2", "3", "4"):
            return int(key)
    elif isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 4:
        return value
    raise RecordError("", value, "a season is 1-4 or spring, summer, autumn (fall) or winter")


def _literal(value: str | None) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise RecordError("", value, "a literal date must be a string")
    return value if value.strip() else None


def _end(value: Date | None) -> Date | None:
    if value is None or isinstance(value, Date):
        return value
    raise RecordError("", value, "the end of a date range must be a Date")


def _days_in_month(year: int, month: int) -> int:
    if month == 2:
        # Proleptic Gregorian, as CSL processors assume; astronomical numbering makes 1 BC (-1) year 0.
        astronomical = year + 1 if year < 0 else year
        leap = astronomical % 4 == 0 and (astronomical % 100 != 0 or astronomical % 400 == 0)
        return 29 if leap else 28
    return 30 if month in (4, 6, 9, 11) else 31


@named_errors
@attrs.frozen(field_transformer=named_fields)
class Date:
    """A CSL date: ``Date(2011, 11)``, ``Date(2011, end=Date(2013))``, ``Date(literal="n.d.")``."""

    year: int | None = attrs.field(default=None, converter=_date_part)
    month: int | None = attrs.field(default=None, converter=_date_part)
    day: int | None = attrs.field(default=None, converter=_date_part)
    season: int | None = attrs.field(default=None, kw_only=True, converter=to_season)
    circa: bool = attrs.field(default=False, kw_only=True, converter=to_flag)
    end: Date | None = attrs.field(default=None, kw_only=True, converter=_end)
    literal: str | None = attrs.field(default=None, kw_only=True, converter=_literal)

    def __attrs_post_init__(self) -> None:
        if self.year is None:
            if self.literal is None:
                raise RecordError("year", None, "a date needs a year or a literal")
            for name in ("month", "day", "end"):
                if getattr(self, name) is not None:
                    raise RecordError(name, getattr(self, name), "a date without a year cannot have this")
            return
        if self.year == 0:
            raise RecordError("year", 0, "there is no year 0 (CSL writes 1 BC as -1)")
        if self.month is not None and not 1 <= self.month <= 12:
            raise RecordError("month", self.month, f"month {self.month} is not between 1 and 12")
        if self.day is not None:
            if self.month is None:
                raise RecordError("day", self.day, "a day needs a month")
            last = _days_in_month(self.year, self.month)
            if not 1 <= self.day <= last:
                raise RecordError("day", self.day, f"day {self.day} is not in month {self.month} of {self.year}")
        if self.end is not None:
            self._check_end(self.end)

    def _check_end(self, end: Date) -> None:
        if end.year is None or end.end is not None or end.season is not None or end.circa or end.literal:
            raise RecordError("end", end, "the end of a range is a plain year, month and day")
        start, stop = self.parts(), end.parts()
        common = min(len(start), len(stop))
        if stop[:common] < start[:common]:
            raise RecordError("end", end, f"the range ends ({stop}) before it starts ({start})")

    def parts(self) -> tuple[int, ...]:
        """(year,), (year, month) or (year, month, day): CSL's date-parts of this (start) date."""
        values = (self.year, self.month, self.day)
        out: list[int] = []
        for value in values:
            if value is None:
                break
            out.append(value)
        return tuple(out)

    @property
    def is_range(self) -> bool:
        return self.end is not None

    @classmethod
    def parse(cls, text: str) -> Date:
        """A date from a string; see the module documentation for the forms understood."""
        return parse_date(text)

    @classmethod
    def from_csl(cls, mapping: Mapping[str, Any]) -> Date:
        """A date from a CSL-JSON date object."""
        return date_from_csl(mapping)

    def to_csl(self) -> dict[str, Any]:
        """This date as a CSL-JSON date object."""
        return date_to_csl(self)


DateLike = Union[Date, str, int, Mapping[str, Any], datetime.date, Sequence[int]]

_ISO = re.compile(r"(-?\d{1,4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
_ORDINAL = r"(?:st|nd|rd|th)?"
_WORDY = re.compile(
    rf"(?:(?P<d1>\d{{1,2}}){_ORDINAL}\.?\s+)?(?P<name>[^\W\d_]+)\.?"
    rf"(?:\s+(?P<d2>\d{{1,2}}){_ORDINAL})?,?\s+(?P<year>\d{{1,4}})(?:\s*(?P<era>BCE?|AD|CE))?",
    re.IGNORECASE,
)
_ERA_YEAR = re.compile(r"(?:(?:AD|CE)\s*)?(?P<year>\d{1,4})(?:\s*(?P<era>BCE?|AD|CE))?", re.IGNORECASE)
_CIRCA = re.compile(r"(?:c\.|ca\.?|circa|approx\.?)\s*", re.IGNORECASE)
_RANGE = re.compile(r"\s*/\s*|\s*[\u2013\u2014]\s*|\s+-\s+|\s+to\s+")


def _signed(year: str, era: str | None) -> int:
    return -int(year) if era and era.upper().startswith("B") else int(year)


def _single(text: str) -> tuple[int, int | None, int | None, int | None]:
    """(year, month, day, season) of one date written as a string; raises ValueError when unreadable."""
    iso = _ISO.fullmatch(text)
    if iso:
        year, month, day = (int(g) if g else None for g in iso.groups())
        assert year is not None
        if month is not None and 21 <= month <= 24 and day is None:  # EDTF seasons
            return year, None, None, month - 20
        return year, month, day, None
    wordy = _WORDY.fullmatch(text)
    if wordy and not (wordy["d1"] and wordy["d2"]):
        name = wordy["name"].lower()
        year = _signed(wordy["year"], wordy["era"])
        day_text = wordy["d1"] or wordy["d2"]
        if name in _MONTHS:
            return year, _MONTHS[name], (int(day_text) if day_text else None), None
        if name in _SEASONS and not day_text:
            return year, None, None, _SEASONS[name]
    era = _ERA_YEAR.fullmatch(text)
    if era:
        return _signed(era["year"], era["era"]), None, None, None
    raise ValueError("unreadable")


def parse_date(text: str, field: str = "date") -> Date:
    """A :class:`Date` from a string; see the module documentation for the forms understood.

    Errors name ``field``.
    """
    if not isinstance(text, str):
        raise RecordError(field, text, "a date must be a string, a number, a CSL date mapping or a Date")
    clean = re.sub(r"\s+", " ", text).strip()
    circa = False
    prefix = _CIRCA.match(clean)
    if prefix:
        circa, clean = True, clean[prefix.end() :]
    if clean.endswith("~"):
        circa, clean = True, clean[:-1].rstrip()
    halves = _RANGE.split(clean)
    try:
        if len(halves) > 2:
            raise ValueError("more than two dates")
        year, month, day, season = _single(halves[0])
        end = None
        if len(halves) == 2:
            end_year, end_month, end_day, end_season = _single(halves[1])
            if end_season is not None:
                raise ValueError("a season at the end of a range")
            end = Date(end_year, end_month, end_day)
        return Date(year, month, day, season=season, circa=circa, end=end)
    except ValueError as error:
        if isinstance(error, RecordError):
            raise RecordError(field, text, error.reason) from None
        raise RecordError(
            "",
            text,
            "not a date citekit can read (try '2011', '2011-11-05', 'November 2011', '2011/2013'); "
            "use a CSL {'literal': ...} date for free text",
        ) from None


def _parts_from_csl(value: object) -> list[list[int]]:
    if not isinstance(value, list) or not 1 <= len(value) <= 2:
        raise RecordError("date-parts", value, "date-parts must be a list of one date (or two, for a range)")
    out: list[list[int]] = []
    for i, date in enumerate(value):
        if not isinstance(date, list) or not 1 <= len(date) <= 3:
            raise RecordError(f"date-parts[{i}]", date, "each date is a list of year, month and day")
        parts: list[int] = []
        for part in date:
            converted = part if type(part) is int else _whole_number(part)  # the commonest form, without a call
            if converted is None:
                raise RecordError(f"date-parts[{i}]", date, f"{part!r} is not a whole number")
            parts.append(converted)
        out.append(parts)
    return out


def date_from_csl(mapping: Mapping[str, Any]) -> Date:
    """A :class:`Date` from a CSL-JSON date object; unknown keys are an error, not silently dropped.

    ``raw`` (a string for the processor to parse) is parsed here, so it comes back out as date-parts.
    """
    if not mapping.keys() <= _DATE_KEY_SET:
        unknown = next(key for key in mapping if key not in _DATE_KEY_SET)
        raise RecordError(unknown, mapping[unknown], f"not a CSL date key (known: {', '.join(_DATE_KEYS)})")
    if "date-parts" in mapping and "raw" in mapping:
        raise RecordError("raw", mapping["raw"], "a date has either date-parts or raw, not both")
    extras = {"season": mapping.get("season"), "circa": mapping.get("circa"), "literal": mapping.get("literal")}
    if "date-parts" in mapping:
        parts = _parts_from_csl(mapping["date-parts"])
        try:
            fields: dict[str, Any] = dict(zip(_PART_NAMES, parts[0]))
            fields.update(extras)
            if len(parts) == 2:
                fields["end"] = build(Date, dict(zip(_PART_NAMES, parts[1])))
            return build(Date, fields)
        except RecordError as error:
            if error.field.split(".")[0] in ("year", "month", "day", "end"):
                raise RecordError("date-parts", mapping["date-parts"], error.reason) from None
            raise
    if "raw" in mapping:
        try:
            parsed = parse_date(mapping["raw"], field="raw")
        except RecordError as error:
            raise RecordError("raw", mapping["raw"], error.reason) from None
        season = extras["season"] if extras["season"] is not None else parsed.season
        try:
            circa = parsed.circa or to_flag(extras["circa"])
        except RecordError as error:
            raise within("circa", error) from None
        return attrs.evolve(parsed, season=season, circa=circa, literal=extras["literal"])
    return Date(**extras)


def date_to_csl(date: Date) -> dict[str, Any]:
    """The CSL-JSON date object: date-parts (two lists for a range), then season, circa and literal if set."""
    out: dict[str, Any] = {}
    if date.year is not None:
        out["date-parts"] = [list(date.parts())]
        if date.end is not None:
            out["date-parts"].append(list(date.end.parts()))
    if date.season is not None:
        out["season"] = date.season
    if date.circa:
        out["circa"] = True
    if date.literal is not None:
        out["literal"] = date.literal
    return out


def to_date(value: DateLike | None) -> Date | None:
    """A :class:`Date` (or None) from anything a record accepts as a date; "" means no date."""
    if type(value) is dict:  # the CSL-JSON form, first: it is none of the others, and skips the Mapping check
        return date_from_csl(value)
    if value is None or isinstance(value, Date):
        return value
    if isinstance(value, bool):
        raise RecordError("", value, "a date must be a year, a string, a CSL date mapping or a Date")
    if isinstance(value, int):
        return Date(value)
    if isinstance(value, str):
        return parse_date(value, field="") if value.strip() else None
    if isinstance(value, Mapping):
        return date_from_csl(value)
    if isinstance(value, datetime.date):
        return Date(value.year, value.month, value.day)
    if isinstance(value, (list, tuple)) and 1 <= len(value) <= 3:
        return Date(*value)
    raise RecordError("", value, "a date must be a year, a string, a CSL date mapping or a Date")
