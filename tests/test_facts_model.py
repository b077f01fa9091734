"""Record fields added for issue #15: central-bank rates, acting holders, records nobody could verify."""

from __future__ import annotations

import textwrap

from conftest import run_cli


def _check(write, body):
    path = write("kb.yaml", textwrap.dedent(body))
    return run_cli("facts", "check", str(path))


RATE = """\
    facts:
      - id: boe.bank-rate.5-25
        topic: boe.bank-rate
        about: Bank of England Bank Rate
        value: "5.25%"
        rate: 5.25
        from: 2023-08-03
        until: 2024-08-01
        successor: boe.bank-rate.5-00
        source: https://www.bankofengland.co.uk/monetary-policy-summary-and-minutes/2023/august-2023
        verified: null
        unverified: "dates as known; the decision page could not be fetched here"
      - id: boe.bank-rate.5-00
        topic: boe.bank-rate
        about: Bank of England Bank Rate
        value: "5%"
        rate: [5, 5]
        acting: false
        from: 2024-08-01
        until: 2024-11-07
        source: https://www.bankofengland.co.uk/monetary-policy-summary-and-minutes/2024/august-2024
        verified: 2026-12-03
"""


def test_rate_records_and_unverified_records_are_accepted(write):
    from lint.facts.loader import KnowledgeBase, load_file, problems

    path = write("kb.yaml", textwrap.dedent(RATE))
    facts = load_file(str(path))
    assert facts[0].rate == (5.25, 5.25) and facts[0].verified is None and "could not" in facts[0].unverified
    assert facts[1].rate == (5.0, 5.0)
    assert problems(KnowledgeBase(facts)) == []  # a rate record needs no patterns: the policy-rate frame reads it


def test_verified_null_without_a_reason_is_an_error(write):
    result = _check(write, RATE.replace('        unverified: "dates as known; the decision page could not be fetched here"\n',
                                        ""))
    assert result.code == 2 and "unverified" in result.err and "kb.yaml:" in result.err


def test_a_rate_that_is_not_a_number_or_range_is_an_error(write):
    result = _check(write, RATE.replace("rate: 5.25", "rate: [5.5, 5.25]"))
    assert result.code == 2 and "rate must be" in result.err
