"""Configs, facts files and baselines get the drafts' guards (issue #14): a regular file only, and a size
limit, so `extends: /dev/zero` fails fast instead of filling memory and a FIFO never hangs the run."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from lint.source import MAX_CONFIG_BYTES

DRAFT = "We met in order to talk.\n"


def run(*args, cwd):
    """copydesk in its own process, with a deadline: a hang fails the test instead of the suite."""
    start = time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "lint", *map(str, args)], cwd=cwd, capture_output=True,
                          text=True, timeout=60)
    return proc, time.monotonic() - start


def _fifo(path):
    os.mkfifo(path)
    return path


@pytest.mark.parametrize("setup,fragment", [
    ("extends-dev-zero", "/dev/zero: not a regular file (a character device)"),
    ("extends-fifo", "pipe.yaml: not a regular file (a named pipe)"),
    ("config-option-fifo", "pipe.yaml: not a regular file (a named pipe)"),
    ("facts-file-fifo", "pipe.yaml: not a regular file (a named pipe)"),
    ("extends-oversize", f"big.yaml: too large ({MAX_CONFIG_BYTES + 1} bytes; the limit is {MAX_CONFIG_BYTES})"),
    ("facts-file-oversize", f"big.yaml: too large ({MAX_CONFIG_BYTES + 1} bytes; the limit is {MAX_CONFIG_BYTES})"),
])
def test_special_and_oversized_setting_files_are_config_errors(tmp_path, setup, fragment):
    (tmp_path / "a.md").write_text(DRAFT)
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "b.md").write_text(DRAFT)
    args = ["check", "--format", "json", "a.md", "other/b.md"]
    if "fifo" in setup:
        _fifo(tmp_path / "pipe.yaml")
    if "oversize" in setup:
        with open(tmp_path / "big.yaml", "wb") as fh:
            fh.truncate(MAX_CONFIG_BYTES + 1)  # sparse: the size is real, the disk is not used
    config = {"extends-dev-zero": "extends: /dev/zero\n", "extends-fifo": "extends: pipe.yaml\n",
              "facts-file-fifo": "facts:\n  files: [pipe.yaml]\n", "extends-oversize": "extends: big.yaml\n",
              "facts-file-oversize": "facts:\n  files: [big.yaml]\n"}.get(setup)
    if config:
        (tmp_path / ".copydesk.yaml").write_text(config)
        (tmp_path / "other" / ".copydesk.yaml").write_text("")  # other/ has its own, sound config
    else:
        args[1:1] = ["--config", "pipe.yaml"]
    proc, seconds = run(*args, cwd=tmp_path)
    assert proc.returncode == 2, proc.stderr
    assert seconds < 30
    assert fragment in proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr
    if config:  # the file under the sound config is still checked
        import json

        assert [f["path"] for f in json.loads(proc.stdout)["findings"]] == ["other/b.md"]


def test_a_baseline_that_is_a_fifo_is_refused(tmp_path):
    (tmp_path / "a.md").write_text(DRAFT)
    _fifo(tmp_path / "base.json")
    proc, _ = run("check", "--baseline", "base.json", "a.md", cwd=tmp_path)
    assert proc.returncode == 2 and "base.json: cannot read the baseline: not a regular file (a named pipe)" \
        in proc.stderr
