"""A cache of parsed facts files, so a 600-record base loads in a few milliseconds, not a hundred.

Parsing YAML while remembering every key's line costs about 0.15 ms a record; ``copydesk`` runs on
every commit (pre-commit), so the shipped base is parsed once and kept in copydesk's size-bounded
store (:mod:`lint.store`), beside the other caches, at two levels:

* :func:`cached_base` (namespace ``facts-records``): the whole knowledge base, its records as
  checked by :func:`lint.facts.model.parse_fact`, its indexes and its scanner with every trigger
  gate derived, pickled in one entry — the form that needs least work after loading (about 5 ms
  for the shipped base, where parsing and indexing take 30 ms); :func:`cached_records` the
  same for the records of one file;
* :func:`cached_entries` (namespace ``facts-parsed``): the YAML step alone, as JSON with line
  numbers, for a file whose records are not in the first cache yet.

The keys are hashes of the file's path and bytes and of the code that reads them, so an edited
file or a new copydesk version is parsed afresh; nothing is trusted but an entry this module
wrote, and any problem with the cache (unreadable, corrupt, a read-only home) falls back to
parsing. A file with a bad record raises its error every time: errors are never cached.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from functools import lru_cache
from pathlib import Path

from lint.yamlio import LineDict, LineList

FORMAT = 2


@lru_cache(maxsize=2)
def _code_version(names: tuple[str, ...] = ("yamlio.py", "facts/parse_cache.py")) -> str:
    """The reader's own code: a change to how YAML is read invalidates every cached file."""
    from lint import __version__

    h = hashlib.sha256(f"{FORMAT}:{__version__}".encode())
    here = Path(__file__).resolve().parent.parent
    for name in names:
        try:
            h.update((here / name).read_bytes())
        except OSError:
            h.update(name.encode())
    return h.hexdigest()


#: The store namespace of parsed facts files.
NAMESPACE = "facts-parsed"
#: The store namespace of checked records (lists of :class:`lint.facts.model.Fact`).
RECORDS = "facts-records"
#: The code that turns a file into records: a change to any of it invalidates every cached record.
_RECORD_CODE = ("yamlio.py", "facts/parse_cache.py", "facts/model.py", "facts/loader.py")
#: ... and into a knowledge base with its scanner and the scanner's gates.
_BASE_CODE = (*_RECORD_CODE, "facts/matcher.py", "facts/triggers.py", "facts/frames.py", "facts/lexicon.py",
              "checks/prefilter.py")


def _store():
    from lint.cache import cache_root
    from lint.store import store_for

    return store_for(cache_root())


def _encode(value):
    if isinstance(value, LineDict):
        return {"d": {str(k): _encode(v) for k, v in value.items()}, "line": value.line,
                "keys": {str(k): n for k, n in getattr(value, "key_lines", {}).items()}}
    if isinstance(value, dict):
        return {"d": {str(k): _encode(v) for k, v in value.items()}}
    if isinstance(value, LineList):
        return {"l": [_encode(v) for v in value], "line": value.line, "items": list(getattr(value, "item_lines", []))}
    if isinstance(value, list):
        return {"l": [_encode(v) for v in value]}
    if isinstance(value, dt.datetime):
        return {"datetime": value.isoformat()}
    if isinstance(value, dt.date):
        return {"date": value.isoformat()}
    if value is None or isinstance(value, (str, bool, int, float)):
        return value  # scalars as themselves: every JSON object in the cache is a node above
    raise TypeError(f"cannot cache a {type(value).__name__}")


def _decode(node):
    if not isinstance(node, dict):
        return node
    if "d" in node:
        if "line" not in node:
            return {k: _decode(v) for k, v in node["d"].items()}
        out = LineDict((k, _decode(v)) for k, v in node["d"].items())
        out.line, out.key_lines = node["line"], dict(node["keys"])
        return out
    if "l" in node:
        if "line" not in node:
            return [_decode(v) for v in node["l"]]
        out = LineList(_decode(v) for v in node["l"])
        out.line, out.item_lines = node["line"], list(node["items"])
        return out
    if "date" in node:
        return dt.date.fromisoformat(node["date"])
    if "datetime" in node:
        return dt.datetime.fromisoformat(node["datetime"])
    raise ValueError("unknown node")


def cached_entries(path: str, parse):
    """The entries of facts file ``path``: from the cache when its bytes were parsed before, else ``parse()``.

    ``parse`` is the uncached reader (it raises ConfigError for a bad file, which is never cached).
    """
    from lint.source import SourceError, read_setting_file

    try:
        data = read_setting_file(path)
    except (OSError, SourceError):
        return parse()  # let the reader report the problem in its own words
    key = hashlib.sha256(_code_version().encode() + b"\0" + data).hexdigest()
    store = _store()
    stored = store.get(NAMESPACE, key)
    if stored is not None:
        try:
            return _decode(json.loads(stored))
        except (ValueError, KeyError, TypeError):
            pass  # a corrupt entry is a miss
    items = parse()
    try:
        encoded = json.dumps(_encode(items), ensure_ascii=False, separators=(",", ":"))
    except (TypeError, ValueError):
        return items
    store.put(NAMESPACE, key, encoded.encode("utf-8"))  # a read-only or full store only costs speed
    return items


def cached_records(paths, parse) -> list:
    """The records of the facts files ``paths``: from the cache when these paths with these bytes were read
    before, else ``parse()``.

    ``parse`` reads and checks the files (it raises ConfigError for a bad file or record, which is
    never cached).
    """
    return _cached_pickle(paths, b"records", _RECORD_CODE, parse, list)


def cached_base(paths, ignore, build):
    """The knowledge base of the facts files ``paths`` without the ``ignore``d ids, with its scanner built and
    warmed (:meth:`lint.facts.matcher.Scanner.warm`): from the cache, else ``build()``."""
    from lint.facts.loader import KnowledgeBase

    salt = b"base\0" + "\0".join(sorted(ignore)).encode()
    return _cached_pickle(paths, salt, _BASE_CODE, build, KnowledgeBase)


def _cached_pickle(paths, salt: bytes, code: tuple[str, ...], build, kind):
    import pickle

    from lint.source import SourceError, read_setting_file

    h = hashlib.sha256(_code_version(code).encode() + b"\0" + salt)
    for path in paths:
        try:
            data = read_setting_file(path)
        except (OSError, SourceError):
            return build()  # let the reader report the problem in its own words
        h.update(b"\0" + str(path).encode("utf-8", "surrogatepass") + b"\0" + hashlib.sha256(data).digest())
    key = h.hexdigest()
    store = _store()
    stored = store.get(RECORDS, key)
    if stored is not None:
        try:
            value = pickle.loads(stored)
            if isinstance(value, kind):
                return value
        except Exception:  # noqa: BLE001 - a corrupt entry is a miss
            pass
    value = build()
    try:
        store.put(RECORDS, key, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    except (TypeError, ValueError, AttributeError, pickle.PicklingError):
        pass  # a read-only or full store only costs speed
    return value
