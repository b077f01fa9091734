"""Dates in a draft: what is written, what it means at the document's date.

:func:`analyse` reads a document once per run of the ``dates.*`` checks and
caches the result on it. Every date keeps the span it was written at (offsets
into ``Document.prose``, which are file offsets); meaning comes second:

- :mod:`lint.dates.absolute` finds absolute dates in the forms news copy uses;
- :mod:`lint.dates.relative` finds "yesterday", "last week", "two days ago" and the days they name;
- :mod:`lint.dates.arithmetic` finds anniversaries, "N years ago" and ages tied to a year;
- :mod:`lint.dates.tense` tells whether a clause puts its date in the past or the future;
- :mod:`lint.dates.settings` validates the ``dates:`` config section;
- :mod:`lint.dates.checking` is the base of the ``dates.*`` rule kinds in :mod:`lint.checks`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

from lint.dates.model import FORM_NUMERIC, DateMention
from lint.dates.settings import DateSettings


@dataclass
class DateAnalysis:
    prose: str
    sentences: list
    as_of: dt.date
    #: True when the date came from the draft, the config or the command line (not from today's clock).
    dated: bool
    settings: DateSettings
    order: str
    #: What fixed the order of numeric dates: 'date_order', 'locale', 'document', or None.
    order_source: str | None
    dates: list[DateMention] = field(default_factory=list)

    @property
    def judged(self) -> bool:
        """Whether checks that need the document's date (relative, tense, arithmetic) may judge."""
        return self.dated or self.settings.undated == "today"

    @cached_property
    def relatives(self):
        from lint.dates.relative import find_relatives

        return find_relatives(self.prose, self.as_of)

    @cached_property
    def claims(self):
        from lint.dates.arithmetic import find_claims

        return find_claims(self.prose, self.sentences, self.dates, self.as_of)

    def year_for(self, mention: DateMention, near: dt.date | None = None) -> int | None:
        """The year of a mention: its own, or the one that puts it nearest to ``near`` (default: as_of)."""
        if mention.year is not None:
            return mention.year
        if mention.month is None:
            return None
        near = near or self.as_of
        best, best_gap = None, None
        for year in (near.year - 1, near.year, near.year + 1):
            first = mention.first_day(year)
            if first is None:  # February 29 outside a leap year
                continue
            last = mention.last_day(year)
            gap = 0 if first <= near <= last else min(abs((first - near).days), abs((last - near).days))
            if best_gap is None or gap < best_gap:
                best, best_gap = year, gap
        return best

    def span_of(self, mention: DateMention, near: dt.date | None = None):
        """(first day, last day) that a possible mention names, its year inferred if needed; None if unknown."""
        year = self.year_for(mention, near)
        if year is None or not mention.exists():
            return None
        first, last = mention.first_day(year), mention.last_day(year)
        if first is None or last is None:
            return None
        return first, last


def analyse(doc, settings: DateSettings) -> DateAnalysis:
    """The dates of ``doc`` (cached on the document for the run)."""
    key = ("_dates", settings)
    cached = doc.__dict__.get(key)
    if cached is not None:
        return cached
    from lint.dates.absolute import find_dates

    prose = doc.prose
    order, source = settings.order, settings.order_source
    dates = find_dates(prose, order)
    if source is None:
        told = _order_told_by(dates)
        if told:
            order, source = told, "document"
            if order != settings.order:
                dates = find_dates(prose, order)
    as_of = doc.as_of or dt.date.today()
    if doc.as_of_source == "dateline" and source in ("locale", "document"):
        from lint.dateline import find_dateline

        # The engine read a numeric dateline (03/04/2025) with date_order alone; read it as the dates are.
        as_of = find_dateline(prose, order) or as_of
    dated = doc.as_of is not None and doc.as_of_source not in (None, "today")
    result = DateAnalysis(prose, doc.sentences, as_of, dated, settings, order, source, dates)
    doc.__dict__[key] = result
    return result


def _order_told_by(dates: list[DateMention]) -> str | None:
    """'mdy' or 'dmy' when a numeric date can be read only one way (12/25/2025, 25/12/2025)."""
    for d in dates:
        if d.form == FORM_NUMERIC and d.parts:
            first, second = d.parts
            if first > 12 >= second:
                return "dmy"
            if second > 12 >= first:
                return "mdy"
    return None
