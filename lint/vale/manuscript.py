"""Plain-text manuscripts with chapters, read as Vale v3.26.0 reads them (its ``txtdoc.go``).

A ``.txt`` file with a line of its own reading "Chapter One", "Prologue", "Part II" or a bare number is
a document: such lines are headings (``h2``; "Part"/"Book"/"Act"/"Volume" lines ``h1``), a lone line of
``***`` is a scene break, a short first line right before a chapter is the title (``h1``), and every
other run of lines between blank lines is a paragraph. A file with no chapter line is plain prose.
"""

from __future__ import annotations

import html
import re

_CHAPTER = re.compile(r"(?i)^(?:chapter|prologue|epilogue|interlude|afterword|foreword|preface)\b[^.!?]{0,60}$")
_PART = re.compile(r"(?i)^(?:part|book|act|volume)\b[^.!?]{0,60}$")
_NUMBER = re.compile(r"^(?:\d{1,3}|[IVXLC]{1,7})\.?$")
_BREAK = re.compile(r"^(?:[*#~-]\s*){3,}$")


def _one_line(paragraph: str) -> str | None:
    text = paragraph.strip()
    if not text or "\n" in text:
        return None
    return text


def _is_chapter(line: str | None) -> bool:
    return line is not None and bool(_CHAPTER.search(line) or _NUMBER.search(line))


def text_to_html(content: str) -> str | None:
    """The manuscript as HTML, or None when it has no chapter line (then it is read as plain prose)."""
    paras = content.split("\n\n")
    if not any(_is_chapter(_one_line(p)) for p in paras):
        return None
    out = []
    for i, p in enumerate(paras):
        text = p.strip()
        if not text:
            continue
        line = _one_line(p)
        if line is not None and _PART.search(line):
            out.append(f"<h1>{html.escape(line)}</h1>\n")
        elif _is_chapter(line):
            out.append(f"<h2>{html.escape(line)}</h2>\n")
        elif line is not None and _BREAK.search(line):
            out.append("<hr>\n")
        elif line is not None and i == 0 and len(line.split()) <= 12 and _chapter_next(paras):
            out.append(f"<h1>{html.escape(line)}</h1>\n")
        else:
            out.append(f"<p>{html.escape(text)}</p>\n")
    return "".join(out)


def _chapter_next(paras: list[str]) -> bool:
    for p in paras[1:]:
        if not p.strip():
            continue
        line = _one_line(p)
        return line is not None and bool(_CHAPTER.search(line) or _NUMBER.search(line) or _PART.search(line))
    return False
