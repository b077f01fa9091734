"""An absolute date as written (its span, parts and form), and the calendar helpers messages use."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from lint.dates.vocabulary import MONTH_NAMES, WEEKDAY_NAMES

#: Forms of an absolute date, used to report mixed styles and ambiguous numbers.
FORM_MONTH_DAY = "month-day"      # December 11, 2025 / Dec. 11
FORM_DAY_MONTH = "day-month"      # 11 December 2025 / 11th of December
FORM_NUMERIC = "numeric"          # 12/11/2025, 11.12.2025
FORM_ISO = "iso"                  # 2025-12-11
FORM_MONTH_YEAR = "month-year"    # March 2025
FORM_MONTH = "month"              # (in) March
FORM_YEAR = "year"                # (in) 2024, mid-2024

#: How messages name each form of a full date ("written with the month first").
FORM_LABELS = {
    FORM_MONTH_DAY: "with the month first",
    FORM_DAY_MONTH: "with the day first",
    FORM_NUMERIC: "in numbers",
    FORM_ISO: "in ISO form",
}


@dataclass(frozen=True)
class DateMention:
    """An absolute date written in the text: its span, its parts as written, and its form."""

    start: int
    end: int
    form: str
    year: int | None
    month: int | None
    day: int | None
    #: The weekday written with the date ("Friday, December 11"), 0 = Monday, and its span.
    weekday: int | None = None
    weekday_start: int | None = None
    weekday_end: int | None = None
    #: Where the date proper starts (after any weekday).
    date_start: int | None = None
    #: Numeric dates: both readings were possible (03/04/2025) and the order came from a default.
    ambiguous: bool = False
    #: Numeric dates: the two readings, (month, day) for each order, when ambiguous.
    readings: tuple = ()
    #: Numeric dates: the first two numbers as written (03/04/2025 -> (3, 4)).
    parts: tuple = ()
    #: Where the date proper ends, when a weekday in brackets follows it ("December 11 (Friday)").
    date_end: int | None = None

    @property
    def date_span(self) -> tuple[int, int]:
        """The date proper, without its weekday: "December 11" in "Friday, December 11" or "December 11 (Friday)"."""
        return (self.start if self.date_start is None else self.date_start,
                self.end if self.date_end is None else self.date_end)

    @property
    def precision(self) -> str:
        if self.day is not None:
            return "day"
        if self.month is not None:
            return "month"
        return "year"

    def exists(self) -> bool:
        """False for a day the calendar does not have (February 30, 31 April, 29 February 2025)."""
        if self.day is None or self.month is None:
            return True
        return self.day <= max_day(self.month, self.year)

    def date(self, year: int | None = None) -> dt.date | None:
        """The calendar day, with ``year`` standing in for a missing year; None if impossible."""
        y = self.year if self.year is not None else year
        if y is None or self.month is None or self.day is None:
            return None
        try:
            return dt.date(y, self.month, self.day)
        except ValueError:
            return None

    def first_day(self, year: int | None = None) -> dt.date | None:
        """The first day the mention names (``year`` standing in for a missing one); None if impossible."""
        y = self.year if self.year is not None else year
        if y is None:
            return None
        if self.day is not None:
            return self.date(y)
        return dt.date(y, self.month or 1, 1)

    def last_day(self, year: int | None = None) -> dt.date | None:
        """The last day the mention names; None if impossible (February 29 of a common year)."""
        y = self.year if self.year is not None else year
        if y is None:
            return None
        if self.day is not None:
            return self.date(y)
        month = self.month or 12
        return dt.date(y, month, max_day(month, y))


def max_day(month: int, year: int | None) -> int:
    """Days in ``month``; February has 29 when the year is unknown (February 29 may exist)."""
    if month == 2 and year is None:
        return 29
    return calendar.monthrange(year if year is not None else 2000, month)[1]


def format_date(day: dt.date, with_year: bool = True) -> str:
    """'December 11, 2025' — the form messages use, whatever form the writer used."""
    text = f"{MONTH_NAMES[day.month - 1]} {day.day}"
    return f"{text}, {day.year}" if with_year else text


def weekday_name(number: int) -> str:
    return WEEKDAY_NAMES[number]


def describe_range(lo: dt.date, hi: dt.date) -> str:
    """A span of days in words: 'December 11, 2025', 'November 2025', '2024', 'December 1 to 7, 2025'."""
    if lo == hi:
        return format_date(lo)
    if lo == dt.date(lo.year, 1, 1) and hi == dt.date(lo.year, 12, 31):
        return str(lo.year)
    next_day = hi + dt.timedelta(days=1)
    if lo.day == 1 and (lo.year, lo.month) == (hi.year, hi.month) and next_day.day == 1:
        return f"{MONTH_NAMES[lo.month - 1]} {lo.year}"
    if (lo.year, lo.month) == (hi.year, hi.month):
        return f"{MONTH_NAMES[lo.month - 1]} {lo.day} to {hi.day}, {lo.year}"
    return f"{format_date(lo)} to {format_date(hi)}"
