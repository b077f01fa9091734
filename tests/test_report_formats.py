"""Every CI output format on real drafts: SARIF (against the official schema), GitHub, JUnit, rdjsonl, GitLab."""

from __future__ import annotations

import json
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import ROOT
from lint.report import formats

SCHEMA = ROOT / ".cache" / "sarif" / "sarif-2.1.0-rtm.5.json"

# Two emoji (two UTF-16 code units each) before the wordy phrase on line 3.
EMOJI_DRAFT = "# Budget\n\n😀😀 We met in order to talk. TK\n"


@pytest.fixture
def draft(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "draft.md").write_text(EMOJI_DRAFT, encoding="utf-8")
    return "draft.md"


@pytest.fixture(scope="session")
def sarif_schema():
    if not SCHEMA.is_file():
        if shutil.which("npm") is None:
            pytest.skip("the SARIF schema comes from npm (@microsoft/jest-sarif); npm is not installed")
        subprocess.run(["bash", str(ROOT / "scripts" / "prepare-sarif-schema")], check=True)
    return json.loads(SCHEMA.read_text(encoding="utf-8"))


def test_every_ci_format_is_offered():
    assert {"sarif", "github", "junit", "rdjsonl", "gitlab", "text", "json"} <= set(formats())


# -- SARIF ------------------------------------------------------------------------

def test_sarif_validates_against_the_official_schema(cli, draft, sarif_schema):
    import jsonschema

    result = cli("check", "--format", "sarif", draft)
    assert result.code == 1
    sarif = json.loads(result.out)
    jsonschema.Draft4Validator.check_schema(sarif_schema)
    errors = sorted(jsonschema.Draft4Validator(sarif_schema).iter_errors(sarif), key=str)
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors)
    assert sarif["version"] == "2.1.0"
    assert len(sarif["runs"][0]["results"]) == 2


def test_sarif_columns_count_utf16_code_units_with_exclusive_end(cli, draft):
    sarif = json.loads(cli("check", "--format", "sarif", "--select", "style.wordy", draft).out)
    run = sarif["runs"][0]
    assert run["columnKind"] == "utf16CodeUnits"
    (result,) = run["results"]
    region = result["locations"][0]["physicalLocation"]["region"]
    # "😀😀 We met " is 10 code points but 12 UTF-16 code units; "in order to" is 11 long.
    assert region == {"startLine": 3, "startColumn": 13, "endLine": 3, "endColumn": 24,
                      "snippet": {"text": "in order to"}}
    line = EMOJI_DRAFT.splitlines()[2].encode("utf-16-le")
    assert line[(13 - 1) * 2:(24 - 1) * 2].decode("utf-16-le") == "in order to"
    # The fix's region uses the same units.
    deleted = result["fixes"][0]["artifactChanges"][0]["replacements"][0]["deletedRegion"]
    assert (deleted["startColumn"], deleted["endColumn"]) == (13, 24)
    # The text format keeps code-point columns.
    assert "draft.md:3:11: warning style.wordy" in cli("check", "--select", "style.wordy", draft).out


def test_sarif_describes_every_rule_that_fired_and_only_those(cli, draft):
    sarif = json.loads(cli("check", "--format", "sarif", draft).out)
    driver = sarif["runs"][0]["tool"]["driver"]
    rules = {r["id"]: r for r in driver["rules"]}
    assert set(rules) == {"style.wordy", "style.placeholder"}
    wordy = rules["style.wordy"]
    assert wordy["shortDescription"]["text"].startswith("Wordy phrases")
    assert "Every extra word costs" in wordy["fullDescription"]["text"]
    assert "How to silence it" in wordy["help"]["text"]
    assert wordy["defaultConfiguration"]["level"] == "warning"
    for result in sarif["runs"][0]["results"]:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
    levels = {r["ruleId"]: r["level"] for r in sarif["runs"][0]["results"]}
    assert levels == {"style.wordy": "warning", "style.placeholder": "error"}
    uri = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert uri == {"uri": "draft.md", "uriBaseId": "%SRCROOT%"}


