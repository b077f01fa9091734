#!/usr/bin/env python3
"""Turn published manuals into Markdown drafts, to measure the default rules on real edited prose.

    .venv/bin/python scripts/docs_corpus.py fetch [--into .cache/docs-corpus]
    .venv/bin/python scripts/docs_corpus.py convert [--into .cache/docs-corpus]

The source is Debian packages of professionally edited English documentation that nobody
tuned copydesk's rules on:

- ``debian-handbook`` (The Debian Administrator's Handbook, Raphaël Hertzog and Roland Mas; a
  published book, CC BY-SA / GPL): the ``en-US`` HTML pages;
- ``python3.11-doc`` (the Python 3.11 documentation, PSF licence): every page except the indexes;
- ``postgresql-doc-15`` (the PostgreSQL 15 manual, PostgreSQL licence) and ``git-doc`` (Git 2.39's
  manual pages, user manual and guides, GPL-2): converted after the rules of round 12 were frozen,
  as the unseen check of that round;
- ``rust-doc`` (The Rust Programming Language, by Steve Klabnik and Carol Nichols, MIT/Apache-2.0) and
  ``apache2-doc`` (the Apache HTTP Server 2.4 manual, Apache-2.0): likewise for round 13;
- ``gimp-help-en`` (the GIMP 2.10 user manual, GFDL) and ``gnucash-docs`` (the GnuCash Tutorial and
  Concepts Guide, GFDL): likewise for round 14.

``fetch`` downloads the two packages from Debian's archive with ``apt-get download`` (a step the
user runs once, by hand, like the shared corpora; copydesk itself never downloads anything) and
unpacks them. ``convert`` writes one Markdown draft per HTML page under ``INTO/md/``, keeping only
the page's prose: navigation, tables of contents, sidebars, permalink marks, code blocks and API
signatures are dropped, inline code stays inline code (which copydesk does not read). The drafts
are what ``scripts/eval_docs_precision.py`` checks and what the editors judged; their line numbers
are the keys of the judgements, so the conversion must stay deterministic.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_INTO = ROOT / ".cache" / "docs-corpus"

#: The package versions the judgements were made on (Debian 12 "bookworm").
PACKAGES = {"debian-handbook": "11.20220922", "python3.11-doc": "3.11.2-6+deb12u9",
            "postgresql-doc-15": "15.20-0+deb12u1", "git-doc": "1:2.39.5-0+deb12u3",
            "rust-doc": "1.63.0+dfsg1-2", "apache2-doc": "2.4.71-1~deb12u1",
            "gimp-help-en": "2.10.34-2", "gnucash-docs": "4.13-1"}
#: Where each manual's pages sit inside the unpacked packages, and its short name in the drafts' paths.
MANUALS = {
    "debian-handbook": "usr/share/doc/debian-handbook/html/en-US",
    "python-3.11": "usr/share/doc/python3.11/html",
    "postgresql-15": "usr/share/doc/postgresql-doc-15/html",
    "git-2.39": "usr/share/doc/git-doc",
    "rust-book": "usr/share/doc/rust-doc/html/book",
    "apache-2.4": "usr/share/doc/apache2-doc/manual/en",
    "gimp-2.10": "usr/share/gimp/2.0/help/en",
    "gnucash-guide": "usr/share/doc/gnucash-docs/gnucash-guide-en",
}
#: Pages that are lists or indexes, not prose.
_SKIP_PAGES = {
    "python-3.11": re.compile(r"(^|/)(genindex[^/]*|py-modindex|search|_static/.*|_sources/.*|_images/.*|_downloads/.*)\.html$"),
    "postgresql-15": re.compile(r"^(bookindex|index)\.html$"),
    "git-2.39": re.compile(r"^(index|howto-index)\.html$"),
    # The book's chapters; the other pages are redirects to its earlier editions.
    "rust-book": re.compile(r"^(?!(ch\d|appendix-)).*\.html$"),
    "apache-2.4": re.compile(r"^(index|sitemap|glossary)\.html$"),
}

_SKIP_TAGS = {"head", "script", "style", "nav", "pre", "svg", "math", "template", "noscript", "textarea"}
_SKIP_CLASSES = {
    # Publican (the handbook)
    "toc", "docnav", "navheader", "navfooter", "indexterm", "programlisting", "screen",
    # Sphinx (the Python docs)
    "sphinxsidebar", "related", "footer", "headerlink", "sig", "highlight", "doctest", "admonition-title",
    # DocBook XSL (PostgreSQL) and AsciiDoc (Git)
    "navheader", "navfooter", "listingblock", "literallayout",
    # Apache httpd's manual
    "toplang", "bottomlang", "permalink", "top", "menu",
}
#: Page furniture known by id: Apache's header, breadcrumb, quick view and footer; mdBook's menu and search.
_SKIP_IDS = {"page-header", "path", "quickview", "toc", "footer", "menu-bar", "menu-bar-hover-placeholder",
             "search-wrapper", "searchresults-outer", "sidebar"}
_CODE_TAGS = {"code", "kbd", "samp", "tt", "var"}
_CODE_CLASSES = {"literal", "filename", "command", "replaceable", "userinput", "computeroutput", "pkg", "email",
                 "url", "option", "varname", "function", "parameter", "envar", "systemitem", "prompt"}
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_BLOCKS = {"p", "li", "dt", "dd", "td", "th", "blockquote", "div", "section", "table", "tr", "ul", "ol", "dl",
           "caption", "figcaption", "body", "html", *_HEADINGS}
_EMPHASIS = {"em": "*", "i": "*", "strong": "**", "b": "**"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_NOT_ENGLISH = re.compile(r"<html\b[^>]*\blang=\"(?!en)", re.I)
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")


class _Prose(HTMLParser):
    """Collects the page's prose as Markdown blocks (one paragraph, heading or list item each)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.stack: list[tuple[str, str]] = []  # (tag, role): role is "skip", "code" or ""
        self.kind = ""
        self.buf: list[str] = []
        self.code: list[str] | None = None

    def _skipping(self) -> bool:
        return any(role == "skip" for _, role in self.stack)

    def _flush(self) -> None:
        text = re.sub(r"\s+", " ", "".join(self.buf)).strip()
        self.buf = []
        if text and re.search(r"[A-Za-z]", text.replace("<br>", "")):
            self.blocks.append(self.kind + text)
            self.kind = ""

    def handle_starttag(self, tag, attrs):
        if tag in _VOID:
            if tag == "br" and not self._skipping():
                self.buf.append("<br>")  # a line break in the page, kept as one: "foo<br>foo.html" is a list
            return
        attributes = dict(attrs)
        classes = set((attributes.get("class") or "").split())
        if self._skipping():
            self.stack.append((tag, "skip"))
            return
        if tag in _SKIP_TAGS or classes & _SKIP_CLASSES or attributes.get("id") in _SKIP_IDS:
            self.stack.append((tag, "skip"))
            return
        if tag in _BLOCKS:
            self._flush()  # a list item's "- " waits for the item's first paragraph
            if tag in _HEADINGS:
                self.kind = "#" * _HEADINGS[tag] + " "
            elif tag == "li":
                self.kind = "- "
            elif tag not in ("p", "div", "dd"):
                self.kind = ""
        if self.code is None and (tag in _CODE_TAGS or tag not in _BLOCKS and classes & _CODE_CLASSES):
            self.stack.append((tag, "code"))
            self.code = []
            return
        if tag in _EMPHASIS and self.code is None:
            self.stack.append((tag, f"emphasis:{len(self.buf)}"))
            return
        self.stack.append((tag, ""))

    def handle_endtag(self, tag):
        if not any(t == tag for t, _ in self.stack):
            return
        while self.stack:
            t, role = self.stack.pop()
            if role == "code" and self.code is not None:
                inner = re.sub(r"\s+", " ", "".join(self.code)).strip().replace("`", "'")
                if inner:
                    self.buf.append(f"`{inner}`")
                self.code = None
            if role.startswith("emphasis:"):
                self._emphasise(int(role.split(":")[1]), _EMPHASIS[t])
            if t == tag:
                break
        if tag in _BLOCKS and not self._skipping():
            self._flush()

    def _emphasise(self, at: int, mark: str) -> None:
        """Wrap what was collected since ``at`` in Markdown emphasis, white space kept outside."""
        inner = "".join(self.buf[at:])
        core = inner.strip()
        if at > len(self.buf) or not core:
            return
        lead, trail = inner[: len(inner) - len(inner.lstrip())], inner[len(inner.rstrip()):]
        self.buf[at:] = [f"{lead}{mark}{core}{mark}{trail}"]

    def handle_data(self, data):
        if self._skipping():
            return
        if self.code is not None:
            self.code.append(data)
            return
        self.buf.append(_MD_SPECIAL.sub(r"\\\1", data))

    def close(self):
        super().close()
        self._flush()


