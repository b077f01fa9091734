"""LanguageTool failing: absent, slow, answering errors or garbage, killed mid-run.

Whatever the server does, the run finishes, the other checks are complete, and every draft whose
grammar findings are missing says so: ``"unavailable": ["grammar"]`` in the JSON report's document,
a notice naming the files (stderr and the JSON ``notices``), a line in the text summary. With
``grammar.required: true`` each affected draft is an error (exit 2) instead.

The failure modes come from a small stub server on 127.0.0.1 (a real LanguageTool cannot be made to
answer garbage on demand); the killed-mid-run case and the happy path use the real LanguageTool.
"""

from __future__ import annotations

import json
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from conftest import run_cli
from lint.cache import CACHE_ENV
from lint.grammar.settings import URL_ENV

DEAD_URL = "http://127.0.0.1:9"  # the discard port: nothing answers there
LANGUAGES = [{"name": "English (US)", "code": "en", "longCode": "en-US"}]
#: Each draft has a style finding (style.wordy) that must survive whatever LanguageTool does.
DRAFT = "In order to win, the team made one mistke.\n"


def stub_match(text: str, word: str) -> dict:
    """A match in LanguageTool's JSON form for ``word`` in ``text``."""
    at = text.index(word)
    return {"message": "Possible spelling mistake found.", "shortMessage": "Spelling mistake",
            "replacements": [{"value": "mistake"}], "offset": at, "length": len(word),
            "context": {"text": text, "offset": at, "length": len(word)}, "sentence": text,
            "type": {"typeName": "UnknownWord"},
            "rule": {"id": "MORFOLOGIK_RULE_EN_US", "description": "Possible spelling mistake",
                     "issueType": "misspelling", "category": {"id": "TYPOS", "name": "Possible Typo"}}}


