"""CPU time per rule, and of the first readability score, unaffected by other work on the machine.

``copydesk check --profile-rules`` times rules by the wall clock; on a shared 2-core machine that
counts the time other processes held the CPU. This script runs the same check with the rule timer
reading the thread's CPU clock, several times in fresh processes, and prints each rule's best.

    .venv/bin/python scripts/rule_cpu.py [--runs 4] [--only readability,repetition] [PATH ...]
    .venv/bin/python scripts/rule_cpu.py --first-score DRAFT    # CPU of the first readability rule's run

PATH defaults to the 90 OneStopEnglish texts (``--no-cache --jobs 1 --as-of 2025-12-12``).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "onestopenglish" / "texts"

_CHILD_RULES = """
import sys, time, types
import lint.engine as engine
clock = types.SimpleNamespace(**{k: getattr(time, k) for k in dir(time) if not k.startswith("__")})
clock.perf_counter = time.thread_time
engine.time = clock
from lint.cli import main
main(sys.argv[1:])
"""

_CHILD_FIRST = """
import sys, time
from lint.checks import readability
run, seen = readability.ReadabilityCheck.run, []
def timed(self, doc):
    if seen:
        yield from run(self, doc)
        return
    started = time.thread_time()
    found = list(run(self, doc))
    seen.append(time.thread_time() - started)
    yield from found
readability.ReadabilityCheck.run = timed
from lint.cli import main
try:
    main(sys.argv[1:])
finally:
    print(f"FIRST {seen[0] if seen else -1}", file=sys.stderr)
"""


def _check_args(paths: list[str]) -> list[str]:
    return ["check", "--no-cache", "--jobs", "1", "--as-of", "2025-12-12", "--format", "json", "--output",
            "/dev/null", *paths]


def rules(paths: list[str], runs: int, only: list[str]) -> int:
    best: dict[str, float] = {}
    for _ in range(runs):
        err = subprocess.run([sys.executable, "-c", _CHILD_RULES, *_check_args(paths), "--profile-rules"],
                             capture_output=True, text=True, cwd=ROOT).stderr
        for line in err.splitlines():
            parts = line.split()
            if len(parts) == 4 and parts[1] == "s" and parts[0].replace(".", "").isdigit():
                rule, seconds = parts[3], float(parts[0])
                best[rule] = min(best.get(rule, seconds), seconds)
    chosen = {r: t for r, t in best.items() if not only or any(r.startswith(p) for p in only)}
    for rule, seconds in sorted(chosen.items(), key=lambda item: -item[1]):
        print(f"{seconds:8.3f} s  {rule}")
    print(f"{sum(chosen.values()):8.3f} s  together (best of {runs} runs each, CPU)")
    return 0


def first_score(draft: str, runs: int) -> int:
    times = []
    for _ in range(runs):
        err = subprocess.run([sys.executable, "-c", _CHILD_FIRST, *_check_args([draft])], capture_output=True,
                             text=True, cwd=ROOT).stderr
        times += [float(line.split()[1]) for line in err.splitlines() if line.startswith("FIRST ")]
    times.sort()
    print("first readability score, CPU ms: " + " ".join(f"{t * 1000:.1f}" for t in times))
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--runs", type=int, default=4)
    parser.add_argument("--only", default="", help="comma-separated rule id prefixes")
    parser.add_argument("--first-score", metavar="DRAFT")
    args = parser.parse_args()
    if args.first_score:
        return first_score(args.first_score, args.runs)
    paths = args.paths or [str(CORPUS)]
    return rules(paths, args.runs, [p for p in args.only.split(",") if p])


if __name__ == "__main__":
    sys.exit(main())
