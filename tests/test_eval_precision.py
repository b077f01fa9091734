"""The labelled precision set is well formed and its script runs (issue #16).

The figures themselves are in docs/precision.md; these tests keep the data honest: every
document of the split exists, halves keep an article's three levels together, and every
judgement is well formed and names a document of the split.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "precision"
sys.path.insert(0, str(ROOT / "scripts"))

import eval_precision  # noqa: E402


def test_split_names_existing_drafts_and_keeps_articles_together():
    halves = eval_precision.read_split()
    drafts = [p for p in halves if p.startswith("drafts/")]
    assert len(drafts) >= 5
    assert all((DATA / p).is_file() for p in drafts)
    assert {p for p in halves if p.startswith("drafts/")} == {f"drafts/{p.name}" for p in (DATA / "drafts").iterdir()}
    by_article = defaultdict(set)
    for p, half in halves.items():
        m = re.fullmatch(r"onestopenglish/texts/(.+)-(ele|int|adv)\.txt", p)
        if m:
            by_article[m.group(1)].add(half)
    assert all(len(h) == 1 for h in by_article.values()), by_article
    assert set(halves.values()) <= set(eval_precision.HALVES) and {"tune", "heldout"} <= set(halves.values())
    assert set(eval_precision.BLIND_FOLDERS.values()) == {p.name for p in DATA.glob("drafts-*")}
    for half, folder in eval_precision.BLIND_FOLDERS.items():
        blind = DATA / folder  # the sets written blind to the rules: every file held back, and only there
        files = {f"{folder}/{p.name}" for p in blind.iterdir()} if blind.is_dir() else set()
        assert {p for p, h in halves.items() if h == half} == files


def test_drafts_carry_their_date():
    for path in [*(DATA / "drafts").iterdir(), *(p for folder in eval_precision.BLIND_FOLDERS.values()
                                                     for p in (DATA / folder).glob("*"))]:
        head = path.read_text(encoding="utf-8")[:200]
        assert re.search(r"^date: 20\d\d-\d\d-\d\d$", head, re.M), path


def test_judgements_are_well_formed_and_name_documents_of_the_split():
    halves = eval_precision.read_split()
    judged = eval_precision.read_judgements()  # raises on bad JSON, bad verdicts, duplicates
    for (path, rule, line, match), j in judged.items():
        assert path in halves, path
        assert j["reason"].strip(), (path, rule, line)
        assert rule.split(".")[0] + ".jsonl" in {f.name for f in (DATA / "judgements").glob("*.jsonl")}


def test_script_reports_precision_per_rule_on_the_drafts(tmp_path):
    out = subprocess.run([sys.executable, str(ROOT / "scripts" / "eval_precision.py"), "--half", "tune",
                          "--corpora", str(tmp_path / "absent")], capture_output=True, text=True, check=True)
    assert "skipped" in out.stderr and "OneStopEnglish" in out.stderr
    assert "== tune ==" in out.stdout and "warnings+errors" in out.stdout and "prec" in out.stdout


def test_unjudged_prints_json_lines_to_fill_in(tmp_path):
    out = subprocess.run([sys.executable, str(ROOT / "scripts" / "eval_precision.py"), "--unjudged",
                          "--corpora", str(tmp_path / "absent")], capture_output=True, text=True, check=True)
    for line in out.stdout.splitlines():
        item = json.loads(line)
        assert item["verdict"] == "" and {"path", "rule", "line", "match", "reason"} <= set(item)
