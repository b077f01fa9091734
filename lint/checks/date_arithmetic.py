"""``date-arithmetic``: an anniversary, "N years ago" or an age that does not add up.

"the 74th anniversary of NATO's founding in 1949" in a draft dated 2025 (it is
the 76th); "in 1999, 24 years ago" (26); "aged 60, born in 1967" (57 or 58).
The number is checked against the year it is tied to in the same sentence and
the year the sentence speaks of (a year it states, else the draft's date).
Quoted text is not judged; nor are drafts with no date of their own, unless
``dates: {undated: today}``.

Parameters: none.
Message fields: {match}, {explanation} (the arithmetic, in words), {expected} (the right number or numbers).
"""

from __future__ import annotations

from lint.checks.base import BuildContext, Params, check_template, make_finding
from lint.dates.checking import DateCheck
from lint.dates.model import format_date

PARAMETERS: dict[str, str] = {}


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


class DateArithmetic(DateCheck):
    def __init__(self, rule, context) -> None:
        super().__init__(rule, context)
        Params(rule, PARAMETERS)
        check_template(rule, {"match", "explanation", "expected"})

    def run(self, doc):
        analysis = self.analysis(doc)
        if not analysis.judged:
            return
        for claim in analysis.claims:
            if claim.number in claim.accepted or self.quoted(doc, claim.start, claim.end):
                continue
            explanation, expected = explain(claim)
            yield make_finding(self.rule, doc, claim.start, claim.end, suggestions=expected,
                               explanation=explanation, expected=" or ".join(expected))


def explain(claim) -> tuple[str, list[str]]:
    ref = claim.reference
    origin = format_date(claim.origin_date) if claim.origin_date else str(claim.origin_year)
    if claim.kind in ("anniversary", "birthday"):
        right = claim.reference.year - claim.origin_year
        falls = claim.origin_year + claim.number
        return (f"the {ordinal(claim.number)} {claim.kind} of {origin} falls in {falls}, "
                f"but this is {ref.year}: the {ordinal(right)}"), [ordinal(right)]
    if claim.kind == "years-ago":
        lo, hi = min(claim.accepted), max(claim.accepted)
        span = str(lo) if lo == hi else f"{lo} or {hi}"
        return (f"{origin} was {span} years before {format_date(ref)}, not {claim.number}",
                [str(n) for n in sorted(claim.accepted)])
    ages = " or ".join(str(n) for n in sorted(claim.accepted))
    born = f"born on {origin}" if claim.origin_date else f"born in {origin}"
    return f"someone {born} is {ages} on {format_date(ref)}, not {claim.number}", \
        [str(n) for n in sorted(claim.accepted)]


def build(rule, context: BuildContext):
    return DateArithmetic(rule, context)
