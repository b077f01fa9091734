"""Per-document readability statistics, computed once and shared by every readability rule.

The document, paragraph and sentence rules all need the same things: the blocks
of running text, the text textstat scores, the sentences with their word counts,
and a sentence's grade. :func:`stats_for` computes them on first use and keeps
them on the document, so three rules (or seven formulas) do not re-segment,
re-count or re-grade the same text.

**Sentences for length and difficulty.** A quotation is a sentence of its own:
a paragraph such as ``He said: "Prices are rising. We will act."`` is measured as
two sentences, not one long one (segmenters do not split inside quotation
marks). The same split catches a full stop the segmenter took for an
abbreviation ("in May. Wage growth"). A split needs a full stop, ! or ?, then
space and a capital; it is not made after an abbreviation ("Mr.", "St.", "Fla."),
an initial ("J. Smith") or a dotted abbreviation ("U.S.", "p.m.").

**Datelines.** The dateline that opens a wire story ("TOKYO —", "BOCA CHICA,
Texas —") is not counted in the first sentence's length.
"""

from __future__ import annotations

import regex

from lint.document import WORD, Document

#: Block kinds that hold running text.
RUNNING_TEXT = ("paragraph", "item")
_SENTENCE_END = regex.compile(r"[.!?]")

#: A sentence end inside a segmenter's sentence: closing punctuation (maybe a closing quote), space, a capital.
_INNER_END = regex.compile(r"[.!?][\"'”’)]*(?=[ \t\r\n]+[\"“‘(]?\p{Lu})")
#: A wire dateline opening a story's first sentence: "TOKYO —", "BOCA CHICA, Texas —", "TAMPA, Fla. –".
_DATELINE = regex.compile(r"(?:\p{Lu}[\p{Lu}'’.-]*)(?:[ \t]+\p{Lu}[\p{Lu}'’.-]*)*(?:,[ \t]+\p{Lu}[\p{L}.]*(?:[ \t]+\p{Lu}[\p{L}.]*)?)?"
                          r"(?:[ \t]*\([^)\n]{1,40}\))?[ \t]+[—–-]{1,2}[ \t]+")
#: Words that end with a full stop without ending a sentence.
ABBREVIATIONS = frozenset("""
mr mrs ms mx dr prof st sr jr gen gov sen rep lt col capt cmdr sgt rev fr mt ft hon pres supt insp
inc co corp ltd plc bros vs etc no nos vol art fig approx dept est
jan feb mar apr jun jul aug sep sept oct nov dec
ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo mont neb nev okla ore pa
tenn tex va vt wash wis wyo
""".split())


def scored_blocks(doc: Document):
    """Blocks of running text: paragraphs and list items with at least one full stop, ! or ?.

    A plain-text block without any (a headline, a byline) is a heading in all but name.
    """
    return stats_for(doc).blocks


def _is_sentence_end(word: str) -> bool:
    """True if a full stop after ``word`` (the characters before it, back to a space) ends a sentence."""
    core = word.lstrip("\"'“‘([")
    if not core:
        return False
    if "." in core:  # U.S., p.m., e.g.
        return False
    if len(core) == 1 and core.isalpha():  # an initial
        return False
    return core.lower() not in ABBREVIATIONS


def word_counter(doc: Document):
    """``count(start, end)``: how many words ``doc.words(start, end)`` finds, from the document's word list.

    The words the whole-document scan finds between two offsets are the ones a scan of that range finds
    (the word pattern looks neither behind nor past a word), unless an offset falls inside a word: then
    the range is scanned.
    """
    from bisect import bisect_left

    from lint.words import tokens

    every = tokens(doc)
    starts = doc.__dict__["_token_starts"]
    prose = doc.prose

    def count(start: int, end: int) -> int:
        lo, hi = bisect_left(starts, start), bisect_left(starts, end)
        if (lo > 0 and every[lo - 1].end > start) or (hi > lo and every[hi - 1].end > end):
            return len(WORD.findall(prose, start, end))
        return hi - lo

    return count


def split_quoted_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """[start, end) cut at the sentence ends a segmenter left inside it, each piece trimmed of spaces."""
    cuts = []
    for m in _INNER_END.finditer(text, start, end):
        if m.end() >= end:
            continue
        if text[m.start()] == ".":
            word_start = max(text.rfind(" ", start, m.start()), text.rfind("\n", start, m.start())) + 1
            if not _is_sentence_end(text[max(word_start, start):m.start()]):
                continue
        cuts.append(m.end())
    pieces, cursor = [], start
    for cut in cuts:
        pieces.append((cursor, cut))
        cursor = cut
    pieces.append((cursor, end))
    out = []
    for s, e in pieces:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


