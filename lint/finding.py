"""Findings: what a rule reports, with its span and where it stands in the file."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum


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
