"""copydesk's readability counts give exactly textstat's scores, and the syllable index is textstat's dictionary.

lint/textmetrics.py computes textstat's formulas from counts made once per text (issue #17); a score
must be the very float textstat returns, or a finding near a target could appear or vanish. These
tests run textstat itself (offline, with the same dictionary) beside it on real and on hostile text.
"""

from __future__ import annotations

import random

import pytest

from conftest import SHARED
from lint import syllables, textmetrics

CORPUS = SHARED / "corpora" / "onestopenglish" / "texts"

#: Pieces that stress textstat's tokenising: contractions and stray apostrophes, curly quotes, dashes,
#: decimals and abbreviations (sentence ends), letters whose lower case is longer (İ), ligatures,
#: combining marks, digits of other scripts, odd white space (no-break, thin, the file separator).
PIECES = ["don't", "DON'T", "'s", "rock'n'roll", "O'Neill", "it’s", "'ve", "'", "''", "—", "-", "3.5", "U.S.",
          "e.g.", "Mr.", "İstanbul", "İ", "straße", "ſome", "naïve", "café", "ﬁre", "x_y", "_", "2025", "!", "?",
          "...", "fire", "underscore", "Brexit", "COVID-19", "antidisestablishmentarianism", "a", "the", "cat",
          "\n", "\n\n", " ", "  ", "\t", "¾", "Ⅻ", "١٢", "🙂", "e\u0301", "\u00a0", "\u2009", "\x1c", "don't.",
          "'re", "'ll", "'d", "'t", "can't", "I'm", "'tis", '"Quoted"', "(paren)", "[x]", "co-operate",
          "semi-colon;", "x.y.z", "Ph.D.", "#tag", "@who", "hyphen-ated-word", "Zbigniew", "Qatar's", "xylophone"]
SEPARATORS = [" ", "", ". ", "\n", "? ", "! ", ", "]


@pytest.fixture(scope="module")
def textstat(tmp_path_factory):
    import os

    from lint.cache import CACHE_ENV

    saved = os.environ.get(CACHE_ENV)
    os.environ[CACHE_ENV] = str(tmp_path_factory.mktemp("syllable-cache"))
    syllables.index.cache_clear()
    textmetrics.counter.cache_clear()
    try:
        yield textmetrics.textstat()
    finally:
        if saved is None:
            os.environ.pop(CACHE_ENV, None)
        else:
            os.environ[CACHE_ENV] = saved


def _assert_same(ts, texts):
    counter = textmetrics.counter()
    for text in texts:
        for metric, (name, _) in textmetrics.METRICS.items():
            assert textmetrics.score(metric, text) == float(getattr(ts, name)(text)), (metric, text)
        for word in text.split()[:30]:
            assert counter.syllable_count(word) == ts.syllable_count(word), word


def test_scores_are_textstats_on_random_hostile_text(textstat):
    rng = random.Random(17)
    texts = ["", " ", ".", "a.", "a b.", "a b c.", "!!!", "\n\n", "'", "1", "İ.", "The cat sat on the mat."]
    for _ in range(600):
        texts.append("".join(rng.choice(PIECES) + rng.choice(SEPARATORS) for _ in range(rng.randint(1, 60))))
    _assert_same(textstat, texts)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpora/onestopenglish is absent")
def test_scores_are_textstats_on_the_corpus(textstat):
    texts = []
    for path in sorted(CORPUS.iterdir())[:30]:
        text = path.read_text(encoding="utf-8")
        paragraphs = [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]
        texts += [text, "\n\n".join(paragraphs)] + paragraphs[:10]
    _assert_same(textstat, texts)


def test_summed_paragraph_counts_are_the_counts_of_the_joined_text(textstat):
    rng = random.Random(3)
    counter = textmetrics.counter()
    for _ in range(200):
        parts = ["".join(rng.choice(PIECES) + rng.choice(SEPARATORS) for _ in range(rng.randint(1, 20)))
                 for _ in range(rng.randint(1, 4))]
        joined = "\n\n".join(parts)
        total = textmetrics.EMPTY
        for part in parts:
            total = total.plus(counter.words_only(part), 0)
        assert total._replace(sentences=counter.sentences(joined)) == counter.count(joined)


def test_the_dale_chall_list_is_textstats(textstat, tmp_path):
    from textstat.backend.utils._get_lang_easy_words import get_lang_easy_words

    assert syllables.SyllableIndex(tmp_path).easy_words() == get_lang_easy_words("en_US")
    blocked = tmp_path / "a-file"
    blocked.write_text("")
    assert syllables.SyllableIndex(blocked).easy_words() == get_lang_easy_words("en_US")  # no index: the file


