"""Suppression comments in drafts.

``<!-- copydesk-disable-next-line RULE... -->`` silences the next line;
``<!-- copydesk-disable RULE... -->`` … ``<!-- copydesk-enable RULE... -->`` a
range; ``<!-- copydesk-disable-file RULE... -->`` the whole file. With no rule
named, every rule. Rules are named by id or prefix (``style`` covers
``style.cliche``). Vale's ``<!-- vale off -->``/``<!-- vale on -->`` are
honoured for Vale rules by the Vale front end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lint.rules import matches_prefix

_DIRECTIVE = re.compile(r"^\s*copydesk-(disable-next-line|disable-file|disable|enable)\b(.*)$", re.S)


@dataclass(frozen=True)
class Silence:
    start: int  # offset range the silence covers
    end: int
    rules: tuple[str, ...] | None  # None = all rules


def _rule_list(rest: str) -> tuple[str, ...] | None:
    names = tuple(n for n in re.split(r"[\s,]+", rest.strip()) if n and n != "--")
    # Anything after " -- " is a free-text reason.
    if "--" in rest:
        names = tuple(n for n in re.split(r"[\s,]+", rest.split("--", 1)[0].strip()) if n)
    return names or None


def silences(doc) -> list[Silence]:
    out: list[Silence] = []
    open_ranges: list[tuple[int, tuple[str, ...] | None]] = []
    n = len(doc.text)
    for comment in doc.layout.comments:
        m = _DIRECTIVE.match(comment.body)
        if not m:
            continue
        what, rules = m.group(1), _rule_list(m.group(2))
        if what == "disable-file":
            out.append(Silence(0, n, rules))
        elif what == "disable-next-line":
            line = doc.index.line_of(comment.end) + 1  # 0-based index of the next line
            if line < doc.index.line_count:
                start = doc.index.starts[line]
                end = doc.index.starts[line + 1] if line + 1 < doc.index.line_count else n
                out.append(Silence(start, end, rules))
        elif what == "disable":
            open_ranges.append((comment.end, rules))
        else:  # enable
            still_open = []
            for start, r in open_ranges:
                if rules is None or r is None or set(r) <= set(rules):
                    out.append(Silence(start, comment.start, r))
                else:
                    still_open.append((start, r))
            open_ranges = still_open
    out.extend(Silence(start, n, r) for start, r in open_ranges)
    return out


def is_silenced(finding, silences_: list[Silence]) -> bool:
    for s in silences_:
        if s.start <= finding.start < s.end or (finding.start == finding.end == s.end == s.start):
            if s.rules is None or matches_prefix(finding.rule, s.rules):
                return True
    return False
