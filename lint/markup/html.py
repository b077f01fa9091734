"""HTML: text content is prose; script, style, pre, code and the like are not."""

from __future__ import annotations

from html.parser import HTMLParser

from lint.markup import Block, Comment, Layout

_SKIP = {"script", "style", "pre", "code", "kbd", "samp", "var", "template", "noscript", "textarea", "svg", "math"}
_BLOCKS = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "blockquote", "div", "section",
    "article", "header", "footer", "dd", "dt", "figcaption", "caption", "title", "main", "aside",
    "ul", "ol", "table", "tr", "body", "html", "nav", "figure", "hr",
}
#: Skipped inline elements that stand where a word would ("set it to <code>None</code> to ...").
_INLINE_LITERALS = {"code", "kbd", "samp", "var"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _ProseCollector(HTMLParser):
    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self.text = text
        # html.parser counts lines by "\n" only; map its positions with the same rule.
        self.nl_starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
        self.layout = Layout()
        self.skip_stack: list[str] = []
        self.block_kind = "paragraph"
        self.block_start: int | None = None
        self.block_end = 0
        self.literal_start: int | None = None

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.nl_starts[line - 1] + col

    def _close_block(self) -> None:
        if self.block_start is not None and self.block_end > self.block_start:
            self.layout.blocks.append(Block(self.block_start, self.block_end, self.block_kind))
        self.block_start = None

    def handle_starttag(self, tag, attrs):
        if tag == "br":
            self._line_break()
        if tag in _BLOCKS:
            self._close_block()
            self.block_kind = "heading" if tag in {"h1", "h2", "h3", "h4", "h5", "h6", "title"} else (
                "cell" if tag in {"td", "th"} else "paragraph")
        if tag in _SKIP and tag not in _VOID:
            if not self.skip_stack and tag in _INLINE_LITERALS:
                self.literal_start = self._offset()
            self.skip_stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        if tag in _BLOCKS:
            self._close_block()
        if tag == "br":
            self._line_break()

    def _line_break(self) -> None:
        """A <br> separates what stands on either side: "foo<br>foo.html" lists two links, it does not double
        a word (the Apache manual, docs-unseen-2)."""
        if not self.skip_stack:
            start = self._offset()
            self.layout.literals.append((start, start + len(self.get_starttag_text() or "<br>")))

    def handle_endtag(self, tag):
        if tag in _BLOCKS:
            self._close_block()
        if self.skip_stack and tag in self.skip_stack:
            while self.skip_stack:
                if self.skip_stack.pop() == tag:
                    break
            if not self.skip_stack and self.literal_start is not None:
                self.layout.literals.append((self.literal_start, self._offset()))
                self.literal_start = None

    def handle_data(self, data):
        if self.skip_stack:
            return
        start = self._offset()
        end = start + len(data)
        if not data.strip():
            return
        self.layout.prose.append((start, end))
        if self.block_start is None:
            lead = len(data) - len(data.lstrip())
            self.block_start = start + lead
        self.block_end = end - (len(data) - len(data.rstrip()))

    def handle_entityref(self, name):
        self._entity(f"&{name};")

    def handle_charref(self, name):
        self._entity(f"&#{name};")

    def _entity(self, raw: str) -> None:
        # Entities stay out of prose (they would be read as words) but keep a block open.
        if not self.skip_stack and self.block_start is not None:
            self.block_end = self._offset() + len(raw)

    def handle_comment(self, data):
        start = self._offset()
        self.layout.comments.append(Comment(start, start + len(data) + 7, data))


def parse_html(text: str) -> Layout:
    collector = _ProseCollector(text)
    collector.feed(text)
    collector.close()
    collector._close_block()
    return collector.layout
