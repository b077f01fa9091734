"""``--statistics``: the findings counted by rule, most frequent first (like ruff's --statistics)."""

from __future__ import annotations

from collections import Counter


def statistics(findings) -> str:
    counts = Counter((f.rule, str(f.severity)) for f in findings)
    if not counts:
        return "No findings to count.\n"
    width = max(len(str(n)) for n in counts.values())
    lines = [f"{n:>{width}}  {severity:<7}  {rule}"
             for (rule, severity), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0][0]))]
    return "\n".join(lines) + "\n"
