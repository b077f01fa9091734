"""Absolute dates in prose, with exact offsets: the forms news copy uses.

Recognised: "December 11, 2025", "Dec. 11", "Thursday, Dec. 11", "11 December 2025",
"Thursday 11th of December", "March 2025", "in March", "12/11/2025", "11.12.2025",
"2025-12-11", "in 2024", "mid-2024". A weekday written beside a date ("Friday,
December 11", "Friday (December 11)", "December 11 (Friday)") is kept with it, so
the weekday check can compare the two.

Numbers that are not dates never match: each form needs a month name or a full
numeric date with a four-digit year, and guards reject percentages, amounts,
scores ("3-1"), times ("10:30"), version numbers ("2.4.1"), ranges ("2023–24",
"11-12 December") and quantities ("May 10 years ago", "32 members").
"""

from __future__ import annotations

import regex

from lint.dates.model import (FORM_DAY_MONTH, FORM_ISO, FORM_MONTH, FORM_MONTH_DAY, FORM_MONTH_YEAR, FORM_NUMERIC,
                              FORM_YEAR, DateMention)
from lint.dates.vocabulary import DAY, MONTH_NAMES, NAME_TOKEN, YEAR, month_of, weekday_of

# Month and weekday names are matched as capitalised words (NAME_TOKEN) and checked against the names in
# Python: ``regex`` compiles long alternations slowly, and a pre-commit hook compiles them on every run.

#: Words after a bare "Month D" or a year that show the number counts something ("May 10 years ago").
_QUANTITIES = frozenset((
    "% percent per million billion trillion thousand year years month months week weeks day days hour hours "
    "minute minutes second seconds times people members point points seat seats vote votes troops pound pounds "
    "dollar dollars euro euros kg km mile miles metre metres meter meters").split())
_NEXT_WORD = regex.compile(r"\s*(%|\p{L}+)")
#: What may not touch a date on its left: part of a number, an amount, a version, a range.
_LEFT_CHARS = r"\p{L}\p{N}_$€£¥./:,\-–—"
_LEFT = rf"(?<![{_LEFT_CHARS}])"
_LEFT_CHAR = regex.compile(rf"[{_LEFT_CHARS}]")
#: What may not follow a number that ends a date: more digits, a decimal, a range, a percentage.
_RIGHT_NUMBER = r"(?!\p{N}|[.,:]\p{N}|\s?[\-–—/]\s?\p{N}|\s?%)"
#: "Friday, December 11", "Friday 11 December", "Friday, the 11th of December", "Friday (December 11)".
_WEEKDAY_PREFIX = rf"(?:(?P<weekday>{NAME_TOKEN})(?P<wdot>\.)?(?:\s*,\s*|\s+|\s*\(\s*)(?:the\s+)?)?"
#: A weekday in brackets after the date: "December 11 (Friday)".
_WEEKDAY_AFTER = regex.compile(rf"\s*\(\s*(?P<weekday>{NAME_TOKEN})(?P<wdot>\.)?\s*\)", regex.V1)
_MONTH = rf"(?P<month>{NAME_TOKEN})(?P<mdot>\.)?"
_YEAR_PART = rf"(?:,?\s+(?P<year>{YEAR}){_RIGHT_NUMBER})?"

_MONTH_DAY = regex.compile(
    rf"(?=\p{{Lu}}){_WEEKDAY_PREFIX}(?P<date>{_MONTH}\s+(?P<day>{DAY}){_RIGHT_NUMBER}{_YEAR_PART})(?!\p{{L}})",
    regex.V1)
_DAY_MONTH = regex.compile(  # the lookahead lets the scan skip most positions at once
    rf"(?=[\d\p{{Lu}}]){_LEFT}{_WEEKDAY_PREFIX}(?P<date>(?P<day>{DAY})(?:(?<=st|nd|rd|th)\s+of)?\s+{_MONTH}"
    rf"{_YEAR_PART})(?!\p{{L}})", regex.V1)
