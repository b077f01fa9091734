"""The dated knowledge base: facts that hold for a window of time, and how drafts state them.

``model`` is the record, ``loader`` reads and validates the YAML files,
``matcher`` finds statements in prose, ``timeframe`` reads a sentence's time
clues and ``judge`` decides at the draft's date. :func:`known_names` gives the
proper names in the base, for checks that must not call them misspellings.
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["known_names"]


@lru_cache(maxsize=1)
def known_names() -> frozenset[str]:
    """People's names (full and surname), office titles, offices and organisations in the shipped base."""
    from lint.facts.loader import load_base

    names: set[str] = set()
    for fact in load_base().facts:
        if fact.kind == "office":
            names.update(fact.names)
            names.add(fact.holder)
            names.update(t for t in fact.titles if any(ch.isupper() for ch in t))
        if fact.kind == "count":
            names.update(b for b in fact.body if b[:1].isupper())
    return frozenset(names)
