"""``unsourced-figure``: a statistic or an estimate that nobody is cited for.

A sentence with a figure is *sourced* when it, or a sentence within ``reach``
of it in the same paragraph, is attributed (see :mod:`lint.claims.attribution`:
a named source with a reporting verb, a link or footnote, a "(Source: …)"
note), or when it is told in the first person ("I make around £20 a shift").
An unbroken run of figure sentences that follows a sourced one inherits its
source, across paragraph breaks too ("According to Eurostat, … fell to 6%.
Youth unemployment fell to 14%. It was 15% a year earlier."). A story that
names the study or report it is built on anywhere sources all its figures
(``article_source``; :func:`lint.claims.attribution.stated_source`). Figures
that are not statistics — decisions, results, prices, fines, banknotes,
market moves, measures, the crowd at an event — are never reported (see
:mod:`lint.claims.not_statistics`), nor are figures quoted from a named
speaker, in headings and in table cells; dates, years and small counts are not
figures (see :mod:`lint.claims.figures`). One finding per sentence, at its
first statistic. The config's ``claims:`` section adjusts which subjects name
a source (see :mod:`lint.claims.settings`).

Parameters:
  reach           sentences on either side, in the same paragraph, that may carry the source (default 5)
  article_source  a study or report the story names anywhere sources all its figures (default true)
  skip_blocks     block kinds never checked (default [heading, cell])
  figures         which figures to report, from: percentage, amount, statistic, count, change,
                  record, ranking (default all)
Message fields: {match} (the figure), {what} ("a percentage", "a ranking", ...).
"""

from __future__ import annotations

from lint.checks.base import BuildContext, Check, Params, check_template, make_finding
from lint.claims.attribution import in_named_quotation, neighbours, sentence_attribution, stated_source
from lint.claims.figures import PATTERNS, find_figures_in
from lint.claims.not_statistics import told_in_first_person, why_not_a_statistic
from lint.claims.settings import vocabulary
from lint.document import Document

PARAMETERS = {
    "reach": "sentences on either side, in the same paragraph, that may carry the source (default 5)",
    "article_source": "a study or report the story names anywhere sources all its figures (default true)",
    "skip_blocks": "block kinds never checked (default [heading, cell])",
    "figures": "which figures to report: percentage, amount, statistic, count, change, record, ranking",
}
FIGURE_KINDS = sorted({what.split()[-1] for what, _ in PATTERNS})
BLOCK_KINDS = ("paragraph", "heading", "cell", "item")


class UnsourcedFigureCheck(Check):
    def __init__(self, rule, params: Params, context: BuildContext) -> None:
        super().__init__(rule)
        self.vocab = vocabulary(context)
        self.reach = int(params.number("reach", 5, low=0, high=50, integer=True))
        self.article_source = params.bool("article_source", True)
        self.skip_blocks = set(params.str_list("skip_blocks", ["heading", "cell"]))
        unknown = sorted(self.skip_blocks - set(BLOCK_KINDS))
        if unknown:
            raise rule.error(f"skip_blocks: unknown block kind {', '.join(map(repr, unknown))}; "
                             f"known: {', '.join(BLOCK_KINDS)}", "skip_blocks")
        self.figures = set(params.str_list("figures", FIGURE_KINDS))
        unknown = sorted(self.figures - set(FIGURE_KINDS))
        if unknown:
            raise rule.error(f"figures: unknown figure kind {', '.join(map(repr, unknown))}; "
                             f"known: {', '.join(FIGURE_KINDS)}", "figures")
        check_template(rule, {"match", "what"})

    def prepare(self) -> None:
        from lint.claims import figures, not_statistics

        figures.prepare()
        not_statistics.prepare()

    def run(self, doc: Document):
        if self.article_source and stated_source(doc, self.vocab) is not None:
            return  # a story built on a study: its figures are the study's (and no figure need be found)
        # Whether a figure sentence is sourced is asked only of a sentence that holds a statistic:
        # most figures are not statistics ("€500 notes"), and finding a sentence's source is the
        # costly part.
        figure_sentences: set[int] = set()
        sourced: dict[int, bool] = {}
        sentences, blocks = doc.sentences, doc.blocks
        found = find_figures_in(doc.prose, [(s.start, s.end) for s in sentences])
        for i in sorted(found):
            sentence = sentences[i]
            if blocks[sentence.block].kind in self.skip_blocks:
                continue
            figures = [f for f in found[i]
                       if f.what.split()[-1] in self.figures
                       and not in_named_quotation(doc, f.start, f.end, self.vocab)]
            if not figures:
                continue
            figure_sentences.add(i)
            statistics, previous, seen = [], None, {}
            for f in figures:
                previous = why_not_a_statistic(doc.prose, f, sentence.start, sentence.end, previous, seen)
                if previous is None:
                    statistics.append(f)
            if not statistics:
                continue
            if self._sourced(doc, i, figure_sentences, sourced):
                continue
            first = statistics[0]
            yield make_finding(self.rule, doc, first.start, first.end, what=first.what)

    def _sourced(self, doc: Document, i: int, figure_sentences: set[int], sourced: dict[int, bool]) -> bool:
        """Is figure sentence ``i`` sourced: by itself, its paragraph, or the run of figure sentences it ends?

        A run of figures continues the source of the figure sentence just before it, even across a
        paragraph break ("…, the statistics office said." ¶ "Food prices rose 4.9%."): sentence ``i`` is
        sourced when any sentence of the unbroken run of figure sentences ending at it is sourced by
        itself. ``sourced`` remembers the answers (keyed by sentence) for the rest of the document.
        """
        if sourced.get(i - 1) and i - 1 in figure_sentences:
            sourced[i] = True
            return True
        unsourced = []
        j = i
        while True:
            if j in sourced:
                answer = sourced[j]
                break
            if self._sourced_by_itself(doc, j):
                answer = True
                break
            unsourced.append(j)
            if j - 1 not in figure_sentences:
                answer = False
                break
            j -= 1
        sourced[j] = sourced.get(j, answer)
        for k in unsourced:
            sourced[k] = answer
        return answer

    def _sourced_by_itself(self, doc: Document, i: int) -> bool:
        """A source in the sentence or within ``reach`` of it in its paragraph, or first-person testimony."""
        sentence = doc.sentences[i]
        if told_in_first_person(doc.prose[sentence.start:sentence.end]):
            return True
        if sentence_attribution(doc, i, self.vocab) is not None:
            return True
        # Nearest first: a paragraph's source is usually next to its figure, and each look costs.
        near = sorted(neighbours(doc, i, self.reach), key=lambda j: abs(j - i))
        return any(sentence_attribution(doc, j, self.vocab) is not None for j in near)


def build(rule, context: BuildContext) -> Check:
    return UnsourcedFigureCheck(rule, Params(rule, PARAMETERS), context)
