"""The facts knowledge base, its judgement at the draft's date, and ``copydesk facts``."""

from __future__ import annotations

import datetime as dt
import textwrap

import pytest

from conftest import FIXTURES, ROOT, run_cli
from lint.engine import Options, run

HAGUE = "https://www.nato.int/cps/en/natohq/official_texts_236705.htm"
MODEL_DRAFT = ROOT / "examples" / "nato-draft.md"


def _facts_findings(path, **options):
    report = run([str(path)], Options(select=["facts"], jobs=1, **options))
    assert not report.errors, report.errors
    return report.findings


# -- the knowledge base ------------------------------------------------------------------------

def test_shipped_base_has_at_least_60_sourced_facts_and_no_problems():
    from lint.facts.loader import load_base, problems

    kb = load_base()
    assert len(kb) >= 60
    assert problems(kb) == []
    for fact in kb.facts:
        assert fact.source.startswith("https://"), fact.id
        assert (fact.verified is None and fact.unverified) or fact.verified <= dt.date.today(), fact.id


def test_key_dates_of_the_model_case():
    from lint.facts.loader import load_base

    kb = load_base()
    on = dt.date.fromisoformat
    assert kb.at("nato.spending-guideline", on("2025-06-24")).id == "nato.spending-guideline.2pct"
    assert kb.at("nato.spending-guideline", on("2025-06-25")).id == "nato.spending-guideline.5pct"
    assert kb.at("nato.members", on("2023-04-03")).count == 30
    assert kb.at("nato.members", on("2023-04-04")).count == 31
    assert kb.at("nato.members", on("2024-03-07")).count == 32
    assert kb.at("eu.euro-area", on("2026-01-01")).count == 21
    assert kb.at("eu.schengen", on("2025-01-01")).count == 29
    assert kb.at("nato.secretary-general", on("2024-09-30")).holder == "Jens Stoltenberg"
    assert kb.at("nato.secretary-general", on("2024-10-01")).holder == "Mark Rutte"
    assert kb.at("de.chancellor", on("2025-05-06")).holder == "Friedrich Merz"
    assert kb.at("de.foreign-minister", on("2025-05-06")).holder == "Johann Wadephul"
    assert kb.at("nl.prime-minister", on("2024-07-02")).holder == "Dick Schoof"
    assert kb.at("uk.prime-minister", on("2024-07-05")).holder == "Keir Starmer"
    assert kb.at("us.president", on("2025-01-20")).id == "us.president.trump-2"
    assert kb.at("ca.prime-minister", on("2025-03-14")).holder == "Mark Carney"
    assert kb.at("va.pope", on("2025-05-01")) is None  # sede vacante
    assert kb.at("va.pope", on("2025-05-08")).holder == "Leo XIV"


def test_known_names_for_the_spelling_check():
    from lint.facts import known_names

    names = known_names()
    for name in ("Olaf Scholz", "Scholz", "Wadephul", "Mark Rutte", "Leo XIV", "Chancellor", "NATO",
                 "Sébastien Lecornu", "Ursula von der Leyen"):
        assert name in names, name


# -- the model case (the "done when") ---------------------------------------------------

def test_model_draft_dated_december_2025_flags_both_2pct_statements_with_the_5pct_replacement():
    findings = _facts_findings(MODEL_DRAFT)
    guideline = [f for f in findings if f.message.startswith("NATO's defence spending guideline")]
    assert sorted(f.line for f in guideline) == [6, 8]
    for f in guideline:
        assert f.rule == "facts.outdated"
        assert "5% of GDP a year by 2035" in f.message and "3.5%" in f.message
        assert "25 June 2025" in f.message
        assert HAGUE in f.message
        assert any("5% of GDP" in s for s in f.suggestions)
    germany = [f for f in findings if f.message.startswith("Germany's defence spending")]
    assert [f.line for f in germany] == [8] and "2024" in germany[0].message


def test_same_draft_dated_june_2025_has_no_guideline_finding(tmp_path):
    draft = tmp_path / "draft.md"
    draft.write_text(MODEL_DRAFT.read_text(encoding="utf-8").replace("December 12, 2025", "June 1, 2025"),
                     encoding="utf-8")
    findings = _facts_findings(draft)
    assert not [f for f in findings if "spending guideline" in f.message]


def test_the_option_date_wins_over_the_dateline():
    assert not [f for f in _facts_findings(MODEL_DRAFT, as_of=dt.date(2025, 1, 1))
                if "spending guideline" in f.message]


def test_a_draft_without_a_date_is_judged_today(write):
    draft = write("undated.md", "Prime Minister Rishi Sunak spoke on Monday.\n")
    findings = _facts_findings(draft)
    assert [f.rule for f in findings] == ["facts.outdated"]  # today is after 5 July 2024


# -- judgement details ---------------------------------------------------------------------------

