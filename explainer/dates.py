"""Dates at their precision, parsed and formatted in one place.

The data writes a date as "YYYY", "YYYY-MM" or "YYYY-MM-DD" (a string), or a range as
{start, end}. A date is only as precise as its sources, so "2015-03" is printed
"March 2015", sorts before "2015-03-05", and covers every day of March 2015; no code
outside this module splits a date on "-".
"""

from __future__ import annotations

import calendar
import datetime
import functools

MONTH_NAME = calendar.month_name  # MONTH_NAME[3] == "March"


def today() -> datetime.date:
    """The day data dates are checked against: one place, so a test can hold it still."""
    return datetime.date.today()


@functools.lru_cache(maxsize=4096)  # a big timeline formats the same few hundred dates again and again
def parts(text: str) -> tuple[int, ...]:
    """'2015-03' -> (2015, 3): the year, then the month and day when given."""
    return tuple(int(part) for part in text.split("-"))


def bounds(date) -> tuple[str, str]:
    """(start, end) of a date or {start, end} range; a single date is its own range."""
    return (date["start"], date["end"]) if isinstance(date, dict) else (date, date)


def start(date) -> str:
    return bounds(date)[0]


def year(text: str) -> str:
    """'2015-03-05' -> '2015'."""
    return text[:4]


def is_real(text: str) -> bool:
    """True when every part names a real year, month and day ('2015-02-30' does not)."""
    try:
        days(text)
    except ValueError:
        return False
    return True


def days(text: str) -> tuple[datetime.date, datetime.date]:
    """The first and last day a date covers at its precision: '2014' is all of 2014."""
    numbers = parts(text)
    if len(numbers) == 3:
        day = datetime.date(*numbers)
        return day, day
    if len(numbers) == 2:
        first = datetime.date(numbers[0], numbers[1], 1)
        return first, first.replace(day=calendar.monthrange(*numbers)[1])
    return datetime.date(numbers[0], 1, 1), datetime.date(numbers[0], 12, 31)


@functools.lru_cache(maxsize=4096)
def format_date(text: str) -> str:
    """'2015' -> '2015', '2015-03' -> 'March 2015', '2015-03-05' -> '5 March 2015'."""
    numbers = parts(text)
    if len(numbers) == 1:
        return year(text)
    name = MONTH_NAME[numbers[1]]
    return f"{numbers[2]} {name} {year(text)}" if len(numbers) == 3 else f"{name} {year(text)}"


@functools.lru_cache(maxsize=4096)
def format_range(first: str, last: str) -> str:
    """Shortest unambiguous range: 'September to December 2014', '2 to 4 July 2015'."""
    if first == last:
        return format_date(first)
    one, two = parts(first), parts(last)
    if one[0] == two[0] and len(one) > 1 and len(two) > 1 and (len(one) == 3) == (len(two) == 3):
        if one[1] == two[1] and len(one) == 3:
            return f"{one[2]} to {two[2]} {MONTH_NAME[one[1]]} {year(first)}"
        if len(one) == 2:
            return f"{MONTH_NAME[one[1]]} to {MONTH_NAME[two[1]]} {year(first)}"
    return f"{format_date(first)} to {format_date(last)}"


def format_when(date, circa: bool = False, note: str | None = None) -> str:
    """A date or {start, end} range as prose, with 'around' and a note when given."""
    text = format_range(*bounds(date)) if isinstance(date, dict) else format_date(date)
    if circa:
        text = f"around {text}"
    if note:
        text = f"{text} ({note})"
    return text[0].upper() + text[1:]


def sort_key(date) -> tuple[str, str]:
    """Sort by start, then by end; as text, a missing month or day sorts first ('2015' < '2015-03')."""
    return bounds(date)


def descending_key(text: str) -> tuple[int, ...]:
    """Newest first; a month-precise date comes before the days within it."""
    return tuple(-number for number in parts(text))


def iso_interval(date) -> str:
    """'2014-09/2014-12' for a range (ISO 8601), the date itself otherwise."""
    return "/".join(bounds(date)) if isinstance(date, dict) else date


def year_fraction(text: str, month_middle: float = 1 / 24) -> float:
    """A date as a fractional year for plotting: '2014' is mid-2014; a month adds month_middle."""
    numbers = parts(text)
    if len(numbers) == 1:
        return numbers[0] + 0.5
    within = (numbers[2] - 1) / 365 if len(numbers) > 2 else month_middle
    return numbers[0] + (numbers[1] - 1) / 12 + within


def csl_date(text: str) -> dict:
    """CSL-JSON's {"date-parts": [[2015, 3]]}: only the parts the date has."""
    return {"date-parts": [list(parts(text))]}


def bibtex_fields(text: str) -> dict[str, str]:
    """BibTeX's year and, when known, month (as a number)."""
    numbers = parts(text)
    fields = {"year": year(text)}
    if len(numbers) > 1:
        fields["month"] = str(numbers[1])
    return fields


def day_start_utc(text: str) -> str:
    """'2026-11-29' -> '2026-11-29T00:00:00Z': a day as an Atom timestamp."""
    return f"{text}T00:00:00Z"


def utc_timestamp(when: str) -> str:
    """Any ISO 8601 date-time -> '2026-11-29T14:27:55Z', so feed entries sort as text."""
    moment = datetime.datetime.fromisoformat(when.replace("Z", "+00:00"))
    return moment.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
