"""``sentence-length``: a sentence with more words than the limit, reported over its whole span.

Sentences of running text (paragraphs and list items) are counted; a title line
is its own unit (:mod:`lint.textunits`).

Parameters:
  max_words     longest acceptable sentence, in words (default 35)
Message fields: {match}, {words}, {limit}.
"""

from __future__ import annotations

from lint.checks.base import BuildContext, Check, Params, check_template, make_finding
from lint.checks.readability import RUNNING_TEXT
from lint.document import Document
from lint.textunits import sentence_units

PARAMETERS = {
    "max_words": "longest acceptable sentence, in words (default 35)",
}


class SentenceLengthCheck(Check):
    def __init__(self, rule, params: Params) -> None:
        super().__init__(rule)
        self.max_words = params.number("max_words", 35, low=1, integer=True)
        check_template(rule, {"match", "words", "limit"})

    def run(self, doc: Document):
        for start, end in sentence_units(doc, RUNNING_TEXT):
            n = sum(1 for _ in doc.words(start, end))
            if n > self.max_words:
                yield make_finding(self.rule, doc, start, end, words=n, limit=self.max_words)


def build(rule, context: BuildContext) -> Check:
    return SentenceLengthCheck(rule, Params(rule, PARAMETERS))