_NUMERIC = regex.compile(
    rf"(?=\d){_LEFT}(?P<date>(?P<a>\d{{1,2}})(?P<sep>[/.])(?P<b>\d{{1,2}})(?P=sep)(?P<year>{YEAR}))"
    rf"(?![\p{{L}}\p{{N}}_/:\-–]|[.,]\p{{N}})", regex.V1)
_ISO = regex.compile(
    rf"(?=[12]){_LEFT}(?P<date>(?P<year>{YEAR})-(?P<month>\d{{2}})-(?P<day>\d{{2}}))(?![\p{{N}}/:\-–]|[.,]\p{{N}})",
    regex.V1)
_MONTH_YEAR = regex.compile(
    rf"(?=\p{{Lu}})(?P<date>{_MONTH}\s+(?:of\s+)?(?P<year>{YEAR})){_RIGHT_NUMBER}", regex.V1)
#: A month alone needs a word in front that makes it a time ("in March", "since May", "early April").
_MONTH_ALONE = regex.compile(
    rf"(?=[JFMASOND])(?<=\s|-)(?P<date>{NAME_TOKEN})(?![\p{{L}}\p{{N}}'’]|\s+\p{{N}}|-\p{{N}})", regex.V1)
_MONTH_CONTEXT = frozenset(
    "in since until till by from through during before after last next this early late mid of between".split())
#: A year alone needs "in", "since", "during", "early", "mid-"... in front ("in 2024", "mid-2024").
_YEAR_ALONE = regex.compile(rf"(?=[12])(?<=\s|-)(?P<date>{YEAR}){_RIGHT_NUMBER}(?![\p{{L}}_'’])", regex.V1)
_YEAR_CONTEXT = frozenset(
    "in since during until by early late mid of spring summer autumn fall winter".split())
_WORD_BEFORE = regex.compile(r"(\p{L}+)(\s+|-)$")


def find_dates(prose: str, order: str = "mdy") -> list[DateMention]:
    """Every absolute date in ``prose``, left to right, none overlapping (the longest form wins)."""
    found: list[DateMention] = []
    for pattern, make in _FORMS:
        for m in pattern.finditer(prose):
            mention = make(m, order)
            if mention is not None:
                found.append(mention)
    found.sort(key=lambda d: (d.start, -(d.end - d.start)))
    kept: list[DateMention] = []
    last_end = -1
    for mention in found:
        if mention.start >= last_end:
            kept.append(mention)
            last_end = mention.end
    return kept


def _counts_something(text: str, end: int) -> bool:
    """True if the word after ``end`` makes the number before it a quantity ("10 years", "5 percent")."""
    m = _NEXT_WORD.match(text, end)
    return bool(m) and m.group(1).lower() in _QUANTITIES


def _word_before(text: str, start: int) -> tuple[str, str]:
    """The word before ``start`` and what separates them (spaces, or '-' as in 'mid-2024')."""
    m = _WORD_BEFORE.search(text, max(0, start - 16), start)
    return (m.group(1).lower(), m.group(2)) if m else ("", "")


def _named(form):
    def make(m, order):
        month = month_of(m.group("month"))
        if month is None:
            return None
        text, end = m.string, m.end("date")
        if m.group("mdot") and m.group("month").capitalize() in MONTH_NAMES:
            if m.end("mdot") != end:
                return None  # "December. 11": a sentence end, not an abbreviation
            end -= 1  # "11 December.": the full stop ends the sentence
        year = int(m.group("year")) if m.group("year") else None
        if _counts_something(text, end):
            return None
        weekday = w_start = w_end = None
        if m.group("weekday"):
            weekday = weekday_of(m.group("weekday"), dot=bool(m.group("wdot")))
            if weekday is not None:
                w_start, w_end = m.start("weekday"), m.end("wdot") if m.group("wdot") else m.end("weekday")
        start = m.start() if weekday is not None else m.start("date")
        if weekday is None and start > 0 and _LEFT_CHAR.match(text, start - 1) and form == FORM_DAY_MONTH:
            return None  # the date proper touches a number: "1,500 11 December" is not a date
        if form == FORM_MONTH_DAY and month == 5 and weekday is None and _is_may_the_name(text, start):
            return None
        day = int(regex.match(r"\d+", m.group("day")).group())
        date_end = end
        if weekday is not None and "(" in text[w_end:m.start("date")]:
            closing = regex.match(r"\s*\)", text[end:end + 3])
            end += closing.end() if closing else 0  # "Friday (December 11)": the bracket belongs to it
        if weekday is None:
            after = _WEEKDAY_AFTER.match(text, end)
            if after and weekday_of(after.group("weekday"), dot=bool(after.group("wdot"))) is not None:
                weekday = weekday_of(after.group("weekday"), dot=bool(after.group("wdot")))
                w_start, w_end = after.start("weekday"), after.end("wdot") if after.group("wdot") else \
                    after.end("weekday")
                end = after.end()
        return DateMention(start, end, form, year, month, day, weekday, w_start, w_end, m.start("date"),
                           date_end=date_end)
    return make


