"""The facts gates (lint/facts/triggers.py) skip only recognisers that cannot match.

Every test judges the same drafts twice, with the gates on and with
``prefilter.set_enabled(False)`` (every recogniser of the base compiled and run over the
whole draft), and compares every verdict: the paraphrase suite, the 90 corpus texts, and
random drafts made of the words the gates look for, in odd spacing, case and letters.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path

import pytest

from conftest import SHARED
from lint.checks import prefilter
from lint.document import Document
from lint.facts.judge import judge_document

ROOT = Path(__file__).resolve().parent.parent
CORPUS = SHARED / "corpora" / "onestopenglish" / "texts"
AS_OF = dt.date(2025, 12, 12)


@pytest.fixture(scope="module")
def kb():
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from eval_facts import knowledge_base
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    return knowledge_base()  # the shipped base plus the suite's probe records


def _verdicts(kb, docs):
    return [[(v.judgement, v.start, v.end, v.fact.id, v.detail, v.source, tuple(v.suggestions))
             for v in judge_document(kb, doc, as_of)] for doc, as_of in docs]


def _both_ways(kb, docs):
    gated = _verdicts(kb, docs)
    prefilter.set_enabled(False)
    try:
        plain = _verdicts(kb, docs)
    finally:
        prefilter.set_enabled(True)
    return gated, plain


def _doc(text: str, name: str = "case.md") -> Document:
    return Document(name, text if text.endswith("\n") else text + "\n")


def test_gates_give_the_same_verdicts_on_the_paraphrase_suite(kb):
    import yaml

    cases = yaml.safe_load((ROOT / "tests" / "data" / "facts_paraphrases.yaml").read_text(encoding="utf-8"))["cases"]
    docs = [(_doc(c["text"]), c["as_of"]) for c in cases]
    gated, plain = _both_ways(kb, docs)
    assert sum(map(len, plain)) > 100  # the suite's verdicts are there to compare
    assert gated == plain


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpora/onestopenglish is absent")
def test_gates_give_the_same_verdicts_on_the_corpus(kb):
    docs = [(Document(p.name, p.read_text(encoding="utf-8"), "plain"), AS_OF) for p in sorted(CORPUS.glob("*.txt"))]
    gated, plain = _both_ways(kb, docs)
    assert len(docs) == 90
    assert sum(map(len, plain)) >= 2
    assert gated == plain


PIECES = [
    "Prime Minister", "prime  minister", "PRIME MINISTER", "Chancellor", "chancellor", "German Chancellor",
    "Germany's Chancellor", "Germany’s chancellor", "President", "president", "US President", "Secretary General",
    "NATO chief", "Foreign Minister", "Olaf Scholz", "Scholz", "Scholz,", "Olaf\nScholz", "Friedrich Merz", "Merz",
    "Mark Rutte", "Rutte,", "Rutte", "Dutch Prime Minister", "the Netherlands' Prime Minister", "Donald Trump",
    "Trump", "Barack Obama", "Obama,", "Rishi Sunak", "Sunak", "Boris Johnson", "Jens Stoltenberg", "Pope Francis",
    "former", "then-", "the", "said", "says", "on Tuesday", "currently", "is", "in 2014", ", the", ",", ".", "'s",
    "NATO", "Nato", "the alliance", "alliance", "NATO's", "30", "31", "32", "thirty", "thirty-one", "thirty-two",
    "members", "allies", "member states", "EU", "the EU", "27", "28", "twenty-seven", "euro area", "eurozone", "20",
    "countries", "2%", "2 %", "two percent", "2 per cent", "2 per\ncent", "2pc", "5%", "3.5%", "of GDP",
    "guideline", "target", "must spend", "devote", "defence", "Germany", "does not spend", "Berlin",
    "Fed", "Federal Reserve", "Bank of England", "ECB", "interest rates", "borrowing costs", "deposit facility",
    "Bank Rate", "currently stands at", "5.25%", "5.25% to 5.5%", "4%", "remains", "presidency",
    "holds the rotating EU presidency", "Hungary", "which currently holds the", "Council presidency",
    "the EU's target to cut emissions by 55% by 2030", "2030", "2050", "G20", "presidency of the G20",
    "ſ", "İ", "PRİME MİNİSTER", "Chanceſſor", "µ", "ß", "straße", "’", "“", "”", "\n\n", " ", "  ", "-",
]


#: Statements the recognisers find, to be bent by the random drafts (case, spacing, letters).
SENTENCES = [
    "Chancellor Olaf Scholz said on Tuesday that talks would go on.", "Olaf Scholz, the German chancellor, said.",
    "German Chancellor Scholz is in Paris today.", "Prime Minister Mark Rutte opened the summit.",
    "Dutch Prime Minister Rutte says the plan stands.", "Former President Donald Trump said on Monday.",
    "President Barack Obama told reporters on Friday.", "NATO Secretary General Jens Stoltenberg warned allies.",
    "Pope Francis says peace is possible.", "NATO's 30 members agreed on Tuesday.", "The alliance's 31 members meet.",
    "NATO, which now has 32 members, is larger.", "the 28-nation EU", "20 euro area countries", "the EU's 27 members",
    "NATO allies must devote 2% of GDP to defence.", "NATO's guideline is that members spend 2% of GDP.",
    "Germany still does not spend 2 per cent of its GDP on defence.", "the alliance's 2 per cent spending floor",
    "The Fed's benchmark rate currently stands at 5.25% to 5.5%.", "The Bank of England's Bank Rate is 5.25%.",
    "The ECB's deposit facility rate is 4%.", "Borrowing costs at the Fed currently stand at 5.25%.",
    "With the federal funds rate at 5.25% to 5.5%, markets waited.",
    "Mark Rutte, the former Dutch prime minister, said.", "Olaf Scholz, then-chancellor, said on Tuesday.",
    "Jens Stoltenberg, NATO's secretary general, warned.", "Mario Draghi, the ECB's president, said.",
    "Ursula von der Leyen, the Commission president, said.", "Boris Johnson, the prime minister, says.",
    "Germany still does not spend two percent of its GDP.", "Allies must spend 2% of GDP on their armies.",
    "Hungary, which holds the rotating EU presidency, said.", "Poland currently holds the EU Council presidency.",
    "The EU's target is to cut emissions by 40% by 2030.", "The EU aims to cut emissions by 80-95% by 2050.",
]


def _bent(sentence: str, rng: random.Random) -> str:
    choice = rng.randrange(6)
    if choice == 0:
        return sentence.upper()
    if choice == 1:
        return sentence.lower()
    if choice == 2:
        return sentence.replace(" ", rng.choice(["  ", "\n", "\u00a0", " \t"]))
    if choice == 3:
        return sentence.replace("s", "ſ", 1).replace("i", "İ", 1)
    if choice == 4:
        return sentence.replace("'", "’")
    return sentence


def test_gates_give_the_same_verdicts_on_random_drafts(kb):
    rng = random.Random(20)
    docs = []
    for i in range(60):
        text = "".join((rng.choice(PIECES) if rng.random() < 0.8 else _bent(rng.choice(SENTENCES), rng))
                       + rng.choice([" ", "  ", "\n", "", ". ", " "]) for _ in range(250))
        if i % 3:
            text = text.replace("ſ", "s").replace("İ", "I").replace("µ", "u")  # most without tricky letters
        as_of = rng.choice([AS_OF, dt.date(2019, 5, 1), dt.date(2023, 3, 1), dt.date(2024, 7, 1)])
        docs.append((_doc(text, f"d{i}.md"), as_of))
    gated, plain = _both_ways(kb, docs)
    assert gated == plain
    assert sum(map(len, plain)) > 100
