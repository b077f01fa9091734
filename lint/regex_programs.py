"""Compiled ``regex`` programs kept in the store between runs, so a start-up does not parse patterns again.

The ``regex`` module's compiler is written in Python: the patterns copydesk's
modules and rules compile (figures, attribution, facts recognisers, dates...)
took about 0.23 s of every uncached one-draft run, almost half of it. A
compiled pattern pickles as the arguments of its final, C-level construction
(``regex``'s own ``copyreg`` reduction: the pattern text, its flags and the
compiled program), so unpickling it gives the same program without parsing.

:func:`install` (called by the engine before it builds rules) wraps
``regex.compile``: a pattern compiled before (same text, flags, ``regex`` and
Python versions, default version) is unpickled from the store
(:mod:`lint.store`, namespace ``regex-program``); a new one is compiled by
``regex`` itself and, when its compile took long enough to be worth a read,
queued for the store, written in one transaction by :func:`flush`. Anything
out of the ordinary goes straight to ``regex``: named lists (keyword
arguments), ``ignore_unused``, an explicit ``cache_pattern``, ``DEBUG``, bytes
patterns, and locale-dependent patterns (``LOCALE``, inline or not), which are
never stored. A store that cannot be read, or an entry that does not unpickle
to a pattern of the same text, is a miss: it costs speed, never a finding.

``COPYDESK_REGEX_STORE=0`` turns it off (every pattern compiled by ``regex``).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import time

NAMESPACE = "regex-program"
ENV = "COPYDESK_REGEX_STORE"
#: Compiles faster than this (seconds) are not stored: reading them back would save almost nothing.
WORTH_STORING = 0.0003
#: Patterns remembered per process (beyond it the memo starts again; ``regex`` keeps its own 500).
MEMO_LIMIT = 4096

_original = None  # regex.compile as the module defines it, once installed
_known: dict[tuple, object] = {}  # this process's patterns by (text, flags)
_pending: list[tuple[str, bytes]] = []
_root = None  # the store folder (lint.cache.cache_root() when installed)


def install() -> None:
    """Route ``regex.compile`` through the store (idempotent; re-reads the store folder each time).

    The engine calls it before it builds rules (which import the modules that compile patterns), so a
    run answered from the result cache does not even import ``regex``.
    """
    global _original, _root
    if os.environ.get(ENV, "1") == "0":
        uninstall()
        return
    import regex

    from lint.cache import cache_root

    _root = cache_root()
    if _original is None:
        _original = regex.compile
        regex.compile = compile


def uninstall() -> None:
    global _original
    if _original is not None:
        import regex

        regex.compile = _original
        _original = None
    _known.clear()


def _key(pattern: str, flags: int) -> str:
    import regex

    python = f"{sys.version_info[0]}.{sys.version_info[1]}"
    ident = f"{regex.__version__}|{python}|{int(regex.DEFAULT_VERSION)}|{int(flags)}|{pattern}"
    return hashlib.sha256(ident.encode("utf-8", "surrogatepass")).hexdigest()


def _store():
    from lint.store import store_for

    return store_for(_root)


def compile(pattern, flags=0, ignore_unused=False, cache_pattern=None, **kwargs):  # noqa: A001 - regex.compile's name
    """``regex.compile``, answered from this process or the store when the pattern was compiled before."""
    import regex

    original = _original or regex.compile
    if (kwargs or ignore_unused or cache_pattern is not None or type(pattern) is not str
            or not isinstance(flags, int) or flags & (regex.DEBUG | regex.LOCALE) or _root is None):
        return original(pattern, flags, ignore_unused, cache_pattern, **kwargs)
    memo = (pattern, flags)
    found = _known.get(memo)
    if found is not None:
        return found
    key = _key(pattern, flags)
    raw = _store().get(NAMESPACE, key)
    if raw is not None:
        try:
            found = pickle.loads(raw)
        except Exception:  # noqa: BLE001 - a damaged entry is a miss
            found = None
        if isinstance(found, regex.Pattern) and found.pattern == pattern:
            if len(_known) >= MEMO_LIMIT:
                _known.clear()
            _known[memo] = found
            return found
    started = time.perf_counter()
    compiled = original(pattern, flags)
    spent = time.perf_counter() - started
    if not compiled.flags & regex.LOCALE:  # an inline (?L) makes the program depend on the locale
        if len(_known) >= MEMO_LIMIT:
            _known.clear()
        _known[memo] = compiled
        if spent >= WORTH_STORING:
            try:
                _pending.append((key, pickle.dumps(compiled, protocol=pickle.HIGHEST_PROTOCOL)))
            except Exception:  # noqa: BLE001 - a pattern that does not pickle is simply not stored
                pass
    return compiled


def flush() -> None:
    """Write the programs compiled since the last flush to the store, in one transaction."""
    if not _pending or _root is None:
        return
    entries = list(_pending)
    del _pending[:len(entries)]
    _store().put_many(NAMESPACE, entries)
