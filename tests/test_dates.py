"""The dates family: extraction with exact offsets, non-dates left alone, messages, config, real news silence."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import FIXTURES
from lint.dateline import resolve_as_of
from lint.dates import analyse
from lint.dates.absolute import find_dates
from lint.dates.settings import DateSettings
from lint.document import Document
from lint.engine import Options, run

CORPUS = FIXTURES / "dates"


def _doc(text: str, as_of: dt.date | None = None, fmt: str = "markdown") -> Document:
    doc = Document("draft.md", text, fmt)
    resolve_as_of(doc, as_of, None)
    return doc


# -- extraction ----------------------------------------------------------------

@pytest.mark.parametrize("text,span,parts,weekday", [
    ("They met on Friday, December 12, 2025, in Brussels.", "Friday, December 12, 2025", (2025, 12, 12), 4),
    ("Talks resume on Thursday, Dec. 11 at noon.", "Thursday, Dec. 11", (None, 12, 11), 3),
    ("Ministers met on 11 December 2025.", "11 December 2025", (2025, 12, 11), None),
    ("It opens on Thursday 11th of December.", "Thursday 11th of December", (None, 12, 11), 3),
    ("Filed 12/11/2025 by the clerk.", "12/11/2025", (2025, 12, 11), None),
    ("Filed 2025-12-11 by the clerk.", "2025-12-11", (2025, 12, 11), None),
    ("Growth slowed in mid-2024 and again later.", "mid-2024", (2024, None, None), None),
    ("Prices fell in March, the office said.", "March", (None, 3, None), None),
    ("Prices fell in March 2025, the office said.", "March 2025", (2025, 3, None), None),
    ("THE VOTE: MONDAY, DECEMBER 15, 2025", "MONDAY, DECEMBER 15, 2025", (2025, 12, 15), 0),
])
def test_forms_are_found_at_their_exact_span(text, span, parts, weekday):
    found = find_dates(text)
    assert len(found) == 1, found
    mention = found[0]
    assert text[mention.start:mention.end] == span
    assert (mention.year, mention.month, mention.day) == parts
    assert mention.weekday == weekday


@pytest.mark.parametrize("text", [
    "Allies agreed to spend 2% of GDP.",
    "Downing Street, No. 10, declined to comment.",
    "The alliance has 32 members and 1,500 troops in the region.",
    "The final score was 3-1, and the replay 2-2.",
    "The meeting starts at 10:30 and ends at 12.45.",
    "Version 2.4.1 and release 10.12.3 are out.",
    "The fund holds $2,025 million, or €1,949 per head.",
    "The 2023–24 season and the 2024-25 budget were approved.",
    "Theresa May 10 years ago and Theresa May said she may march.",
    "Section 3/4/5 of the code and ratio 12/13/14 apply.",
    "The phone number is 555-12-31 and the part 2025-13-45.",
    "He scored 31 points in the May 3 percent rally.",
])
def test_numbers_that_are_not_dates_never_become_dates(text):
    assert [text[d.start:d.end] for d in find_dates(text)] == []


def test_a_numeric_date_reads_in_the_configured_order_and_knows_it_is_ambiguous():
    doc = _doc("Filed 03/04/2025.", dt.date(2025, 12, 12))
    mdy = analyse(doc, DateSettings(order="mdy", order_source="date_order")).dates[0]
    assert (mdy.month, mdy.day, mdy.ambiguous) == (3, 4, True)
    dmy = analyse(doc, DateSettings(order="dmy", order_source="locale")).dates[0]
    assert (dmy.month, dmy.day) == (4, 3)


def test_a_date_readable_one_way_fixes_the_order_for_the_document():
    doc = _doc("Filed 25/12/2025, heard 03/04/2025.", dt.date(2025, 12, 30))
    analysis = analyse(doc, DateSettings())
    assert (analysis.order, analysis.order_source) == ("dmy", "document")
    assert (analysis.dates[1].month, analysis.dates[1].day) == (4, 3)


# -- messages ------------------------------------------------------------------

def _findings(tmp_path, text: str, select: str, name: str = "draft.md", config: str | None = None):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    if config is not None:
        (tmp_path / ".copydesk.yaml").write_text(config, encoding="utf-8")
    report = run([str(path)], Options(select=[select], jobs=1))
    return report


def test_weekday_message_states_both_sides_and_suggests_both_repairs(tmp_path):
    report = _findings(tmp_path, "December 12, 2025\n\nLeaders met on Friday, December 11, 2025.\n",
                       "dates.weekday-mismatch")
    [finding] = report.findings
    assert finding.message == "December 11, 2025 was a Thursday, not a Friday."
    assert finding.match == "Friday, December 11, 2025"
    assert finding.suggestions == ["Thursday, December 11, 2025", "Friday, December 12, 2025"]


def test_relative_and_tense_messages_name_the_draft_date(tmp_path):
    text = "12 December 2025\n\nThey agreed yesterday, 9 December. Ministers will meet on 3 December.\n"
    report = _findings(tmp_path, text, "dates")
    messages = sorted(f.message for f in report.findings)
    assert messages == [
        "'will' speaks of the future, but December 3, 2025 is before the draft's date (December 12, 2025).",
        "'yesterday' is December 11, 2025 in a draft dated December 12, 2025, not December 9, 2025.",
    ]


def test_a_dateline_the_day_after_the_event_is_silent(tmp_path):
    text = ("December 12, 2025\n\nThe summit ended yesterday, Thursday, Dec. 11, and leaders flew home "
            "on Thursday night after talks that began on Wednesday, Dec. 10.\n")
    assert _findings(tmp_path, text, "dates").findings == []


def test_undated_drafts_are_not_judged_on_relative_dates_unless_asked(tmp_path):
    text = "The ministers agreed yesterday, January 3, 1990, to raise the target.\n"
    assert _findings(tmp_path, text, "dates.relative-date").findings == []
    report = _findings(tmp_path, text, "dates.relative-date", config="dates:\n  undated: today\n")
    assert [f.rule for f in report.findings] == ["dates.relative-date"]


# -- config --------------------------------------------------------------------

def test_date_order_or_locale_silences_ambiguous_dates(tmp_path):
    text = "The deadline is 03/04/2025.\n"
    assert len(_findings(tmp_path, text, "dates.ambiguous-date").findings) == 1
    assert _findings(tmp_path, text, "dates.ambiguous-date", config="date_order: mdy\n").findings == []
    assert _findings(tmp_path, text, "dates.ambiguous-date", config="dates:\n  locale: en-GB\n").findings == []


@pytest.mark.parametrize("section,line,key,words", [
    ("dates:\n  locales: en-GB\n", 2, "dates.locales", "did you mean 'locale'"),
    ("dates:\n  locale: British\n", 2, "dates.locale", "language tag"),
    ("dates:\n  undated: never\n", 2, "dates.undated", "'skip' or 'today'"),
    ("dates:\n  yearless_window: 400\n", 2, "dates.yearless_window", "1 to 183"),
])
def test_bad_dates_section_is_reported_with_file_line_and_key(tmp_path, section, line, key, words):
    report = _findings(tmp_path, "December 12, 2025\n\nText.\n", "dates", config=section)
    [error] = report.errors
    assert f".copydesk.yaml:{line}:" in error.message
    assert f"(key '{key}')" in error.message
    assert words in error.message


# -- real news stays silent ----------------------------------------------------

def _corpus():
    """The real-news stories (constructed-*.md are invented near misses, checked by test_fixtures)."""
    return sorted(p for p in CORPUS.glob("*.md") if p.name != "README.md" and not p.name.startswith("constructed-"))


def test_real_news_paragraphs_produce_no_dates_finding():
    drafts = _corpus()
    paragraphs = 0
    for path in drafts:
        doc = _doc(path.read_text(encoding="utf-8"))
        paragraphs += len(doc.paragraphs) - 1  # not the dateline
    assert paragraphs >= 30
    report = run([str(p) for p in drafts], Options(select=["dates"], jobs=1))
    assert not report.errors
    assert [f"{f.path}:{f.line}:{f.column} {f.rule} {f.message}" for f in report.findings] == []


def test_real_news_silence_is_not_from_reading_nothing():
    weekdays = dates = relatives = claims = 0
    for path in _corpus():
        doc = _doc(path.read_text(encoding="utf-8"))
        assert doc.as_of_source == "dateline", path
        analysis = analyse(doc, DateSettings())
        dates += len(analysis.dates)
        relatives += len(analysis.relatives)
        claims += len(analysis.claims)
        for mention in analysis.dates:
            if mention.weekday is None:
                continue
            weekdays += 1
            # Checked here with datetime alone: the written year, or an occurrence within 300 days of the dateline.
            years = [mention.year] if mention.year else [doc.as_of.year + k for k in (-1, 0, 1)]
            days = [dt.date(y, mention.month, mention.day) for y in years]
            days = [d for d in days if mention.year or abs((d - doc.as_of).days) <= 300]
            assert any(d.weekday() == mention.weekday for d in days), (path.name, doc.text[mention.start:mention.end])
    assert dates >= 80 and weekdays >= 30 and relatives >= 10 and claims >= 8


# -- properties ------------------------------------------------------------------

from hypothesis import given, settings as hsettings, strategies as st  # noqa: E402

from lint.dates.vocabulary import MONTH_NAMES  # noqa: E402

_NON_DATES = st.one_of(
    st.builds(lambda a: f"{a}%", st.integers(0, 3000)),
    st.builds(lambda a, b: f"{a}-{b}", st.integers(0, 99), st.integers(0, 99)),
    st.builds(lambda h, m: f"{h}:{m:02d}", st.integers(0, 23), st.integers(0, 59)),
    st.builds(lambda a, b, c: f"{a}.{b}.{c}", st.integers(0, 40), st.integers(0, 40), st.integers(0, 999)),
    st.builds(lambda n: f"${n:,}", st.integers(0, 10**9)),
    st.builds(lambda n: f"{n:,} troops", st.integers(0, 10**6)),
    st.builds(lambda y, s: f"{y}{s}{(y + 1) % 100:02d}", st.integers(1900, 2099), st.sampled_from(["-", "–", "/"])),
    st.builds(lambda n: f"No. {n}", st.integers(0, 2100)),
    st.builds(lambda a, b: f"{a}/{b}", st.integers(1, 31), st.integers(1, 31)),
)


@hsettings(max_examples=300, deadline=None)
@given(_NON_DATES)
def test_generated_numbers_that_are_not_dates_never_become_dates(number):
    text = f"The figure was {number} on the day, officials said."
    assert find_dates(text) == []


@hsettings(max_examples=200, deadline=None)
@given(st.dates(dt.date(1900, 1, 1), dt.date(2099, 12, 31)), st.booleans())
def test_every_calendar_date_is_read_back_exactly(day, day_first):
    written = (f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}" if day_first
               else f"{MONTH_NAMES[day.month - 1]} {day.day}, {day.year}")
    text = f"It happened on {day.strftime('%A')}, {written}, in Brussels."
    [mention] = find_dates(text)
    assert text[mention.start:mention.end] == f"{day.strftime('%A')}, {written}"
    assert mention.date() == day and mention.weekday == day.weekday()


_TOKENS = st.sampled_from([
    "January", "February", "May", "Dec.", "Friday", "Thu.", "29", "30", "31", "1st", "2025", "1949", "03/04/2025",
    "31/02/2024", "2025-02-29", "yesterday", "last week", "next month", "two days ago", "will", "was", "met",
    "on", "in", "mid-", "aged", "58", "born", "in 1967", "74th", "anniversary of", "years ago", ",", ".", "(",
    ")", "\"", "the", "of", "-", "–", "%", "$", "No.", "\n\n",
])


@hsettings(max_examples=150, deadline=None)
@given(st.lists(_TOKENS, min_size=1, max_size=40), st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31)))
def test_no_dates_rule_fails_on_any_token_soup(tokens, as_of):
    from lint.checks import kind_module
    from lint.checks.base import BuildContext
    from lint.engine import check_document
    from lint.rules import builtin_rules

    text = " ".join(tokens)
    doc = Document("soup.md", text, "plain")
    resolve_as_of(doc, as_of, None)
    checks = [kind_module(r.kind).build(r, BuildContext()) for r in builtin_rules() if r.id.startswith("dates.")]
    findings, errors = check_document(doc, checks)
    assert errors == []
    for f in findings:
        assert 0 <= f.start < f.end <= len(text)


def test_mixed_formats_offer_a_fix_in_the_first_style(tmp_path):
    text = "December 12, 2025\n\nTalks ended on 11 December 2025.\n"
    report = _findings(tmp_path, text, "dates.mixed-date-format")
    [finding] = report.findings
    assert (text[finding.fix.start:finding.fix.end], finding.fix.replacement) == ("11 December 2025",
                                                                                "December 11, 2025")


def test_date_order_set_in_a_base_config_survives_extends_and_an_explicit_mdy_overrides_it(tmp_path):
    from lint.config import load_config

    (tmp_path / "base.yaml").write_text("date_order: dmy\n", encoding="utf-8")
    (tmp_path / "child.yaml").write_text("extends: base.yaml\n", encoding="utf-8")
    (tmp_path / "us.yaml").write_text("extends: base.yaml\ndate_order: mdy\n", encoding="utf-8")
    child, us = load_config(str(tmp_path / "child.yaml")), load_config(str(tmp_path / "us.yaml"))
    assert (child.date_order, child.date_order_set) == ("dmy", True)
    assert (us.date_order, us.date_order_set) == ("mdy", True)
    from lint.config import Config

    assert Config().date_order_set is False


def test_an_undated_draft_judges_only_weekdays_of_dates_with_a_year(tmp_path):
    text = "NATO leaders met on Tuesday, July 11, and again on Friday, December 11, 2025.\n"
    report = _findings(tmp_path, text, "dates.weekday-mismatch")
    assert [f.match for f in report.findings] == ["Friday, December 11, 2025"]


def test_a_numeric_dateline_is_read_in_the_order_the_locale_gives(tmp_path):
    text = "12/03/2025\n\nMinisters met yesterday, 11 March.\n"
    assert _findings(tmp_path, text, "dates.relative-date", config="dates:\n  locale: en-GB\n").findings == []
    report = _findings(tmp_path, text, "dates.relative-date", config="dates:\n  locale: en-US\n")
    assert [f.rule for f in report.findings] == ["dates.relative-date"]  # 12/03 is December 3 there


@pytest.mark.parametrize("as_of,phrase,first,last", [
    (dt.date(2025, 1, 15), "last month", dt.date(2024, 12, 1), dt.date(2024, 12, 31)),
    (dt.date(2025, 12, 15), "next month", dt.date(2026, 1, 1), dt.date(2026, 1, 31)),
    (dt.date(2024, 3, 31), "one month ago", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
    (dt.date(2025, 12, 12), "last week", dt.date(2025, 12, 1), dt.date(2025, 12, 7)),
    (dt.date(2025, 12, 12), "the day before yesterday", dt.date(2025, 12, 10), dt.date(2025, 12, 10)),
    (dt.date(2025, 12, 12), "last Thursday", dt.date(2025, 12, 11), dt.date(2025, 12, 11)),
    (dt.date(2025, 12, 11), "last Thursday", dt.date(2025, 12, 4), dt.date(2025, 12, 4)),
    (dt.date(2025, 12, 12), "next Monday", dt.date(2025, 12, 15), dt.date(2025, 12, 15)),
    (dt.date(2025, 5, 9), "last April", dt.date(2025, 4, 1), dt.date(2025, 4, 30)),
    (dt.date(2025, 3, 9), "last April", dt.date(2024, 4, 1), dt.date(2024, 4, 30)),
])
def test_relative_expressions_name_calendar_ranges(as_of, phrase, first, last):
    from lint.dates.relative import find_relatives

    [rel] = find_relatives(f"It happened {phrase}, officials said.", as_of)
    assert rel.ranges[0] == (first, last)


@hsettings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(['"', "“", "”", "«", "»", "a", "b", " ", "\n\n"]), max_size=60))
def test_quotation_spans_agree_with_in_quotation(pieces):
    from lint.checks.context import in_quotation
    from lint.dates.checking import DateCheck

    text = "".join(pieces)
    doc = Document("q.txt", text, "plain")
    for i, ch in enumerate(text):
        if ch in "ab":
            assert DateCheck.quoted(doc, i, i + 1) == in_quotation(doc, i, i + 1), (text, i)


# -- injected errors in the real stories -------------------------------------------

def _run_text(tmp_path, name: str, text: str, select: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return run([str(path)], Options(select=[select], jobs=1)).findings


def test_every_weekday_in_the_real_stories_is_caught_when_changed(tmp_path):
    from lint.dates.vocabulary import WEEKDAY_NAMES

    injected = caught = 0
    for path in _corpus():
        text = path.read_text(encoding="utf-8")
        doc = _doc(text)
        for mention in analyse(doc, DateSettings()).dates:
            if mention.weekday is None:
                continue
            wrong = WEEKDAY_NAMES[(mention.weekday + 2) % 7]
            changed = text[:mention.weekday_start] + wrong + text[mention.weekday_end:]
            findings = _run_text(tmp_path, path.name, changed, "dates")
            injected += 1
            hits = [f for f in findings if f.rule == "dates.weekday-mismatch" and f.start == mention.start]
            caught += len(hits) == 1 and len(findings) == 1
    assert injected >= 30 and caught == injected


def test_every_relative_date_in_the_real_stories_is_caught_when_shifted(tmp_path):
    import regex

    injected = caught = 0
    for path in _corpus():
        text = path.read_text(encoding="utf-8")
        for m in regex.finditer(r"(?:yesterday|today), (?:[A-Z][a-z]+\.? )?(\d{1,2})\b", text):
            day = int(m.group(1))
            shifted = str(day - 2 if day > 2 else day + 2)
            changed = text[:m.start(1)] + shifted + text[m.end(1):]
            findings = _run_text(tmp_path, path.name, changed, "dates")
            injected += 1
            caught += [f.rule for f in findings] == ["dates.relative-date"]
    assert injected >= 8 and caught == injected


def test_every_number_in_the_real_arithmetic_claims_is_caught_when_off_by_two(tmp_path):
    injected = caught = 0
    for path in _corpus():
        text = path.read_text(encoding="utf-8")
        doc = _doc(text)
        for claim in analyse(doc, DateSettings()).claims:
            digits = text[claim.number_start:claim.number_end]
            if not digits[:1].isdigit():
                continue
            number = int("".join(ch for ch in digits if ch.isdigit()))
            suffix = digits[len(str(number)):]
            wrong = number + 2
            if suffix:  # "75th" -> "77th"
                suffix = "th" if 10 <= wrong % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(wrong % 10, "th")
            changed = text[:claim.number_start] + f"{wrong}{suffix}" + text[claim.number_end:]
            findings = _run_text(tmp_path, path.name, changed, "dates")
            injected += 1
            caught += [f.rule for f in findings] == ["dates.date-arithmetic"]
    assert injected >= 8 and caught == injected


def test_real_stories_held_over_a_month_are_reported_as_stale():
    """Judged 30 days after their datelines, the stories' 'yesterday, <date>' and previews go stale."""
    import regex

    stale, expected = [], 0
    for path in _corpus():
        text = path.read_text(encoding="utf-8")
        expected += len(regex.findall(r"(?:yesterday|today), (?:[A-Z][a-z]+\.? )?\d{1,2}\b", text))
        late = _doc(text).as_of + dt.timedelta(days=30)
        report = run([str(path)], Options(select=["dates"], as_of=late, jobs=1))
        stale += [f.rule for f in report.findings]
    assert set(stale) <= {"dates.relative-date", "dates.tense-date"}
    assert stale.count("dates.relative-date") == expected and "dates.tense-date" in stale


