"""The document's date (``as_of``): what a draft is judged against.

Order of precedence: ``--as-of`` on the command line, ``as_of`` in the config,
``date:``/``published:`` in front matter, a dateline (a date standing alone on
one of the first lines), else today, reported as such.
"""

from __future__ import annotations

import datetime as dt
import re

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_PREFIX = r"^(?:(?:published|updated|posted|date|dateline|first published)\s*:?\s*(?:on\s+)?)?"
_SUFFIX = r"\s*(?:[|·•–—-].*)?$"

_FORMS = [
    re.compile(_PREFIX + r"(?P<year>\d{4})-(?P<mnum>\d{1,2})-(?P<day>\d{1,2})(?:[T ][\d:.+Z-]*)?" + _SUFFIX, re.I),
    re.compile(_PREFIX + _WEEKDAY + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})" + _SUFFIX, re.I),
    re.compile(_PREFIX + _WEEKDAY + r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})" + _SUFFIX, re.I),
    re.compile(_PREFIX + _WEEKDAY + r"(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<year>\d{4})" + _SUFFIX, re.I),
]

#: The dates a draft can be judged at. Relative dates ("a thousand years ago", "next month") are computed
#: from the draft's date; inside this range every such computation stays within Python's years 1-9999.
EARLIEST = dt.date(1000, 1, 1)
LATEST = dt.date(8999, 12, 31)


def out_of_range(value: dt.date) -> str | None:
    """Why ``value`` cannot be a draft's date, or None when it can."""
    if EARLIEST <= value <= LATEST:
        return None
    return f"{value.isoformat()} is outside the dates copydesk can judge at ({EARLIEST} to {LATEST})"


#: How many non-empty prose lines at the top are searched for a dateline.
DATELINE_LINES = 6


def parse_standalone_date(line: str, order: str = "mdy") -> dt.date | None:
    """A date that makes up the whole of ``line`` (a prefix such as 'Published:' allowed)."""
    line = line.strip().strip("*_ ")
    for form in _FORMS:
        m = form.match(line)
        if not m:
            continue
        groups = m.groupdict()
        year = int(groups["year"])
        if groups.get("mnum"):
            month, day = int(groups["mnum"]), int(groups["day"])
        elif groups.get("month"):
            month, day = MONTHS[groups["month"].lower()], int(groups["day"])
        else:
            a, b = int(groups["a"]), int(groups["b"])
            month, day = (a, b) if order == "mdy" else (b, a)
            if month > 12 and day <= 12:
                month, day = day, month
        try:
            return dt.date(year, month, day)
        except ValueError:
            return None
    return None


def coerce_date(value) -> dt.date | None:
    """A date from front matter or config: a YAML date, datetime or ISO-like string."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return parse_standalone_date(value)
    return None


def find_dateline(prose: str, order: str = "mdy") -> dt.date | None:
    seen = 0
    for line in prose.splitlines():
        if not line.strip():
            continue
        found = parse_standalone_date(line, order)
        if found and not out_of_range(found):
            return found
        seen += 1
        if seen >= DATELINE_LINES:
            break
    return None


def resolve_as_of(doc, option: dt.date | None, config_value: dt.date | None, order: str = "mdy") -> None:
    """Set ``doc.as_of`` and ``doc.as_of_source``."""
    if option:
        doc.as_of, doc.as_of_source = option, "option"
        return
    if config_value:
        doc.as_of, doc.as_of_source = config_value, "config"
        return
    fm = doc.front_matter
    for key in ("date", "published", "publish_date", "pubdate"):
        found = coerce_date(fm.get(key)) if key in fm else None
        if found and out_of_range(found):
            from lint.source import SourceError

            raise SourceError(f"front matter: {key}: {out_of_range(found)}")
        if found:
            doc.as_of, doc.as_of_source = found, "front_matter"
            return
    found = find_dateline(doc.prose, order)
    if found:
        doc.as_of, doc.as_of_source = found, "dateline"
        return
    doc.as_of, doc.as_of_source = dt.date.today(), "today"
