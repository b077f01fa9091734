#!/usr/bin/env python3
"""How often each readability formula orders OneStopEnglish's three versions of an article correctly.

For each of the 30 articles the corpus has an elementary, an intermediate and an
advanced version of the same text. A formula "orders" an article when its
scores rank ele < int < adv in difficulty (reading ease: ele > int > adv).
Also printed: pairwise agreement (of the 90 pairs) and each level's mean score,
from which copydesk's default targets are chosen (docs/readability.md).

The texts are read exactly as copydesk reads a .txt draft (lint.document), and
scored with the text the readability rules score (lint.checks.readability).

    .venv/bin/python scripts/eval_readability.py [--corpus ../shared/corpora/onestopenglish]
"""

from __future__ import annotations

import argparse
import csv
import statistics
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lint.checks.readability import scored_blocks, scored_text  # noqa: E402
from lint.document import Document  # noqa: E402
from lint.textmetrics import LABELS, METRICS, score  # noqa: E402

LEVELS = ("ele", "int", "adv")


def read_draft(path: Path) -> str:
    """The corpus puts one paragraph on each line; a .txt draft separates them by blank lines."""
    return "\n\n".join(line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()) + "\n"


def drafts(corpus: Path, level: str, folder: Path) -> list[str]:
    """The corpus's texts at one level, written as copydesk drafts under ``folder``."""
    out = []
    for path in sorted(corpus.glob(f"texts/*-{level}.txt")):
        draft = folder / path.name
        draft.write_text(read_draft(path), encoding="utf-8")
        out.append(str(draft))
    return out


def scored_texts(corpus: Path) -> dict[str, dict[str, str]]:
    """article -> level -> the text the readability rules score, for articles present at all three levels."""
    texts: dict[str, dict[str, str]] = defaultdict(dict)
    with (corpus / "manifest.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            path = corpus / row["file"]
            doc = Document(str(path), read_draft(path), "plain")
            texts[row["article_id"]][row["level"]] = scored_text(doc, scored_blocks(doc))
    return {a: levels for a, levels in sorted(texts.items()) if set(levels) == set(LEVELS)}


def ordering(texts: dict[str, dict[str, str]], metric: str) -> dict:
    """How often ``metric`` ranks ele < int < adv in difficulty, pairwise agreement, and mean scores."""
    easier_higher = METRICS[metric][1]
    ordered = pairs = 0
    means = defaultdict(list)
    for levels in texts.values():
        s = {lv: score(metric, levels[lv]) for lv in LEVELS}
        for lv in LEVELS:
            means[lv].append(s[lv])
        d = {lv: -v if easier_higher else v for lv, v in s.items()}  # higher = harder
        ordered += d["ele"] < d["int"] < d["adv"]
        pairs += (d["ele"] < d["int"]) + (d["int"] < d["adv"]) + (d["ele"] < d["adv"])
    return {"articles": len(texts), "ordered": ordered, "pairs": pairs,
            "means": {lv: statistics.mean(means[lv]) for lv in LEVELS}}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpora" / "onestopenglish"))
    args = ap.parse_args(argv)
    corpus = Path(args.corpus)
    if not (corpus / "manifest.tsv").is_file():
        print(f"no corpus at {corpus} (manifest.tsv missing)", file=sys.stderr)
        return 2
    texts = scored_texts(corpus)
    print(f"{len(texts)} articles x 3 levels from {corpus}\n")
    print("| metric | ordered ele<int<adv | pairs in order | mean ele | mean int | mean adv |")
    print("|---|---|---|---|---|---|")
    for metric in METRICS:
        r = ordering(texts, metric)
        n = r["articles"]
        print(f"| {LABELS[metric]} (`{metric}`) | {r['ordered']}/{n} ({100 * r['ordered'] / n:.0f}%) | "
              f"{r['pairs']}/{3 * n} ({100 * r['pairs'] / (3 * n):.0f}%) | "
              + " | ".join(f"{r['means'][lv]:.1f}" for lv in LEVELS) + " |")
    print()
    flagged_by_rule(corpus)
    return 0


def flagged_by_rule(corpus: Path) -> None:
    """What each built-in readability rule, at its default target, reports at each level."""
    from lint.engine import Options, run
    from lint.rules import builtin_rules

    rules = [r for r in builtin_rules() if r.id.startswith("readability.")]
    counts = {lv: defaultdict(int) for lv in LEVELS}
    units = {}
    with tempfile.TemporaryDirectory() as tmp:
        for lv in LEVELS:
            paths = drafts(corpus, lv, Path(tmp))
            report = run(paths, Options(select=[r.id for r in rules], jobs=1))
            for f in report.findings:
                counts[lv][f.rule] += 1
            units[lv] = units_in(paths)
    print("| rule (default) | counted per | " + " | ".join(LEVELS) + " |")
    print("|---|---|" + "---|" * len(LEVELS))
    for r in rules:
        unit = {"readability": "document" if r.params.get("level", "document") == "document" else "paragraph"}.get(
            r.kind, "sentence")
        news = (r.params.get("targets") or {}).get("news")  # the default audience's target
        target = r.params.get("target", news if news is not None else r.params.get("max_words", r.params.get("max_grade")))
        cells = []
        for lv in LEVELS:
            total = units[lv][unit]
            cells.append(f"{counts[lv][r.id]}/{total} ({100 * counts[lv][r.id] / total:.1f}%)")
        state = "" if r.enabled else ", off"
        print(f"| `{r.id}` ({target}{state}) | {unit} | " + " | ".join(cells) + " |")


def units_in(paths) -> dict[str, int]:
    n = defaultdict(int)
    for p in paths:
        doc = Document(p, read_draft(Path(p)), "plain")
        n["document"] += 1
        n["paragraph"] += len(scored_blocks(doc))
        n["sentence"] += len(doc.sentences)
    return n


if __name__ == "__main__":
    sys.exit(main())
