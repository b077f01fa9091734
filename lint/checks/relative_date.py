"""``relative-date``: a relative expression set beside a date it contradicts.

"yesterday, December 9" in a draft dated December 12: yesterday was December 11;
"yesterday (Wednesday)" in the same draft: yesterday was a Thursday.
Only an expression and a date written side by side are compared ("yesterday,
December 9", "last week (Nov. 20)", "December 9, yesterday", "last month, in
October"), so each names the other. Loose phrases are given room: "last week"
also covers the ten days before the draft's date. Drafts with no date of their
own are skipped unless ``dates: {undated: today}``. Quoted text is not judged.

Parameters: none.
Message fields: {match}, {relative} (the expression), {means} (what it names at the draft's date),
{written} (the date written), {as_of} (the draft's date).
"""

from __future__ import annotations

import regex

from lint.checks.base import BuildContext, Params, check_template, make_finding
from lint.dates.checking import DateCheck
from lint.dates.model import describe_range, format_date, weekday_name
from lint.dates.vocabulary import NAME_TOKEN, weekday_of

PARAMETERS: dict[str, str] = {}

#: What may stand between a relative expression and the date beside it.
_BETWEEN = regex.compile(r"\s*(?:,|\(|[–—]|--?)?\s*(?:on|in)?\s*", regex.V1)
#: A weekday written alone beside a one-day expression: "yesterday (Wednesday)", "today, Friday,".
_WEEKDAY_BESIDE = regex.compile(rf"\s*(?:,|\()\s*(?P<weekday>{NAME_TOKEN})(?P<dot>\.)?(?![\p{{L}}])", regex.V1)
#: What may stand between a date and a relative expression after it ("December 9, yesterday", "Dec. 9 (yesterday)").
_BETWEEN_BEFORE = regex.compile(r"\s*(?:,|\()\s*\Z", regex.V1)


class RelativeDate(DateCheck):
    def __init__(self, rule, context) -> None:
        super().__init__(rule, context)
        Params(rule, PARAMETERS)
        check_template(rule, {"match", "relative", "means", "written", "as_of"})

    def run(self, doc):
        analysis = self.analysis(doc)
        if not analysis.judged:
            return
        prose = analysis.prose
        by_start = {d.start: d for d in analysis.dates}
        by_end = {d.end: d for d in analysis.dates}
        by_weekday = {d.weekday_start: d for d in analysis.dates if d.weekday_start is not None}
        for rel in analysis.relatives:
            if not rel.judged:
                continue
            after = _BETWEEN.match(prose, rel.end)
            before = _BETWEEN_BEFORE.search(prose, max(0, rel.start - 8), rel.start)
            mention = by_weekday.get(rel.weekday_start) if rel.weekday_start is not None else None
            mention = mention or (by_start.get(after.end()) if after else None) or \
                (by_end.get(before.start()) if before else None)
            if mention is None:
                yield from self._weekday_beside(doc, analysis, rel, after)
                continue
            start, end = min(rel.start, mention.start), max(rel.end, mention.end)
            if self.quoted(doc, start, end):
                continue
            span = analysis.span_of(mention, near=rel.middle)
            if span is None or rel.contains(*span):
                continue
            written = _describe(span, mention)
            yield make_finding(self.rule, doc, start, end, suggestions=[_strict(rel)],
                               relative=rel.text, means=_strict(rel), written=written,
                               as_of=format_date(analysis.as_of))


    def _weekday_beside(self, doc, analysis, rel, after):
        """'yesterday (Wednesday)' in a Friday draft: a one-day expression beside a weekday alone."""
        lo, hi = rel.ranges[0]
        named = _WEEKDAY_BESIDE.match(analysis.prose, rel.end)
        if lo != hi or len(rel.ranges) != 1 or not named or self.quoted(doc, rel.start, named.end()):
            return
        written = weekday_of(named.group("weekday"), dot=bool(named.group("dot")))
        if written is None or written == lo.weekday():
            return
        means = f"{weekday_name(lo.weekday())}, {format_date(lo)}"
        yield make_finding(self.rule, doc, rel.start, named.end(), suggestions=[weekday_name(lo.weekday())],
                           relative=rel.text, means=means, written=f"a {weekday_name(written)}",
                           as_of=format_date(analysis.as_of))


def _strict(rel) -> str:
    """The expression's strict meaning, in words: 'December 11, 2025', 'November 2025', 'December 1 to 7, 2025'."""
    return " or ".join(describe_range(lo, hi) for lo, hi in rel.ranges[:rel.strict])


def _describe(span, mention) -> str:
    lo, hi = span
    return describe_range(lo, hi) if mention.precision != "day" else format_date(lo)


def build(rule, context: BuildContext):
    return RelativeDate(rule, context)
