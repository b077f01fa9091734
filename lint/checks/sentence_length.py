"""``sentence-length``: a sentence with more words than the limit, reported over its whole span.

Parameters:
  max_words     longest acceptable sentence, in words (default 35)
Message fields: {match}, {words}, {limit}.
"""

from __future__ import annotations

from lint.checks.base import BuildContext, Check, Params, check_template, make_finding
from lint.document import Document

PARAMETERS = {
    "max_words": "longest acceptable sentence, in words (default 35)",
}


class SentenceLengthCheck(Check):
    def __init__(self, rule, params: Params) -> None:
        super().__init__(rule)
        self.max_words = params.number("max_words", 35, low=1, integer=True)
        check_template(rule, {"match", "words", "limit"})

    def run(self, doc: Document):
        for s in doc.sentences:
            if doc.blocks[s.block].kind == "heading":
                continue
            n = sum(1 for _ in doc.words(s.start, s.end))
            if n > self.max_words:
                yield make_finding(self.rule, doc, s.start, s.end, words=n, limit=self.max_words)


def build(rule, context: BuildContext) -> Check:
    return SentenceLengthCheck(rule, Params(rule, PARAMETERS))
