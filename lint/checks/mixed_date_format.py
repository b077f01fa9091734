"""``mixed-date-format``: full dates written in more than one style in one document.

The first style used wins ("December 11, 2025", "11 December 2025", "12/11/2025"
or "2025-12-11"); later dates in another style are reported with the date
rewritten in the first one (also as a fix). Only dates with a day are compared. Quoted text is
not judged.

Parameters: none.
Message fields: {match}, {style} (this date's style), {first} (the first style), {line} (where it was used).
"""

from __future__ import annotations

from lint.checks.base import BuildContext, Params, check_template, make_finding
from lint.dates.checking import DateCheck
from lint.dates.model import FORM_DAY_MONTH, FORM_ISO, FORM_LABELS, FORM_MONTH_DAY, FORM_NUMERIC
from lint.dates.vocabulary import MONTH_NAMES
from lint.finding import Fix

PARAMETERS: dict[str, str] = {}


class MixedDateFormat(DateCheck):
    def __init__(self, rule, context) -> None:
        super().__init__(rule, context)
        Params(rule, PARAMETERS)
        check_template(rule, {"match", "style", "first", "line"})

    def run(self, doc):
        analysis = self.analysis(doc)
        first_form, first_line = None, 0
        for mention in analysis.dates:
            if mention.form not in FORM_LABELS or mention.day is None or not mention.exists():
                continue
            if self.quoted(doc, mention.start, mention.end):
                continue
            if first_form is None:
                first_form, first_line = mention.form, doc.position(mention.start)[0]
                continue
            if mention.form == first_form:
                continue
            rewritten = rewrite(mention, first_form, analysis.order)
            start, end = mention.date_span
            plain = doc.text[start:end] == doc.prose[start:end]  # no markup inside: safe to rewrite
            fix = Fix(start, end, rewritten) if rewritten and plain else None
            yield make_finding(self.rule, doc, start, end, fix=fix,
                               suggestions=[rewritten] if rewritten else [], style=FORM_LABELS[mention.form],
                               first=FORM_LABELS[first_form], line=first_line)


def rewrite(mention, form: str, order: str) -> str | None:
    month, day, year = MONTH_NAMES[mention.month - 1], mention.day, mention.year
    if form == FORM_MONTH_DAY:
        return f"{month} {day}, {year}" if year else f"{month} {day}"
    if form == FORM_DAY_MONTH:
        return f"{day} {month} {year}" if year else f"{day} {month}"
    if year is None:
        return None
    if form == FORM_ISO:
        return f"{year}-{mention.month:02d}-{day:02d}"
    if form == FORM_NUMERIC:
        a, b = (mention.month, day) if order == "mdy" else (day, mention.month)
        return f"{a:02d}/{b:02d}/{year}"
    return None


def build(rule, context: BuildContext):
    return MixedDateFormat(rule, context)
