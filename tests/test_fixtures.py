"""Every fixture under fixtures/<rule-or-prefix>/<case>.<ext> with its <case>.expected.

The folder name selects the rules (a rule id, or a prefix such as ``grammar``);
the expected file lists ``line:col rule-id``, one finding a line (empty: none).
Adding a fixture needs no new test code.
"""

from __future__ import annotations

import pytest

from conftest import FIXTURES
from lint.engine import Options, run
from lint.source import FORMATS


def _cases():
    for expected in sorted(FIXTURES.glob("*/*.expected")):
        drafts = [p for p in expected.parent.glob(expected.stem + ".*") if p.suffix.lower() in FORMATS]
        assert len(drafts) == 1, f"{expected}: needs exactly one draft beside it, found {drafts}"
        yield pytest.param(drafts[0], expected, id=f"{expected.parent.name}/{drafts[0].name}")


CASES = list(_cases())


def expected_lines(path) -> list[str]:
    lines = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()]
    return sorted(ln for ln in lines if ln and not ln.startswith("#"))


@pytest.mark.parametrize("draft,expected", CASES)
def test_fixture(draft, expected, request):
    selector = draft.parent.name
    if selector.startswith("grammar"):
        request.getfixturevalue("languagetool_server")
    check_fixture(draft, expected)


def check_fixture(draft, expected) -> None:
    """The draft's findings are exactly the expected ones, and every check really ran: a draft whose
    grammar LanguageTool did not answer for is marked unavailable, not errored, and its 'no findings'
    would otherwise pass a silent fixture."""
    report = run([str(draft)], Options(select=[draft.parent.name], jobs=1, use_cache=False))
    assert not report.errors, report.errors
    assert {d.path: d.unavailable for d in report.documents if d.unavailable} == {}, report.notices
    assert not [n for n in report.notices if "unavailable" in n or "not checked" in n], report.notices
    got = sorted(f"{f.line}:{f.column} {f.rule}" for f in report.findings)
    messages = "\n".join(f"{f.line}:{f.column} {f.rule} {f.message}" for f in report.findings)
    assert got == expected_lines(expected), f"findings were:\n{messages}"


def test_a_silent_grammar_fixture_fails_when_languagetool_did_not_answer(monkeypatch, tmp_path):
    """Nothing listens at the URL (and no answer is cached): the silent fixture must fail, not pass on the
    missing answer."""
    from lint.cache import CACHE_ENV
    from lint.grammar.server import free_port
    from lint.grammar.settings import URL_ENV

    monkeypatch.setenv(URL_ENV, f"http://127.0.0.1:{free_port()}")
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    draft = FIXTURES / "grammar.languagetool" / "clean-prose.md"
    assert expected_lines(draft.with_suffix(".expected")) == []
    with pytest.raises(AssertionError, match="unavailable"):
        check_fixture(draft, draft.with_suffix(".expected"))


def test_every_rule_has_fixtures_both_ways():
    from lint.rules import builtin_rules

    missing = []
    for rule in builtin_rules():
        folder = FIXTURES / rule.id
        cases = list(folder.glob("*.expected"))
        fires = [c for c in cases if expected_lines(c)]
        silent = [c for c in cases if not expected_lines(c)]
        if not fires or not silent:
            missing.append(f"{rule.id}: {'no fixture that fires ' if not fires else ''}"
                           f"{'no fixture that stays silent' if not silent else ''}")
    assert not missing, "\n".join(missing)
