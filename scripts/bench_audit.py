"""Throughput of ``copydesk audit`` on a local Dask cluster against ``copydesk check --jobs 1``.

    .venv/bin/python scripts/bench_audit.py [--copies 5] [--workers 2] [--repeat 5] [--corpus FOLDER]

Copies the 90 onestopenglish texts (../shared/corpora) ``--copies`` times into a
temporary folder, runs both commands on it as subprocesses ``--repeat`` times
(alternating), and prints the best and the median wall time and files/s for each
(the audit also without its cluster's start-up, from its summary record), and
where the audit's CPU time goes (client and scheduler vs workers). A control
row runs ``--workers`` plain ``check`` processes side by side on equal shares
of the drafts: what this machine gives to that many processes without Dask. It checks
that both found the same number of findings.
A benchmark, not a test: the figures go into docs/audit.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "onestopenglish" / "texts"
COPYDESK = [sys.executable, "-m", "lint"]


def build(folder: Path, corpus: Path, copies: int) -> int:
    texts = sorted(corpus.glob("*.txt"))
    for i in range(copies):
        target = folder / f"copy-{i:03d}"
        target.mkdir(parents=True)
        for text in texts:
            shutil.copyfile(text, target / text.name)
    return copies * len(texts)


def timed(command: list[str]) -> tuple[float, subprocess.CompletedProcess]:
    started = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if done.returncode not in (0, 1):
        sys.exit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr}")
    return elapsed, done


def _process_cpu() -> float:
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def cpu_split(drafts: Path, workers: int, batch_size: int) -> tuple[float, float, float]:
    """One audit run in this process: wall time, CPU of the client and scheduler (this process),
    CPU of all workers together (cluster start-up excluded)."""
    import io

    sys.path.insert(0, str(ROOT))
    from lint.audit import audit, connect
    from lint.engine import Options

    client, cluster = connect(workers=workers)
    try:
        before_workers, before_self, started = client.run(_process_cpu), _process_cpu(), time.perf_counter()
        audit(client, [str(drafts)], Options(), io.StringIO(), batch_size=batch_size)
        wall, own = time.perf_counter() - started, _process_cpu() - before_self
        after_workers = client.run(_process_cpu)
    finally:
        client.close()
        cluster.close()
    return wall, own, sum(after_workers[w] - before_workers.get(w, 0.0) for w in after_workers)


def timed_side_by_side(commands: list[list[str]]) -> float:
    """Wall time of several commands started together (the control: can this machine run them in parallel?)."""
    started = time.perf_counter()
    running = [subprocess.Popen(c, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
               for c in commands]
    for process in running:
        _, err = process.communicate()
        if process.returncode not in (0, 1):
            sys.exit(f"a control run failed ({process.returncode}):\n{err}")
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=5, help="copies of the 90-text corpus (default: 5)")
    parser.add_argument("--workers", type=int, default=2, help="audit worker processes (default: 2)")
    parser.add_argument("--batch-size", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=5, help="runs of each command (default: 5)")
    parser.add_argument("--corpus", type=Path, default=CORPUS,
                        help="folder of .txt drafts (default: ../shared/corpora/onestopenglish/texts)")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"skipped: {args.corpus} is absent (the shared corpora sit next to the repository)")
        return 0
    with tempfile.TemporaryDirectory(prefix="copydesk-bench-audit-") as tmp:
        drafts = Path(tmp) / "drafts"
        files = build(drafts, args.corpus, args.copies)
        report = Path(tmp) / "check.json"
        records = Path(tmp) / "audit.jsonl"
        checks, audits, audit_checking, controls = [], [], [], []
        parts = sorted(str(p) for p in drafts.iterdir())
        shares = [parts[i::args.workers] for i in range(args.workers)]
        for _ in range(args.repeat):
            controls.append(timed_side_by_side([[*COPYDESK, "check", "--jobs", "1", "--format", "json", "-o",
                                                 os.devnull, *share] for share in shares if share]))
            check_wall, _ = timed([*COPYDESK, "check", "--jobs", "1", "--format", "json", "-o", str(report),
                                   str(drafts)])
            audit_wall, _ = timed([*COPYDESK, "audit", "--workers", str(args.workers), "--batch-size",
                                   str(args.batch_size), "--no-progress", "-o", str(records), str(drafts)])
            check_findings = len(json.loads(report.read_text(encoding="utf-8"))["findings"])
            summary = json.loads(records.read_text(encoding="utf-8").splitlines()[-1])
            if summary["findings"] != check_findings or summary["files"] != files:
                sys.exit(f"mismatch: check found {check_findings} findings, the audit {summary['findings']} "
                         f"in {summary['files']} of {files} files")
            checks.append(check_wall)
            audits.append(audit_wall)
            audit_checking.append(summary["seconds"])
        split_wall, split_client, split_workers = cpu_split(drafts, args.workers, args.batch_size)
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"load average before: {os.getloadavg()[0]:.1f}")
    print(f"input: {files} drafts ({args.copies} copies of {args.corpus.name}/), {check_findings} findings; "
          f"{args.repeat} runs each")
    rows = [
        ("copydesk check --jobs 1", checks),
        (f"copydesk audit --workers {args.workers} (with cluster start-up)", audits),
        (f"copydesk audit --workers {args.workers} (checking only, summary 'seconds')", audit_checking),
        (f"control: {args.workers} x copydesk check --jobs 1 side by side, 1/{args.workers} each", controls),
    ]
    print(f"{'':<62} {'best':>9} {'files/s':>8} {'median':>9} {'files/s':>8}")
    for name, times in rows:
        best, median = min(times), statistics.median(times)
        print(f"{name:<62} {best:7.2f} s {files / best:8.0f} {median:7.2f} s {files / median:8.0f}")
    print(f"CPU in one audit run ({split_wall:.2f} s wall, checking only): client and scheduler "
          f"{split_client:.2f} s, the {args.workers} workers together {split_workers:.2f} s "
          f"({split_workers / split_wall:.2f} cores busy on average)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
