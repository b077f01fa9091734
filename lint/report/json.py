"""JSON output; the field names are a contract that CI scripts rely on (version 1).

Each document, finding and error is encoded on its own line as soon as it is
reached, so an archive's report never holds a second, dictionary-shaped copy
of its hundred thousand findings in memory.
"""

from __future__ import annotations

import json


def _array(items) -> str:
    encoded = [json.dumps(item.to_dict(), ensure_ascii=False) for item in items]
    if not encoded:
        return "[]"
    return "[\n    " + ",\n    ".join(encoded) + "\n  ]"


def render(report, context) -> str:
    parts = [
        '{\n  "version": 1',
        '  "documents": ' + _array(report.documents),
        '  "findings": ' + _array(report.findings),
        '  "errors": ' + _array(report.errors),
        # Added after version 1 (additive): what could not be checked and why; a document whose findings
        # of a family are missing because a service failed also says so in its "unavailable" list.
        '  "notices": ' + json.dumps(list(report.notices), ensure_ascii=False),
    ]
    return ",\n".join(parts) + "\n}\n"
