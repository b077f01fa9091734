"""Text output: ``path:line:col: severity RULE-ID message``, one finding a line, then a summary.

The location comes first so editors and terminals can jump to it; the severity word (error,
warning, info) is printed on every line, as ESLint and Vale do, so it survives without colour.
"""

from __future__ import annotations

from collections import Counter


def format_finding(f, color: bool = False) -> str:
    loc = f"{f.path}:{f.line}:{f.column}:"
    severity, rule = str(f.severity), f.rule
    if color:
        tint = {"error": "31", "warning": "33", "info": "36"}[severity]
        loc, severity = f"\x1b[1m{loc}\x1b[0m", f"\x1b[{tint}m{severity}\x1b[0m"
    line = f"{loc} {severity} {rule} {f.message}"
    if f.suggestions and all(s not in f.message for s in f.suggestions[:1]):
        line += " (suggestion: " + " | ".join(f.suggestions[:3]) + ")"
    return line


def summary(report) -> str:
    files = len(report.documents)
    n = len(report.findings)
    counts = Counter(str(f.severity) for f in report.findings)
    noun = "file" if files == 1 else "files"
    if n == 0:
        text = f"No problems found in {files} {noun}."
    else:
        parts = [f"{counts[s]} {s}{'s' if counts[s] != 1 else ''}" for s in ("error", "warning", "info") if counts[s]]
        text = f"Found {n} problem{'s' if n != 1 else ''} ({', '.join(parts)}) in {files} {noun}."
    hidden = getattr(report, "hidden", 0)
    if hidden:
        text += (f" {hidden} lower-severity finding{'s' if hidden != 1 else ''} not shown"
                 f" (--min-severity info shows {'them' if hidden != 1 else 'it'}).")
    if report.errors:
        text += f" {len(report.errors)} file error{'s' if len(report.errors) != 1 else ''}."
    families: dict[str, int] = Counter(family for d in report.documents for family in d.unavailable)
    for family, count in sorted(families.items()):
        text += f" {family.capitalize()} not checked in {count} file{'s' if count != 1 else ''} (see the note)."
    return text


def render(report, context) -> str:
    lines = [format_finding(f, context.color) for f in report.findings]
    lines += [f"{e.path}: error: {e.message}" for e in report.errors]
    lines.append(summary(report))
    return "\n".join(lines) + "\n"
