#!/usr/bin/env python3
"""Time the repetition, readability and style rules on one long draft, rule by rule.

The draft is the OneStopEnglish advanced texts joined into one document
(about 25,000 words), repeated --times times; without the corpus, generated
text. Prints each rule's build and run time (and, with --memory, the peak memory).

    .venv/bin/python scripts/bench_prose_checks.py [--times 4] [--memory] [--corpus ../shared/corpora/onestopenglish]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lint.checks import kind_module  # noqa: E402
from lint.checks.base import BuildContext  # noqa: E402
from lint.document import Document  # noqa: E402
from lint.rules import builtin_rules  # noqa: E402

FAMILIES = ("repetition.", "readability.", "style.")


def draft_text(corpus: Path, times: int) -> str:
    paths = sorted(corpus.glob("texts/*-adv.txt"))
    if paths:
        body = "\n\n".join(line.strip() for p in paths for line in p.read_text(encoding="utf-8").splitlines()
                           if line.strip())
    else:
        rng = random.Random(1)
        vocab = [w for w in (ROOT / "README.md").read_text(encoding="utf-8").split() if w.isalpha()]
        body = "\n\n".join(" ".join(rng.choice(vocab) for _ in range(18)).capitalize() + ". " * 1
                           for _ in range(1500))
    return "\n\n".join([body] * times) + "\n"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--times", type=int, default=1)
    ap.add_argument("--memory", action="store_true", help="also trace peak memory (slows everything down)")
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpora" / "onestopenglish"))
    args = ap.parse_args(argv)
    text = draft_text(Path(args.corpus), args.times)
    if args.memory:
        tracemalloc.start()
    t0 = time.perf_counter()
    doc = Document("bench.txt", text, "plain")
    _ = doc.sentences, doc.prose
    print(f"{doc.word_count} words, {len(doc.sentences)} sentences; document model {time.perf_counter() - t0:.2f}s")
    print(f"{'rule':32} {'build s':>8} {'run s':>8} {'findings':>9}")
    total = 0.0
    for rule in [r for r in builtin_rules() if r.id.startswith(FAMILIES)]:
        t = time.perf_counter()
        check = kind_module(rule.kind).build(rule, BuildContext())
        built = time.perf_counter() - t
        t = time.perf_counter()
        n = sum(1 for _ in check.run(doc))
        ran = time.perf_counter() - t
        total += built + ran
        print(f"{rule.id:32} {built:8.3f} {ran:8.3f} {n:9d}")
    print(f"total {total:.2f}s for the rules")
    if args.memory:
        _, peak = tracemalloc.get_traced_memory()
        print(f"peak traced memory {peak / 2**20:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
