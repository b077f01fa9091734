"""Readability formulas exactly as textstat 0.7.x computes them, from counts made once per text.

textstat re-tokenises the text for every count of every formula (words, sentences, syllables,
difficult words), and counts syllables word by word through its own caches; on copydesk's corpus
that was most of the readability rules' time. Here a text is split once into its white-space
chunks, each distinct chunk is cleaned and counted once per process (:class:`TextCounter`), and
the formulas take the sums (:func:`formula`). Every step reproduces textstat's: its punctuation
removal (apostrophes kept before t, s, d, ve, ll, re), its sentence pattern and its rule that a
"sentence" of two words or fewer does not count, its syllables (the CMU Pronouncing Dictionary's
first pronunciation, else Pyphen's en_US hyphenation points plus one; see :mod:`lint.syllables`),
its Dale-Chall word list, and its arithmetic in the same order, so every score is the float
textstat returns. ``tests/test_textmetrics.py`` compares them with textstat itself on the corpus
and on random text.

:func:`textstat` still hands textstat itself the same dictionary offline (no ``nltk.download``),
for the comparison and for anyone who calls it; copydesk's rules do not import it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

#: Formula name (as used in rule parameters) -> (textstat function, higher means easier?)
METRICS = {
    "flesch_reading_ease": ("flesch_reading_ease", True),
    "flesch_kincaid_grade": ("flesch_kincaid_grade", False),
    "gunning_fog": ("gunning_fog", False),
    "smog_index": ("smog_index", False),
    "dale_chall": ("dale_chall_readability_score", False),
    "coleman_liau_index": ("coleman_liau_index", False),
    "automated_readability_index": ("automated_readability_index", False),
}

LABELS = {
    "flesch_reading_ease": "Flesch reading ease",
    "flesch_kincaid_grade": "Flesch-Kincaid grade",
    "gunning_fog": "Gunning fog index",
    "smog_index": "SMOG grade",
    "dale_chall": "Dale-Chall score",
    "coleman_liau_index": "Coleman-Liau index",
    "automated_readability_index": "Automated readability index",
}

# textstat.backend.utils.constants (tests/test_textmetrics.py checks they are still textstat's).
RE_CONTRACTION_ENDINGS = r"[tsd]|ve|ll|re"
RE_NONCONTRACTION_APOSTROPHE = r"\'(?!" + RE_CONTRACTION_ENDINGS + ")"
#: textstat's Flesch constants for English and Gunning's syllable threshold.
FRE_BASE, FRE_SENTENCE_LENGTH, FRE_SYLL_PER_WORD = 206.835, 1.015, 84.6
SYLLABLE_THRESHOLD = 3

_NONCONTRACTION = re.compile(RE_NONCONTRACTION_APOSTROPHE)
_PUNCTUATION = re.compile(r"[^\w\s\']")  # remove_punctuation(rm_apostrophe=False), after the apostrophes
_NOT_LETTER = re.compile(r"[^\w\s]")  # remove_punctuation(rm_apostrophe=True), as count_letters uses it
_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*", re.UNICODE)  # count_sentences
#: ASCII punctuation remove_punctuation always removes (every ASCII non-word character but the apostrophe):
#: a chunk that is ASCII letters with only these around them cleans to those letters.
_EDGE_PUNCTUATION = "".join(ch for ch in map(chr, range(128)) if not ch.isalnum() and ch not in "_'" and
                            not ch.isspace())


class OfflineDictionaryError(RuntimeError):
    pass


def remove_punctuation(text: str) -> str:
    """textstat's ``remove_punctuation(text, rm_apostrophe=False)``, as ``list_words`` applies it."""
    return _PUNCTUATION.sub("", _NONCONTRACTION.sub("", text))


