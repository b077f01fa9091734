"""``overused-word``: a word family used more often than a rate per 1,000 words allows.

Inflections count as one word ("underscore", "underscores", "underscored",
"underscoring": see :mod:`lint.words`). Stop words, numbers, short words,
names (words that are capitalised wherever they appear away from a sentence
start) and the story's topic words are not counted: the words of the headline
("defence" in a story headed "Allies raise defence spending"), of the lead (the
first paragraph of running text: "rate" in a story that opens "The central bank
cut its key rate") and the ``topic_words`` most frequent content words. A story
about rhinos has to say "rhinos". Words a writer leans on rather than a topic
(``not_topic``: "underscore", "pivotal") are never topic words, wherever they
stand. Words inside quotation marks are the speaker's and are not counted. The
limit for a document is
``max(min_count, rate * words / 1000)``; each use after the limit is reported
with the family's count.

Parameters:
  rate          uses per 1,000 words allowed for one word family (default 8)
  min_count     never report a family used this many times or fewer (default 3)
  min_length    shortest word counted, in letters (default 4)
  min_words     documents shorter than this are not checked (default 150)
  allow         words never counted (their families are exempt too)
  topic_words   how many of the most frequent content word families count as topic words (default 2)
  not_topic     words never taken for topic words, even in the headline or lead
Message fields: {match}, {word}, {count}, {limit}, {forms}, {line} (first use).
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections import defaultdict

import regex

from lint.checks.base import BuildContext, Check, Params, check_template, make_finding
from lint.checks.context import in_quotation, sentence_at
from lint.document import Document
from lint.words import families, family, is_stop_word, stop_words_of, tokens

_SENTENCE_END = regex.compile(r"[.!?](?:\s|$)")

PARAMETERS = {
    "rate": "uses per 1,000 words allowed for one word family (default 8)",
    "min_count": "a family used this many times or fewer is never reported (default 3)",
    "min_length": "shortest word counted, in letters (default 4)",
    "min_words": "documents with fewer words are not checked (default 150)",
    "allow": "words never counted, with their inflections",
    "topic_words": "how many of the most frequent content word families are topic words (default 2)",
    "not_topic": "words never taken for topic words, even in the headline or lead",
}


class OverusedWordCheck(Check):
    def __init__(self, rule, params: Params) -> None:
        super().__init__(rule)
        self.rate = params.number("rate", 8, low=0)
        self.min_count = params.number("min_count", 3, low=1, integer=True)
        self.min_length = params.number("min_length", 4, low=1, integer=True)
        self.min_words = params.number("min_words", 150, low=0, integer=True)
        self.allow = {family(w) for w in params.str_list("allow")}
        self.topic_words = params.number("topic_words", 2, low=0, integer=True)
        self.not_topic = {family(w) for w in params.str_list("not_topic")}
        check_template(rule, {"match", "word", "count", "limit", "forms", "line"})

    def run(self, doc: Document):
        words = tokens(doc)
        if len(words) < self.min_words:
            return
        limit = max(self.min_count, math.floor(self.rate * len(words) / 1000))
        family_of = families(doc)  # every word stemmed once
        stop = stop_words_of(doc)
        min_length = self.min_length
        # The family of each distinct word that is counted (long enough, not a stop word): one lookup per word.
        counted = {norm: key for norm, key in family_of.items() if len(norm) >= min_length and norm not in stop}.get
        every_use = defaultdict(list)
        for tok in words:
            key = counted(tok.norm)
            if key is not None:
                every_use[key].append(tok)
        uses = self._unquoted(doc, every_use, limit)
        topic = {family_of[t.norm] for t in (*headline_tokens(doc), *lead_tokens(doc))}
        if self.topic_words:
            ranked = sorted(uses, key=lambda k: (-len(uses[k]), uses[k][0].start))
            topic.update(ranked[:self.topic_words])
        exempt = self.allow | (topic - self.not_topic)
        uses = {k: v for k, v in uses.items() if k not in exempt}
        nouns = None  # worked out when a family is first over the limit
        index = TokenIndex(doc)
        for key, toks in uses.items():
            if len(toks) <= limit:
                continue
            if nouns is None:
                nouns = noun_families(doc, words)
            if key in nouns or self._is_name(doc, toks) or is_term(doc, words, index, toks):
                continue
            forms = sorted({t.norm for t in toks})
            first_line = doc.position(toks[0].start)[0]
            for tok in toks[limit:]:
                yield make_finding(self.rule, doc, tok.start, tok.end, word=tok.norm, count=len(toks), limit=limit,
                                   forms=", ".join(forms), line=first_line)

    def _unquoted(self, doc: Document, every_use, limit: int) -> dict[str, list]:
        """Each family's uses outside quotations (the speaker's words: "invest, invest, invest" is theirs to
        repeat), in order of first such use; only the families that can matter are looked at.

        A family matters if it may be reported (more than ``limit`` uses) or ranked among the
        ``topic_words`` most used. When at least ``topic_words`` families keep more than ``limit`` uses
        outside quotations, every family ranked above them has too, so families with ``limit`` uses or
        fewer in all cannot matter and their quotation tests are skipped. Otherwise every family is tested.
        """
        quoted = quotation_test(doc)

        def outside(toks):
            return [t for t in toks if not quoted(t.start, t.end)]

        floor = limit + 1
        uses = {k: outside(v) for k, v in every_use.items() if len(v) >= floor}
        if not FAST or sum(1 for v in uses.values() if len(v) >= floor) < self.topic_words:
            uses.update((k, outside(v)) for k, v in every_use.items() if len(v) < floor)
        return dict(sorted(((k, v) for k, v in uses.items() if v), key=lambda item: item[1][0].start))

    @staticmethod
    def _is_name(doc: Document, toks) -> bool:
        """A family every use of which is capitalised away from a sentence start is a name (Nato, Reuters)."""
        inside = [t for t in toks if not _starts_sentence(doc, t.start)]
        return bool(inside) and all(doc.text[t.start].isupper() for t in inside)


#: Before a noun: "the alliance.", "its budget and". (Demonstratives are left out: "a vote that underscores
#: the risk" has a verb after "that".)
DETERMINERS = frozenset("the a an its their his her our my your each every any no another".split())
#: Also before a noun ("in poverty.", "for children and"), but before a gerund too ("by underscoring the
#: need"), so a word ending in -ing after one of these is not taken for a noun. "to" precedes verbs.
PREPOSITIONS = frozenset("of in on at for with from by about into over under between among against without "
                         "through during after before".split())


#: Set to False to test every use for quotation marks (the comparison in tests/test_repetition.py).
FAST = True

#: The quotation marks lint.checks.context.in_quotation looks for.
_QUOTE_MARK = regex.compile('["“«”»]')


def quotation_test(doc: Document):
    """``in_quotation(doc, start, end)`` for the document's words in order, without its work where a block
    holds no quotation mark (in_quotation is False there: no quotation can be open)."""
    text = doc.text
    if not _QUOTE_MARK.search(text):
        return lambda start, end: False
    blocks = doc.blocks
    starts = [b.start for b in blocks]
    plain = [_QUOTE_MARK.search(text, b.start, b.end) is None for b in blocks]

    def quoted(start: int, end: int) -> bool:
        i = bisect_right(starts, start) - 1
        if i >= 0 and plain[i] and blocks[i].start <= start <= blocks[i].end:
            return False
        return in_quotation(doc, start, end)

    return quoted


def noun_families(doc: Document, words) -> set[str]:
    """Families used at least once as a plain noun: after a determiner or preposition, before punctuation
    or a function word.

    These are the story's topic terms ("the domain", "the alliance."), which a
    report has to repeat; the words a writer leans on ("underscores the need",
    "a pivotal role") are verbs and adjectives, which never stand in that slot.
    """
    nouns = set()
    text = doc.prose
    stop, family_of = stop_words_of(doc), families(doc)
    for prev, tok, nxt in zip(words, words[1:], [*words[2:], None]):
        if prev.norm not in DETERMINERS and not (prev.norm in PREPOSITIONS and not tok.norm.endswith("ing")):
            continue
        if tok.norm in stop:
            continue
        if text[prev.end:tok.start].strip():
            continue  # punctuation between the determiner and the word
        if nxt is None or text[tok.end:nxt.start].strip() or nxt.norm in stop:
            nouns.add(family_of[tok.norm])
    return nouns


class TokenIndex:
    """``index[start]``: the position in the document's word list of the word starting at ``start``."""

    def __init__(self, doc: Document) -> None:
        self._starts = doc.__dict__["_token_starts"]  # sorted, one per word (lint.words.tokens)

    def __getitem__(self, start: int) -> int:
        return bisect_left(self._starts, start)


