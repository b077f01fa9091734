"""Trigger words: what must occur in a draft before a fact's recogniser is worth compiling and running.

Every recogniser is built from words it cannot match without; a draft that lacks them cannot
hold a match, so the recogniser is neither compiled nor run there. Each gate below is a
necessary condition read off the pattern it guards (:mod:`lint.facts.matcher`,
:mod:`lint.facts.frames`), never a guess:

* an office: the last word of one of its names, as written, and every word of one of its
  titles in any case ("prime" and "minister"; prefixes such as "Dutch" or "NATO" only add words);
  then the shape of a mention: the end of a title, white space and the start of a name
  ("Minister Ol…"), or a full name's end followed by a comma ("…Scholz,");
* a count: every word of one of the body's names in any case ("euro" and "area"), and the count
  in digits ("31") or the first word of its spelling ("thirty" for thirty-one); a count record
  with patterns of its own needs only the body;
* a value with patterns: every one of its ``context`` patterns, each searched once per draft
  however many records share it (34 presidencies share "presidency"), and only when one of the
  literals its matches start with occurs ("nato", "alliance", "allies", "allied", "hague"); then
  one of the literals one of its own patterns starts with ("germany", "guideline", "target");
* a frame: a percent sign ("%", "per cent", "percent", "pc", "p.c.") and then the record's
  percentage, searched once per draft for each distinct percentage;
* the policy-rate frame: a rate noun ("rate", "borrowing cost", "deposit facility"), a percent
  sign, and the name of one of the banks, as written ("Fed", "Bank of England"): a statement
  only counts near a bank's name.

Case-insensitive gates look in the lower-cased text, which the ``regex`` module's case-insensitive
matching agrees with except for 'İ' and 'ſ' (it matches them to 'i' and 's'): a draft holding
either passes every such gate. ``COPYDESK_PLAIN_SCAN=1`` (:func:`lint.checks.prefilter.set_enabled`)
turns the gates off: every recogniser then runs over the whole draft, which a test compares with.
"""

from __future__ import annotations

import re
from functools import lru_cache