def test_relative_phrases_found_where_their_words_stand_equal_a_full_scan():
    """find_relatives tries its patterns only where a phrase's first word or a weekday or month name stands
    (lint/dates/relative.py); that must find exactly what scanning the whole text finds."""
    import random
    from pathlib import Path

    from lint.dates import relative as rel
    from lint.document import Document

    def found(matches):
        return [(m.span(), m.groupdict()) for m in matches]

    root = Path(__file__).resolve().parent.parent
    texts = [Document(str(p), p.read_text(encoding="utf-8"), "markdown").prose
             for p in sorted((root / "fixtures").glob("dates.*/*.md"))]
    pieces = ["last", "Last", "LAST", "next", "this", "This", "on", "On", "today", "TONIGHT", "the day before yesterday",
              "the  day after\ntomorrow", "yesterday", "earlier this week", "later\u00a0this month", "last night",
              "Monday", "May", "March", "Friday's", "Mayday", " ", "  ", "\n", "\t", "\u2003", ",", ".", "-", "'s",
              "’s", "x", "ago", "AGO", "two days ago", "a week ago", "3 months ago", "Chicago", "ſ", "ı", "İ", "ß",
              "K", "Σ", "é", "onMonday", "this\u2028Sunday", "on\r\nTuesday", "_", "9", "twenty-one days ago"]
    rng = random.Random(17)
    for _ in range(4000):
        texts.append("".join(rng.choice(pieces) + rng.choice(["", " "]) for _ in range(rng.randint(1, 20))))
    for text in texts:
        assert found(rel._phrase_matches(text)) == found(rel._PATTERN.finditer(text)), text
        assert found(rel._named_matches(text)) == found(rel._NAMED.finditer(text)), text


