#!/usr/bin/env python3
"""Speed and precision audit of the facts checks on real text from ../shared/corpora.

    .venv/bin/python scripts/bench_facts.py            # summary
    .venv/bin/python scripts/bench_facts.py --show     # also every finding, for a precision review
    .venv/bin/python scripts/bench_facts.py --corpora /work/shared/corpora   # from a worktree

* clef2019_checkworthy: three US presidential speeches (2018-2019), each judged at its own
  date. Every finding should be a real error at that date (they are transcripts: any hit is a
  false positive unless the speaker misspoke).
* onestopenglish: 90 news articles (simplified Guardian stories, undated, around 2013-2016),
  judged at 12 December 2025: findings are statements that went stale since, for review.

Skips with the reason when the shared corpora are absent.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared" / "corpora"


def documents(shared: Path):
    clef = shared / "clef2019_checkworthy" / "clef2019_task1_test_subset.tsv"
    speeches: dict[str, list[str]] = {}
    with clef.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            speeches.setdefault(row["file_name"], []).append(row["text"])
    for name, sentences in speeches.items():
        day = dt.date(int(name[:4]), int(name[4:6]), int(name[6:8]))
        yield f"clef:{name}", "\n\n".join(sentences) + "\n", day
    for path in sorted((shared / "onestopenglish" / "texts").glob("*.txt")):
        yield f"onestopenglish:{path.name}", path.read_text(encoding="utf-8", errors="replace"), dt.date(2025, 12, 12)


SURNAMES = ("Smith Jones Brown Taylor Wilson Johnson Davies Robinson Wright Thompson Evans Walker White Roberts Green "
            "Hall Wood Jackson Clarke Lee King Harris Scott Turner Hill Moore Cooper Ward Morris Baker Young Allen "
            "Martin Clark Lewis Bell Adams Miller Davis Garcia Rodriguez Lopez Gonzalez Perez Sanchez Ramirez Torres "
            "Nguyen Kim Park Chen Wang Li Zhang Liu Singh Kumar Patel Khan Ali Ahmed Hassan Müller Schmidt Schneider "
            "Fischer Weber Meyer Wagner Becker Schulz Hoffmann Dubois Martin Bernard Thomas Petit Robert Richard "
            "Durand Leroy Moreau Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco").split()


def scaled(kb, n: int):
    """The base plus ``n`` synthetic office records: surnames that occur in news text, full names that do not."""
    from lint.facts.lexicon import PLACES
    from lint.facts.loader import KnowledgeBase
    from lint.facts.model import Fact

    codes = [c for c in PLACES if len(c) == 2]
    extra = []
    for i in range(n):
        surname = SURNAMES[i % len(SURNAMES)]
        code = codes[i % len(codes)]
        holder = f"Zebulon{i} {surname}"
        extra.append(Fact(id=f"{code}.synthetic-{i}.x", topic=f"{code}.synthetic-{i}", about="a synthetic office",
                          kind="office", start=dt.date(1990, 1, 1), end=dt.date(1991, 1, 1),
                          source="https://example.org/", verified=dt.date(2026, 1, 1), holder=holder,
                          names=(holder,), titles=("Prime Minister", "PM", "premier", "Foreign Minister",
                                                   "Minister of Finance")))
    return KnowledgeBase([*kb.facts, *extra])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--show", action="store_true", help="print every finding")
    parser.add_argument("--corpora", type=Path, default=SHARED, help=f"the shared corpora (default {SHARED})")
    parser.add_argument("--scale", type=int, default=0, metavar="N",
                        help="add N synthetic office records (common surnames, so their recognisers are built "
                             "and run) to measure the cost of a larger base")
    args = parser.parse_args()
    if not args.corpora.is_dir():
        print(f"skipped: {args.corpora} is absent")
        return 0
    from lint.document import Document
    from lint.facts.judge import judge_document
    from lint.facts.loader import load_base

    t0 = time.perf_counter()
    kb = load_base()
    if args.scale:
        kb = scaled(kb, args.scale)
    load_seconds = time.perf_counter() - t0
    tracemalloc.start()
    words = docs = 0
    per_corpus: dict[str, int] = {}
    t0, c0 = time.perf_counter(), time.process_time()
    shown = []
    for name, text, day in documents(args.corpora):
        doc = Document(name, text, "plain")
        verdicts = judge_document(kb, doc, day)
        docs += 1
        words += doc.word_count
        corpus = name.split(":")[0]
        per_corpus[corpus] = per_corpus.get(corpus, 0) + len(verdicts)
        for v in verdicts:
            line, col = doc.position(v.start)
            shown.append(f"{name}:{line}:{col} [{day}] facts.{v.judgement} {text[v.start:v.end]!r}: {v.detail}")
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    _, peak = tracemalloc.get_traced_memory()
    print(f"knowledge base: {len(kb)} facts loaded in {load_seconds * 1000:.0f} ms")
    print(f"checked {docs} documents, {words} words in {seconds:.2f} s wall, {cpu:.2f} s CPU "
          f"({cpu / max(words, 1) * 1000 * 1000:.1f} ms CPU per 1,000 words, with tracemalloc on); "
          f"peak traced memory {peak / 1e6:.1f} MB")
    for corpus, n in sorted(per_corpus.items()):
        print(f"  {corpus}: {n} findings")
    if args.show:
        print("\n".join(shown))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
