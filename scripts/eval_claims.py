#!/usr/bin/env python3
"""Measure the claims.* detectors on public labelled data: precision, recall and F1.

    .venv/bin/python scripts/eval_claims.py [--corpora DIR] [--show-errors N]

Reads, from ``../shared/corpora`` beside the repository (or ``--corpora``):

- ``clef2019_checkworthy``: three whole speeches, each sentence labelled check-worthy (1) or not;
- ``claimbuster_2000``: debate sentences, CFS (check-worthy factual sentence) = positive;
- ``conll2010_wiki_weasel``: Wikipedia sentences, uncertain (a weasel or hedge cue) = positive.

The claim detectors are scored against check-worthiness, the anonymous-attribution and
generalisation detector against CoNLL-2010 uncertainty. Each sentence is checked as its own
document, except in the "speech" rows, where a whole CLEF speech is one document (one sentence a
line), so attribution in neighbouring sentences counts as it does in a draft. Prints a table; skips
with the reason when the corpora are absent. Nothing is trained: the rules are measured as shipped.
"""

from __future__ import annotations

import argparse
import csv
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

#: shared/ sits beside the repository (a clone); a git worktree sits one folder deeper.
_CANDIDATES = [ROOT.parent / "shared" / "corpora", ROOT.parent.parent / "shared" / "corpora"]
DEFAULT_CORPORA = next((c for c in _CANDIDATES if c.is_dir()), _CANDIDATES[0])
NEEDED = ("clef2019_checkworthy", "claimbuster_2000", "conll2010_wiki_weasel")


@dataclass
class Score:
    corpus: str
    detector: str
    n: int
    positives: int
    predicted: int
    hits: int

    @property
    def precision(self) -> float:
        return self.hits / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.hits / self.positives if self.positives else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def read_tsv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def load_corpora(base: Path) -> dict[str, list[tuple[str, bool, str]]]:
    """corpus name -> [(text, positive, group)]; group is the speech for CLEF."""
    clef = [(r["text"], r["label"].strip() == "1", r["file_name"])
            for r in read_tsv(base / "clef2019_checkworthy" / "clef2019_task1_test_subset.tsv")]
    claimbuster = [(r["text"], r["label"].strip() == "1", "")
                   for r in read_tsv(base / "claimbuster_2000" / "claimbuster_disjoint_2000.tsv")]
    weasel = [(r["text"], r["label_name"].strip() == "uncertain", "")
              for r in read_tsv(base / "conll2010_wiki_weasel" / "conll2010_wiki_uncertainty_2000.tsv")]
    return {"clef2019": clef, "claimbuster": claimbuster, "conll2010-weasel": weasel}


def build_checks(rule_ids: list[str]):
    from lint.checks import kind_module
    from lint.checks.base import BuildContext
    from lint.rules import builtin_rules

    rules = [r for r in builtin_rules() if r.id in rule_ids]
    missing = set(rule_ids) - {r.id for r in rules}
    if missing:
        raise SystemExit(f"eval_claims: no such rule(s): {', '.join(sorted(missing))}")
    return [kind_module(r.kind).build(r, BuildContext()) for r in rules]


def fires(checks, text: str) -> bool:
    from lint.document import Document

    doc = Document("<sentence>", text, "plain")
    return any(True for check in checks for _ in check.run(doc))


def figure_in(text: str) -> bool:
    from lint.claims.figures import find_figures

    return bool(find_figures(text))


def per_sentence(corpus: str, detector: str, rows, predict, errors: list) -> Score:
    predicted = hits = 0
    for text, positive, _ in rows:
        guess = predict(text)
        predicted += guess
        hits += guess and positive
        if guess != positive:
            errors.append((corpus, detector, "false positive" if guess else "missed", text))
    return Score(corpus, detector, len(rows), sum(p for _, p, _ in rows), predicted, hits)


def per_speech(corpus: str, detector: str, rows, checks) -> Score:
    """Each speech as one document, one sentence a line; a finding on line k flags sentence k."""
    from lint.document import Document

    predicted = hits = 0
    speeches: dict[str, list[tuple[str, bool]]] = {}
    for text, positive, group in rows:
        speeches.setdefault(group, []).append((" ".join(text.split()), positive))
    for sentences in speeches.values():
        doc = Document("<speech>", "\n".join(t for t, _ in sentences) + "\n", "plain")
        flagged = {f.line - 1 for check in checks for f in _lines(check.run(doc), doc)}
        predicted += len(flagged)
        hits += sum(1 for k in flagged if sentences[k][1])
    return Score(corpus, detector, len(rows), sum(p for _, p, _ in rows), predicted, hits)


