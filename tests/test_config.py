"""Config discovery, validation errors with file, line and key, extends, per_file, pyproject."""

from __future__ import annotations

import pytest


def _error(cli, path):
    r = cli("check", "--format", "json", path)
    assert r.code == 2
    return r.json["errors"][0]["message"]


def test_malformed_yaml_names_file_and_line(cli, write):
    cfg = write(".copydesk.yaml", "select: [style\nignore: []\n")
    draft = write("a.md", "text\n")
    msg = _error(cli, draft)
    assert f"{cfg}:" in msg and "malformed YAML" in msg


def test_unknown_key_names_file_line_key_and_suggests(cli, write):
    cfg = write(".copydesk.yaml", "ignore: []\nselct: [style]\n")
    msg = _error(cli, write("a.md", "text\n"))
    assert msg == f"config error: {cfg}:2: unknown key 'selct'; did you mean 'select'? (key 'selct')"


@pytest.mark.parametrize("body,line,fragment", [
    ("severity:\n  style.wordy: loud\n", 2, "severity of 'style.wordy' must be one of error, warning, info"),
    ("fail_on: sometimes\n", 1, "fail_on must be error, warning, info or never"),
    ("as_of: next tuesday\n", 1, "as_of must be a date"),
    ("rules:\n  - id: style.x\n    kind: nonsense\n    message: m\n", 2, "unknown rule kind 'nonsense'"),
    ("rules:\n  - id: Bad Id\n    kind: existence\n", 2, "must be dotted and namespaced"),
    ("rules:\n  - id: style.x\n    kind: existence\n    message: m\n    patterns: ['(unclosed']\n", 5,
     "malformed pattern '(unclosed'"),
    ("rules:\n  - id: style.x\n    kind: existence\n    message: m\n    pattern: [a]\n", 5, "unknown parameter 'pattern'"),
    ("rules:\n  - id: style.wordy\n    kind: existence\n    message: m\n    words: [a]\n", 2, "duplicate rule id"),
    ("rules:\n  - {id: style.a, kind: existence, message: m, words: [a]}\n"
     "  - {id: style.a, kind: existence, message: m, words: [b]}\n", 3, "duplicate rule id 'style.a'"),
    ("per_file:\n  'x/*.md': {ignroe: [style]}\n", 2, "unknown key 'ignroe' in per_file"),
    ("rules:\n  - id: style.x\n    kind: existence\n    message: '{nope}'\n    words: [a]\n", 2,
     "message uses unknown field(s) nope"),
])
def test_bad_values_fail_with_file_line_key(cli, write, body, line, fragment):
    cfg = write(".copydesk.yaml", body)
    msg = _error(cli, write("a.md", "a b\n"))
    assert fragment in msg
    assert f"{cfg}:{line}:" in msg


def test_extends_merges_and_cycles_fail(cli, write, tmp_path):
    write("base.yaml", "ignore: [style.placeholder]\nrules:\n  - {id: style.base-rule, kind: existence, "
                       "message: 'base {match}', words: [alpha]}\n")
    write("team/.copydesk.yaml", "extends: ../base.yaml\nrules:\n  - {id: style.team-rule, kind: existence, "
                                 "message: 'team {match}', words: [beta]}\n")
    draft = write("team/a.md", "alpha beta TK\n")
    r = cli("check", "--format", "json", draft)
    assert sorted(f["rule"] for f in r.json["findings"]) == ["style.base-rule", "style.team-rule"]
    write("c1.yaml", "extends: c2.yaml\n")
    write("c2.yaml", "extends: c1.yaml\n")
    r = cli("check", "--config", tmp_path / "c1.yaml", draft)
    assert r.code == 2 and "'extends' forms a cycle" in r.err


def test_nearest_config_applies_and_per_file_overrides(cli, write):
    write(".copydesk.yaml", "per_file:\n  'legacy/**': {ignore: [style.wordy]}\n  '*.txt': {severity: {style: info}}\n")
    write("legacy/old.md", "in order to\n")
    write("new.md", "in order to\n")
    write("note.txt", "in order to\n")
    write("sub/.copydesk.yaml", "ignore: [style]\n")
    write("sub/x.md", "in order to\n")
    r = cli("check", "--format", "json", write("legacy/old.md", "in order to\n").parent.parent)
    got = {f["path"].rsplit("/", 1)[1]: f["severity"] for f in r.json["findings"]}
    assert got == {"new.md": "warning", "note.txt": "info"}


def test_pyproject_tool_section(cli, write):
    write("pyproject.toml", "[project]\nname='x'\n\n[tool.copydesk]\nignore = ['style.wordy']\n")
    r = cli("check", write("a.md", "in order to\n"))
    assert r.code == 0
    write("pyproject.toml", "[tool.copydesk]\nbogus = 1\n")
    r = cli("check", "--format", "json", write("a.md", "in order to\n"))
    assert r.code == 2 and "unknown key 'bogus'" in r.json["errors"][0]["message"]


def test_options_override_rule_parameters(cli, write):
    write(".copydesk.yaml", "options:\n  style.wordy: {swap: {in order to: so as to}}\n")
    r = cli("check", write("a.md", "We met in order to talk. Prior to that, nothing.\n"))
    assert "use 'so as to'" in r.out and "Prior to" not in r.out


def test_yaml_is_loaded_safely(cli, write):
    write(".copydesk.yaml", "select: !!python/object/apply:os.system ['echo pwned']\n")
    r = cli("check", "--format", "json", write("a.md", "x\n"))
    assert r.code == 2 and "malformed YAML" in r.json["errors"][0]["message"]


def test_bad_option_value_names_the_users_config_line(cli, write):
    cfg = write(".copydesk.yaml", "ignore: []\noptions:\n  style.wordy:\n    whole_word: sometimes\n")
    msg = _error(cli, write("a.md", "a b\n"))
    assert f"{cfg}:4:" in msg and "whole_word must be true or false" in msg
