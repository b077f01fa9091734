"""Patterns compiled on first use, so importing a module compiles nothing.

pre-commit runs copydesk on every commit, and a draft that needs no figure or facts pattern
should not pay for them: ``regex`` compiles in Python, 10–15 ms for each of
:mod:`lint.claims.figures` and :mod:`lint.claims.not_statistics`, and more for the facts
modules (:mod:`lint.facts.timeframe`, :mod:`lint.facts.frames`, :mod:`lint.facts.judge`). A
:class:`LazyPattern` compiles itself the first time one of its methods is asked for, then keeps
the compiled pattern's bound methods as its own attributes, so later calls cost what calls on
the compiled pattern cost.
"""

from __future__ import annotations

import regex

_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "split", "groupindex")


class LazyPattern:
    """A compiled pattern, compiled when first used: ``LazyPattern(r"\\bx\\b", regex.I).search(text)``."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags

    def compiled(self):
        """The compiled pattern (compiled now if it was not yet)."""
        found = self.__dict__.get("_compiled")
        if found is None:
            found = regex.compile(self.pattern, self.flags)
            self.__dict__["_compiled"] = found
            for name in _METHODS:
                self.__dict__[name] = getattr(found, name)
        return found

    def __getattr__(self, name: str):  # only for names not yet set: the first use
        if name not in _METHODS:
            raise AttributeError(name)
        return getattr(self.compiled(), name)


def compile_all(namespace: dict, skip=()) -> None:
    """Compile every lazy pattern of a module (``vars(module)``), in lists too: before ``--jobs`` workers fork."""
    for value in list(namespace.values()):
        for pattern in value if isinstance(value, list) else [value]:
            if isinstance(pattern, LazyPattern) and not any(pattern is s for s in skip):
                pattern.compiled()