@pytest.mark.parametrize("date,text,expected", [
    ("2025-12-12", "Chancellor Olaf Scholz said on Tuesday that Germany would do more.", "outdated"),
    ("2025-12-12", "Then-Chancellor Olaf Scholz said on Tuesday that Germany would do more.", None),
    ("2025-12-12", "German chancellor Olaf Scholz said on Tuesday that Germany would do more.", "outdated"),
    ("2025-12-12", "Olaf Scholz, the German chancellor, said on Tuesday that Germany would do more.", "outdated"),
    ("2025-12-12", "Olaf Scholz, the former German chancellor, spoke in Berlin.", None),
    ("2025-12-12", "In February 2022, Chancellor Olaf Scholz called the invasion a turning point.", None),
    ("2025-12-12", "On December 11, 2025, Chancellor Olaf Scholz called for calm.", "outdated"),
    ("2025-06-01", "Former US President Donald Trump hosted leaders at the White House.", "wrong-title"),
    ("2025-06-01", "In 2023, former President Donald Trump was indicted.", None),
    ("2022-06-01", "Former President Donald Trump held a rally in Ohio.", None),
    ("2025-06-01", "Prime Minister Mark Rutte told reporters the alliance was united.", "wrong-title"),
    ("2024-03-01", "Chancellor Friedrich Merz met the French president.", "premature"),
    ("2024-03-01", "Friedrich Merz, expected to become chancellor, met the French president.", None),
    ("2015-06-01", "Vice President Joe Biden visited Kyiv.", None),
    ("2025-10-01", "Shadow Foreign Secretary David Lammy criticised the government.", None),
    ("2025-12-12", "The ECB kept its 2% inflation target.", None),
    ("2024-06-01", "The other 31 NATO allies welcomed Sweden.", None),
    ("2024-06-01", "NATO's 31 members agreed on the plan.", "outdated"),
    ("2019-06-01", "The EU's 27 member states agreed the Brexit guidelines.", None),
    ("2025-12-12", "Pope Francis says the church must welcome migrants.", "outdated"),
    ("2025-12-12", "Pope Francis's funeral drew leaders from around the world.", None),
    ("2021-06-01", "Pope Leo XIII wrote Rerum Novarum.", None),
    ("2025-12-12", "King Charles Street runs beside the Foreign Office.", None),
    ("2027-06-01", "Former Chancellor Friedrich Merz spoke in Berlin.", None),  # past what the base knows
    ("2025-12-12", "Talks resume next week. Foreign Minister Annalena Baerbock is visiting Kyiv.", "outdated"),
    ("2019-02-15", "President Obama put more debt on this country than anyone before him.", None),
    ("2019-02-15", "President Obama told reporters on Monday that he disagreed.", "outdated"),
    ("2025-06-01", "Former U.S. President Donald Trump hosted leaders.", "wrong-title"),
    ("2025-12-12", "The 30-member alliance agreed the plan.", "outdated"),
    ("2025-12-12", "Spain, which rejected NATO's new target, will spend 2% of GDP on defence.", None),
    ("2025-12-12", "Allies are expected to spend 2% of GDP on defence under NATO rules.", "outdated"),
    ("2025-12-12", "NATO's 2%-of-GDP guideline still shapes budgets.", "outdated"),
])
def test_judgement(write, date, text, expected):
    draft = write("draft.md", f"---\ndate: {date}\n---\n{text}\n")
    findings = _facts_findings(draft)
    assert [f.rule for f in findings] == ([f"facts.{expected}"] if expected else []), \
        [f.message for f in findings]


def test_quotation_of_what_someone_said_at_the_time_is_silent(write):
    draft = write("q.md", '---\ndate: 2025-12-12\n---\n"Allies must spend at least 2% of GDP on defence," '
                          "Jens Stoltenberg said in 2019.\n")
    assert _facts_findings(draft) == []


# -- a newsroom's own facts -------------------------------------------------------------------------

NEWSROOM_FACT = textwrap.dedent("""\
    facts:
      - id: newsroom.editor.smith
        topic: newsroom.editor
        about: editor of the Daily Example
        holder: Jane Smith
        titles: [Editor, Daily Example editor]
        from: 2019-01-01
        until: 2024-01-01
        successor: newsroom.editor.jones
        source: https://example.org/masthead
        verified: 2025-01-01
      - id: newsroom.editor.jones
        topic: newsroom.editor
        about: editor of the Daily Example
        holder: Sam Jones
        titles: [Editor, Daily Example editor]
        from: 2024-01-01
        source: https://example.org/masthead
        verified: 2025-01-01
    """)


def test_config_names_a_newsroom_facts_file_relative_to_itself(write):
    write("config/newsroom-facts.yaml", NEWSROOM_FACT)
    write("drafts/.copydesk.yaml", "facts:\n  files: [../config/newsroom-facts.yaml]\n")
    draft = write("drafts/story.md", "---\ndate: 2024-06-01\n---\nEditor Jane Smith wrote to readers.\n")
    findings = _facts_findings(draft)
    assert [f.rule for f in findings] == ["facts.outdated"]
    assert "Sam Jones" in findings[0].message


