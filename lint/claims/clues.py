"""Which sentences hold which words: one Aho–Corasick pass over a document instead of a regex per sentence.

A pattern that cannot match without some literal word ("a percentage" needs "%", "cent" or "pp";
"the study found" needs "study") need not be tried in a sentence that lacks every such word. One
pass of an automaton (pyahocorasick) over the lower-cased text finds them all at once.

The words are *clues*: they only ever say "maybe", the patterns decide. So that a missing clue
really means "no match", a clue holds no white space (a draft's spaces may be no-break spaces) and
is spelled in lower case as the pattern spells it; a pattern compiled with ``regex.IGNORECASE``
matches a few letters that lower-casing does not turn into ASCII (İ, ſ, the Kelvin sign), and ``\\d``
matches digits other than 0-9, so a sentence holding one of those is reported as holding every clue.
"""

from __future__ import annotations

from bisect import bisect_right

from lint.lazy_pattern import LazyPattern
from lint.literals import literal_automaton

#: Characters the lower-cased text cannot vouch for (see the module's docstring).
_UNCLUED = LazyPattern(r"[\u0130\u017f\u212a]|(?![0-9])\d")
#: What a span holding such a character is reported to hold: every bit.
EVERY = -1


class Clues:
    """Lower-case words, each with the bits it stands for (OR-ed when a word is listed twice)."""

    def __init__(self, words: dict[str, int]) -> None:
        for word in words:
            if not word or word != word.lower() or any(ch.isspace() for ch in word):
                raise ValueError(f"a clue is a lower-case word without white space, not {word!r}")
        self.words = dict(words)
        self._automaton = None

    def automaton(self):
        if self._automaton is None:
            self._automaton = literal_automaton((word, (len(word), bits)) for word, bits in self.words.items())
        return self._automaton

    def in_spans(self, prose: str, spans: list[tuple[int, int]]) -> list[int]:
        """For each ``(start, end)`` span of ``prose``, the bits of the clues wholly inside it (0: none).

        A span holding a character the clues cannot vouch for gets :data:`EVERY` bit. Spans may
        overlap or come in any order; sorted, disjoint spans (a document's sentences) take one pass.
        """
        n, last = len(prose), 0
        for start, end in spans:  # a document's sentences: in order, inside the text
            if start < last or end < start:
                break
            last = end
        else:
            if last <= n:
                return self._in_ordered(prose, spans)
        spans = [_bounded(start, end, n) for start, end in spans]
        if any(spans[i][1] > spans[i + 1][0] for i in range(len(spans) - 1)):
            return [self._in_ordered(prose, [span])[0] for span in spans]
        return self._in_ordered(prose, spans)

    def _in_ordered(self, prose: str, spans: list[tuple[int, int]]) -> list[int]:
        met = [0] * len(spans)
        if not spans:
            return met
        ascii_only = prose.isascii()
        # İ is the one letter whose lower case is two characters: it would shift every offset after it.
        lowered = prose.lower() if ascii_only else prose.replace("\u0130", "I").lower()
        starts = [s for s, _ in spans]
        ends = [e for _, e in spans]
        lo, hi = spans[0][0], spans[-1][1]
        k, n = 0, len(spans)
        for last, (length, bits) in self.automaton().iter(lowered, lo, hi):
            while k < n and ends[k] <= last:
                k += 1
            if k == n:
                break
            if starts[k] <= last + 1 - length:
                met[k] |= bits
        if not ascii_only:
            for m in _UNCLUED.finditer(prose, lo, hi):
                i = bisect_right(starts, m.start()) - 1
                if i >= 0 and m.start() < ends[i]:
                    met[i] = EVERY
        return met


def _bounded(start: int, end: int, n: int) -> tuple[int, int]:
    """A span as ``regex`` reads ``pos`` and ``endpos``: negative from the end, clipped; empty if reversed."""
    start = min(n, max(0, start + n if start < 0 else start))
    end = min(n, max(0, end + n if end < 0 else end))
    return start, max(start, end)
