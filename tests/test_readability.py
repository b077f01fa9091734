"""Readability rules: targets from config, silence on short texts, advice, parameter errors."""

from __future__ import annotations

from conftest import FIXTURES

HARD = (FIXTURES / "readability.reading-ease" / "fires.md").read_text(encoding="utf-8")
PLAIN = (FIXTURES / "readability.reading-ease" / "silent.md").read_text(encoding="utf-8")


def test_target_is_changed_through_options_in_the_config(cli, write):
    draft = write("story.md", PLAIN)
    assert cli("check", "--select", "readability.reading-ease", draft).code == 0
    write(".copydesk.yaml", "options:\n  readability.reading-ease:\n    target: 95\n")
    result = cli("check", "--select", "readability.reading-ease", draft)
    assert result.code == 1
    assert "the target is at least 95" in result.out


def test_a_grade_target_is_a_ceiling(cli, write):
    draft = write("story.md", PLAIN)
    write(".copydesk.yaml", "options:\n  readability.grade-level:\n    target: 2\n")
    result = cli("check", "--select", "readability.grade-level", draft)
    assert result.code == 1 and "the target is at most 2." in result.out


def test_short_documents_stay_silent_however_hard(cli, write):
    short = "# Note\n\nNotwithstanding considerable institutional resistance, the comprehensive programme " \
            "necessitated unprecedented multilateral coordination.\n"
    draft = write("short.md", short)
    result = cli("check", "--select", "readability.reading-ease,readability.dale-chall,readability.paragraph-ease",
                 draft)
    assert result.code == 0, result.out


def test_advice_names_the_three_longest_sentences_with_their_lines(cli, write):
    def sentence(n: int) -> str:
        words = ["administrative", "arrangements", "introduced", "during", "emergency", "continued"]
        return " ".join(words[i % len(words)] for i in range(n)).capitalize() + "."

    lengths = [24, 30, 41, 22, 45, 26, 38]  # on lines 3, 5, 7, ... 15
    text = "# Council\n\n" + "\n\n".join(sentence(n) for n in lengths) + "\n"
    result = cli("check", "--select", "readability.reading-ease", write("long.md", text))
    assert result.code == 1
    assert "Split or shorten the longest sentences: line 7 (41 words), line 11 (45 words), line 15 (38 words)." \
        in result.out


def test_findings_are_document_level_and_json_reports_the_span(cli, write):
    result = cli("check", "--select", "readability.reading-ease", "--format", "json", write("hard.md", HARD))
    [finding] = result.json["findings"]
    assert finding["rule"] == "readability.reading-ease" and finding["line"] == 3


def test_long_sentence_spans_the_whole_sentence(cli, write):
    words = " ".join(["word"] * 40)
    result = cli("check", "--select", "readability.long-sentence", "--format", "json",
                 write("long.md", f"# T\n\nShort one. {words.capitalize()} ends here.\n"))
    [finding] = result.json["findings"]
    assert finding["match"].startswith("Word word") and finding["match"].endswith("ends here.")
    assert "42 words" in finding["message"]


def test_bad_target_is_a_config_error_naming_the_file_and_key(cli, write):
    draft = write("story.md", PLAIN)
    write(".copydesk.yaml", "options:\n  readability.reading-ease:\n    target: high\n")
    result = cli("check", "--select", "readability.reading-ease", draft)
    assert result.code == 2
    assert "target must be a number" in result.out + result.err


def test_unknown_metric_is_a_config_error(cli, write):
    draft = write("story.md", PLAIN)
    write(".copydesk.yaml", "options:\n  readability.reading-ease:\n    metric: lix\n")
    result = cli("check", "--select", "readability.reading-ease", draft)
    assert result.code == 2
    assert "metric must be one of" in result.out + result.err


def test_textstat_is_not_imported_when_no_readability_rule_runs(tmp_path):
    import subprocess
    import sys

    draft = tmp_path / "d.md"
    draft.write_text(PLAIN, encoding="utf-8")
    code = ("import sys; from lint.cli import main; main(['check', '--ignore', 'readability', %r]); "
            "print('textstat' in sys.modules, 'nltk' in sys.modules)" % str(draft))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120).stdout
    assert out.strip().splitlines()[-1] == "False False"
