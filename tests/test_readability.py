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


# -- issue #16: quotations, one finding per sentence, strict targets, audiences --------------------

QUOTED = ('# Rates\n\nThe governor spoke to reporters after the meeting. "We are not declaring victory over '
          'inflation today. Prices are still rising faster than we would like in most of the economy. We will '
          'keep watching wages closely," she said.\n')


def test_each_sentence_of_a_quotation_is_measured_on_its_own(cli, write):
    # 43 words from the opening quote mark to "she said", but no sentence of the quotation has more than 16.
    result = cli("check", "--select", "readability.long-sentence", "--format", "json", write("q.md", QUOTED))
    assert result.json["findings"] == []
    long_quote = QUOTED.replace("Prices are still rising", "Prices are still rising " + "and rising " * 15)
    result = cli("check", "--select", "readability.long-sentence", "--format", "json", write("q2.md", long_quote))
    [finding] = result.json["findings"]
    assert finding["match"].startswith("Prices are still rising") and finding["match"].endswith("economy.")


def test_a_full_stop_the_segmenter_took_for_an_abbreviation_still_ends_a_sentence(cli, write):
    text = ("# Prices\n\nEuro zone inflation fell from a peak of 10.6% in October 2022 to 2.4% in April this year, "
            "according to Eurostat, the statistics office, before rising again in May. Wage growth, which the "
            "bank watches closely, remains strong.\n")
    result = cli("check", "--select", "readability.long-sentence", "--format", "json", write("may.md", text))
    assert result.json["findings"] == []


def test_a_sentence_both_long_and_hard_is_reported_once_as_long(cli, write):
    hard = ("Notwithstanding considerable institutional resistance, the comprehensive modernisation programme "
            "necessitated unprecedented multilateral coordination between participating governments")
    text = f"# Plan\n\n{hard}, {hard.lower()}, and {hard.lower()}.\n"
    both = "readability.long-sentence,readability.hard-sentence"
    result = cli("check", "--select", both, "--format", "json", write("hard.md", text))
    assert [f["rule"] for f in result.json["findings"]] == ["readability.long-sentence"]
    # Alone, or told to defer to nothing, the difficulty rule still reports it.
    assert [f["rule"] for f in cli("check", "--select", "readability.hard-sentence", "--format", "json",
                                   write("hard2.md", text)).json["findings"]] == ["readability.hard-sentence"]
    write(".copydesk.yaml", "options:\n  readability.hard-sentence:\n    defer_to: ''\n")
    rules = [f["rule"] for f in cli("check", "--select", both, "--format", "json", write("hard3.md", text)).json["findings"]]
    assert sorted(rules) == ["readability.hard-sentence", "readability.long-sentence"]


def test_a_score_that_reads_as_the_target_is_not_reported(cli, write):
    draft = write("story.md", HARD)
    found = cli("check", "--select", "readability.reading-ease", "--format", "json", draft).json["findings"]
    shown = found[0]["message"].split(" is ", 1)[1].split(";")[0]  # "Flesch reading ease is 12.3; ..."
    write(".copydesk.yaml", f"options:\n  readability.reading-ease:\n    target: {shown}\n")
    assert cli("check", "--select", "readability.reading-ease", draft).code == 0
    write(".copydesk.yaml", f"options:\n  readability.reading-ease:\n    target: {float(shown) + 0.1:.1f}\n")
    assert cli("check", "--select", "readability.reading-ease", draft).code == 1


def test_a_sentence_graded_at_the_limit_is_not_reported(cli, write):
    draft = write("s.md", (FIXTURES / "readability.hard-sentence" / "fires.md").read_text(encoding="utf-8"))
    found = cli("check", "--select", "readability.hard-sentence", "--format", "json", draft).json["findings"]
    grade = int(found[0]["message"].split("grade ", 1)[1].split(" ")[0])
    write(".copydesk.yaml", f"options:\n  readability.hard-sentence:\n    max_grade: {grade}\n")
    assert cli("check", "--select", "readability.hard-sentence", draft).code == 0


COUNCIL = ("# Council budget\n\nThe council approved its budget on Tuesday after a long debate about roads and schools. "
           "Councillors agreed to spend more on buses and trains, but some members questioned the cost of running "
           "the offices.\n\nThe finance committee said the money would improve roads and bridges across the region. "
           "Residents will pay slightly higher property taxes from January, the council said.\n\nSeveral community "
           "groups welcomed the decision, while business associations criticised the increase. The mayor said the "
           "council had no choice after years of rising costs and falling government grants. The budget takes effect "
           "in April, and the council will publish its first report on spending in the autumn.\n")


