"""Property tests over the whole pipeline: no exception escapes, spans are inside the file,
line:col round-trips to the offset, and one or two jobs agree.

The budget is fixed for CI; run longer locally with HYPOTHESIS_PROFILE=long.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lint.document import Document
from lint.engine import Checker, Options, check_document, run
from lint.positions import LineIndex

settings.register_profile("ci", max_examples=60, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
settings.register_profile("long", max_examples=2000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

PIECES = [
    "```", "~~~", "```python\n", "    code\n", "> ", "> > ", "- ", "  - ", "1. ", "* ", "# ", "## ", "---\n",
    "<!-- ", " -->", "<!-- copydesk-disable -->", "<!-- copydesk-enable -->", "<!-- copydesk-disable-next-line -->",
    "<div>", "</div>", "<p>", "</p>", "<script>", "</script>", "<pre>", "</pre>", "<br/>", "&amp;", "&#x1F600;",
    "[link](http://x.com/a)", "![img](a.png)", "[ref]: http://r\n", "<http://auto.link>", "`code`", "**", "_",
    "| a | b |\n|---|---|\n", "\r\n", "\r", "\n", "\n\n", "\ufeff", "\u200b", "\u200f", "\u202e", "\u0301",
    "😀", "é", "“", "”", "\t", "in order to ", "the the ", "TK ", "Defence ", "defense ", "December 11, 2025 ",
    "Friday, ", "2% of GDP ", "Dr. Smith ", "U.S. ", "No. 10 ", "experts say ", "\\*", "a" * 300,
    # Deep nesting, bidi isolates and joiners, a long line of words (issue #10's hostile shapes).
    "> " * 60, "- " * 60, "  " * 40 + "- ", "<div>" * 60, "```\n> - ", "\u2066", "\u2069", "\u200d", "\u061c",
    "in order to the the " * 200,
]
texts = st.one_of(
    st.text(max_size=400),
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), max_size=60).map("".join),
)
formats = st.sampled_from(["markdown", "text", "html"])


def _check_invariants(doc: Document, findings) -> None:
    index = LineIndex(doc.text)
    for f in findings:
        assert 0 <= f.start <= f.end <= len(doc.text)
        assert (f.line, f.column) == index.position(f.start)
        assert index.offset(f.line, f.column) == f.start
        assert index.offset(f.end_line, f.end_column) == f.end
        assert f.match == doc.text[f.start:f.end]


_CHECKER = Checker(Options(jobs=1))


@given(texts, formats)
def test_pipeline_never_raises_and_spans_round_trip(text, fmt):
    doc = Document("p." + {"markdown": "md", "text": "txt", "html": "html"}[fmt], text, fmt)
    assert len(doc.prose) == len(text)
    for start, end in doc.layout.prose:
        assert 0 <= start <= end <= len(text)
    for s in doc.sentences:
        assert 0 <= s.start < s.end <= len(text)
    from lint.dateline import resolve_as_of

    resolve_as_of(doc, None, None)
    config = _CHECKER.resolver.for_path(doc.path)
    from lint.engine import effective_rules

    checks, _, _ = _CHECKER.cache.checks(config, effective_rules(config, _CHECKER.options, doc.path))
    findings, errors = check_document(doc, checks)
    # No error of any kind: a rule that "took too long" on a few thousand characters is a fault (a pattern
    # that backtracks), not a tolerable outcome; the regex time limit is far above what a linear pattern needs.
    assert errors == [], errors
    _check_invariants(doc, findings)


@settings(max_examples=8)
@given(st.lists(st.tuples(texts, formats), min_size=4, max_size=8))
def test_one_and_two_jobs_agree(tmp_path_factory, drafts):
    folder = tmp_path_factory.mktemp("jobs")
    for i, (text, fmt) in enumerate(drafts):
        ext = {"markdown": "md", "text": "txt", "html": "html"}[fmt]
        (folder / f"d{i}.{ext}").write_text(text, encoding="utf-8", errors="surrogatepass")
    one = run([str(folder)], Options(jobs=1))
    two = run([str(folder)], Options(jobs=2))
    assert [f.to_dict() for f in one.findings] == [f.to_dict() for f in two.findings]
    assert [e.to_dict() for e in one.errors] == [e.to_dict() for e in two.errors]
    # Drafts that are not UTF-8 are input errors; a rule that failed or took too long is never acceptable.
    assert not [e for e in one.errors if e.message.startswith("rule ")], one.errors
