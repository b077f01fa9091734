"""``sentence-difficulty``: a sentence whose own grade level is above the limit.

Each sentence of running text is graded alone with a textstat grade formula
(see :mod:`lint.textmetrics`), the way a Hemingway-style editor highlights
hard sentences. Sentences shorter than ``min_words`` are not graded.

Parameters:
  metric        a grade formula: flesch_kincaid_grade (default), gunning_fog, coleman_liau_index,
                automated_readability_index
  max_grade     highest acceptable grade (default 18)
  min_words     shortest sentence graded, in words (default 12)
Message fields: {match}, {grade}, {limit}, {label}, {words}.
"""

from __future__ import annotations

from lint.checks.base import BuildContext, Check, Params, check_template, make_finding
from lint.checks.readability import RUNNING_TEXT
from lint.document import Document
from lint.textunits import sentence_units

PARAMETERS = {
    "metric": "grade formula: flesch_kincaid_grade (default), gunning_fog, coleman_liau_index, "
              "automated_readability_index",
    "max_grade": "highest acceptable grade for one sentence (default 18)",
    "min_words": "shortest sentence graded, in words (default 12)",
}

GRADE_METRICS = ("flesch_kincaid_grade", "gunning_fog", "coleman_liau_index", "automated_readability_index")


class SentenceDifficultyCheck(Check):
    def __init__(self, rule, params: Params) -> None:
        super().__init__(rule)
        from lint.textmetrics import LABELS

        self.metric = params.choice("metric", "flesch_kincaid_grade", GRADE_METRICS)
        self.label = LABELS[self.metric]
        self.max_grade = params.number("max_grade", 18, low=0, high=100)
        self.min_words = params.number("min_words", 12, low=1, integer=True)
        check_template(rule, {"match", "grade", "limit", "label", "words"})

    def prepare(self) -> None:
        from lint.textmetrics import _cmudict, textstat

        textstat()
        _cmudict()

    def run(self, doc: Document):
        from lint.textmetrics import score

        for start, end in sentence_units(doc, RUNNING_TEXT):
            n = sum(1 for _ in doc.words(start, end))
            if n < self.min_words:
                continue
            grade = score(self.metric, " ".join(doc.prose[start:end].split()))
            if grade > self.max_grade:
                yield make_finding(self.rule, doc, start, end, grade=f"{grade:.0f}", limit=f"{self.max_grade:g}",
                                   label=self.label, words=n)


def build(rule, context: BuildContext) -> Check:
    return SentenceDifficultyCheck(rule, Params(rule, PARAMETERS))
