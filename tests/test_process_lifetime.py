"""Killing copydesk (as CI cancellation does) leaves nothing running (issue #14): with --jobs 2 and grammar
on, SIGTERM or SIGKILL of the main process ends its workers and the LanguageTool server it started.

Real processes throughout: copydesk is started as a command, its process tree read from /proc.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads the process tree from /proc")


def children_of() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            tree.setdefault(ppid, []).append(int(entry))
    return tree


def descendants(pid: int) -> set[int]:
    tree, out, todo = children_of(), set(), [pid]
    while todo:
        for child in tree.get(todo.pop(), []):
            out.add(child)
            todo.append(child)
    return out


def alive(pid: int) -> bool:
    """Running (a zombie waiting for a reaper counts as gone: it runs nothing and holds no port)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


def command_line(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


@pytest.fixture
def grammar_project(tmp_path):
    from lint.grammar import server as lt

    if not any(lt.checkout_folder().glob("languagetool-server*.jar")):
        pytest.fail("no LanguageTool jars: run scripts/prepare-languagetool", pytrace=False)
    try:
        lt.java_command()
    except lt.Unavailable as exc:
        pytest.fail(f"these tests need Java 17: {exc}", pytrace=False)
    (tmp_path / ".copydesk.yaml").write_text("grammar:\n  enabled: true\n")
    for i in range(8):
        (tmp_path / f"d{i}.md").write_text(f"Draft {i}. We met in order to talk abuot it. " * 20 + "\n")
    return tmp_path


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL], ids=["SIGTERM", "SIGKILL"])
def test_killing_copydesk_ends_its_workers_and_its_languagetool(grammar_project, tmp_path_factory, sig):
    env = {k: v for k, v in os.environ.items() if k not in ("COPYDESK_LANGUAGETOOL_URL",)}
    env["COPYDESK_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))  # nothing cached: the server is needed
    env["PYTHONPATH"] = str(ROOT)
    main = subprocess.Popen([sys.executable, "-m", "lint", "check", "--jobs", "2", "--no-cache", "."],
                            cwd=grammar_project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    family: set[int] = set()
    try:
        deadline = time.monotonic() + 120
        java = []
        while time.monotonic() < deadline and main.poll() is None:
            family = descendants(main.pid)
            java = [p for p in family if "org.languagetool.server.HTTPServer" in command_line(p)]
            if java:
                break
            time.sleep(0.2)
        assert java, "copydesk never started LanguageTool (or finished before it could be killed)"
        time.sleep(1.0)  # the server is starting or answering, the workers are waiting on it
        family = descendants(main.pid)
        workers = [p for p in family if p not in java and "java" not in command_line(p)]
        assert len(workers) >= 2, [command_line(p) for p in family]
        os.kill(main.pid, sig)
        main.wait(timeout=30)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and any(alive(p) for p in family):
            time.sleep(0.2)
        left = {p: command_line(p) for p in family if alive(p)}
        assert left == {}, f"still running after copydesk was killed by {sig.name}: {left}"
    finally:  # whatever happened, leave nothing behind (a failing run would otherwise leave the orphans)
        family |= descendants(main.pid) if main.poll() is None else set()
        if main.poll() is None:
            main.kill()
            main.wait()
        for p in family:
            if alive(p):
                try:
                    os.kill(p, signal.SIGKILL)
                except ProcessLookupError:
                    pass
