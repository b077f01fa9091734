"""A LanguageTool server copydesk starts itself, from jars that are already on the machine.

copydesk never downloads LanguageTool. It starts ``java -cp '<folder>/*'
org.languagetool.server.HTTPServer`` from the first of these folders that holds jars:

1. ``grammar.path`` in the config, or ``COPYDESK_LANGUAGETOOL_PATH``;
2. ``.cache/languagetool/<version>/`` of the source checkout, where ``scripts/languagetool fetch``
   puts the pinned release from Maven Central;
3. the newest ``LanguageTool-*`` folder that language-tool-python downloaded (``$LTP_PATH``, or
   ``~/.cache/language_tool_python``), for users who ran its download where the internet is reachable.

The server is started lazily (only when a paragraph is not in the result cache), listens on
127.0.0.1 only, and is shared by every process of one run (``--jobs``): the first process that needs
it starts it under a file lock and records its address; the others find it there. The process that
started it stops it when it exits.
"""

from __future__ import annotations

import atexit
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from lint.lifetime import set_parent_death_signal

#: The LanguageTool release scripts/languagetool fetches (pinned in scripts/languagetool.pom.xml too).
LANGUAGETOOL_VERSION = "6.8"
#: Seconds a starting server may take to answer its health check (Java start and rule loading).
START_TIMEOUT = 120.0
#: copydesk's own LanguageTool rules (org/languagetool/rules/en/grammar_custom.xml), put on the class path.
EXTRA_RULES = Path(__file__).resolve().parent / "languagetool"
MAIN_CLASS = "org.languagetool.server.HTTPServer"


class Unavailable(Exception):
    """No LanguageTool server can be had; the message says why and what to do.

    ``answered`` is true when a server did answer, but with an error or garbage instead of matches for
    one text: the next paragraph may fare better. Otherwise (refused, timed out, not installed) the
    server is taken to be gone for the rest of the run.
    """

    def __init__(self, message: str, answered: bool = False) -> None:
        super().__init__(message)
        self.answered = answered


HOW_TO_GET = ("run scripts/languagetool fetch (jars from Maven Central), set grammar.server (or "
              "COPYDESK_LANGUAGETOOL_URL) to a running LanguageTool server, or grammar.path to a folder of its jars")


# -- finding an installation -----------------------------------------------------

def checkout_folder() -> Path:
    """Where scripts/languagetool puts the jars in this source checkout."""
    return Path(__file__).resolve().parents[2] / ".cache" / "languagetool" / LANGUAGETOOL_VERSION


def _has_jars(folder: Path) -> bool:
    return folder.is_dir() and any(folder.glob("languagetool-server*.jar"))


def _ltp_download() -> Path | None:
    base = Path(os.environ.get("LTP_PATH") or Path.home() / ".cache" / "language_tool_python")
    if not base.is_dir():
        return None
    found = sorted((p for p in base.glob("LanguageTool-*") if _has_jars(p)), key=lambda p: p.name)
    return found[-1] if found else None


def find_installation(configured: Path | None) -> Path:
    """The folder of LanguageTool jars to start, or :class:`Unavailable` saying what is missing."""
    if configured is not None:
        if not _has_jars(configured):
            raise Unavailable(f"{configured} holds no LanguageTool jars (languagetool-server*.jar); "
                              f"run scripts/languagetool fetch or fix grammar.path")
        return configured
    if _has_jars(checkout_folder()):
        return checkout_folder()
    downloaded = _ltp_download()
    if downloaded is not None:
        return downloaded
    raise Unavailable(f"no LanguageTool found; {HOW_TO_GET}")


def release_of(folder: Path) -> str:
    """The LanguageTool release in a folder of jars: from languagetool-server-<release>.jar, else the folder name."""
    for jar in sorted(folder.glob("languagetool-server-*.jar")):
        return jar.stem.removeprefix("languagetool-server-")
    return folder.name


def java_command() -> str:
    java = shutil.which("java")
    if java is None:
        raise Unavailable("LanguageTool needs Java 17 or newer, and there is no 'java' on PATH")
    return java


# -- starting one ---------------------------------------------------------------

def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_command(folder: Path, port: int) -> list[str]:
    classpath = os.pathsep.join([str(folder / "*"), str(EXTRA_RULES)])
    return [java_command(), "-cp", classpath, MAIN_CLASS, "--port", str(port), "--allow-origin", "*"]