class TextCounts(NamedTuple):
    """What textstat counts in a text: every formula is computed from these."""

    chunks: int  # white-space separated pieces (count_words(rm_punctuation=False), for the ARI)
    words: int  # count_words: pieces with something left after punctuation removal
    syllables: int  # count_syllables
    polysyllables: int  # count_polysyllable_words: words of 3 syllables or more
    difficult: int  # count_difficult_words(syllable_threshold=0): words off the Dale-Chall list
    hard: int  # count_difficult_words(syllable_threshold=3), for the fog index
    letters: int  # count_letters
    characters: int  # count_chars(ignore_spaces=True)
    sentences: int  # count_sentences

    def plus(self, other: "TextCounts", sentences: int) -> "TextCounts":
        """Counts of two texts joined by white space, whose sentence count is ``sentences``."""
        return TextCounts(*(a + b for a, b in zip(self[:-1], other[:-1])), sentences)


EMPTY = TextCounts(0, 0, 0, 0, 0, 0, 0, 0, 0)

#: A chunk's eight counts are kept as one integer, each in a lane of LANE bits, so the counts of a text
#: are one ``sum`` over its chunks (in C) and then unpacked. A lane holds any count below 2**40 (a
#: text of a thousand billion characters), so no lane ever carries into the next.
LANE = 40
LANE_MASK = (1 << LANE) - 1
_FIELDS = 8


def pack(counts) -> int:
    total = 0
    for i, n in enumerate(counts):
        total |= n << (LANE * i)
    return total


def unpack(total: int) -> list[int]:
    return [(total >> (LANE * i)) & LANE_MASK for i in range(_FIELDS)]


class TextCounter:
    """Counts texts; every distinct white-space chunk is cleaned and counted once per process."""

    #: Past this many remembered chunks the memory is emptied (a run over a very large archive).
    LIMIT = 500_000

    def __init__(self, syllables=None) -> None:
        if syllables is None:
            from lint.syllables import index

            syllables = index()
        self.syllables = syllables
        try:
            self.easy = syllables.easy_words()  # textstat's Dale-Chall list
        except FileNotFoundError as exc:  # pragma: no cover - a textstat laid out differently
            raise OfflineDictionaryError(str(exc)) from exc
        self._chunk: dict[str, int] = {}  # chunk -> its share of TextCounts (all but sentences), packed
        self._is_word: dict[str, bool] = {}

    def prepare(self) -> None:
        """Open (or build) the syllable index now: before ``--jobs`` workers fork, or a first timed document."""
        self.syllables.prepare()

    def _syllables_of(self, text: str) -> int:
        """textstat's ``count_syllables(text)`` (its words looked up already)."""
        count = self.syllables.count
        return sum(count(w) for w in remove_punctuation(text).lower().split())

    def _learn(self, chunks) -> None:
        memo = self._chunk
        new = [c for c in set(chunks) if c not in memo]
        if not new:
            return
        if len(memo) > self.LIMIT:
            memo.clear()
            self._is_word.clear()
        cleaned = {}
        wanted = []
        for c in new:
            if c.isascii() and c.isalpha():  # plain ASCII letters: nothing to clean
                token = c
                wanted.append(c.lower())
            else:
                token = c.strip(_EDGE_PUNCTUATION)  # "word," "(word." lose only what remove_punctuation removes
                if not (token.isascii() and token.isalpha()):
                    token = remove_punctuation(c)
                if token.isascii() and token.isalpha():
                    wanted.append(token.lower())
                elif token:
                    low = token.lower()
                    wanted.append(low)
                    wanted.extend(remove_punctuation(token).lower().split())
                    wanted.extend(remove_punctuation(low).lower().split())
            cleaned[c] = token
        self.syllables.learn(wanted)
        count = self.syllables.count
        easy = self.easy
        # pack((chunks, words, syllables, polysyllables, difficult, hard, letters, characters)), inline.
        s2, s3, s4, s5, s6, s7 = (LANE * i for i in range(2, 8))
        one_word = 1 | 1 << LANE
        for c in new:
            token = cleaned[c]
            if not token:
                memo[c] = 1 | len(_NOT_LETTER.sub("", c)) << s6 | len(c) << s7
                continue
            low = token.lower()
            syllables = count(low)
            if token.isascii() and token.isalpha():  # cleaning again changes nothing; its letters are all of it
                poly = hard_syllables = syllables
                letters = len(token)
            else:
                poly = self._syllables_of(token)  # count_polysyllable_words counts each word again
                hard_syllables = self._syllables_of(low)  # is_difficult_word counts the lower-cased word
                letters = len(_NOT_LETTER.sub("", c))
            difficult = low not in easy
            memo[c] = (one_word | syllables << s2 | (poly >= 3) << s3 | difficult << s4
                       | (difficult and hard_syllables >= SYLLABLE_THRESHOLD) << s5 | letters << s6 | len(c) << s7)

    def learn(self, chunks) -> None:
        """Count every chunk of ``chunks`` now (a whole document's words looked up in one query)."""
        self._learn(chunks)

    def is_word(self, chunk: str) -> bool:
        """True if ``chunk`` counts as a word (something is left of it after punctuation removal)."""
        packed = self._chunk.get(chunk)
        if packed is not None:
            return (packed >> LANE) & LANE_MASK == 1
        known = self._is_word.get(chunk)
        if known is None:
            known = self._is_word[chunk] = bool(remove_punctuation(chunk))
        return known

    def sentences(self, text: str) -> int:
        """textstat's ``count_sentences``: pieces ending at . ! or ?, less those of two words or fewer."""
        if len(text) == 0:
            return 0
        found = _SENTENCE.findall(text)
        known, is_word = self._chunk.get, self.is_word
        ignored = 0
        for sentence in found:
            n = 0
            for chunk in sentence.split():
                packed = known(chunk)
                if (packed >> LANE) & LANE_MASK if packed is not None else is_word(chunk):
                    n += 1
                    if n > 2:
                        break
            if n <= 2:
                ignored += 1
        return max(1, len(found) - ignored)

    def words_only(self, text: str) -> TextCounts:
        """The counts of ``text`` without its sentences (0): for summing pieces of a longer text."""
        return self.chunk_counts(text.split())

    def chunk_counts(self, chunks: list[str], sentences: int = 0) -> TextCounts:
        """The counts of a text split at white space into ``chunks``, with ``sentences`` as its sentences."""
        if not chunks:
            return EMPTY._replace(sentences=sentences) if sentences else EMPTY
        memo = self._chunk
        try:
            total = sum(map(memo.__getitem__, chunks))
        except KeyError:
            self._learn(chunks)
            total = sum(map(memo.__getitem__, chunks))
        return TextCounts(*unpack(total), sentences)

    def count(self, text: str) -> TextCounts:
        return self.chunk_counts(text.split(), self.sentences(text))

    def syllable_count(self, text: str) -> int:
        """textstat's ``syllable_count(text)``."""
        if not text:
            return 0
        words = remove_punctuation(text).lower().split()
        self.syllables.learn(words)
        count = self.syllables.count
        return sum(count(w) for w in words)


