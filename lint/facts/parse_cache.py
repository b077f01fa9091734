"""A cache of parsed facts files, so a 600-record base loads in a few milliseconds, not a hundred.

Parsing YAML while remembering every key's line costs about 0.15 ms a record; ``copydesk`` runs on
every commit (pre-commit), so the shipped base is parsed once and its entries kept as JSON in
copydesk's size-bounded store (:mod:`lint.store`, namespace ``facts-parsed``), beside the other caches. The key is a
hash of the file's bytes and of the code that reads them, so an edited file or a new copydesk
version is parsed afresh; nothing is trusted but a file this module wrote, and any problem with
the cache (unreadable, corrupt, a read-only home) falls back to parsing. Only the YAML step is
cached: every record still goes through :func:`lint.facts.model.parse_fact`, with its checks and
its line numbers, exactly as before.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from functools import lru_cache
from pathlib import Path

from lint.yamlio import LineDict, LineList

FORMAT = 2


@lru_cache(maxsize=1)
def _code_version() -> str:
    """The reader's own code: a change to how YAML is read invalidates every cached file."""
    from lint import __version__

    h = hashlib.sha256(f"{FORMAT}:{__version__}".encode())
    here = Path(__file__).resolve().parent.parent
    for name in ("yamlio.py", "facts/parse_cache.py"):
        try:
            h.update((here / name).read_bytes())
        except OSError:
            h.update(name.encode())
    return h.hexdigest()


#: The store namespace of parsed facts files.
NAMESPACE = "facts-parsed"


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
