"""``sentence-length``: a sentence with more words than the limit, reported over its whole span.

Sentences of running text (paragraphs and list items) are counted; a title line
is its own unit (:mod:`lint.textunits`), and so is each sentence of a quotation
(:mod:`lint.readability_stats`): ``He said: "A. B."`` is two sentences, not one.
A sentence this rule reports is not also reported by ``sentence-difficulty``
(one finding per sentence).

Parameters:
  max_words     longest acceptable sentence, in words (default 35)
Message fields: {match}, {words}, {limit}.
"""

from __future__ import annotations

from lint.checks.base import BuildContext, Check, Params, check_template, make_finding
from lint.document import Document
from lint.readability_stats import stats_for

PARAMETERS = {
    "max_words": "longest acceptable sentence, in words (default 35)",
}


class SentenceLengthCheck(Check):
    def __init__(self, rule, params: Params) -> None:
        super().__init__(rule)
        self.max_words = params.number("max_words", 35, low=1, integer=True)
        check_template(rule, {"match", "words", "limit"})

    def run(self, doc: Document):
        for start, end, n in stats_for(doc).sentences:
            if n > self.max_words:
                yield make_finding(self.rule, doc, start, end, words=n, limit=self.max_words)


def build(rule, context: BuildContext) -> Check:
    return SentenceLengthCheck(rule, Params(rule, PARAMETERS))
