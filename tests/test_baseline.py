"""Baselines: recorded findings stay hidden after unrelated edits; new ones are reported; counts matter."""

from __future__ import annotations

import json

import pytest

from lint.baseline import Baseline, context, finding_key
from lint.finding import Finding, Severity

DRAFT = """# Council budget

The council met in order to settle the budget. TK

Members argued late into the night.
"""


@pytest.fixture
def desk(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "drafts").mkdir()
    return tmp_path


def reported(result) -> list[str]:
    return [line.split(": ", 1)[0] + " " + line.split()[2] for line in result.out.splitlines() if ": " in line
            and line.split(":")[0].endswith(".md")]


def test_baseline_hides_recorded_findings_after_edits_above_them(cli, desk):
    draft = desk / "drafts" / "a.md"
    draft.write_text(DRAFT, encoding="utf-8")
    result = cli("baseline", "write", ".copydesk-baseline.json", "drafts")
    assert result.code == 0 and "Recorded 2 findings in 1 file" in result.err
    assert cli("check", "--baseline", ".copydesk-baseline.json", "drafts").code == 0

    # Two new paragraphs above move the old findings down four lines; one of them has a new finding.
    draft.write_text(DRAFT.replace("# Council budget\n", "# Council budget\n\nA new lede.\n\n"
                                   "Prior to the vote, nobody spoke.\n"), encoding="utf-8")
    result = cli("check", "--baseline", ".copydesk-baseline.json", "drafts")
    assert reported(result) == ["drafts/a.md:5:1 style.wordy"]
    assert result.code == 1
    assert "2 findings in the baseline not reported" in result.err


def test_baseline_survives_rewrapping_but_not_a_new_occurrence(cli, desk):
    draft = desk / "drafts" / "a.md"
    draft.write_text(DRAFT, encoding="utf-8")
    cli("baseline", "write", "base.json", "drafts")
    # Re-wrapped: the finding's own line breaks moved, its words did not.
    draft.write_text(DRAFT.replace("met in order to settle", "met\nin order to\nsettle"), encoding="utf-8")
    assert cli("check", "--baseline", "base.json", "drafts").code == 0
    # The same phrase elsewhere is new.
    draft.write_text(DRAFT + "\nThey left in order to sleep.\n", encoding="utf-8")
    result = cli("check", "--baseline", "base.json", "drafts")
    assert reported(result) == ["drafts/a.md:7:11 style.wordy"]


def test_counts_two_identical_findings_one_recorded_one_reported(cli, desk):
    draft = desk / "drafts" / "a.md"
    draft.write_text("Status: TK\n", encoding="utf-8")
    cli("baseline", "write", "base.json", "drafts")
    # The same finding in the same words twice: only one was recorded.
    draft.write_text("Status: TK\n\nStatus: TK\n", encoding="utf-8")
    result = cli("check", "--baseline", "base.json", "drafts")
    assert len(reported(result)) == 1 and result.code == 1
    saved = json.loads((desk / "base.json").read_text(encoding="utf-8"))
    assert [e["count"] for e in saved["findings"]] == [1]


def test_baseline_records_counts_and_readable_entries(cli, desk):
    (desk / "drafts" / "a.md").write_text("TK.\n\nTK.\n", encoding="utf-8")
    cli("baseline", "write", "base.json", "drafts")
    saved = json.loads((desk / "base.json").read_text(encoding="utf-8"))
    assert saved["version"] == 1 and saved["tool"] == "copydesk"
    assert saved["findings"] == [{"rule": "style.placeholder", "path": "drafts/a.md", "match": "TK", "before": "",
                                  "after": ".", "count": 2}]


def test_baseline_paths_are_relative_to_the_baseline_file_not_the_working_folder(cli, desk, monkeypatch):
    (desk / "drafts" / "a.md").write_text(DRAFT, encoding="utf-8")
    cli("baseline", "write", "base.json", "drafts")
    monkeypatch.chdir(desk / "drafts")
    assert cli("check", "--baseline", "../base.json", "a.md").code == 0
    assert cli("check", "--baseline", str(desk / "base.json"), str(desk / "drafts" / "a.md")).code == 0


