#!/usr/bin/env python3
"""How long the knowledge base takes to load: parsing the YAML, and from the parsed-facts caches.

    .venv/bin/python scripts/bench_facts_load.py [--runs 9] [--files nato.yaml,eu.yaml,...]

Loads the shipped facts files (or only those named) ``--runs`` times in one process and prints
the fastest and the median time for: the YAML step alone, parsed (no cache); the same step read
from the cache; the records of each file read from the cache, then indexed; and the whole base
in one entry, indexed, with its scanner and the scanner's costly gates (what ``load_base`` reads
on every run after the first). Uses a fresh temporary cache folder; writes nothing else.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def timed(fn, runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return min(times), statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--files", default="", help="comma-separated names of shipped facts files (default: all)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as cache:
        os.environ["COPYDESK_CACHE_DIR"] = cache
        from lint.facts import parse_cache
        from lint.facts.loader import KnowledgeBase, _build_base, builtin_files, load_entries, load_file

        files = builtin_files()
        if args.files:
            wanted = {n.strip() for n in args.files.split(",")}
            files = [f for f in files if os.path.basename(f) in wanted]
        kb = KnowledgeBase([f for p in files for f in load_file(p)])  # fills the caches
        paths = tuple(files)
        parse_cache.cached_base(paths, frozenset(), lambda: _build_base(paths, frozenset()))
        rows = [
            ("YAML parsed (no cache)", lambda: [load_entries(p, "facts", "facts file") for p in files]),
            ("YAML from the cache", lambda: [parse_cache.cached_entries(p, None) for p in files]),
            ("records of each file", lambda: KnowledgeBase([f for p in files for f in load_file(p)])),
            ("base in one entry", lambda: parse_cache.cached_base(paths, frozenset(), None)),
        ]
        print(f"{len(kb)} facts in {len(files)} files; {args.runs} runs; load average "
              f"{os.getloadavg()[0]:.1f}")
        for label, fn in rows:
            best, median = timed(fn, args.runs)
            print(f"  {label:<24} min {best:6.1f} ms   median {median:6.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
