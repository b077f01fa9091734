"""Offsets into a file's text and the 1-based line and column they stand at.

Every span in copydesk is a pair of offsets (code points) into the original
text. Lines end at ``\\n``, ``\\r\\n`` or a lone ``\\r``; columns count code
points from 1. Reporters that need UTF-16 columns (SARIF, LSP) convert with
:func:`utf16_column` in one place.
"""

from __future__ import annotations

from bisect import bisect_right


class LineIndex:
    """Maps offsets to (line, column) by bisecting a list of line starts."""

    __slots__ = ("text", "starts")

    def __init__(self, text: str) -> None:
        self.text = text
        starts = [0]
        i, n = 0, len(text)
        find = text.find
        # Find every line break once; a CRLF pair counts as one break.
        while True:
            j = _next_break(text, i, find)
            if j < 0:
                break
            if text[j] == "\r" and j + 1 < n and text[j + 1] == "\n":
                j += 1
            starts.append(j + 1)
            i = j + 1
        self.starts = starts

    def line_of(self, offset: int) -> int:
        """0-based line index of ``offset``."""
        return bisect_right(self.starts, offset) - 1

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of ``offset``; columns count code points."""
        line = self.line_of(offset)
        return line + 1, offset - self.starts[line] + 1

    def offset(self, line: int, column: int) -> int:
        """Inverse of :meth:`position`."""
        return self.starts[line - 1] + column - 1

    def line_span(self, line: int) -> tuple[int, int]:
        """Offsets of the start and end (before the line break) of 1-based ``line``."""
        start = self.starts[line - 1]
        end = self.starts[line] if line < len(self.starts) else len(self.text)
        while end > start and self.text[end - 1] in "\r\n":
            end -= 1
        return start, end

    @property
    def line_count(self) -> int:
        return len(self.starts)


def _next_break(text: str, start: int, find) -> int:
    lf = find("\n", start)
    cr = find("\r", start)
    if cr < 0:
        return lf
    if lf < 0:
        return cr
    return min(lf, cr)


def utf16_column(line_text: str, column: int) -> int:
    """Convert a 1-based code-point column within ``line_text`` to UTF-16 code units."""
    prefix = line_text[: column - 1]
    return column + sum(1 for ch in prefix if ord(ch) > 0xFFFF)
