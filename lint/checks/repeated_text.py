"""``repeated-text``: a sentence or line said twice, or a paragraph that nearly copies an earlier one.

``unit: sentence`` compares sentences (and title-like lines: a line without
closing punctuation followed by a line that starts with a capital, as in the
title repeated at the top of scraped text, see :mod:`lint.textunits`) after lower-casing and dropping
punctuation; one dictionary lookup per sentence.

``unit: paragraph`` compares paragraphs of at least ``min_sentences``
sentences by word shingles (runs of ``shingle`` words): the similarity of two
paragraphs is the share of shingles they have in common (Jaccard). Candidates
come from an index of shingle -> paragraphs, so only paragraphs that share a
shingle are ever compared. Single-sentence paragraphs are the sentence unit's job.

A lead-in that ends its block with a colon ("The output looks like this:") introduces what follows
and is not compared: the Python documentation says it before each of several examples. The finding
points at the later copy and names the line of the first. The same
sentence opening several short blocks that go on differently (parallel list
items or headings, :mod:`lint.checks.parallel`) is deliberate structure and is
not reported; a whole block said again is.

Parameters:
  unit          sentence or paragraph (default sentence)
  min_words     shortest sentence or paragraph compared, in words (default 4 for sentences,
                20 for paragraphs)
  similarity    paragraphs at least this similar (0-1) are near-duplicates (default 0.5)
  shingle       words per shingle (default 4)
  min_sentences paragraphs with fewer sentences are left to the sentence unit (default 2)
  formula_copies
                per audience (the config's ``audience:``), how many copies make a sentence a
                formula that is not reported: reference documentation repeats "New in version
                3.3." or "This is a read-only attribute." under every entry on purpose (the Python
                documentation has 1,878 such sentences). Default ``{docs: 3}``: with ``audience: docs``
                a sentence said three times or more is a formula; news copy has none, so there
                every copy after the first is reported (scraped boilerplate)
  skip_audiences
                audiences (the config's ``audience:``) for which the rule reports nothing (default
                none; the shipped pack skips ``docs``: documentation repeats on purpose, each entry of
                a reference being read on its own)
Message fields: {match}, {line} (the first copy), {similarity} (percent, paragraphs only).
"""

from __future__ import annotations

from collections import defaultdict

from lint.checks.base import BuildContext, Check, Params, check_template, make_finding
from lint.checks.context import enclosing_block
from lint.checks.parallel import parallel_openings
from lint.config import AUDIENCES
from lint.document import Document
from lint.textunits import sentence_units
from lint.words import tokens

PARAMETERS = {
    "unit": "sentence or paragraph (default sentence)",
    "min_words": "shortest unit compared, in words (default 4 for sentences, 20 for paragraphs)",
    "similarity": "paragraphs at least this similar (0-1, word shingles) are near-duplicates (default 0.5)",
    "shingle": "words per shingle for paragraph similarity (default 4)",
    "min_sentences": "paragraphs with fewer sentences are left to the sentence unit (default 2)",
    "formula_copies": "per audience, how many copies make a sentence a deliberate formula (default {docs: 3})",
    "skip_audiences": "audiences for which the rule reports nothing (default none)",
}


def _known_audiences(rule, names, key: str) -> None:
    unknown = [a for a in names if a not in AUDIENCES]
    if unknown:
        raise rule.error(f"{key} names an unknown audience {unknown[0]!r}; audiences: {', '.join(AUDIENCES)}", key)


def _ends_block(doc: Document, end: int) -> bool:
    """Whether nothing but white space follows ``end`` in its block."""
    block = enclosing_block(doc, end - 1)
    return block is not None and not doc.prose[end:block.end].strip()