_WORDS = re.compile(r"\w+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_APOSTROPHES = re.compile("['’]")

#: Every "percent" of a frame (lexicon.PERCENT_SIGN, frames._PCT) is "%", "pc", "p.c." or "per", white
#: space or a hyphen or nothing, "cent" (any case). The standard library's \s takes in every character
#: the regex module's \s does, so this finds at least what those patterns find.
PERCENT_SIGNS = ("%", "pc", "p.c.")
_PER_CENT = re.compile(r"per[\s-]?cent")
#: Lower-case literals one of which every rate noun contains (lexicon.RATE_NOUNS).
RATE_WORDS = ("rate", "cost", "facility")


def enabled() -> bool:
    from lint.checks.prefilter import enabled as prefilter_enabled

    return prefilter_enabled()


class Clues:
    """What one look at a draft's prose tells every gate: its words, and its text in lower case."""

    __slots__ = ("prose", "lowered", "words", "lowered_words", "exact_fold")

    def __init__(self, prose: str) -> None:
        self.prose = prose
        self.lowered = prose.lower()
        self.words = set(_WORDS.findall(prose))
        self.lowered_words = {w.lower() for w in self.words}
        #: Lower-casing agrees with the regex module's case-insensitive matching on this text.
        self.exact_fold = not any(_tricky(ch) for ch in set(_NON_ASCII.findall(prose)))

    def has_any(self, literals) -> bool:
        """One of the lower-case ``literals`` occurs in the text in any case."""
        return not self.exact_fold or any(lit in self.lowered for lit in literals)

    def has_any_word(self, words) -> bool:
        """One of the lower-case ``words`` is a word of the text in any case."""
        return not self.exact_fold or not self.lowered_words.isdisjoint(words)

    def has_all_words_of_one(self, phrases: tuple[frozenset[str], ...]) -> bool:
        """Every word of one of the ``phrases`` (each a set of lower-case words) is a word of the text."""
        return not self.exact_fold or any(words <= self.lowered_words for words in phrases)

    def percent_sign(self) -> bool:
        return self.has_any(PERCENT_SIGNS) or bool(_PER_CENT.search(self.lowered))


def _tricky(ch: str) -> bool:
    """A character whose lower case is not its case fold ('ſ', 'İ', 'ß', 'µ'): lower-casing and the regex
    module's case-insensitive matching may disagree on it."""
    low = ch.lower()
    return len(low) != 1 or low != ch.casefold()


def phrase_words(phrases) -> tuple[frozenset[str], ...]:
    """Each phrase as the set of its words in lower case ("Germany's Chancellor" → germany, s, chancellor).

    A phrase matched as a literal (any white space for a space, either apostrophe, any case) and
    starting and ending at word edges has each of these words as a whole word of the text.
    """
    return tuple(dict.fromkeys(frozenset(_WORDS.findall(p.lower())) for p in phrases if _WORDS.search(p)))


def _head(phrase: str) -> str:
    """The start of a phrase every match of its literal pattern starts with: up to the first space or apostrophe."""
    return _APOSTROPHES.split(phrase.split()[0])[0] if phrase.split() else ""


def _tail(phrase: str) -> str:
    """The end of a phrase every match of its literal pattern ends with: from the last space or apostrophe."""
    return _APOSTROPHES.split(phrase.split()[-1])[-1] if phrase.split() else ""


class OfficeShape:
    """The two shapes of an office mention (:func:`lint.facts.matcher.office_pattern`), as literals.

    A title before a name: the end of a title ("minister", any case), white space, the start of a
    name as written ("Olaf"). A name with an appositive title: the end of a full name and a comma
    ("Scholz,").
    """

    __slots__ = ("title_ends", "name_starts", "appositive_ends")

    def __init__(self, titles, names, full_names) -> None:
        self.title_ends = tuple({_tail(t).lower() for t in titles})
        self.name_starts = tuple({_head(n) for n in names})
        self.appositive_ends = tuple({_tail(n) + "," for n in full_names})

    def occurs(self, clues: Clues) -> bool:
        if not clues.exact_fold or "" in self.title_ends or "" in self.name_starts or "," in self.appositive_ends:
            return True  # lower-casing may move offsets, or a phrase gives no literal: no gate
        prose, lowered = clues.prose, clues.lowered
        if any(end in prose for end in self.appositive_ends):
            return True
        for start in self.name_starts:
            i = prose.find(start)
            while i >= 0:
                j = i
                while j > 0 and prose[j - 1].isspace():  # str.isspace takes in every \s of the regex module
                    j -= 1
                if j < i and any(lowered.endswith(end, 0, j) for end in self.title_ends):
                    return True
                i = prose.find(start, i + 1)
        return False


def last_word(text: str) -> str | None:
    words = _WORDS.findall(text)
    return words[-1] if words else None


def first_word(text: str) -> str:
    """The text up to its first white space: a literal every match of the phrase starts with."""
    return text.split()[0] if text.split() else text


@lru_cache(maxsize=None)
def pattern_literals(pattern: str) -> tuple[str, ...] | None:
    """Lower-case literals one of which every match of ``pattern`` contains, or None when none can be derived.

    From the texts every match starts with (:func:`lint.checks.prefilter.literal_prefixes`, white
    space squeezed to one space), the longest piece without white space of each.
    """
    from lint.checks.prefilter import literal_prefixes

    prefixes = literal_prefixes(pattern)
    if not prefixes:
        return None
    return tuple(sorted({max(p.split(), key=len) for p in prefixes}))


def patterns_literals(patterns) -> tuple[str, ...] | None:
    """Literals one of which every match of one of ``patterns`` contains; None if one pattern gives none."""
    out: set[str] = set()
    for pattern in patterns:
        literals = pattern_literals(pattern)
        if literals is None:
            return None
        out.update(literals)
    return tuple(sorted(out))


def count_number_literals(count: int) -> tuple[str, ...]:
    """Literals one of which every statement of ``count`` contains: its digits, the first word of its spelling."""
    from lint.facts.matcher import number_words

    spelled = number_words(count)
    out = [str(count)]
    if spelled:
        out.append(re.split(r"\[", spelled, maxsplit=1)[0])
    return tuple(out)
