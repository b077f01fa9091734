"""Claims that tie a number of years to a year: anniversaries, "N years ago", ages.

Each claim is found with the year it is measured from (the founding, the
event, the birth) in the same sentence, and with the numbers that would be
right at the year it is observed in: a year stated in the sentence, else the
document's date ("next year"/"last year" move it by one). Only pairs that the
sentence itself ties together are judged; a bare "74th anniversary" is left to
the facts checks.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from dataclasses import dataclass

import re

from lint.dates.model import DateMention
from lint.dates.vocabulary import YEAR, number_value, ordinal_value

# Plain ``re`` with generic number words checked in Python: ``regex`` compiles long alternations slowly,
# and a pre-commit hook compiles them on every run.
#: A sentence without one of these words holds no claim: a cheap test before the patterns.
_KEYWORDS = re.compile(r"anniversar|birthday|\bborn\b|\bb\.|\bago\b|\bage[d\s]|year[-\u2011]old|years\s+old|yr[-\u2011]old",
                       re.IGNORECASE)
_NUMBER_WORD = r"[^\W\d_]+(?:-[^\W\d_]+)?"
_ANNIVERSARY = re.compile(rf"(?<!\w)(?P<n>\d{{1,3}}(?:st|nd|rd|th)|{_NUMBER_WORD})\s+"
                          rf"(?P<what>(?i:anniversary|birthday))(?![^\W\d_])")
#: "... anniversary of NATO's founding in 1949", "... of the 1949 treaty" — within one phrase (no comma).
_OF_YEAR = re.compile(rf"\s+of\s+[^.,;:!?()\d]{{0,60}}?(?<![\w$€£¥])(?P<year>{YEAR})"
                      rf"(?![\d%]|[-–—/]\d|[.,]\d)")
#: "founded in 1949", "established on April 4, 1949", "born in 1967", "(born 1967)", "(b. 1967)".
_ORIGIN = re.compile(
    r"(?<![^\W\d_])(?i:founded|established|formed|created|signed|opened|launched|built|inaugurated|born|b\.)"
    r"\s+(?:in\s+|on\s+)?(?=[A-Z\d])")
#: A place between the verb and the date: "born in Leeds in 1967", "founded in Washington on April 4, 1949".
_PLACE_THEN_DATE = re.compile(r"[A-Z][^\W\d_]+(?:,?[ -][A-Z][^\W\d_]+){0,3},?\s+(?:in|on)\s+")
_BARE_YEAR = re.compile(rf"(?P<year>{YEAR})(?![\d%]|[-–—/]\d|[.,]\d)")
_YEARS_AGO = re.compile(rf"(?<![^\W_])(?<!\d[,.])(?P<n>\d{{1,3}}|{_NUMBER_WORD})\s+(?i:years?\s+ago)(?![^\W\d_])")
#: "aged 58", "58-year-old", "58 years old", and the news apposition "Smith, 58, ...".
_AGE = re.compile(r"(?<!\w)(?:(?i:aged|age)\s+(?P<a>\d{1,3})(?![\d%])"
                  r"|(?P<b>\d{1,3})[-\u2011](?i:year|yr)[-\u2011]old|(?P<c>\d{1,3})\s+years\s+old)(?![^\W\d_])"
                  r"|(?<=[a-z]),\s+(?P<d>\d{1,3}),")
#: How far apart (characters) an age and a birth year may stand and still be one person's.
_AGE_REACH = 60
#: Words between an age and a birth year that show they belong to two people.
_ANOTHER_PERSON = re.compile(r"\b(?:and|but|while|whereas|whose|his|her|their)\b|;", re.IGNORECASE)
#: Ages told of another time than the document's date ("died aged 80", "when she was 12").
_OTHER_TIME = re.compile(r"\b(?:died|dies|death|dead|killed|murdered|when|while|at the time|then|was aged|"
                            r"were aged|had been|as a|would)\b", re.IGNORECASE)
_FUTURE = re.compile(r"\b(?:will|next|upcoming|coming|plans?|planned|prepares?|preparing|ahead of)\b",
                     re.IGNORECASE)
_PAST = re.compile(r"\b(?:marked|celebrated|commemorated|was|were|last|held|observed)\b", re.IGNORECASE)
#: Separators between "N years ago" and the year it names: "26 years ago, in 1999", "1999 (26 years ago)".
_APPOSED = re.compile(r"\s*(?:[,(–—]|--?)?\s*(?:in|on)?\s*")


@dataclass(frozen=True)
class Claim:
    kind: str                 # anniversary | birthday | years-ago | age
    start: int                # the claim: "74th anniversary", "26 years ago", "aged 58"
    end: int
    number: int
    number_start: int         # the number itself, for the suggestion
    number_end: int
    origin_year: int
    origin_date: dt.date | None
    reference: dt.date        # when the claim is observed
    accepted: tuple[int, ...]


#: Every match of _KEYWORDS holds one of these (case aside): a sentence without any cannot match.
_KEYWORD_LITERALS = ("anniversar", "birthday", "born", "b.", "ago", "age", "year", "yr")
#: Characters that ``re.IGNORECASE`` matches with an ASCII letter although their lower case is not it.
_FOLDED_ODDLY = ("ı", "ſ")


def find_claims(prose: str, sentences, dates: list[DateMention], as_of: dt.date) -> list[Claim]:
    claims: list[Claim] = []
    starts = [d.start for d in dates]
    # The keyword pattern is tried only on sentences whose lower-cased text holds one of its literals, when
    # lower-casing keeps every offset and nothing folds oddly (else on every sentence, as before).
    low = prose.lower()
    literals = _KEYWORD_LITERALS if len(low) == len(prose) and not any(ch in prose for ch in _FOLDED_ODDLY) \
        else None
    for sentence in sentences:
        text_start, text_end = sentence.start, sentence.end
        if literals and not any(low.find(word, text_start, text_end) >= 0 for word in literals):
            continue
        if not _KEYWORDS.search(prose, text_start, text_end):
            continue
        first = bisect_left(starts, text_start)
        in_sentence = [d for d in dates[first:bisect_left(starts, text_end)] if d.end <= text_end]
        claims += _anniversaries(prose, text_start, text_end, in_sentence, as_of)
        claims += _years_ago(prose, text_start, text_end, in_sentence, as_of)
        claims += _ages(prose, text_start, text_end, in_sentence, as_of)
    return claims


def _origin(prose: str, start: int, end: int, dates: list[DateMention]):
    """The first 'founded in 1949' / 'born on ...' / 'born in Leeds in 1967' in [start, end):
    (year, full date or None, offset)."""
    for m in _ORIGIN.finditer(prose, start, end):
        after = m.end()
        for d in dates:
            if d.date_start == after and d.year is not None:
                return d.year, d.date() if d.precision == "day" else None, d.start
        y = _BARE_YEAR.match(prose, after, end)
        if y:
            return int(y.group("year")), None, y.start()
        place = _PLACE_THEN_DATE.match(prose, after, end)  # "born in Leeds in 1967"
        if place:
            for d in dates:
                if d.date_start == place.end() and d.year is not None:
                    return d.year, d.date() if d.precision == "day" else None, d.start
    return None


def _reference(prose, start, end, dates, exclude_years, as_of: dt.date) -> tuple[dt.date, bool]:
    """The date the claim is observed at, and whether the sentence stated it."""
    years = {d.year for d in dates if d.year is not None and d.year not in exclude_years}
    if len(years) == 1:
        year = years.pop()
        exact = [d.date() for d in dates if d.year == year and d.precision == "day" and d.date()]
        return (exact[0] if exact else dt.date(year, 12, 31)), True
    text = prose[start:end].lower()
    if "next year" in text:
        return as_of.replace(year=as_of.year + 1, month=12, day=31), True
    if "last year" in text:
        return as_of.replace(year=as_of.year - 1, month=12, day=31), True
    return as_of, False


def _anniversaries(prose, start, end, dates, as_of):
    out = []
    for m in _ANNIVERSARY.finditer(prose, start, end):
        n = ordinal_value(m.group("n"))
        if not n:
            continue
        of_year = _OF_YEAR.match(prose, m.end(), end)
        if of_year and _names_when_it_falls(prose, of_year, n, as_of):
            continue
        if of_year:
            origin_year, origin_date = int(of_year.group("year")), None
            for d in dates:
                if d.start <= of_year.start("year") < d.end and d.precision == "day":
                    origin_date = d.date()
        else:
            found = _origin(prose, start, m.start(), dates)
            if not found:
                continue
            origin_year, origin_date, _ = found
        reference, stated = _reference(prose, start, end, dates, {origin_year}, as_of)
        exact = reference.year - origin_year
        accepted = {exact}
        if not stated:
            sentence = prose[start:end]
            if _FUTURE.search(sentence):
                accepted.add(exact + 1)
            if _PAST.search(sentence):
                accepted.add(exact - 1)
        out.append(Claim(m.group("what").lower(), m.start(), m.end(), n, m.start("n"), m.end("n"), origin_year,
                         origin_date, reference, tuple(sorted(accepted))))
    return out


def _names_when_it_falls(prose, of_year, n, as_of) -> bool:
    """"the 50th anniversary of the launches in 2027" (a draft of 2024, the launches "in 1977"): after "in",
    the year may be when the anniversary falls, not when the event happened. It is read so when the year
    is after the draft's (an anniversary counts from an event that has happened) or when the story states
    the year N before it (1977). "the 74th anniversary of NATO's founding in 1949" names the founding's year."""
    if re.search(r"\bin\s+$", prose[of_year.start():of_year.start("year")]) is None:
        return False
    year = int(of_year.group("year"))
    return year > as_of.year or re.search(rf"(?<![\d,.]){year - n}(?![\d%])", prose) is not None


