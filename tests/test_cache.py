"""The result cache gives the same findings as a fresh run and is invalidated by what matters."""

from __future__ import annotations

from lint.engine import Options, run


def _findings(report):
    return [f.to_dict() for f in report.findings]


def test_cached_run_is_identical_and_skips_checking(tmp_path, monkeypatch):
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "a.md").write_text("December 12, 2025\n\nWe met in order to talk. Defence and defense. TK\n")
    (drafts / "b.txt").write_text("Nothing wrong here.\n")
    opts = Options(jobs=1, use_cache=True, cache_dir=str(tmp_path / "cache"))
    fresh = run([str(drafts)], Options(jobs=1))
    first = run([str(drafts)], opts)
    assert _findings(first) == _findings(fresh)
    assert (tmp_path / "cache" / ".gitignore").read_text().strip().endswith("*")

    import lint.engine

    def boom(*a, **k):
        raise AssertionError("a cached file was checked again")

    monkeypatch.setattr(lint.engine, "check_document", boom)
    second = run([str(drafts)], opts)
    assert _findings(second) == _findings(fresh)
    assert [d.to_dict() for d in second.documents] == [d.to_dict() for d in fresh.documents]


def test_cache_is_invalidated_by_text_rules_and_options(tmp_path):
    draft = tmp_path / "a.md"
    draft.write_text("We met in order to talk.\n")
    opts = dict(jobs=1, use_cache=True, cache_dir=str(tmp_path / "cache"))
    assert len(run([str(draft)], Options(**opts)).findings) == 1
    draft.write_text("We met to talk.\n")
    assert len(run([str(draft)], Options(**opts)).findings) == 0
    draft.write_text("We met in order to talk. TK\n")
    assert len(run([str(draft)], Options(**opts)).findings) == 2
    assert len(run([str(draft)], Options(select=["style.wordy"], **opts)).findings) == 1
    (tmp_path / ".copydesk.yaml").write_text("options:\n  style.wordy: {swap: {talk: speak}}\n")
    got = run([str(draft)], Options(select=["style.wordy"], **opts)).findings
    assert [f.match for f in got] == ["talk"]


def test_cache_expires_when_a_users_fact_file_changes(tmp_path):
    facts = tmp_path / "newsroom-facts.yaml"
    (tmp_path / ".copydesk.yaml").write_text("facts: {files: [newsroom-facts.yaml]}\n")
    draft = tmp_path / "a.md"
    draft.write_text("December 12, 2025\n\nNATO allies agreed to spend at least 2% of GDP on defence.\n")
    facts.write_text("[]\n")
    opts = Options(jobs=1, use_cache=True, cache_dir=str(tmp_path / "cache"), select=["facts"])
    before = [f.to_dict() for f in run([str(draft)], opts).findings]
    import os

    facts.write_text("# an edit\n[]\n")
    os.utime(facts)
    from lint.engine import Checker

    checker = Checker(opts)
    first = checker.check_path(str(draft))
    config = checker.resolver.for_path(str(draft))
    from lint.engine import effective_rules

    _, _, fp_after = checker.cache.checks(config, effective_rules(config, opts, str(draft)))
    facts.write_text("# another edit\n[]\n")
    _, _, fp_again = Checker(opts).cache.checks(config, effective_rules(config, opts, str(draft)))
    assert fp_after != fp_again
    assert [f.to_dict() for f in first.findings] == before


