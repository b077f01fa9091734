"""Vale's own test scenarios (cucumber ``.feature`` files), read and run through copydesk.

A scenario reads ``When I test "AMPM"`` then ``Then the output should contain
exactly:`` and a ``\"\"\"`` block of expected lines. Running it means: change into
``fixtures/AMPM/`` and run ``copydesk check --format vale-line --select vale .``
(copydesk's equivalent of ``vale --output=line --sort --normalize --relative
--no-global .``). Used by tests/test_vale_compat.py and scripts/vale_compat.py.
"""

from __future__ import annotations

import io
import os
import re
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: ``../shared/vale`` from the repository root (from a worktree, the nearest folder above that has it).
VALE = next((p / "shared" / "vale" for p in ROOT.parents if (p / "shared" / "vale").is_dir()),
            ROOT.parent / "shared" / "vale")


@dataclass
class Scenario:
    package: str
    name: str
    fixture: Path
    expected: list[str]

    @property
    def id(self) -> str:
        return f"{self.package}:{self.name}"


def parse_feature(path: Path, package: str) -> list[Scenario]:
    scenarios: list[Scenario] = []
    name = fixture = None
    lines = path.read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(lines):
        line = lines[i].strip()
        i += 1
        if line.startswith("Scenario:"):
            name = line.split(":", 1)[1].strip()
        m = re.match(r'When I test "(.+)"', line)
        if m:
            fixture = m.group(1)
        if line.startswith('"""') and name and fixture:
            expected = []
            while i < len(lines) and lines[i].strip() != '"""':
                if lines[i].strip():
                    expected.append(lines[i].strip())
                i += 1
            i += 1
            scenarios.append(Scenario(package, name, path.parent.parent / "fixtures" / fixture, expected))
            name = fixture = None
    return scenarios


def all_scenarios(base: Path = VALE) -> list[Scenario]:
    out: list[Scenario] = []
    for feature in sorted(base.glob("*/features/*.feature")):
        out += parse_feature(feature, feature.parent.parent.name)
    return out


def run_scenario(scenario: Scenario) -> list[str]:
    """copydesk's vale-line output for the scenario's fixture, one alert a line."""
    from lint.cli import main

    out, err = io.StringIO(), io.StringIO()
    old = os.getcwd()
    env = os.environ.pop("VALE_CONFIG_PATH", None)  # the fixture's own .vale.ini, as in Vale's test steps
    os.chdir(scenario.fixture)
    try:
        with redirect_stdout(out), redirect_stderr(err):
            main(["check", "--format", "vale-line", "--select", "vale", "--jobs", "1", "."])
    finally:
        os.chdir(old)
        if env is not None:
            os.environ["VALE_CONFIG_PATH"] = env
    return [line for line in out.getvalue().splitlines() if line.strip()]