@lru_cache(maxsize=1)
def counter() -> TextCounter:
    """The process's counter (its syllable index in copydesk's cache folder)."""
    return TextCounter()


def _per(a: int, b: int) -> float:
    try:
        return a / b
    except ZeroDivisionError:
        return 0.0


def formula(metric: str, c: TextCounts) -> float:
    """``metric`` of a text with counts ``c``, computed as textstat 0.7.x computes it (same float)."""
    words_per_sentence = _per(c.words, c.sentences)
    if metric == "flesch_reading_ease":
        syllables = _per(c.syllables, c.words)
        if words_per_sentence == 0 or syllables == 0:
            return 0.0
        return FRE_BASE - FRE_SENTENCE_LENGTH * words_per_sentence - FRE_SYLL_PER_WORD * syllables
    if metric == "flesch_kincaid_grade":
        syllables = _per(c.syllables, c.words)
        if words_per_sentence == 0 or syllables == 0:
            return 0.0
        return (0.39 * words_per_sentence) + (11.8 * syllables) - 15.59
    if metric == "gunning_fog":
        try:
            per_diff_words = 100 * c.hard / c.words
        except ZeroDivisionError:
            return 0.0
        return 0.4 * (words_per_sentence + per_diff_words)
    if metric == "smog_index":
        try:
            return (1.043 * (30 * (c.polysyllables / c.sentences)) ** 0.5) + 3.1291
        except ZeroDivisionError:
            return 0.0
    if metric == "dale_chall":
        try:
            per_difficult_words = 100 * c.difficult / c.words
        except ZeroDivisionError:
            return 0.0
        score = (0.1579 * per_difficult_words) + (0.0496 * words_per_sentence)
        if per_difficult_words > 5:
            score += 3.6365
        return score
    if metric == "coleman_liau_index":
        letters = _per(c.letters, c.words) * 100
        sentences = _per(c.sentences, c.words) * 100
        if letters == 0 or sentences == 0:
            return 0.0
        return (0.058 * letters) - (0.296 * sentences) - 15.8
    if metric == "automated_readability_index":
        a = _per(c.characters, c.chunks)
        b = words_per_sentence
        if a == 0 or b == 0:
            return 0.0
        return (4.71 * a) + (0.5 * b) - 21.43
    raise KeyError(metric)


