"""``ambiguous-date``: a numeric date that reads two ways (03/04/2025: March 4 or 3 April).

Silent when the order is fixed: ``date_order`` in the config, a region in
``dates: {locale: en-GB}``, or another numeric date in the same document that
can be read only one way (25/12/2025). Quoted text is not judged.

Parameters: none.
Message fields: {match}, {first} and {second} (the two readings, month first / day first).
"""

from __future__ import annotations

from lint.checks.base import BuildContext, Params, check_template, make_finding
from lint.dates.checking import DateCheck
from lint.dates.model import MONTH_NAMES

PARAMETERS: dict[str, str] = {}


class AmbiguousDate(DateCheck):
    def __init__(self, rule, context) -> None:
        super().__init__(rule, context)
        Params(rule, PARAMETERS)
        check_template(rule, {"match", "first", "second"})

    def run(self, doc):
        analysis = self.analysis(doc)
        if analysis.order_source is not None:
            return
        for mention in analysis.dates:
            if not mention.ambiguous or self.quoted(doc, mention.start, mention.end):
                continue
            (m1, d1), (m2, d2) = mention.readings
            first = f"{MONTH_NAMES[m1 - 1]} {d1}, {mention.year}"
            second = f"{d2} {MONTH_NAMES[m2 - 1]} {mention.year}"
            yield make_finding(self.rule, doc, mention.start, mention.end, suggestions=[first, second],
                               first=first, second=second)


def build(rule, context: BuildContext):
    return AmbiguousDate(rule, context)
