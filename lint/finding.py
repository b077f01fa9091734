"""Findings: what a rule reports, with its span and where it stands in the file."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import IntEnum

#: Line breaks and other vertical or tab whitespace, with the spaces around them.
_BREAKS = re.compile(r"[ ]*[\t\n\v\f\r\x85\u2028\u2029]+[ ]*")


def one_line(message: str) -> str:
    """A message on one line: each run of whitespace holding a line break or tab becomes one space.

    Matches quoted in messages may span lines ('critics\\nargue'); a raw line break would split a
    finding over two lines of text output and break line-based formats. Runs of plain spaces are
    kept (Vale messages quote them exactly).
    """
    return _BREAKS.sub(" ", message) if _BREAKS.search(message) else message


class Severity(IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, name: str) -> "Severity":
        return cls[name.upper()]

    def __str__(self) -> str:
        return self.name.lower()


SEVERITY_NAMES = ("error", "warning", "info")


@dataclass(frozen=True, slots=True)
class Fix:
    """Replace [start, end) of the original text with ``replacement``."""

    start: int
    end: int
    replacement: str


@dataclass(slots=True)
class Finding:
    rule: str
    severity: Severity
    message: str
    path: str
    start: int
    end: int
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0
    match: str = ""
    suggestions: list[str] = field(default_factory=list)
    fix: Fix | None = None
    #: Document-level findings (readability of the whole draft) count as changed
    #: whenever the document changed, in --diff mode.
    document_level: bool = False

    def sort_key(self):
        return (self.path, self.line, self.column, self.rule, self.end_line, self.end_column, self.message)

    def to_dict(self) -> dict:
        out = {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "rule": self.rule,
            "severity": str(self.severity),
            "message": self.message,
            "match": self.match,
            "suggestions": list(self.suggestions),
        }
        if self.fix is not None:
            out["fix"] = {"start": self.fix.start, "end": self.fix.end, "replacement": self.fix.replacement}
        return out