def _lines(findings, doc):
    for f in findings:
        line, _ = doc.position(f.start)
        f.line = line
        yield f


def evaluate(corpora: Path) -> tuple[list[Score], list]:
    """Every detector on every corpus: the scores, and the sentences each one got wrong."""
    data = load_corpora(corpora)
    unsourced = build_checks(["claims.unsourced-figure"])
    all_claims = build_checks(["claims.unsourced-figure", "claims.anonymous-attribution", "claims.generalisation"])
    weasel = build_checks(["claims.anonymous-attribution", "claims.generalisation"])
    anonymous = build_checks(["claims.anonymous-attribution"])
    hearsay = build_checks(["claims.hearsay"])
    with_hearsay = build_checks(["claims.anonymous-attribution", "claims.generalisation", "claims.hearsay"])
    with_hedge = build_checks(["claims.anonymous-attribution", "claims.generalisation", "claims.hearsay",
                               "claims.hedge"])
    everything = build_checks(["claims.anonymous-attribution", "claims.generalisation", "claims.hearsay",
                               "claims.hedge", "claims.vague-quantity"])

    errors: list = []
    scores = []
    for corpus in ("clef2019", "claimbuster"):
        rows = data[corpus]
        scores.append(per_sentence(corpus, "figure present (no attribution test)", rows, figure_in, []))
        scores.append(per_sentence(corpus, "claims.unsourced-figure", rows, lambda t: fires(unsourced, t), errors))
        scores.append(per_sentence(corpus, "default claims.* rules", rows, lambda t: fires(all_claims, t), []))
    scores.append(per_speech("clef2019", "claims.unsourced-figure, speech as one document",
                             data["clef2019"], unsourced))
    rows = data["conll2010-weasel"]
    scores.append(per_sentence("conll2010-weasel", "claims.anonymous-attribution", rows,
                               lambda t: fires(anonymous, t), []))
    scores.append(per_sentence("conll2010-weasel", "anonymous-attribution + generalisation (default)", rows,
                               lambda t: fires(weasel, t), errors))
    scores.append(per_sentence("conll2010-weasel", "claims.hearsay (info)", rows,
                               lambda t: fires(hearsay, t), []))
    scores.append(per_sentence("conll2010-weasel", "... + claims.hearsay (info, on by default)", rows,
                               lambda t: fires(with_hearsay, t), []))
    scores.append(per_sentence("conll2010-weasel", "... + claims.hedge (off by default)", rows,
                               lambda t: fires(with_hedge, t), []))
    scores.append(per_sentence("conll2010-weasel", "... + claims.vague-quantity (off by default)", rows,
                               lambda t: fires(everything, t), []))

    return scores, errors


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA, help=f"default: {DEFAULT_CORPORA}")
    ap.add_argument("--markdown", action="store_true", help="print the table as Markdown (for docs/claims.md)")
    ap.add_argument("--show-errors", type=int, default=0, metavar="N",
                    help="print N false positives and N misses per detector")
    args = ap.parse_args(argv)
    absent = [name for name in NEEDED if not (args.corpora / name).is_dir()]
    if absent:
        print(f"eval_claims: skipped: corpora not found under {args.corpora} ({', '.join(absent)} missing); "
              f"they live in shared/corpora beside the repository, or pass --corpora DIR")
        return 0

    scores, errors = evaluate(args.corpora)
    if args.markdown:
        print("| corpus | detector | n | positives | flagged | TP | P | R | F1 |")
        print("|---|---|---|---|---|---|---|---|---|")
        for s in scores:
            print(f"| {s.corpus} | {s.detector} | {s.n} | {s.positives} | {s.predicted} | {s.hits} | "
                  f"{s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} |")
    else:
        print(f"{'corpus':<18} {'detector':<50} {'n':>5} {'pos':>5} {'pred':>5} {'TP':>5} "
              f"{'P':>6} {'R':>6} {'F1':>6}")
        for s in scores:
            print(f"{s.corpus:<18} {s.detector:<50} {s.n:>5} {s.positives:>5} {s.predicted:>5} {s.hits:>5} "
                  f"{s.precision:>6.3f} {s.recall:>6.3f} {s.f1:>6.3f}")
    if args.show_errors:
        shown: dict[tuple, int] = {}
        for corpus, detector, kind, text in errors:
            key = (corpus, detector, kind)
            if shown.get(key, 0) < args.show_errors:
                shown[key] = shown.get(key, 0) + 1
                print(f"[{corpus} | {detector} | {kind}] {text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
