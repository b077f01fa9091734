"""Exit codes of the gate: never 0 when findings at the fail level are reported, never 1 when none are.

Exit code 1 is decided after the baseline and --diff have narrowed the findings.
"""

from __future__ import annotations

import itertools

import pytest

from gitrepo import GitRepo
from lint.commands.check import exit_code
from lint.engine import FileError, Report
from lint.finding import Finding, Severity

SEVERITIES = ("info", "warning", "error")
FAIL_ON = ("error", "warning", "info", "never")
RANK = {"info": 1, "warning": 2, "error": 3, "never": 99}
#: One config rule per severity, each reporting one word.
WORD = {"error": "alpha", "warning": "bravo", "info": "charlie"}
CONFIG = "rules:\n" + "".join(
    f"  - id: style.gate.{sev}\n    kind: existence\n    severity: {sev}\n    words: [{WORD[sev]}]\n"
    f"    message: \"{sev} '{{match}}'\"\n" for sev in SEVERITIES)


def subsets(items):
    return [set(c) for n in range(len(items) + 1) for c in itertools.combinations(items, n)]


def expected(reported: set[str], fail_on: str, exit_zero: bool) -> int:
    if exit_zero or fail_on == "never":
        return 0
    return 1 if any(RANK[s] >= RANK[fail_on] for s in reported) else 0


@pytest.mark.parametrize("present", [tuple(sorted(s)) for s in subsets(SEVERITIES)], ids=str)
def test_exit_code_function_for_every_combination(present):
    findings = [Finding(f"style.gate.{s}", Severity.parse(s), "m", "a.md", 0, 1) for s in present]
    for fail_on, exit_zero in itertools.product(FAIL_ON, (False, True)):
        assert exit_code(Report(findings=findings), fail_on, exit_zero) == expected(set(present), fail_on, exit_zero)
        with_error = Report(findings=findings, errors=[FileError("b.md", "no such file")])
        assert exit_code(with_error, fail_on, exit_zero) == 2


def _paragraph(label: str, severities) -> str:
    words = " ".join(WORD[s] for s in sorted(severities))
    return f"The {label} paragraph says {words or 'nothing'} today.\n"


# Representative pairs: (findings in the old paragraph, findings in the new one).
PAIRS = [(set(), set()), ({"error"}, set()), (set(), {"error"}), ({"error", "warning"}, {"info"}),
         ({"info"}, {"warning"}), (set(SEVERITIES), set(SEVERITIES)), ({"warning"}, {"error", "info"})]


@pytest.mark.parametrize("mode", ["plain", "baseline", "diff"])
@pytest.mark.parametrize("old,new", PAIRS, ids=lambda s: "+".join(sorted(s)) or "none")
def test_cli_exit_code_after_baseline_and_diff(cli, tmp_path, monkeypatch, mode, old, new):
    repo = GitRepo(tmp_path / "repo")
    monkeypatch.chdir(repo.root)
    repo.write(".copydesk.yaml", CONFIG)
    repo.write("a.md", "# Draft\n\n" + _paragraph("old", old))
    repo.commit("first draft")
    if mode == "baseline":
        assert cli("baseline", "write", "baseline.json", "--select", "style.gate", "a.md").code == 0
    # The new paragraph goes above the old one, moving it down two lines.
    repo.write("a.md", "# Draft\n\n" + _paragraph("new", new) + "\n" + _paragraph("old", old))
    repo.commit("second draft")
    narrowing = {"plain": [], "baseline": ["--baseline", "baseline.json"], "diff": ["--diff", "HEAD~1"]}[mode]
    reported = old | new if mode == "plain" else new
    for fail_on, exit_zero in itertools.product(FAIL_ON, (False, True)):
        args = ["check", "--select", "style.gate", "--fail-on", fail_on, *narrowing, "a.md"]
        result = cli(*args, *(["--exit-zero"] if exit_zero else []))
        rules = {line.split()[2] for line in result.out.splitlines() if line.startswith("a.md:")}
        # Text output shows warnings and errors (issue #16); a hidden info finding still counts for --fail-on info.
        assert rules == {f"style.gate.{s}" for s in reported if s != "info"}, result.out
        assert result.code == expected(reported, fail_on, exit_zero), (args, exit_zero, result.out, result.err)


def test_config_fail_on_applies_when_the_option_is_absent(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".copydesk.yaml").write_text(CONFIG + "fail_on: error\n", encoding="utf-8")
    (tmp_path / "a.md").write_text(_paragraph("only", {"warning"}), encoding="utf-8")
    assert cli("check", "--select", "style.gate", "a.md").code == 0
    assert cli("check", "--select", "style.gate", "--fail-on", "warning", "a.md").code == 1
    (tmp_path / "a.md").write_text(_paragraph("only", {"error"}), encoding="utf-8")
    assert cli("check", "--select", "style.gate", "a.md").code == 1


def test_input_errors_exit_2_even_with_exit_zero_and_other_files_are_still_checked(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text("A TK here.\n", encoding="utf-8")
    result = cli("check", "--exit-zero", "a.md", "missing.md")
    assert result.code == 2
    assert "a.md:1:3: error style.placeholder" in result.out


def test_bad_baseline_and_bad_revision_exit_2_with_the_reason(cli, tmp_path, monkeypatch):
    repo = GitRepo(tmp_path / "repo")
    monkeypatch.chdir(repo.root)
    repo.write("a.md", "Fine.\n")
    repo.commit()
    (repo.root / "broken.json").write_text("{not json", encoding="utf-8")
    result = cli("check", "--baseline", "broken.json", "a.md")
    assert result.code == 2 and "broken.json: not a copydesk baseline" in result.err
    result = cli("check", "--baseline", "absent.json", "a.md")
    assert result.code == 2 and "absent.json: no such baseline file" in result.err
    result = cli("check", "--diff", "no-such-branch", "a.md")
    assert result.code == 2 and "no such git revision" in result.err
    result = cli("check", "--dry-run", "a.md")
    assert result.code == 2 and "--dry-run only goes with --fix" in result.err


def test_diff_outside_a_repository_exits_2(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    (tmp_path / "a.md").write_text("Fine.\n", encoding="utf-8")
    result = cli("check", "--diff", "HEAD", "a.md")
    assert result.code == 2 and "not inside a git repository" in result.err
