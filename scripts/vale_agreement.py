#!/usr/bin/env python3
"""Agreement between the real Vale binary and copydesk's Vale mode, per style package and file type.

Usage: .venv/bin/python scripts/vale_agreement.py [-v] [--no-onestop] [--no-fixtures]

Needs the binary from scripts/prepare-vale (or $VALE_BIN) and ../shared/vale. Lints
tests/data/vale/*.{md,txt}, the packages' README/CHANGELOG pages (../shared/vale/*/*.md) and
../shared/corpora/onestopenglish/texts/*.txt with the five packages of
../shared/vale at once, and each package fixture folder with its own .vale.ini, with both tools
(tests/vale_agreement.py says how), then prints the share of alert lines both print. -v lists the
lines only one tool prints.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from vale_agreement import Tally, compare_documents, compare_fixtures, missing, tally_by  # noqa: E402


def show(title: str, vale: list[str], ours: list[str], verbose: bool) -> None:
    total = Tally()
    total.add(vale, ours)
    print(f"{title}: {total}")
    for what in ("ext", "style"):
        for key, t in tally_by(vale, ours, what).items():
            print(f"    {key:<12} {t}")
    if verbose:
        for line in total.vale_only:
            print(f"  - {line}")
        for line in total.copydesk_only:
            print(f"  + {line}")


def main(argv: list[str]) -> int:
    why = missing()
    if why:
        print(why, file=sys.stderr)
        return 2
    verbose = "-v" in argv
    with tempfile.TemporaryDirectory() as tmp:
        vale, ours = compare_documents(Path(tmp), include_onestop="--no-onestop" not in argv)
    def subset(prefix: str) -> tuple[list[str], list[str]]:
        return [x for x in vale if x.startswith(prefix)], [x for x in ours if x.startswith(prefix)]

    show("documents written for the test (tests/data/vale)", *subset("docs/written/"), verbose)
    packages = subset("docs/packages/")
    if packages[0] or packages[1]:
        show("the packages' README and CHANGELOG pages (../shared/vale/*/*.md)", *packages, verbose)
    onestop = subset("docs/onestopenglish/")
    if onestop[0] or onestop[1]:
        show("OneStopEnglish texts", *onestop, verbose)
    show("all documents", vale, ours, False)
    if "--no-fixtures" not in argv:
        fv, fo = [], []
        for name, (v, o) in compare_fixtures().items():
            fv += [f"{name}/{x}" for x in v]
            fo += [f"{name}/{x}" for x in o]
        show("package fixtures (../shared/vale/*/fixtures, own .vale.ini)", fv, fo, verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
