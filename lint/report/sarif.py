"""SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

Every rule that fired is described in ``tool.driver.rules`` (id, short and full
description, the rule's page as help text, a help URI when its docs cite one).
Regions count UTF-16 code units (``columnKind: utf16CodeUnits``) and
``endColumn`` is exclusive, as the specification says; the conversion from
copydesk's code-point columns is done in :mod:`lint.report._source`.
Results carry a ``partialFingerprints`` entry that survives edits elsewhere in
the file (see :mod:`lint.baseline`), and their fixes as SARIF ``fixes``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import quote

from lint import __version__
from lint.report._source import SourceLines, repository_path

#: The engine keeps the drafts' text for this format (columns in other units, fingerprints).
NEEDS_TEXT = True

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/copydesk/"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
_URL = re.compile(r"https?://[^\s)>\]\"']+")


def artifact_uri(path: str) -> dict:
    """An artifactLocation relative to %SRCROOT% (the working folder); paths outside it become file: URIs."""
    p = Path(repository_path(path))
    if p.is_absolute():
        return {"uri": p.as_uri()}
    return {"uri": quote(p.as_posix(), safe="/"), "uriBaseId": "%SRCROOT%"}


def help_uri(rule) -> str | None:
    docs = rule.docs or {}
    for key in ("url", "sources", "source"):
        value = docs.get(key)
        for item in value if isinstance(value, list) else [value]:
            m = _URL.search(str(item or ""))
            if m:
                return m.group().rstrip(".,;")
    return None


def friendly_name(rule_id: str) -> str:
    """SARIF's 'friendly name': one Pascal-case identifier (style.consistent-spelling -> StyleConsistentSpelling)."""
    return "".join(part[:1].upper() + part[1:] for part in re.split(r"[^A-Za-z0-9]+", rule_id) if part)


def rule_descriptor(rule_id: str, rule) -> dict:
    if rule is None:
        return {"id": rule_id, "shortDescription": {"text": rule_id}}
    from lint.commands.explain import page

    docs = rule.docs or {}
    summary = str(rule.summary)
    full = " ".join(str(docs[k]).strip() for k in ("summary", "why") if docs.get(k)) or summary
    descriptor = {
        "id": rule.id,
        "name": friendly_name(rule.id),
        "shortDescription": {"text": summary},
        "fullDescription": {"text": full},
        "help": {"text": page(rule)},
        "defaultConfiguration": {"level": LEVELS[str(rule.severity)], "enabled": bool(rule.enabled)},
        "properties": {"tags": [rule.id.split(".", 1)[0]], "kind": rule.kind},
    }
    uri = help_uri(rule)
    if uri:
        descriptor["helpUri"] = uri
    return descriptor


def _location(lines: SourceLines, f) -> dict:
    """The finding's region and, as its context, the whole lines it stands on."""
    start_col, end_col = lines.columns(f, "utf-16")
    region = {"startLine": f.line, "startColumn": start_col, "endLine": f.end_line, "endColumn": end_col}
    if f.match:
        region["snippet"] = {"text": f.match}
    location = {"artifactLocation": artifact_uri(f.path), "region": region}
    last = f.end_line - 1 if f.end_line > f.line and f.end_column == 1 else f.end_line
    context_lines = [lines.line(f.path, n) for n in range(f.line, last + 1)]
    if all(text is not None for text in context_lines):
        location["contextRegion"] = {"startLine": f.line, "endLine": last,
                                     "snippet": {"text": "\n".join(context_lines)}}
    return location


def _fix_region(lines: SourceLines, path: str, start: int, end: int) -> dict | None:
    first, last = lines.position(path, start, "utf-16"), lines.position(path, end, "utf-16")
    if first is None or last is None:
        return None
    return {"startLine": first[0], "startColumn": first[1], "endLine": last[0], "endColumn": last[1]}


def render(report, context) -> str:
    from lint.baseline import fingerprints

    lines = SourceLines(report)
    docs = context.rule_docs or {}
    rule_ids = sorted({f.rule for f in report.findings})
    rule_index = {rid: i for i, rid in enumerate(rule_ids)}
    prints = fingerprints(report.findings, lines.text)
    results = []
    for f, fingerprint in zip(report.findings, prints, strict=True):
        message = f.message
        if f.suggestions and all(s not in message for s in f.suggestions[:1]):
            message += " (suggestion: " + " | ".join(f.suggestions[:3]) + ")"
        result = {
            "ruleId": f.rule,
            "ruleIndex": rule_index[f.rule],
            "level": LEVELS[str(f.severity)],
            "message": {"text": message},
            "locations": [{"physicalLocation": _location(lines, f)}],
            "partialFingerprints": {"copydesk/v1": fingerprint},
        }
        if f.fix is not None:
            region = _fix_region(lines, f.path, f.fix.start, f.fix.end)
            if region is not None:
                result["fixes"] = [{
                    "description": {"text": f"Replace with {f.fix.replacement!r}"},
                    "artifactChanges": [{"artifactLocation": artifact_uri(f.path),
                                         "replacements": [{"deletedRegion": region,
                                                           "insertedContent": {"text": f.fix.replacement}}]}],
                }]
        results.append(result)
    notifications = [{"level": "error", "message": {"text": e.message},
                      "locations": [{"physicalLocation": {"artifactLocation": artifact_uri(e.path)}}]}
                     for e in report.errors]
    # A family that could not run on a document (LanguageTool down) is said, never left as a clean result.
    notifications += [{"level": "warning",
                       "message": {"text": f"{family} findings unavailable: not checked in this file"},
                       "locations": [{"physicalLocation": {"artifactLocation": artifact_uri(d.path)}}]}
                      for d in report.documents for family in d.unavailable]
    run = {
        "tool": {"driver": {"name": "copydesk", "version": __version__, "semanticVersion": __version__,
                            "informationUri": INFORMATION_URI,
                            "rules": [rule_descriptor(rid, docs.get(rid)) for rid in rule_ids]}},
        "invocations": [{"executionSuccessful": not report.errors, "toolExecutionNotifications": notifications}],
        "columnKind": "utf16CodeUnits",
        "results": results,
    }
    data = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
