#!/usr/bin/env python3
"""What the facts check costs a fresh process: the first verdicts on one draft, and the 90 corpus texts.

    .venv/bin/python scripts/bench_facts_first.py                  # this tree, 7 fresh processes each
    .venv/bin/python scripts/bench_facts_first.py --before f55ab95 # and a git revision, in the same run

* first verdicts: one 1,000-word draft (built like scripts/bench.py's: the first ``*-adv.txt``
  texts of the corpus, dated 12 December 2025), in a fresh Python process after ``lint.document``
  and what a ``copydesk check`` run has imported before its facts rules (the cache store, pickle,
  sqlite3, hashlib, json) are imported: importing the facts modules, loading the knowledge base (from the cache store, as
  on every run after the first) and judging the draft — everything the first facts verdict pays;
* corpus: judging the 90 OneStopEnglish texts at 12 December 2025 in a fresh process (recognisers
  compiled on the way, as in ``copydesk check --jobs 1``), after the same load.

Prints the fastest and the median of ``--runs`` processes (the VM's speed drifts; compare
figures from one run). ``--before`` exports that revision with ``git archive`` into a temporary
folder and runs it with this tree's Python; both use the user's cache store, filled by a first
unmeasured run. Skips with the reason when the shared corpora are absent.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "onestopenglish" / "texts"

CHILD = r"""
import datetime as dt, sys, time
from pathlib import Path
corpus = Path(sys.argv[2])
words = []
for f in sorted(corpus.glob("*-adv.txt")):
    words.extend(f.read_text(encoding="utf-8").split())
    if len(words) >= 1000:
        break
paragraphs = [" ".join(words[i:i + 100]) for i in range(0, 1000, 100)]
from lint.document import Document
import hashlib, json, pickle, sqlite3  # noqa: E401 - a copydesk run has imported these by then
import lint.cache, lint.checks.base, lint.checks.context, lint.store  # noqa: E401
if sys.argv[1] == "draft":
    docs = [Document("one-draft.md", "December 12, 2025\n\n" + "\n\n".join(paragraphs) + "\n", "markdown")]
else:
    docs = [Document(p.name, p.read_text(encoding="utf-8"), "plain") for p in sorted(corpus.glob("*.txt"))]
for d in docs:
    d.prose
t0 = time.process_time()
from lint.facts.judge import judge_document
from lint.facts.loader import load_base
t1 = time.process_time()
kb = load_base()
t2 = time.process_time()
n = sum(len(judge_document(kb, d, dt.date(2025, 12, 12))) for d in docs)
t3 = time.process_time()
print(t1 - t0, t2 - t1, t3 - t2, n)
"""


def measure(tree: Path, kind: str, runs: int) -> list[tuple[float, float, float, int]]:
    env = dict(os.environ, PYTHONPATH=str(tree))
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as a pip install: compiled bytecode is kept
    out = []
    for i in range(runs + 1):
        done = subprocess.run([sys.executable, "-c", CHILD, kind, str(CORPUS)], env=env, cwd=tree,
                              capture_output=True, text=True, check=True)
        if i:  # the first run fills the caches (bytecode, the store)
            a, b, c, n = done.stdout.split()
            out.append((float(a), float(b), float(c), int(n)))
    return out


def report(label: str, rows) -> None:
    def ms(values):
        return f"min {min(values) * 1000:6.1f} ms, median {statistics.median(values) * 1000:6.1f} ms"

    print(f"  {label}: {len(rows)} runs, {rows[0][3]} verdicts")
    print(f"    imports  {ms([r[0] for r in rows])}")
    print(f"    load     {ms([r[1] for r in rows])}")
    print(f"    judge    {ms([r[2] for r in rows])}")
    print(f"    in all   {ms([r[0] + r[1] + r[2] for r in rows])}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--before", metavar="REV", help="also measure this git revision")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"skipped: {CORPUS} is absent")
        return 0
    trees = [("this tree", ROOT)]
    with tempfile.TemporaryDirectory() as tmp:
        if args.before:
            archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.before], capture_output=True, check=True)
            subprocess.run(["tar", "-x", "-C", tmp], input=archive.stdout, check=True)
            trees.insert(0, (args.before, Path(tmp)))
        print(f"CPU time (process_time) per fresh process; load average {os.getloadavg()[0]:.1f}")
        for kind, title in (("draft", "first verdicts on one 1,000-word draft"), ("corpus", "90 corpus texts")):
            print(title)
            for label, tree in trees:
                report(label, measure(tree, kind, args.runs))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
