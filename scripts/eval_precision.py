#!/usr/bin/env python3
"""Precision of the default rules on professional copy, from findings judged by hand.

    .venv/bin/python scripts/eval_precision.py [--half heldout|heldout-b|tune|all] [--unjudged [FAMILY]]
                                                [--corpora DIR] [--jobs N]

Runs the DEFAULT rules (everything a user gets without a config; grammar off) over every
document named in ``tests/data/precision/split.tsv``:

- ``onestopenglish/texts/NAME.txt``: the OneStopEnglish texts from ``../shared/corpora``, one
  paragraph a line, checked as a .txt draft with blank lines between paragraphs (as
  scripts/eval_readability.py reads them), judged as of 2026-01-15. Line numbers are the
  corpus file's own (one paragraph a line);
- ``drafts/NAME``: our own wire-style stories in ``tests/data/precision/drafts``, judged at
  their own date (front matter ``date:`` or dateline);
- ``drafts-b/NAME``: the second held-back set (half ``heldout-b``), news stories and features
  written after the rules were tuned, by writers who never saw the rules, judged at their own date;
- ``drafts-c/NAME``: the third (half ``heldout-c``), written the same way after the rules were
  changed in the light of ``heldout-b``;
- ``drafts-d/NAME``: the fourth (half ``heldout-d``), after the changes made in the light of
  ``heldout-c``;
- ``drafts-e/NAME``: the fifth (half ``heldout-e``), after the decision taken on the pooled
  first-sight verdicts of ``heldout-b``, ``-c`` and ``-d``;
- ``drafts-f/NAME``: the sixth (half ``heldout-f``), written by six writers on six beats and judged
  only after round 5 froze the rules (the changes made in the light of ``heldout-e``);
- ``drafts-g/NAME``: the seventh (half ``heldout-g``), written blind while round 6 was made and
  judged only after it was fixed: the unseen check of round 6;
- ``drafts-h/NAME``: the eighth (half ``heldout-h``), likewise for round 7;
- ``drafts-i/NAME``: the ninth (half ``heldout-i``), likewise for round 8;
- ``drafts-j/NAME``: the tenth (half ``heldout-j``), likewise for round 9;
- ``drafts-k/NAME``: the eleventh (half ``heldout-k``), likewise for round 10;
- ``drafts-l/NAME``: the twelfth (half ``heldout-l``), the unseen check of round 11;
- ``drafts-m/NAME``: the thirteenth (half ``heldout-m``), the unseen check of rounds 12 and 13.

Each finding is matched to a judgement in ``tests/data/precision/judgements/<family>.jsonl``
by (path, rule, line, match), and the script prints, per rule and half: findings, judged,
true / arguable / false, precision (true / judged), lenient precision ((true + arguable) /
judged), findings per 1,000 words; then warnings+errors per 1,000 words. ``--unjudged``
prints the findings without a judgement as JSON lines with an empty verdict, ready to fill
in (optionally only one family). Skips the OneStopEnglish texts, saying why, when the
corpora are absent.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DATA = ROOT / "tests" / "data" / "precision"
#: shared/ sits beside the repository (a clone); a git worktree may sit one folder deeper.
_CANDIDATES = [ROOT.parent / "shared" / "corpora", ROOT.parent.parent / "shared" / "corpora"]
DEFAULT_CORPORA = next((c for c in _CANDIDATES if c.is_dir()), _CANDIDATES[0])
#: The OneStopEnglish texts carry no date; they are judged as of this fixed day.
CORPUS_AS_OF = dt.date(2026, 1, 15)
VERDICTS = ("true", "arguable", "false")
#: ``tune``: rules may be tuned on it. ``heldout``: the first held-back half, split off before
#: judging. ``heldout-b``: a second held-back set written and judged after the tuning of issue #16
#: ended, by people who did not tune the rules. ``heldout-c``: a third one, written and judged after
#: the rules were changed in the light of ``heldout-b`` (which is in-sample from then on).
#: ``heldout-d``: a fourth, after the rules were changed in the light of ``heldout-c``.
#: ``heldout-e``: a fifth, after the decision taken on the pooled first-sight verdicts of b, c and d.
#: ``heldout-f``: a sixth, about four times larger, judged after round 5 froze the rules.
#: ``heldout-g``: a seventh, as large, written during round 6 and judged only after it was fixed.
#: ``heldout-h``: an eighth, as large, written during round 7 and judged only after it was fixed.
#: ``heldout-i``: a ninth, as large, written during round 8 and judged only after it was fixed.
#: ``heldout-j``: a tenth, 120 stories, written during round 9 and judged only after it was fixed.
#: ``heldout-k``: an eleventh, written during round 10 and judged only after it was fixed.
#: ``heldout-l``: a twelfth, written after round 11 and judged only after the rules were frozen again.
#: ``heldout-m``: a thirteenth, written during rounds 12 and 13 and judged only after round 13 was frozen.
HALVES = ("tune", "heldout", "heldout-b", "heldout-c", "heldout-d", "heldout-e", "heldout-f", "heldout-g",
          "heldout-h", "heldout-i", "heldout-j", "heldout-k", "heldout-l", "heldout-m")
#: The sets written blind to the rules: half ``heldout-X`` is the folder ``drafts-X``.
BLIND_FOLDERS = {half: "drafts-" + half.removeprefix("heldout-") for half in HALVES if half not in ("tune", "heldout")}
OSE_PREFIX = "onestopenglish/"


@dataclass
class Item:
    """One finding as the precision set sees it."""

    path: str
    rule: str
    severity: str
    line: int
    match: str
    message: str

    @property
    def key(self) -> tuple:
        return (self.path, self.rule, self.line, self.match)


def todo_line(it: Item) -> str:
    """A finding as a JSON line with an empty verdict and reason, for an editor to fill in."""
    return json.dumps({"path": it.path, "rule": it.rule, "line": it.line, "match": it.match,
                       "verdict": "", "reason": "", "severity": it.severity, "message": it.message},
                      ensure_ascii=False)


def read_split(path: Path = DATA / "split.tsv") -> dict[str, str]:
    """path -> half, for every evaluated document."""
    halves = {}
    with path.open(encoding="utf-8") as fh:
        for row in csv.reader(fh, delimiter="\t"):
            if not row or row[0].startswith("#"):
                continue
            name, half = row[0], row[1]
            if half not in HALVES:
                raise SystemExit(f"{path}: {name}: half must be one of {', '.join(HALVES)}, not {half!r}")
            halves[name] = half
    return halves


def read_judgements(folder: Path = DATA / "judgements") -> dict[tuple, dict]:
    judged: dict[tuple, dict] = {}
    for file in sorted(folder.glob("*.jsonl")):
        for n, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                j = json.loads(line)
            except json.JSONDecodeError as e:
                raise SystemExit(f"{file}:{n}: not JSON: {e}") from None
            if j.get("verdict") not in VERDICTS:
                raise SystemExit(f"{file}:{n}: verdict must be one of {VERDICTS}, not {j.get('verdict')!r}")
            key = (j["path"], j["rule"], int(j["line"]), j["match"])
            if key in judged:
                raise SystemExit(f"{file}:{n}: judged twice: {key}")
            judged[key] = j
    return judged


def corpus_draft(text: str) -> str:
    """The corpus puts one paragraph on each line; a .txt draft separates them by blank lines."""
    return "\n\n".join(line.strip() for line in text.splitlines() if line.strip()) + "\n"


def corpus_line_map(text: str) -> dict[int, int]:
    """Line in the converted draft -> line in the corpus file (blank corpus lines are dropped)."""
    out, k = {}, 0
    for n, line in enumerate(text.splitlines(), 1):
        if line.strip():
            out[2 * k + 1] = n
            k += 1
    return out


def _run(paths: list[str], as_of, jobs: int):
    from lint.engine import Options, run

    return run(paths, Options(as_of=as_of, ignore=["grammar"], jobs=jobs))


def _errors(errors) -> str:
    """The first few file errors and how many more: a broken install fails every rule of every file."""
    shown = "\n".join(f"{e.path}: {e.message[:300]}" for e in errors[:5])
    more = f"\n... and {len(errors) - 5} more errors" if len(errors) > 5 else ""
    return f"copydesk reported errors, so the figures would be wrong:\n{shown}{more}"


def collect(halves: dict[str, str], corpora: Path, jobs: int) -> tuple[list[Item], dict[str, int], list[str]]:
    """Every default finding on the evaluated documents, their word counts, and notes on what was skipped."""
    items: list[Item] = []
    words: dict[str, int] = {}
    notes: list[str] = []

    drafts = [name for name in halves if not name.startswith(OSE_PREFIX)]
    missing = [n for n in drafts if not (DATA / n).is_file()]
    if missing:
        raise SystemExit(f"split.tsv names drafts that do not exist: {', '.join(missing)}")
    if drafts:
        report = _run([str(DATA / n) for n in drafts], None, jobs)
        if report.errors:
            raise SystemExit(_errors(report.errors))
        for d in report.documents:
            words[str(Path(d.path).resolve().relative_to(DATA))] = d.words
        for f in report.findings:
            rel = str(Path(f.path).resolve().relative_to(DATA))
            items.append(Item(rel, f.rule, str(f.severity), f.line, f.match, f.message))

    corpus_docs = [name for name in halves if name.startswith(OSE_PREFIX)]
    if corpus_docs and not (corpora / "onestopenglish").is_dir():
        notes.append(f"skipped {len(corpus_docs)} OneStopEnglish texts: {corpora / 'onestopenglish'} is absent")
    elif corpus_docs:
        with tempfile.TemporaryDirectory(prefix="copydesk-precision-") as tmp:
            back: dict[str, tuple[str, dict[int, int]]] = {}
            for name in corpus_docs:
                source = corpora / name
                if not source.is_file():
                    raise SystemExit(f"split.tsv names {name}, which is not in {corpora}")
                text = source.read_text(encoding="utf-8")
                draft = Path(tmp) / Path(name).name
                draft.write_text(corpus_draft(text), encoding="utf-8")
                back[str(draft)] = (name, corpus_line_map(text))
            report = _run(sorted(back), CORPUS_AS_OF, jobs)
            if report.errors:
                raise SystemExit(_errors(report.errors))
            for d in report.documents:
                words[back[d.path][0]] = d.words
            for f in report.findings:
                name, lines = back[f.path]
                items.append(Item(name, f.rule, str(f.severity), lines.get(f.line, f.line), f.match, f.message))
    return items, words, notes


def per_thousand(n: int, words: int) -> float:
    return 1000 * n / words if words else 0.0


def fmt(x: float | None) -> str:
    return "-" if x is None else f"{x:.2f}"


def table(items: list[Item], judged: dict[tuple, dict], words: int, markdown: bool = False) -> list[str]:
    by_rule: dict[str, list[Item]] = defaultdict(list)
    for it in items:
        by_rule[it.rule].append(it)
    head = f"{'rule':34} {'sev':7} {'found':>5} {'judged':>6} {'true':>4} {'arg':>4} {'false':>5} " \
           f"{'prec':>5} {'lenient':>7} {'per1k':>6}"
    out = [head, "-" * len(head)]
    if markdown:
        out = ["| rule | severity | found | judged | true | arguable | false | precision | lenient | per 1,000 words |",
               "|---|---|---|---|---|---|---|---|---|---|"]
    for rule in sorted(by_rule):
        found = by_rule[rule]
        verdicts = Counter(judged[it.key]["verdict"] for it in found if it.key in judged)
        n = sum(verdicts.values())
        prec = verdicts["true"] / n if n else None
        lenient = (verdicts["true"] + verdicts["arguable"]) / n if n else None
        sev = "/".join(sorted({it.severity for it in found}))
        if markdown:
            out.append(f"| `{rule}` | {sev} | {len(found)} | {n} | {verdicts['true']} | {verdicts['arguable']} | "
                       f"{verdicts['false']} | {fmt(prec)} | {fmt(lenient)} | {per_thousand(len(found), words):.2f} |")
            continue
        out.append(f"{rule:34} {sev:7} {len(found):5d} {n:6d} {verdicts['true']:4d} {verdicts['arguable']:4d} "
                   f"{verdicts['false']:5d} {fmt(prec):>5} {fmt(lenient):>7} {per_thousand(len(found), words):6.2f}")
    return out


def summary(items: list[Item], words: int, docs: int) -> str:
    loud = sum(1 for it in items if it.severity in ("warning", "error"))
    return (f"{docs} documents, {words} words: {len(items)} findings ({per_thousand(len(items), words):.2f} per 1,000 "
            f"words), {loud} warnings+errors ({per_thousand(loud, words):.2f} per 1,000 words)")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--half", choices=[*HALVES, "all"], default="all",
                    help="which half to report (default: every half, each on its own)")
    ap.add_argument("--unjudged", nargs="?", const="", default=None, metavar="FAMILY",
                    help="print findings without a judgement as JSON lines (optionally one family only)")
    ap.add_argument("--corpora", default=str(DEFAULT_CORPORA), help="the shared corpora folder")
    ap.add_argument("--jobs", "-j", type=int, default=1)
    ap.add_argument("--markdown", action="store_true", help="print the per-rule tables as Markdown (docs/precision.md)")
    args = ap.parse_args(argv)

    halves = read_split()
    judged = read_judgements()
    items, words, notes = collect(halves, Path(args.corpora), args.jobs)
    for note in notes:
        print(f"note: {note}", file=sys.stderr)
    wanted = list(HALVES) if args.half == "all" else [args.half]

    if args.unjudged is not None:
        for it in items:
            if halves[it.path] not in wanted or it.key in judged:
                continue
            if args.unjudged and it.rule.split(".")[0] != args.unjudged:
                continue
            print(todo_line(it))
        return 0

    present = {it.key for it in items}
    for half in wanted:
        docs = [p for p in words if halves.get(p) == half]
        sub = [it for it in items if halves[it.path] == half]
        n_words = sum(words[p] for p in docs)
        print(f"== {half} ==")
        print(summary(sub, n_words, len(docs)))
        for group, label in ((OSE_PREFIX, "OneStopEnglish"), ("drafts/", "our drafts"),
                             *((f"{folder}/", "drafts written blind to the rules") for folder in BLIND_FOLDERS.values())):
            gdocs = [p for p in docs if p.startswith(group)]
            if gdocs:
                print(f"  {label}: " + summary([it for it in sub if it.path.startswith(group)],
                                               sum(words[p] for p in gdocs), len(gdocs)))
        print()
        print("\n".join(table(sub, judged, n_words, args.markdown)))
        unjudged = sum(1 for it in sub if it.key not in judged)
        print(f"\nunjudged findings: {unjudged} (list them with --unjudged)")
        print()
    stale = [k for k, j in judged.items() if k not in present and halves.get(k[0]) in wanted]
    print(f"judgements: {len(judged)}; not matching any current finding (stale): {len(stale)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
