"""LanguageTool's answers on disk, by paragraph text and settings.

A re-run over unchanged drafts reads every paragraph's matches from here and
neither starts Java nor calls a server. The key is a hash of the paragraph
text and of everything that changes LanguageTool's answer (release, language,
disabled rules and categories, copydesk's own rules); what copydesk does with
the answer afterwards (accepted words, severities) is applied on every run, so
editing the accept list needs no new check.

The cache is one SQLite file (safe for the processes of ``--jobs``) in
copydesk's cache folder (:func:`lint.cache.cache_root`: ``$COPYDESK_CACHE_DIR``,
else ``~/.cache/copydesk``), outside the drafts' repository.
``copydesk cache clear`` empties it.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from pathlib import Path

#: Bump when the stored form of a match changes.
FORMAT = 1


def cache_dir(config) -> Path:
    from lint.cache import cache_root

    return cache_root()


class ResultCache:
    def __init__(self, folder: Path, settings_key: str) -> None:
        self.folder = folder
        self.settings_key = settings_key
        self._db: sqlite3.Connection | None = None
        self.disabled = False

    def key(self, text: str) -> str:
        return hashlib.sha256(f"{FORMAT}\0{self.settings_key}\0{text}".encode("utf-8", "surrogatepass")).hexdigest()

    def _connect(self) -> sqlite3.Connection | None:
        if self._db is None and not self.disabled:
            try:
                self.folder.mkdir(parents=True, exist_ok=True)
                ignore = self.folder / ".gitignore"
                if not ignore.exists():
                    ignore.write_text("# copydesk's cache; delete the folder to clear it.\n*\n", encoding="utf-8")
                self._db = sqlite3.connect(self.folder / "grammar.sqlite3", timeout=30)
                self._db.execute("CREATE TABLE IF NOT EXISTS matches (key TEXT PRIMARY KEY, matches TEXT NOT NULL)")
            except (OSError, sqlite3.Error):
                # A read-only or broken cache folder costs speed, never findings.
                self.disabled = True
                self._db = None
        return self._db

    def get(self, text: str) -> list[dict] | None:
        db = self._connect()
        if db is None:
            return None
        try:
            row = db.execute("SELECT matches FROM matches WHERE key = ?", (self.key(text),)).fetchone()
        except sqlite3.Error:
            return None
        return json.loads(row[0]) if row else None

    def put(self, text: str, matches: list[dict]) -> None:
        db = self._connect()
        if db is None:
            return
        try:
            with db:
                db.execute("INSERT OR REPLACE INTO matches VALUES (?, ?)",
                           (self.key(text), json.dumps(matches, ensure_ascii=False)))
        except sqlite3.Error:
            pass
