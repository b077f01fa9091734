"""The fast paths find exactly what the plain scans find; rule budgets and the rule timer work.

The one-pass prefilter (lint/checks/prefilter.py) must not change a single finding: the corpus
tests run the same code twice, with the prefilter on and with ``set_enabled(False)`` (every
pattern scanning the whole text, as before), and compare every finding.
"""

from __future__ import annotations

import datetime as dt
import random
import time

import pytest

from conftest import SHARED
from lint.checks import prefilter
from lint.engine import Options, run

CORPUS = SHARED / "corpora" / "onestopenglish" / "texts"
AS_OF = dt.date(2025, 12, 12)


def _findings(paths, **options):
    report = run([str(p) for p in paths], Options(jobs=1, as_of=AS_OF, ignore=["grammar"], **options))
    assert not report.errors, report.errors
    return [f.to_dict() for f in report.findings]


def _both_ways(paths, **options):
    fast = _findings(paths, **options)
    prefilter.set_enabled(False)
    try:
        plain = _findings(paths, **options)
    finally:
        prefilter.set_enabled(True)
    return fast, plain


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpora/onestopenglish is absent")
def test_prefilter_finds_exactly_what_the_plain_scan_finds_on_the_corpus():
    fast, plain = _both_ways([CORPUS], select=["style", "claims"])
    assert len(plain) > 200  # the corpus has plenty of style and claims findings to compare
    assert fast == plain


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpora/onestopenglish is absent")
def test_default_rules_give_identical_findings_both_ways_on_the_corpus():
    fast, plain = _both_ways([CORPUS])
    assert len(plain) > 300  # the default rules find a few hundred things on these 90 texts
    assert fast == plain


PIECES = [
    "in order to", "In  Order\nto", "the tip of the iceberg", "THE TIP OF THE ICEBERG", "utilise", "Utilised",
    "defence", "defense", "Defenses", "per cent", "per\n\ncent", "percent", "very", "the very", "very much",
    "experts say", "Experts  said", "some critics argue", "it is widely believed", "it is\nwidely believed",
    "plays a pivotal role", "in today's ever-evolving landscape", "an ever changing landscape",
    "In conclusion,", "TK", "tk", "TODO", "lorem ipsum", "[citation needed]", "reportedly", "Reportedly",
    "*very*", "**in order to**", "“experts say”", "end result", "past history", "join together",
    "straße", "ſome", "İstanbul", "naïve", "café", "e-mail", "email", "delve", "delving into",
    "a testament to", "Nato", "the", "and", "it", "is", "\n\n", ", ", ". ", " ", "-", "'", "’",
]


def test_prefilter_matches_the_plain_scan_on_random_text(tmp_path):
    rng = random.Random(17)
    paths = []
    for i in range(40):
        text = "December 12, 2025\n\n" + "".join(rng.choice(PIECES) + rng.choice([" ", "  ", "\n", "", ". "])
                                                for _ in range(300))
        if i % 4 == 0:
            text = text.replace("ſ", "s").replace("ß", "ss").replace("İ", "I")  # some documents without tricky letters
        path = tmp_path / f"d{i}.{'md' if i % 2 else 'txt'}"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    fast, plain = _both_ways(paths, select=["style", "claims"])
    assert len(plain) > 100
    assert fast == plain


def test_white_space_list_is_exactly_what_regex_calls_white_space():
    """The scan squeezes white space by replacement, not by ``\\s+``: its list must be the same set."""
    import sys

    import regex

    assert "".join(chr(c) for c in range(sys.maxunicode + 1) if regex.match(r"\s", chr(c))) == prefilter.WHITE_SPACE


def _squeezed_scan(index, prose):
    """The scan as it was first written: every white-space run substituted, every run recorded."""
    from bisect import bisect_right

    lowered = prose.lower()
    automaton = index._automaton if index._automaton is not None else index._build()
    runs_at, shift_after, shift = [], [], 0
    for m in prefilter._SPACE.finditer(lowered):
        s, e = m.span()
        runs_at.append(s - shift)
        shift += e - s - 1
        shift_after.append(shift)
    squeezed = prefilter._SPACE.sub(" ", lowered)
    hits = {}
    for end, prefix in automaton.iter(squeezed):
        start = end - len(prefix) + 1
        i = bisect_right(runs_at, start - 1) - 1
        for slot in index._owners[prefix]:
            hits.setdefault(slot, []).append(start + (shift_after[i] if i >= 0 else 0))
    return {slot: sorted(set(starts)) for slot, starts in hits.items()}


def test_scan_offsets_equal_a_full_substitution_on_odd_white_space():
    index = prefilter.PhraseIndex()
    index.register(patterns=[r"experts\s+say", r"it\s+is\s+widely\s+believed", r"in\s+order\s+to"])
    index.register(literals=["officials said", "very"])
    rng = random.Random(3)
    pieces = ["experts say", "it is\n\n widely believed", " \t ", "\u00a0", "\u2009", "\n", "\r\n", "  ",
              "in order to", "very", "\u3000", "\x85", "x", "officials\u2028said", "Officials  said", "\u202f"]
    for _ in range(200):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 60)))
        assert index._scan(text) == _squeezed_scan(index, text), repr(text)


