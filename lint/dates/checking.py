"""What every ``dates.*`` check shares: settings from the config, the cached analysis, quotation skipping."""

from __future__ import annotations

from bisect import bisect_right

from lint.checks.base import Check
from lint.checks.context import enclosing_block, in_quotation
from lint.dates import DateAnalysis, analyse
from lint.dates.settings import settings_for


class DateCheck(Check):
    def __init__(self, rule, context) -> None:
        super().__init__(rule)
        self.settings = settings_for(getattr(context, "config", None))

    def analysis(self, doc) -> DateAnalysis:
        return analyse(doc, self.settings)

    @staticmethod
    def quoted(doc, start: int, end: int) -> bool:
        """Dates inside quotation marks are the speaker's words, said at another time: never judged.

        The same answer as :func:`lint.checks.context.in_quotation`, from quotation spans found once per
        document, so a draft with thousands of dates in one block is not read once per date.
        """
        if enclosing_block(doc, start) is None:
            return in_quotation(doc, start, end)
        starts, spans = quotation_spans(doc)
        i = bisect_right(starts, start) - 1
        return i >= 0 and spans[i][0] < start < spans[i][1]


def quotation_spans(doc) -> tuple[list[int], list[tuple[int, int]]]:
    """(starts, spans) of the quotations in each block: "straight" pairs and “curly” (nested) ones."""
    cached = doc.__dict__.get("_date_quotations")
    if cached is not None:
        return cached
    text = doc.text
    spans: list[tuple[int, int]] = []
    for block in doc.blocks:
        straight = None
        depth, curly = 0, None
        for i in range(block.start, block.end):
            ch = text[i]
            if ch == '"':
                if straight is None:
                    straight = i
                else:
                    spans.append((straight, i))
                    straight = None
            elif ch in "“«":
                if depth == 0:
                    curly = i
                depth += 1
            elif ch in "”»" and depth:
                depth -= 1
                if depth == 0:
                    spans.append((curly, i))
        if depth:  # an unclosed curly quotation runs to the end of its block, as in_quotation reads it
            spans.append((curly, block.end + 1))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for lo, hi in spans:
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(hi, merged[-1][1]))
        else:
            merged.append((lo, hi))
    result = ([lo for lo, _ in merged], merged)
    doc.__dict__["_date_quotations"] = result
    return result
