"""Absolute dates in prose, with exact offsets: the forms news copy uses.

Recognised: "December 11, 2025", "Dec. 11", "Thursday, Dec. 11", "11 December 2025",
"Thursday 11th of December", "March 2025", "in March", "12/11/2025", "11.12.2025",
"2025-12-11", "in 2024", "mid-2024". A weekday written in front of a date is kept
with it, so the weekday check can compare the two.

Numbers that are not dates never match: each form needs a month name or a full
numeric date with a four-digit year, and guards reject percentages, amounts,
scores ("3-1"), times ("10:30"), version numbers ("2.4.1"), ranges ("2023–24",
"11-12 December") and quantities ("May 10 years ago", "32 members").
"""

from __future__ import annotations

import regex

from lint.dates.model import (FORM_DAY_MONTH, FORM_ISO, FORM_MONTH, FORM_MONTH_DAY, FORM_MONTH_YEAR, FORM_NUMERIC,
                              FORM_YEAR, DateMention)
from lint.dates.vocabulary import DAY, MONTH, MONTH_NAMES, WEEKDAY, YEAR, month_number, weekday_number

#: Words after a bare "Month D" that show the number counts something else ("May 10 years ago").
_QUANTITY = (r"(?:%|percent\b|per\s+cent\b|million\b|billion\b|trillion\b|thousand\b|years?\b|months?\b|weeks?\b"
             r"|days?\b|hours?\b|minutes?\b|seconds?\b|times\b|people\b|members\b|points?\b|seats?\b|votes?\b"
             r"|troops\b|pounds?\b|dollars?\b|euros?\b|kg\b|km\b|miles?\b|metres?\b|meters?\b)")
#: What may not touch a date on its left: part of a number, an amount, a version, a range.
_LEFT = r"(?<![\p{L}\p{N}_$€£¥./:,\-–—])"
#: What may not follow a number that ends a date: more digits, a decimal, a range, a percentage.
_RIGHT_NUMBER = r"(?!\p{N}|[.,:]\p{N}|\s?[\-–—/]\s?\p{N}|\s?%)"
_WEEKDAY_PREFIX = rf"(?:(?P<weekday>{WEEKDAY})(?:\s*,\s*|\s+)(?:the\s+)?)?"
_YEAR_PART = rf"(?:,?\s+(?P<year>{YEAR}){_RIGHT_NUMBER}(?!\s*{_QUANTITY}))?"

_MONTH_DAY = regex.compile(
    rf"(?=[JFMASONDTW]){_WEEKDAY_PREFIX}(?P<date>(?P<month>{MONTH})\s+(?P<day>{DAY}){_RIGHT_NUMBER}"
    rf"(?!\s*{_QUANTITY}){_YEAR_PART})(?!\p{{L}})", regex.V1)
_DAY_MONTH = regex.compile(  # the lookahead lets the scan skip most positions at once
    rf"(?=[\dMTWFS]){_LEFT}{_WEEKDAY_PREFIX}(?P<date>(?P<day>{DAY})(?:(?<=st|nd|rd|th)\s+of)?\s+(?P<month>{MONTH})"
    rf"{_YEAR_PART})(?!\p{{L}})", regex.V1)
_NUMERIC = regex.compile(
    rf"(?=\d){_LEFT}(?P<date>(?P<a>\d{{1,2}})(?P<sep>[/.])(?P<b>\d{{1,2}})(?P=sep)(?P<year>{YEAR}))"
    rf"(?![\p{{L}}\p{{N}}_/:\-–]|[.,]\p{{N}})", regex.V1)
_ISO = regex.compile(
    rf"(?=[12]){_LEFT}(?P<date>(?P<year>{YEAR})-(?P<month>\d{{2}})-(?P<day>\d{{2}}))(?![\p{{N}}/:\-–]|[.,]\p{{N}})",
    regex.V1)
_MONTH_YEAR = regex.compile(
    rf"(?=[JFMASOND])(?P<date>(?P<month>{MONTH})\s+(?:of\s+)?(?P<year>{YEAR})){_RIGHT_NUMBER}(?!\s*{_QUANTITY})", regex.V1)
#: A month alone needs a word in front that makes it a time ("in March", "since May", "early April").
#: The word is looked behind, so the scan is driven by the month names (fast on long texts).
_MONTH_ALONE = regex.compile(
    r"(?=[JFMASOND])(?<=(?<![\p{L}])(?i:in|since|until|till|by|from|through|during|before|after|last|next|this|early|late|mid"
    r"|of|between)\s+|(?i:mid)-)(?P<date>(?i:" + "|".join(MONTH_NAMES) + r"))(?![\p{L}\p{N}'’]|\s+\p{N}|-\p{N})",
    regex.V1)
#: A year alone needs "in", "since", "during", "early", "mid-"... in front ("in 2024", "mid-2024").
_YEAR_ALONE = regex.compile(
    rf"(?=[12])(?<=(?<![\p{{L}}])(?i:in|since|during|until|by|early|late|mid|of|spring|summer|autumn|fall|winter)\s+"
    rf"|(?i:mid)-)(?P<date>{YEAR}){_RIGHT_NUMBER}(?![\p{{L}}_'’])(?!\s*(?i:{_QUANTITY}))", regex.V1)


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


def _weekday(m):
    if m.group("weekday"):
        return weekday_number(m.group("weekday")), m.start("weekday"), m.end("weekday")
    return None, None, None


def _named(form):
    def make(m, order):
        if form == FORM_MONTH_DAY and m.group("month").rstrip(".") == "May" and _is_may_the_name(m):
            return None
        weekday, w_start, w_end = _weekday(m)
        year = int(m.group("year")) if m.group("year") else None
        day = int(regex.match(r"\d+", m.group("day")).group())
        return DateMention(m.start(), m.end("date"), form, year, month_number(m.group("month")), day,
                           weekday, w_start, w_end, m.start("date"))
    return make


def _is_may_the_name(m) -> bool:
    """'Theresa May 10' is unlikely, but 'May 2' after a capitalised word with no weekday can be a name."""
    before = m.string[max(0, m.start() - 20):m.start()]
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
    return DateMention(m.start("date"), m.end("date"), FORM_MONTH_YEAR, int(m.group("year")),
                       month_number(m.group("month")), None, date_start=m.start("date"))


def _month_alone(m, order):
    word = m.group("date")
    if not (word[0].isupper() and (word.istitle() or word.isupper())):
        return None  # "march", "may": ordinary words
    lead = regex.search(r"(\p{L}+)\s+$", m.string[max(0, m.start() - 12):m.start()])
    if word.lower() == "may" and lead and lead.group(1).lower() in ("of", "between"):
        return None  # "the government of May": a name
    return DateMention(m.start("date"), m.end("date"), FORM_MONTH, None, month_number(word), None,
                       date_start=m.start("date"))


def _year_alone(m, order):
    start = m.start("date")
    if m.string[max(0, start - 4):start].lower() == "mid-":
        start -= 4
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
