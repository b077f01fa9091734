"""Deliberate structure: the same opening on several short blocks that go on differently.

A list of interviews whose entries each start "I think they treat waiters best
in ... France / ... Australia / ... Italy", headings "What changes for savers"
/ "What changes for borrowers", list items that each open "Rates will ...":
the repetition is the writer's design, a template the reader uses to find
their way, not a phrase the writer leaned on. The same words said again in
running text, or a whole block said again (a headline pasted twice), are not
structure and stay reported.
"""

from __future__ import annotations

from bisect import bisect_right

from lint.document import Document

#: Blocks longer than this (in words) are running text, not items of a structure.
MAX_ITEM_WORDS = 25


def parallel_openings(doc: Document, starts: list[int]) -> bool:
    """True if each offset in ``starts`` opens its own block, all of them short but one at most, and the
    blocks are not all the same."""
    if len(starts) < 2:
        return False
    blocks = doc.blocks
    block_starts = [b.start for b in blocks]
    seen_blocks, bodies, long_blocks = set(), set(), 0
    for start in starts:
        i = bisect_right(block_starts, start) - 1
        if i < 0 or i in seen_blocks:
            return False
        block = blocks[i]
        if doc.prose[block.start:start].strip(" \t\"'“‘(*_#-0123456789.):"):
            return False  # not at the block's opening (a list number or markup may come first)
        if sum(1 for _ in doc.words(block.start, block.end)) > MAX_ITEM_WORDS:
            long_blocks += 1  # one item run together with its body (a heading that lost its line break) is allowed
            if long_blocks > 1:
                return False
        seen_blocks.add(i)
        bodies.add(" ".join(doc.prose[block.start:block.end].lower().split()))
    return len(bodies) > 1