def _is_may_the_name(text: str, start: int) -> bool:
    """'Theresa May 10' is unlikely, but 'May 2' after a capitalised word can be a name."""
    before = text[max(0, start - 20):start]
    return bool(regex.search(r"\p{Lu}\p{Ll}+\s+$", before)) and not regex.search(
        r"(?:On|Since|Until|By|From|Before|After)\s+$", before)


def _numeric(m, order):
    a, b, year = int(m.group("a")), int(m.group("b")), int(m.group("year"))
    readings = []
    for month, day in ((a, b), (b, a)):  # (mdy reading), (dmy reading)
        readings.append((month, day) if 1 <= month <= 12 and 1 <= day <= 31 else None)
    mdy, dmy = readings
    if mdy is None and dmy is None:
        return None  # no reading is a date: not a date at all
    if mdy and dmy and mdy != dmy:
        month, day = mdy if order == "mdy" else dmy
        ambiguous, pair = True, (mdy, dmy)
    else:
        month, day = mdy or dmy
        ambiguous, pair = False, ()
    return DateMention(m.start("date"), m.end("date"), FORM_NUMERIC, year, month, day, date_start=m.start("date"),
                       ambiguous=ambiguous, readings=pair, parts=(a, b))


def _iso(m, order):
    month, day = int(m.group("month")), int(m.group("day"))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return DateMention(m.start("date"), m.end("date"), FORM_ISO, int(m.group("year")), month, day,
                       date_start=m.start("date"))


def _month_year(m, order):
    month = month_of(m.group("month"))
    if month is None or _counts_something(m.string, m.end("date")):
        return None
    if m.group("mdot") and m.group("month").capitalize() in MONTH_NAMES:
        return None
    return DateMention(m.start("date"), m.end("date"), FORM_MONTH_YEAR, int(m.group("year")), month, None,
                       date_start=m.start("date"))


def _month_alone(m, order):
    word = m.group("date")
    month = month_of(word, abbreviations=False)
    if month is None:
        return None
    lead, gap = _word_before(m.string, m.start())
    if (gap == "-" and lead != "mid") or lead not in _MONTH_CONTEXT:
        return None
    if month == 5 and lead in ("of", "between"):
        return None  # "the government of May": a name
    return DateMention(m.start("date"), m.end("date"), FORM_MONTH, None, month, None, date_start=m.start("date"))


def _year_alone(m, order):
    lead, gap = _word_before(m.string, m.start())
    if (gap == "-" and lead != "mid") or lead not in _YEAR_CONTEXT or _counts_something(m.string, m.end("date")):
        return None
    start = m.start("date") - 4 if gap == "-" else m.start("date")
    return DateMention(start, m.end("date"), FORM_YEAR, int(m.group("date")), None, None, date_start=start)


_FORMS = [
    (_MONTH_DAY, _named(FORM_MONTH_DAY)),
    (_DAY_MONTH, _named(FORM_DAY_MONTH)),
    (_NUMERIC, _numeric),
    (_ISO, _iso),
    (_MONTH_YEAR, _month_year),
    (_MONTH_ALONE, _month_alone),
    (_YEAR_ALONE, _year_alone),
]
