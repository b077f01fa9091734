"""Document: a draft's original text and what copydesk reads in it.

``prose`` is the original text with everything that is not prose (markup,
code, comments, URLs, front matter) replaced by spaces, line breaks kept. It
has the same length as ``text``, so an offset found in prose is an offset in
the file, and a pattern can match across markup ("the **the**") without any
mapping step. Blocks, sentences and words are spans into the same text.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cached_property

import regex

from lint.lazy_pattern import LazyPattern
from lint.markup import Block, Layout, parse
from lint.positions import LineIndex

#: A word: letters and digits, with inner apostrophes and hyphens ("don't", "well-known").
WORD = regex.compile(r"[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*")
#: A run of characters within one line (what prose blanks out, keeping the line breaks).
_LINE_RUN = re.compile(r"[^\r\n]+")


def _spaces(m: re.Match) -> str:
    return " " * (m.end() - m.start())


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    block: int  # index into Document.blocks


class Document:
    def __init__(self, path: str, text: str, fmt: str = "markdown") -> None:
        self.path = path
        self.text = text
        self.format = fmt
        self.index = LineIndex(text)
        self.layout: Layout = parse(text, fmt)
        self.as_of: dt.date | None = None
        self.as_of_source: str | None = None

    # -- positions -----------------------------------------------------------
    def position(self, offset: int) -> tuple[int, int]:
        return self.index.position(offset)

    # -- prose ---------------------------------------------------------------
    @cached_property
    def prose(self) -> str:
        """The text with everything but prose blanked out; same length, same line breaks."""
        text = self.text
        blank = _LINE_RUN.sub(_spaces, text)
        pieces, pos = [], 0
        for start, end in sorted(self.layout.prose):  # spans may overlap: each character is copied once
            start = max(start, pos)
            if end <= start:
                continue
            pieces += (blank[pos:start], text[start:end])
            pos = end
        pieces.append(blank[pos:])
        return "".join(pieces)

    @cached_property
    def _literals(self) -> tuple[list[tuple[int, int]], list[int]]:
        """``Layout.literals`` in order, and their starts (for bisection)."""
        spans = sorted(self.layout.literals)
        return spans, [s for s, _ in spans]

    def literal_between(self, start: int, end: int) -> bool:
        """Whether inline code or another literal lies between two offsets (see ``Layout.literals``)."""
        spans, starts = self._literals
        first = bisect_left(starts, start)
        if first < len(starts) and starts[first] < end:
            return True  # one starts between them
        return first > 0 and spans[first - 1][1] > start  # the one before runs into them (spans do not overlap)

    def literals_in(self, start: int, end: int) -> tuple[str, ...]:
        """The text of every literal that starts between two offsets ("`list(...)`")."""
        spans, starts = self._literals
        return tuple(self.text[s:e] for s, e in spans[bisect_left(starts, start):bisect_left(starts, end)])

    @property
    def blocks(self) -> list[Block]:
        return self.layout.blocks

    @cached_property
    def paragraphs(self) -> list[Block]:
        """Prose blocks that are running text (not headings or table cells)."""
        return [b for b in self.layout.blocks if b.kind == "paragraph"]

    @cached_property
    def sentences(self) -> list[Sentence]:
        """The sentences of every block, from the segmenter, with two kinds of break undone: a full stop with
        no white space after it ("Character.AI said": a name, heldout-g) and a lower-case word after "?" or "!"
        ("Which? has argued")."""
        from sentencex import segment

        out: list[Sentence] = []
        prose = self.prose
        for i, block in enumerate(self.layout.blocks):
            offset = block.start
            glued = False  # the previous piece ended in a full stop with no white space after it
            for piece in segment("en", prose[block.start:block.end]):
                start, end = offset, offset + len(piece)
                offset = end
                was_glued, glued = glued, piece.endswith(".")
                while start < end and prose[start].isspace():
                    start += 1
                while end > start and prose[end - 1].isspace():
                    end -= 1
                if end <= start:
                    continue
                if out and out[-1].block == i and (was_glued and prose[start].isalnum()
                                                   or _continues_after_mark(prose, out[-1].end, start)):
                    out[-1] = Sentence(out[-1].start, end, i)
                else:
                    out.append(Sentence(start, end, i))
        return out

    def words(self, start: int = 0, end: int | None = None):
        """Word matches in prose between two offsets."""
        if start == 0 and end is None:
            return iter(self._all_words)
        return WORD.finditer(self.prose, start, len(self.text) if end is None else end)

    @cached_property
    def _all_words(self) -> list:
        """Every word match of the whole prose, found once (the word count and the tokens both need them)."""
        return list(WORD.finditer(self.prose, 0, len(self.text)))

    @cached_property
    def word_count(self) -> int:
        return len(self._all_words)

    @cached_property
    def front_matter(self) -> dict:
        raw = self.layout.front_matter
        if not raw:
            return {}
        import yaml

        try:
            data = yaml.safe_load(raw)
        except yaml.YAMLError as exc:
            # Not a fallback to "no date": a draft judged at today's date instead of its own gets wrong
            # facts and dates findings (heldout-f: "President Joe Biden" in a story dated 2024-10-18 whose
            # title held a colon). Static-site generators refuse such a header too.
            from lint.source import SourceError

            raise SourceError(self._front_matter_error(exc)) from None
        except ValueError as exc:  # a YAML date that is no real date: `date: 2025-02-29`
            from lint.source import SourceError

            raise SourceError(f"front matter: {_impossible_date(raw)} is not a real date ({exc})") from None
        return data if isinstance(data, dict) else {}

    def _front_matter_error(self, exc) -> str:
        """'front matter, line N: not valid YAML (…)', with the usual cause named."""
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        where = ""
        if mark is not None and self.layout.front_matter_span is not None:
            first = self.index.line_of(self.layout.front_matter_span[0]) + 2  # 1-based, the line after the opening ---
            where = f", line {first + mark.line}"
        hint = ""
        if problem.startswith("mapping values are not allowed"):
            hint = '; a value that holds ": " needs quotes, e.g. title: "Lead: the story"'
        return f"front matter{where}: not valid YAML ({problem}){hint}"

    def snippet(self, start: int, end: int) -> str:
        return self.text[start:end]


#: A question or exclamation mark, then any closing quotes or brackets.
_MARK_END = LazyPattern(r"[?!][\"”’')\]]*$")  # compiled on first use: every start-up imports this module


def _continues_after_mark(prose: str, previous_end: int, start: int) -> bool:
    """Is a break after "?" or "!" false because the next piece goes on in lower case?

    The segmenter ends a sentence at every question or exclamation mark; in edited copy a lower-case
    word after one continues the sentence: the consumer group "Which? has argued", "Yahoo! said",
    "“Why?” she asked". (Sentence case is what copy desks enforce, so a real sentence after "?" starts
    with a capital.)
    """
    return prose[start].islower() and _MARK_END.search(prose, max(0, previous_end - 4), previous_end) is not None


def _impossible_date(raw: str) -> str:
    """The first ``key: YYYY-MM-DD`` line of front matter whose date does not exist, for the error."""
    import re

    for line in raw.splitlines():
        m = re.match(r"\s*([^:#]+):\s*['\"]?(\d{4})-(\d{1,2})-(\d{1,2})", line)
        if m:
            try:
                dt.date(int(m[2]), int(m[3]), int(m[4]))
            except ValueError:
                return f"{m[1].strip()}: {m[2]}-{m[3]}-{m[4]}"
    return "a date"
