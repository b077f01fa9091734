"""SARIF output checked by Microsoft's SARIF Multitool ('validate'), beyond the JSON schema.

The tool comes from npm (@microsoft/sarif-multitool-linux) through
scripts/prepare-sarif-multitool into .cache/; it is a Linux x86-64 build, so the
test is skipped elsewhere. Errors and warnings fail the test; notes (advice such
as "rule ids like CS2001") are allowed.
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import subprocess

import pytest

from conftest import ROOT

TOOL = ROOT / ".cache" / "sarif-multitool" / "package" / "Sarif.Multitool"


@pytest.fixture(scope="module")
def multitool():
    if not TOOL.exists():
        if (platform.system(), platform.machine()) != ("Linux", "x86_64"):
            pytest.skip("the SARIF Multitool's npm build runs on Linux x86-64 only")
        if shutil.which("npm") is None:
            pytest.skip("the SARIF Multitool comes from npm, which is not installed")
        subprocess.run(["bash", str(ROOT / "scripts" / "prepare-sarif-multitool")], check=True)
    return TOOL


def test_sarif_passes_the_multitool_validator(cli, tmp_path, monkeypatch, multitool):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".copydesk.yaml").write_text(
        "rules:\n  - id: style.house-banned\n    kind: existence\n    words: [synergy]\n"
        "    message: \"Avoid '{match}'.\"\n    docs:\n      summary: Banned words.\n"
        "      sources: ['https://example.org/style#banned']\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("# Budget\n\n😀😀 We met in order to talk about synergy. TK\n\n"
                                   "Defence, and later defense.\n", encoding="utf-8")
    (tmp_path / "bad.md").write_bytes(b"caf\xe9\n")
    result = cli("check", "--format", "sarif", "--output", "out.sarif", "a.md", "bad.md")
    assert result.code == 2  # bad.md cannot be read; it is a notification in the log
    env = {**os.environ, "DOTNET_SYSTEM_GLOBALIZATION_INVARIANT": "1", "DOTNET_CLI_TELEMETRY_OPTOUT": "1"}
    proc = subprocess.run([str(multitool), "validate", "out.sarif", "--output", "validation.sarif",
                           "--level", "Error", "Warning", "Note", "--quiet"],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert (tmp_path / "validation.sarif").is_file(), proc.stdout + proc.stderr
    log = json.loads((tmp_path / "validation.sarif").read_text(encoding="utf-8"))
    results = [r for run in log["runs"] for r in run.get("results", [])]
    # A result without a level is a warning (SARIF 3.27.10).
    problems = [f"{r['ruleId']} {r.get('level', 'warning')}: {r['message'].get('arguments')}"
                for r in results if r.get("level", "warning") in ("error", "warning")]
    problems += [f"tool: {n['message']['text']}" for run in log["runs"] for inv in run.get("invocations", [])
                 for n in inv.get("toolExecutionNotifications", []) if n.get("level") == "error"]
    assert not problems, "\n".join(problems)
    assert "SARIF2011" not in {r["ruleId"] for r in results}  # every location has a context region
