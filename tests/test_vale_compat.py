"""Vale's own test scenarios, run through copydesk in Vale mode and compared line by line.

The five packages in ../shared/vale (Google, write-good, proselint, alex,
Joblint) each ship ``features/*.feature`` scenarios with the exact output
``vale --output=line --sort --normalize --relative --no-global .`` gives in a
fixture folder. Three scenarios record output that the packages' own rules at
the pinned commits cannot produce (see docs/vale.md, "Remaining differences");
they are marked xfail with that reason, strict, so that a change that makes
them pass (or breaks one that passes) is noticed.
"""

from __future__ import annotations

import pytest

from vale_scenarios import VALE, all_scenarios, run_scenario

if not VALE.is_dir():
    pytest.skip(f"Vale packages not found at {VALE} (../shared/vale)", allow_module_level=True)

#: Scenarios whose expected output does not follow from the package's own rules (docs/vale.md).
KNOWN = {
    "alex:Basic test case": "expects alex.Profanity, a rule the alex package at this commit no longer has "
                            "(it was split into ProfanityLikely/Maybe/Unlikely)",
    "proselint:Basic tests": "DenizenLabels message recorded by a Vale release whose ToSentence did not quote; "
                             "current Vale (and Google's WordList scenario) quote the suggestion",
    "write-good:Weasel words": "the fixture's 'fairly' is in Weasel's token list, but the expected output "
                               "has no alert for it",
}

SCENARIOS = all_scenarios()


def test_all_24_scenarios_found():
    assert len(SCENARIOS) == 24


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.id for s in SCENARIOS])
def test_scenario(scenario, request):
    if scenario.id in KNOWN:
        request.applymarker(pytest.mark.xfail(reason=KNOWN[scenario.id], strict=True))
    assert run_scenario(scenario) == scenario.expected
