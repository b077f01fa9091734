"""The documentation corpus (scripts/docs_corpus.py, scripts/eval_docs_precision.py): the conversion keeps a
page's prose and only its prose, and the split of pages is fixed (issue #16).

The judged figures are in docs/precision.md; the manuals themselves are fetched by hand from Debian's
archive (``scripts/docs_corpus.py fetch``), so the tests that need them skip, saying why, when they are absent.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import docs_corpus  # noqa: E402
import eval_docs_precision  # noqa: E402

JUDGEMENTS = ROOT / "tests" / "data" / "precision" / "docs-judgements"

SPHINX_PAGE = """<html><head><title>os — Miscellaneous</title></head><body>
<div class="related" role="navigation"><ul><li><a href="index.html">index</a></li></ul></div>
<div class="body" role="main">
<h1>Using <code class="docutils literal"><span class="pre">os</span></code><a class="headerlink" href="#x">¶</a></h1>
<p>Set <em>flags</em> to <code class="docutils literal"><span class="pre">None</span></code> to turn it off.</p>
<div class="highlight"><pre>import os
os.getcwd()</pre></div>
<dl class="py function"><dt class="sig sig-object py">os.getcwd()</dt>
<dd><p>Return the current directory.</p></dd></dl>
<ul><li><p>1. A list item.</p></li></ul>
<p>1. Not a list.</p>
</div>
<div class="footer">© Copyright 2001-2023.</div>
</body></html>"""


def test_a_page_keeps_its_prose_and_drops_navigation_code_and_signatures():
    assert docs_corpus.page_markdown(SPHINX_PAGE) == (
        "# Using `os`\n\n"
        "Set *flags* to `None` to turn it off.\n\n"
        "Return the current directory.\n\n"
        "- 1. A list item.\n\n"
        "1\\. Not a list.\n")


def test_a_page_in_another_language_is_left_out_and_page_furniture_is_dropped():
    assert docs_corpus._NOT_ENGLISH.search('<html lang="pt-br"><body><p>Configurando o servidor.</p></body></html>')
    assert not docs_corpus._NOT_ENGLISH.search('<html lang="en-US">')
    page = ('<body><div id="page-header"><p class="menu">Modules | Directives</p></div><div id="path">Apache &gt; '
            'HTTP Server</div><p>Binding to addresses.</p><div id="footer"><p>Copyright 2025</p></div></body>')
    assert docs_corpus.page_markdown(page) == "Binding to addresses.\n"


def test_a_line_break_stays_one_and_a_cell_of_line_breaks_is_no_block():
    # "foo<br>foo.html" lists two links (the Apache manual); a space would have made "foo foo" a double.
    page = "<table><tr><td>foo<br>foo.html</td><td><br></td></tr></table>"
    assert docs_corpus.page_markdown(page) == "foo<br>foo.html\n"


def test_publican_navigation_and_index_terms_are_not_prose():
    page = ('<body><ul class="docnav"><li class="previous"><a href="a.html"><strong>Prev</strong></a></li></ul>'
            '<div class="toc"><dl><dt>6.1. Filling in</dt></dl></div>'
            '<p>APT is the <a class="indexterm" id="i1"></a>Advanced Packaging Tool, see <code class="filename">'
            '/etc/apt</code>.</p><pre class="screen">$ apt update</pre></body>')
    assert docs_corpus.page_markdown(page) == "APT is the Advanced Packaging Tool, see `/etc/apt`.\n"


def test_the_split_is_fixed_by_the_path_and_the_later_manuals_are_all_unseen():
    assert eval_docs_precision.half_of("debian-handbook/apt.md") == eval_docs_precision.half_of("debian-handbook/apt.md")
    halves = {eval_docs_precision.half_of(f"debian-handbook/page-{i}.md") for i in range(40)}
    assert halves == {"docs-tune", "docs-heldout"}
    assert eval_docs_precision.half_of("postgresql-15/tutorial-start.md") == "docs-unseen"
    assert eval_docs_precision.half_of("git-2.39/user-manual.md") == "docs-unseen"
    assert eval_docs_precision.half_of("rust-book/ch04-01-what-is-ownership.md") == "docs-unseen-2"
    assert eval_docs_precision.half_of("apache-2.4/bind.md") == "docs-unseen-2"


def test_reference_pages_and_changelogs_are_left_out():
    chosen = eval_docs_precision.chosen
    assert chosen("python-3.11/tutorial/classes.md") and chosen("python-3.11/glossary.md")
    assert not chosen("python-3.11/library/os.md") and not chosen("python-3.11/whatsnew/3.11.md")
    assert not chosen("python-3.11/contents.md")
    assert chosen("postgresql-15/tutorial-start.md") and not chosen("postgresql-15/sql-select.md")
    assert chosen("git-2.39/user-manual.md") and chosen("git-2.39/howto/revert-a-faulty-merge.md")
    assert not chosen("git-2.39/git-commit.md")
    assert chosen("apache-2.4/howto/htaccess.md") and not chosen("apache-2.4/mod/core.md")


def test_docs_judgements_are_well_formed_and_unique():
    keys = set()
    for file in sorted(JUDGEMENTS.glob("*.jsonl")):
        for n, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1):
            row = json.loads(line)
            assert row["verdict"] in ("true", "arguable", "false"), (file.name, n)
            assert row["reason"].strip(), (file.name, n)
            assert row["severity"] in ("warning", "error"), (file.name, n)
            assert row["rule"].split(".")[0] == file.name.split(".")[0], (file.name, n)
            key = (row["path"], row["rule"], row["line"], row["match"])
            assert key not in keys, (file.name, n)
            keys.add(key)
    assert len(keys) >= 250


def test_the_evaluation_skips_with_the_reason_when_the_manuals_are_absent(tmp_path, capsys):
    assert eval_docs_precision.main(["--into", str(tmp_path)]) == 0
    assert "is absent" in capsys.readouterr().out


@pytest.mark.skipif(not (docs_corpus.DEFAULT_INTO / "md").is_dir(),
                    reason=f"{docs_corpus.DEFAULT_INTO / 'md'} is absent (scripts/docs_corpus.py fetch, then convert)")
def test_every_docs_judgement_matches_a_current_finding_or_is_reported_stale(capsys):
    assert eval_docs_precision.main(["--half", "all"]) == 0
    assert "docs-heldout" in capsys.readouterr().out
