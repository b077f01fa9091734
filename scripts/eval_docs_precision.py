#!/usr/bin/env python3
"""Precision of the default gate on published, edited documentation nobody tuned the rules on.

    .venv/bin/python scripts/eval_docs_precision.py [--half docs-heldout|docs-tune|all] [--unjudged]
                                                    [--into .cache/docs-corpus] [--markdown]

The drafts are the prose of Debian's documentation packages, made by ``scripts/docs_corpus.py fetch`` and
``convert``: The Debian Administrator's Handbook (a published book) and the narrative parts of the
Python 3.11 documentation (tutorial, HOWTOs, FAQ, "using", installing, extending and the top-level
pages). The reference parts (library, C API, language reference), the changelogs ("What's new")
and the legacy distutils pages are left out: they repeat formulas under every entry by design, a
genre of its own (see docs/precision.md). The drafts are checked as a docs team would configure
copydesk (``audience: docs``), at the manual's own date, grammar off.

The pages are split in two halves by a hash of their path, fixed before any finding was judged:
``docs-tune`` may guide changes, ``docs-heldout`` is judged on first sight. A third set,
``docs-unseen``, is the narrative part of two more manuals (the PostgreSQL 15 manual without its
SQL-command, program, catalog and function reference pages and release notes; Git 2.39's user
manual, tutorials, guides and HOWTOs, not its manual pages), converted and judged only after the
changes made in the light of the first two halves were frozen. A fourth, ``docs-unseen-2``, is The
Rust Programming Language (the book's chapters) and the Apache HTTP Server 2.4 manual without its
module and program reference pages, converted and judged only after round 13 (made in the light of
``docs-unseen``) was frozen. A fifth, ``docs-unseen-3``, is the GIMP 2.10 user manual's narrative
pages and the GnuCash Tutorial and Concepts Guide, likewise after round 14. Judgements live in
``tests/data/precision/docs-judgements/*.jsonl``, keyed like ``scripts/eval_precision.py``'s by
(path, rule, line, match). Only the gate's findings (warning and error) are judged. Skips, saying
why, when the converted drafts are absent.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from docs_corpus import DEFAULT_INTO  # noqa: E402
from eval_precision import Item, read_judgements, summary, table, todo_line  # noqa: E402

JUDGEMENTS = ROOT / "tests" / "data" / "precision" / "docs-judgements"
HALVES = ("docs-tune", "docs-heldout", "docs-unseen", "docs-unseen-2", "docs-unseen-3")
#: Each manual's date: its package's release (the handbook's edition, Python 3.11.2, the Debian
#: updates of PostgreSQL 15.20 and Git 2.39.5).
AS_OF = {"debian-handbook": dt.date(2022, 9, 22), "python-3.11": dt.date(2023, 2, 8),
         "postgresql-15": dt.date(2025, 11, 13), "git-2.39": dt.date(2025, 10, 7),
         "rust-book": dt.date(2022, 8, 11), "apache-2.4": dt.date(2025, 11, 12),
         "gimp-2.10": dt.date(2023, 2, 28), "gnucash-guide": dt.date(2022, 12, 18)}
#: The manuals converted after a round froze the rules: every page kept is judged on first sight.
UNSEEN_MANUALS = {"postgresql-15": "docs-unseen", "git-2.39": "docs-unseen",  # after round 12
                  "rust-book": "docs-unseen-2", "apache-2.4": "docs-unseen-2",  # after round 13
                  "gimp-2.10": "docs-unseen-3", "gnucash-guide": "docs-unseen-3"}  # after round 14
#: The Python pages kept: narrative documentation, not reference entries or changelogs.
PYTHON_NARRATIVE = ("tutorial", "howto", "faq", "using", "installing", "install", "distributing", "extending")
PYTHON_SKIPPED_PAGES = ("contents.md",)  # the table of contents
#: PostgreSQL reference pages (one per SQL command, program, catalog, view or function group) and its
#: release notes are left out, like Python's reference parts.
POSTGRES_REFERENCE = ("sql-", "app-", "catalog-", "view-", "infoschema-", "functions-", "release-", "errcodes-",
                      "spi-spi-", "ecpg-sql-", "reference")
#: Git's guides and tutorials; its manual pages (git-*.html, gitformat-*, gitprotocol-*, ...) are reference.
GIT_GUIDES = ("user-manual.md", "gittutorial.md", "gittutorial-2.md", "gitcore-tutorial.md", "giteveryday.md",
              "everyday.md", "gitworkflows.md", "gitfaq.md", "gitcvs-migration.md", "gitsubmodules.md",
              "gitcredentials.md", "MyFirstContribution.md", "MyFirstObjectWalk.md", "ReviewingGuidelines.md",
              "SubmittingPatches.md", "ToolsForGit.md")


#: GIMP's introduction, concepts, "using GIMP", tutorials and "getting unstuck"; not its one-page-per-filter,
#: -tool, -menu and -dialog reference.
GIMP_NARRATIVE = ("gimp-introduction", "gimp-concepts", "gimp-using", "gimp-tutorial", "gimp-stuck", "gimp-imaging",
                  "gimp-images", "gimp-colors", "script-fu")
#: Apache's module pages (one entry per directive) and its programs' manual pages are reference.
APACHE_REFERENCE = ("mod/", "programs/")


def chosen(rel: str) -> bool:
    manual, _, rest = rel.partition("/")
    if manual == "debian-handbook":
        return True
    if manual == "postgresql-15":
        return not rest.startswith(POSTGRES_REFERENCE)
    if manual == "git-2.39":
        return rest in GIT_GUIDES or rest.startswith("howto/")
    if manual == "rust-book":
        return True
    if manual == "apache-2.4":
        return not rest.startswith(APACHE_REFERENCE)
    if manual == "gimp-2.10":
        return rest.startswith(GIMP_NARRATIVE)
    if manual == "gnucash-guide":
        return True
    if "/" not in rest:
        return rest not in PYTHON_SKIPPED_PAGES
    return rest.split("/")[0] in PYTHON_NARRATIVE


def half_of(rel: str) -> str:
    unseen = UNSEEN_MANUALS.get(rel.partition("/")[0])
    if unseen:
        return unseen
    return HALVES[int(hashlib.sha1(rel.encode()).hexdigest()[:8], 16) % 2]


def collect(md: Path, jobs: int) -> tuple[dict[str, list[Item]], dict[str, int], dict[str, int]]:
    from lint.engine import Options, run

    items: dict[str, list[Item]] = {h: [] for h in HALVES}
    words = dict.fromkeys(HALVES, 0)
    docs = dict.fromkeys(HALVES, 0)
    with tempfile.TemporaryDirectory(prefix="copydesk-docs-") as tmp:
        config = Path(tmp) / "copydesk.yaml"
        config.write_text("audience: docs\n", encoding="utf-8")
        for manual, as_of in AS_OF.items():
            paths = sorted(p for p in (md / manual).rglob("*.md") if chosen(p.relative_to(md).as_posix()))
            report = run([str(p) for p in paths], Options(as_of=as_of, ignore=["grammar"], jobs=jobs,
                                                          config=str(config)))
            if report.errors:
                raise SystemExit(f"copydesk reported errors: {report.errors[0].path}: {report.errors[0].message}")
            for d in report.documents:
                rel = Path(d.path).resolve().relative_to(md.resolve()).as_posix()
                words[half_of(rel)] += d.words
                docs[half_of(rel)] += 1
            for f in report.findings:
                if str(f.severity) not in ("warning", "error"):
                    continue
                rel = Path(f.path).resolve().relative_to(md.resolve()).as_posix()
                items[half_of(rel)].append(Item(rel, f.rule, str(f.severity), f.line, f.match, f.message))
    return items, words, docs


def _sampled(items: list[Item], per_rule: int) -> list[Item]:
    """Every item, or at most ``per_rule`` of each rule's, drawn with a generator seeded by the rule id, so
    the same sample comes out on every run; judged rows outside it still count in the tables."""
    if per_rule <= 0:
        return items
    import random

    by_rule: dict[str, list[Item]] = {}
    for it in items:
        by_rule.setdefault(it.rule, []).append(it)
    keep = set()
    for rule, found in by_rule.items():
        chosen = found if len(found) <= per_rule else random.Random(rule).sample(found, per_rule)
        keep.update(id(it) for it in chosen)
    return [it for it in items if id(it) in keep]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--half", choices=[*HALVES, "all"], default="docs-heldout")
    ap.add_argument("--unjudged", action="store_true", help="print the gate findings without a judgement, as JSON lines")
    ap.add_argument("--sample", type=int, default=0, metavar="N",
                    help="with --unjudged: at most N findings per rule, drawn at random (seeded by the rule id)")
    ap.add_argument("--into", type=Path, default=DEFAULT_INTO, help="the folder scripts/docs_corpus.py wrote")
    ap.add_argument("--jobs", "-j", type=int, default=2)
    ap.add_argument("--markdown", action="store_true")
    args = ap.parse_args(argv)
    md = args.into / "md"
    if not md.is_dir():
        print(f"skipped: {md} is absent (run scripts/docs_corpus.py fetch, then convert)")
        return 0
    items, words, docs = collect(md, args.jobs)
    judged = read_judgements(JUDGEMENTS) if JUDGEMENTS.is_dir() else {}
    halves = HALVES if args.half == "all" else (args.half,)
    if args.unjudged:
        for h in halves:
            for it in _sampled(items[h], args.sample):
                if it.key not in judged:
                    print(todo_line(it))
        return 0
    for h in halves:
        print(f"\n## {h}: {summary(items[h], words[h], docs[h])}")
        print("\n".join(table(items[h], judged, words[h], markdown=args.markdown)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
