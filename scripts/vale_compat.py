#!/usr/bin/env python3
"""How closely copydesk reproduces Vale on Vale's own test scenarios.

Usage: .venv/bin/python scripts/vale_compat.py [-v]

Reads ../shared/vale/*/features/*.feature, runs each scenario's fixture through
copydesk in Vale mode and prints, per scenario, whether the output matches
exactly, then how many scenarios and alert lines match. -v shows the
differing lines.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from vale_scenarios import VALE, all_scenarios, run_scenario  # noqa: E402


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    if not VALE.is_dir():
        print(f"no Vale packages at {VALE}", file=sys.stderr)
        return 2
    scenarios = all_scenarios()
    exact = lines_ok = lines_total = extra_total = 0
    for s in scenarios:
        got = run_scenario(s)
        ok = got == s.expected
        exact += ok
        matched = len(set(got) & set(s.expected))
        lines_ok += matched
        lines_total += len(s.expected)
        extra_total += len(set(got) - set(s.expected))
        print(f"{'ok  ' if ok else 'DIFF'} {s.id} ({matched}/{len(s.expected)} lines)")
        if verbose and not ok:
            for line in s.expected:
                if line not in got:
                    print(f"    - {line}")
            for line in got:
                if line not in s.expected:
                    print(f"    + {line}")
    print(f"\nscenarios exact: {exact}/{len(scenarios)}; expected alert lines reproduced: "
          f"{lines_ok}/{lines_total}; extra lines: {extra_total}")
    return 0 if exact == len(scenarios) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
