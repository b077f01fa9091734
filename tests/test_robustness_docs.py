"""docs/robustness.md: every test it names exists, so no row of the table is backed by a test that is gone."""

from __future__ import annotations

import ast
import re

from conftest import ROOT

DOC = ROOT / "docs" / "robustness.md"


def named_tests() -> set[tuple[str, str]]:
    text = DOC.read_text(encoding="utf-8")
    found = set(re.findall(r"`(tests/[\w/]+\.py)::(\w+)", text))
    # A row may name further tests of the same file in its cell: `test_a`, `test_b`.
    for row in text.splitlines():
        files = re.findall(r"tests/[\w/]+\.py", row)
        if len(set(files)) == 1 and "::" in row:
            found |= {(files[0], name) for name in re.findall(r"`(test_\w+)", row)}
    return found


def functions_in(path: str) -> set[str]:
    tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
    return {node.name for node in tree.body if isinstance(node, ast.FunctionDef)}


def test_every_test_the_robustness_table_names_exists():
    named = named_tests()
    assert len(named) >= 20
    missing = [f"{path}::{name}" for path, name in sorted(named) if name not in functions_in(path)]
    assert missing == []


def test_the_services_table_names_existing_tests():
    """That table names its file once in the header; its rows name the functions."""
    text = DOC.read_text(encoding="utf-8")
    section = text[text.index("## LanguageTool failing"):text.index("## Property tests")]
    names = set(re.findall(r"`(test_\w+)", section))
    assert len(names) >= 8
    defined = functions_in("tests/test_grammar_failures.py") | functions_in("tests/test_grammar.py")
    assert sorted(names - defined) == []


def test_the_strange_drafts_table_names_existing_cases():
    from test_hostile_files import HOSTILE_DRAFTS

    text = DOC.read_text(encoding="utf-8")
    section = text[text.index("## Strange but valid drafts"):text.index("## Configs and rule packs")]
    cases = set(re.findall(r"`\[([\w.-]+)\]`", section))
    assert len(cases) >= 12
    assert sorted(cases - set(HOSTILE_DRAFTS)) == []


def test_readme_links_the_page():
    assert "docs/robustness.md" in (ROOT / "README.md").read_text(encoding="utf-8")
