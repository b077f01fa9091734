"""GitLab Code Quality report (``artifacts: reports: codequality``).

A JSON array of issues with ``description``, ``check_name``, ``severity``,
``location.path`` and ``location.lines.begin``, and a ``fingerprint`` that
stays the same while the finding does: it is derived from the rule, the path
and the matched text with its context (see :mod:`lint.baseline`), not from
line numbers, so GitLab's merge-request widget shows a finding as new only
when it is.
"""

from __future__ import annotations

import json

from lint.report._source import SourceLines, repository_path

#: The engine keeps the drafts' text for this format (columns in other units, fingerprints).
NEEDS_TEXT = True

SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}
#: Code Climate categories (which GitLab shows) by rule family; anything else is Style.
CATEGORIES = {"facts": "Bug Risk", "dates": "Bug Risk", "claims": "Bug Risk", "grammar": "Clarity",
              "readability": "Clarity", "repetition": "Duplication"}


def render(report, context) -> str:
    from lint.baseline import fingerprints

    lines = SourceLines(report)
    issues = []
    for f, fingerprint in zip(report.findings, fingerprints(report.findings, lines.text), strict=True):
        issues.append({
            "type": "issue",
            "description": f"{f.rule}: {f.message}",
            "check_name": f.rule,
            "categories": [CATEGORIES.get(f.rule.split(".", 1)[0], "Style")],
            "severity": SEVERITIES[str(f.severity)],
            "fingerprint": fingerprint[:32],  # 128 bits, the length of the MD5 GitLab suggests
            "location": {"path": repository_path(f.path), "lines": {"begin": f.line, "end": f.end_line}},
        })
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"
