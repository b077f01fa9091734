"""copydesk installed from a wheel finds its rule packs inside the package, and the hook works."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from conftest import ROOT


def _run(cmd, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([str(c) for c in cmd], capture_output=True, text=True, timeout=600, **kw)


@pytest.fixture(scope="session")
def installed_wheel(tmp_path_factory) -> Path:
    """A fresh virtual environment with copydesk installed from a wheel built from this tree."""
    tmp = tmp_path_factory.mktemp("wheel")
    built = _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", tmp / "dist", ROOT])
    assert built.returncode == 0, built.stderr
    wheels = list((tmp / "dist").glob("copydesk-*.whl"))
    assert len(wheels) == 1
    env_dir = tmp / "venv"
    venv.create(env_dir, with_pip=True)
    installed = _run([env_dir / "bin" / "python", "-m", "pip", "install", "-q", "--disable-pip-version-check",
                      wheels[0]])
    assert installed.returncode == 0, installed.stderr
    return env_dir


def test_wheel_ships_rule_packs_and_runs_outside_the_tree(installed_wheel, tmp_path):
    import zipfile

    wheel = next((installed_wheel.parent / "dist").glob("*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "lint/rules/style.yaml" in names
    assert not any(n.startswith(("tests/", "fixtures/")) for n in names)

    python = installed_wheel / "bin" / "python"
    where = _run([python, "-c", "import lint.resources as r; print(r.rules_dir())"], cwd=tmp_path)
    assert "site-packages" in where.stdout, where.stdout + where.stderr

    draft = tmp_path / "draft.md"
    draft.write_text("December 12, 2025\n\nThe ministers met in order to talk.\n", encoding="utf-8")
    result = _run([installed_wheel / "bin" / "copydesk", "check", draft], cwd=tmp_path)
    assert result.returncode == 1
    assert f"{draft}:3:19: warning style.wordy" in result.stdout
    listing = _run([installed_wheel / "bin" / "copydesk", "rules"], cwd=tmp_path)
    assert "style.wordy" in listing.stdout


def test_pre_commit_hook_fails_on_bad_draft_and_passes_on_clean(tmp_path):
    pre_commit = Path(sys.executable).parent / "pre-commit"
    if not pre_commit.exists():
        pre_commit = shutil.which("pre-commit")
    assert pre_commit, "pre-commit is part of the test extra"
    repo = tmp_path / "newsroom"
    repo.mkdir()
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "GIT_AUTHOR_NAME": "t",
           "GIT_AUTHOR_EMAIL": "t@example.com", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}
    (repo / "bad.md").write_text("# Draft\n\nThe council met in order to vote.\n", encoding="utf-8")
    (repo / "clean.md").write_text("# Draft\n\nThe council met to vote.\n", encoding="utf-8")
    assert _run(["git", "init", "-q"], cwd=repo, env=env).returncode == 0
    assert _run(["git", "add", "."], cwd=repo, env=env).returncode == 0

    hook_repo = _snapshot_of_this_repo(tmp_path / "copydesk-snapshot", env)
    bad = _run([pre_commit, "try-repo", hook_repo, "copydesk", "--files", "bad.md"], cwd=repo, env=env)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "bad.md:3:17: warning style.wordy" in bad.stdout

    clean = _run([pre_commit, "try-repo", hook_repo, "copydesk", "--files", "clean.md"], cwd=repo, env=env)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "Passed" in clean.stdout


def _snapshot_of_this_repo(dest: Path, env: dict) -> Path:
    """This working tree (tracked and new, unignored files) committed in a repository of its own.

    pre-commit installs a hook repository from a commit; a snapshot makes the test see
    the tree as it is, uncommitted changes included.
    """
    listed = _run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT)
    assert listed.returncode == 0, listed.stderr
    for name in filter(None, listed.stdout.split("\0")):
        source = ROOT / name
        if source.is_file():
            target = dest / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    for cmd in (["git", "init", "-q"], ["git", "add", "-A"], ["git", "commit", "-q", "-m", "snapshot"]):
        done = _run(cmd, cwd=dest, env=env)
        assert done.returncode == 0, done.stderr
    return dest
