"""The shipped knowledge base: size, coverage of every required group, and honest verification."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import run_cli

G20 = "ar au br ca cn fr de in id it jp kr mx ru sa za tr uk us".split()
EU = "at be bg hr cy cz dk ee fi fr de gr hu ie it lv lt lu mt nl pl pt ro sk si es se".split()
NATO = ("al be bg ca hr cz dk ee fi fr de gr hu is it lv lt lu me nl mk no pl pt ro sk si es se tr uk us").split()
HEADS = {"president", "prime-minister", "chancellor", "king", "monarch", "taoiseach", "grand-duke", "emperor",
         "premier"}
#: G7 foreign, defence and finance ministers, by the topic the base uses for each.
G7_MINISTERS = [
    "ca.foreign-minister", "ca.defence-minister", "ca.finance-minister",
    "fr.foreign-minister", "fr.defence-minister", "fr.finance-minister",
    "de.foreign-minister", "de.defence-minister", "de.finance-minister",
    "it.foreign-minister", "it.defence-minister", "it.finance-minister",
    "jp.foreign-minister", "jp.defence-minister", "jp.finance-minister",
    "uk.foreign-secretary", "uk.defence-secretary", "uk.chancellor",
    "us.secretary-of-state", "us.secretary-of-defense", "us.treasury-secretary",
]
ORG_LEADERS = ["un.secretary-general", "imf.managing-director", "worldbank.president", "wto.director-general",
               "who.director-general", "ecb.president", "fed.chair", "uk.boe-governor", "boj.governor",
               "nato.secretary-general", "eu.commission-president", "eu.council-president"]
RATES = ["fed.policy-rate", "ecb.deposit-rate", "boe.bank-rate", "boj.policy-rate"]
COUNTS_AND_TARGETS = ["nato.members", "eu.members", "eu.euro-area", "eu.schengen", "nato.spending-guideline",
                      "eu.climate-target-2030", "eu.climate-target-2050"]


@pytest.fixture(scope="module")
def kb():
    from lint.facts.loader import load_base

    return load_base()


def test_base_has_at_least_600_records_and_no_problems(kb):
    from lint.facts.loader import problems

    assert len(kb) >= 600
    assert problems(kb) == []


def _head_codes(kb) -> set[str]:
    return {t.split(".")[0] for t, tl in kb.by_topic.items()
            if tl[0].kind == "office" and t.split(".", 1)[1] in HEADS}


@pytest.mark.parametrize("group,codes", [("G20", G20), ("EU", EU), ("NATO", NATO)])
def test_every_member_has_a_head_of_state_or_government(kb, group, codes):
    missing = sorted(set(codes) - _head_codes(kb))
    assert not missing, f"{group} members without a head of state or government: {missing}"


def test_g20_and_nato_heads_of_government_and_state_both_where_they_differ(kb):
    # Parliamentary systems track both offices: the head of government and the head of state.
    for code, offices in {"de": ("chancellor", "president"), "it": ("prime-minister", "president"),
                          "in": ("prime-minister", "president"), "jp": ("prime-minister", "emperor"),
                          "es": ("prime-minister", "king"), "pl": ("prime-minister", "president"),
                          "cn": ("president", "premier"), "ru": ("president", "prime-minister")}.items():
        for office in offices:
            assert f"{code}.{office}" in kb.by_topic, f"{code}.{office}"


@pytest.mark.parametrize("topic", G7_MINISTERS + ORG_LEADERS + COUNTS_AND_TARGETS)
def test_required_topic_is_present_with_history(kb, topic):
    timeline = kb.by_topic.get(topic)
    assert timeline, topic
    assert len(timeline) >= 2, f"{topic}: current holder and at least one predecessor"


@pytest.mark.parametrize("topic", RATES)
def test_policy_rates_cover_every_day_since_2022_with_a_decision_source(kb, topic):
    timeline = kb.by_topic[topic]
    assert all(f.rate is not None for f in timeline)
    # no gap: each record ends the day the next begins, from before 2022 to an open last record
    assert timeline[0].start <= dt.date(2022, 1, 1)
    for before, after in zip(timeline, timeline[1:]):
        assert before.end == after.start and before.successor == after.id, before.id
    assert timeline[-1].end is None and timeline[-1].horizon >= dt.date(2025, 10, 1)
    # each decision cites its own page, except the ECB whose press-release addresses cannot be derived
    if topic != "ecb.deposit-rate":
        sources = [f.source for f in timeline[1:]]
        assert len(set(sources)) == len(sources), "one source per decision"


def test_rate_changes_since_2022_are_all_there(kb):
    since = {t: [f for f in kb.by_topic[t] if f.start >= dt.date(2022, 1, 1)] for t in RATES}
    # Fed: 11 rises in 2022-23, 3 cuts in 2024, 2 cuts in Sep-Oct 2025; ECB: 10 rises, 8 cuts;
    # BoE: 13 rises from Feb 2022 to Aug 2023, 5 cuts to Aug 2025; BoJ: Mar 2024, Jul 2024, Jan 2025.
    assert {t: len(v) for t, v in since.items()} == {"fed.policy-rate": 16, "ecb.deposit-rate": 18,
                                                       "boe.bank-rate": 18, "boj.policy-rate": 3}
    assert kb.at("fed.policy-rate", dt.date(2025, 6, 1)).rate == (4.25, 4.5)
    assert kb.at("ecb.deposit-rate", dt.date(2025, 6, 5)).rate == (2.0, 2.0)
    assert kb.at("boe.bank-rate", dt.date(2023, 12, 1)).rate == (5.25, 5.25)


def test_every_record_is_sourced_and_says_whether_anyone_checked_it(kb):
    today = dt.date.today()
    for fact in kb.facts:
        assert fact.source.startswith("https://"), fact.id
        if fact.verified is None:
            assert len(fact.unverified) >= 20, f"{fact.id}: say why it was not checked"
        else:
            assert fact.verified <= today and not fact.unverified, fact.id


def test_open_offices_are_claimed_only_as_far_as_known(kb):
    for fact in kb.facts:
        if fact.kind == "office" and fact.end is None and fact.verified is None:
            assert fact.holds_through is not None, f"{fact.id}: an unchecked open term needs holds_through"


def test_facts_stale_on_the_shipped_base_explains_every_entry():
    result = run_cli("facts", "stale", "--today", "2026-12-03")
    assert result.code == 0, result.out
    assert "Unverified (" in result.out
    assert "unverified: compiled without web access" in result.out
    assert "0 of " in result.out.splitlines()[-1]
    strict = run_cli("facts", "stale", "--today", "2026-12-03", "--strict")
    assert strict.code == 1


def test_spot_checks_of_dates_that_flag_copy(kb):
    on = dt.date.fromisoformat
    assert kb.at("kr.president", on("2025-05-01")) is None  # acting presidents between Yoon and Lee
    assert kb.at("kr.president", on("2025-06-04")).holder == "Lee Jae-myung"
    assert kb.at("uk.defence-secretary", on("2024-07-04")).holder == "Grant Shapps"
    assert kb.at("uk.defence-secretary", on("2024-07-05")).holder == "John Healey"
    assert kb.at("uk.shadow-chancellor", on("2023-01-01")).holder == "Rachel Reeves"
    assert kb.at("at.chancellor", on("2025-02-01")).acting
    assert kb.at("eu.council-presidency", on("2024-12-31")).id == "eu.council-presidency.2024-h2-hungary"
