"""LanguageTool's answers on disk, by paragraph text and settings.

A re-run over unchanged drafts reads every paragraph's matches from here and
neither starts Java nor calls a server. The key is a hash of the paragraph
text and of everything that changes LanguageTool's answer (release, language,
disabled rules and categories, copydesk's own rules); what copydesk does with
the answer afterwards (accepted words, severities) is applied on every run, so
editing the accept list needs no new check.

The answers live in copydesk's shared, size-bounded store (:mod:`lint.store`,
namespace ``grammar``) in its cache folder (:func:`lint.cache.cache_root`:
``$COPYDESK_CACHE_DIR``, else ``~/.cache/copydesk``), outside the drafts'
repository. ``copydesk cache clear`` empties it. A stored answer that is not a
list of matches (a damaged or foreign entry) is a miss.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

#: Bump when the stored form of a match changes.
FORMAT = 1
NAMESPACE = "grammar"


def cache_dir(config) -> Path:
    from lint.cache import cache_root

    return cache_root()


_MATCH_KEYS = {"rule": str, "category": (str, type(None)), "message": str, "start": int, "end": int, "replacements": list}


def _is_match(m) -> bool:
    return isinstance(m, dict) and all(k in m and isinstance(m[k], t) for k, t in _MATCH_KEYS.items())


class ResultCache:
    def __init__(self, folder: Path, settings_key: str) -> None:
        from lint.store import store_for

        self.folder = folder
        self.settings_key = settings_key
        self.store = store_for(folder)

    @property
    def disabled(self) -> bool:
        return self.store.disabled

    def key(self, text: str) -> str:
        return hashlib.sha256(f"{FORMAT}\0{self.settings_key}\0{text}".encode("utf-8", "surrogatepass")).hexdigest()

    def get(self, text: str) -> list[dict] | None:
        raw = self.store.get(NAMESPACE, self.key(text))
        if raw is None:
            return None
        try:
            matches = json.loads(raw.decode("utf-8", "surrogatepass"))
        except (ValueError, UnicodeDecodeError):
            return None
        if not isinstance(matches, list) or not all(_is_match(m) for m in matches):
            return None
        return matches

    def put(self, text: str, matches: list[dict]) -> None:
        try:
            data = json.dumps(matches, ensure_ascii=False).encode("utf-8", "surrogatepass")
        except (TypeError, ValueError):
            return
        self.store.put(NAMESPACE, self.key(text), data)
