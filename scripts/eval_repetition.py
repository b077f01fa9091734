#!/usr/bin/env python3
"""What the repetition rules report on edited, published text: OneStopEnglish's 90 articles.

The articles were edited for publication, so every finding here is either a
real repetition an editor let through or a false alarm; the counts bound how
noisy each rule is at its defaults. Also checks the two drafts of the issue's
scenario (tests/data/).

    .venv/bin/python scripts/eval_repetition.py [--corpus ../shared/corpora/onestopenglish]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from eval_readability import LEVELS, drafts  # noqa: E402

from lint.engine import Options, run  # noqa: E402
from lint.rules import builtin_rules  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpora" / "onestopenglish"))
    args = ap.parse_args(argv)
    corpus = Path(args.corpus)
    if not (corpus / "manifest.tsv").is_file():
        print(f"no corpus at {corpus} (manifest.tsv missing)", file=sys.stderr)
        return 2
    rules = [r.id for r in builtin_rules() if r.id.startswith("repetition.")]
    print("| rule | " + " | ".join(f"{lv}: findings (articles)" for lv in LEVELS) + " |")
    print("|---|" + "---|" * len(LEVELS))
    counts, articles = {}, {}
    with tempfile.TemporaryDirectory() as tmp:
        for lv in LEVELS:
            folder = Path(tmp) / lv
            folder.mkdir()
            report = run(drafts(corpus, lv, folder), Options(select=rules, jobs=1))
            counts[lv] = Counter(f.rule for f in report.findings)
            articles[lv] = Counter(r for r, _ in {(f.rule, f.path) for f in report.findings})
    for rule in rules:
        print(f"| `{rule}` | " + " | ".join(f"{counts[lv][rule]} ({articles[lv][rule]}/30)" for lv in LEVELS) + " |")
    print()
    for name in ("machine-news.txt", "plain-news.txt"):
        report = run([str(ROOT / "tests" / "data" / name)], Options(select=rules, jobs=1))
        found = ", ".join(f"{f.line}:{f.column} {f.rule}" for f in report.findings) or "none"
        print(f"tests/data/{name}: {found}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
