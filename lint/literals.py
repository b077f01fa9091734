"""Finding literal words fast: what the prefilters of the phrase lists, the figures and the facts share.

Each prefilter lower-cases a draft and runs one Aho–Corasick automaton (``pyahocorasick``) over it
to find the literals its patterns cannot match without. Both halves of that need care in the same
places, so they live here once.
"""

from __future__ import annotations

from collections.abc import Iterable


def folds_oddly(ch: str) -> bool:
    """A character whose lower case is not its one-character case fold ('ß', 'ſ', 'İ', 'µ', final sigma):
    lower-casing and the regex module's case-insensitive matching may disagree on it."""
    low = ch.lower()
    return len(low) != 1 or low != ch.casefold()


def literal_automaton(pairs: Iterable[tuple[str, object]]):
    """An Aho–Corasick automaton of ``(literal, value)`` pairs (a later value for the same literal wins),
    or None when there are no pairs."""
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for literal, value in pairs:
        automaton.add_word(literal, value)
    if not len(automaton):
        return None
    automaton.make_automaton()
    return automaton
