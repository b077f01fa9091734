"""``repeated-phrase``: the same run of words used several times in one document.

Words are compared after lower-casing and dropping punctuation, within one
sentence (or title line, see :mod:`lint.textunits`). Every run of ``min_words``
words goes into one dictionary of word tuples (linear in the document's
length); a run used ``min_count`` times or more is grown to the right while all
its copies agree, up to ``max_words``, and reported once at each later copy.
Shorter runs inside a reported phrase are not reported again, and a whole
sentence said again is left to ``repeated-text``.
A phrase must carry at least ``min_content`` words that are not stop words
and a function word inside it: runs of content words ("the poverty line",
"northern white rhino") are the terms a story is about, and phrases made only
of capitalised words (names such as "European Central Bank") are skipped.
Not reported either: deliberate structure, the same opening on several short
blocks that go on differently (parallel list items or headings, see
:mod:`lint.checks.parallel`).

Parameters:
  min_words     shortest phrase, in words (default 3)
  max_words     longest phrase, in words (default 8)
  min_count     report a phrase used this many times or more (default 3)
  min_content   words in the phrase that are not stop words (default 2)
Message fields: {match}, {phrase}, {count}, {line} (first use).
"""

from __future__ import annotations

from collections import defaultdict

from lint.checks.base import BuildContext, Check, Params, check_template, make_finding
from lint.document import Document
from lint.textunits import sentence_units
from lint.checks.parallel import parallel_openings
from lint.words import is_stop_word, tokens

PARAMETERS = {
    "min_words": "shortest phrase, in words (default 3)",
    "max_words": "longest phrase, in words (default 8)",
    "min_count": "report a phrase used this many times or more (default 3)",
    "min_content": "words in the phrase that are not stop words (default 2)",
}


class RepeatedPhraseCheck(Check):
    def __init__(self, rule, params: Params) -> None:
        super().__init__(rule)
        self.min_words = params.number("min_words", 3, low=2, high=20, integer=True)
        self.max_words = params.number("max_words", 8, low=self.min_words, high=30, integer=True)
        self.min_count = params.number("min_count", 3, low=2, integer=True)
        self.min_content = params.number("min_content", 2, low=0, integer=True)
        check_template(rule, {"match", "phrase", "count", "line"})

    def run(self, doc: Document):
        sentences = [tokens(doc, start, end) for start, end in sentence_units(doc)]
        n = self.min_words
        places_of = defaultdict(list)  # word tuple -> (sentence, token) places, in document order
        for si, toks in enumerate(sentences):
            norms = [t.norm for t in toks]
            for i in range(len(toks) - n + 1):
                places_of[tuple(norms[i:i + n])].append((si, i))
        covered: set[tuple[int, int]] = set()  # (sentence, token) positions inside a reported phrase
        # Dictionary order is the order of first use, so the leftmost shortest phrase of a repeated run
        # comes first and is grown to the right; the rest of the run is then covered.
        for gram, places in places_of.items():
            if len(places) < self.min_count:
                continue
            fresh = [(si, i) for si, i in places if not any((si, i + k) in covered for k in range(n))]
            if len(fresh) < self.min_count:
                continue
            length = self._extend(sentences, fresh, n, self.max_words)
            si0, i0 = fresh[0]
            first = sentences[si0][i0:i0 + length]
            if not self._worth_reporting(doc, first):
                continue
            for si, i in fresh:
                covered.update((si, i + k) for k in range(length))
            if all(i == 0 and i + length == len(sentences[si]) for si, i in fresh):
                continue  # a whole sentence said again: repeated-sentence reports it
            if parallel_openings(doc, [sentences[si][i].start for si, i in fresh]):
                continue  # the same opening of parallel items or headings: deliberate structure
            first_line = doc.position(first[0].start)[0]
            words = " ".join(t.norm for t in first)
            for si, i in fresh[1:]:
                start, end = sentences[si][i].start, sentences[si][i + length - 1].end
                yield make_finding(self.rule, doc, start, end, phrase=words, count=len(fresh), line=first_line)

    @staticmethod
    def _extend(sentences, places, n: int, longest: int) -> int:
        """Grow the phrase to the right while every copy still agrees (a repeated clause is one finding)."""
        length = n
        while length < longest:
            nxt = set()
            for si, i in places:
                toks = sentences[si]
                if i + length >= len(toks):
                    return length
                nxt.add(toks[i + length].norm)
            if len(nxt) != 1:
                return length
            length += 1
        return length

    def _worth_reporting(self, doc: Document, toks) -> bool:
        content = [t for t in toks if not is_stop_word(t.norm)]
        if len(content) < self.min_content or all(doc.text[t.start].isupper() for t in content):
            return False
        # A run of content words (after an article) is a term the story is about: "the poverty line",
        # "northern white rhino". A stock phrase has function words inside: "a key priority for the".
        return any(is_stop_word(t.norm) for t in toks[1:-1])


def build(rule, context: BuildContext) -> Check:
    return RepeatedPhraseCheck(rule, Params(rule, PARAMETERS))
