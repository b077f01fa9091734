"""Sentence segmentation for Vale's ``sentence`` scope."""

from __future__ import annotations


def segment(text: str) -> list[str]:
    """The sentences of ``text`` in order; together they cover the text (whitespace included)."""
    from sentencex import segment as sentencex_segment

    return list(sentencex_segment("en", text))
