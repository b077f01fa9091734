"""GitHub Actions workflow commands: one annotation per finding.

``::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message``. The
message is escaped as GitHub's toolkit escapes command data (``%``, ``\\r``,
``\\n``), property values also ``:`` and ``,``. GitHub only honours columns
when an annotation starts and ends on the same line, so columns are left out
of multi-line annotations. Severity ``info`` becomes a ``notice``.
"""

from __future__ import annotations

from lint.report._source import repository_path

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, **properties) -> str:
    props = ",".join(f"{k}={escape_property(str(v))}" for k, v in properties.items() if v is not None)
    return f"::{name}{' ' + props if props else ''}::{escape_data(message)}"


def annotation(f) -> str:
    same_line = f.line == f.end_line
    message = f.message
    if f.suggestions and all(s not in message for s in f.suggestions[:1]):
        message += " (suggestion: " + " | ".join(f.suggestions[:3]) + ")"
    return command(COMMANDS[str(f.severity)], message, file=repository_path(f.path), line=f.line,
                   col=f.column if same_line else None, endLine=f.end_line,
                   endColumn=f.end_column if same_line else None, title=f.rule)


def render(report, context) -> str:
    lines = [annotation(f) for f in report.findings]
    lines += [command("error", e.message, file=repository_path(e.path), title="copydesk: cannot check this file")
              for e in report.errors]
    lines += [command("warning", f"{family} findings unavailable: not checked in this file (see the run's notes)",
                      file=repository_path(d.path), title=f"copydesk: {family} not checked")
              for d in report.documents for family in d.unavailable]
    return "".join(line + "\n" for line in lines)
