"""Style packs: documented rules, fixes that apply, quotations and titles left alone."""

from __future__ import annotations

import pytest

from lint.engine import Options, run
from lint.rules import builtin_rules

NEW_FAMILIES = ("repetition.", "readability.", "style.cliche", "style.hedge", "style.intensifier",
                "style.machine-", "style.plain-words", "style.redundancy")
NEW_RULES = [r for r in builtin_rules() if r.id.startswith(NEW_FAMILIES)]


@pytest.mark.parametrize("rule", NEW_RULES, ids=lambda r: r.id)
def test_every_new_rule_is_documented_with_sources(rule, cli):
    for key in ("summary", "why", "example", "good"):
        assert rule.docs.get(key), f"{rule.id} has no docs {key}"
    assert rule.docs.get("sources"), f"{rule.id} names no source"
    page = cli("explain", rule.id)
    assert page.code == 0
    assert "What it finds" in page.out and "Why it matters" in page.out and "Example" in page.out


def findings(write, text, rule):
    path = write("draft.md", text)
    report = run([str(path)], Options(select=[rule], jobs=1))
    assert not report.errors
    return report.findings


@pytest.mark.parametrize("text", [
    "Her memoir, *Plays a Pivotal Role*, came out in March.\n",
    "Her memoir, _Plays a Pivotal Role_, came out in March.\n",
    "The essay “Plays a Pivotal Role” won a prize.\n",
    "The essay \"Plays a Pivotal Role\" won a prize.\n",
    "He wrote Plays A Pivotal Role in 2019.\n",
    "<p>Her memoir, <cite>Plays a Pivotal Role</cite>, came out.</p>\n",
])
def test_titles_and_quotations_are_not_machine_filler(write, text):
    name = "draft.html" if text.startswith("<") else "draft.md"
    path = write(name, text)
    report = run([str(path)], Options(select=["style.machine-phrase"], jobs=1))
    assert report.findings == []


def test_the_same_phrase_in_the_writers_own_prose_is_flagged(write):
    [f] = findings(write, "The alliance plays a pivotal role in Europe.\n", "style.machine-phrase")
    assert f.match == "plays a pivotal role"


def test_redundancy_fix_keeps_the_capital(write):
    text = "Each and every branch will close.\n"
    [f] = findings(write, text, "style.redundancy")
    assert text[:f.fix.start] + f.fix.replacement + text[f.fix.end:] == "Each branch will close.\n"


def test_plain_words_offers_choices_without_a_fix_when_there_are_several(write):
    [f] = findings(write, "A number of people came.\n", "style.plain-words")
    assert f.suggestions == ["Some", "Several"] and f.fix is None


def test_in_conclusion_is_flagged_only_at_a_sentence_start(write):
    text = "In conclusion, the vote passed. He said in conclusion, that was that.\n"
    found = findings(write, text, "style.machine-phrase")
    assert [(f.column, f.match) for f in found] == [(1, "In conclusion,")]


def test_emphatic_very_is_not_an_intensifier(write):
    text = "It was the very first storm, at the very end of the year, and it was very cold.\n"
    found = findings(write, text, "style.intensifier")
    assert [f.column for f in found] == [text.index("very cold") + 1]


def test_in_order_to_after_a_passive_infinitive_is_kept(write):
    # heldout-j: "named to speak" would misread; the writer's own "met in order to count" is still wordy.
    path = write("a.md", "The official, who asked not to be named in order to speak freely, said the count was close.\n\n"
                         "The committee met in order to count the votes.\n")
    found = run([str(path)], Options(jobs=1, select=["style.wordy"])).findings
    assert [(f.line, f.match) for f in found] == [(3, "in order to")]


def test_a_guard_for_a_phrase_the_swap_list_lacks_is_a_config_error(write, cli):
    write(".copydesk.yaml", "options:\n  style.wordy: {unless_preceded_by: {in ordr to: 'x'}}\n")
    result = cli("check", write("a.md", "We met in order to talk.\n"))
    assert result.code == 2 and "unless_preceded_by: 'in ordr to' must be a key of swap" in result.out + result.err
