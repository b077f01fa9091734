"""Vale's line output: ``path:line:column:Style.Rule:message``, as ``vale --output=line --sort
--normalize --relative`` prints it (paths relative to the current folder, forward slashes, sorted by
path, line and column). copydesk's own findings, in a mixed run, print the same way with their ids."""

from __future__ import annotations

import os


def _relative(path: str) -> str:
    if path == "-":
        return path
    rel = os.path.relpath(path) if os.path.isabs(path) or path.startswith(".") else os.path.normpath(path)
    return rel.replace(os.sep, "/")


def render(report, context) -> str:
    rows = sorted(((_relative(f.path), f.line, f.column, f.rule, f.message) for f in report.findings),
                  key=lambda r: (r[0], r[1], r[2]))
    return "".join(f"{p}:{line}:{col}:{rule}:{msg}\n" for p, line, col, rule, msg in rows)
