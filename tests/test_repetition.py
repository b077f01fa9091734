"""Repetition rules: what they find on real sentences, their fixes, parameters and speed-relevant shape."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import SHARED
from lint.document import Document
from lint.engine import Options, run

CORPUS = SHARED / "corpora" / "onestopenglish" / "texts"

#: 200 words, none repeated: room for a word family to be counted against.
FILLER = " ".join(f"Word{i}a word{i}b word{i}c word{i}d word{i}e word{i}f word{i}g word{i}h word{i}i word{i}j."
                  for i in range(20))


def check(write, name, text, rule, config: str | None = None):
    path = write(name, text)
    if config is not None:
        write(".copydesk.yaml", config)
    report = run([str(path)], Options(select=[rule], jobs=1))
    assert not report.errors, report.errors
    return report.findings


def test_doubled_word_across_a_line_break_and_bold_markup(write):
    found = check(write, "d.md", "# T\n\nThey flew to\nto Paris on the **the** same day.\n", "repetition.doubled-word")
    assert [(f.line, f.column, f.match) for f in found] == [(3, 11, "to\nto"), (4, 13, "the **the")]


def test_doubled_word_fix_removes_the_second_copy_only_when_no_markup_is_inside(write):
    text = "# T\n\nThe the budget rose, and the **the** deficit fell.\n"
    found = check(write, "d.md", text, "repetition.doubled-word")
    plain, marked = found
    assert text[:plain.fix.start] + plain.fix.replacement + text[plain.fix.end:] == \
        "# T\n\nThe budget rose, and the **the** deficit fell.\n"
    assert marked.fix is None


@pytest.mark.parametrize("sentence", [
    "She had had enough.", "He said that that was final.", "What it is is a promise.",
    "They flew to Bora Bora.", "The\n\nthe", "# Results\n\nResults were mixed.",
])
def test_doubled_word_leaves_legitimate_doubles(write, sentence):
    assert check(write, "d.md", sentence + "\n", "repetition.doubled-word") == []


def test_doubled_word_allow_list_is_a_parameter(write):
    config = "options:\n  repetition.doubled-word:\n    allow: [very]\n"
    assert check(write, "d.md", "It was very very cold.\n", "repetition.doubled-word", config) == []


def test_overused_word_counts_inflections_as_one_family_and_names_the_count(write):
    filler = FILLER
    text = (f"# News\n\n{filler}\n\nThe vote underscores the risk. Leaders underscored unity. "
            f"Officials are underscoring it. They underscore resolve.\n")
    found = check(write, "o.md", text, "repetition.overused-word")
    assert [f.match for f in found] == ["underscore"]
    assert "used 4 times" in found[0].message


def test_overused_word_is_not_fooled_by_a_verb_after_that_or_a_gerund_after_by(write):
    text = (f"# News\n\n{FILLER}\n\nA vote that underscores the risk came first. They won by underscoring the "
            f"need. This underscored it. Leaders underscore resolve.\n")
    assert [f.match for f in check(write, "o.md", text, "repetition.overused-word")] == ["underscore"]


def test_overused_word_leaves_topic_nouns_and_terms_alone(write):
    text = (f"# News\n\n{FILLER}\n\nThe poverty line rose. Many live below the poverty line. Poverty fell in "
            f"the north. Child poverty is high. Mystery shoppers visit shops. A mystery shopper wrote. "
            f"Mystery shopping pays. The mystery shop closed.\n")
    assert check(write, "o.md", text, "repetition.overused-word") == []


def test_overused_word_rate_is_a_parameter(write):
    filler = FILLER
    text = (f"# News\n\n{filler}\n\nThe vote underscores the risk. Leaders underscored unity. "
            f"Officials are underscoring it. They underscore resolve.\n")
    config = "options:\n  repetition.overused-word:\n    min_count: 4\n"
    assert check(write, "o.md", text, "repetition.overused-word", config) == []


def test_repeated_sentence_points_at_the_copy_and_names_the_first_line(write):
    text = "# T\n\nPrices rose by 4% in March.\n\nWages fell. Prices rose by 4% in March!\n"
    [f] = check(write, "r.md", text, "repetition.repeated-sentence")
    assert (f.line, f.column) == (5, 13) and "line 3" in f.message


def test_a_formula_repeated_under_every_entry_is_silent_for_docs_but_not_for_news(write):
    """Reference documentation says "New in version 3.3." under each entry on purpose (the Python docs):
    with ``audience: docs`` three copies make a formula. A news draft has no formulas: scraped boilerplate
    said three times is reported twice, and in docs a sentence said twice is still a slip."""
    entry = "Return the value of the key.\n\nNew in version 3.3.\n\n"
    text = "# T\n\n" + entry * 3 + "The cache is cleared on exit.\n\nThe cache is cleared on exit.\n"
    found = check(write, "r.md", text, "repetition.repeated-sentence")
    assert sorted(f.match for f in found) == ["New in version 3.3."] * 2 + ["Return the value of the key."] * 2 + [
        "The cache is cleared on exit."]
    docs = "audience: docs\noptions:\n  repetition.repeated-sentence:\n    skip_audiences: []\n"
    found = check(write, "r.md", text, "repetition.repeated-sentence", docs)
    assert [f.match for f in found] == ["The cache is cleared on exit."]
    config = docs + "    formula_copies: {docs: 4}\n"
    assert len(check(write, "r.md", text, "repetition.repeated-sentence", config)) == 5


def test_documentation_skips_repeated_sentences_and_similar_paragraphs_unless_asked(write):
    """Published manuals repeat under every entry on purpose (6 of 144 judged findings true on four manuals):
    with audience: docs the shipped pack skips both rules; a docs team can ask for them back."""
    a = ("The council will spend four million pounds on new flood defences along the river this year. "
         "Work on the first wall starts in March.")
    b = a.replace("defences", "barriers").replace("starts", "begins")
    text = f"# T\n\n{a}\n\n{b}\n\nThe cache is cleared on exit.\n\nThe cache is cleared on exit.\n"
    for rule in ("repetition.repeated-sentence", "repetition.similar-paragraph"):
        assert check(write, "r.md", text, rule, "audience: news\n")
        assert check(write, "r.md", text, rule, "audience: docs\n") == []
        config = f"audience: docs\noptions:\n  {rule}:\n    skip_audiences: []\n"
        assert check(write, "r.md", text, rule, config)


def test_formula_copies_must_name_audiences_and_counts(cli, write):
    draft = write("d.md", "Text.\n")
    write(".copydesk.yaml", "options:\n  repetition.repeated-sentence:\n    formula_copies: {manual: 3}\n")
    result = cli("check", "--select", "repetition", draft)
    assert result.code == 2 and "unknown audience 'manual'" in result.out + result.err


def test_repeated_phrase_is_reported_once_per_later_copy_at_its_longest(write):
    text = ("# T\n\nWe face a cost of living crisis now. They fear a cost of living crisis too. "
            "All see a cost of living crisis.\n")
    found = check(write, "p.md", text, "repetition.repeated-phrase")
    assert [f.match for f in found] == ["a cost of living crisis", "a cost of living crisis"]


def test_similar_paragraph_threshold_is_a_parameter(write):
    a = ("The council will spend four million pounds on new flood defences along the river this year. "
         "Work on the first wall starts in March.")
    b = a.replace("defences", "barriers").replace("starts", "begins")
    text = f"# T\n\n{a}\n\n{b}\n"
    assert len(check(write, "s.md", text, "repetition.similar-paragraph")) == 1
    config = "options:\n  repetition.similar-paragraph:\n    similarity: 0.9\n"
    assert check(write, "s.md", text, "repetition.similar-paragraph", config) == []


def test_bad_parameter_is_reported_with_file_and_key(cli, write):
    draft = write("d.md", "Text.\n")
    write(".copydesk.yaml", "options:\n  repetition.similar-paragraph:\n    similarity: 3\n")
    result = cli("check", "--select", "repetition", draft)
    assert result.code == 2 and "similarity must be between" in result.out + result.err


def test_duplicate_detection_scales_linearly(write):
    """Many distinct paragraphs: only paragraphs sharing a shingle are compared (no pair-wise loop)."""
    import random

    rng = random.Random(3)
    vocab = [f"w{i}" for i in range(5000)]
    def sentence(n: int) -> str:
        return " ".join(rng.choice(vocab) for _ in range(n)) + "."

    paras = [sentence(30) + " " + sentence(10) for _ in range(1500)]
    doc = Document("big.md", "\n\n".join(paras), "markdown")
    from lint.checks import kind_module
    from lint.checks.base import BuildContext
    from lint.rules import builtin_rules

    rule = next(r for r in builtin_rules() if r.id == "repetition.similar-paragraph")
    paragraph_check = kind_module(rule.kind).build(rule, BuildContext())
    assert list(paragraph_check.run(doc)) == []


def _repetition_checks():
    from lint.checks import kind_module
    from lint.checks.base import BuildContext
    from lint.rules import builtin_rules

    return [kind_module(r.kind).build(r, BuildContext()) for r in builtin_rules() if r.id.startswith("repetition.")]



_WORDS = st.sampled_from(["the", "The", "had", "that", "plan", "plans", "underscore", "underscored", "Nato",
                          "**the**", "to", "x", ".", ",", "\n", "\n\n", "# ", "“", "”", "2%", "’s"])


@settings(max_examples=60, deadline=None)
@given(st.lists(_WORDS, max_size=400), st.sampled_from(["markdown", "plain", "html"]))
def test_repetition_checks_never_fail_and_stay_inside_the_text(words, fmt):
    text = " ".join(words)
    doc = Document("x", text, fmt)
    for check_ in _repetition_checks():
        for f in check_.run(doc):
            assert 0 <= f.start <= f.end <= len(text)
            assert f.match == text[f.start:f.end]


# -- issue #17: the doubled-word fast path finds exactly what the plain scan finds -----------------------

DOUBLE_PIECES = ["the", "The", "THE", "the the", "The the", "that that", "a", "A", "is is", "it's it's", "it’s it’s",
                 "don't", "-", "--", "'", "’", "_", "1", "x1", "\n", "\t", " ", "  ", "\x1c", "\u00a0", "\u2009",
                 ".", ",", "(", ")", "ss", "SS", "ß", "ſ", "K", "\u212a", "k", "é", "É", "Bora", "bora", "ab", "AB",
                 "abab", "ab-ab", "١", "**", "<b>"]


def _doubles_both_ways(text):
    from lint.checks import doubled_word

    fast = [(m.span(), m.group()) for m in doubled_word.doubles(text)]
    plain = [(m.span(), m.group()) for m in doubled_word._DOUBLE.finditer(text, overlapped=False)]
    return fast, plain


def test_doubled_word_fast_path_matches_the_plain_scan_on_random_text():
    import random

    rng = random.Random(17)
    found = 0
    for i in range(4000):
        text = "".join(rng.choice(DOUBLE_PIECES) + rng.choice(["", " ", "\n", "  "]) for _ in range(rng.randint(1, 25)))
        if i % 3 == 0:
            text = "".join(ch for ch in text if ch.isascii())  # the fast path's case
        fast, plain = _doubles_both_ways(text)
        assert fast == plain, text
        found += len(plain)
    assert found > 1000


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpora/onestopenglish is absent")
def test_doubled_word_fast_path_matches_the_plain_scan_on_the_corpus():
    for path in sorted(CORPUS.iterdir()):
        fast, plain = _doubles_both_ways(Document(str(path), path.read_text(encoding="utf-8"), "text").prose)
        assert fast == plain, path


def _repetition_findings(paths):
    from lint.checks import doubled_word, overused_word

    report = run([str(p) for p in paths], Options(select=["repetition"], jobs=1))
    assert not report.errors, report.errors
    fast = [f.to_dict() for f in report.findings]
    doubled_word.FAST = overused_word.FAST = False
    try:
        report = run([str(p) for p in paths], Options(select=["repetition"], jobs=1))
    finally:
        doubled_word.FAST = overused_word.FAST = True
    return fast, [f.to_dict() for f in report.findings]


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpora/onestopenglish is absent")
def test_repetition_fast_paths_find_what_the_plain_ways_find_on_the_corpus():
    """Issue #17: overused-word tests quotations only for families that can matter; doubled-word scans
    ASCII text for candidates first. Neither may change a finding."""
    fast, plain = _repetition_findings([CORPUS])
    assert len(plain) > 40  # 46 at the time of writing
    assert fast == plain


def test_overused_word_fast_path_on_quoted_and_repeated_text(write):
    """Documents where quotations hold most uses of the most repeated words, and few families pass the limit."""
    import random

    rng = random.Random(8)
    vocabulary = ["budget", "budgets", "minister", "ministers", "pivotal", "underscore", "underscores", "rhino",
                  "rhinos", "inflation", "growth", "spending", "plans", "the", "said", "that"]
    paths = []
    for i in range(12):
        paragraphs = []
        for _ in range(rng.randint(3, 8)):
            words = [rng.choice(vocabulary) for _ in range(rng.randint(20, 60))]
            if rng.random() < 0.6:
                a = rng.randint(0, len(words) - 1)
                b = rng.randint(a, len(words) - 1)
                words[a] = ("“" if i % 2 else '"') + words[a]
                words[b] = words[b] + ("”" if i % 2 else '"')
            paragraphs.append(" ".join(words).capitalize() + ".")
        paths.append(write(f"q{i}.md", "# Budget news\n\n" + "\n\n".join(paragraphs) + "\n"))
    fast, plain = _repetition_findings(paths)
    assert any(f["rule"] == "repetition.overused-word" for f in plain)
    assert fast == plain


def _similar_paragraphs_as_before(check, doc):
    """The similar-paragraph search as it was before issue #17 (every paragraph's shingles indexed)."""
    from collections import defaultdict

    from lint.words import tokens

    sentences_in = defaultdict(int)
    for s in doc.sentences:
        sentences_in[s.block] += 1
    index, shingles, starts, found = defaultdict(list), [], [], []
    for bi, block in enumerate(doc.blocks):
        if block.kind != "paragraph" or sentences_in[bi] < check.min_sentences:
            continue
        words = [t.norm for t in tokens(doc, block.start, block.end)]
        if len(words) < check.min_words:
            continue
        own = {hash(tuple(words[i:i + check.shingle])) for i in range(len(words) - check.shingle + 1)}
        shared = defaultdict(int)
        for h in own:
            for other in index[h]:
                shared[other] += 1
        best, best_score = None, 0.0
        for other, common in shared.items():
            score = common / (len(own) + len(shingles[other]) - common)
            if score > best_score:
                best, best_score = other, score
        if best is not None and best_score >= check.similarity:
            found.append((block.start, block.end, doc.position(starts[best])[0], round(best_score * 100)))
        me = len(shingles)
        shingles.append(own)
        starts.append(block.start)
        for h in own:
            index[h].append(me)
    return found