def test_the_constants_are_still_textstats(textstat):
    from textstat.backend.utils import constants

    assert constants.RE_NONCONTRACTION_APOSTROPHE == textmetrics.RE_NONCONTRACTION_APOSTROPHE
    en = constants.LANG_CONFIGS["en"]
    assert (en["fre_base"], en["fre_sentence_length"], en["fre_syll_per_word"]) == (
        textmetrics.FRE_BASE, textmetrics.FRE_SENTENCE_LENGTH, textmetrics.FRE_SYLL_PER_WORD)
    assert en["syllable_threshold"] == textmetrics.SYLLABLE_THRESHOLD


def test_hyphenation_points_are_pyphens(textstat):
    """Words outside the CMU dictionary are counted with Pyphen's algorithm over its own patterns."""
    import pyphen

    real = pyphen.Pyphen(lang="en_US")
    patterns, maxlen = syllables.pyphen_patterns()
    rng = random.Random(11)
    letters = "abcdefghijklmnopqrstuvwxyzéöß'-İ"
    words = ["".join(rng.choice(letters) for _ in range(rng.randint(1, 14))) for _ in range(3000)]
    words += ["brexit", "covid", "zbigniew", "hyphenation", "antidisestablishmentarianism", "ab", "", "2025"]
    for word in words:
        assert syllables.hyphenation_points(word, patterns, maxlen) == real.positions(word), word


def test_words_outside_the_dictionary_get_pyphens_count_from_the_index(tmp_path):
    """The index reads only the patterns a document's unknown words contain: the counts must not change."""
    import pyphen

    real = pyphen.Pyphen(lang="en_US")
    rng = random.Random(5)
    index = syllables.SyllableIndex(tmp_path)
    words = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyzé'") for _ in range(rng.randint(1, 16))) for _ in range(2000)]
    index.learn(words[:1000])  # one batch, then word by word
    for word in words:
        if not index.in_dictionary(word):
            assert index.count(word) == len(real.positions(word)) + 1, word


def test_the_index_is_built_once_then_looked_up(tmp_path):
    index = syllables.SyllableIndex(tmp_path)
    assert index.count("underscore") == 3  # UNDERSCORE = AH2 N D ER0 S K AO1 R
    assert index.count("fire") == 2  # F AY1 ER0; hyphenation alone says 1
    assert index.in_dictionary("fire") and not index.in_dictionary("zzyzxq")
    [path] = tmp_path.glob(syllables.FILE.format(key="*"))
    built = path.stat().st_mtime_ns
    again = syllables.SyllableIndex(tmp_path)
    assert again.count("underscore") == 3
    assert path.stat().st_mtime_ns == built  # read, not rebuilt
    assert not list(tmp_path.glob("*.tmp"))


def test_a_stale_or_damaged_index_is_rebuilt(tmp_path):
    syllables.SyllableIndex(tmp_path).prepare()
    [path] = tmp_path.glob(syllables.FILE.format(key="*"))
    import sqlite3

    db = sqlite3.connect(path)
    db.execute("UPDATE meta SET value = 'old' WHERE name = 'key'")
    db.commit()
    db.close()
    assert syllables.SyllableIndex(tmp_path).count("fire") == 2
    path.write_bytes(b"not a database at all" * 100)
    assert syllables.SyllableIndex(tmp_path).count("fire") == 2
    assert [path] == list(tmp_path.glob(syllables.FILE.format(key="*")))


def test_an_index_left_by_another_environment_long_ago_is_deleted(tmp_path):
    import os
    import time

    old, recent = tmp_path / syllables.FILE.format(key="0" * 16), tmp_path / syllables.FILE.format(key="1" * 16)
    for path in (old, recent):
        path.write_bytes(b"x")
    long_ago = time.time() - (syllables.STALE_DAYS + 1) * 86400
    os.utime(old, (long_ago, long_ago))
    syllables.SyllableIndex(tmp_path).prepare()
    assert not old.exists() and recent.exists()
    assert len(list(tmp_path.glob(syllables.FILE.format(key="*")))) == 2


def test_an_unusable_cache_folder_costs_speed_not_counts(tmp_path):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    index = syllables.SyllableIndex(blocked)  # the index cannot be written there: the dictionary is read for the run
    assert index.count("underscore") == 3 and index.count("fire") == 2
    assert blocked.read_text() == "not a folder"


def test_lookups_without_sqlites_json_functions_bind_the_words(tmp_path):
    index = syllables.SyllableIndex(tmp_path)
    index._json = False  # as on an SQLite built without JSON1
    words = ["underscore", "fire", "zzyzxq"] + [f"w{i}" for i in range(2000)]
    index.learn(words)
    assert index.count("underscore") == 3 and index.count("fire") == 2 and not index.in_dictionary("zzyzxq")
    other = syllables.SyllableIndex(tmp_path)
    other.learn(words)
    assert all(index.count(w) == other.count(w) for w in words)
