"""JSON output; the field names are a contract that CI scripts rely on (version 1)."""

from __future__ import annotations

import json


def render(report, context) -> str:
    data = {
        "version": 1,
        "documents": [d.to_dict() for d in report.documents],
        "findings": [f.to_dict() for f in report.findings],
        "errors": [e.to_dict() for e in report.errors],
        # Added after version 1 (additive): what could not be checked and why; a document whose findings
        # of a family are missing because a service failed also says so in its "unavailable" list.
        "notices": list(report.notices),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