class ReadabilityStats:
    """What the readability rules of one document share."""

    def __init__(self, doc: Document) -> None:
        from lint.textunits import sentence_units

        self.doc = doc
        prose = doc.prose
        self.blocks = [b for b in doc.blocks
                       if b.kind in RUNNING_TEXT and _SENTENCE_END.search(prose, b.start, b.end)]
        #: Sentences of running text for length and difficulty: (start, end, words), quotations split off.
        self.sentences: list[tuple[int, int, int]] = []
        count_words = word_counter(doc)
        for s, e in sentence_units(doc, RUNNING_TEXT):
            for ps, pe in split_quoted_sentences(prose, s, e):
                # A dateline is not part of the sentence a reader reads: its words are not counted.
                dateline = _DATELINE.match(prose, ps, pe) if not self.sentences else None
                counted_from = dateline.end() if dateline else ps
                self.sentences.append((ps, pe, count_words(counted_from, pe)))
        self._grades: dict[tuple[str, int], float] = {}
        self._texts: dict[tuple[int, ...], str] = {}
        self._counts: dict[tuple[int, ...], object] = {}
        self._block_counts: dict[int, object] = {}
        self._chunks: dict[int, list[str]] = {}
        self._units_by_block = None

    def text_of(self, blocks) -> str:
        """The prose of ``blocks``, one paragraph each, as textstat should see it (computed once per block set)."""
        key = tuple(b.start for b in blocks)
        if key not in self._texts:
            self._texts[key] = "\n\n".join(" ".join(self.chunks_of(b)) for b in blocks)
        return self._texts[key]

    def chunks_of(self, block) -> list[str]:
        """The block's prose split at white space (once)."""
        chunks = self._chunks.get(block.start)
        if chunks is None:
            chunks = self._chunks[block.start] = self.doc.prose[block.start:block.end].split()
        return chunks

    def words_in(self, blocks) -> int:
        return sum(n for b in blocks for _, _, n in self.units_by_block()[b.start])

    def units_by_block(self) -> dict[int, list[tuple[int, int, int]]]:
        """Sentences grouped by the scored block (keyed by its start) they begin in."""
        if self._units_by_block is None:
            from bisect import bisect_right

            starts = [b.start for b in self.blocks]
            out: dict[int, list[tuple[int, int, int]]] = {b.start: [] for b in self.blocks}
            for unit in self.sentences:
                i = bisect_right(starts, unit[0]) - 1
                if i >= 0 and unit[0] < self.blocks[i].end:
                    out[self.blocks[i].start].append(unit)
            self._units_by_block = out
        return self._units_by_block

    def counts(self, blocks):
        """textstat's counts of the prose of ``blocks`` (:meth:`text_of`): each block counted once, then summed.

        The text joins the blocks with white space, so every count but the sentences is the sum of the
        blocks' counts; the sentences are counted over the joined text, as textstat counts them (its
        sentence pattern can run across a paragraph that ends without a full stop).
        """
        key = tuple(b.start for b in blocks)
        found = self._counts.get(key)
        if found is None:
            from lint.textmetrics import counter

            count = counter()
            if not self._block_counts:  # the first count of this document: look all its words up at once
                count.learn([c for b in self.blocks for c in self.chunks_of(b)])
            found = None
            for b in blocks:
                part = self._block_counts.get(b.start)
                if part is None:
                    part = self._block_counts[b.start] = count.chunk_counts(self.chunks_of(b))
                found = part if found is None else found.plus(part, 0)
            found = self._counts[key] = found._replace(sentences=count.sentences(self.text_of(blocks)))
        return found

    def score(self, metric: str, blocks) -> float:
        """``metric`` of the prose of ``blocks``: the score textstat gives :meth:`text_of` ``blocks``."""
        from lint.textmetrics import formula

        return float(formula(metric, self.counts(blocks)))

    def grade(self, metric: str, index: int) -> float:
        """The score of sentence ``index`` under ``metric`` (textstat's, of its words joined by spaces)."""
        key = (metric, index)
        if key not in self._grades:
            from lint.textmetrics import counter, formula

            counts = self._counts.get(("sentence", index))
            if counts is None:
                start, end, _ = self.sentences[index]
                chunks = self.doc.prose[start:end].split()
                count = counter()
                counts = count.chunk_counts(chunks, count.sentences(" ".join(chunks)))
                self._counts[("sentence", index)] = counts
            self._grades[key] = float(formula(metric, counts))
        return self._grades[key]


def stats_for(doc: Document) -> ReadabilityStats:
    stats = doc.__dict__.get("_readability_stats")
    if stats is None:
        stats = ReadabilityStats(doc)
        doc.__dict__["_readability_stats"] = stats
    return stats
