"""``weekday-mismatch``: a weekday written with a date that falls on another day.

"Friday, December 11, 2025" — December 11, 2025 was a Thursday. A date written
without a year ("Thursday, Dec. 11") takes the year that puts it nearest to the
document's date; when that is more than ``yearless_window`` days away (the
``dates:`` config section, default 60), a past tense picks the date's last
occurrence before the draft's date and a future tense its next one, and without
a tense the weekday may fit either. In a draft with no date of its own, only dates
with a year are judged (unless ``dates: {undated: today}``). Quoted dates are not judged.

Parameters: none.
Message fields: {match}, {date} (the date in full), {actual} and {written} (weekday names), {verb} (was/is/will be).
"""

from __future__ import annotations

import datetime as dt

import regex

from lint.checks.base import BuildContext, Params, check_template, make_finding
from lint.checks.context import sentence_at
from lint.dates.checking import DateCheck
from lint.dates.model import FORM_DAY_MONTH, format_date, weekday_name
from lint.dates.tense import PAST, clause_tense
from lint.dates.vocabulary import MONTH_NAMES, WEEKDAY_NAMES

PARAMETERS: dict[str, str] = {}


class WeekdayMismatch(DateCheck):
    def __init__(self, rule, context) -> None:
        super().__init__(rule, context)
        Params(rule, PARAMETERS)
        check_template(rule, {"match", "date", "actual", "written", "verb"})

    def run(self, doc):
        analysis = self.analysis(doc)
        for mention in analysis.dates:
            if mention.weekday is None or mention.day is None or not mention.exists():
                continue
            if mention.year is None and not analysis.judged:
                continue  # "Tuesday, July 11" in an undated draft: no year to judge it in
            day = mention.date(analysis.year_for(mention))
            if day is None or self.quoted(doc, mention.start, mention.end):
                continue
            if mention.year is None and abs((day - analysis.as_of).days) > self.settings.yearless_window:
                # Months away and without a year: the tense tells last year's from next year's date;
                # without one, either may be meant.
                by_tense = _occurrence_by_tense(doc, analysis, mention)
                if by_tense is None and _matches_around(mention, analysis.as_of):
                    continue
                day = by_tense or day
            if day.weekday() == mention.weekday:
                continue
            verb = "was" if day < analysis.as_of else "is" if day == analysis.as_of else "will be"
            actual, written = weekday_name(day.weekday()), weekday_name(mention.weekday)
            yield make_finding(self.rule, doc, mention.start, mention.end,
                               suggestions=_suggestions(doc.prose, mention, day),
                               date=format_date(day), actual=actual, written=written, verb=verb)


def _occurrence_by_tense(doc, analysis, mention) -> dt.date | None:
    """The date's last occurrence before the draft's date if its clause is in the past tense, its next
    occurrence if in the future; None if the clause does not say."""
    sentence = sentence_at(doc, mention.start)
    found = sentence and clause_tense(analysis.prose, sentence.start, mention.start, mention.end, sentence.end,
                                      past_max_gap=10)
    if not found:
        return None
    as_of = analysis.as_of
    years = range(as_of.year - 1, as_of.year + 2)
    days = [d for d in (mention.date(y) for y in years) if d is not None]
    if found[0] == PAST:
        past = [d for d in days if d <= as_of]
        return past[-1] if past else None
    future = [d for d in days if d >= as_of]
    return future[0] if future else None


def _matches_around(mention, as_of: dt.date) -> bool:
    """True if the weekday fits the date's last occurrence before ``as_of`` or its next one after."""
    for year in (as_of.year - 1, as_of.year, as_of.year + 1):
        day = mention.date(year)
        if day and abs((day - as_of).days) <= 366 and day.weekday() == mention.weekday:
            previous, following = mention.date(year - 1), mention.date(year + 1)
            if (day <= as_of and (following is None or following > as_of)) or \
                    (day >= as_of and (previous is None or previous < as_of)):
                return True
    return False


def _suggestions(text: str, mention, day: dt.date) -> list[str]:  # text: the prose
    """The date with its true weekday, then the nearest date that has the weekday written."""
    written = text[mention.weekday_start:mention.weekday_end]
    actual = WEEKDAY_NAMES[day.weekday()]
    if written.endswith("."):  # keep the writer's abbreviation style: "Fri." -> "Thu."
        actual = actual[:3] + "."
    if written.isupper():
        actual = actual.upper()
    fixed = text[mention.start:mention.weekday_start] + actual + text[mention.weekday_end:mention.end]
    fixed = regex.sub(r"\s+", " ", regex.sub(r"\s+,", ",", fixed))  # markup was blanked in prose
    shift = (mention.weekday - day.weekday()) % 7
    other = day + dt.timedelta(days=shift if shift <= 3 else shift - 7)
    return [fixed, f"{weekday_name(mention.weekday)}, {_in_form(other, mention)}"]


def _in_form(day: dt.date, mention) -> str:
    """A date written the way the mention writes it: day first or month first, with a year if it had one."""
    if mention.form == FORM_DAY_MONTH:
        text = f"{day.day} {MONTH_NAMES[day.month - 1]}"
        return f"{text} {day.year}" if mention.year is not None else text
    return format_date(day, with_year=mention.year is not None)


def build(rule, context: BuildContext):
    return WeekdayMismatch(rule, context)