def test_prefixes_stop_before_a_node_that_would_multiply_them_past_the_limit():
    firsts = ("alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa "
              "quebec romeo sierra tango").split()
    seconds = ("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
               "seventeen eighteen nineteen twenty").split()  # 20 x 20 = 400 > MAX_PREFIXES: stop after the first
    pattern = rf"there\s+(?:{'|'.join(firsts)})\s+(?:{'|'.join(seconds)})"
    assert prefilter.literal_prefixes(pattern) == {f"there {w} " for w in firsts}
    assert len(prefilter.literal_prefixes(r"(?:is|are|was)\s+(?:" + "|".join(seconds) + ")")) == 60  # under it


@pytest.mark.parametrize("pattern, prefixes", [
    (r"the\s+tip\s+of\s+the\s+iceberg", {"the tip of the iceberg"}),
    (r"(?<!\bthe )very(?! much\b)", {"very"}),
    (r"play(?:s|ed)? an? (?:pivotal|crucial) role",
     {f"{v} {a} {w} role" for v in ("play", "plays", "played") for a in ("a", "an") for w in ("pivotal", "crucial")}),
    (r"(?:an |the )?ever[- ]evolving", {f"{a}ever{s}evolving" for a in ("", "an ", "the ") for s in "- "}),
    (r"(?<![\p{L},] ?)(?:in conclusion|to sum up),", {"in conclusion,", "to sum up,"}),
    (r"INSERT [A-Z ]+ HERE", {"insert "}),
    (r"it\s+is\s*said", {"it issaid", "it is "}),  # "it is" then spaces, or none
])
def test_prefixes_derived_from_patterns(pattern, prefixes):
    assert prefilter.literal_prefixes(pattern) == prefixes


@pytest.mark.parametrize("pattern", [
    r"\w+ly", r"(?:very)?", r"a", r"\\p{L}x", r"[[:alpha:]]+ing", r"colou?r{e<=1}", r"(?|a(b)|c(d))", r"\s+very",
    r"stra(?:ß|ss)e",
])
def test_no_prefix_where_none_is_safe(pattern):
    """Patterns that may start anywhere, regex-module syntax, or one-letter prefixes: scanned in full."""
    got = prefilter.literal_prefixes(pattern)
    assert got is None or all(len(p) >= 2 and "ß" not in p for p in got)


def test_a_rule_that_exceeds_its_budget_is_reported_as_failing_on_that_file(tmp_path, monkeypatch):
    """A 50,000-group consistency rule stops at the rule's budget and is reported like a regex timeout."""
    from lint.checks import base

    monkeypatch.setattr(base, "RULE_BUDGET", 1.0)
    # A fresh cache: with the rule's compiled patterns stored by an earlier run it can finish in time.
    monkeypatch.setenv("COPYDESK_CACHE_DIR", str(tmp_path / "cache"))
    groups = [[f"word{i}a", f"word{i}b"] for i in range(50_000)]
    import yaml

    (tmp_path / ".copydesk.yaml").write_text(yaml.safe_dump({"rules": [
        {"id": "style.huge", "kind": "consistency", "message": "'{match}' or '{first}'", "variants": groups}]}))
    draft = tmp_path / "a.md"
    draft.write_text(" ".join(f"word{i}a word{i}b" for i in range(0, 50_000, 7)) + "\n\nThe the cat.\n")
    started = time.monotonic()
    report = run([str(draft)], Options(jobs=1, select=["style.huge", "repetition.doubled-word"]))
    assert time.monotonic() - started < 60
    assert [e.message for e in report.errors] == [
        "rule style.huge used up its time budget (1 s per file) and was stopped; the other rules ran"]
    assert [f.rule for f in report.findings if f.rule == "repetition.doubled-word"] == ["repetition.doubled-word"]


def test_profile_rules_prints_time_per_rule(cli, tmp_path):
    draft = tmp_path / "a.md"
    draft.write_text("We met in order to talk. Experts say it works.\n")
    result = cli("check", "--profile-rules", "--ignore", "grammar", draft)
    assert result.code == 1
    lines = result.err.splitlines()
    assert lines[0].startswith("copydesk: time per rule (")
    ids = [line.split()[-1] for line in lines[1:]]
    assert "style.wordy" in ids and "claims.anonymous-attribution" in ids
    assert "style.wordy" in result.out  # the report itself is unchanged


def test_every_shipped_pattern_compiles():
    """Shipped rules compile their patterns lazily (when a draft holds a prefix): the suite compiles them all."""
    from lint.checks import kind_module
    from lint.checks.base import BuildContext
    from lint.config import Config
    from lint.rules import builtin_rules, is_shipped

    context = BuildContext(config=Config())
    lists = 0
    for rule in builtin_rules():
        assert is_shipped(rule)
        module = kind_module(rule.kind, rule)
        checks = module.build_many([rule], context) if hasattr(module, "build_many") else [module.build(rule, context)]
        for check in checks:
            patterns = getattr(check, "patterns", None)
            if patterns is not None and hasattr(patterns, "validate"):
                patterns.validate()
                patterns.full()
                lists += 1
    assert lists >= 12


def test_a_users_malformed_pattern_is_still_a_config_error_at_load(cli, tmp_path):
    (tmp_path / ".copydesk.yaml").write_text(
        "rules:\n  - {id: style.mine, kind: existence, message: m, patterns: ['fine', 'bro(ken']}\n")
    draft = tmp_path / "a.md"
    draft.write_text("Nothing here.\n")
    result = cli("check", "--select", "style.mine", draft)
    assert result.code == 2
    assert "malformed pattern 'bro(ken'" in result.out + result.err
