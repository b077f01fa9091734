"""``overused-word``: a word family used more often than a rate per 1,000 words allows.

Inflections count as one word ("underscore", "underscores", "underscored",
"underscoring": see :mod:`lint.words`). Stop words, numbers, short words and
names (words that are capitalised wherever they appear away from a sentence
start) are not counted. The limit for a document is
``max(min_count, rate * words / 1000)``; each use after the limit is reported
with the family's count.

Parameters:
  rate          uses per 1,000 words allowed for one word family (default 6)
  min_count     never report a family used this many times or fewer (default 3)
  min_length    shortest word counted, in letters (default 4)
  min_words     documents shorter than this are not checked (default 150)
  allow         words never counted (their families are exempt too)
Message fields: {match}, {word}, {count}, {limit}, {forms}, {line} (first use).
"""

from __future__ import annotations

import math
from collections import defaultdict

from lint.checks.base import BuildContext, Check, Params, check_template, make_finding
from lint.checks.context import sentence_at
from lint.document import Document
from lint.words import family, is_stop_word, tokens

PARAMETERS = {
    "rate": "uses per 1,000 words allowed for one word family (default 6)",
    "min_count": "a family used this many times or fewer is never reported (default 3)",
    "min_length": "shortest word counted, in letters (default 4)",
    "min_words": "documents with fewer words are not checked (default 150)",
    "allow": "words never counted, with their inflections",
}


class OverusedWordCheck(Check):
    def __init__(self, rule, params: Params) -> None:
        super().__init__(rule)
        self.rate = params.number("rate", 6, low=0)
        self.min_count = params.number("min_count", 3, low=1, integer=True)
        self.min_length = params.number("min_length", 4, low=1, integer=True)
        self.min_words = params.number("min_words", 150, low=0, integer=True)
        self.allow = {family(w) for w in params.str_list("allow")}
        check_template(rule, {"match", "word", "count", "limit", "forms", "line"})

    def run(self, doc: Document):
        words = tokens(doc)
        if len(words) < self.min_words:
            return
        limit = max(self.min_count, math.floor(self.rate * len(words) / 1000))
        uses = defaultdict(list)
        for tok in words:
            if len(tok.norm) < self.min_length or is_stop_word(tok.norm):
                continue
            key = family(tok.norm)
            if key not in self.allow:
                uses[key].append(tok)
        for key, toks in uses.items():
            if len(toks) <= limit or self._is_name(doc, toks):
                continue
            forms = sorted({t.norm for t in toks})
            first_line = doc.position(toks[0].start)[0]
            for tok in toks[limit:]:
                yield make_finding(self.rule, doc, tok.start, tok.end, word=tok.norm, count=len(toks), limit=limit,
                                   forms=", ".join(forms), line=first_line)

    @staticmethod
    def _is_name(doc: Document, toks) -> bool:
        """A family every use of which is capitalised away from a sentence start is a name (Nato, Reuters)."""
        inside = [t for t in toks if not _starts_sentence(doc, t.start)]
        return bool(inside) and all(doc.text[t.start].isupper() for t in inside)


def _starts_sentence(doc: Document, offset: int) -> bool:
    sentence = sentence_at(doc, offset)
    return sentence is not None and not doc.prose[sentence.start:offset].strip(" \t\"'“‘([")


def build(rule, context: BuildContext) -> Check:
    return OverusedWordCheck(rule, Params(rule, PARAMETERS))
