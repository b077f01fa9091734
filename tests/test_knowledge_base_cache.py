"""The parsed-facts cache: same records and lines as parsing, invalidated by any edit, never in the way."""

from __future__ import annotations

import contextlib
import os
import sqlite3

import pytest

from lint import store
from lint.errors import ConfigError
from lint.facts import parse_cache
from lint.facts.loader import builtin_files, load_entries, load_file
from lint.facts.model import parse_fact

RECORD = """\
facts:
  - id: xx.prime-minister.a
    topic: xx.prime-minister
    about: Prime Minister of Xland
    holder: Anna Alpha
    titles: [Prime Minister]
    from: 2020-01-01
    until: 2022-01-01
    successor: xx.prime-minister.b
    source: https://example.org/pm
    verified: 2026-12-01

  - id: xx.prime-minister.b
    topic: xx.prime-minister
    about: Prime Minister of Xland
    holder: Bert Beta
    titles: [Prime Minister]
    from: 2022-01-01
    holds_through: 2025-10-31
    source: https://example.org/pm
    verified: null
    unverified: "not checked"
"""


@pytest.fixture(autouse=True)
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("COPYDESK_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def _stored(cache_dir) -> sqlite3.Connection:
    """The store's database, to look at the parsed-facts entries (lint.store keeps one per cache folder)."""
    return sqlite3.connect(cache_dir / store.FILE, isolation_level=None)


def _entries(cache_dir) -> int:
    with contextlib.closing(_stored(cache_dir)) as db:
        return db.execute("SELECT count(*) FROM entries WHERE ns = ?", (parse_cache.NAMESPACE,)).fetchone()[0]


def _parsed(path):
    items = load_entries(path, "facts", "facts file")
    return [parse_fact(e, path, items.line_of(i)) for i, e in enumerate(items)]


def test_cached_load_gives_the_same_records_lines_and_key_lines_as_parsing(cache_dir):
    for path in builtin_files():
        first = load_file(path)   # parses and fills the cache
        again = load_file(path)   # from the cache
        plain = _parsed(path)
        assert first == again == plain, path
        assert [(f.line, f.key_lines) for f in again] == [(f.line, f.key_lines) for f in plain], path
    assert _entries(cache_dir) == len(builtin_files())


def test_second_load_does_not_parse_yaml(tmp_path, monkeypatch):
    path = tmp_path / "facts.yaml"
    path.write_text(RECORD, encoding="utf-8")
    load_file(str(path))

    def boom(*_a, **_k):
        raise AssertionError("parsed again")

    monkeypatch.setattr("lint.facts.loader.load_entries", boom)
    assert [f.holder for f in load_file(str(path))] == ["Anna Alpha", "Bert Beta"]


def test_an_edited_file_is_parsed_afresh(tmp_path):
    path = tmp_path / "facts.yaml"
    path.write_text(RECORD, encoding="utf-8")
    assert load_file(str(path))[0].holder == "Anna Alpha"
    path.write_text(RECORD.replace("Anna Alpha", "Anna Aleph"), encoding="utf-8")
    assert load_file(str(path))[0].holder == "Anna Aleph"


def test_a_corrupt_or_unwritable_cache_falls_back_to_parsing(tmp_path, cache_dir):
    path = tmp_path / "facts.yaml"
    path.write_text(RECORD, encoding="utf-8")
    load_file(str(path))
    assert _entries(cache_dir) == 1
    with contextlib.closing(_stored(cache_dir)) as db:
        db.execute("UPDATE entries SET value = ? WHERE ns = ?", (b'{"l": [{"d": ', parse_cache.NAMESPACE))
    assert [f.id for f in load_file(str(path))] == ["xx.prime-minister.a", "xx.prime-minister.b"]
    store.store_for(cache_dir).close()
    for name in os.listdir(cache_dir):
        if name.startswith(store.FILE):
            os.unlink(cache_dir / name)
    os.chmod(cache_dir, 0o500)
    try:
        assert len(load_file(str(path))) == 2
    finally:
        os.chmod(cache_dir, 0o700)


def test_errors_name_the_file_and_line_with_or_without_the_cache(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("facts:\n  - id: [unclosed\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(ConfigError) as exc:
            load_file(str(bad))
        assert str(bad) in str(exc.value) and "malformed YAML" in str(exc.value)
    path = tmp_path / "facts.yaml"
    path.write_text(RECORD.replace("from: 2022-01-01", "from: early 2022"), encoding="utf-8")
    for _ in range(2):  # the YAML is cached; the record's own check still runs, with its line
        with pytest.raises(ConfigError) as exc:
            load_file(str(path))
        assert f"{path}:" in str(exc.value) and "from" in str(exc.value)


def test_cache_keys_depend_on_the_reader_code():
    assert parse_cache._code_version() == parse_cache._code_version()
    assert len(parse_cache._code_version()) == 64


def test_an_impossible_date_is_an_error_naming_the_file_not_a_crash(tmp_path):
    path = tmp_path / "facts.yaml"
    path.write_text(RECORD.replace("from: 2022-01-01", "from: 2022-13-01"), encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_file(str(path))
    assert str(path) in str(exc.value) and "month must be in 1..12" in str(exc.value)


def test_the_whole_base_comes_from_one_cache_entry_equal_to_parsing_with_its_scanner(cache_dir):
    from lint.facts.loader import KnowledgeBase, load_base

    load_base.cache_clear()
    try:
        first = load_base()      # parses, builds and fills the cache
        load_base.cache_clear()
        again = load_base()      # one entry of the store, unpickled
    finally:
        load_base.cache_clear()
    assert again is not first
    plain = KnowledgeBase([f for path in builtin_files() for f in _parsed(path)])
    assert again.facts == plain.facts
    assert [(f.path, f.line, f.key_lines) for f in again.facts] == [(f.path, f.line, f.key_lines) for f in plain.facts]
    assert again.by_topic == plain.by_topic and again.by_holder == plain.by_holder
    text = ("Chancellor Olaf Scholz said on Tuesday that NATO's 30 members agree. Hungary, which holds the rotating "
            "EU presidency, backs NATO's guideline that allies spend 2% of GDP on defence. The Fed's benchmark "
            "rate currently stands at 5.25% to 5.5%.")
    found = again.scanner.mentions(text)
    assert found == plain.scanner.mentions(text)
    assert {m.fact.topic for m in found} >= {"de.chancellor", "nato.members", "eu.council-presidency"}


def test_the_base_entry_follows_edits_and_ignored_ids(tmp_path, cache_dir):
    from lint.facts.loader import load_base

    path = tmp_path / "newsroom.yaml"
    path.write_text(RECORD, encoding="utf-8")
    load_base.cache_clear()
    try:
        assert load_base((str(path),)).by_id["xx.prime-minister.a"].holder == "Anna Alpha"
        path.write_text(RECORD.replace("Anna Alpha", "Anna Omega"), encoding="utf-8")
        load_base.cache_clear()
        assert load_base((str(path),)).by_id["xx.prime-minister.a"].holder == "Anna Omega"
        ignored = load_base((str(path),), frozenset({"xx.prime-minister.a"}))
        assert "xx.prime-minister.a" not in ignored.by_id and "xx.prime-minister.b" in ignored.by_id
    finally:
        load_base.cache_clear()
