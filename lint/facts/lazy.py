"""Regular expressions compiled on first use, so importing a facts module compiles nothing.

The ``regex`` module's compiler is written in Python; a module-level pattern costs every
``copydesk`` start-up its compile time even when no draft needs it (pre-commit runs copydesk on
every commit). :class:`Lazy` stands in for a compiled pattern and compiles it the first time one
of its methods is looked up.
"""

from __future__ import annotations

import regex


class Lazy:
    """A compiled pattern, compiled when first used: ``Lazy(r"\\bx\\b", regex.I).search(text)``."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._source = pattern
        self._flags = flags

    def __getattr__(self, name: str):
        # Only reached for attributes not set yet: compile, then keep the pattern's methods as our own.
        if name.startswith("_"):
            raise AttributeError(name)
        compiled = regex.compile(self._source, self._flags)
        for attr in ("search", "match", "fullmatch", "finditer", "findall", "sub", "split", "groupindex",
                     "pattern", "flags"):
            setattr(self, attr, getattr(compiled, attr))
        return getattr(compiled, name)
