"""A draft as Vale sees it: blocks of text with scopes, each character mapped back to the file.

Vale converts a draft to HTML (Markdown with goldmark, reST with docutils, HTML
as is) and walks the HTML tokens (``lintHTMLTokens`` in Vale v3.26.0's
``internal/lint/ast.go``); :func:`walk` follows it:

* a text token is trimmed of ASCII whitespace; after a closed inline element
  (or a comment) the source's own separator is kept, a space or a line break;
  otherwise text inside an inline element gets one leading space unless it
  starts with punctuation, and none after ``(``, ``[``, a dash or a no-break
  space;
* text in ``IgnoredScopes`` tags (``code``, ``tt``, ``kbd``, ``samp``) and link
  text that is the link's own URL is replaced by ``*`` of the same length; text
  in ``SkippedScopes`` tags (``pre``, ``script``, ``style``…) and in elements
  with an ignored class is left out, as is text in a ``vale off`` region;
* each non-inline end tag closes a block, and a non-inline start tag closes the
  text before it (a list item's own text before its nested list). Its scope
  comes from the tags opened since the previous block: ``li`` → ``text.list``,
  ``blockquote`` → ``text.blockquote``, ``th``/``td`` →
  ``text.table.header``/``cell``, ``h1``… → ``text.heading.h1``…; anything else
  is prose, linted as ``paragraph``, ``sentence`` and ``text`` blocks;
* ``strong``, ``em``, ``a`` and ``code`` text is also linted on its own
  (scopes ``strong``, ``emphasis``, ``link``, ``code``);
* ``img`` ``alt`` text is linted as ``text.attr.alt``.

Vale then finds each alert's text again in the file. copydesk instead carries
the file offset of every character it keeps (:class:`Aligner`: exact text,
entities and escapes decoded, link targets skipped), so an alert's position is
exact.
"""

from __future__ import annotations

import bisect
import re
import urllib.parse
from dataclasses import dataclass, field
from html.parser import HTMLParser

INLINE_TAGS = {"b", "big", "i", "small", "abbr", "acronym", "cite", "dfn", "em", "kbd", "strong", "a", "br", "img",
               "span", "sub", "sup", "code", "tt", "del", "q", "samp", "var"}
#: Elements that never hold content, so never stay open as containers.
VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
#: A text starting with one of these is not padded with a space after an inline element.
STARTERS = set(".?!,:;)]}—–")
#: Inline content right after one of these is not padded either (``(**x**)``, ``—**x**``).
TIGHT = set("([{—–")
TAG_TO_SCOPE = {"th": "text.table.header", "td": "text.table.cell", "caption": "text.table.caption",
                "li": "text.list", "blockquote": "text.blockquote", "figcaption": "text.figure.caption",
                "strong": "strong", "b": "strong", "a": "link", "em": "emphasis", "i": "emphasis", "code": "code"}
SKIP_CLASSES = ["problematic", "pre", "code"]
HEADING = re.compile(r"^h\d$")
_URL = re.compile(r"(?:https?|ftp)://[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'\"]")


@dataclass
class Text:
    """A string and, per character, its offset in the file (-1 where it has none)."""

    text: str = ""
    offsets: list[int] = field(default_factory=list)

    def __add__(self, other: "Text") -> "Text":
        return Text(self.text + other.text, self.offsets + other.offsets)

    def strip_left(self) -> "Text":
        n = len(self.text) - len(self.text.lstrip(" "))
        return Text(self.text[n:], self.offsets[n:])

    def slice(self, start: int, end: int) -> "Text":
        return Text(self.text[start:end], self.offsets[start:end])

    def offset_at(self, i: int) -> int:
        """File offset of character ``i``; an inserted character takes its nearest neighbour's."""
        n = len(self.offsets)
        for j in range(max(0, i), n):
            if self.offsets[j] >= 0:
                return self.offsets[j]
        for j in range(min(i, n) - 1, -1, -1):
            if self.offsets[j] >= 0:
                return self.offsets[j] + 1
        return -1


@dataclass
class Block:
    text: str
    offsets: Text
    scope: str
    parent: str


@dataclass
class Event:
    kind: str  # "block" | "comment" | "skipped"
    block: Block | None = None
    comment: str = ""
    #: For a structural block (no scope yet): the tags opened since the previous block, comma-separated.
    history: str = ""
    #: For a comment: where its text is in the file (-1 when not found).
    offset: int = -1


