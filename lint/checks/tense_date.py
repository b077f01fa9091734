"""``tense-date``: a future tense for a date before the draft's date, or a past tense for one after it.

"will meet on 3 December" in a draft dated 12 December; "the summit was held on
15 December" in the same draft. Judged narrowly (see :mod:`lint.dates.tense`):
the date must follow "on" or "in", the nearest tense marker in its clause must
be plain, and plans, postponements and reported intentions are left alone. A
date without a year is judged only within ``yearless_window`` days of the
draft's date (the writer may mean next year's), and only when that nearest
reading is in the draft's own year ("The year began on January 5" in a November
story is this January, not next); a month or year that contains the draft's
date is never judged. Quoted text is not judged; nor are drafts
with no date of their own, unless ``dates: {undated: today}``.

Parameters: none.
Message fields: {match}, {marker} (the tense marker), {tense} (future/past), {date}, {as_of},
{relation} (before/after).
"""

from __future__ import annotations

import regex

from lint.checks.base import BuildContext, Params, check_template, make_finding
from lint.checks.context import sentence_at
from lint.dates.checking import DateCheck
from lint.dates.model import FORM_YEAR, describe_range, format_date
from lint.dates.tense import FUTURE, PAST, clause_tense

PARAMETERS: dict[str, str] = {}

#: Words allowed between the tense marker and the date. A month or a bare year is often a noun's
#: ("will examine failures in 2024", "sales in March 2024"): judged only right after the verb.
_MAX_GAP = {"day": 10, "month": 1, "year": 1}
#: After "in 2024", a lowercase word other than these makes the year a modifier ("in 2024 dollars").
_FUNCTION_WORDS = {"and", "or", "but", "when", "after", "before", "as", "at", "with", "for", "from", "to", "that",
                   "the", "a", "an", "while", "because", "amid", "despite", "under", "following", "during"}


class TenseDate(DateCheck):
    def __init__(self, rule, context) -> None:
        super().__init__(rule, context)
        Params(rule, PARAMETERS)
        check_template(rule, {"match", "marker", "tense", "date", "as_of", "relation"})

    def run(self, doc):
        analysis = self.analysis(doc)
        if not analysis.judged:
            return
        as_of = analysis.as_of
        for mention in analysis.dates:
            if mention.year is None and mention.precision != "day":
                continue
            span = analysis.span_of(mention)
            if span is None:
                continue
            first, last = span
            if first <= as_of <= last:
                continue
            if mention.year is None and min(abs((first - as_of).days), abs((last - as_of).days)) \
                    > self.settings.yearless_window:
                continue
            if mention.year is None and first.year != as_of.year:
                # A date written without a year is in the draft's own year (AP: the year is given only
                # when it is not the current one). When the nearest reading crosses the new year ("The
                # year began on January 5" in a November story), the two readings disagree: the tense
                # shows which the writer meant, so it cannot be judged against either.
                continue
            if mention.form == FORM_YEAR and _modifies_a_noun(analysis.prose, mention.end):
                continue
            sentence = sentence_at(doc, mention.start)
            if sentence is None:
                continue
            found = clause_tense(analysis.prose, sentence.start, mention.start, mention.end, sentence.end,
                                 max_gap=_MAX_GAP[mention.precision])
            if found is None:
                continue
            tense, marker, _ = found
            after = first > as_of
            if (tense == FUTURE and after) or (tense == PAST and not after):
                continue
            if self.quoted(doc, mention.start, mention.end):
                continue
            written = format_date(first) if mention.precision == "day" else describe_range(first, last)
            yield make_finding(self.rule, doc, mention.start, mention.end, marker=marker,
                               tense="future" if tense == FUTURE else "past", date=written,
                               as_of=format_date(as_of), relation="after" if after else "before")


def _modifies_a_noun(prose: str, end: int) -> bool:
    m = regex.match(r"[ \t]+(\p{Ll}+)", prose[end:end + 40])
    return bool(m) and m.group(1) not in _FUNCTION_WORDS


def build(rule, context: BuildContext):
    return TenseDate(rule, context)
