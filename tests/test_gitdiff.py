"""--diff BASE in real git repositories: only findings on changed lines (or in changed documents)."""

from __future__ import annotations

import re

import pytest

from gitrepo import GitRepo
from lint.finding import Finding, Severity
from lint.gitdiff import changed_lines, parse_diff, unquote_path

OLD = "# Draft\n\nThe council met in order to vote.\n\nTK one.\n"


@pytest.fixture
def repo(tmp_path, monkeypatch):
    repo = GitRepo(tmp_path / "repo")
    monkeypatch.chdir(repo.root)
    return repo


def locations(result) -> list[str]:
    """``path:line:col: RULE`` of each reported finding (a leading ./ dropped)."""
    found = (re.match(r"^(?:\./)?(.*?:\d+:\d+:) (?:error|warning|info) (\S+)", line) for line in result.out.splitlines())
    return [f"{m.group(1)} {m.group(2)}" for m in found if m]


def test_only_findings_on_changed_lines_are_reported(cli, repo):
    repo.write("a.md", OLD)
    repo.commit("first")
    # Line 3 is untouched (its finding is old); a new line with two findings goes in at line 5.
    repo.write("a.md", OLD.replace("TK one.", "Prior to that, TK two.\n\nTK one."))
    repo.commit("second")
    result = cli("check", "--diff", "HEAD~1", "a.md")
    assert locations(result) == ["a.md:5:1: style.wordy", "a.md:5:16: style.placeholder"]
    assert result.code == 1
    assert "2 findings outside the lines changed since HEAD~1 not reported" in result.err
    # Against HEAD nothing has changed: nothing is reported and the gate passes.
    result = cli("check", "--diff", "HEAD", "a.md")
    assert locations(result) == [] and result.code == 0


def test_uncommitted_edits_count(cli, repo):
    repo.write("a.md", OLD)
    repo.commit()
    repo.write("a.md", OLD + "\nTK three.\n")
    assert locations(cli("check", "--diff", "HEAD", "a.md")) == ["a.md:7:1: style.placeholder"]
    repo.git("add", "a.md")  # staged counts as well
    assert locations(cli("check", "--diff", "HEAD", "a.md")) == ["a.md:7:1: style.placeholder"]


def test_new_files_count_on_every_line_committed_or_untracked(cli, repo):
    repo.write("a.md", "Fine.\n")
    repo.commit()
    repo.write("new.md", OLD)
    repo.commit("add new.md")
    repo.write("untracked.md", OLD)
    result = cli("check", "--diff", "HEAD~1", ".")
    assert locations(result) == ["new.md:3:17: style.wordy", "new.md:5:1: style.placeholder",
                                 "untracked.md:3:17: style.wordy", "untracked.md:5:1: style.placeholder"]


def test_renamed_files_count_only_their_edited_lines(cli, repo):
    repo.write("old-name.md", OLD + "\nTK three.\n\nClosing words for the record, long enough to rename.\n")
    repo.write("moved.md", OLD)
    repo.commit()
    repo.git("mv", "old-name.md", "new-name.md")
    repo.write("new-name.md", (repo.root / "new-name.md").read_text().replace("TK three.", "TK four."))
    repo.git("mv", "moved.md", "drafts-moved.md")
    repo.commit("rename")
    result = cli("check", "--diff", "HEAD~1", ".")
    # The edited line of the renamed file is reported; the file moved without edits reports nothing.
    assert locations(result) == ["new-name.md:7:1: style.placeholder"]


def test_paths_with_spaces_and_non_ascii_letters(cli, repo):
    repo.write("dir with space/ünïcode draft.md", "Fine.\n")
    repo.commit()
    repo.write("dir with space/ünïcode draft.md", "Fine.\nTK\n")
    result = cli("check", "--diff", "HEAD", "dir with space")
    assert locations(result) == ["dir with space/ünïcode draft.md:2:1: style.placeholder"]


def test_running_from_a_subfolder(cli, repo, monkeypatch):
    repo.write("drafts/a.md", OLD)
    repo.commit()
    repo.write("drafts/a.md", OLD + "\nTK three.\n")
    monkeypatch.chdir(repo.root / "drafts")
    assert locations(cli("check", "--diff", "HEAD", "a.md")) == ["a.md:7:1: style.placeholder"]


