"""What every ``dates.*`` check shares: settings from the config, the cached analysis, quotation skipping."""

from __future__ import annotations

from lint.checks.base import Check
from lint.checks.context import in_quotation
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
        """Dates inside quotation marks are the speaker's words, said at another time: never judged."""
        return in_quotation(doc, start, end)