def test_the_audience_chooses_the_document_targets(cli, write):
    draft = write("council.md", COUNCIL)  # reading ease about 53, Dale-Chall about 10.7: fine news copy
    select = "readability.reading-ease,readability.dale-chall"
    assert cli("check", "--select", select, draft).code == 0
    write(".copydesk.yaml", "audience: news\n")
    assert cli("check", "--select", select, draft).code == 0
    write(".copydesk.yaml", "audience: plain-language\n")
    result = cli("check", "--select", select, "--format", "json", draft)
    assert [f["rule"] for f in result.json["findings"]] == ["readability.dale-chall"]
    assert "the target is at most 9." in result.json["findings"][0]["message"]
    # An explicit target wins over the audience's.
    write(".copydesk.yaml", "audience: plain-language\noptions:\n  readability.dale-chall:\n    target: 11\n")
    assert cli("check", "--select", select, draft).code == 0


def test_an_unknown_audience_is_a_config_error_naming_file_line_and_key(cli, write):
    draft = write("story.md", PLAIN)
    config = write(".copydesk.yaml", "select: [readability]\naudience: kids\n")
    result = cli("check", draft)
    assert result.code == 2
    message = result.out + result.err
    assert "audience must be one of news, docs, plain-language" in message
    assert ".copydesk.yaml" in message and ":2" in message and "audience" in message, message
    assert config


def test_a_wire_dateline_is_not_counted_in_the_first_sentence(cli, write):
    body = " ".join(["word"] * 34)
    text = f"# T\n\nBOCA CHICA, Texas — {body.capitalize()} end.\n"  # 35 words after the dateline
    result = cli("check", "--select", "readability.long-sentence", "--format", "json", write("d.md", text))
    assert result.json["findings"] == []
    later = f"# T\n\nFirst sentence here. BOCA CHICA, Texas — {body.capitalize()} end.\n"  # not a dateline there
    result = cli("check", "--select", "readability.long-sentence", "--format", "json", write("e.md", later))
    assert len(result.json["findings"]) == 1


def test_readability_rules_share_one_set_of_statistics_per_document(monkeypatch, write):
    """Issue #17: every readability rule reads the same per-document statistics; no text is scored twice."""
    from collections import Counter

    import lint.textmetrics as textmetrics
    from lint.engine import Options, run

    calls: Counter = Counter()
    real_words, real_sentences = textmetrics.TextCounter.words_only, textmetrics.TextCounter.sentences

    def counting_words(self, text):
        calls[("words", text)] += 1
        return real_words(self, text)

    def counting_sentences(self, text):
        calls[("sentences", text)] += 1
        return real_sentences(self, text)

    # Counting is the work (a formula is a few operations on the counts): no text is counted twice.
    monkeypatch.setattr(textmetrics.TextCounter, "words_only", counting_words)
    monkeypatch.setattr(textmetrics.TextCounter, "sentences", counting_sentences)
    rules = ["readability.reading-ease", "readability.dale-chall", "readability.paragraph-ease",
             "readability.long-sentence", "readability.hard-sentence", "readability.grade-level"]
    report = run([str(write("hard.md", HARD))], Options(select=rules, jobs=1))
    assert not report.errors and report.findings
    assert calls, "no score was computed"
    assert max(calls.values()) == 1, [k for k, n in calls.items() if n > 1]


def test_sentence_word_counts_from_the_word_list_equal_a_scan_of_the_range():
    """Issue #17: sentence lengths come from the document's word list by bisection; any range, even one
    that starts or ends inside a word, counts what a scan of that range counts."""
    import random

    from lint.document import WORD, Document
    from lint.readability_stats import word_counter

    pieces = ["word", "it's", "it’s", "rock-n-roll", "-", "'", "’", " ", "  ", "\n", "3.5", "١٢", "é", "x", ".", ",",
              "--", "a-", "-b"]
    rng = random.Random(2)
    for _ in range(150):
        doc = Document("x.txt", "".join(rng.choice(pieces) for _ in range(rng.randint(1, 80))), "text")
        count = word_counter(doc)
        for _ in range(100):
            start = rng.randint(0, len(doc.prose))
            end = rng.randint(start, len(doc.prose))
            assert count(start, end) == len(WORD.findall(doc.prose, start, end)), (doc.text, start, end)
