"""Relative time expressions ("yesterday", "last week", "next month", "two days ago") and what they mean.

A relative expression names a span of days counted from the document's date:
"yesterday", "last week", "next month", "two days ago", "last Thursday", "last April".
News uses some of them loosely ("last week" for anything five to ten days back),
so each meaning is a list of acceptable ranges, and a date contradicts the
expression only when it falls outside all of them. Month and year arithmetic
uses dateutil's ``relativedelta`` (calendar-correct: one month before March 31
is February 28 or 29).
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

import re

from lint.dates.vocabulary import MONTH_NAMES, NUMBER_WORD, WEEKDAY_NAMES, number_value

DAY = dt.timedelta(days=1)

_EXACT = {
    "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
    "yesterday": -1, "yesterday morning": -1, "yesterday afternoon": -1, "yesterday evening": -1,
    "tomorrow": 1, "tomorrow morning": 1, "tomorrow afternoon": 1, "tomorrow evening": 1, "tomorrow night": 1,
    "the day before yesterday": -2, "the day after tomorrow": 2,
}
_PERIODS = ("last night", "earlier this week", "later this week", "this week", "last week", "next week",
            "earlier this month", "later this month", "this month", "last month", "next month",
            "earlier this year", "later this year", "this year", "last year", "next year")

# Plain ``re``: these are literal alternations, which it compiles in about a millisecond (``regex`` takes
# tens), and a pre-commit hook pays compile time on every run.
_PATTERN = re.compile(
    r"(?<!\w)(?:(?P<phrase>" + "|".join(p.replace(" ", r"\s+") for p in sorted((*_EXACT, *_PERIODS), key=len,
                                                                                reverse=True)) + r")"
    r"|(?P<count>\d{1,3}|" + NUMBER_WORD + r"|an?)\s+(?P<unit>days?|weeks?|months?)\s+ago)(?!\w|['’]s\b)",
    re.IGNORECASE)


#: "last Thursday", "next Monday", "this Friday"; "last April", "next March", "this June" (names capitalised).
#: Not "the last Sunday in March" or "the last Friday of each month": a day of a month, not relative to the
#: draft's date (a daylight-saving rule in the PostgreSQL manual, docs-unseen).
_NAMED = re.compile(
    r"(?<!\w)(?P<which>(?i:last|next|this|on))\s+(?P<name>" + "|".join((*WEEKDAY_NAMES, *MONTH_NAMES))
    + r")(?!\w|['’]s\b)(?!\s+(?i:in|of)\s+(?:(?i:the\s+month|each|every|a)\b|" + "|".join(MONTH_NAMES) + r"))")


@dataclass(frozen=True)
class Relative:
    start: int
    end: int
    text: str
    #: Acceptable (first, last) day ranges, inclusive; the first ``strict`` are what it means strictly,
    #: the rest what news also uses it for ("last week" for the ten days before).
    ranges: tuple
    strict: int = 1
    #: Where its weekday name starts ("last Thursday"), so "last Thursday, Dec. 4" pairs with that date.
    weekday_start: int | None = None
    #: False for "on Thursday": the last Thursday or the next one, so no date beside it contradicts it.
    judged: bool = True

    def contains(self, first: dt.date, last: dt.date) -> bool:
        """True if [first, last] overlaps one of the acceptable ranges."""
        return any(first <= hi and lo <= last for lo, hi in self.ranges)

    @property
    def middle(self) -> dt.date:
        lo, hi = self.ranges[0]
        return lo + (hi - lo) / 2


#: The first words of the phrases: every match of the phrase branch of _PATTERN starts with one of them.
_PHRASE_STARTS = tuple(sorted({p.split()[0] for p in (*_EXACT, *_PERIODS)}))
#: Characters that ``re.IGNORECASE`` matches with an ASCII letter although their lower case is not it.
_FOLDED_ODDLY = ("ı", "ſ")


def _matches_at(pattern: re.Pattern, prose: str, starts) -> list[re.Match]:
    """What ``pattern.finditer(prose)`` finds, trying ``pattern.match`` only at ``starts`` (ascending), which
    must hold every offset where a match can start: after a match, the next one is looked for from its end,
    as finditer does (the look-behind still sees the text before each offset)."""
    found, end = [], 0
    for i in starts:
        if i < end:
            continue
        m = pattern.match(prose, i)
        if m:
            found.append(m)
            end = m.end()
    return found


def _phrase_matches(prose: str) -> list[re.Match]:
    """``_PATTERN.finditer(prose)``, tried only where a phrase's first word stands when that is safe.

    When the lower-cased text keeps every offset and has none of the letters re.IGNORECASE folds oddly, a
    phrase (matched case-insensitively) can only start where the lower-cased text holds its first word. A
    count ("two days ago") needs "ago" after white space: a text holding that is scanned in full, as is
    any other text.
    """
    low = prose.lower()
    if len(low) != len(prose) or _has_ago(low) or any(ch in prose for ch in _FOLDED_ODDLY):
        return list(_PATTERN.finditer(prose))
    starts = set()
    for word in _PHRASE_STARTS:
        i = low.find(word)
        while i >= 0:
            starts.add(i)
            i = low.find(word, i + 1)
    return _matches_at(_PATTERN, prose, sorted(starts))


def _has_ago(low: str) -> bool:
    """True if "ago" follows white space somewhere in ``low`` (a count's "days ago" needs that)."""
    i = low.find("ago")
    while i >= 0:
        if i > 0 and low[i - 1].isspace():
            return True
        i = low.find("ago", i + 1)
    return False


def _named_matches(prose: str) -> list[re.Match]:
    """``_NAMED.finditer(prose)``, tried only where it can start: before each weekday or month name (matched
    with its case), past the white space before it, by the length of "last", "next", "this" or "on"."""
    starts = set()
    for name in (*WEEKDAY_NAMES, *MONTH_NAMES):
        q = prose.find(name)
        while q >= 0:
            k = q
            while k > 0 and prose[k - 1].isspace():
                k -= 1
            if k < q:
                starts.update(s for s in (k - 4, k - 2) if s >= 0)
            q = prose.find(name, q + 1)
    return _matches_at(_NAMED, prose, sorted(starts))


def find_relatives(prose: str, as_of: dt.date) -> list[Relative]:
    out = []
    for m in _phrase_matches(prose):
        ranges = meaning(m, as_of)
        if ranges:
            out.append(Relative(m.start(), m.end(), m.group(), tuple(ranges)))
    for m in _named_matches(prose):
        which, name = m.group("which").lower(), m.group("name")
        if which == "on":
            if name in WEEKDAY_NAMES:
                ranges = _nearest_weekdays(WEEKDAY_NAMES.index(name), as_of)
                out.append(Relative(m.start(), m.end(), m.group(), tuple(ranges), strict=2, judged=False))
            continue
        if name in WEEKDAY_NAMES:
            ranges = _weekday(which, WEEKDAY_NAMES.index(name), as_of)
            out.append(Relative(m.start(), m.end(), m.group(), tuple(ranges), weekday_start=m.start("name")))
        else:
            ranges = _month(which, MONTH_NAMES.index(name) + 1, as_of)
            out.append(Relative(m.start(), m.end(), m.group(), tuple(ranges)))
    out.sort(key=lambda r: r.start)
    return out


def _weekday(which: str, weekday: int, a: dt.date) -> list[tuple[dt.date, dt.date]]:
    """'last Thursday': the latest Thursday before the draft's date, or the one in last week;
    'next Thursday': the first after it, or the one in next week; 'this Thursday': this week's."""
    monday = a - a.weekday() * DAY
    in_week = monday + weekday * DAY
    if which == "last":
        previous = a - ((a.weekday() - weekday - 1) % 7 + 1) * DAY
        return [(previous, previous), (in_week - 7 * DAY, in_week - 7 * DAY)]
    if which == "next":
        following = a + ((weekday - a.weekday() - 1) % 7 + 1) * DAY
        return [(following, following), (in_week + 7 * DAY, in_week + 7 * DAY)]
    return [(in_week, in_week)]


def _nearest_weekdays(weekday: int, a: dt.date) -> list[tuple[dt.date, dt.date]]:
    """'on Thursday': the latest Thursday up to the draft's date, or the first after it."""
    previous = a - ((a.weekday() - weekday) % 7) * DAY
    following = a + ((weekday - a.weekday() - 1) % 7 + 1) * DAY
    return [(previous, previous), (following, following)]


def _month(which: str, month: int, a: dt.date) -> list[tuple[dt.date, dt.date]]:
    """'last April': the latest April before this month, or April of last year; 'next April' likewise
    forward; 'this April': April of this year."""
    def whole(year: int) -> tuple[dt.date, dt.date]:
        first = dt.date(year, month, 1)
        return first, dt.date(year, month, calendar.monthrange(year, month)[1])

    if which == "last":
        year = a.year if month < a.month else a.year - 1
        return [whole(year), whole(a.year - 1)]
    if which == "next":
        year = a.year if month > a.month else a.year + 1
        return [whole(year), whole(a.year + 1)]
    return [whole(a.year)]


def meaning(m, as_of: dt.date) -> list[tuple[dt.date, dt.date]]:
    from dateutil.relativedelta import relativedelta

    if m.group("phrase"):
        phrase = " ".join(m.group("phrase").lower().split())  # "last   week" after blanked markup
        if phrase in _EXACT:
            day = as_of + _EXACT[phrase] * DAY
            return [(day, day)]
        return _period(phrase, as_of)
    count = number_value(m.group("count")) if m.group("count").lower() not in ("a", "an") else 1
    if not count:
        return []
    unit = m.group("unit").lower().rstrip("s")
    if unit == "day":
        day = as_of - count * DAY
        return [(day, day)]
    if unit == "week":
        centre = as_of - 7 * count * DAY
        return [(centre - 3 * DAY, centre + 3 * DAY)]
    centre = as_of - relativedelta(months=count)
    first = centre.replace(day=1)
    last = first + relativedelta(months=1) - DAY
    return [(first, last), (centre - 15 * DAY, centre + 15 * DAY)]


def _period(phrase: str, a: dt.date) -> list[tuple[dt.date, dt.date]]:
    from dateutil.relativedelta import relativedelta

    if phrase == "last night":
        return [(a - DAY, a)]
    if phrase.endswith("week"):
        monday = a - a.weekday() * DAY
        sunday = monday + 6 * DAY
        if phrase == "last week":
            return [(monday - 7 * DAY, sunday - 7 * DAY), (a - 10 * DAY, a - DAY)]
        if phrase == "next week":
            return [(monday + 7 * DAY, sunday + 7 * DAY), (a + DAY, a + 10 * DAY)]
        if phrase == "earlier this week":
            return [(monday, a)]
        if phrase == "later this week":
            return [(a, sunday)]
        return [(monday, sunday)]
    if phrase.endswith("month"):
        first = a.replace(day=1)
        last = first + relativedelta(months=1) - DAY
        if phrase == "last month":
            prev = first - relativedelta(months=1)
            return [(prev, first - DAY)]
        if phrase == "next month":
            nxt = first + relativedelta(months=1)
            return [(nxt, nxt + relativedelta(months=1) - DAY)]
        if phrase == "earlier this month":
            return [(first, a)]
        if phrase == "later this month":
            return [(a, last)]
        return [(first, last)]
    year = a.year + {"last year": -1, "next year": 1}.get(phrase, 0)
    if phrase == "earlier this year":
        return [(dt.date(year, 1, 1), a)]
    if phrase == "later this year":
        return [(a, dt.date(year, 12, 31))]
    return [(dt.date(year, 1, 1), dt.date(year, 12, 31))]
