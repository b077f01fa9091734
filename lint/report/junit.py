"""JUnit XML, for the test-report views of GitLab, Jenkins and others.

One ``<testsuite>`` per checked file; each finding is a failed ``<testcase>``
named by its rule and matched text (``style.wordy: "in order to"``), with
``#2``, ``#3`` … for repeats in the same file, so names are unique and do not
change when text is added above (test-history views then show a finding as new
only when it is); the line and column are in the case's ``line`` attribute and
failure text. A file without findings has one passing case, and a file that
could not be checked has an ``<error>``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict

#: Characters XML 1.0 cannot hold, even escaped.
_INVALID_XML = dict.fromkeys(c for c in range(0x20) if c not in (0x09, 0x0A, 0x0D))


def _clean(text: str) -> str:
    return text.translate(_INVALID_XML)


#: Longest matched text quoted in a test name.
NAME_MATCH_LIMIT = 60


def unique_names(findings) -> list[str]:
    used: set[tuple[str, str]] = set()
    names = []
    for f in findings:
        match = " ".join(f.match.split())
        if len(match) > NAME_MATCH_LIMIT:
            match = match[:NAME_MATCH_LIMIT - 1] + "…"
        base = f'{f.rule}: "{match}"' if match and not f.document_level else f.rule
        name, n = base, 1
        while (f.path, name) in used:
            n += 1
            name = f"{base} #{n}"
        used.add((f.path, name))
        names.append(name)
    return names


def render(report, context) -> str:
    by_path: dict[str, list] = defaultdict(list)
    for f, name in zip(report.findings, unique_names(report.findings), strict=True):
        by_path[f.path].append((f, name))
    errors_by_path: dict[str, list] = defaultdict(list)
    for e in report.errors:
        errors_by_path[e.path].append(e)
    paths = sorted({d.path for d in report.documents} | set(by_path) | set(errors_by_path))

    root = ET.Element("testsuites", name="copydesk")
    total = failures = errors = 0
    for path in paths:
        suite = ET.SubElement(root, "testsuite", name=_clean(path))
        cases = by_path.get(path, [])
        for f, name in cases:
            case = ET.SubElement(suite, "testcase", name=_clean(name), classname=_clean(path),
                                 file=_clean(path), line=str(f.line))
            failure = ET.SubElement(case, "failure", message=_clean(f.message), type=f.rule)
            body = f"{f.path}:{f.line}:{f.column}: {f.rule} [{f.severity}] {f.message}"
            if f.suggestions:
                body += "\nsuggestion: " + " | ".join(f.suggestions[:3])
            failure.text = _clean(body)
        file_errors = errors_by_path.get(path, [])
        for i, e in enumerate(file_errors, 1):
            case = ET.SubElement(suite, "testcase", name=f"cannot check this file{f' #{i}' if i > 1 else ''}",
                                 classname=_clean(path), file=_clean(path))
            ET.SubElement(case, "error", message=_clean(e.message), type="copydesk.file-error").text = _clean(
                f"{e.path}: {e.message}")
        if not cases and not file_errors:
            ET.SubElement(suite, "testcase", name="no problems", classname=_clean(path), file=_clean(path))
        n_tests = max(1, len(cases) + len(file_errors))
        suite.set("tests", str(n_tests))
        suite.set("failures", str(len(cases)))
        suite.set("errors", str(len(file_errors)))
        total, failures, errors = total + n_tests, failures + len(cases), errors + len(file_errors)
    root.set("tests", str(total))
    root.set("failures", str(failures))
    root.set("errors", str(errors))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
