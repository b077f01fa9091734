"""--fix: applies reported fixes only, atomically, keeping encoding and line endings; --dry-run writes nothing."""

from __future__ import annotations

import codecs
import os

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gitrepo import GitRepo
from lint.finding import Finding, Fix, Severity
from lint.fix import apply, fix_file, plan

DRAFT = "# Budget\n\nThe council met in order to vote. Prior to that, TK.\n"
FIXED = "# Budget\n\nThe council met to vote. Before that, TK.\n"


@pytest.fixture
def desk(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_fix_rewrites_what_it_reports_and_reports_what_is_left(cli, desk):
    draft = desk / "a.md"
    draft.write_text(DRAFT, encoding="utf-8")
    result = cli("check", "--fix", "a.md")
    assert draft.read_text(encoding="utf-8") == FIXED
    assert "a.md:3:17: style.wordy fixed: 'in order to' -> 'to'" in result.err
    assert "a.md:3:35: style.wordy fixed: 'Prior to' -> 'Before'" in result.err
    assert "Fixed 2 problems in 1 file." in result.err
    # What is left is reported at its position in the fixed file, and gates the exit code.
    assert result.out.splitlines()[0] == ("a.md:3:39: error style.placeholder 'TK' is a placeholder; "
                                          "replace it before publishing.")
    assert result.code == 1
    assert sorted(p.name for p in desk.iterdir()) == ["a.md"]  # no temporary files left behind


def test_fix_exits_0_when_nothing_at_the_fail_level_is_left(cli, desk):
    (desk / "a.md").write_text("We met in order to vote.\n", encoding="utf-8")
    result = cli("check", "--fix", "a.md")
    assert result.code == 0 and (desk / "a.md").read_text() == "We met to vote.\n"


def test_no_draft_is_modified_without_fix(cli, desk):
    draft = desk / "a.md"
    draft.write_bytes(DRAFT.encode("utf-8"))
    before = (draft.read_bytes(), draft.stat().st_mtime_ns)
    for fmt in ("text", "json", "sarif", "github", "junit", "rdjsonl", "gitlab"):
        cli("check", "--format", fmt, "a.md")
    assert (draft.read_bytes(), draft.stat().st_mtime_ns) == before


def test_dry_run_prints_a_unified_diff_and_writes_nothing(cli, desk):
    draft = desk / "a.md"
    draft.write_text(DRAFT, encoding="utf-8")
    result = cli("check", "--fix", "--dry-run", "a.md")
    assert draft.read_text(encoding="utf-8") == DRAFT
    assert result.out == ("--- a/a.md\n+++ b/a.md\n@@ -1,3 +1,3 @@\n # Budget\n \n"
                          "-The council met in order to vote. Prior to that, TK.\n"
                          "+The council met to vote. Before that, TK.\n")
    assert "Would fix 2 problems in 1 file." in result.err
    assert result.code == 1


@pytest.mark.parametrize("encoding,bom,eol", [
    ("utf-8", b"", "\r\n"),
    ("utf-8", codecs.BOM_UTF8, "\n"),
    ("utf-8", codecs.BOM_UTF8, "\r\n"),
    ("utf-16-le", codecs.BOM_UTF16_LE, "\r\n"),
    ("utf-16-be", codecs.BOM_UTF16_BE, "\n"),
    ("utf-8", b"", "\r"),
])
def test_fix_keeps_encoding_bom_and_line_endings(cli, desk, encoding, bom, eol):
    draft = desk / "a.md"
    draft.write_bytes(bom + DRAFT.replace("\n", eol).encode(encoding))
    cli("check", "--fix", "a.md")
    assert draft.read_bytes() == bom + FIXED.replace("\n", eol).encode(encoding)


def test_fix_keeps_permissions_and_symbolic_links(cli, desk):
    real = desk / "real.md"
    real.write_text(DRAFT, encoding="utf-8")
    os.chmod(real, 0o640)
    (desk / "drafts").mkdir()
    link = desk / "drafts" / "link.md"
    link.symlink_to(real)
    cli("check", "--fix", "drafts/link.md")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == FIXED
    assert real.stat().st_mode & 0o777 == 0o640


def test_overlapping_fixes_the_later_is_skipped_and_reported(cli, desk):
    (desk / ".copydesk.yaml").write_text(
        "rules:\n"
        "  - id: style.short-purpose\n    kind: substitution\n    swap: {in order to: to}\n"
        "    message: \"use '{replacement}'\"\n"
        "  - id: style.order\n    kind: substitution\n    swap: {order to vote: vote}\n"
        "    message: \"use '{replacement}'\"\n", encoding="utf-8")
    (desk / "a.md").write_text("We met in order to vote.\n", encoding="utf-8")
    result = cli("check", "--select", "style.short-purpose,style.order", "--fix", "a.md")
    assert (desk / "a.md").read_text() == "We met to vote.\n"
    assert "a.md:1:11: style.order not fixed: its fix overlaps another one; run --fix again" in result.err
    assert "Fixed 1 problem in 1 file." in result.err


def test_plan_and_apply():
    def finding(start, end, text, rule="style.x"):
        return Finding(rule, Severity.WARNING, "m", "a.md", start, end, fix=Fix(start, end, text))

    a, b, same, c, ins1, ins2 = (finding(0, 5, "A"), finding(3, 8, "B"), finding(0, 5, "A", "style.y"),
                                 finding(8, 10, "C"), finding(12, 12, "+"), finding(12, 12, "-"))
    applied, skipped = plan([c, b, a, same, ins2, ins1])
    # b overlaps a; two insertions at one place have no right order, so the second waits.
    assert skipped == [b, ins1]
    assert applied == [a, same, c, ins2]  # the same edit from two rules is applied once
    assert apply("0123456789abcdef", applied) == "A567Cab-cdef"


def test_a_file_changed_on_disk_while_checked_is_not_overwritten(desk):
    draft = desk / "a.md"
    draft.write_text("We met in order to vote.\n", encoding="utf-8")
    f = Finding("style.wordy", Severity.WARNING, "m", "a.md", 7, 18, 1, 8, 1, 19, "in order to", fix=Fix(7, 18, "to"))
    draft.write_text("We met in order to vote, said the editor.\n", encoding="utf-8")  # saved meanwhile
    result = fix_file("a.md", "We met in order to vote.\n", [f])
    assert not result.written and "changed on disk" in result.error
    assert draft.read_text() == "We met in order to vote, said the editor.\n"


def test_a_file_saved_during_the_write_is_not_overwritten(desk, monkeypatch):
    import lint.fix

    draft = desk / "a.md"
    text = "We met in order to vote.\n"
    draft.write_text(text, encoding="utf-8")
    f = Finding("style.wordy", Severity.WARNING, "m", "a.md", 7, 18, 1, 8, 1, 19, "in order to", fix=Fix(7, 18, "to"))
    real_encode = lint.fix.encode_like

    def editor_saves_meanwhile(original, new_text):
        draft.write_text("An editor's newer text, much longer than before.\n", encoding="utf-8")
        return real_encode(original, new_text)

    monkeypatch.setattr(lint.fix, "encode_like", editor_saves_meanwhile)
    result = fix_file("a.md", text, [f])
    assert not result.written and "changed on disk" in result.error
    assert draft.read_text() == "An editor's newer text, much longer than before.\n"
    assert sorted(p.name for p in desk.iterdir()) == ["a.md"]


def test_fix_with_baseline_and_diff_fixes_only_reported_findings(cli, tmp_path, monkeypatch):
    repo = GitRepo(tmp_path / "repo")
    monkeypatch.chdir(repo.root)
    repo.write("a.md", "Old: we met in order to vote.\n")
    repo.commit()
    cli("baseline", "write", "base.json", "a.md")
    repo.write("a.md", "Old: we met in order to vote.\n\nNew: they left in order to sleep.\n")
    cli("check", "--fix", "--baseline", "base.json", "a.md")
    assert (repo.root / "a.md").read_text() == "Old: we met in order to vote.\n\nNew: they left to sleep.\n"
    repo.write("a.md", "Old: we met in order to vote.\n\nNew: they left in order to sleep.\n")
    result = cli("check", "--fix", "--diff", "HEAD", "a.md")
    assert (repo.root / "a.md").read_text() == "Old: we met in order to vote.\n\nNew: they left to sleep.\n"
    assert result.code == 0 and "Fixed 1 problem in 1 file." in result.err


def test_fix_refuses_stdin(cli):
    result = cli("check", "--fix", "-", stdin="We met in order to vote.\n")
    assert result.code == 2 and "cannot rewrite stdin" in result.err


@given(st.lists(st.tuples(st.integers(0, 20), st.integers(0, 6), st.text("xyz", max_size=3)), max_size=8))
def test_planned_fixes_never_overlap_and_apply_edits_only_their_spans(edits):
    text = "abcdefghijklmnopqrstuvwxyz"
    findings = [Finding("style.x", Severity.WARNING, "m", "a.md", s, s + n, fix=Fix(s, s + n, r)) for s, n, r in edits]
    applied, skipped = plan(findings)
    assert len(applied) + len(skipped) == len(findings)
    spans = sorted({(f.fix.start, f.fix.end) for f in applied})
    for (s1, e1), (s2, e2) in zip(spans, spans[1:], strict=False):
        assert e1 <= s2 and (s1, e1) != (s2, e2)
    out = apply(text, applied)
    # Outside the fixed spans, the text is unchanged and in order.
    kept, pos = [], 0
    for start, end in spans:
        kept.append(text[pos:start])
        pos = end
    kept.append(text[pos:])
    it = iter(out)
    assert all(ch in it for ch in "".join(kept))


@pytest.mark.parametrize("ending", ["\n", "", "\r\n"])
def test_the_dry_run_diff_is_a_patch_git_applies(cli, tmp_path, monkeypatch, ending):
    repo = GitRepo(tmp_path / "repo")
    monkeypatch.chdir(repo.root)
    text = "# Budget\n\nWe met in order to vote.\n\nPrior to that, TK." .replace("\n", ending or "\n") + ending
    repo.write("a.md", text)
    repo.commit()
    patch = cli("check", "--fix", "--dry-run", "a.md").out
    (tmp_path / "fix.patch").write_bytes(patch.encode("utf-8"))
    repo.git("apply", str(tmp_path / "fix.patch"))
    patched = (repo.root / "a.md").read_bytes()
    repo.git("checkout", "--", "a.md")
    cli("check", "--fix", "a.md")
    assert patched == (repo.root / "a.md").read_bytes() != text.encode("utf-8")
