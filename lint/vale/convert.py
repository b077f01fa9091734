"""Turning a draft into the HTML Vale walks: Markdown, reStructuredText or HTML itself."""

from __future__ import annotations

import re
from functools import lru_cache

from lint.errors import ConfigError

FRONT_MATTER = re.compile(r"\A(?:---|\+\+\+)[ \t]*\r?\n.*?\r?\n(?:---|\+\+\+|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
#: Info strings after a code fence (```json) are never prose.
_INFO = re.compile(r"`{3,}.+")

MARKUP = {".md": "markdown", ".markdown": "markdown", ".mdown": "markdown", ".mdx": "markdown",
          ".html": "html", ".htm": "html", ".xhtml": "html", ".rst": "rst", ".rest": "rst"}


def markup_of(ext: str) -> str:
    return MARKUP.get(ext.lower(), "text")


@lru_cache(maxsize=1)
def _markdown():
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": True, "xhtmlOut": False}).enable("table").enable("strikethrough")
    # As goldmark (Vale's Markdown renderer) writes them: ``<del>`` for strikethrough (an inline
    # element to Vale, where ``<s>`` would close the block), ``<br>`` and ``<img …>`` as start tags.
    md.add_render_rule("s_open", lambda *args: "<del>")
    md.add_render_rule("s_close", lambda *args: "</del>")
    _goldmark_footnotes(md)
    return md


def _goldmark_footnotes(md) -> None:
    """Footnotes (``[^1]``) as goldmark's Footnote extension, which Vale enables, writes them: the
    reference as its number, the notes as a list at the end, each ending in a back-link."""
    from mdit_py_plugins.footnote import footnote_plugin

    md.use(footnote_plugin)

    def number(tokens, idx):
        return int(tokens[idx].meta["id"]) + 1

    md.add_render_rule("footnote_ref", lambda self, tokens, idx, options, env: (
        f'<sup id="fnref:{number(tokens, idx)}"><a href="#fn:{number(tokens, idx)}" class="footnote-ref" '
        f'role="doc-noteref">{number(tokens, idx)}</a></sup>'))
    md.add_render_rule("footnote_block_open", lambda *args: '<div class="footnotes" role="doc-endnotes">\n<hr>\n<ol>\n')
    md.add_render_rule("footnote_block_close", lambda *args: "</ol>\n</div>\n")
    md.add_render_rule("footnote_open", lambda self, tokens, idx, options, env: f'<li id="fn:{number(tokens, idx)}">\n')
    md.add_render_rule("footnote_close", lambda *args: "</li>\n")
    md.add_render_rule("footnote_anchor", lambda self, tokens, idx, options, env: (
        f'&#160;<a href="#fnref:{number(tokens, idx)}" class="footnote-backref" role="doc-backlink">'
        '&#x21a9;&#xfe0e;</a>'))


def apply_ignores(text: str, block_ignores: list[str], token_ignores: list[str], fmt: str) -> str:
    """Vale's BlockIgnores/TokenIgnores: wrap matches as code so that they are not linted."""
    import regex

    fence, tick = ("\n```\n{}\n```\n", "`{}`") if fmt == "markdown" else ("\n::\n\n    {}\n", "``{}``")
    for patterns, wrap in ((block_ignores, fence), (token_ignores, tick)):
        for p in patterns:
            try:
                compiled = regex.compile(p, regex.V0)
            except regex.error as exc:
                raise ConfigError(f"malformed BlockIgnores/TokenIgnores pattern {p!r}: {exc}") from None
            text = compiled.sub(lambda m: wrap.format(m.group(1) if m.re.groups else m.group()), text)
    return text


def prepare(text: str, fmt: str, path: str, block_ignores: list[str], token_ignores: list[str]):
    """(the text to find converted prose in, the HTML to walk, the offset where prose may start).

    Front matter is not prose (Vale skips it too): it is blanked before conversion. Code fence info
    strings are masked so that a word in ```json is never found there.
    """
    source, start = text, 0
    if fmt == "markdown":
        source = mask_info_strings(text)
        fm = FRONT_MATTER.match(source)
        if fm:
            start = fm.end()
    converted = source
    if start:
        converted = "".join(c if c in "\r\n" else " " for c in source[:start]) + source[start:]
    if block_ignores or token_ignores:
        converted = apply_ignores(converted, block_ignores, token_ignores, fmt)
    return source, to_html(converted, fmt, path), start


def to_html(text: str, fmt: str, path: str) -> str:
    if fmt == "markdown":
        return _markdown().render(text)
    if fmt == "rst":
        return _rst_to_html(text, path)
    return text


def _rst_to_html(text: str, path: str) -> str:
    try:
        from docutils.core import publish_parts
        from docutils.writers.html4css1 import Writer
    except ImportError:  # pragma: no cover - docutils is a dependency
        raise ConfigError("reStructuredText needs docutils (pip install docutils)", path) from None
    settings = {"report_level": 5, "halt_level": 5, "file_insertion_enabled": False, "raw_enabled": False,
                "toc_backlinks": "none", "footnote_backlinks": False, "sectnum_xform": False,
                "warning_stream": False, "syntax_highlight": "none"}
    parts = publish_parts(text, source_path=path, writer=Writer(), settings_overrides=settings)
    return parts["html_title"] + parts["html_subtitle"] + parts["fragment"]


def mask_info_strings(text: str) -> str:
    return _INFO.sub(lambda m: "`" * (len(m.group()) - len(m.group().lstrip("`"))) + "*" * len(m.group().lstrip("`")),
                     text)
