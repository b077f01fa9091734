"""reviewdog's rdjsonl: one JSON ``Diagnostic`` a line (``reviewdog -f=rdjsonl``).

Columns count UTF-8 bytes and ranges end exclusively, as reviewdog's
Diagnostic Format specifies; fixes become ``suggestions``, which reviewdog
posts as suggested changes on a pull request.
"""

from __future__ import annotations

import json

from lint.report._source import SourceLines, repository_path

#: The engine keeps the drafts' text for this format (columns in other units, fingerprints).
NEEDS_TEXT = True

SEVERITIES = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}


def _position(line: int, column: int) -> dict:
    return {"line": line, "column": column}


def diagnostic(f, lines: SourceLines, rule_docs: dict) -> dict:
    start, end = lines.columns(f, "utf-8")
    out = {
        "message": f.message,
        "location": {"path": repository_path(f.path),
                     "range": {"start": _position(f.line, start), "end": _position(f.end_line, end)}},
        "severity": SEVERITIES[str(f.severity)],
        "source": {"name": "copydesk"},
        "code": {"value": f.rule},
    }
    rule = rule_docs.get(f.rule)
    if rule is not None:
        from lint.report.sarif import help_uri

        url = help_uri(rule)
        if url:
            out["code"]["url"] = url
    if f.fix is not None:
        first = lines.position(f.path, f.fix.start, "utf-8")
        last = lines.position(f.path, f.fix.end, "utf-8")
        if first and last:
            out["suggestions"] = [{"range": {"start": _position(*first), "end": _position(*last)},
                                   "text": f.fix.replacement}]
    return out


def render(report, context) -> str:
    lines = SourceLines(report)
    docs = context.rule_docs or {}
    return "".join(json.dumps(diagnostic(f, lines, docs), ensure_ascii=False) + "\n" for f in report.findings)