def is_term(doc: Document, words, index, toks) -> bool:
    """A family used mostly beside one content word is part of a term ("false memory", "mystery shopper")."""
    neighbours: dict[tuple[str, str], int] = defaultdict(int)
    for tok in toks:
        i = index[tok.start]
        for j, side in ((i - 1, "before"), (i + 1, "after")):
            if 0 <= j < len(words) and not is_stop_word(words[j].norm):
                between = doc.prose[min(tok.end, words[j].end):max(tok.start, words[j].start)]
                if not between.strip():
                    # Compared by their first letters, so "mystery shopper" and "mystery shopping" are one term.
                    neighbours[(side, families(doc)[words[j].norm][:4])] += 1
    return bool(neighbours) and max(neighbours.values()) * 2 >= len(toks)


def headline_tokens(doc: Document):
    """Words of the headline: the first block if it is a heading, or its first line if that has no full stop."""
    if not doc.blocks:
        return []
    first = doc.blocks[0]
    end = doc.prose.find("\n", first.start, first.end)
    end = first.end if end < 0 else end
    if first.kind != "heading" and _SENTENCE_END.search(doc.prose, first.start, end):
        return []
    return tokens(doc, first.start, end)


def lead_tokens(doc: Document):
    """Words of the lead: the first paragraph of running text (with a full stop) after the headline."""
    for block in doc.blocks:
        if block.kind in ("paragraph", "item") and _SENTENCE_END.search(doc.prose, block.start, block.end):
            if block is doc.blocks[0] and headline_tokens(doc):
                # A plain-text first block whose first line is the headline: the lead is the rest of it.
                end = doc.prose.find("\n", block.start, block.end)
                return tokens(doc, end, block.end) if end >= 0 else []
            return tokens(doc, block.start, block.end)
    return []


def _starts_sentence(doc: Document, offset: int) -> bool:
    sentence = sentence_at(doc, offset)
    return sentence is not None and not doc.prose[sentence.start:offset].strip(" \t\"'“‘([")


def build(rule, context: BuildContext) -> Check:
    return OverusedWordCheck(rule, Params(rule, PARAMETERS))
