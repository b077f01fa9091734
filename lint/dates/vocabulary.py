"""Words that name months, weekdays and small numbers, and the patterns built from them.

Month and weekday names match only when capitalised (``May``, ``MAY``), so the
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


def _capitalised(words) -> list[str]:
    out = []
    for w in words:
        out += [w, w.upper()]
    return out


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
    return ORDINAL_WORDS.get(word)


def _alternation(words) -> str:
    return "|".join(sorted(set(words), key=len, reverse=True))


#: A month: full names (Title or UPPER case), or an abbreviation with an optional full stop.
MONTH = (r"(?:(?:" + _alternation(_capitalised(MONTH_NAMES)) + r")\b|(?:"
         + _alternation(_capitalised(MONTH_ABBREVIATIONS)) + r")(?:\.|\b))")
#: A weekday: full names, or an abbreviation followed by a full stop.
WEEKDAY = (r"(?:(?:" + _alternation(_capitalised(WEEKDAY_NAMES)) + r")\b|(?:"
           + _alternation(_capitalised(WEEKDAY_ABBREVIATIONS)) + r")\.)")
#: A day of the month, 1 to 31, with an optional ordinal suffix.
DAY = r"(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?"
#: A year from 1000 to 2199 (news rarely needs more), never part of a longer number.
YEAR = r"(?:1\d{3}|20\d\d|21\d\d)"
NUMBER_WORD = _alternation([w for w in NUMBER_WORDS if w not in ("a", "an")])
ORDINAL_WORD = _alternation(ORDINAL_WORDS)
