"""``sentence-difficulty``: a sentence whose own grade level is above the limit.

Each sentence of running text is graded alone with a textstat grade formula
(see :mod:`lint.textmetrics`), the way a Hemingway-style editor highlights
hard sentences; each sentence of a quotation is graded on its own
(:mod:`lint.readability_stats`). Sentences shorter than ``min_words`` are not
graded. The grade is judged as the message shows it (a whole number), so a
sentence "at grade 18" never fails a limit of 18.

One finding per sentence: a sentence that a ``sentence-length`` rule in the same
run reports (``defer_to``, default ``readability.long-sentence``) is left to it,
since splitting a long sentence is the first fix for a hard one too.

Parameters:
  metric        a grade formula: flesch_kincaid_grade (default), gunning_fog, coleman_liau_index,
                automated_readability_index
  max_grade     highest acceptable grade (default 18)
  min_words     shortest sentence graded, in words (default 12)
  defer_to      the sentence-length rule whose sentences this rule leaves alone (default
                readability.long-sentence; "" reports every hard sentence)
Message fields: {match}, {grade}, {limit}, {label}, {words}.
"""

from __future__ import annotations

from lint.checks.base import BuildContext, Check, Params, check_template, make_finding
from lint.document import Document
from lint.readability_stats import stats_for

PARAMETERS = {
    "metric": "grade formula: flesch_kincaid_grade (default), gunning_fog, coleman_liau_index, "
              "automated_readability_index",
    "max_grade": "highest acceptable grade for one sentence (default 18)",
    "min_words": "shortest sentence graded, in words (default 12)",
    "defer_to": "the sentence-length rule whose long sentences this rule leaves alone "
                "(default readability.long-sentence; \"\" for none)",
}

GRADE_METRICS = ("flesch_kincaid_grade", "gunning_fog", "coleman_liau_index", "automated_readability_index")


class SentenceDifficultyCheck(Check):
    def __init__(self, rule, params: Params, longer_than: int | None = None) -> None:
        super().__init__(rule)
        from lint.textmetrics import LABELS

        self.metric = params.choice("metric", "flesch_kincaid_grade", GRADE_METRICS)
        self.label = LABELS[self.metric]
        self.max_grade = params.number("max_grade", 18, low=0, high=100)
        self.min_words = params.number("min_words", 12, low=1, integer=True)
        #: Sentences longer than this are the sentence-length rule's to report.
        self.longer_than = longer_than
        check_template(rule, {"match", "grade", "limit", "label", "words"})

    def prepare(self) -> None:
        from lint.textmetrics import counter

        counter().prepare()

    def run(self, doc: Document):
        stats = stats_for(doc)
        for i, (start, end, n) in enumerate(stats.sentences):
            if n < self.min_words or (self.longer_than is not None and n > self.longer_than):
                continue
            grade = round(stats.grade(self.metric, i))
            if grade > self.max_grade:
                yield make_finding(self.rule, doc, start, end, grade=f"{grade:.0f}", limit=f"{self.max_grade:g}",
                                   label=self.label, words=n)


def _length_limit(rule_id: str, context: BuildContext) -> int | None:
    """max_words of the sentence-length rule ``rule_id`` when it runs alongside, else None."""
    for other in getattr(context, "rules", None) or ():
        if other.id == rule_id and other.kind == "sentence-length":
            value = other.params.get("max_words", 35)
            return value if isinstance(value, int) and not isinstance(value, bool) else None
    return None


def build(rule, context: BuildContext) -> Check:
    params = Params(rule, PARAMETERS)
    defer_to = params.get("defer_to", "readability.long-sentence")
    if not isinstance(defer_to, str):
        raise rule.error("defer_to must be a rule id, or \"\" for none", "defer_to")
    return SentenceDifficultyCheck(rule, params, _length_limit(defer_to, context) if defer_to else None)