def test_a_finding_in_another_file_is_not_covered(cli, desk):
    (desk / "drafts" / "a.md").write_text(DRAFT, encoding="utf-8")
    cli("baseline", "write", "base.json", "drafts")
    (desk / "drafts" / "b.md").write_text(DRAFT, encoding="utf-8")
    result = cli("check", "--baseline", "base.json", "drafts")
    assert {r.split(":")[0] for r in reported(result)} == {"drafts/b.md"}


def test_context_stays_inside_the_paragraph():
    text = "Above, words here.\n\nTK starts this paragraph and goes on.\n"
    start = text.index("TK")
    assert context(text, start, start + 2) == ("", "starts this paragraph")
    assert context("a  b\n c d e TK f", 12, 14) == ("c d e", "f")


def test_document_level_findings_are_keyed_by_rule_and_path():
    f = Finding("readability.grade", Severity.WARNING, "Grade 14", "a.md", 0, 50, document_level=True)
    assert finding_key(f, "whatever text " * 10) == ("readability.grade", "a.md", "", "", "")


def test_baseline_write_errors(cli, desk):
    result = cli("baseline", "write", "drafts")
    assert result.code == 2 and "is a folder" in result.err
    (desk / "old.json").write_text('{"tool": "copydesk", "version": 99, "findings": []}', encoding="utf-8")
    result = cli("check", "--baseline", "old.json", "drafts")
    assert result.code == 2 and "version 99 is not supported" in result.err
    with pytest.raises(Exception, match="entry 1 needs"):
        (desk / "bad.json").write_text('{"tool": "copydesk", "version": 1, "findings": [{"rule": "x"}]}')
        Baseline.load(str(desk / "bad.json"))


def test_baseline_write_is_atomic_and_leaves_no_temporary_files(cli, desk):
    (desk / "drafts" / "a.md").write_text(DRAFT, encoding="utf-8")
    cli("baseline", "write", "base.json", "drafts")
    cli("baseline", "write", "base.json", "drafts")
    assert sorted(p.name for p in desk.iterdir()) == ["base.json", "drafts"]


def test_findings_fixed_since_the_baseline_are_noted(cli, desk):
    draft = desk / "drafts" / "a.md"
    draft.write_text(DRAFT + "\nStatus: TK\n", encoding="utf-8")
    cli("baseline", "write", "base.json", "drafts")
    draft.write_text(DRAFT, encoding="utf-8")
    result = cli("check", "--baseline", "base.json", "drafts")
    assert result.code == 0, result.out
    assert "1 finding in the baseline no longer occurs" in result.err
    # Checking another file says nothing about a.md's entries.
    (desk / "drafts" / "b.md").write_text("Clean.\n", encoding="utf-8")
    assert "no longer" not in cli("check", "--baseline", "base.json", "drafts/b.md").err


def test_fixing_a_neighbour_does_not_bring_a_recorded_finding_back(cli, desk):
    draft = desk / "drafts" / "a.md"
    draft.write_text("We met in order to vote TK today.\n", encoding="utf-8")
    cli("baseline", "write", "base.json", "drafts")
    draft.write_text("We met in order to vote today.\n", encoding="utf-8")  # TK fixed: the context changed
    assert cli("check", "--baseline", "base.json", "drafts").code == 0
    # ... but a second occurrence, wherever it is, is new.
    draft.write_text("We met in order to vote today.\n\nThey left in order to sleep.\n", encoding="utf-8")
    result = cli("check", "--baseline", "base.json", "drafts")
    assert len(reported(result)) == 1 and result.code == 1


def test_baseline_and_sarif_work_with_several_processes(cli, desk):
    for i in range(4):
        (desk / "drafts" / f"d{i}.md").write_text(DRAFT, encoding="utf-8")
    cli("baseline", "write", "base.json", "--jobs", "2", "drafts")
    assert cli("check", "--baseline", "base.json", "--jobs", "2", "drafts").code == 0
    sarif = json.loads(cli("check", "--format", "sarif", "--jobs", "2", "drafts").out)
    assert len(sarif["runs"][0]["results"]) == 8
