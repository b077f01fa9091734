"""``repeated-phrase``: the same run of words used several times in one document.

Words are compared after lower-casing and dropping punctuation, within one
sentence (or title line, see :func:`lint.textunits.sentence_units`);
a whole sentence said again is left to ``repeated-text``. Each length from ``max_words`` down to ``min_words`` is counted in a
dictionary of word tuples (linear in the document's length); a phrase inside
a longer repeated phrase that was already reported is not reported again.
A phrase must carry at least ``min_content`` words that are not stop words,
and phrases made only of capitalised words (names such as "European Central
Bank") are skipped.

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
        covered: set[tuple[int, int]] = set()  # (sentence, token) positions inside a reported phrase
        for n in range(self.max_words, self.min_words - 1, -1):
            seen = defaultdict(list)
            for si, toks in enumerate(sentences):
                for i in range(len(toks) - n + 1):
                    seen[tuple(t.norm for t in toks[i:i + n])].append((si, i))
            for phrase, places in seen.items():
                if len(places) < self.min_count:
                    continue
                fresh = [(si, i) for si, i in places if not any((si, i + k) in covered for k in range(n))]
                if len(fresh) < self.min_count or not self._worth_reporting(doc, phrase, sentences, fresh[0]):
                    continue
                length = self._extend(sentences, fresh, n)
                for si, i in fresh:
                    covered.update((si, i + k) for k in range(length))
                if all(i == 0 and i + length == len(sentences[si]) for si, i in fresh):
                    continue  # a whole sentence said again: repeated-sentence reports it
                si0, i0 = fresh[0]
                first_line = doc.position(sentences[si0][i0].start)[0]
                words = " ".join(t.norm for t in sentences[si0][i0:i0 + length])
                for si, i in fresh[1:]:
                    start, end = sentences[si][i].start, sentences[si][i + length - 1].end
                    yield make_finding(self.rule, doc, start, end, phrase=words, count=len(fresh), line=first_line)

    @staticmethod
    def _extend(sentences, places, n: int) -> int:
        """Grow the phrase to the right while every copy still agrees (a repeated clause is one finding)."""
        length = n
        while True:
            nxt = set()
            for si, i in places:
                toks = sentences[si]
                if i + length >= len(toks):
                    return length
                nxt.add(toks[i + length].norm)
            if len(nxt) != 1:
                return length
            length += 1

    def _worth_reporting(self, doc: Document, phrase, sentences, place) -> bool:
        if sum(1 for w in phrase if not is_stop_word(w)) < self.min_content:
            return False
        si, i = place
        toks = sentences[si][i:i + len(phrase)]
        content = [t for t in toks if not is_stop_word(t.norm)]
        return not all(doc.text[t.start].isupper() for t in content)


def build(rule, context: BuildContext) -> Check:
    return RepeatedPhraseCheck(rule, Params(rule, PARAMETERS))
