"""Markdown through markdown-it-py: block source maps, then inline text aligned to the source.

markdown-it gives every block token its source lines. Inline tokens carry no
offsets, so their text is found again in the original, in order, from a cursor
that only moves forward; what lies between (emphasis markers, link targets,
container prefixes such as ``>`` or list bullets) stays out of prose. Code,
HTML, front matter, link targets, image sources, reference definitions and
bare URLs are never prose; link text and headings are.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lint.markup import Block, Comment, Layout
from lint.positions import LineIndex

_URL = re.compile(r"(?:https?://|ftp://|www\.)[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'\"]|[\w.+-]+@[\w-]+\.[\w.-]+\w")
_COMMENT = re.compile(r"<!--(.*?)-->", re.S)
_LINE_BREAK = re.compile(r"<br\s*/?>", re.I)
_BLOCK_KIND = {"paragraph_open": "paragraph", "heading_open": "heading", "th_open": "cell", "td_open": "cell"}


@lru_cache(maxsize=1)
def _parser():
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    md = MarkdownIt("commonmark").enable("table").enable("strikethrough").use(front_matter_plugin)
    # Keep escapes and entities as their own tokens so their source text can be skipped exactly.
    md.core.ruler.disable("text_join")
    return md


def parse_markdown(text: str) -> Layout:
    layout = Layout()
    index = LineIndex(text)
    tokens = _parser().parse(text)
    cursor = 0
    kind = "paragraph"
    line_range = (0, 0)
    for tok in tokens:
        if tok.map:
            line_range = (tok.map[0], tok.map[1])
        t = tok.type
        if t in _BLOCK_KIND:
            kind = _BLOCK_KIND[t]
        elif t == "front_matter":
            start = index.starts[tok.map[0]]
            end = _end_of_lines(index, tok.map[1], len(text))
            layout.front_matter = tok.content
            layout.front_matter_span = (start, end)
            cursor = max(cursor, end)
        elif t == "html_block":
            start = index.starts[tok.map[0]]
            end = _end_of_lines(index, tok.map[1], len(text))
            for m in _COMMENT.finditer(text, start, end):
                layout.comments.append(Comment(m.start(), m.end(), m.group(1)))
            cursor = max(cursor, end)
        elif t in ("fence", "code_block"):
            cursor = max(cursor, _end_of_lines(index, tok.map[1], len(text)))
        elif t == "inline":
            start = max(cursor, index.starts[line_range[0]])
            end = _end_of_lines(index, line_range[1], len(text))
            spans, cursor = _align_inline(tok.children or [], text, start, end, layout)
            if spans:
                layout.prose.extend(spans)
                layout.blocks.append(Block(spans[0][0], spans[-1][1], kind))
    return layout


def _end_of_lines(index: LineIndex, line: int, n: int) -> int:
    """Offset where 0-based ``line`` starts, or the end of text past the last line."""
    return index.starts[line] if line < len(index.starts) else n


def _align_inline(children, text: str, start: int, end: int, layout: Layout):
    spans: list[tuple[int, int]] = []
    cursor = start
    in_autolink = False
    for child in children:
        t = child.type
        if t == "text":
            if in_autolink:
                cursor = _skip(text, child.content, cursor, end)
                continue
            cursor = _take_text(text, child.content, cursor, end, spans)
        elif t == "text_special" and child.info == "escape":
            # "de\\_DE" reads "de_DE": the escaped character is prose, the backslash is not.
            after = _skip(text, child.markup, cursor, end)
            if after != cursor:
                spans.append((after - len(child.content), after))
            cursor = after
        elif t in ("code_inline", "text_special"):
            source = child.markup if t == "text_special" else child.content
            after = _skip(text, source, cursor, end)
            if after != cursor:
                layout.literals.append((after - len(source), after))
            cursor = after
        elif t == "html_inline":
            pos = text.find(child.content, cursor, end)
            if pos >= 0:
                m = _COMMENT.match(text, pos)
                if m:
                    layout.comments.append(Comment(m.start(), m.end(), m.group(1)))
                elif _LINE_BREAK.match(child.content):
                    layout.literals.append((pos, pos + len(child.content)))
                cursor = pos + len(child.content)
        elif t == "link_open":
            in_autolink = child.markup == "autolink"
            if in_autolink:
                cursor = _skip(text, "<", cursor, end)
        elif t == "link_close":
            if in_autolink:
                cursor = _skip(text, ">", cursor, end)
                in_autolink = False
            else:
                cursor = _skip_destination(text, cursor, end)
        elif t == "image":
            pos = text.find("![", cursor, end)
            if pos >= 0:
                close = _matching_bracket(text, pos + 1, end)
                cursor = _skip_destination(text, close if close > 0 else pos + 2, end)
    return spans, cursor


def _take_text(text: str, content: str, cursor: int, end: int, spans: list) -> int:
    if not content:
        return cursor
    pos = text.find(content, cursor, end)
    if pos >= 0:
        _add_prose(text, pos, pos + len(content), spans)
        return pos + len(content)
    # The source differs from the token (a rare normalisation): align word by word.
    for word in re.finditer(r"\S+", content):
        pos = text.find(word.group(), cursor, end)
        if pos >= 0:
            _add_prose(text, pos, pos + len(word.group()), spans)
            cursor = pos + len(word.group())
    return cursor


def _add_prose(text: str, start: int, end: int, spans: list) -> None:
    """Add [start, end) to prose, leaving bare URLs and e-mail addresses out."""
    for m in _URL.finditer(text, start, end):
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    if end > start:
        spans.append((start, end))


def _skip(text: str, source: str, cursor: int, end: int) -> int:
    if not source:
        return cursor
    pos = text.find(source, cursor, end)
    return pos + len(source) if pos >= 0 else cursor


def _matching_bracket(text: str, open_pos: int, end: int) -> int:
    """Offset just past the ``]`` that closes the ``[`` at ``open_pos``."""
    depth = 0
    i = open_pos
    while i < end:
        ch = text[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return -1


def _skip_destination(text: str, cursor: int, end: int) -> int:
    """Move past a link's closing ``]`` and its ``(destination "title")`` or ``[label]``."""
    close = text.find("]", cursor, end)
    if close < 0:
        return cursor
    i = close + 1
    if i < end and text[i] == "(":
        depth = 0
        while i < end:
            ch = text[i]
            if ch == "\\":
                i += 2
                continue
            if ch == "(":
                depth += 1
            elif ch == ")":
                depth -= 1
                if depth == 0:
                    return i + 1
            i += 1
        return close + 1
    if i < end and text[i] == "[":
        label_end = text.find("]", i, end)
        return label_end + 1 if label_end >= 0 else close + 1
    return close + 1
