"""A gate that never passes by mistake: rule names that mean nothing, whose fail_on decides, broken pipes,
impossible dates and out-of-range --as-of (issue #14, "Wrong verdicts")."""

from __future__ import annotations

import pytest

from conftest import run_cli
from test_vale import AVOID, INI, make_project

DRAFT = "In order to win, we we go.\n"


@pytest.mark.parametrize("args,fragment", [
    (["--select", "clams"], "--select names 'clams', which is no rule or family; did you mean 'claims'?"),
    (["--ignore", "style.clichee"], "--ignore names 'style.clichee', which is no rule or family; "
                                    "did you mean 'style.cliche'?"),
    (["--select", "style,facts.outdatd"], "did you mean 'facts.outdated'?"),
])
def test_unknown_rule_names_on_the_command_line_are_usage_errors(write, args, fragment):
    r = run_cli("check", *args, write("a.md", DRAFT))
    assert r.code == 2
    assert fragment in r.err
    assert r.out == ""  # nothing was checked under a selection that means nothing


@pytest.mark.parametrize("args", [
    ["--select", "claims"], ["--select", "style.wordy"], ["--select", "style"], ["--ignore", "repetition"],
    ["--select", "grammar.MORFOLOGIK_RULE_EN_US"], ["--ignore", "grammar.ANY_LT_RULE"], ["--select", "ALL"],
])
def test_rule_ids_families_prefixes_and_languagetool_ids_are_accepted(write, args):
    r = run_cli("check", *args, write("a.md", DRAFT))
    assert r.code in (0, 1), r.err


@pytest.mark.parametrize("body,line,key,fragment", [
    ("select: [style, clams]\n", 1, "select", "select names 'clams'"),
    ("ignore:\n  - style.wordy\n  - style.clichee\n", 3, "ignore", "did you mean 'style.cliche'?"),
    ("severity:\n  repetiton: error\n", 2, "severity", "did you mean 'repetition'?"),
    ("per_file:\n  '*.md':\n    ignore: [dats]\n", 3, "ignore", "did you mean 'dates'?"),
])
def test_unknown_rule_names_in_the_config_are_config_errors(write, body, line, key, fragment):
    cfg = write(".copydesk.yaml", body)
    r = run_cli("check", "--format", "json", write("a.md", DRAFT))
    assert r.code == 2
    message = r.json["errors"][0]["message"]
    assert fragment in message and f"{cfg}:{line}:" in message and f"(key '{key}')" in message


def test_a_config_may_name_its_own_rules(write):
    write(".copydesk.yaml", "rules:\n  - {id: house.banned, kind: existence, message: 'no {match}', words: [win]}\n"
                            "severity:\n  house.banned: error\nselect: [house]\n")
    r = run_cli("check", "--format", "json", "--select", "house.banned", write("a.md", DRAFT))
    assert [f["rule"] for f in r.json["findings"]] == ["house.banned"] and r.code == 1


def test_vale_style_names_are_known_only_when_vale_is_in_use(tmp_path):
    make_project(tmp_path, {"House.Avoid": AVOID}, INI, {"a.md": "Simply put.\n"})
    path = str(tmp_path / "a.md")
    vale = ["--vale-config", str(tmp_path / ".vale.ini")]
    assert run_cli("check", *vale, "--select", "House", path).code == 1
    assert run_cli("check", *vale, "--select", "House.Avoid", path).code == 1
    assert run_cli("check", *vale, "--ignore", "vale.House", path).code == 0
    r = run_cli("check", *vale, "--select", "Huose", path)
    assert r.code == 2 and "no rule, family or Vale style; did you mean 'House'?" in r.out
    r = run_cli("check", "--select", "House", path)  # no Vale config in use: not a name copydesk knows
    assert r.code == 2 and "--select names 'House'" in r.err


# -- fail_on: the config that governs each file ------------------------------

INFO_ONLY = "At the end of the day, we utilize the tools.\n"  # style.cliche and style.plain-words are info


def _severities(r):
    return {f["severity"] for f in r.json["findings"]}


def test_fail_on_of_a_folders_own_config_governs_its_files(tmp_path, write):
    write("drafts/.copydesk.yaml", "fail_on: info\n")
    write("drafts/a.md", INFO_ONLY)
    r = run_cli("check", "--format", "json", tmp_path / "drafts")
    assert _severities(r) == {"info"}
    assert r.code == 1  # drafts/.copydesk.yaml says info fails; the (absent) config above drafts/ does not decide


def test_each_file_is_judged_by_its_own_fail_on_whatever_the_order(tmp_path, write):
    write(".copydesk.yaml", "fail_on: error\n")
    write("lenient/a.md", INFO_ONLY)
    write("strict/.copydesk.yaml", "fail_on: info\n")
    write("strict/b.md", INFO_ONLY)
    for order in ([tmp_path / "lenient/a.md", tmp_path / "strict/b.md"],
                  [tmp_path / "strict/b.md", tmp_path / "lenient/a.md"]):
        assert run_cli("check", *order).code == 1
    assert run_cli("check", tmp_path / "lenient/a.md").code == 0
    assert run_cli("check", "--fail-on", "error", tmp_path / "strict/b.md").code == 0  # --fail-on governs all


def test_stdin_filename_picks_the_fail_on(tmp_path, write, monkeypatch):
    write("strict/.copydesk.yaml", "fail_on: info\n")
    monkeypatch.chdir(tmp_path)
    assert run_cli("check", "-", stdin=INFO_ONLY).code == 0
    assert run_cli("check", "--stdin-filename", "strict/x.md", "-", stdin=INFO_ONLY).code == 1


