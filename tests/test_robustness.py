"""Hostile input: each bad file is a clear per-file error (exit 2) and every other file is still checked."""

from __future__ import annotations

import os
import time

from lint.engine import Options, run


def test_oversized_draft_is_refused_without_reading_it(cli, write, tmp_path, monkeypatch):
    import lint.source

    monkeypatch.setattr(lint.source, "MAX_BYTES", 1024)
    big = write("big.md", "in order to " * 200)
    good = write("good.md", "in order to\n")
    r = cli("check", "--format", "json", big, good)
    assert r.code == 2
    assert "too large" in r.json["errors"][0]["message"] and r.json["errors"][0]["path"] == str(big)
    assert [f["path"] for f in r.json["findings"]] == [str(good)]


def test_dangling_symlink_and_symlink_loop(cli, write, tmp_path):
    folder = tmp_path / "drafts"
    write("drafts/good.md", "in order to\n")
    os.symlink(folder / "gone.md", folder / "dangling.md")
    os.symlink(folder, folder / "loop")
    r = cli("check", "--format", "json", folder)
    assert r.code == 2
    messages = {os.path.basename(e["path"]): e["message"] for e in r.json["errors"]}
    assert messages["dangling.md"] == "no such file"
    assert "symbolic link loop" in messages["loop"]
    assert [os.path.basename(f["path"]) for f in r.json["findings"]] == ["good.md"]


def test_file_deleted_between_listing_and_reading(tmp_path, monkeypatch):
    import lint.engine

    a = tmp_path / "a.md"
    b = tmp_path / "b.md"
    a.write_text("in order to\n")
    b.write_text("in order to\n")
    real_expand = lint.engine.expand_paths

    def expand_then_delete(*args, **kwargs):
        files, errors = real_expand(*args, **kwargs)
        a.unlink()
        return files, errors

    monkeypatch.setattr(lint.engine, "expand_paths", expand_then_delete)
    report = run([str(tmp_path)], Options(jobs=1))
    assert [(e.path, e.message) for e in report.errors] == [(str(a), "no such file")]
    assert [f.path for f in report.findings] == [str(b)]


def test_catastrophic_backtracking_pattern_is_stopped(cli, write):
    write(".copydesk.yaml", "rules:\n  - id: style.evil\n    kind: existence\n    message: bad\n"
                            "    whole_word: false\n    patterns: ['(a+)+$']\n")
    evil = write("evil.md", "a" * 40000 + "!\n")
    other = write("other.md", "in order to\n")
    started = time.monotonic()
    r = cli("check", "--format", "json", evil, other)
    assert time.monotonic() - started < 30
    assert r.code == 2
    assert any("style.evil took too long" in e["message"] and e["path"] == str(evil) for e in r.json["errors"])
    assert {f["path"] for f in r.json["findings"]} == {str(other)}


def test_empty_and_whitespace_only_files(cli, write):
    for name, body in [("empty.md", ""), ("blank.txt", "\n\n  \n"), ("bom.md", "\ufeff"), ("empty.html", "")]:
        write(name, body)
    r = cli("check", "--format", "json", write("empty.md", "").parent)
    assert r.code == 0 and r.json["errors"] == [] and len(r.json["documents"]) == 4
