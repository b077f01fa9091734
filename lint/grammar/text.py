"""The text LanguageTool sees, and the way back to the draft.

A block's prose (markup, code and URLs already blanked by the markup front
end) is rebuilt from its prose spans alone: the markup between two spans is
dropped, so LanguageTool reads "the **bold** word" as "the bold word" and
"See `code` here" as "See here" - no doubled spaces, no code. Every character
of the rebuilt text remembers its offset in the file, so a match maps back to
the exact original line and column however much markup was removed.

LanguageTool counts offsets in UTF-16 code units; Python counts code points.
:class:`Utf16Index` converts, so an emoji (two units) never shifts a column.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

#: Characters after which, or before which, a removed piece of markup needs no space of its own.
_CLOSING = ",.;:!?)]}’”'\"…"


@dataclass(frozen=True)
class Piece:
    """Text to check and, for each of its characters, the offset in the draft it came from."""

    text: str
    origins: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """File offsets of [start, end) in this piece (code points)."""
        if end <= start:
            return self.origins[start], self.origins[start]
        return self.origins[start], self.origins[end - 1] + 1


def piece_for_block(text: str, prose_spans: list[tuple[int, int]], start: int, end: int,
                    span_starts: list[int] | None = None) -> Piece:
    """The prose of the block [start, end) of ``text``, with the markup between prose spans removed.

    ``span_starts`` (the start of every prose span) saves rebuilding that list for each block.
    """
    chars: list[str] = []
    origins: list[int] = []
    previous_end = None
    if span_starts is None:
        span_starts = [s for s, _ in prose_spans]
    lo = bisect_right(span_starts, start) - 1
    for span_start, span_end in prose_spans[max(lo, 0):]:
        if span_start >= end:
            break
        s, e = max(span_start, start), min(span_end, end)
        if e <= s:
            continue
        if previous_end is not None and s > previous_end and chars:
            _join(chars, origins, text[s], text[previous_end:s], previous_end)
        chars.extend(text[s:e])
        origins.extend(range(s, e))
        previous_end = e
    # Trim surrounding white space; line breaks inside a paragraph stay (LanguageTool reads them as spaces).
    while chars and chars[-1].isspace():
        chars.pop()
        origins.pop()
    first = 0
    while first < len(chars) and chars[first].isspace():
        first += 1
    return Piece("".join(chars[first:]), tuple(origins[first:]))


def _join(chars: list[str], origins: list[int], next_char: str, removed: str, removed_at: int) -> None:
    """Decide what stands where markup was removed between two prose spans."""
    before = chars[-1]
    if before.isspace():
        if next_char.isspace() or next_char in _CLOSING:
            # "See `code` here" -> "See here"; "use `x`, then" -> "use, then".
            chars.pop()
            origins.pop()
        return
    if next_char.isspace():
        return
    breaks = [i for i, c in enumerate(removed) if c.isspace()]
    if breaks:
        # A line break (a blockquote's "> ", a list's indent) or a space inside the markup keeps words apart.
        chars.append("\n" if "\n" in removed else " ")
        origins.append(removed_at + breaks[0])
    elif before.isalnum() and next_char.isalnum() and any(c.isalnum() for c in removed):
        # A removed word or tag between two words ("Text<br>after"): keep them apart.
        chars.append(" ")
        origins.append(removed_at)
    # Otherwise the markup was punctuation around a word ("un**believ**able", "[link](url).") and vanishes.


class Utf16Index:
    """Converts between code-point indexes and UTF-16 code-unit offsets in one string."""

    def __init__(self, text: str) -> None:
        # Code-point indexes of the characters outside the Basic Multilingual Plane (two UTF-16 units each).
        self.astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]

    def to_utf16(self, index: int) -> int:
        return index + bisect_left(self.astral, index)

    def to_index(self, unit: int) -> int:
        """The code-point index of UTF-16 offset ``unit`` (an offset inside a surrogate pair rounds down)."""
        lo, hi = 0, len(self.astral)
        # Find how many astral characters start before ``unit`` in UTF-16 terms.
        while lo < hi:
            mid = (lo + hi) // 2
            if self.astral[mid] + mid < unit:
                lo = mid + 1
            else:
                hi = mid
        index = unit - lo
        if lo and self.astral[lo - 1] + (lo - 1) + 1 == unit:
            index = self.astral[lo - 1]  # inside the pair: round down to the character
        return index