class Stub:
    """A fake LanguageTool server. ``answer(text)`` returns (status, body bytes) for a /v2/check request
    and may sleep; ``release`` ends every pending sleep (set when the test ends)."""

    def __init__(self, answer) -> None:
        self.answer = answer
        self.texts: list[str] = []
        self.release = threading.Event()
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # quiet
                pass

            def _send(self, status: int, body: bytes, kind: str = "application/json") -> None:
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", kind)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except OSError:
                    pass  # the client gave up waiting

            def do_GET(self):
                self._send(200, json.dumps(LANGUAGES).encode())

            def do_POST(self):
                form = urllib.parse.parse_qs(self.rfile.read(int(self.headers["Content-Length"])).decode())
                text = form.get("text", [""])[0]
                stub.texts.append(text)
                status, body = stub.answer(stub, text)
                self._send(status, body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.server.block_on_close = False
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.release.set()
        self.server.shutdown()
        self.server.server_close()


def healthy(stub: Stub, text: str):
    """A correct answer: 'mistke' is a misspelling."""
    matches = [stub_match(text, "mistke")] if "mistke" in text else []
    return 200, json.dumps({"matches": matches}).encode()


@pytest.fixture
def stub_server(monkeypatch, tmp_path):
    """Start a stub with the given answer; COPYDESK_LANGUAGETOOL_URL points at it."""
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    stubs = []

    def start(answer) -> Stub:
        stub = Stub(answer).__enter__()
        stubs.append(stub)
        monkeypatch.setenv(URL_ENV, stub.url)
        return stub

    yield start
    for stub in stubs:
        stub.__exit__(None, None, None)


def check(*paths, fmt: str = "json", jobs: str = "1", extra=()):
    return run_cli("check", "--format", fmt, "--jobs", jobs, *extra, *map(str, paths))


def drafts(write, n: int = 3, text: str = DRAFT):
    """``n`` drafts, each paragraph different (a paragraph already answered would come from the cache)."""
    write(".copydesk.yaml", "grammar:\n  enabled: true\n")
    return [write(f"d{i}.md", text.replace("team", f"team {i}")) for i in range(n)]


def rules_by_file(result) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for f in result.json["findings"]:
        out.setdefault(f["path"].rsplit("/", 1)[-1], []).append(f["rule"])
    return out


def unavailable(result) -> dict[str, list[str]]:
    return {d["path"].rsplit("/", 1)[-1]: d.get("unavailable", []) for d in result.json["documents"]}


def assert_grammar_missing_everywhere(result, names):
    assert result.code == 1, result.out + result.err  # the style finding; no error
    assert result.json["errors"] == []
    assert unavailable(result) == {n: ["grammar"] for n in names}
    assert rules_by_file(result) == {n: ["style.wordy"] for n in names}  # the other checks are complete
    (named,) = [n for n in result.json["notices"] if n.startswith("grammar findings unavailable")]
    assert all(n in named for n in names), named
    assert named in result.err


# -- the happy path through the stub, so the failures below are failures of the server alone ----------

def test_stub_answers_like_languagetool(stub_server, write):
    stub_server(healthy)
    paths = drafts(write)
    result = check(*paths)
    assert result.code == 1 and result.json["notices"] == []
    assert rules_by_file(result) == {p.name: ["style.wordy", "grammar.MORFOLOGIK_RULE_EN_US"] for p in paths}
    assert all("unavailable" not in d for d in result.json["documents"])


# -- absent ------------------------------------------------------------------------------------------

def test_absent_server_every_file_is_marked_and_the_other_checks_complete(monkeypatch, tmp_path, write):
    monkeypatch.setenv(URL_ENV, DEAD_URL)
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    paths = drafts(write)
    result = check(*paths)
    assert_grammar_missing_everywhere(result, [p.name for p in paths])
    assert any("connection refused" in n for n in result.json["notices"])


def test_absent_server_text_summary_names_it_and_exit_code_is_unaffected(monkeypatch, tmp_path, write):
    monkeypatch.setenv(URL_ENV, DEAD_URL)
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    paths = drafts(write, 2, text="The team made one mistke.\n")
    result = check(*paths, fmt="text")
    assert result.code == 0, result.out + result.err  # nothing else to report: grammar's absence is no finding
    assert "No problems found in 2 files. Grammar not checked in 2 files (see the note)." in result.out
    assert f"grammar findings unavailable (not checked) in 2 files: {paths[0]}, {paths[1]}" in result.err


def test_absent_server_jobs_1_and_2_report_the_same(monkeypatch, tmp_path, write):
    monkeypatch.setenv(URL_ENV, DEAD_URL)
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    paths = drafts(write, 4)
    one, two = check(*paths, jobs="1"), check(*paths, jobs="2")
    assert one.json == two.json
    assert_grammar_missing_everywhere(two, [p.name for p in paths])


def test_required_makes_each_affected_file_an_error(monkeypatch, tmp_path, write):
    monkeypatch.setenv(URL_ENV, DEAD_URL)
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    paths = drafts(write, 2)
    write(".copydesk.yaml", "grammar:\n  enabled: true\n  required: true\n")
    result = check(*paths)
    assert result.code == 2
    assert [e["path"] for e in result.json["errors"]] == [str(p) for p in paths]
    assert all("grammar checks could not run" in e["message"] for e in result.json["errors"])
    assert rules_by_file(result) == {p.name: ["style.wordy"] for p in paths}
    assert unavailable(result) == {p.name: ["grammar"] for p in paths}


# -- slow ----------------------------------------------------------------------------------------------

def test_hung_server_costs_the_timeout_once_not_the_run(stub_server, write):
    def hang(stub, text):
        stub.release.wait(60)
        return healthy(stub, text)

    stub = stub_server(hang)
    paths = drafts(write, 3)
    write(".copydesk.yaml", "grammar:\n  enabled: true\n  timeout: 0.5\n")
    started = time.monotonic()
    result = check(*paths)
    elapsed = time.monotonic() - started
    assert_grammar_missing_everywhere(result, [p.name for p in paths])
    assert any("timed out" in n for n in result.json["notices"]), result.json["notices"]
    # language-tool-python asks twice; after that the server counts as gone for the rest of the run.
    assert len(stub.texts) == 2
    assert elapsed < 30, elapsed  # far below the 60 s the server would take, let alone 300 s per paragraph


# -- errors and garbage --------------------------------------------------------------------------------

FAILURES = {
    "http-500": (500, b"Error: Internal Error: java.lang.OutOfMemoryError: Java heap space"),
    "truncated-json": (200, b'{"matches": [{"message": "Possible'),
    "json-of-the-wrong-shape": (200, b'[1, 2, 3]'),
    "matches-without-fields": (200, b'{"matches": [{"offset": 3}]}'),
    "html-error-page": (502, b"<html><body><h1>502 Bad Gateway</h1></body></html>"),
}


@pytest.mark.parametrize("failure", list(FAILURES))
def test_error_answers_mark_the_files_and_the_run_finishes(stub_server, write, failure):
    stub = stub_server(lambda _stub, _text: FAILURES[failure])
    paths = drafts(write, 2)
    result = check(*paths)
    assert_grammar_missing_everywhere(result, [p.name for p in paths])
    assert len(stub.texts) >= 2  # an answered error is per paragraph: the next one is still asked


def test_one_poisoned_paragraph_costs_only_its_file_and_is_never_cached(stub_server, write):
    def poisoned(stub, text):
        return (500, b"Error: Internal Error") if "poison" in text else healthy(stub, text)

    stub_server(poisoned)
    write(".copydesk.yaml", "grammar:\n  enabled: true\n")
    good = write("good.md", DRAFT)
    bad = write("bad.md", DRAFT + "\nA poison paragraph.\n")
    result = check(good, bad)
    assert unavailable(result) == {"bad.md": ["grammar"], "good.md": []}
    # The paragraph that was answered is reported, in both files.
    assert rules_by_file(result) == {n: ["style.wordy", "grammar.MORFOLOGIK_RULE_EN_US"] for n in ("bad.md", "good.md")}
    assert result.code == 1 and result.json["errors"] == []
    # The server is fixed: the failed paragraph is asked again (neither the file's result nor the
    # paragraph's answer was cached), the good file comes from the cache.
    stub = stub_server(healthy)
    again = check(good, bad)
    assert stub.texts == ["A poison paragraph."]
    assert unavailable(again) == {"bad.md": [], "good.md": []} and again.json["notices"] == []


# -- killed mid-run (the real LanguageTool) ----------------------------------------------------------------

def test_server_killed_after_the_first_file(languagetool_server, monkeypatch, tmp_path, write):
    from lint.engine import Checker
    from lint.grammar import server as lt

    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    process, url = lt.launch(lt.checkout_folder(), lt.free_port(), log=tmp_path / "doomed.log")
    monkeypatch.setenv(URL_ENV, url)
    paths = drafts(write, 3)
    real_check_path = Checker.check_path
    calls = []

    def check_path_then_kill(self, path, keep_text=False):
        result = real_check_path(self, path, keep_text)
        calls.append(path)
        if len(calls) == 1:
            process.kill()
            process.wait()
        return result

    monkeypatch.setattr(Checker, "check_path", check_path_then_kill)
    try:
        result = check(*paths)
    finally:
        lt.stop(process)
    assert result.code == 1 and result.json["errors"] == []
    assert unavailable(result) == {"d0.md": [], "d1.md": ["grammar"], "d2.md": ["grammar"]}
    assert rules_by_file(result) == {"d0.md": ["style.wordy", "grammar.MORFOLOGIK_RULE_EN_US"],
                                     "d1.md": ["style.wordy"], "d2.md": ["style.wordy"]}
    # With a server back, the two files are checked in full: nothing was cached from the failed run.
    monkeypatch.setenv(URL_ENV, languagetool_server)
    again = check(*paths)
    assert rules_by_file(again) == {p.name: ["style.wordy", "grammar.MORFOLOGIK_RULE_EN_US"] for p in paths}
    assert again.json["notices"] == []


# -- the timeout setting -----------------------------------------------------------------------------------

@pytest.mark.parametrize("value", ["0", "-1", "soon", "true", "7200", "[1]"])
def test_bad_timeout_names_file_line_and_key(monkeypatch, tmp_path, write, value):
    monkeypatch.setenv(URL_ENV, DEAD_URL)
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    write(".copydesk.yaml", f"grammar:\n  enabled: true\n  timeout: {value}\n")
    result = run_cli("check", str(write("a.md", "Text.\n")))
    assert result.code == 2
    assert ".copydesk.yaml:3: grammar.timeout: must be a number of seconds above 0 and at most 3600" in result.out, \
        result.out


def test_timeout_reaches_the_http_client(monkeypatch, tmp_path, write):
    from lint.grammar.client import tool_class

    assert tool_class(2.5)._TIMEOUT == 2.5
    import language_tool_python

    assert language_tool_python.LanguageTool._TIMEOUT == 300  # the library's own is untouched


def test_server_copydesk_started_is_started_again_when_killed(monkeypatch, tmp_path, write):
    """With no URL configured copydesk runs its own server; if that one dies mid-run it starts another
    and every draft is checked in full."""
    from lint.engine import Checker
    from lint.grammar import server as lt

    if not any(lt.checkout_folder().glob("languagetool-server*.jar")):
        pytest.fail("no LanguageTool jars: run scripts/prepare-languagetool", pytrace=False)
    monkeypatch.delenv(URL_ENV, raising=False)
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    paths = drafts(write, 3)
    real_check_path = Checker.check_path
    killed = []

    def check_path_then_kill(self, path, keep_text=False):
        result = real_check_path(self, path, keep_text)
        if not killed:
            ((process, _, _),) = lt._OWNED.values()
            process.kill()
            process.wait()
            killed.append(process.pid)
        return result

    monkeypatch.setattr(Checker, "check_path", check_path_then_kill)
    try:
        result = check(*paths)
        started = [process.pid for process, _, _ in lt._OWNED.values()]
    finally:
        lt.stop_owned()
    assert killed and len(started) == 2 and killed[0] in started  # the killed one and its successor
    assert result.code == 1 and result.json["notices"] == []
    assert unavailable(result) == {p.name: [] for p in paths}
    assert rules_by_file(result) == {p.name: ["style.wordy", "grammar.MORFOLOGIK_RULE_EN_US"] for p in paths}


def test_ci_formats_say_what_was_not_checked(monkeypatch, tmp_path, write):
    monkeypatch.setenv(URL_ENV, DEAD_URL)
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    (draft,) = drafts(write, 1)
    github = check(draft, fmt="github")
    assert github.code == 1
    assert "::warning file=" in github.out and "title=copydesk%3A grammar not checked::grammar findings unavailable" \
        in github.out
    sarif = json.loads(check(draft, fmt="sarif").out)
    (invocation,) = sarif["runs"][0]["invocations"]
    (note,) = invocation["toolExecutionNotifications"]
    assert note["level"] == "warning" and note["message"]["text"].startswith("grammar findings unavailable")
    assert invocation["executionSuccessful"] is True
    from test_report_formats import SCHEMA

    if SCHEMA.is_file():  # fetched by scripts/prepare-sarif-schema, which the SARIF tests run
        import jsonschema

        jsonschema.Draft4Validator(json.loads(SCHEMA.read_text(encoding="utf-8"))).validate(sarif)


def test_a_server_given_up_is_asked_again_after_a_while(monkeypatch):
    """A long-lived process (an audit worker) finds the server again once it is back."""
    from lint.grammar import client
    from lint.grammar.server import Unavailable
    from lint.grammar.settings import GrammarSettings

    backend = client.Backend(GrammarSettings(server=DEAD_URL), state_dir=None)
    with pytest.raises(Unavailable, match="connection refused"):
        backend.check("One mistke.")
    asked = []
    monkeypatch.setattr(client.Backend, "_check", lambda self, text: asked.append(text) or [])
    with pytest.raises(Unavailable):
        backend.check("Two.")  # still given up: not asked
    assert asked == []
    clock = time.monotonic() + client.DOWN_FOR + 1
    monkeypatch.setattr(time, "monotonic", lambda: clock)
    assert backend.check("Three.") == [] and asked == ["Three."]
