"""Compiled regex programs read back from the store are the programs regex itself compiles (lint/regex_programs.py)."""

from __future__ import annotations

import pickle

import pytest
import regex

from lint import regex_programs
from lint.cache import CACHE_ENV
from lint.store import store_for

BIG = r"(?<![\p{L}])(?:" + "|".join(f"word{i}(?:s|ed|ing)?" for i in range(300)) + r")(?![\p{L}])"
TEXT = "He word12ed it, word299 and word7s; not aword3 nor word3x."


@pytest.fixture
def store_dir(tmp_path, monkeypatch):
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    monkeypatch.delenv(regex_programs.ENV, raising=False)
    regex_programs.uninstall()
    regex_programs.install()
    yield tmp_path / "cache"
    regex_programs.flush()
    regex_programs.uninstall()


def stored(folder) -> list[bytes]:
    db = store_for(folder)._connect(create=False)
    if db is None:  # nothing was ever written
        return []
    return [bytes(r[0]) for r in db.execute("SELECT value FROM entries WHERE ns = ?", (regex_programs.NAMESPACE,))]


def test_a_stored_program_is_the_one_regex_compiles_and_finds_the_same(store_dir):
    first = regex.compile(BIG, regex.I | regex.V0)
    regex_programs.flush()
    assert len(stored(store_dir)) == 1
    regex_programs._known.clear()  # a new process: only the store remembers
    regex.purge()
    again = regex.compile(BIG, regex.I | regex.V0)
    assert again is not first
    assert again._pickled_data == first._pickled_data
    fresh = regex_programs._original(BIG, regex.I | regex.V0)
    assert again._pickled_data == fresh._pickled_data
    assert [m.span() for m in again.finditer(TEXT)] == [m.span() for m in fresh.finditer(TEXT)] != []


def test_other_flags_are_another_entry(store_dir):
    regex.compile(BIG, regex.V0)
    regex.compile(BIG, regex.I | regex.V0)
    regex_programs.flush()
    regex_programs._known.clear()
    assert regex.compile(BIG, regex.V0).search("WORD3") is None
    assert regex.compile(BIG, regex.I | regex.V0).search("WORD3") is not None


def test_a_damaged_entry_is_a_miss(store_dir):
    regex.compile(BIG)
    regex_programs.flush()
    store = store_for(store_dir)
    key = regex_programs._key(BIG, 0)
    for damage in (b"not a pickle", pickle.dumps(regex_programs._original("other"))):
        store.put(regex_programs.NAMESPACE, key, damage)
        regex_programs._known.clear()
        pattern = regex.compile(BIG)
        assert pattern.pattern == BIG and pattern.search("word5") is not None


def test_unusual_patterns_go_to_regex_and_are_not_stored(store_dir):
    locale_big = "(?L)" + BIG
    assert regex.compile(locale_big).search("word4")
    assert regex.compile(r"\L<names>", names=["alpha", "beta"]).search("beta")
    assert regex.compile(BIG.encode(), regex.V0).search(b"word8")
    regex_programs.flush()
    assert stored(store_dir) == []


def test_an_unwritable_store_costs_nothing_but_speed(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv(CACHE_ENV, str(blocker / "cache"))
    regex_programs.uninstall()
    regex_programs.install()
    try:
        assert regex.compile(BIG).search("word1")
        regex_programs.flush()
    finally:
        regex_programs.uninstall()


def test_turned_off_leaves_regex_alone(monkeypatch):
    monkeypatch.setenv(regex_programs.ENV, "0")
    original = regex.compile
    regex_programs.install()
    assert regex.compile is original
    assert regex_programs._original is None


def test_every_program_a_check_run_reads_back_finds_what_a_fresh_compile_finds(tmp_path, monkeypatch):
    """Every pattern a default run compiles (claims, facts, dates, phrase packs...) reads back as regex compiles it.

    regex orders the characters a match may start with by their order in a set, which can differ between
    processes; the program read back must otherwise be the same, and find the same matches.
    """
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    draft = tmp_path / "draft.md"
    draft.write_text("The minister said on Monday 3 March 2025 that 40 per cent of experts agree, "
                     "three years ago, with 1,200 people. Critics say it is very unique.\n", encoding="utf-8")
    env = {**os.environ, CACHE_ENV: str(tmp_path / "cache")}
    env.pop(regex_programs.ENV, None)
    # A fresh process compiles (and stores) every pattern the modules and rules need, and says which.
    script = ("import json\nfrom lint.cli import main\nfrom lint import regex_programs\n"
              f"main(['check', '--no-cache', '-f', 'json', '-o', {str(tmp_path / 'out.json')!r}, {str(draft)!r}])\n"
              "print(json.dumps(list(regex_programs._known)))\n")
    compiled = json.loads(subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                                         env=env).stdout)
    entries = stored(tmp_path / "cache")
    assert len(compiled) > 20 and len(entries) > 10  # the claims, facts, dates and phrase modules compile some
    root = Path(__file__).resolve().parent.parent
    texts = [p.read_text(encoding="utf-8") for p in sorted((root / "fixtures").glob("*/*.md"))]
    texts.append(draft.read_text(encoding="utf-8"))
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    regex_programs.uninstall()
    regex_programs.install()
    read = []
    load = pickle.loads
    monkeypatch.setattr(regex_programs, "pickle", type("P", (), {
        "loads": staticmethod(lambda raw: read.append(raw) or load(raw)), "dumps": staticmethod(pickle.dumps),
        "HIGHEST_PROTOCOL": pickle.HIGHEST_PROTOCOL}))
    try:
        for text, flags in compiled:  # as the next run does: every stored one comes from the store
            got, fresh = regex.compile(text, flags), regex_programs._original(text, flags)
            mine, theirs = got._pickled_data, fresh._pickled_data
            assert mine[:2] == theirs[:2] and mine[3:] == theirs[3:], text[:80]
            assert sorted(mine[2]) == sorted(theirs[2]), text[:80]
            for sample in texts:
                assert ([(m.span(), m.groups()) for m in got.finditer(sample)]
                        == [(m.span(), m.groups()) for m in fresh.finditer(sample)]), text[:80]
        assert len(read) == len(entries)
    finally:
        regex_programs.uninstall()