def healthy(url: str, timeout: float = 2.0) -> bool:
    try:
        with urllib.request.urlopen(url.rstrip("/") + "/v2/healthcheck", timeout=timeout) as response:
            return response.status == 200
    except (OSError, ValueError):
        return False


def _die_with_parent() -> None:  # pragma: no cover - runs in the child between fork and exec
    """Linux: have the kernel stop the server when the copydesk process that started it dies, even by
    SIGKILL (see lint/lifetime.py). SIGTERM lets the JVM shut down cleanly."""
    set_parent_death_signal(signal.SIGTERM)


def launch(folder: Path, port: int, log: Path | None = None, timeout: float | None = None):
    """Start a server from ``folder`` on 127.0.0.1:``port``; return (process, url) once it answers
    (within ``timeout`` seconds, by default START_TIMEOUT as it is when called)."""
    timeout = START_TIMEOUT if timeout is None else timeout
    command = server_command(folder, port)
    import ctypes  # noqa: F401 - loaded here, so the child between fork and exec only looks it up

    out = open(log, "wb") if log else subprocess.DEVNULL  # noqa: SIM115 - handed to the child
    try:
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
                                   preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None)
    finally:
        if log:
            out.close()
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise Unavailable(f"LanguageTool from {folder} exited at start-up (code {process.returncode})"
                              + _log_tail(log))
        if healthy(url, timeout=1.0):
            return process, url
        time.sleep(0.2)
    stop(process)
    raise Unavailable(f"LanguageTool from {folder} did not answer within {timeout:.0f} s" + _log_tail(log))


def _log_tail(log: Path | None) -> str:
    if not log or not log.is_file():
        return ""
    lines = [ln for ln in log.read_text(encoding="utf-8", errors="replace").splitlines() if ln.strip()]
    return ("; its log ends: " + " | ".join(lines[-3:])) if lines else ""


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


# -- sharing one per run ----------------------------------------------------------

#: Servers started by this process: url -> (process, state file, pid of the process that started it).
_OWNED: dict[str, tuple[subprocess.Popen, Path, int]] = {}


@contextmanager
def _locked(path: Path):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+") as fh:
        try:
            import fcntl
        except ImportError:  # pragma: no cover - Windows: each process starts its own
            yield
            return
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def local_server(folder: Path, state_dir: Path) -> str:
    """The URL of a running server started from ``folder``: one already shared, or a new one."""
    import hashlib

    key = hashlib.sha256(str(folder.resolve()).encode()).hexdigest()[:16]
    state = state_dir / f"languagetool-{key}.json"
    with _locked(state_dir / f"languagetool-{key}.lock"):
        try:
            known = json.loads(state.read_text(encoding="utf-8"))
            if healthy(known["url"]):
                return known["url"]
        except (OSError, ValueError, KeyError, TypeError):
            pass
        process, url = launch(folder, free_port(), log=state_dir / f"languagetool-{key}.log")
        state.write_text(json.dumps({"url": url, "pid": process.pid}), encoding="utf-8")
        _OWNED[url] = (process, state, os.getpid())
        _stop_at_exit()
        return url


#: The process that registered stop_owned: a forked worker must register its own, because
#: multiprocessing clears the finalizers it inherits.
_REGISTERED_IN: int | None = None


def _stop_at_exit() -> None:
    global _REGISTERED_IN
    if _REGISTERED_IN == os.getpid():
        return
    _REGISTERED_IN = os.getpid()
    atexit.register(stop_owned)  # stop_owned is idempotent: a registration inherited through fork is harmless
    # Worker processes of --jobs leave through os._exit, which skips atexit; multiprocessing's
    # finalizers still run there.
    from multiprocessing import util

    util.Finalize(None, stop_owned, exitpriority=10)


def stop_owned() -> None:
    """Stop every server this process started (idempotent; a forked child leaves its parent's alone)."""
    for url, (process, state, owner) in list(_OWNED.items()):
        del _OWNED[url]
        if owner != os.getpid():
            continue
        try:
            if json.loads(state.read_text(encoding="utf-8")).get("pid") == process.pid:
                state.unlink()
        except (OSError, ValueError):
            pass
        stop(process)