def test_cache_command_path_and_clear(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("COPYDESK_CACHE_DIR", str(tmp_path / "c"))
    draft = tmp_path / "a.md"
    draft.write_text("We met in order to talk.\n")
    assert cli("check", draft).code == 1
    assert (tmp_path / "c" / "store.sqlite3").is_file()  # one bounded store for every cache (issue #14)
    assert cli("cache", "path").out.strip() == str(tmp_path / "c")
    assert cli("cache", "clear").code == 0
    assert not (tmp_path / "c").exists()


# -- issue #14: cache correctness and data safety ------------------------------------------------------------

def _opts(tmp_path, **kw):
    return Options(jobs=1, use_cache=True, cache_dir=str(tmp_path / "cache"), **kw)


def test_editing_a_custom_rules_message_changes_the_cached_output(tmp_path):
    """The key holds the rules' full definitions: a new message is printed, not the cached old one."""
    config = tmp_path / ".copydesk.yaml"
    rule = "rules:\n  - {id: style.house, kind: existence, words: [synergy], message: '%s'}\n"
    config.write_text(rule % "old message")
    draft = tmp_path / "a.md"
    draft.write_text("Synergy matters.\n")
    assert [f.message for f in run([str(draft)], _opts(tmp_path, select=["style.house"])).findings] == ["old message"]
    config.write_text(rule % "new message")
    assert [f.message for f in run([str(draft)], _opts(tmp_path, select=["style.house"])).findings] == ["new message"]
    config.write_text(rule.replace("kind: existence", "kind: existence, severity: error") % "new message")
    got = run([str(draft)], _opts(tmp_path, select=["style.house"])).findings
    assert [f.severity.name.lower() for f in got] == ["error"]


def test_the_key_holds_a_hash_of_the_installed_package_files(tmp_path, monkeypatch):
    """An edit of copydesk's code with the same version string expires cached results."""
    import lint.cache

    draft = tmp_path / "a.md"
    draft.write_text("We met in order to talk.\n")
    run([str(draft)], _opts(tmp_path))
    monkeypatch.setattr(lint.cache, "package_hash", lambda: "another build of the same version")
    import lint.engine

    calls = []
    real = lint.engine.check_document
    monkeypatch.setattr(lint.engine, "check_document", lambda *a, **k: calls.append(1) or real(*a, **k))
    run([str(draft)], _opts(tmp_path))
    assert calls == [1]
    assert len(lint.cache.package_hash()) > 0


def test_an_entry_of_the_wrong_shape_is_a_miss_not_a_crash(tmp_path):
    from lint.cache import ResultCache

    draft = tmp_path / "a.md"
    draft.write_text("We met in order to talk.\n")
    fresh = _findings(run([str(draft)], _opts(tmp_path)))
    cache = ResultCache(tmp_path / "cache")
    rows = cache.store._connect(create=False).execute("SELECT key FROM entries WHERE ns = 'results'").fetchall()
    assert rows
    for bad in (b'[]', b'{"document": 1, "findings": [], "notices": []}', b'"text"', b'{"findings": {}}',
                b'{"document": {"path": "a", "as_of": "x", "as_of_source": "y", "words": 1, "evil": 2}, '
                b'"findings": [], "notices": []}',
                b'{"document": {"path": "a", "as_of": "x", "as_of_source": "y", "words": 1}, '
                b'"findings": [{"rule": 1}], "notices": []}', b"\xff\xfe not json"):
        for (key,) in rows:
            cache.store.put("results", key, bad)
        report = run([str(draft)], _opts(tmp_path))
        assert not report.errors
        assert _findings(report) == fresh


def test_the_store_is_bounded_and_evicts_the_oldest_entries(tmp_path):
    from lint.store import Store

    store = Store(tmp_path / "s", limit=10_000)
    for i in range(100):
        store.put("results", f"k{i}", bytes(500))
    assert store.total() <= 10_000
    assert store.get("results", "k99") == bytes(500)
    assert store.get("results", "k0") is None
    assert (tmp_path / "s" / "store.sqlite3").stat().st_size < 100_000  # pages freed by eviction are returned
    assert sum(p.stat().st_size for p in (tmp_path / "s").iterdir()) < 5_000_000  # the log is capped too


def test_grammar_answers_and_syllables_share_the_store(tmp_path, monkeypatch):
    monkeypatch.setenv("COPYDESK_CACHE_DIR", str(tmp_path / "c"))
    from lint.grammar.cache import ResultCache as GrammarCache
    from lint.store import store_for

    grammar = GrammarCache(tmp_path / "c", "settings")
    grammar.put("A paragraph.", [{"rule": "R", "category": "C", "message": "m", "start": 0, "end": 1,
                                  "replacements": []}])
    assert grammar.get("A paragraph.")[0]["rule"] == "R"
    grammar.store.put("grammar", grammar.key("Other."), b'{"not": "a list"}')
    assert grammar.get("Other.") is None  # wrong shape: a miss
    grammar.store.put("grammar", grammar.key("Third."), b'[{"rule": "R"}]')
    assert grammar.get("Third.") is None
    namespaces = {ns for (ns,) in store_for(tmp_path / "c")._connect(create=False).execute(
        "SELECT DISTINCT ns FROM entries")}
    assert "grammar" in namespaces


def test_cache_clear_refuses_a_folder_copydesk_did_not_make(cli, tmp_path, monkeypatch):
    """COPYDESK_CACHE_DIR naming a user's folder: copydesk works in its own subfolder and clear keeps the rest."""
    user = tmp_path / "my-notes"
    user.mkdir()
    (user / "precious.txt").write_text("keep me")
    monkeypatch.setenv("COPYDESK_CACHE_DIR", str(user))
    draft = tmp_path / "a.md"
    draft.write_text("We met in order to talk.\n")
    assert cli("check", draft).code == 1
    assert not (user / ".gitignore").exists()
    assert (user / "copydesk-cache" / "CACHEDIR.TAG").is_file()
    result = cli("cache", "clear")
    assert result.code == 0, result.err
    assert (user / "precious.txt").read_text() == "keep me"
    assert not (user / "copydesk-cache").exists()
    # A folder with nothing of copydesk's in it is refused with a clear message.
    result = cli("cache", "clear")
    assert result.code == 2
    assert "no copydesk marker" in result.err and str(user) in result.err
    assert (user / "precious.txt").exists()


def test_cache_dir_dot_never_gets_a_gitignore_of_everything(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COPYDESK_CACHE_DIR", str(tmp_path / "shared-cache"))
    (tmp_path / "a.md").write_text("We met in order to talk.\n")
    assert cli("check", "--cache-dir", ".", "a.md").code == 1
    assert not (tmp_path / ".gitignore").exists()
    assert (tmp_path / "copydesk-cache" / ".gitignore").read_text().strip().endswith("*")
    assert cli("check", "--cache-dir", ".", "a.md").code == 1  # and a second run reads it
    result = cli("cache", "clear", "--cache-dir", ".")
    assert result.code == 0, result.err
    assert not (tmp_path / "copydesk-cache").exists()
    assert (tmp_path / "a.md").exists()


def test_cache_clear_also_clears_the_configs_cache_dir(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COPYDESK_CACHE_DIR", str(tmp_path / "shared-cache"))
    (tmp_path / ".copydesk.yaml").write_text("cache: {dir: .results}\n")
    (tmp_path / "a.md").write_text("We met in order to talk.\n")
    assert cli("check", "a.md").code == 1
    assert (tmp_path / ".results" / "store.sqlite3").is_file()
    result = cli("cache", "clear")
    assert result.code == 0, result.err
    assert not (tmp_path / ".results").exists()


def test_a_fully_cached_run_builds_no_rule(tmp_path, monkeypatch):
    """Every file cached: nothing is compiled (the key needs no built rule), with one job or two."""
    drafts = tmp_path / "d"
    drafts.mkdir()
    for i in range(6):
        (drafts / f"{i}.md").write_text(f"Draft {i}. We met in order to talk.\n")
    for jobs in (1, 2):
        run([str(drafts)], Options(jobs=jobs, use_cache=True, cache_dir=str(tmp_path / "cache")))
    import lint.engine

    def boom(*a, **k):
        raise AssertionError("rules were built for a fully cached run")

    monkeypatch.setattr(lint.engine.CheckCache, "checks", boom)
    monkeypatch.setattr(lint.engine.Checker, "prepare", boom)
    for jobs in (1, 2):
        report = run([str(drafts)], Options(jobs=jobs, use_cache=True, cache_dir=str(tmp_path / "cache")))
        assert len(report.findings) == 6 and not report.errors
