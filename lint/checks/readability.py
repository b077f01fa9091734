"""``readability``: a readability formula over the whole document, or over each paragraph.

The score is textstat's, computed from counts made once per document (see
:mod:`lint.textmetrics`, which gives the very float textstat gives, offline).
Only running text is scored: paragraphs and list items, not headings or table
cells. A finding gives the score, the target, and the change that
would move the score most: the longest sentences (with their lines) when
sentences are long, otherwise the longest words.

Texts shorter than ``min_words`` words or ``min_sentences`` sentences are not
scored: a formula over two sentences says nothing. A score is judged as the
message shows it (one decimal), so a finding never reads "11.5; the target is at
most 11.5". Blocks, texts and sentences come from :mod:`lint.readability_stats`,
computed once per document for every readability rule.

Parameters:
  metric        flesch_reading_ease, flesch_kincaid_grade, gunning_fog, smog_index, dale_chall,
                coleman_liau_index or automated_readability_index
  target        for flesch_reading_ease the lowest acceptable score (higher is easier); for the
                others the highest acceptable grade. Wins over targets.
  targets       a target per audience (news, docs, plain-language); the config's ``audience:``
                (default news) picks one
  level         document or paragraph (default document)
  min_words     shortest text scored, in words (default 100 for a document, 40 for a paragraph)
  min_sentences fewest sentences scored (default 5 for a document, 3 for a paragraph)
  suggest       how many sentences or words to name in the advice (default 3)
Message fields: {match}, {label}, {score}, {target}, {comparison} ("at least"/"at most"), {advice}.
"""

from __future__ import annotations

from lint.checks.base import BuildContext, Check, Params, check_template, make_finding
from lint.config import AUDIENCES  # who the copy is for; each document-level rule has a target per audience
from lint.document import Document
from lint.readability_stats import RUNNING_TEXT, scored_blocks, stats_for

__all__ = ["RUNNING_TEXT", "scored_blocks", "scored_text", "AUDIENCES", "ReadabilityCheck", "build"]

PARAMETERS = {
    "metric": "the formula: flesch_reading_ease, flesch_kincaid_grade, gunning_fog, smog_index, dale_chall, "
              "coleman_liau_index, automated_readability_index",
    "target": "lowest acceptable reading ease, or highest acceptable grade (overrides targets)",
    "targets": "the target for each audience (news, docs, plain-language); the config's audience: picks one",
    "level": "document or paragraph (default document)",
    "min_words": "shortest text scored, in words (default 100 for a document, 40 for a paragraph)",
    "min_sentences": "fewest sentences scored (default 5 for a document, 3 for a paragraph)",
    "suggest": "how many sentences or words the advice names (default 3)",
}

#: Above this mean sentence length (words), shorter sentences are the most effective change.
LONG_MEAN_SENTENCE = 16


def scored_text(doc: Document, blocks) -> str:
    """The prose of the given blocks, one paragraph each, as textstat should see it."""
    return stats_for(doc).text_of(blocks)


class ReadabilityCheck(Check):
    def __init__(self, rule, params: Params, audience: str = "news") -> None:
        super().__init__(rule)
        from lint.textmetrics import LABELS, METRICS

        self.metric = params.choice("metric", "flesch_reading_ease", tuple(METRICS))
        self.label = LABELS[self.metric]
        self.easier_is_higher = METRICS[self.metric][1]
        self.target = self._target(rule, params, audience)
        self.level = params.choice("level", "document", ("document", "paragraph"))
        per_doc = self.level == "document"
        self.min_words = params.number("min_words", 100 if per_doc else 40, low=1, integer=True)
        self.min_sentences = params.number("min_sentences", 5 if per_doc else 3, low=1, integer=True)
        self.suggest = params.number("suggest", 3, low=0, high=20, integer=True)
        check_template(rule, {"match", "label", "score", "target", "comparison", "advice"})

    def _target(self, rule, params: Params, audience: str) -> float:
        """``target`` when set (options: in the config), else the audience's entry of ``targets``."""
        low, high = (-100 if self.easier_is_higher else 0), 200
        if "target" in rule.params:
            return params.number("target", 0, low=low, high=high)
        targets = rule.params.get("targets")
        if not isinstance(targets, dict) or not targets:
            raise rule.error("needs a target score, or targets for each audience", "target")
        for name, value in targets.items():
            if name not in AUDIENCES:
                raise rule.error(f"targets names an unknown audience {name!r}; audiences: {', '.join(AUDIENCES)}",
                                 "targets")
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not low <= value <= high:
                raise rule.error(f"targets.{name} must be a number between {low} and {high}", "targets")
        if audience not in targets:
            raise rule.error(f"targets has no entry for the audience {audience!r}", "targets")
        return targets[audience]

    def prepare(self) -> None:
        from lint.textmetrics import counter

        counter().prepare()

    def run(self, doc: Document):
        stats = stats_for(doc)
        blocks = stats.blocks
        if not blocks:
            return
        units = stats.units_by_block()
        if self.level == "document":
            sentences = [u for b in blocks for u in units[b.start]]
            yield from self._judge(doc, blocks, sentences, blocks[0].start, blocks[0].start, document_level=True)
        else:
            for block in blocks:
                yield from self._judge(doc, [block], units[block.start], block.start, block.end, document_level=False)

    def _judge(self, doc: Document, blocks, sentences, start: int, end: int, document_level: bool):
        words = sum(n for _, _, n in sentences)
        if words < self.min_words or len(sentences) < self.min_sentences:
            return
        value = stats_for(doc).score(self.metric, blocks)
        # Judged at the precision the message shows: a score that reads as the target is not reported.
        shown = round(value, 1)
        failing = shown < self.target if self.easier_is_higher else shown > self.target
        if not failing:
            return
        yield make_finding(
            self.rule, doc, start, end, document_level=document_level, label=self.label,
            score=f"{shown:.1f}", target=f"{self.target:g}",
            comparison="at least" if self.easier_is_higher else "at most",
            advice=self._advice(doc, sentences, words))

    def _advice(self, doc: Document, sentences, words: int) -> str:
        if not self.suggest:
            return ""
        lengths = [(n, start) for start, _, n in sentences]
        if words / max(1, len(sentences)) > LONG_MEAN_SENTENCE:
            longest = sorted(lengths, key=lambda p: (-p[0], p[1]))[:self.suggest]
            named = ", ".join(f"line {doc.position(start)[0]} ({n} words)"
                              for n, start in sorted(longest, key=lambda p: p[1]))
            return f"Split or shorten the longest sentences: {named}."
        from lint.textmetrics import counter

        syllable_count = counter().syllable_count
        counted = {}
        for start, end, _ in sentences:
            for m in doc.words(start, end):
                w = m.group().lower()
                if w not in counted:
                    counted[w] = syllable_count(w)
        hardest = sorted(counted, key=lambda w: (-counted[w], w))[:self.suggest]
        return "Replace the longest words: " + ", ".join(f"'{w}' ({counted[w]} syllables)" for w in hardest) + "."


def build(rule, context: BuildContext) -> Check:
    audience = getattr(context.config, "audience", None) or "news"
    return ReadabilityCheck(rule, Params(rule, PARAMETERS), audience)
