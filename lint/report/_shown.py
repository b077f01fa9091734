"""Which findings a report shows: the min_severity filter (Vale's MinAlertLevel).

The text format is read by people, so by default it shows warnings and errors
only; info findings (prompts such as a long sentence or a repeated word) appear
with ``--min-severity info`` or ``min_severity: info`` in the config. Machine
formats (json, sarif, github, junit, rdjsonl, gitlab, vale-line) are read by
tools that filter for themselves, so they report every finding unless a
minimum is asked for, on the command line or in the config.

Only what is shown changes: the exit code is still decided by every finding
against ``--fail-on`` (default warning, so hidden info findings never fail a
run), and the text summary says how many findings were hidden.
"""

from __future__ import annotations

from dataclasses import replace

#: What the text format shows when neither the command line nor the config says.
DEFAULT_TEXT_MINIMUM = "warning"


def minimum_for(report, path: str, fmt: str, option: str | None) -> str | None:
    """The lowest severity shown for ``path``: --min-severity, else the governing config's min_severity,
    else warning for the text format and everything for the others."""
    if option:
        return option
    configured = getattr(report, "min_severity", {}).get(path)
    if configured:
        return configured
    return DEFAULT_TEXT_MINIMUM if fmt == "text" else None


def shown_report(report, fmt: str, option: str | None):
    """A copy of ``report`` holding only the findings shown; ``hidden`` counts the rest."""
    from lint.finding import Severity

    kept, hidden = [], 0
    limits: dict[str, int | None] = {}
    for f in report.findings:
        if f.path not in limits:
            level = minimum_for(report, f.path, fmt, option)
            limits[f.path] = Severity.parse(level) if level else None
        limit = limits[f.path]
        if limit is None or f.severity >= limit:
            kept.append(f)
        else:
            hidden += 1
    shown = replace(report, findings=kept)
    shown.hidden = hidden
    return shown
