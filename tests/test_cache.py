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
    assert any((tmp_path / "c" / "results").rglob("*.json"))
    assert cli("cache", "path").out.strip() == str(tmp_path / "c")
    assert cli("cache", "clear").code == 0
    assert not (tmp_path / "c").exists()
