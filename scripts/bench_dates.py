"""Speed and yield of the dates.* checks on the shared corpora (news articles, Wikipedia, speeches).

    .venv/bin/python scripts/bench_dates.py [--as-of YYYY-MM-DD]

Reports documents, words, date mentions by form, findings by rule, and the time the dates.* checks
take (extraction included; the document's parsing and sentence splitting are timed apart), the
fastest of --repeat rounds (the machine is shared; the fastest round is the least disturbed). Reads
../shared/corpora from the repository root and says so if it is missing.
"""

from __future__ import annotations

import argparse
import collections
import csv
import datetime as dt
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
#: ../shared beside the repository (a clone), or two levels up (a worktree under wt/).
CORPORA = next((p / "shared" / "corpora" for p in (ROOT.parent, ROOT.parent.parent)
                if (p / "shared" / "corpora").is_dir()), ROOT.parent / "shared" / "corpora")
#: Corpus TSV files and the column that holds the text; each file becomes one document of its rows.
TSV_TEXT = {
    "conll2010_wiki_weasel/conll2010_wiki_uncertainty_2000.tsv": "text",
    "claimbuster_2000/claimbuster_disjoint_2000.tsv": "text",
    "clef2019_checkworthy/clef2019_task1_test_subset.tsv": "text",
}


def documents():
    for path in sorted((CORPORA / "onestopenglish" / "texts").glob("*.txt")):
        yield path.name, path.read_text(encoding="utf-8", errors="replace")
    for name, column in TSV_TEXT.items():
        path = CORPORA / name
        if path.is_file():
            with path.open(encoding="utf-8") as fh:
                rows = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
                yield name, "\n\n".join(row[column] for row in rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--as-of", type=dt.date.fromisoformat, default=None,
                        help="judge every document at this date (default: each document's own, else undated)")
    parser.add_argument("--repeat", type=int, default=3, help="rounds; the fastest is reported (default 3)")
    args = parser.parse_args()
    if not CORPORA.is_dir():
        print(f"skipped: {CORPORA} is absent", file=sys.stderr)
        return 0
    from lint.checks import kind_module
    from lint.checks.base import BuildContext
    from lint.dateline import resolve_as_of
    from lint.dates import analyse
    from lint.dates.settings import DateSettings
    from lint.document import Document
    from lint.rules import builtin_rules

    rules = [r for r in builtin_rules() if r.id.startswith("dates.")]
    context = BuildContext()
    checks = [kind_module(r.kind).build(r, context) for r in rules]
    texts = list(documents())
    forms, findings = collections.Counter(), collections.Counter()
    docs = words = 0
    parse_times, check_times = [], []
    for round_ in range(args.repeat):
        parse_time = check_time = 0.0
        for name, text in texts:
            t0 = time.perf_counter()
            doc = Document(name, text, "plain")
            resolve_as_of(doc, args.as_of, None)
            _ = doc.sentences
            t1 = time.perf_counter()
            found = [f for check in checks for f in check.run(doc)]
            t2 = time.perf_counter()
            parse_time += t1 - t0
            check_time += t2 - t1
            if round_ == 0:
                docs += 1
                words += doc.word_count
                findings.update(f.rule for f in found)
                forms.update(m.form for m in analyse(doc, DateSettings()).dates)
        parse_times.append(parse_time)
        check_times.append(check_time)
    parse_time, check_time = min(parse_times), min(check_times)
    print(f"documents: {docs}, words: {words:,}")
    print(f"date mentions: {sum(forms.values())} ({', '.join(f'{k} {v}' for k, v in forms.most_common())})")
    print(f"findings: {sum(findings.values())} ({', '.join(f'{k} {v}' for k, v in findings.most_common()) or 'none'})")
    print(f"fastest of {args.repeat} rounds — document parsing and sentences: {parse_time:.2f} s; "
          f"dates.* checks: {check_time:.2f} s ({check_time / max(words, 1) * 1e6:.1f} µs a word)")
    # One block with thousands of dates (a pasted table, a log): every check must stay linear.
    text = "December 12, 2025\n\n" + " ".join(
        f"they met on {d} December 2024 and will meet in 2026" for d in range(1, 29)) * 200 + "\n"
    doc = Document("one-block.md", text, "markdown")
    resolve_as_of(doc, None, None)
    t0 = time.perf_counter()
    found = [f for check in checks for f in check.run(doc)]
    print(f"one block of {len(text):,} characters with {len(analyse(doc, DateSettings()).dates):,} dates: "
          f"{time.perf_counter() - t0:.2f} s, {len(found):,} findings")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
