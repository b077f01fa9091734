"""One size-bounded store for every copydesk cache in a folder (results, LanguageTool answers, syllables).

A single SQLite file (``store.sqlite3``; safe for the processes of ``--jobs``)
holds ``(namespace, key) -> bytes``. The sizes of the stored values are kept in
a running total; when a write takes it over the limit, the entries stored
longest ago are deleted until the total is back under 80 % of the limit, so the
folder never grows without bound (the result keys hold the date, so a store that
is never trimmed would grow every day). The limit is 256 MB, or
``$COPYDESK_CACHE_MAX_MB``.

A store that cannot be opened or written (read-only folder, a corrupt file, a
locked database) costs speed, never findings: reads miss and writes are dropped.
"""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

FILE = "store.sqlite3"
DEFAULT_LIMIT_MB = 256
LIMIT_ENV = "COPYDESK_CACHE_MAX_MB"
#: After an eviction the store holds at most this share of the limit.
LOW_WATER = 0.8


def limit_bytes() -> int:
    raw = os.environ.get(LIMIT_ENV, "")
    try:
        mb = float(raw) if raw else DEFAULT_LIMIT_MB
    except ValueError:
        mb = DEFAULT_LIMIT_MB
    return max(0, int(mb * 1024 * 1024))


class Store:
    def __init__(self, folder: str | os.PathLike, limit: int | None = None) -> None:
        self.folder = Path(folder)
        self.limit = limit_bytes() if limit is None else limit
        self._db: sqlite3.Connection | None = None
        self._pid = os.getpid()
        self.disabled = False

    def _connect(self, create: bool) -> sqlite3.Connection | None:
        if self._db is not None and self._pid != os.getpid():
            self._db = None  # a forked worker opens its own connection
            self._pid = os.getpid()
        if self._db is None and not self.disabled:
            path = self.folder / FILE
            if not create and not path.exists():
                return None
            try:
                if create:
                    from lint.cache import claim_folder

                    claim_folder(self.folder)
                new = not path.exists()
                db = sqlite3.connect(path, timeout=30, isolation_level=None)
                # Freed pages are given back to the file system after an eviction; the write-ahead log is
                # cut back to 1 MB after each checkpoint: the files stay near the limit. auto_vacuum is set
                # when the file is made (later it would change nothing without a VACUUM, yet setting it
                # writes a transaction: two flushes to disk on every open, and two more on close).
                if new:
                    db.execute("PRAGMA auto_vacuum=INCREMENTAL")
                db.execute("PRAGMA journal_mode=WAL")
                db.execute("PRAGMA journal_size_limit=1048576")
                db.execute("PRAGMA synchronous=NORMAL")
                db.execute("CREATE TABLE IF NOT EXISTS entries (ns TEXT NOT NULL, key TEXT NOT NULL, "
                           "value BLOB NOT NULL, size INTEGER NOT NULL, stored REAL NOT NULL, PRIMARY KEY (ns, key))")
                db.execute("CREATE INDEX IF NOT EXISTS entries_stored ON entries (stored)")
                db.execute("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value INTEGER NOT NULL)")
                db.execute("INSERT OR IGNORE INTO meta VALUES ('total', 0)")
                self._db = db
            except (OSError, sqlite3.Error):
                self.disabled = True
        return self._db

    def get(self, ns: str, key: str) -> bytes | None:
        db = self._connect(create=False)
        if db is None:
            return None
        try:
            row = db.execute("SELECT value FROM entries WHERE ns = ? AND key = ?", (ns, key)).fetchone()
        except sqlite3.Error:
            return None
        return bytes(row[0]) if row else None

    def put(self, ns: str, key: str, value: bytes) -> None:
        self.put_many(ns, [(key, value)])

    def put_many(self, ns: str, entries: list[tuple[str, bytes]]) -> None:
        """Store several ``(key, value)`` pairs of one namespace in one transaction."""
        entries = [(key, value) for key, value in entries if len(value) <= self.limit]
        db = self._connect(create=True) if entries else None
        if db is None:
            return
        try:
            db.execute("BEGIN IMMEDIATE")
            try:
                now = time.time()
                for key, value in entries:
                    old = db.execute("SELECT size FROM entries WHERE ns = ? AND key = ?", (ns, key)).fetchone()
                    db.execute("INSERT OR REPLACE INTO entries VALUES (?, ?, ?, ?, ?)",
                               (ns, key, value, len(value), now))
                    db.execute("UPDATE meta SET value = value + ? WHERE name = 'total'",
                               (len(value) - (old[0] if old else 0),))
                total = db.execute("SELECT value FROM meta WHERE name = 'total'").fetchone()[0]
                evicted = total > self.limit
                if evicted:
                    self._evict(db, total)
                db.execute("COMMIT")
                if evicted:
                    db.execute("PRAGMA incremental_vacuum")
            except BaseException:
                db.execute("ROLLBACK")
                raise
        except sqlite3.Error:
            pass

    def _evict(self, db: sqlite3.Connection, total: int) -> None:
        """Delete the entries stored longest ago until the total is under LOW_WATER of the limit."""
        target = int(self.limit * LOW_WATER)
        doomed, freed = [], 0
        for rowid, size in db.execute("SELECT rowid, size FROM entries ORDER BY stored"):
            if total - freed <= target:
                break
            doomed.append((rowid,))
            freed += size
        db.executemany("DELETE FROM entries WHERE rowid = ?", doomed)
        db.execute("UPDATE meta SET value = value - ? WHERE name = 'total'", (freed,))

    def total(self) -> int:
        db = self._connect(create=False)
        if db is None:
            return 0
        return db.execute("SELECT value FROM meta WHERE name = 'total'").fetchone()[0]

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


_OPEN: dict[str, Store] = {}


def store_for(folder: str | os.PathLike) -> Store:
    """The store in ``folder`` (one connection per folder and process)."""
    key = str(folder)
    store = _OPEN.get(key)
    if store is None:
        store = _OPEN[key] = Store(folder)
    return store
