"""Errors that stop a run or a file, each naming where the problem is."""

from __future__ import annotations


class CopydeskError(Exception):
    """Base for errors reported to the user with exit code 2."""


class ConfigError(CopydeskError):
    """A config file, rule pack or knowledge base that cannot be used as it is."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None, key: str | None = None):
        self.message = message
        self.path = path
        self.line = line
        self.key = key
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.path or "<config>"
        if self.line:
            where += f":{self.line}"
        key = f" (key '{self.key}')" if self.key else ""
        return f"{where}: {self.message}{key}"


class UsageError(CopydeskError):
    """A command-line option that cannot be used as given."""
