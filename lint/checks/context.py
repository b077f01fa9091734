"""Where a match stands: inside a quotation, a title in italics, a proper name, a sentence.

Style rules must not flag what the writer quotes or names ("Plays a Pivotal
Role", a book title, is not the writer's prose). These helpers answer that
from the original text around a span.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

import regex

from lint.document import Document

_OPEN_QUOTES = "“‘«"
_CLOSE_QUOTES = "”’»"
_SMALL_WORDS = {"a", "an", "the", "and", "or", "of", "in", "on", "to", "for", "at", "by", "with", "as", "but", "nor"}


def enclosing_block(doc: Document, offset: int):
    blocks = doc.blocks
    starts = _block_starts(doc)
    i = bisect_right(starts, offset) - 1
    if i >= 0 and blocks[i].start <= offset <= blocks[i].end:
        return blocks[i]
    return None


def _block_starts(doc: Document) -> list[int]:
    cached = doc.__dict__.get("_block_starts")
    if cached is None:
        cached = [b.start for b in doc.blocks]
        doc.__dict__["_block_starts"] = cached
    return cached


def sentence_at(doc: Document, offset: int):
    sentences = doc.sentences
    starts = doc.__dict__.get("_sentence_starts")
    if starts is None:
        starts = [s.start for s in sentences]
        doc.__dict__["_sentence_starts"] = starts
    i = bisect_right(starts, offset) - 1
    if i >= 0 and sentences[i].start <= offset < max(sentences[i].end, sentences[i].start + 1):
        return sentences[i]
    return None


def in_quotation(doc: Document, start: int, end: int) -> bool:
    """True if [start, end) lies between quotation marks within its block."""
    block = enclosing_block(doc, start)
    if block is None:
        return _in_quotation_near(doc, start, end)
    # The quotation marks of the block are listed once, so a long paragraph with many matches
    # costs a bisection per match, not a scan from the block's start.
    straight, curly, depths = _quote_marks(doc, block)
    # Straight double quotes: an odd count before the span means a quotation is open.
    if bisect_left(straight, start) % 2 == 1 and bisect_left(straight, end) < len(straight):
        return True
    i = bisect_left(curly, start)
    return i > 0 and depths[i - 1] > 0


def _in_quotation_near(doc: Document, start: int, end: int) -> bool:
    """in_quotation for a span outside every block: judged on the 400 characters around it."""
    before = doc.text[max(0, start - 400):start]
    if before.count('"') % 2 == 1 and '"' in doc.text[end:end + 400]:
        return True
    return _depth_after(before, 0) > 0


def _depth_after(text: str, depth: int) -> int:
    for ch in text:
        if ch in "“«":
            depth += 1
        elif ch in "”»" and depth:
            depth -= 1
    return depth


def _quote_marks(doc: Document, block) -> tuple[list[int], list[int], list[int]]:
    """Offsets in ``block`` of straight double quotes, of curly ones, and the nesting depth after each curly one."""
    cache = doc.__dict__.setdefault("_quote_marks", {})
    key = (block.start, block.end)
    if key not in cache:
        straight, curly, depths = [], [], []
        depth = 0
        for m in _QUOTE_MARK.finditer(doc.text, block.start, block.end):
            if m.group() == '"':
                straight.append(m.start())
                continue
            depth = _depth_after(m.group(), depth)
            curly.append(m.start())
            depths.append(depth)
        cache[key] = (straight, curly, depths)
    return cache[key]


_QUOTE_MARK = regex.compile('["“«”»]')
_EMPHASIS = regex.compile(r"(\*{1,2}|_{1,2})(?=\S)(.+?)(?<=\S)\1|<(em|i|cite)>(.+?)</\3>", regex.S)


def in_emphasis(doc: Document, start: int, end: int) -> bool:
    """True if the span sits inside *emphasis*, _emphasis_ or <em>/<i>/<cite> (titles of works)."""
    block = enclosing_block(doc, start)
    if block is None:
        return False
    starts, ends = _emphasis_spans(doc, block)
    # The spans do not overlap and come in order, so their ends rise too: only the last few that start
    # at or before ``start`` can reach ``end``.
    i = bisect_right(starts, start) - 1
    while i >= 0 and ends[i] >= end:
        if starts[i] <= start:
            return True
        i -= 1
    return False


def _emphasis_spans(doc: Document, block) -> tuple[list[int], list[int]]:
    """Starts and ends of the emphasis spans of ``block``, found once per block."""
    cache = doc.__dict__.setdefault("_emphasis_spans", {})
    key = (block.start, block.end)
    if key not in cache:
        spans = [m.span() for m in _EMPHASIS.finditer(doc.text, block.start, block.end + 2)]
        cache[key] = ([s for s, _ in spans], [e for _, e in spans])
    return cache[key]


def is_title_case_name(doc: Document, start: int, end: int) -> bool:
    """True if the match is written in Title Case away from a sentence start (a name or title)."""
    words = regex.findall(r"[\p{L}']+", doc.text[start:end])
    significant = [w for w in words if w.lower() not in _SMALL_WORDS]
    if len(significant) < 2 or not all(w[0].isupper() for w in significant):
        return False
    sentence = sentence_at(doc, start)
    at_sentence_start = sentence is not None and not doc.prose[sentence.start:start].strip()
    if at_sentence_start:
        # "Plays A Pivotal Role" at a sentence start is still a title if every word is capitalised.
        return all(w[0].isupper() for w in words if w.lower() not in _SMALL_WORDS) and len(significant) >= 3
    return True


_WORD_BEFORE = regex.compile(r"([\p{L}']+)[ \t]+$")
_WORD_AFTER = regex.compile(r"[ \t]+([\p{L}']+)")


def in_title_case_run(doc: Document, start: int, end: int) -> bool:
    """True if a capitalised match away from a sentence start touches another capitalised word
    ("the band Very Serious Business"): one word of a name or title."""
    if not doc.text[start:start + 1].isupper():
        return False
    sentence = sentence_at(doc, start)
    if sentence is not None and not doc.prose[sentence.start:start].strip(" \t\"'“‘(["):
        return False
    before = _WORD_BEFORE.search(doc.prose, max(0, start - 40), start)
    after = _WORD_AFTER.match(doc.prose, end, end + 40)
    return any(m and m.group(1)[0].isupper() and m.group(1).lower() not in _SMALL_WORDS for m in (before, after))


def quoted_or_named(doc: Document, start: int, end: int) -> bool:
    return (in_quotation(doc, start, end) or in_emphasis(doc, start, end) or is_title_case_name(doc, start, end)
            or in_title_case_run(doc, start, end))