def test_fail_on_never_in_one_folder_does_not_excuse_another(tmp_path, write):
    write("a/.copydesk.yaml", "fail_on: never\n")
    write("a/x.md", DRAFT)
    write("b/y.md", DRAFT)
    assert run_cli("check", tmp_path / "a").code == 0
    assert run_cli("check", tmp_path / "a", tmp_path / "b").code == 1


# -- a reader that goes away ----------------------------------------------------

def _run_into_closed_pipe(*args):
    import os
    import subprocess
    import sys

    read, write = os.pipe()
    os.close(read)  # the reader is gone before copydesk writes a byte
    try:
        proc = subprocess.run([sys.executable, "-m", "lint", *map(str, args)], stdout=write,
                              stderr=subprocess.PIPE, text=True, timeout=120)
    finally:
        os.close(write)
    return proc


@pytest.mark.parametrize("files,expected", [(["a.md", "missing.md"], 2), (["a.md"], 1), (["clean.md"], 0)])
def test_broken_pipe_exits_with_the_code_the_findings_decide(write, tmp_path, files, expected):
    write("a.md", DRAFT)
    write("clean.md", "Plain words.\n")
    proc = _run_into_closed_pipe("check", *(tmp_path / f for f in files))
    assert proc.returncode == expected
    assert "Traceback" not in proc.stderr and "BrokenPipe" not in proc.stderr, proc.stderr


# -- impossible and extreme dates ------------------------------------------------

def test_impossible_front_matter_date_is_that_files_error_and_others_are_checked(write, tmp_path):
    write("bad.md", "---\ntitle: x\ndate: 2025-02-29\n---\nIn order to win.\n")
    write("good.md", DRAFT)
    r = run_cli("check", "--format", "json", tmp_path / "bad.md", tmp_path / "good.md")
    assert r.code == 2
    assert [e["message"] for e in r.json["errors"]] == [
        "front matter: date: 2025-02-29 is not a real date (day is out of range for month)"]
    assert {f["path"] for f in r.json["findings"]} == {str(tmp_path / "good.md")}
    r = run_cli("check", "--as-of", "2025-03-01", tmp_path / "bad.md")  # --as-of does not hide a broken header
    assert r.code == 2 and "2025-02-29 is not a real date" in r.out


def test_front_matter_that_is_not_yaml_is_that_files_error_not_a_draft_judged_at_today(write, tmp_path):
    # heldout-f: a title holding ": " made the header unreadable, the draft was judged as of today, and
    # "President Joe Biden" in a story dated 2024-10-18 was called outdated at severity error.
    write("bad.md", "---\ntitle: One flooded factory: what Helene exposed\ndate: 2024-10-18\n---\n"
                    "The hospitals wrote to President Joe Biden.\n")
    write("good.md", DRAFT)
    r = run_cli("check", "--format", "json", tmp_path / "bad.md", tmp_path / "good.md")
    assert r.code == 2
    assert [e["message"] for e in r.json["errors"]] == [
        'front matter, line 2: not valid YAML (mapping values are not allowed here); a value that holds ": " '
        'needs quotes, e.g. title: "Lead: the story"']
    assert {f["path"] for f in r.json["findings"]} == {str(tmp_path / "good.md")}
    write("quoted.md", "---\ntitle: \"One flooded factory: what Helene exposed\"\ndate: 2024-10-18\n---\n"
                       "The hospitals wrote to President Joe Biden.\n")
    r = run_cli("check", "--format", "json", "--select", "facts", tmp_path / "quoted.md")
    assert r.code == 0 and r.json["documents"][0]["as_of"] == "2024-10-18"


@pytest.mark.parametrize("as_of", ["0001-01-01", "9999-12-31", "0999-12-31", "9000-01-01"])
def test_as_of_outside_the_supported_range_is_a_usage_error(write, as_of):
    r = run_cli("check", "--as-of", as_of, write("a.md", DRAFT))
    assert r.code == 2
    assert f"{as_of} is outside the dates copydesk can judge at (1000-01-01 to 8999-12-31)" in r.err


def test_out_of_range_dates_in_config_and_front_matter_are_errors_naming_them(write, tmp_path):
    cfg = write("c/.copydesk.yaml", "as_of: 9999-12-31\n")
    r = run_cli("check", "--format", "json", write("c/a.md", DRAFT))
    assert r.code == 2 and f"{cfg}:1: as_of: 9999-12-31 is outside" in r.json["errors"][0]["message"]
    r = run_cli("check", "--format", "json", write("b.md", "---\ndate: 0001-01-01\n---\nText.\n"))
    assert r.code == 2 and r.json["errors"][0]["message"].startswith("front matter: date: 0001-01-01 is outside")


@pytest.mark.parametrize("as_of", ["1000-01-01", "8999-12-31"])
def test_every_date_rule_runs_at_the_ends_of_the_range(as_of):
    from conftest import FIXTURES
    from lint.engine import Options, run

    drafts = sorted(str(p) for p in FIXTURES.glob("dates*/*.md")) + sorted(str(p) for p in FIXTURES.glob("facts*/*.md"))
    assert len(drafts) > 20
    report = run(drafts, Options(as_of=__import__("datetime").date.fromisoformat(as_of), jobs=1))
    assert report.errors == []
    assert len(report.documents) == len(drafts)
