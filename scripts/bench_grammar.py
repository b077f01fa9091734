#!/usr/bin/env python3
"""Time the grammar checks: a first run (LanguageTool server start included) and the cached re-run.

    .venv/bin/python scripts/bench_grammar.py [FOLDER] [--jobs N]

FOLDER defaults to ../shared/corpora/onestopenglish/texts. Both runs are real `copydesk check
--select grammar` processes with a fresh cache folder; the first starts Java from the jars of
scripts/languagetool fetch, the second must find every paragraph in the cache, so it runs with the
server pointed at a dead port (a single server call would fail it). Prints milliseconds per 1,000 words.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "onestopenglish" / "texts"


def check(folder: Path, env: dict, jobs: int) -> tuple[float, dict, str]:
    command = [sys.executable, "-m", "lint", "check", "--select", "grammar", "--format", "json",
               "--jobs", str(jobs), "--exit-zero", str(folder)]
    started = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, cwd=ROOT)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"copydesk failed ({done.returncode}):\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    return elapsed, json.loads(done.stdout), done.stderr


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()
    if not args.folder.is_dir():
        print(f"skipped: {args.folder} is not there (the shared corpora live beside the repository)")
        return 0
    sys.path.insert(0, str(ROOT))
    from lint.grammar.server import checkout_folder

    if not any(checkout_folder().glob("languagetool-server*.jar")):
        sys.exit("no LanguageTool jars: run scripts/languagetool fetch first")
    with tempfile.TemporaryDirectory() as cache:
        env = {k: v for k, v in os.environ.items() if not k.startswith("COPYDESK_")}
        env["COPYDESK_CACHE_DIR"] = cache
        first_s, first, first_err = check(args.folder, env, args.jobs)
        env["COPYDESK_LANGUAGETOOL_URL"] = "http://127.0.0.1:9"  # nothing listens: a server call would fail
        second_s, second, second_err = check(args.folder, env, args.jobs)
    words = sum(d["words"] for d in first["documents"])
    same = first["findings"] == second["findings"] and not second["errors"] and "skipped" not in second_err
    print(f"corpus: {args.folder} ({len(first['documents'])} files, {words:,} words), --jobs {args.jobs}")
    print(f"first run (server start included): {first_s:7.2f} s  {1000 * first_s / words * 1000:8.1f} ms per 1,000 words"
          f"  ({len(first['findings'])} findings)")
    print(f"cached re-run (no server):         {second_s:7.2f} s  {1000 * second_s / words * 1000:8.1f} ms per 1,000 words"
          f"  ({'same findings' if same else 'DIFFERENT FINDINGS'})")
    if first_err.strip():
        print(f"first run said: {first_err.strip()[:500]}")
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