def test_similar_paragraph_search_finds_what_it_found_before_on_random_documents():
    import random

    from lint.checks import kind_module
    from lint.checks.base import BuildContext
    from lint.rules import builtin_rules

    rule = next(r for r in builtin_rules() if r.id == "repetition.similar-paragraph")
    check = kind_module(rule.kind).build(rule, BuildContext())
    check.min_words, check.similarity, check.shingle, check.min_sentences = 8, 0.3, 3, 2  # more to compare
    rng = random.Random(4)
    vocabulary = "the budget rose by a third as the minister said and critics warned of cuts".split()
    reported = 0
    for _ in range(150):
        base = [" ".join(rng.choice(vocabulary) for _ in range(rng.randint(6, 12))).capitalize() + "."
                for _ in range(rng.randint(2, 5))]
        paragraphs = []
        for _ in range(rng.randint(1, 8)):
            sentences = [s if rng.random() < 0.7 else rng.choice(base) for s in rng.sample(base, len(base))]
            paragraphs.append(" ".join(sentences))
        doc = Document("r.md", "\n\n".join(paragraphs) + "\n", "markdown")
        found = [(f.start, f.end, f.message) for f in check.run(doc)]
        before = _similar_paragraphs_as_before(check, doc)
        assert [(s, e) for s, e, _ in found] == [(s, e) for s, e, _, _ in before]
        for (_, _, message), (_, _, line, similarity) in zip(found, before):
            assert f"line {line}" in message and f"{similarity}%" in message, (message, line, similarity)
        reported += len(before)
    assert reported > 50