def test_config_naming_a_missing_facts_file_is_an_error_with_its_line(write):
    write("drafts/.copydesk.yaml", "select: [facts]\nfacts:\n  files: [nowhere.yaml]\n")
    draft = write("drafts/story.md", "Text.\n")
    report = run([str(draft)], Options(jobs=1))
    assert report.errors and ".copydesk.yaml:3" in report.errors[0].message
    assert "nowhere.yaml" in report.errors[0].message and "does not exist" in report.errors[0].message


def test_config_can_ignore_a_fact(write):
    write("drafts/.copydesk.yaml", "facts:\n  ignore: [uk.prime-minister.sunak]\n")
    draft = write("drafts/story.md", "---\ndate: 2025-06-01\n---\nPrime Minister Rishi Sunak spoke.\n")
    assert _facts_findings(draft) == []


def test_unknown_key_in_the_facts_section_is_an_error_with_its_line(write):
    write("drafts/.copydesk.yaml", "select: [facts]\nfacts:\n  file: [x.yaml]\n")
    draft = write("drafts/story.md", "Text.\n")
    report = run([str(draft)], Options(jobs=1))
    assert report.errors and ".copydesk.yaml:3" in report.errors[0].message
    assert "file" in report.errors[0].message


# -- copydesk facts ---------------------------------------------------------------------------------

def test_facts_check_passes_on_the_shipped_base():
    result = run_cli("facts", "check")
    assert result.code == 0, result.err
    assert "OK" in result.out


BROKEN = {
    "missing source": ("""\
        facts:
          - id: x.a
            topic: x
            about: thing
            value: one
            patterns: [one]
            from: 2020-01-01
            verified: 2025-01-01
        """, ":2:", "needs source"),
    "inverted window": ("""\
        facts:
          - id: x.a
            topic: x
            about: thing
            value: one
            patterns: [one]
            from: 2020-01-01
            until: 2019-01-01
            source: https://example.org/
            verified: 2025-01-01
        """, ":8:", "inverted window"),
    "overlap": ("""\
        facts:
          - id: x.a
            topic: x
            about: thing
            value: one
            patterns: [one]
            from: 2020-01-01
            until: 2022-01-01
            source: https://example.org/
            verified: 2025-01-01
          - id: x.b
            topic: x
            about: thing
            value: two
            patterns: [two]
            from: 2021-01-01
            source: https://example.org/
            verified: 2025-01-01
        """, ":16:", "overlaps x.a"),
    "missing successor": ("""\
        facts:
          - id: x.a
            topic: x
            about: thing
            value: one
            patterns: [one]
            from: 2020-01-01
            until: 2022-01-01
            successor: x.nowhere
            source: https://example.org/
            verified: 2025-01-01
        """, ":9:", "does not exist"),
    "malformed pattern": ("""\
        facts:
          - id: x.a
            topic: x
            about: thing
            value: one
            patterns: ['(unclosed']
            from: 2020-01-01
            source: https://example.org/
            verified: 2025-01-01
        """, ":6:", "malformed pattern"),
    "office without titles": ("""\
        facts:
          - id: x.a
            topic: x
            about: Mayor
            holder: Jo Bloggs
            from: 2020-01-01
            source: https://example.org/
            verified: 2025-01-01
        """, ":2:", "needs titles"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_facts_check_reports_file_and_line_and_exits_2(write, case):
    text, where, message = BROKEN[case]
    path = write("bad.yaml", textwrap.dedent(text))
    result = run_cli("facts", "check", str(path))
    assert result.code == 2
    assert f"bad.yaml{where}" in result.err and message in result.err, result.err


def test_facts_list_on_a_date():
    result = run_cli("facts", "list", "nato.secretary-general", "--on", "2025-12-12")
    assert result.code == 0
    assert "nato.secretary-general.rutte" in result.out and "stoltenberg" not in result.out


def test_facts_list_json_has_sources():
    result = run_cli("facts", "list", "nato.members", "--format", "json")
    data = result.json
    assert [d["id"] for d in data][-1] == "nato.members.32"
    assert all(d["source"].startswith("https://www.nato.int/") for d in data)


def test_facts_stale_lists_old_verifications_and_exits_1():
    result = run_cli("facts", "stale", "--days", "30", "--today", "2030-01-01")
    assert result.code == 1
    assert "last verified" in result.out
    fresh = run_cli("facts", "stale", "--days", "100000", "--today", "2026-11-26")
    assert fresh.code == 0, fresh.out


def test_fixture_folders_cover_every_judgement_both_ways():
    for rule in ("facts.outdated", "facts.premature", "facts.wrong-title"):
        cases = list((FIXTURES / rule).glob("*.expected"))
        assert any(c.read_text().strip() for c in cases) and any(not c.read_text().strip() for c in cases)
