"""Issue #3's scenario: a scraped, machine-written news piece against a clean story of the same length.

tests/data/machine-news.txt has its title three times at the top, "underscore" in
four forms, the same 2%-of-GDP sentence twice and a Flesch reading ease near 5;
tests/data/plain-news.txt tells the same story plainly.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lint.engine import Options, run

DATA = Path(__file__).parent / "data"
FAMILIES = ["repetition", "readability", "style"]


def findings(name: str):
    report = run([str(DATA / name)], Options(select=FAMILIES, jobs=1))
    assert not report.errors, report.errors
    return report.findings


@pytest.fixture(scope="module")
def machine():
    return findings("machine-news.txt")


def at(found, rule):
    return [(f.line, f.column) for f in found if f.rule == rule]


def test_title_repeated_at_the_top_is_reported_on_its_second_and_third_lines(machine):
    repeats = [f for f in machine if f.rule == "repetition.repeated-sentence" and f.line in (1, 2, 3)]
    assert [(f.line, f.column) for f in repeats] == [(2, 1), (3, 1)]
    assert all("line 1" in f.message for f in repeats)


def test_the_2_percent_sentence_said_twice_points_at_the_copy_and_names_the_first(machine):
    copies = [f for f in machine if f.rule == "repetition.repeated-sentence" and f.line > 3]
    assert [(f.line, f.column) for f in copies] == [(13, 1)]
    assert "line 7" in copies[0].message
    assert copies[0].match.startswith("Every member government will spend") and "2% of GDP" in copies[0].match


def test_underscore_in_four_forms_counts_as_one_overused_word(machine):
    overused = [f for f in machine if f.rule == "repetition.overused-word" and f.match.lower().startswith("underscor")]
    assert [(f.line, f.match) for f in overused] == [(15, "underscore")]
    message = overused[0].message
    assert "4 times" in message and "underscore, underscored, underscores, underscoring" in message
    # Each use is also marked where it stands, as machine-written vocabulary.
    uses = [(f.line, f.match) for f in machine
            if f.rule == "style.machine-vocabulary" and f.match.startswith("underscor")]
    assert uses == [(5, "underscores"), (7, "underscored"), (9, "underscoring"), (15, "underscore")]


def test_reading_ease_near_5_is_reported_with_target_and_longest_sentences(machine):
    [ease] = [f for f in machine if f.rule == "readability.reading-ease"]
    assert ease.document_level and (ease.line, ease.column) == (5, 1)
    score = float(re.search(r"is (-?[\d.]+);", ease.message).group(1))
    assert 0 <= score <= 10
    assert "at least 30" in ease.message
    assert re.search(r"line 5 \(\d+ words\), line 9 \(\d+ words\), line 15 \(\d+ words\)", ease.message)


def test_machine_phrases_are_reported_where_they_stand(machine):
    phrases = {(f.line, f.match) for f in machine if f.rule == "style.machine-phrase"}
    assert {(5, "In today's ever-evolving landscape"), (5, "underscores the importance"),
            (9, "It is crucial to note"), (9, "plays a pivotal role"), (15, "In conclusion,")} <= phrases


def test_a_clean_plain_story_of_the_same_length_gets_none_of_them():
    machine_words = len((DATA / "machine-news.txt").read_text(encoding="utf-8").split())
    plain_words = len((DATA / "plain-news.txt").read_text(encoding="utf-8").split())
    assert abs(machine_words - plain_words) < 0.15 * machine_words
    found = findings("plain-news.txt")
    assert [f"{f.line}:{f.column} {f.rule} {f.message}" for f in found] == []
