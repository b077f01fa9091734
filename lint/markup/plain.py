"""Plain text: everything is prose except copydesk's own comment lines."""

from __future__ import annotations

import re

from lint.markup import Block, Comment, Layout

_COMMENT = re.compile(r"<!--(.*?)-->", re.S)
_BLANK_LINES = re.compile(r"(?:[ \t]*(?:\r\n|\r|\n)){2,}")


def parse_plain(text: str) -> Layout:
    layout = Layout()
    cursor = 0
    for m in _COMMENT.finditer(text):
        layout.comments.append(Comment(m.start(), m.end(), m.group(1)))
        if m.start() > cursor:
            layout.prose.append((cursor, m.start()))
        cursor = m.end()
    if cursor < len(text):
        layout.prose.append((cursor, len(text)))
    mask = _comment_mask(text, layout.comments)
    start = 0
    for m in _BLANK_LINES.finditer(mask):
        _add_block(layout, mask, start, m.start())
        start = m.end()
    _add_block(layout, mask, start, len(mask))
    return layout


def _comment_mask(text: str, comments: list[Comment]) -> str:
    if not comments:
        return text
    parts, cursor = [], 0
    for c in comments:
        parts.append(text[cursor:c.start])
        parts.append(re.sub(r"[^\r\n]", " ", text[c.start:c.end]))
        cursor = c.end
    parts.append(text[cursor:])
    return "".join(parts)


def _add_block(layout: Layout, text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        layout.blocks.append(Block(start, end, "paragraph"))