class RepeatedTextCheck(Check):
    def __init__(self, rule, params: Params, audience: str = "news") -> None:
        super().__init__(rule)
        self.unit = params.choice("unit", "sentence", ("sentence", "paragraph"))
        self.min_words = params.number("min_words", 4 if self.unit == "sentence" else 20, low=1, integer=True)
        self.similarity = params.number("similarity", 0.5, low=0.05, high=1)
        self.shingle = params.number("shingle", 4, low=1, high=20, integer=True)
        self.min_sentences = params.number("min_sentences", 2, low=1, integer=True)
        self.formula_copies = self._formula_copies(rule, params, audience)
        skipped = params.str_list("skip_audiences", [])
        _known_audiences(rule, skipped, "skip_audiences")
        self.skipped = audience in skipped
        check_template(rule, {"match", "line", "similarity"})

    @staticmethod
    def _formula_copies(rule, params: Params, audience: str) -> int | None:
        per_audience = params.mapping("formula_copies", {"docs": 3})
        _known_audiences(rule, per_audience, "formula_copies")
        for name, value in per_audience.items():
            if isinstance(value, bool) or not isinstance(value, int) or value < 2:
                raise rule.error(f"formula_copies.{name} must be a whole number of at least 2", "formula_copies")
        return per_audience.get(audience)

    def run(self, doc: Document):
        if self.skipped:
            return ()
        return self._sentences(doc) if self.unit == "sentence" else self._paragraphs(doc)

    # -- sentences -----------------------------------------------------------
    def _sentences(self, doc: Document):
        copies: dict[tuple[str, ...], list[tuple[int, int]]] = defaultdict(list)
        prose = doc.prose
        for start, end in sentence_units(doc):
            if prose[end - 1] == ":" and _ends_block(doc, end):
                continue  # a lead-in ("The output looks like this:") introduces what follows, which differs
            words = tuple(t.norm for t in tokens(doc, start, end))
            if len(words) >= self.min_words:
                # Inline code counts: "`list(...)` yields" and "`tuple(...)` yields" are different sentences.
                copies[words + doc.literals_in(start, end)].append((start, end))
        for spans in copies.values():
            if len(spans) < 2 or parallel_openings(doc, [s for s, _ in spans]):
                continue  # said once, or the same opening of parallel items (deliberate structure)
            if self.formula_copies and len(spans) >= self.formula_copies:
                continue  # "New in version 3.3." under every entry of a reference page
            line = doc.position(spans[0][0])[0]
            for start, end in spans[1:]:
                yield make_finding(self.rule, doc, start, end, line=line, similarity=100)

    # -- paragraphs ----------------------------------------------------------
    def _paragraphs(self, doc: Document):
        sentences_in = defaultdict(int)
        for s in doc.sentences:
            sentences_in[s.block] += 1
        compared = []  # (block, its shingle hashes) of the paragraphs compared, in order
        for bi, block in enumerate(doc.blocks):
            if block.kind != "paragraph" or sentences_in[bi] < self.min_sentences:
                continue
            words = [t.norm for t in tokens(doc, block.start, block.end)]
            if len(words) < self.min_words:
                continue
            words += doc.literals_in(block.start, block.end)
            # The runs words[i:i + shingle], made by zip in C: one tuple per position, hashed.
            compared.append((block, set(map(hash, zip(*(words[i:] for i in range(self.shingle)))))))
        index: dict[int, list[int]] = {}  # shingle hash -> earlier paragraphs
        shingles: list[set[int]] = []
        starts: list[int] = []
        for me, (block, own) in enumerate(compared):
            if index:
                shared: dict[int, int] = defaultdict(int)
                get = index.get
                for h in own:
                    earlier = get(h)
                    if earlier:
                        for other in earlier:
                            shared[other] += 1
                best, best_score = None, 0.0
                for other, common in shared.items():
                    score = common / (len(own) + len(shingles[other]) - common)
                    if score > best_score:
                        best, best_score = other, score
                if best is not None and best_score >= self.similarity:
                    yield make_finding(self.rule, doc, block.start, block.end, line=doc.position(starts[best])[0],
                                       similarity=round(best_score * 100))
            shingles.append(own)
            starts.append(block.start)
            if me + 1 < len(compared):  # only a later paragraph looks this one's shingles up
                for h in own:
                    earlier = index.get(h)
                    if earlier is None:
                        index[h] = [me]
                    else:
                        earlier.append(me)


def build(rule, context: BuildContext) -> Check:
    audience = getattr(context.config, "audience", None) or "news"
    return RepeatedTextCheck(rule, Params(rule, PARAMETERS), audience)
