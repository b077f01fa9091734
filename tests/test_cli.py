"""The copydesk command end to end: exit codes, formats, errors per file, user rules, positions."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import ROOT

USER_RULE = """\
rules:
  - id: style.house-banned
    kind: existence
    severity: warning
    message: "Avoid '{match}'."
    words: [synergy]
"""

DRAFT = """\
---
title: synergy in front matter
---
# Synergy in a heading

Prose with synergy here and `synergy` in code, a [synergy link](https://example.com/synergy).

```
synergy in a fence
```

<!-- synergy in a comment -->
    synergy indented code

Last synergy.
"""


def test_user_rule_fires_at_exact_positions_only_in_prose(cli, write, tmp_path):
    write(".copydesk.yaml", USER_RULE)
    draft = write("a.md", DRAFT)
    r = cli("check", "--select", "style.house-banned", draft)
    assert r.code == 1, r.err
    lines = [ln for ln in r.out.splitlines() if "style.house-banned" in ln]
    assert [ln.split(": warning style")[0].rsplit(":", 2)[1:] for ln in lines] == [["4", "3"], ["6", "12"], ["6", "51"],
                                                                           ["15", "6"]]
    assert lines[0] == f"{draft}:4:3: warning style.house-banned Avoid 'Synergy'."


def test_exit_codes_and_fail_on(cli, write):
    clean = write("clean.md", "A plain sentence about the budget.\n")
    warn = write("warn.md", "We met in order to talk.\n")
    assert cli("check", clean).code == 0
    assert cli("check", warn).code == 1
    assert cli("check", "--fail-on", "error", warn).code == 0
    assert cli("check", "--fail-on", "info", warn).code == 1
    assert cli("check", "--fail-on", "never", warn).code == 0
    assert cli("check", "--exit-zero", warn).code == 0
    assert cli("check", "--fail-on", "bogus", warn).code == 2
    placeholder = write("err.md", "The fund holds TK billion.\n")
    assert cli("check", "--fail-on", "error", placeholder).code == 1


def test_bad_files_are_errors_and_others_still_checked(cli, write, tmp_path):
    good = write("good.md", "We met in order to talk.\n")
    latin1 = write("latin1.txt", "Caf\xe9 au lait in order to wake up.\n".encode("latin-1"))
    binary = write("blob.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    r = cli("check", "--format", "json", good, latin1, binary, tmp_path / "missing.md")
    assert r.code == 2
    data = r.json
    errors = {e["path"]: e["message"] for e in data["errors"]}
    assert errors[str(latin1)] == "not valid UTF-8 at byte 3"
    assert "binary" in errors[str(binary)]
    assert "no such file" in errors[str(tmp_path / "missing.md")]
    assert [f["path"] for f in data["findings"]] == [str(good)]
    assert "latin1.txt: error: not valid UTF-8 at byte 3" in r.err


def test_utf16_with_bom_is_decoded(cli, write):
    draft = write("u16.txt", "We met in order to talk.\n".encode("utf-16"))
    r = cli("check", "--format", "json", draft)
    assert r.code == 1
    assert r.json["findings"][0]["column"] == 8


def test_json_contract(cli):
    r = cli("check", "--format", "json", ROOT / "examples" / "nato-draft.md")
    data = r.json
    assert data["version"] == 1
    assert data["documents"][0]["as_of"] == "2025-12-12"
    assert data["documents"][0]["as_of_source"] == "dateline"
    keys = {"path", "line", "column", "end_line", "end_column", "rule", "severity", "message", "match", "suggestions"}
    for f in data["findings"]:
        assert keys <= set(f)
    assert data["errors"] == []
    order = [(f["path"], f["line"], f["column"], f["rule"]) for f in data["findings"]]
    assert order == sorted(order)


def test_as_of_option_wins(cli):
    r = cli("check", "--format", "json", "--as-of", "2025-06-01", ROOT / "examples" / "nato-draft.md")
    assert r.json["documents"][0] == {"path": str(ROOT / "examples" / "nato-draft.md"), "as_of": "2025-06-01",
                                      "as_of_source": "option", "words": r.json["documents"][0]["words"]}
    assert cli("check", "--as-of", "12/12/2025", ROOT / "examples" / "nato-draft.md").code == 2


def test_crlf_and_emoji_positions(cli, write):
    draft = write("crlf.md", "Intro line.\r\n\r\n😀 Emoji first, then in order to go.\r\n")
    r = cli("check", "--format", "json", "--select", "style.wordy", draft)
    f = r.json["findings"][0]
    assert (f["line"], f["column"], f["end_line"], f["end_column"]) == (3, 21, 3, 32)
    assert f["match"] == "in order to"
    accented = write("acc.md", "Café “quotes” — and in order to test.\n")
    f = cli("check", "--format", "json", "--select", "style.wordy", accented).json["findings"][0]
    assert (f["line"], f["column"]) == (1, 21)


def test_stdin_with_filename(cli):
    r = cli("check", "--stdin-filename", "draft.txt", "-", stdin="We met in order to talk.\n")
    assert r.code == 1
    assert r.out.startswith("draft.txt:1:8: warning style.wordy")


def test_folders_are_searched_for_drafts(cli, write, tmp_path):
    write("drafts/a.md", "in order to\n")
    write("drafts/sub/b.txt", "in order to\n")
    write("drafts/sub/c.html", "<p>in order to</p>\n")
    write("drafts/skip.py", "in order to\n")
    write("drafts/.hidden/d.md", "in order to\n")
    r = cli("check", "--format", "json", tmp_path / "drafts")
    paths = sorted(f["path"].rsplit("drafts/", 1)[1] for f in r.json["findings"])
    assert paths == ["a.md", "sub/b.txt", "sub/c.html"]


def test_select_and_ignore_prefixes(cli, write):
    draft = write("a.md", "We met in order to talk. TK\n")
    out = cli("check", "--select", "style", "--ignore", "style.placeholder", draft).out
    assert "style.wordy" in out and "style.placeholder" not in out
    out = cli("check", "--select", "style.placeholder", draft).out
    assert "style.wordy" not in out and "style.placeholder" in out


def test_text_output_has_summary_and_suggestion(cli, write):
    draft = write("a.md", "Defence first. Then defense.\n")
    r = cli("check", "--select", "style.consistent-spelling", draft)
    assert re.search(r":1:21: warning style.consistent-spelling 'defense' here, but 'defence' on line 1", r.out)
    assert "(suggestion" not in r.out  # the message already names the spelling to use
    assert r.out.strip().endswith("Found 1 problem (1 warning) in 1 file.")


def test_rules_explain_init_version(cli, tmp_path, monkeypatch):
    from lint import __version__

    assert cli("--version").out.strip() == f"copydesk {__version__}"
    r = cli("rules")
    assert r.code == 0 and re.search(r"^style\.wordy\s+substitution\s+warning\s+", r.out, re.M)
    page = cli("explain", "style.wordy").out
    for heading in ("What it finds:", "Why it matters:", "Example:", "How to silence it:"):
        assert heading in page
    assert cli("explain", "no.such-rule").code == 2
    monkeypatch.chdir(tmp_path)
    assert cli("init").code == 0
    assert (tmp_path / ".copydesk.yaml").read_text().startswith("# copydesk configuration")
    assert cli("init").code == 2  # never overwrites without --force
    assert cli("check", "--config", tmp_path / ".copydesk.yaml", tmp_path).code == 0


# -- issue #16: what the text output shows, --statistics, --show-config ---------------------------

SEVERITIES_CONFIG = """rules:
  - id: house.loud
    kind: existence
    severity: warning
    message: "loud '{match}'"
    words: [alpha]
  - id: house.quiet
    kind: existence
    severity: info
    message: "quiet '{match}'"
    words: [beta]
"""


def _severities_draft(write):
    write(".copydesk.yaml", SEVERITIES_CONFIG)
    return write("a.md", "# Draft\n\nThe alpha and the beta.\n")


def test_text_output_shows_warnings_and_errors_and_says_what_it_hid(cli, write):
    draft = _severities_draft(write)
    result = cli("check", "--select", "house", draft)
    assert "house.loud" in result.out and "house.quiet" not in result.out
    assert "1 lower-severity finding not shown (--min-severity info shows it)" in result.out
    assert result.code == 1
    shown = cli("check", "--select", "house", "--min-severity", "info", draft)
    assert "house.loud" in shown.out and "house.quiet" in shown.out


def test_hidden_info_findings_still_decide_fail_on_info(cli, write):
    write(".copydesk.yaml", SEVERITIES_CONFIG)
    draft = write("b.md", "# Draft\n\nOnly the beta.\n")
    result = cli("check", "--select", "house", "--fail-on", "info", draft)
    assert result.code == 1 and "house.quiet" not in result.out


def test_min_severity_from_the_config_and_error_only(cli, write):
    draft = _severities_draft(write)
    write(".copydesk.yaml", SEVERITIES_CONFIG + "min_severity: info\n")
    assert "house.quiet" in cli("check", "--select", "house", draft).out
    result = cli("check", "--select", "house", "--min-severity", "error", draft)
    assert "house.loud" not in result.out and "house.quiet" not in result.out


def test_machine_formats_keep_every_finding_unless_asked(cli, write):
    draft = _severities_draft(write)
    rules = {f["rule"] for f in cli("check", "--select", "house", "--format", "json", draft).json["findings"]}
    assert rules == {"house.loud", "house.quiet"}
    asked = cli("check", "--select", "house", "--format", "json", "--min-severity", "warning", draft)
    assert {f["rule"] for f in asked.json["findings"]} == {"house.loud"}


def test_bad_min_severity_in_config_names_file_line_and_key(cli, write):
    draft = _severities_draft(write)
    write(".copydesk.yaml", SEVERITIES_CONFIG + "min_severity: loud\n")
    result = cli("check", "--select", "house", draft)
    assert result.code == 2
    assert "min_severity must be error, warning or info" in result.out + result.err
    assert ".copydesk.yaml:12:" in result.out + result.err


def test_statistics_count_findings_by_rule_after_them(cli, write):
    draft = _severities_draft(write)
    write("c.md", "# Draft\n\nAlpha, alpha.\n")
    result = cli("check", "--select", "house", "--statistics", "--min-severity", "info", draft, str(Path(draft).parent / "c.md"))
    lines = result.out.splitlines()
    table = lines[lines.index(next(l for l in lines if l.startswith("Found"))) + 1:]
    assert table == ["3  warning  house.loud", "1  info     house.quiet"], result.out
    as_json = cli("check", "--select", "house", "--statistics", "--format", "json", draft)
    assert as_json.json["findings"] and "house.loud" in as_json.err


def test_show_config_names_the_config_files_and_the_selection(cli, write):
    draft = _severities_draft(write)
    base = write("base.yaml", "audience: docs\n")
    write(".copydesk.yaml", f"extends: {base}\n" + SEVERITIES_CONFIG + "ignore: [style]\n")
    result = cli("check", "--show-config", "--select", "house,style", draft)
    assert result.code == 0
    out = result.out
    assert f"config files: {Path(draft).parent / '.copydesk.yaml'} <- {base}" in out
    assert "audience: docs" in out
    assert "house.loud warning" in out and "house.quiet info" in out
    assert "style." not in out  # ignored by the config
    assert "alpha" not in out  # nothing was checked


def test_show_config_without_a_config_says_built_in_defaults(cli, write, tmp_path):
    draft = write("lonely/a.md", "# Draft\n\nText.\n")
    result = cli("check", "--show-config", draft)
    assert "config files: none (built-in defaults)" in result.out
    assert "readability.long-sentence info" in result.out and "grammar." not in result.out
