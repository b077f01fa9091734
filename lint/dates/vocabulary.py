"""Words that name months, weekdays and small numbers, and the small patterns built from them.

Month and weekday names count only when capitalised (``May``, ``MAY``), so the
verb "may" and the noun "march" never start a date.
"""

from __future__ import annotations

MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December")
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

#: Month abbreviations (AP style and common forms); "May" has none.
MONTH_ABBREVIATIONS = {"Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sep": 9,
                       "Sept": 9, "Oct": 10, "Nov": 11, "Dec": 12}
WEEKDAY_ABBREVIATIONS = {"Mon": 0, "Tue": 1, "Tues": 1, "Wed": 2, "Thu": 3, "Thur": 3, "Thurs": 3, "Fri": 4,
                         "Sat": 5, "Sun": 6}

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a hundred": 100, "one hundred": 100, "a": 1, "an": 1,
}
ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "twenty-fifth": 25, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70,
    "seventy-fifth": 75, "eightieth": 80, "ninetieth": 90, "hundredth": 100, "centenary": 100,
}


def month_number(word: str) -> int:
    word = word.rstrip(".").capitalize()
    if word in MONTH_NAMES:
        return MONTH_NAMES.index(word) + 1
    return MONTH_ABBREVIATIONS[word]


def weekday_number(word: str) -> int:
    word = word.rstrip(".").capitalize()
    if word in WEEKDAY_NAMES:
        return WEEKDAY_NAMES.index(word)
    return WEEKDAY_ABBREVIATIONS[word]


def month_of(word: str, abbreviations: bool = True) -> int | None:
    """The month a capitalised word names ("December", "DEC", "Sept"), or None."""
    name = word.capitalize()
    if name in MONTH_NAMES:
        return MONTH_NAMES.index(name) + 1
    if abbreviations and name in MONTH_ABBREVIATIONS:
        return MONTH_ABBREVIATIONS[name]
    return None


def weekday_of(word: str, dot: bool = False) -> int | None:
    """The weekday a capitalised word names ("Friday", or "Fri." with its full stop), or None."""
    name = word.capitalize()
    if name in WEEKDAY_NAMES:
        return None if dot else WEEKDAY_NAMES.index(name)
    if dot and name in WEEKDAY_ABBREVIATIONS:
        return WEEKDAY_ABBREVIATIONS[name]
    return None


def number_value(word: str) -> int | None:
    word = word.lower().replace("\u2011", "-")
    if word.isdigit():
        return int(word)
    if word in NUMBER_WORDS:
        return NUMBER_WORDS[word]
    if "-" in word:
        tens, _, unit = word.partition("-")
        if tens in NUMBER_WORDS and unit in NUMBER_WORDS and NUMBER_WORDS[unit] < 10:
            return NUMBER_WORDS[tens] + NUMBER_WORDS[unit]
    return None


def ordinal_value(word: str) -> int | None:
    word = word.lower()
    digits = word.rstrip("stndrh")
    if digits.isdigit() and word[len(digits):] in ("st", "nd", "rd", "th"):
        return int(digits)
    if word in ORDINAL_WORDS:
        return ORDINAL_WORDS[word]
    tens, _, unit = word.replace("\u2011", "-").partition("-")  # "seventy-sixth"
    if unit in ORDINAL_WORDS and ORDINAL_WORDS[unit] < 10 and NUMBER_WORDS.get(tens, 0) >= 20:
        return NUMBER_WORDS[tens] + ORDINAL_WORDS[unit]
    return None


def _alternation(words) -> str:
    return "|".join(sorted(set(words), key=len, reverse=True))


#: A capitalised word that may name a month or a weekday ("December", "DEC", "Thu"); the extractor checks
#: it against the names in Python, which keeps the patterns small (quick to compile on every run).
NAME_TOKEN = r"\p{Lu}(?:\p{Ll}{2,8}|\p{Lu}{2,8})"
#: A day of the month, 1 to 31, with an optional ordinal suffix.
DAY = r"(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?"
#: A year from 1000 to 2199 (news rarely needs more), never part of a longer number.
YEAR = r"(?:1\d{3}|20\d\d|21\d\d)"
NUMBER_WORD = _alternation([w for w in NUMBER_WORDS if w not in ("a", "an")])
