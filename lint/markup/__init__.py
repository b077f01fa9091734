"""Markup front ends: each turns a file's text into prose spans with original offsets.

A front end returns a :class:`Layout`: which character ranges of the original
text are prose, which prose blocks (paragraphs, headings, cells) there are, the
front matter and the comments. Nothing is copied or re-flowed, so every offset
found later in prose is an offset into the file.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Block:
    start: int
    end: int
    kind: str  # paragraph | heading | cell | item


@dataclass(frozen=True)
class Comment:
    start: int
    end: int
    body: str  # the text between <!-- and -->


@dataclass
class Layout:
    prose: list[tuple[int, int]] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    #: Inline code, entities, <br> and the like: not prose, but they stand in a sentence where a word would
    #: ("set it to `None` to turn it off") or part what is on either side ("foo<br>foo.html"), so the words
    #: on either side are not next to each other.
    literals: list[tuple[int, int]] = field(default_factory=list)
    front_matter: str | None = None
    front_matter_span: tuple[int, int] | None = None


def parse(text: str, fmt: str) -> Layout:
    if fmt == "markdown":
        from lint.markup.markdown import parse_markdown

        return parse_markdown(text)
    if fmt == "html":
        from lint.markup.html import parse_html

        return parse_html(text)
    from lint.markup.plain import parse_plain

    return parse_plain(text)
