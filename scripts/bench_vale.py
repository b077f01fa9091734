#!/usr/bin/env python3
"""Speed of Vale mode: all five shared Vale styles at once over a long Markdown draft.

Usage: .venv/bin/python scripts/bench_vale.py [--repeat N]

Builds, in a temporary folder, a .vale.ini whose StylesPath links to the five
packages in ../shared/vale and a draft made of their fixture drafts repeated N
times (default 20), then times `copydesk check --format vale-line --select vale`
in-process (one job) and prints words, alerts, seconds and words per second.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
import time
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from vale_scenarios import VALE  # noqa: E402

PACKAGES = ("Google", "write-good", "proselint", "alex", "Joblint")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args(argv)
    if not VALE.is_dir():
        print(f"no Vale packages at {VALE}", file=sys.stderr)
        return 2
    drafts = sorted(p.read_text(encoding="utf-8") for p in VALE.glob("*/fixtures/*/*.md"))
    text = "\n\n".join(drafts * args.repeat)
    from lint.cli import main as cli

    with tempfile.TemporaryDirectory() as tmp:
        styles = Path(tmp) / "styles"
        styles.mkdir()
        for name in PACKAGES:
            (styles / name).symlink_to(VALE / name / name, target_is_directory=True)
        Path(tmp, ".vale.ini").write_text(
            f"StylesPath = styles\nMinAlertLevel = suggestion\n\n[*.md]\nBasedOnStyles = Vale, {', '.join(PACKAGES)}\n")
        Path(tmp, "draft.md").write_text(text, encoding="utf-8")
        old = os.getcwd()
        os.chdir(tmp)
        try:
            out = io.StringIO()
            start = time.perf_counter()
            with redirect_stdout(out), redirect_stderr(io.StringIO()):
                cli(["check", "--format", "vale-line", "--select", "vale", "--jobs", "1", "draft.md"])
            seconds = time.perf_counter() - start
        finally:
            os.chdir(old)
    words = len(text.split())
    alerts = len(out.getvalue().splitlines())
    print(f"{words} words, {alerts} alerts, {seconds:.2f} s, {words / seconds:.0f} words/s "
          f"({len(PACKAGES)} styles + Vale, one process)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
