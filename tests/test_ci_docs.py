"""The commands in docs/ci.md parse with today's options, so the documented workflows do not rot."""

from __future__ import annotations

import re
import shlex

import yaml

from conftest import ROOT
from lint.cli import build_parser

DOC = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")


def documented_commands() -> list[str]:
    found = re.findall(r"(?:^|run: |- |`)(copydesk (?:check|baseline)[^`#\n|]*)", DOC, re.M)
    return sorted({c.strip() for c in found})


def test_every_documented_command_parses():
    commands = documented_commands()
    assert len(commands) >= 10
    parser = build_parser()
    for command in commands:
        words = [re.sub(r"\$\{?\w+\}?", "x", w) for w in shlex.split(command)[1:]]
        args = parser.parse_args(words)
        assert args.func, command


def test_the_workflow_examples_are_valid_yaml_and_upload_what_they_write():
    github, gitlab = (yaml.safe_load(block) for block in re.findall(r"```yaml\n(.*?)```", DOC, re.S))
    steps = github["jobs"]["copydesk"]["steps"]
    sarif_step = next(s for s in steps if "--format sarif" in s.get("run", ""))
    upload = next(s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif"))
    assert upload["with"]["sarif_file"] in sarif_step["run"] and upload["if"] == "always()"
    job = gitlab["copydesk"]
    script = " ".join(job["script"])
    for report in job["artifacts"]["reports"].values():
        assert f"--output {report}" in script
