#!/usr/bin/env python3
"""Recall and precision of the facts check on the paraphrase suite (tests/data/facts_paraphrases.yaml).

    .venv/bin/python scripts/eval_facts.py                 # dev and held-out figures
    .venv/bin/python scripts/eval_facts.py --show dev      # also every miss and false alarm of the dev part

Each case is one sentence judged at its `as_of` date; `expect` is the verdict that must be reported
(outdated, premature, wrong-title) or `silent`. A case counts as a true positive when the expected
verdict is reported, a false positive for every other verdict reported, a miss when an expected
verdict is not reported. Recall = TP / expected verdicts; precision = TP / verdicts reported.
The held-out third (every third case, fixed before tuning) must not be used for development: do
not read its misses (`--show held-out` exists only for the final report).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SUITE = ROOT / "tests" / "data" / "facts_paraphrases.yaml"
PROBES = ROOT / "tests" / "data" / "facts-probes.yaml"


def knowledge_base():
    """The shipped base, plus the test-only probe records for topics the shipped base lacks."""
    from lint.facts.loader import KnowledgeBase, load_base, load_file

    shipped = load_base()
    topics = set(shipped.by_topic)
    extra = [f for f in load_file(str(PROBES)) if f.topic not in topics]
    return KnowledgeBase([*shipped.facts, *extra])


def verdicts(kb, text: str, as_of: dt.date) -> list[str]:
    from lint.document import Document
    from lint.facts.judge import judge_document

    doc = Document("case.md", text + "\n")
    doc.as_of = as_of
    return [v.judgement for v in judge_document(kb, doc, as_of)]


def cases():
    import yaml

    data = yaml.safe_load(SUITE.read_text(encoding="utf-8"))
    return data["cases"]


def evaluate(kb, split: str):
    tp = fp = fn = 0
    misses, alarms = [], []
    for case in cases():
        if split != "all" and case["split"] != split:
            continue
        got = verdicts(kb, case["text"], case["as_of"])
        expect = case["expect"]
        hit = expect != "silent" and expect in got
        tp += hit
        fn += expect != "silent" and not hit
        wrong = [g for g in got if not (hit and g == expect)]
        fp += len(wrong)
        if expect != "silent" and not hit:
            misses.append((case, got))
        if wrong:
            alarms.append((case, wrong))
    return tp, fp, fn, misses, alarms


def office_topic_cases(kb):
    """Generated, not paraphrased: for every office topic, one closed term stated after it ended and
    inside it ("{title} {holder} said on Tuesday ..."). Checks that every topic of the base is
    recognised and judged at all; the paraphrase suite checks wording."""
    import datetime as dt

    out = []
    for topic, timeline in sorted(kb.by_topic.items()):
        if timeline[0].kind != "office":
            continue
        closed = [f for f in timeline if f.end is not None]
        if not closed:
            continue
        fact = closed[-1]
        title = next((t for t in fact.titles if t[:1].isupper()), fact.titles[0])
        text = f"{title} {fact.holder} said on Tuesday that the talks would continue."
        after = fact.end + dt.timedelta(days=10)
        then = kb.at(topic, after)
        if then is not None and not then.unknown_on(after):
            out.append((topic, after, "judged", text))
        inside = fact.start + dt.timedelta(days=min(10, (fact.end - fact.start).days // 2))
        out.append((topic, inside, "silent", text))
    return out


def topic_coverage(kb, show: bool = False):
    wrong = []
    cases_ = office_topic_cases(kb)
    for topic, day, expect, text in cases_:
        got = verdicts(kb, text, day)
        ok = (not got) if expect == "silent" else bool(set(got) & {"outdated", "wrong-title"})
        if not ok:
            wrong.append((topic, day, expect, got, text))
    return len(cases_), wrong


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", choices=["dev", "held-out"], help="list the misses and false alarms of one part")
    args = parser.parse_args(argv)
    kb = knowledge_base()
    for split in ("dev", "held-out"):
        tp, fp, fn, misses, alarms = evaluate(kb, split)
        n = sum(1 for c in cases() if c["split"] == split)
        recall = tp / (tp + fn) if tp + fn else 1.0
        precision = tp / (tp + fp) if tp + fp else 1.0
        print(f"{split:9} {n:4} cases  recall {recall:.3f} ({tp}/{tp + fn})  precision {precision:.3f} "
              f"({tp}/{tp + fp})")
        if args.show == split:
            for case, got in misses:
                print(f"  MISS   {case['as_of']} expect {case['expect']:<11} got {got or 'nothing'}: {case['text']}")
            for case, wrong in alarms:
                print(f"  ALARM  {case['as_of']} expect {case['expect']:<11} got {wrong}: {case['text']}")
    n, wrong = topic_coverage(kb)
    topics = len({c[0] for c in office_topic_cases(kb)})
    print(f"offices   {n:4} generated cases over {topics} office topics with a closed term: {n - len(wrong)} judged "
          f"as expected")
    if args.show:
        for topic, day, expect, got, text in wrong:
            print(f"  TOPIC  {topic} {day} expect {expect:<7} got {got or 'nothing'}: {text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