def page_markdown(html: str) -> str:
    parser = _Prose()
    parser.feed(html)
    parser.close()
    blocks = []
    for block in parser.blocks:
        # A paragraph that merely starts like Markdown syntax ("1. ", "+ ") must stay a paragraph.
        if not block.startswith(("#", "- ")):
            block = re.sub(r"^(\d+)([.)])", r"\1\\\2", block)
            block = re.sub(r"^([+#>=-])", r"\\\1", block)
        blocks.append(block)
    return "\n\n".join(blocks) + "\n" if blocks else ""


def pages(unpacked: Path) -> dict[str, Path]:
    """Draft path ("debian-handbook/apt.md") -> HTML page, for every page of both manuals."""
    out = {}
    for manual, sub in MANUALS.items():
        base = unpacked / sub
        if not base.is_dir():
            raise SystemExit(f"{base} is absent: run `scripts/docs_corpus.py fetch` first")
        for page in sorted(base.rglob("*.html")):
            rel = page.relative_to(base).as_posix()
            skip = _SKIP_PAGES.get(manual)
            if skip is not None and skip.search(rel):
                continue
            out[f"{manual}/{rel[:-5]}.md"] = page
    return out


def convert(into: Path) -> None:
    unpacked, md = into / "unpacked", into / "md"
    written = 0
    digest = hashlib.sha256()
    for rel, page in pages(unpacked).items():
        html = page.read_text(encoding="utf-8")
        if _NOT_ENGLISH.search(html):
            continue  # Apache's English folder falls back to a translation for a few pages
        text = page_markdown(html)
        if not text:
            continue
        target = md / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        digest.update(rel.encode() + b"\0" + text.encode())
        written += 1
    print(f"{written} drafts in {md}; sha256 of the set {digest.hexdigest()[:16]}")


def fetch(into: Path) -> None:
    debs = into / "debs"
    debs.mkdir(parents=True, exist_ok=True)
    for name, version in PACKAGES.items():
        subprocess.run(["apt-get", "download", f"{name}={version}"], cwd=debs, check=True)
    for deb in sorted(debs.glob("*.deb")):
        subprocess.run(["dpkg-deb", "-x", str(deb), str(into / "unpacked")], check=True)
    print(f"unpacked into {into / 'unpacked'}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("step", choices=["fetch", "convert"])
    ap.add_argument("--into", type=Path, default=DEFAULT_INTO, help=f"working folder (default {DEFAULT_INTO})")
    args = ap.parse_args(argv)
    (fetch if args.step == "fetch" else convert)(args.into)
    return 0


if __name__ == "__main__":
    sys.exit(main())
