"""Shared test helpers: paths, running the CLI in-process, writing drafts."""

from __future__ import annotations

import io
import json
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SHARED = ROOT.parent / "shared"


class Result:
    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err

    @property
    def json(self):
        return json.loads(self.out)


def run_cli(*args: str, stdin: str | None = None) -> Result:
    from lint.cli import main

    out, err = io.StringIO(), io.StringIO()
    old_stdin = sys.stdin
    if stdin is not None:
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8")), encoding="utf-8")
    try:
        with redirect_stdout(out), redirect_stderr(err):
            code = main([str(a) for a in args])
    finally:
        sys.stdin = old_stdin
    return Result(code, out.getvalue(), err.getvalue())


@pytest.fixture
def cli():
    return run_cli


@pytest.fixture
def write(tmp_path):
    """Write a file under tmp_path (bytes or text, exactly as given) and return its path."""

    def _write(name: str, content, newline_exact: bool = True) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        path.write_bytes(data)
        return path

    return _write


#: How long the tests wait for LanguageTool to start and to answer its first check.
LOADED_START_TIMEOUT = 600.0
#: The grammar timeout per paragraph in tests, where no test sets its own: a loaded machine (2 cores, several
#: suites at once) can make a healthy server take longer than the 30 s users get by default (issue #17).
LOADED_GRAMMAR_TIMEOUT = 180.0


@pytest.fixture(autouse=True)
def _patient_languagetool(monkeypatch):
    """Give LanguageTool the time a loaded machine needs: to start when copydesk starts it, and to answer."""
    from lint.grammar import server, settings

    monkeypatch.setattr(server, "START_TIMEOUT", LOADED_START_TIMEOUT)
    monkeypatch.setattr(settings, "DEFAULT_TIMEOUT", LOADED_GRAMMAR_TIMEOUT)


def _warm_up(url: str) -> None:
    """Ask the server one real question and wait for the answer (the first answer is the slow one)."""
    import time
    import urllib.parse
    import urllib.request

    data = urllib.parse.urlencode({"language": "en-US", "text": "This are a test of the the server."}).encode()
    deadline = time.monotonic() + LOADED_START_TIMEOUT
    while True:
        try:
            with urllib.request.urlopen(url.rstrip("/") + "/v2/check", data=data,
                                        timeout=max(1.0, deadline - time.monotonic())) as response:
                response.read()
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(1)


@pytest.fixture(scope="session")
def languagetool_server(tmp_path_factory):
    """A real LanguageTool server for the whole session, started from the jars scripts/languagetool fetched.

    It listens on a free port of 127.0.0.1 and is stopped after the last test. While it runs,
    COPYDESK_LANGUAGETOOL_URL points every grammar check at it and COPYDESK_CACHE_DIR at a fresh folder.
    Missing jars or Java fail the tests that need them, loudly: scripts/test installs both
    (scripts/prepare-languagetool), so their absence is a broken setup, not a reason to skip.
    """
    import os

    from lint.grammar import server as lt
    from lint.cache import CACHE_ENV
    from lint.grammar.settings import URL_ENV

    folder = lt.checkout_folder()
    if not any(folder.glob("languagetool-server*.jar")):
        pytest.fail(f"no LanguageTool jars in {folder}: run scripts/prepare-languagetool (needs mvn)", pytrace=False)
    try:
        lt.java_command()
    except lt.Unavailable as exc:
        pytest.fail(f"the grammar tests need Java 17: {exc}", pytrace=False)
    base = tmp_path_factory.mktemp("languagetool")
    # On a loaded machine (2 cores, several suites at once) Java can take minutes to start and to answer
    # its first check (it loads the English model then): wait for both here, generously, so that no test
    # meets a server that is still warming up and times out (issue #17).
    process, url = lt.launch(folder, lt.free_port(), log=base / "server.log", timeout=LOADED_START_TIMEOUT)
    try:
        _warm_up(url)
    except Exception:
        lt.stop(process)
        raise
    saved = {key: os.environ.get(key) for key in (URL_ENV, CACHE_ENV)}
    os.environ[URL_ENV] = url
    os.environ[CACHE_ENV] = str(base / "cache")
    try:
        yield url
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        lt.stop(process)
