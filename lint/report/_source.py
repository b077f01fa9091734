"""Line text and column units for reporters that need more than a finding carries.

copydesk's columns count code points. SARIF counts UTF-16 code units and
reviewdog counts UTF-8 bytes; the conversion happens here, once, for every
reporter. The text comes from ``Report.texts`` (kept when the engine ran with
``keep_text=True``), else the file is read again; if it cannot be read,
code-point columns are the best answer left and are returned unchanged.
"""

from __future__ import annotations

import os
import posixpath
from pathlib import Path

from lint.positions import LineIndex, utf16_column

UNITS = ("code-points", "utf-16", "utf-8")


def repository_path(path: str) -> str:
    """``path`` as CI systems match it against a repository: relative, forward slashes, no ``./``.

    An absolute path below the working folder is made relative to it (run copydesk
    from the repository's root); other absolute paths are left as they are.
    """
    p = Path(path)
    if p.is_absolute():
        try:
            p = p.relative_to(Path.cwd())
        except ValueError:
            return p.as_posix()
    return posixpath.normpath(p.as_posix().replace(os.sep, "/"))


def convert_column(line_text: str, column: int, unit: str) -> int:
    """A 1-based code-point column within ``line_text`` in another ``unit``."""
    if unit == "utf-16":
        return utf16_column(line_text, column)
    if unit == "utf-8":
        return len(line_text[: column - 1].encode("utf-8", "surrogatepass")) + 1
    return column


class SourceLines:
    """The lines of each reported file, read once per render."""

    def __init__(self, report) -> None:
        self._texts = report.texts
        self._index: dict[str, LineIndex | None] = {}

    def index(self, path: str) -> LineIndex | None:
        if path not in self._index:
            text = self._texts.get(path)
            if text is None and path != "-":
                from lint.source import SourceError, read_source

                try:
                    text = read_source(path).text
                except SourceError:
                    text = None
            self._index[path] = LineIndex(text) if text is not None else None
        return self._index[path]

    def text(self, path: str) -> str | None:
        index = self.index(path)
        return index.text if index is not None else None

    def line(self, path: str, line: int) -> str | None:
        """The text of 1-based ``line`` without its line break, or None when unknown."""
        index = self.index(path)
        if index is None or not 1 <= line <= index.line_count:
            return None
        start, end = index.line_span(line)
        return index.text[start:end]

    def column(self, path: str, line: int, column: int, unit: str) -> int:
        text = self.line(path, line)
        return column if text is None else convert_column(text, column, unit)

    def columns(self, finding, unit: str) -> tuple[int, int]:
        """(start column, exclusive end column) of ``finding`` in ``unit``."""
        return (self.column(finding.path, finding.line, finding.column, unit),
                self.column(finding.path, finding.end_line, finding.end_column, unit))

    def position(self, path: str, offset: int, unit: str) -> tuple[int, int] | None:
        """1-based (line, column in ``unit``) of an offset, or None when the text is unknown."""
        index = self.index(path)
        if index is None:
            return None
        line, column = index.position(offset)
        return line, self.column(path, line, column, unit)