def _years_ago(prose, start, end, dates, as_of):
    out = []
    for m in _YEARS_AGO.finditer(prose, start, end):
        n = number_value(m.group("n"))
        if n is None:
            continue
        anchor = None
        for d in dates:
            if d.year is None:
                continue
            after = _APPOSED.fullmatch(prose, m.end(), d.start)
            before = _APPOSED.fullmatch(prose, d.end, m.start()) if d.end <= m.start() else None
            if (after and d.start >= m.end()) or before:
                anchor = d
                break
        if anchor is None:
            continue
        exact_date = anchor.date() if anchor.precision == "day" else None
        if exact_date:
            years = as_of.year - exact_date.year - ((as_of.month, as_of.day) < (exact_date.month, exact_date.day))
            accepted = (years, years + 1)  # "26 years ago" for 25 years and 11 months is fair
        else:
            years = as_of.year - anchor.year
            accepted = (years - 1, years)
        out.append(Claim("years-ago", m.start(), m.end(), n, m.start("n"), m.end("n"), anchor.year, exact_date,
                         as_of, accepted))
    return out


def _ages(prose, start, end, dates, as_of):
    out = []
    if _OTHER_TIME.search(prose, start, end):
        return out
    found = _origin(prose, start, end, dates)
    if not found or not re.search(r"\b(?:born|b\.)", prose[start:end], re.IGNORECASE):
        return out
    birth_year, birth_date, birth_at = found
    for m in _AGE.finditer(prose, start, end):
        lo, hi = sorted((m.start(), birth_at))
        if hi - lo > _AGE_REACH or _ANOTHER_PERSON.search(prose, lo, hi):
            continue  # "Smith, aged 58, and Jones, born in 1970": two people
        group = next(g for g in "abcd" if m.group(g))
        if group == "d" and not re.search(r"(?:^|\s)[A-Z][^\W\d_]+$", prose[max(start, m.start() - 30):m.start()]):
            continue  # ", 58," counts as an age only after a name: "Smith, 58, ..."
        n = int(m.group(group))
        if birth_date:
            age = as_of.year - birth_date.year - ((as_of.month, as_of.day) < (birth_date.month, birth_date.day))
            accepted = (age,)
        else:
            accepted = (as_of.year - birth_year - 1, as_of.year - birth_year)
        claim_start, claim_end = (m.start(group), m.end(group)) if group == "d" else (m.start(), m.end())
        out.append(Claim("age", claim_start, claim_end, n, m.start(group), m.end(group), birth_year, birth_date,
                         as_of, accepted))
    return out
