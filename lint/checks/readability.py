"""``readability``: a readability formula over the whole document, or over each paragraph.

The score comes from textstat (see :mod:`lint.textmetrics`, which keeps it
offline). Only running text is scored: paragraphs and list items, not headings
or table cells. A finding gives the score, the target, and the change that
would move the score most: the longest sentences (with their lines) when
sentences are long, otherwise the longest words.

Texts shorter than ``min_words`` words or ``min_sentences`` sentences are not
scored: a formula over two sentences says nothing.

Parameters:
  metric        flesch_reading_ease, flesch_kincaid_grade, gunning_fog, smog_index, dale_chall,
                coleman_liau_index or automated_readability_index
  target        for flesch_reading_ease the lowest acceptable score (higher is easier); for the
                others the highest acceptable grade
  level         document or paragraph (default document)
  min_words     shortest text scored, in words (default 100 for a document, 40 for a paragraph)
  min_sentences fewest sentences scored (default 5 for a document, 3 for a paragraph)
  suggest       how many sentences or words to name in the advice (default 3)
Message fields: {match}, {label}, {score}, {target}, {comparison} ("at least"/"at most"), {advice}.
"""

from __future__ import annotations

import re

from lint.checks.base import BuildContext, Check, Params, check_template, make_finding
from lint.document import Document
from lint.textunits import sentence_units

PARAMETERS = {
    "metric": "the formula: flesch_reading_ease, flesch_kincaid_grade, gunning_fog, smog_index, dale_chall, "
              "coleman_liau_index, automated_readability_index",
    "target": "lowest acceptable reading ease, or highest acceptable grade",
    "level": "document or paragraph (default document)",
    "min_words": "shortest text scored, in words (default 100 for a document, 40 for a paragraph)",
    "min_sentences": "fewest sentences scored (default 5 for a document, 3 for a paragraph)",
    "suggest": "how many sentences or words the advice names (default 3)",
}

#: Block kinds that hold running text.
RUNNING_TEXT = ("paragraph", "item")
_SENTENCE_END = re.compile(r"[.!?]")
#: Above this mean sentence length (words), shorter sentences are the most effective change.
LONG_MEAN_SENTENCE = 16


def scored_blocks(doc: Document):
    """Blocks of running text: paragraphs and list items with at least one full stop, ! or ?.

    A plain-text block without any (a headline, a byline) is a heading in all but name.
    """
    return [b for b in doc.blocks if b.kind in RUNNING_TEXT and _SENTENCE_END.search(doc.prose, b.start, b.end)]


def scored_text(doc: Document, blocks) -> str:
    """The prose of the given blocks, one paragraph each, as textstat should see it."""
    return "\n\n".join(" ".join(doc.prose[b.start:b.end].split()) for b in blocks)


def _units_by_block(doc: Document, blocks) -> dict[int, list[tuple[int, int]]]:
    """Sentence units grouped by the block (keyed by its start) they begin in."""
    from bisect import bisect_right

    starts = [b.start for b in blocks]
    out: dict[int, list[tuple[int, int]]] = {b.start: [] for b in blocks}
    for start, end in sentence_units(doc):
        i = bisect_right(starts, start) - 1
        if i >= 0 and start < blocks[i].end:
            out[blocks[i].start].append((start, end))
    return out


class ReadabilityCheck(Check):
    def __init__(self, rule, params: Params) -> None:
        super().__init__(rule)
        from lint.textmetrics import LABELS, METRICS

        self.metric = params.choice("metric", "flesch_reading_ease", tuple(METRICS))
        self.label = LABELS[self.metric]
        self.easier_is_higher = METRICS[self.metric][1]
        if "target" not in rule.params:
            raise rule.error("needs a target score", "target")
        self.target = params.number("target", 0, low=-100 if self.easier_is_higher else 0, high=200)
        self.level = params.choice("level", "document", ("document", "paragraph"))
        per_doc = self.level == "document"
        self.min_words = params.number("min_words", 100 if per_doc else 40, low=1, integer=True)
        self.min_sentences = params.number("min_sentences", 5 if per_doc else 3, low=1, integer=True)
        self.suggest = params.number("suggest", 3, low=0, high=20, integer=True)
        check_template(rule, {"match", "label", "score", "target", "comparison", "advice"})

    def prepare(self) -> None:
        from lint.textmetrics import _cmudict, textstat

        textstat()
        _cmudict()

    def run(self, doc: Document):
        blocks = scored_blocks(doc)
        if not blocks:
            return
        units = _units_by_block(doc, blocks)
        if self.level == "document":
            sentences = [u for b in blocks for u in units[b.start]]
            yield from self._judge(doc, blocks, sentences, blocks[0].start, blocks[0].start, document_level=True)
        else:
            for block in blocks:
                yield from self._judge(doc, [block], units[block.start], block.start, block.end, document_level=False)

    def _judge(self, doc: Document, blocks, sentences, start: int, end: int, document_level: bool):
        from lint.textmetrics import score

        words = sum(1 for b in blocks for _ in doc.words(b.start, b.end))
        if words < self.min_words or len(sentences) < self.min_sentences:
            return
        value = score(self.metric, scored_text(doc, blocks))
        failing = value < self.target if self.easier_is_higher else value > self.target
        if not failing:
            return
        yield make_finding(
            self.rule, doc, start, end, document_level=document_level, label=self.label,
            score=f"{value:.1f}", target=f"{self.target:g}",
            comparison="at least" if self.easier_is_higher else "at most",
            advice=self._advice(doc, sentences, words))

    def _advice(self, doc: Document, sentences, words: int) -> str:
        if not self.suggest:
            return ""
        lengths = [(sum(1 for _ in doc.words(start, end)), start) for start, end in sentences]
        if words / max(1, len(sentences)) > LONG_MEAN_SENTENCE:
            longest = sorted(lengths, key=lambda p: (-p[0], p[1]))[:self.suggest]
            named = ", ".join(f"line {doc.position(start)[0]} ({n} words)"
                              for n, start in sorted(longest, key=lambda p: p[1]))
            return f"Split or shorten the longest sentences: {named}."
        from lint.textmetrics import textstat

        counted = {}
        for start, end in sentences:
            for m in doc.words(start, end):
                w = m.group().lower()
                if w not in counted:
                    counted[w] = textstat().syllable_count(w)
        hardest = sorted(counted, key=lambda w: (-counted[w], w))[:self.suggest]
        return "Replace the longest words: " + ", ".join(f"'{w}' ({counted[w]} syllables)" for w in hardest) + "."


def build(rule, context: BuildContext) -> Check:
    return ReadabilityCheck(rule, Params(rule, PARAMETERS))