def test_every_date_arithmetic_keyword_holds_one_of_the_literals_the_sentences_are_screened_with():
    """find_claims skips a sentence whose lower-cased text holds none of _KEYWORD_LITERALS without trying
    _KEYWORDS on it: every match of _KEYWORDS must hold one of them (lint/dates/arithmetic.py)."""
    import random
    from pathlib import Path

    from lint.dates import arithmetic

    root = Path(__file__).resolve().parent.parent
    texts = [p.read_text(encoding="utf-8") for p in sorted((root / "fixtures").glob("dates.*/*.md"))]
    pieces = ["Anniversary", "ANNIVERSARIES", "birthday", "Born", "born", "b.", "B.", "ago", "AGO", "aged", "Age ",
              "age\n", "year-old", "year\u2011old", "YEARS\u00a0 old", "yr-old", "Yr\u2011Old", "58", " ", "\t", ",", ".",
              "x", "K", "é", "İ", "ß", "Σ", "reborn", "page", "wagon"]
    rng = random.Random(23)
    for _ in range(4000):
        texts.append("".join(rng.choice(pieces) + rng.choice(["", " "]) for _ in range(rng.randint(1, 12))))
    for text in texts:
        low = text.lower()
        if len(low) != len(text) or any(ch in text for ch in arithmetic._FOLDED_ODDLY):
            continue  # such a text is screened by the pattern itself
        for m in arithmetic._KEYWORDS.finditer(text):
            assert any(word in low[m.start():m.end()] for word in arithmetic._KEYWORD_LITERALS), (text, m.group())


