"""Vale's own test scenarios, run through copydesk in Vale mode and compared line by line.

The five packages in ../shared/vale (Google, write-good, proselint, alex,
Joblint) each ship ``features/*.feature`` scenarios with the exact output
``vale --output=line --sort --normalize --relative --no-global .`` gives in a
fixture folder. 20 of the 24 must match exactly: the real Vale v3.26.0 binary
(scripts/prepare-vale) passes exactly these 20 and differs from the other four in
exactly the lines pinned in KNOWN (docs/vale.md, "Remaining differences"), so for
those the test pins the difference itself, line for line, and any other change
in those scenarios still fails. tests/test_vale_agreement.py checks the same
fixtures against the binary itself.
"""

from __future__ import annotations

import pytest

from vale_scenarios import VALE, all_scenarios, run_scenario

if not VALE.is_dir():
    pytest.skip(f"Vale packages not found at {VALE} (../shared/vale)", allow_module_level=True)

#: scenario -> (why, expected lines copydesk does not print, lines it prints instead). See docs/vale.md.
KNOWN = {
    "alex:Basic test case": (
        "expects alex.Profanity, a rule the package at this commit no longer has (split into "
        "ProfanityLikely/Maybe/Unlikely, with other messages); the fixture's OCD line is flagged by alex.OCD",
        ["fail.md:3:21:alex.Profanity:Be careful with 'fucking', it’s profane in some cases.",
         "fail.md:6:13:alex.Profanity:Be careful with 'damn', it’s profane in some cases.",
         "fail.md:6:18:alex.Profanity:Be careful with 'sexy', it’s profane in some cases.",
         "fail.md:8:210:alex.Profanity:Be careful with 'dead', it’s profane in some cases."],
        ["fail.md:3:21:alex.ProfanityLikely:Don't use 'fucking', it's profane.",
         "fail.md:6:13:alex.ProfanityMaybe:Reconsider using 'damn', it may be profane.",
         "fail.md:6:18:alex.ProfanityMaybe:Reconsider using 'sexy', it may be profane.",
         "fail.md:8:210:alex.ProfanityUnlikely:Be careful with 'dead', it's profane in some cases.",
         "fail.md:15:8:alex.OCD:When referring to a person, consider using 'has an anxiety disorder', "
         "'obsessive', 'pedantic', 'niggly', or 'picky' instead of 'o.c.d.'.",
         "fail.md:15:23:alex.OCD:When referring to a person, consider using 'has an anxiety disorder', "
         "'obsessive', 'pedantic', 'niggly', or 'picky' instead of 'OCD'."]),
    "proselint:Basic tests": (
        "recorded by a Vale whose ToSentence did not quote; current Vale quotes the suggestion, as Google's "
        "WordList scenario requires",
        ["test.md:45:21:proselint.DenizenLabels:Did you mean 'Hong Konger'?"],
        ["test.md:45:21:proselint.DenizenLabels:Did you mean ''Hong Konger''?"]),
    "Google:Use of punctuation": (
        "recorded by an older Vale that collapsed runs of spaces in a message's %s; Vale v3.26.0 only turns "
        "line breaks into spaces, so the match 'y.  T' keeps both spaces",
        ["test.md:37:21:Google.Spacing:'y. T' should have one space."],
        ["test.md:37:21:Google.Spacing:'y.  T' should have one space."]),
    "write-good:Weasel words": (
        "the fixture's 'fairly' is in Weasel's token list, but the recorded output has no alert for it",
        [],
        ["test.md:5:23:write-good.Weasel:'fairly' is a weasel word!"]),
}

SCENARIOS = all_scenarios()


def test_all_24_scenarios_found():
    assert len(SCENARIOS) == 24
    assert set(KNOWN) <= {s.id for s in SCENARIOS}


@pytest.mark.parametrize("scenario", [s for s in SCENARIOS if s.id not in KNOWN],
                         ids=[s.id for s in SCENARIOS if s.id not in KNOWN])
def test_scenario_exact(scenario):
    assert run_scenario(scenario) == scenario.expected


@pytest.mark.parametrize("scenario", [s for s in SCENARIOS if s.id in KNOWN],
                         ids=[s.id for s in SCENARIOS if s.id in KNOWN])
def test_scenario_with_known_difference(scenario):
    _why, missing, extra = KNOWN[scenario.id]
    got = run_scenario(scenario)
    assert [line for line in scenario.expected if line not in got] == missing
    assert sorted(line for line in got if line not in scenario.expected) == sorted(extra)