def test_document_level_findings_count_when_the_document_changed(repo):
    repo.write("a.md", "One.\n\nTwo.\n\nThree.\n")
    repo.write("b.md", "Untouched.\n")
    repo.commit()
    repo.write("a.md", "One.\n\nThree.\n")  # a deletion only: no changed line, but a changed document
    changes = changed_lines("HEAD")
    whole = dict(severity=Severity.WARNING, message="hard to read", start=0, end=5, line=1, column=1, end_line=5,
                 end_column=1, document_level=True)
    assert changes.keeps(Finding("readability.grade", path="a.md", **whole))
    assert not changes.keeps(Finding("readability.grade", path="b.md", **whole))
    on_line = Finding("style.x", Severity.WARNING, "m", "a.md", 0, 3, 1, 1, 1, 4)
    assert not changes.keeps(on_line)


def test_a_span_ending_at_the_start_of_a_line_does_not_touch_that_line(repo):
    repo.write("a.md", "one\ntwo\nthree\n")
    repo.commit()
    repo.write("a.md", "one\ntwo\nTHREE\n")
    changes = changed_lines("HEAD")
    assert not changes.keeps(Finding("style.x", Severity.INFO, "m", "a.md", 4, 8, 2, 1, 3, 1))
    assert changes.keeps(Finding("style.x", Severity.INFO, "m", "a.md", 4, 9, 2, 1, 3, 2))


def test_parse_diff_is_not_fooled_by_content_that_looks_like_headers():
    diff = (
        "diff --git a/a.md b/a.md\n"
        "index 1..2 100644\n"
        "--- a/a.md\n"
        "+++ b/a.md\n"
        "@@ -2,0 +3,2 @@\n"
        "+++ b/evil.md\n"
        "+@@ -1 +1,50 @@\n"
        "@@ -9 +10 @@ heading\n"
        "-old\n"
        "\\ No newline at end of file\n"
        "+new\n"
        "diff --git a/gone.md b/gone.md\n"
        "deleted file mode 100644\n"
        "--- a/gone.md\n"
        "+++ /dev/null\n"
        "@@ -1 +0,0 @@\n"
        "-bye\n"
        "diff --git a/n.md b/n.md\n"
        "new file mode 100644\n"
        "--- /dev/null\n"
        "+++ \"b/caf\\303\\251 \\\"q\\\".md\"\n"
        "@@ -0,0 +1 @@\n"
        "+hello\n"
    )
    files = parse_diff(diff)
    assert set(files) == {"a.md", 'café "q".md'}
    assert files["a.md"].lines == {3, 4, 10} and not files["a.md"].all_lines
    assert files['café "q".md'].all_lines


def test_unquote_path():
    assert unquote_path("plain.md") == "plain.md"
    assert unquote_path('"tab\\there.md"') == "tab\there.md"
    assert unquote_path('"\\346\\227\\245.md"') == "日.md"


def test_three_dots_compare_with_the_merge_base(cli, repo):
    repo.write("a.md", "We met in order to vote.\n\nLine two.\n")
    repo.commit("base")
    repo.git("checkout", "-q", "-b", "topic")
    repo.write("a.md", "We met in order to vote.\n\nLine two.\n\nTopic: TK.\n")
    repo.commit("topic work")
    repo.git("checkout", "-q", "main")
    repo.write("a.md", "We met in order to vote today.\n\nLine two.\n")
    repo.commit("main moves on")
    repo.git("checkout", "-q", "topic")
    # Against main's tip, line 1 differs because of main's own edit, and its old finding is blamed on the branch.
    assert locations(cli("check", "--diff", "main", "a.md")) == ["a.md:1:8: style.wordy",
                                                                 "a.md:5:8: style.placeholder"]
    # Against the merge base, only what the branch changed counts.
    assert locations(cli("check", "--diff", "main...", "a.md")) == ["a.md:5:8: style.placeholder"]


def test_a_draft_outside_the_repository_is_an_error_not_a_silent_pass(cli, repo, tmp_path):
    repo.write("a.md", "Fine.\n")
    repo.commit()
    outside = tmp_path / "elsewhere.md"
    outside.write_text("TK\n", encoding="utf-8")
    result = cli("check", "--diff", "HEAD", "a.md", str(outside))
    assert result.code == 2
    assert "elsewhere.md: error: --diff HEAD: not inside the git repository" in result.out
