"""Trigger words: what must occur in a draft before a fact's recogniser is worth compiling and running.

Every recogniser is built from words it cannot match without; a draft that lacks them cannot
hold a match, so the recogniser is neither compiled nor run there. Each gate below is a
necessary condition read off the pattern it guards (:mod:`lint.facts.matcher`,
:mod:`lint.facts.frames`), never a guess:

* an office: the last word of one of its names, as written, and every word of one of its
  titles in any case ("prime" and "minister"; prefixes such as "Dutch" or "NATO" only add words);
  then the shape of a mention: the end of a title, white space and the start of a name
  ("Minister Ol…"), or a full name, a comma and the start of a title ("Olaf Scholz, the Ge…");
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

from lint.literals import folds_oddly

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
    """What one look at a draft's prose tells every gate: its words, its text in lower case, and which of
    the scanner's literals occur in it (one pass of an Aho–Corasick automaton, ``pyahocorasick``)."""

    __slots__ = ("prose", "lowered", "lowered_words", "exact_fold", "_words", "_straight", "_vocabulary",
                 "_found")

    def __init__(self, prose: str, automaton=None, vocabulary: frozenset[str] = frozenset()) -> None:
        self.prose = prose
        self.lowered = prose.lower()
        #: Lower-casing agrees with the regex module's case-insensitive matching on this text (and keeps
        #: every offset).
        self.exact_fold = not any(folds_oddly(ch) for ch in set(_NON_ASCII.findall(prose)))
        self.lowered_words = set(_WORDS.findall(self.lowered if self.exact_fold else prose))
        if not self.exact_fold:
            self.lowered_words = {w.lower() for w in self.lowered_words}
        self._words: set[str] | None = None
        self._straight: str | None = None
        self._vocabulary = vocabulary if automaton is not None and self.exact_fold else frozenset()
        self._found = ({literal for _end, literal in automaton.iter(self.lowered)} if self._vocabulary
                       else frozenset())

    @property
    def words(self) -> set[str]:
        """The words of the text as written."""
        if self._words is None:
            self._words = set(_WORDS.findall(self.prose))
        return self._words

    @property
    def straight_apostrophes(self) -> str:
        """The text with ’ as ' (offsets unchanged): literal patterns take either apostrophe."""
        if self._straight is None:
            self._straight = self.prose.replace("’", "'")
        return self._straight

    def has_any(self, literals) -> bool:
        """One of the lower-case ``literals`` occurs in the text in any case."""
        if not self.exact_fold:
            return True
        vocabulary, found, lowered = self._vocabulary, self._found, self.lowered
        for literal in literals:
            if literal in found if literal in vocabulary else literal in lowered:
                return True
        return False

    def has_all(self, literals) -> bool:
        """Every one of the lower-case ``literals`` occurs in the text in any case."""
        if not self.exact_fold:
            return True
        vocabulary, found, lowered = self._vocabulary, self._found, self.lowered
        return all(literal in found if literal in vocabulary else literal in lowered for literal in literals)

    def has_any_word(self, words) -> bool:
        """One of the lower-case ``words`` is a word of the text in any case."""
        return not self.exact_fold or not self.lowered_words.isdisjoint(words)

    def has_all_words_of_one(self, phrases: tuple[frozenset[str], ...]) -> bool:
        """Every word of one of the ``phrases`` (each a set of lower-case words) is a word of the text."""
        return not self.exact_fold or any(words <= self.lowered_words for words in phrases)

    def percent_sign(self) -> bool:
        return self.has_any(PERCENT_SIGNS) or bool(_PER_CENT.search(self.lowered))


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
    name as written ("Olaf"). A name with an appositive title: a full name as written, a comma,
    white space, then ("the", a qualifier such as "former") the start of a title or of a prefix of
    one ("Olaf Scholz, the German chancellor").
    """

    __slots__ = ("title_ends", "name_starts", "full_names", "title_heads", "qualifiers")

    def __init__(self, titles, prefixes, names, full_names, qualifiers) -> None:
        self.title_ends = tuple(sorted({_tail(t).lower() for t in titles}))
        self.name_starts = tuple(sorted({_head(n) for n in names}))
        self.full_names = tuple(tuple(_APOSTROPHES.sub("'", piece) for piece in n.split()) for n in full_names)
        self.title_heads = tuple(sorted({_head(t).lower() for t in (*titles, *prefixes)}))
        self.qualifiers = tuple(qualifiers)

    def occurs(self, clues: Clues) -> bool:
        if (not clues.exact_fold or "" in self.title_ends or "" in self.name_starts or "" in self.title_heads
                or not all(self.full_names)):
            return True  # lower-casing may move offsets, or a phrase gives no literal: no gate
        return self._title_first(clues) or self._appositive(clues)

    def _title_first(self, clues: Clues) -> bool:
        prose, lowered = clues.prose, clues.lowered
        for start in self.name_starts:
            i = prose.find(start)
            while i >= 0:
                j = _space_before(prose, i)
                if j < i and any(lowered.endswith(end, 0, j) for end in self.title_ends):
                    return True
                i = prose.find(start, i + 1)
        return False

    def _appositive(self, clues: Clues) -> bool:
        prose = clues.straight_apostrophes
        for pieces in self.full_names:
            needle = pieces[-1] + ","
            i = prose.find(needle)
            while i >= 0:
                if self._name_ends_at(prose, i, pieces) and self._title_after(clues.lowered, i + len(needle)):
                    return True
                i = prose.find(needle, i + 1)
        return False

    @staticmethod
    def _name_ends_at(prose: str, i: int, pieces) -> bool:
        """The pieces before the last one precede offset ``i``, each followed by white space."""
        k = i
        for piece in reversed(pieces[:-1]):
            j = _space_before(prose, k)
            if j == k or not prose.endswith(piece, 0, j):
                return False
            k = j - len(piece)
        return True

    def _title_after(self, lowered: str, p: int) -> bool:
        """White space, then perhaps "the" and a qualifier, then the start of a title or prefix."""
        q = _space_after(lowered, p)
        if q == p:
            return False
        starts = [q]
        if lowered.startswith("the", q) and _space_after(lowered, q + 3) > q + 3:
            starts.append(_space_after(lowered, q + 3))
        for s in list(starts):
            for qualifier in self.qualifiers:
                end = s + len(qualifier)
                if lowered.startswith(qualifier, s) and _space_after(lowered, end, "-") > end:
                    starts.append(_space_after(lowered, end, "-"))
        return any(lowered.startswith(head, s) for s in starts for head in self.title_heads)


def _space_before(text: str, i: int) -> int:
    """Where the run of white space ending at ``i`` starts (str.isspace takes in every \\s of the regex module)."""
    while i > 0 and text[i - 1].isspace():
        i -= 1
    return i


def _space_after(text: str, i: int, also: str = "") -> int:
    n = len(text)
    while i < n and (text[i].isspace() or text[i] in also):
        i += 1
    return i


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