def test_sarif_gives_a_config_rule_its_help_uri(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".copydesk.yaml").write_text(
        "rules:\n"
        "  - id: style.house-banned\n"
        "    kind: existence\n"
        "    words: [synergy]\n"
        "    message: \"Avoid '{match}'.\"\n"
        "    docs:\n"
        "      summary: Words the house style bans.\n"
        "      sources: ['House style guide, https://example.org/style#banned']\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("We value synergy.\n", encoding="utf-8")
    sarif = json.loads(cli("check", "--format", "sarif", "--select", "style.house-banned", "a.md").out)
    (rule,) = sarif["runs"][0]["tool"]["driver"]["rules"]
    assert rule["id"] == "style.house-banned"
    assert rule["helpUri"] == "https://example.org/style#banned"
    assert rule["shortDescription"]["text"] == "Words the house style bans."


def test_sarif_reports_unreadable_files_as_notifications(cli, tmp_path, monkeypatch, sarif_schema):
    import jsonschema

    monkeypatch.chdir(tmp_path)
    (tmp_path / "bad.md").write_bytes(b"\xff\xfe\x00broken")
    (tmp_path / "bad.md").write_bytes(b"caf\xe9\n")
    result = cli("check", "--format", "sarif", "bad.md")
    assert result.code == 2
    sarif = json.loads(result.out)
    jsonschema.Draft4Validator(sarif_schema).validate(sarif)
    invocation = sarif["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert "not valid UTF-8" in invocation["toolExecutionNotifications"][0]["message"]["text"]


def test_sarif_with_no_findings_is_valid_and_empty(cli, tmp_path, monkeypatch, sarif_schema):
    import jsonschema

    monkeypatch.chdir(tmp_path)
    (tmp_path / "clean.md").write_text("The council met to settle the budget.\n", encoding="utf-8")
    result = cli("check", "--format", "sarif", "clean.md")
    assert result.code == 0
    sarif = json.loads(result.out)
    jsonschema.Draft4Validator(sarif_schema).validate(sarif)
    assert sarif["runs"][0]["results"] == [] and sarif["runs"][0]["tool"]["driver"]["rules"] == []


# -- GitHub annotations -----------------------------------------------------------

def test_github_annotations(cli, draft):
    result = cli("check", "--format", "github", draft)
    assert result.code == 1
    assert result.out.splitlines() == [
        "::warning file=draft.md,line=3,col=11,endLine=3,endColumn=22,title=style.wordy::"
        "'in order to' is wordy; use 'to'.",
        "::error file=draft.md,line=3,col=29,endLine=3,endColumn=31,title=style.placeholder::"
        "'TK' is a placeholder; replace it before publishing.",
    ]


def test_github_escapes_data_and_properties():
    from lint.report.github import command, escape_data, escape_property

    assert escape_data("100% sure\r\nnext") == "100%25 sure%0D%0Anext"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    assert command("notice", "50%: a, b", file="dir,x/a:b.md", line=1) == \
        "::notice file=dir%2Cx/a%3Ab.md,line=1::50%25: a, b"


def test_github_info_is_a_notice_and_multiline_spans_drop_columns():
    from lint.finding import Finding, Severity
    from lint.report.github import annotation

    f = Finding("readability.x", Severity.INFO, "Hard to read.", "a.md", 0, 10, 1, 1, 3, 5)
    assert annotation(f) == "::notice file=a.md,line=1,endLine=3,title=readability.x::Hard to read."


# -- JUnit ------------------------------------------------------------------------

def test_junit_has_unique_test_names_and_a_case_per_clean_file(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text("TK TK and TK.\n", encoding="utf-8")
    (tmp_path / "clean.md").write_text("All good here.\n", encoding="utf-8")
    result = cli("check", "--format", "junit", "a.md", "clean.md")
    assert result.code == 1
    root = ET.fromstring(result.out)
    assert root.tag == "testsuites" and root.get("tests") == "4" and root.get("failures") == "3"
    cases = root.findall(".//testcase")
    keys = [(c.get("classname"), c.get("name")) for c in cases]
    assert len(keys) == len(set(keys))
    assert [k for k in keys if k[0] == "a.md"] == [("a.md", 'style.placeholder: "TK"'),
                                                   ("a.md", 'style.placeholder: "TK" #2'),
                                                   ("a.md", 'style.placeholder: "TK" #3')]
    assert cases[0].get("line") == "1"
    assert ("clean.md", "no problems") in keys
    failure = cases[0].find("failure")
    assert failure.get("type") == "style.placeholder" and "placeholder" in failure.get("message")


def test_junit_names_are_unique_and_do_not_depend_on_line_numbers():
    from lint.finding import Finding, Severity
    from lint.report.junit import unique_names

    f = Finding("style.x", Severity.WARNING, "m", "a.md", 0, 1, 2, 3, 2, 4, match="in  order\nto")
    moved = Finding("style.x", Severity.WARNING, "m", "a.md", 0, 1, 9, 3, 9, 4, match="in order to")
    other_file = Finding("style.x", Severity.WARNING, "m", "b.md", 0, 1, 2, 3, 2, 4, match="in order to")
    whole = Finding("readability.y", Severity.INFO, "m", "a.md", 0, 99, 1, 1, 9, 1, match="long " * 50,
                    document_level=True)
    assert unique_names([f, moved, other_file, whole]) == [
        'style.x: "in order to"', 'style.x: "in order to" #2', 'style.x: "in order to"', "readability.y"]
    long = Finding("style.x", Severity.WARNING, "m", "a.md", 0, 1, 1, 1, 1, 2, match="word " * 30)
    assert len(unique_names([long])[0]) == len('style.x: ""') + 60


def test_junit_escapes_markup_and_drops_control_characters(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".copydesk.yaml").write_text(
        "rules:\n  - id: style.angle\n    kind: existence\n    words: [widget]\n"
        "    message: \"<b>&'{match}'\\x01\"\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("A widget.\n", encoding="utf-8")
    result = cli("check", "--format", "junit", "a.md")
    failure = ET.fromstring(result.out).find(".//failure")
    assert failure.get("message") == "<b>&'widget'"


def test_junit_reports_file_errors(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = cli("check", "--format", "junit", "missing.md")
    assert result.code == 2
    root = ET.fromstring(result.out)
    assert root.get("errors") == "1" and root.find(".//error") is not None


# -- reviewdog --------------------------------------------------------------------

def test_rdjsonl_counts_utf8_bytes_and_carries_suggestions(cli, draft):
    result = cli("check", "--format", "rdjsonl", "--select", "style.wordy", draft)
    assert result.code == 1
    (diag,) = [json.loads(line) for line in result.out.splitlines()]
    # "😀😀 We met " is 16 bytes in UTF-8.
    assert diag["location"] == {"path": "draft.md",
                                "range": {"start": {"line": 3, "column": 17}, "end": {"line": 3, "column": 28}}}
    assert diag["severity"] == "WARNING" and diag["code"]["value"] == "style.wordy"
    assert diag["source"]["name"] == "copydesk"
    assert diag["suggestions"] == [{"range": diag["location"]["range"], "text": "to"}]
    line = EMOJI_DRAFT.splitlines()[2].encode("utf-8")
    assert line[17 - 1:28 - 1].decode("utf-8") == "in order to"


# -- GitLab Code Quality ----------------------------------------------------------

def test_gitlab_code_quality(cli, draft):
    result = cli("check", "--format", "gitlab", draft)
    assert result.code == 1
    issues = json.loads(result.out)
    assert [(i["check_name"], i["severity"], i["location"]) for i in issues] == [
        ("style.wordy", "minor", {"path": "draft.md", "lines": {"begin": 3, "end": 3}}),
        ("style.placeholder", "major", {"path": "draft.md", "lines": {"begin": 3, "end": 3}}),
    ]
    assert all(i["description"] and i["type"] == "issue" and i["categories"] == ["Style"] for i in issues)
    assert len({i["fingerprint"] for i in issues}) == 2


def test_gitlab_fingerprints_survive_edits_elsewhere_and_tell_repeats_apart(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    draft = tmp_path / "a.md"
    draft.write_text("# Title\n\nFirst, TK.\n\nLater, TK.\n", encoding="utf-8")
    before = [i["fingerprint"] for i in json.loads(cli("check", "--format", "gitlab", "a.md").out)]
    draft.write_text("# Title\n\nA new paragraph on top.\n\nMore text.\n\nFirst, TK.\n\nLater, TK.\n", encoding="utf-8")
    after = [i["fingerprint"] for i in json.loads(cli("check", "--format", "gitlab", "a.md").out)]
    assert before == after and len(set(before)) == 2
    draft.write_text("# Title\n\nFirst, TK.\n\nLater, TK and TK.\n", encoding="utf-8")
    edited = [i["fingerprint"] for i in json.loads(cli("check", "--format", "gitlab", "a.md").out)]
    assert edited[0] == before[0] and len(set(edited)) == 3


def test_sarif_from_stdin_uses_the_stdin_filename_and_its_text(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = cli("check", "--format", "sarif", "--stdin-filename", "drafts/x.md", "-", stdin=EMOJI_DRAFT)
    (first, _) = json.loads(result.out)["runs"][0]["results"]
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "drafts/x.md"
    assert (location["region"]["startColumn"], location["region"]["endColumn"]) == (13, 24)


@given(st.text(alphabet=st.sampled_from("ab é\t😀𝔘中"), max_size=30), st.data())
def test_column_units_agree_with_the_encodings(line, data):
    from lint.report._source import convert_column

    column = data.draw(st.integers(min_value=1, max_value=len(line) + 1))
    prefix = line[:column - 1]
    assert convert_column(line, column, "utf-16") == len(prefix.encode("utf-16-le")) // 2 + 1
    assert convert_column(line, column, "utf-8") == len(prefix.encode("utf-8")) + 1
    assert convert_column(line, column, "code-points") == column


def test_ci_formats_name_files_as_the_repository_does(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "a.md").write_text("TK\n", encoding="utf-8")
    prints = set()
    for arg in ("./drafts/a.md", str(tmp_path / "drafts" / "a.md"), "drafts/../drafts/a.md", "."):
        prints.add(json.loads(cli("check", "-f", "gitlab", arg).out)[0]["fingerprint"])
        assert cli("check", "-f", "github", arg).out.startswith("::error file=drafts/a.md,line=1,")
        assert json.loads(cli("check", "-f", "gitlab", arg).out)[0]["location"]["path"] == "drafts/a.md"
        assert json.loads(cli("check", "-f", "rdjsonl", arg).out)["location"]["path"] == "drafts/a.md"
        sarif = json.loads(cli("check", "-f", "sarif", arg).out)
        location = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
        assert location == {"uri": "drafts/a.md", "uriBaseId": "%SRCROOT%"}
    assert len(prints) == 1