class Aligner:
    """Finds each piece of converted text again in the source, moving forward only."""

    def __init__(self, source: str, start: int = 0) -> None:
        self.source = source
        self.cursor = start
        #: Spans of the source that hold link targets and image sources, never prose (sorted).
        self._masked: list[tuple[int, int]] = []
        #: Targets of the element just opened, masked before the next text is looked for.
        self.pending: list[list[str]] = []

    def _find(self, text: str, start: int, end: int | None = None) -> int:
        """``source.find`` that skips occurrences overlapping a masked link target."""
        while True:
            pos = self.source.find(text, start) if end is None else self.source.find(text, start, end)
            if pos < 0 or not self._masked:
                return pos
            i = bisect.bisect_left(self._masked, (pos + len(text), -1)) - 1
            if i >= 0 and self._masked[i][1] > pos:
                start = pos + 1
                continue
            return pos

    def flush_pending(self, text: str) -> None:
        """Vale's ``flush``: a link's target (``href``, ``src``) is found in the source and masked, so
        that text later on is not found inside it (``v0.1.1`` in ``…compare/v0.1.0...v0.1.1``) — unless
        the text is the target itself (an autolink)."""
        for forms in self.pending:
            if text in forms:
                continue
            for form in forms:
                # Looked for near the cursor only: a target that is not there (a footnote's '#fn:1')
                # must not cost a search of the rest of the file per link.
                at = self._find(form, self.cursor, self.cursor + 4096 + len(form)) if form else -1
                if at >= 0:
                    bisect.insort(self._masked, (at, at + len(form)))
                    break
        self.pending = []

    def align(self, text: str) -> Text:
        if not text:
            return Text()
        pos = self._find(text, self.cursor)
        # Where the source spells a character as an entity or escape, the text may be there first.
        decoded = self._decoded(text)
        if decoded is not None and (pos < 0 or decoded[0] < pos):
            self.cursor = decoded[-1] + 1
            return Text(text, decoded)
        # Near the cursor, or long enough not to be found by chance further on (past a long
        # reference-definition list, say), an exact hit is the text's place.
        if pos >= 0 and (pos - self.cursor < 4096 or len(text) >= 12):
            return self._take(text, pos)
        if pos < 0:
            # A converter's trailing non-breaking space (goldmark's before a footnote's back-link) is
            # not in the source; text it moved after where it was written (footnotes go to the end)
            # is found before the cursor.
            core = text.rstrip()
            found = self._find(core, self.cursor) if core != text else -1
            if found < 0 or found - self.cursor >= 4096:
                found = self._find(core, 0, self.cursor) if len(core) >= 12 else -1
            if found >= 0:
                taken = self._take(core, found)
                return Text(text, taken.offsets + [-1] * (len(text) - len(core)))
        offsets = self._by_character(text)
        if pos >= 0 and all(o < 0 for o in offsets):
            return self._take(text, pos)
        return Text(text, offsets)

    _ESCAPED = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});|\\[!-/:-@\[-`{-~]")

    def _decoded(self, text: str) -> list[int] | None:
        """The text where the source spells characters as entities (``&mdash;``) or Markdown escapes
        (``\\*``): found in the source read with those decoded, each decoded character placed at its
        entity. None when it is not there either."""
        if not hasattr(self, "_plain"):
            import html

            chars, where, last = [], [], 0
            for m in self._ESCAPED.finditer(self.source):
                chars.append(self.source[last:m.start()])
                where.extend(range(last, m.start()))
                token = m.group()
                value = token[1] if token[0] == "\\" else html.unescape(token)
                chars.append(value)
                where.extend([m.start()] * len(value))
                last = m.end()
            chars.append(self.source[last:])
            where.extend(range(last, len(self.source)))
            self._plain, self._where = "".join(chars), where
            #: Characters that only an entity or escape put in the text (a text without any is found as is).
            self._special = set("".join(html.unescape(m.group()) if m.group()[0] == "&" else m.group()[1]
                                        for m in self._ESCAPED.finditer(self.source)))
        if len(self._plain) == len(self.source) or not any(c in text for c in "&\\" + "".join(self._special)):
            return None
        # The decoded source is never longer than the source: start the search no later than the cursor.
        lo = next((i for i in range(min(self.cursor, len(self._where) - 1), -1, -1)
                   if self._where[i] <= self.cursor), 0) if self._where else 0
        pos = self._plain.find(text, lo, lo + 4096 + len(text))
        if pos < 0 or self._where[pos] - self.cursor >= 4096:
            return None
        return self._where[pos:pos + len(text)]

    def _take(self, text: str, pos: int) -> Text:
        self.cursor = pos + len(text)
        return Text(text, list(range(pos, pos + len(text))))

    def _by_character(self, text: str) -> list[int]:
        """Where the source spells the text differently (entities, escapes, container prefixes such
        as ``> ``): each character is looked for a little ahead of the previous one."""
        offsets = []
        cur = self.cursor
        for ch in text:
            if ch.isspace():
                p = cur if cur < len(self.source) and self.source[cur].isspace() else -1
            else:
                p = self.source.find(ch, cur, cur + 200)
            offsets.append(p)
            if p >= 0:
                cur = p + 1
        self.cursor = cur
        return offsets


class _Tokens(HTMLParser):
    """HTML tokens in order: ("start", tag, attrs), ("end", tag), ("text", data), ("comment", data)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tokens: list[tuple] = []

    def handle_starttag(self, tag, attrs):
        self.tokens.append(("start", tag, dict(attrs)))

    def handle_startendtag(self, tag, attrs):
        # Go's tokenizer calls ``<br />`` a self-closing token: neither a start nor an end tag.
        self.tokens.append(("selfclose", tag, dict(attrs)))

    def handle_endtag(self, tag):
        self.tokens.append(("end", tag, {}))

    def handle_data(self, data):
        self.tokens.append(("text", data, {}))

    def handle_comment(self, data):
        self.tokens.append(("comment", data, {}))


def html_tokens(markup: str) -> list[tuple]:
    parser = _Tokens()
    parser.feed(markup)
    parser.close()
    return parser.tokens


def _classes_skip(value: str, skip: list[str]) -> bool:
    return any(c in skip for c in value.split(" ") if c)


def _context_scope(history: list[str], new: str, ext: str) -> str:
    root = history[0] if history else ""
    if root == "ul":
        root = "li"
    elif root == "p":
        root = ""
    scope = TAG_TO_SCOPE.get(root, "")
    if not scope and HEADING.match(root):
        scope = "text.heading." + root
    return ".".join(s for s in (scope, new) if s) + ext


def _leading_space(data: str) -> str:
    """Vale's ``leadingSpace``: the separator the source put before a text node."""
    if not data:
        return ""
    return "\n" if data[0] in "\n\r" else " " if data[0] in " \t" else ""


def _trailing_space(data: str) -> str:
    if not data:
        return ""
    return "\n" if data[-1] in "\n\r" else " " if data[-1] in " \t" else ""


def _mask(piece: Text) -> Text:
    return Text("".join("*" if c != "\n" else c for c in piece.text), piece.offsets)


def _is_nested_list(history: list[str], active: str) -> bool:
    last = history[-1] if history else active
    return last == "li" and len(history) > 3 and history[-2] in ("ol", "ul") and history[-3] == "li"


def walk(markup: str, aligner: Aligner, ext: str, ignored_scopes: list[str], skipped_scopes: list[str],
         ignored_classes: list[str]):
    """Yield Events (blocks with their scope, comments) in document order, as Vale's HTML walker
    (``lintHTMLTokens``) does."""
    skip_classes = SKIP_CLASSES + list(ignored_classes)
    skip_tags = list(skipped_scopes)
    buf = Text()
    history: list[str] = []
    active = ""
    inline = skip = in_block = False
    # The previous token closed an inline element (or was a comment): the next text's own leading
    # whitespace is then what the source had.
    closed_inline = False
    trailing = pad_comment = ""
    attr = parent_class = ""
    promoted: dict[str, int] = {}
    active_cls, cls_begin, cls_end = "", 0, 0
    off = False
    comment_cursor = 0

    def flush():
        return Event("block", Block(buf.text, buf, "", ""), history=",".join(history))

    for kind, data, attrs in html_tokens(markup):
        tag = data if kind in ("start", "end", "selfclose") else ""
        is_inline = tag in INLINE_TAGS
        # An element inside an inline one is phrasing content, whatever it is called.
        if kind == "start" and not is_inline and tag not in VOID_TAGS and any(t in INLINE_TAGS for t in history):
            promoted[tag] = promoted.get(tag, 0) + 1
            is_inline = True
        elif kind == "end" and not is_inline and promoted.get(tag, 0) > 0:
            promoted[tag] -= 1
            is_inline = True
        if tag and tag == active_cls:
            if kind == "start":
                cls_begin += 1
            elif kind == "end":
                cls_end += 1
        closed = active_cls != "" and cls_begin == cls_end and cls_begin > 0
        cls = attrs.get("class", "") or "" if kind in ("start", "selfclose") else ""
        skip_class = _classes_skip(cls, skip_classes)
        block_skip = skip_class and not is_inline
        if kind == "start" and not is_inline and (tag in skip_tags or block_skip):
            # A skipped element (code block, script, an ignored class): its text is not prose.
            if block_skip:
                active_cls, cls_begin, cls_end = tag, 1, 0
            in_block = True
            yield Event("skipped", history=tag)  # counted for metric rules (``pre``)
        elif in_block and (closed or (kind == "end" and not is_inline and tag in skip_tags)):
            # Only the skipped element's own end closes it (a ``code`` inside a ``pre`` does not).
            in_block = False
            if closed:
                active_cls, cls_begin, cls_end = "", 0, 0
        elif kind == "start":
            # Text before a block-level child belongs to the enclosing element (a tight list item's
            # own text before its nested list): it is linted now, under the parent's scope.
            if not is_inline and tag not in VOID_TAGS and buf.text.strip():
                yield flush()
                buf, history = Text(), []
            if tag in ("em", "b") and (history[-1] if history else active) == "code":
                tag = "code"
            inline = is_inline or tag in VOID_TAGS
            skip = tag in ignored_scopes or tag in skip_tags
            closed_inline, pad_comment = False, ""
            history.append(tag)
            active = tag
        elif kind == "end" and is_inline:
            if history and history[-1] == tag:
                history.pop()
            active = ""
            closed_inline, pad_comment = True, ""
        elif kind == "selfclose" and is_inline:
            inline, closed_inline = True, False
        elif kind == "comment":
            if not inline:
                closed_inline, pad_comment = True, trailing
            body = data.strip()
            if body == "vale off":
                off = True
            elif body == "vale on":
                off = False
            # Found from the previous comment on (Vale's commentAt), not from the block cursor.
            at = aligner.source.find(body, comment_cursor) if body else -1
            if at >= 0:
                comment_cursor = at + len(body)
            yield Event("comment", comment=body, offset=at)
        elif kind == "text":
            txt = data.strip(" \t\n\r\f\v")
            if aligner.pending:
                aligner.flush_pending(txt)
            piece = aligner.align(txt)
            if active in TAG_TO_SCOPE and active in INLINE_TAGS and txt:
                # strong/emphasis/link/code text is also linted on its own (inside code blocks too).
                scope = TAG_TO_SCOPE[active]
                yield Event("block", Block(txt, piece, scope + ext, _context_scope(history, scope, ext)))
                active = ""
            # Text inside a ``vale off`` region is left out of the block.
            if txt and not in_block and not off:
                masked = skip or _classes_skip(parent_class, skip_classes)
                if _is_nested_list(history, active) and not inline:
                    piece = Text(" ", [-1]) + piece
                sep = _leading_space(data)
                if closed_inline and not sep:
                    sep = pad_comment
                pad_comment = ""
                # Vale's ``clean``.
                starter = piece.text[0] in STARTERS and not masked
                if masked or attr == piece.text:
                    piece = _mask(piece)
                    skip = False
                else:
                    piece = _mask_urls(piece)
                if closed_inline and sep:
                    # The separator is the source's own whitespace before the text: placed there.
                    first = piece.offsets[0] if piece.offsets else -1
                    at = first - 1 if first > 0 and aligner.source[first - 1].isspace() else -1
                    piece = Text(sep, [at]) + piece
                elif not closed_inline and inline and not starter:
                    piece = Text(" ", [-1]) + piece
                closed_inline = False
                # No padding after an opening bracket or a dash, unless the source had a space there;
                # none after a non-breaking space either.
                if piece.text.startswith(" ") and buf.text and (
                        (trailing == "" and buf.text[-1] in TIGHT)
                        or (not buf.text[-1].isascii() and buf.text[-1].isspace())):
                    piece = piece.slice(1, len(piece.text))
                buf = buf + piece
            if not in_block and not off:
                trailing = _trailing_space(data)
        if kind == "end" and not is_inline:
            if buf.text.strip():
                yield flush()
            buf, history = Text(), []
        if kind in ("start", "selfclose") and tag in ("a", "img"):
            for key in ("href", "src"):
                value = attrs.get(key)
                if value:
                    forms = [value]
                    decoded = urllib.parse.unquote(value)
                    if decoded != value:
                        forms.append(decoded)
                    aligner.pending.append(forms)
        attr = (attrs.get("href", "") or "") if kind in ("start", "selfclose") else ""
        parent_class = cls
        if tag == "img" and kind in ("start", "selfclose") and attrs.get("alt") and "alt" not in skipped_scopes:
            alt = aligner.align(attrs["alt"])
            yield Event("block", Block(alt.text, alt, "text.attr.alt", "text.attr.alt"))
    if buf.text.strip():
        yield flush()


def _mask_urls(piece: Text) -> Text:
    """Bare URLs in text are masked: Vale's Markdown converter autolinks them, and a link whose text is
    its own target is masked. (``www.`` links keep their text: their target gains ``http://``.)"""
    if "://" not in piece.text:
        return piece
    text = _URL.sub(lambda m: "*" * len(m.group()), piece.text)
    return Text(text, piece.offsets)


def scope_of(history: str) -> str | None:
    """The structural scope for a block from its tag history, or None for prose."""
    for tag in history.split(","):
        if tag in TAG_TO_SCOPE and tag not in INLINE_TAGS:
            return TAG_TO_SCOPE[tag]
        if HEADING.match(tag):
            return "text.heading." + tag
    return None