def score(metric: str, text: str) -> float:
    """``metric`` of ``text``: the float textstat's function of that name returns."""
    return float(formula(metric, counter().count(text)))


def higher_is_easier(metric: str) -> bool:
    return METRICS[metric][1]


# -- textstat itself, offline (for the comparison tests and anyone who wants it) ---------------------


def _cmudict():
    """The CMU dictionary in the shape textstat reads (``d[word][0]``: one mark per stressed vowel)."""
    from lint.syllables import CmuView, index

    return CmuView(index())


def _import_textstat():
    """Import textstat without importing nltk.

    textstat imports nltk at module level only to fetch the dictionary, which
    copydesk supplies itself; importing nltk costs about 200 ms. A placeholder
    stands in while textstat is imported, and any use of it fails loudly (so
    it can never reach ``nltk.download``); the real nltk stays importable.
    """
    import sys
    import types

    if "nltk" in sys.modules:
        import textstat as ts

        return ts
    placeholder = types.ModuleType("nltk")

    def refuse(name):
        raise OfflineDictionaryError(f"textstat tried to use nltk.{name}; copydesk supplies the CMU dictionary "
                                     f"offline and never downloads it")

    placeholder.__getattr__ = refuse
    sys.modules["nltk"] = placeholder
    try:
        import textstat as ts
    finally:
        if sys.modules.get("nltk") is placeholder:
            del sys.modules["nltk"]
    return ts


@lru_cache(maxsize=1)
def textstat():
    """The textstat module, set to English, with its syllable dictionary taken from the cmudict package."""
    ts = _import_textstat()

    try:
        from textstat.backend.counts import _count_syllables
    except ImportError as exc:  # pragma: no cover - depends on the installed textstat
        raise OfflineDictionaryError(
            f"textstat {getattr(ts, '__version__', '?')} has no backend.counts._count_syllables; copydesk "
            f"supports textstat 0.7.x, whose syllable dictionary it can supply offline") from exc
    if not hasattr(_count_syllables, "get_cmudict"):  # pragma: no cover
        raise OfflineDictionaryError("textstat's syllable counter no longer looks up get_cmudict; "
                                     "copydesk cannot supply the dictionary offline")

    def get_cmudict(lang: str):
        return _cmudict() if lang.lower().startswith("en") else None

    _count_syllables.get_cmudict = get_cmudict
    # textstat builds a Pyphen hyphenator (about 50 ms) on every count, though it only needs it for
    # words the dictionary lacks: build it on first use instead.
    if hasattr(_count_syllables, "get_pyphen"):
        _count_syllables.get_pyphen = _lazy_pyphen(_count_syllables.get_pyphen)
    ts.set_lang("en_US")
    return ts


class _LazyPyphen:
    def __init__(self, make, lang: str) -> None:
        self._make, self._lang, self._real = make, lang, None

    def positions(self, word: str):
        if self._real is None:
            self._real = self._make(self._lang)
        return self._real.positions(word)


def _lazy_pyphen(make):
    made: dict[str, _LazyPyphen] = {}

    def get_pyphen(lang: str):
        if lang not in made:
            made[lang] = _LazyPyphen(make, lang)
        return made[lang]

    return get_pyphen
