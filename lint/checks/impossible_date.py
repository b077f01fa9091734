"""``impossible-date``: a day the calendar does not have ("February 30", "31 April", "29 February 2025").

February 29 without a year is possible and never reported. Quoted dates are not judged.

Parameters: none.
Message fields: {match}, {month} (its name), {days} (how many days it has), {reason}.
"""

from __future__ import annotations

from lint.checks.base import BuildContext, Params, check_template, make_finding
from lint.dates.checking import DateCheck
from lint.dates.model import max_day
from lint.dates.vocabulary import MONTH_NAMES

PARAMETERS: dict[str, str] = {}


class ImpossibleDate(DateCheck):
    def __init__(self, rule, context) -> None:
        super().__init__(rule, context)
        Params(rule, PARAMETERS)
        check_template(rule, {"match", "month", "days", "reason"})

    def run(self, doc):
        for mention in self.analysis(doc).dates:
            if mention.exists() or self.quoted(doc, mention.start, mention.end):
                continue
            month = MONTH_NAMES[mention.month - 1]
            days = max_day(mention.month, mention.year)
            if mention.month == 2 and mention.day == 29:
                reason = f"{mention.year} is not a leap year, so February has 28 days"
            elif mention.month == 2:
                reason = "February has 28 days (29 in a leap year)" if mention.year is None else \
                    f"February {mention.year} has {days} days"
            else:
                reason = f"{month} has {days} days"
            last = f"{month} {days}" + (f", {mention.year}" if mention.year else "")
            yield make_finding(self.rule, doc, *mention.date_span, suggestions=[last],
                               month=month, days=days, reason=reason)


def build(rule, context: BuildContext):
    return ImpossibleDate(rule, context)