def test_an_anniversary_in_a_later_year_names_when_it_falls_not_the_event(tmp_path):
    """heldout-d: "the 50th anniversary of the launches in 2027" in a 2024 story about probes launched in
    1977 was read as an event of 2027; a year after the draft's, after "in", is when the anniversary falls."""
    falls = _findings(tmp_path, "March 1, 2024\n\nThe probes were launched in 1977. The aim is the 50th "
                      "anniversary of the launches in 2027.\n", "dates.date-arithmetic")
    assert falls.findings == []
    # The event's own year, in the past, is still checked: the 1949 founding's 74th anniversary is not in 2025.
    event = _findings(tmp_path, "March 1, 2025\n\nNATO marks the 74th anniversary of its founding in 1949.\n",
                      "dates.date-arithmetic")
    assert [f.match for f in event.findings] == ["74th anniversary"]


def test_an_anniversary_of_an_event_in_a_year_the_story_dates_n_years_earlier_is_not_misread(tmp_path):
    """"marked the 10th anniversary of the opening in 2020" where the story says it opened in 2010: the
    year is the anniversary's, and the arithmetic adds up."""
    report = _findings(tmp_path, "March 1, 2025\n\nThe museum opened in 2010. It marked the 10th anniversary "
                       "of the opening in 2020.\n", "dates.date-arithmetic")
    assert report.findings == []
