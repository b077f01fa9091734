"""Words as the repetition checks compare them: normalised tokens, stop words, word families.

A *word family* is the set of inflections of one word ("underscore",
"underscores", "underscored", "underscoring"). Its key is the word's Snowball
(Porter 2) English stem, from the ``PyStemmer`` package: the Snowball project's
own C implementation of the algorithm (about fifty times faster than the pure
Python ``snowballstemmer``, with the same output). Stems are only compared with
each other, never shown to the reader.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import repeat
from typing import NamedTuple

#: Function words and the attribution verbs of news copy; repeating them is not a style fault.
STOP_WORDS = frozenset("""
a about above after again against all also although am among an and another any are aren't around as at
be because been before being below between both but by can can't cannot could couldn't did didn't do does
doesn't doing don't down during each either else enough even ever every few for from further get gets got
had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself him himself his
how how's however i i'd i'll i'm i've if in into is isn't it it's its itself just least less let's like
made make many may me might more most much must mustn't my myself near neither never new no nor not now of
off on once one only or other others our ours ourselves out over own per perhaps quite rather really said
same say says saying see seen several shall shan't she she'd she'll she's should shouldn't since so some
still such than that that's the their theirs them themselves then there there's these they they'd they'll
they're they've this those though through thus to told too toward towards under until up upon us very via
was wasn't we we'd we'll we're we've well were weren't what what's when when's where where's whether which
while who who's whom whose why why's will with within without won't would wouldn't year years yet you
you'd you'll you're you've your yours yourself yourselves
mr mrs ms dr according added also asked including tell tells first second last two three four five six
seven eight nine ten hundred thousand million billion trillion dozen percent cent time times people way day
days week weeks month months
""".split())


class Token(NamedTuple):
    """A word in a document: its normalised form and its span in the file.

    A named tuple, not a frozen dataclass: a document has one per word, and a tuple is made about
    five times faster.
    """

    norm: str
    start: int
    end: int


def normalise(word: str) -> str:
    """Lower case, curly apostrophes straightened, possessive 's dropped."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    return w


@lru_cache(maxsize=1)
def _stemmer():
    import Stemmer

    return Stemmer.Stemmer("english")


@lru_cache(maxsize=20000)
def family(word: str) -> str:
    """The key shared by a word's inflections (its Snowball English stem)."""
    return _stemmer().stemWord(normalise(word))


#: Normalised forms of the words seen so far in this process.
_NORMS: dict[str, str] = {}
#: Families of the words seen so far in this process: a run over many documents stems each word once.
_STEMS: dict[str, str] = {}
#: Past this many remembered words the memory is emptied (a run over a very large archive).
_STEMS_LIMIT = 200_000


def families(doc) -> dict[str, str]:
    """The family of every distinct word of the document, stemmed once each (one call into the stemmer)."""
    found = doc.__dict__.get("_families")
    if found is None:
        distinct = doc.__dict__.get("_distinct_norms")
        if distinct is None:
            distinct = doc.__dict__["_distinct_norms"] = {t.norm for t in tokens(doc)}
        if len(_STEMS) > _STEMS_LIMIT:
            _STEMS.clear()
        missing = [n for n in distinct if n not in _STEMS]
        if missing:
            _STEMS.update(zip(missing, _stemmer().stemWords([normalise(n) for n in missing])))
        found = {n: _STEMS[n] for n in distinct}
        doc.__dict__["_families"] = found
    return found


def is_stop_word(norm: str) -> bool:
    return norm in STOP_WORDS or norm.replace("-", "").isdigit()


def stop_words_of(doc) -> frozenset[str]:
    """The document's distinct words that are stop words (:func:`is_stop_word`), worked out once."""
    found = doc.__dict__.get("_stop_norms")
    if found is None:
        distinct = doc.__dict__.get("_distinct_norms")
        if distinct is None:
            distinct = doc.__dict__["_distinct_norms"] = {t.norm for t in tokens(doc)}
        found = doc.__dict__["_stop_norms"] = frozenset(n for n in distinct if is_stop_word(n))
    return found


def tokens(doc, start: int = 0, end: int | None = None) -> list[Token]:
    """The document's words between two offsets, normalised.

    The whole document is tokenised once (several checks ask for the words of
    every sentence and paragraph); a range is a slice found by bisection.
    """
    every = doc.__dict__.get("_tokens")
    if every is None:
        prose = doc.prose
        spans = [m.span() for m in doc.words()]
        words = [prose[s:e] for s, e in spans]
        cache = _NORMS
        if len(cache) > _STEMS_LIMIT:
            cache.clear()
        cache.update((w, normalise(w)) for w in set(words).difference(cache))
        starts = [s for s, _ in spans]
        # Token(norm, start, end) for each word, made in C (tuple.__new__ mapped, not Token's own __new__).
        every = list(map(tuple.__new__, repeat(Token), zip(map(cache.__getitem__, words), starts,
                                                           [e for _, e in spans])))
        doc.__dict__["_tokens"] = every
        doc.__dict__["_token_starts"] = starts
    if start == 0 and end is None:
        return every
    from bisect import bisect_left

    starts = doc.__dict__["_token_starts"]
    lo = bisect_left(starts, start)
    hi = len(every) if end is None else bisect_left(starts, end)
    # A word that starts inside the range but runs past its end is not in it (as with finditer's end bound).
    while hi > lo and end is not None and every[hi - 1].end > end:
        hi -= 1
    return every[lo:hi]
