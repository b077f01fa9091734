"""Sentence-sized units of a document, with title lines split off.

Sentence segmenters split at closing punctuation, so a headline with none
("Nato allies reaffirm pledge", repeated three times at the top of scraped
text, or followed directly by the first paragraph) is glued to what follows.
:func:`sentence_units` splits a sentence further at a line break that ends a
title-like line: no closing punctuation before it, a capital or digit after it.
A sentence hard-wrapped mid-clause ("met the\\nminister") is not split.
"""

from __future__ import annotations

import regex

from lint.document import Document

#: A line break ending a title-like line: a letter or digit (maybe a closing quote) before it, a capital after it.
_TITLE_BREAK = regex.compile(r"(?<=[\p{L}\p{N}][\"'”’)]?)[ \t]*\r?\n(?=[ \t]*[\p{Lu}\p{N}\"“])")


def sentence_units(doc: Document, kinds: tuple[str, ...] | None = None):
    """(start, end) spans of sentences and title lines, in order; optionally only in blocks of ``kinds``."""
    cached = doc.__dict__.get("_sentence_units")
    if cached is None:
        cached = []
        prose = doc.prose
        for s in doc.sentences:
            cursor = s.start
            for m in _TITLE_BREAK.finditer(prose, s.start, s.end):
                cached.append((cursor, m.start(), s.block))
                cursor = m.end()
                while cursor < s.end and prose[cursor].isspace():
                    cursor += 1
            cached.append((cursor, s.end, s.block))
        doc.__dict__["_sentence_units"] = cached
    blocks = doc.blocks
    return [(start, end) for start, end, b in cached if kinds is None or blocks[b].kind in kinds]
