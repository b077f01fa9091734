"""Asking LanguageTool about one piece of text, through language-tool-python.

language-tool-python is used as the HTTP client only (``remote_server=``):
in that mode it never downloads or starts anything. The server is either the
user's (``grammar.server``) or one copydesk started from local jars
(:mod:`lint.grammar.server`). Matches come back as plain dicts with code-point
offsets into the text sent, the form the result cache stores.
"""

from __future__ import annotations

from lint.grammar.server import Unavailable, local_server
from lint.grammar.settings import GrammarSettings
from lint.grammar.text import Utf16Index

#: Suggestions kept per match (LanguageTool can offer dozens for a misspelling).
MAX_SUGGESTIONS = 5
#: Seconds a server that did not answer is left alone before it is asked again.
DOWN_FOR = 60.0


def server_root(url: str) -> str:
    """``http://host:8081/v2/`` -> ``http://host:8081``: language-tool-python adds ``v2/`` itself."""
    url = url.strip().rstrip("/")
    if url.endswith("/v2"):
        url = url[: -len("/v2")]
    if "://" not in url:
        url = "http://" + url
    return url + "/"


#: What a failing request or a malformed answer can raise inside language-tool-python: its own error, a
#: network error (requests' are OSErrors), or a parsing error on an answer that is not LanguageTool's JSON.
_FAILURES = (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError)


def tool_class(timeout: float):
    """language-tool-python's LanguageTool with a request timeout of ``timeout`` seconds (its own is 300)."""
    import language_tool_python  # imported here: it pulls in requests and psutil

    return type("LanguageTool", (language_tool_python.LanguageTool,), {"_TIMEOUT": timeout})


def _answered(exc: Exception) -> bool:
    """Did the server answer (with an error or garbage), as opposed to refusing or timing out?"""
    import http.client

    import language_tool_python

    if isinstance(exc, language_tool_python.exceptions.LanguageToolError):
        # language-tool-python raises it "from" what went wrong: an answer that is not JSON (requests'
        # JSONDecodeError is a ValueError, and an OSError too), or the network error when there was none.
        cause = exc.__cause__
        return isinstance(cause, ValueError) or not isinstance(cause, (OSError, http.client.HTTPException))
    return isinstance(exc, ValueError) or not isinstance(exc, OSError)


class Client:
    """One LanguageTool server, with the language and disabled rules of a settings."""

    def __init__(self, url: str, settings: GrammarSettings) -> None:
        import language_tool_python

        self.url = url
        try:
            self.tool = tool_class(settings.timeout)(settings.language, remote_server=server_root(url))
        except (language_tool_python.exceptions.LanguageToolError, *_FAILURES) as exc:
            raise Unavailable(f"LanguageTool at {url} did not answer: {_short(exc)}") from None
        self.tool.disabled_rules = set(settings.disabled_rules)
        self.tool.disabled_categories = set(settings.disabled_categories)

    def check(self, text: str) -> list[dict]:
        import language_tool_python

        try:
            matches = self.tool.check(text)
            index = Utf16Index(text)
            out = []
            for m in matches:
                # language-tool-python turns the start into code points but leaves the length in UTF-16 units.
                start = m.offset
                end = index.to_index(index.to_utf16(start) + m.error_length)
                out.append({
                    "rule": m.rule_id, "category": m.category, "type": m.rule_issue_type, "message": m.message,
                    "start": start, "end": end, "replacements": list(m.replacements[:MAX_SUGGESTIONS]),
                })
        except (language_tool_python.exceptions.LanguageToolError, *_FAILURES) as exc:
            raise Unavailable(f"LanguageTool at {self.url} failed: {_short(exc)}", answered=_answered(exc)) from None
        return out


def _short(exc: Exception) -> str:
    text = str(exc)
    if "Connection refused" in text or "Failed to establish a new connection" in text:
        return "connection refused (is the server running?)"
    if "timed out" in text.lower():
        return "timed out"
    lines = text.strip().splitlines()
    return lines[0][:300] if lines else type(exc).__name__


class Backend:
    """The server for one settings, found or started on the first paragraph that is not cached."""

    def __init__(self, settings: GrammarSettings, state_dir) -> None:
        self.settings = settings
        self.state_dir = state_dir
        self.client: Client | None = None
        #: Why the server is taken to be gone, and until when (time.monotonic()), once it did not answer.
        self.down: tuple[str, float] | None = None

    def _connect(self) -> Client:
        if self.settings.server:
            return Client(self.settings.server, self.settings)
        from lint.grammar.server import find_installation

        folder = find_installation(self.settings.path)
        try:
            url = local_server(folder, self.state_dir)
        except OSError:
            # The cache folder is not writable: keep the server's address in a private temporary folder.
            import tempfile
            from pathlib import Path

            url = local_server(folder, Path(tempfile.mkdtemp(prefix="copydesk-languagetool-")))
        return Client(url, self.settings)

    def check(self, text: str) -> list[dict]:
        """The matches for ``text``, or :class:`Unavailable`.

        A server that did not answer is not asked again for DOWN_FOR seconds: a hung server costs
        ``grammar.timeout`` once per run, not once per paragraph, and a long-lived process (an audit
        worker) still finds it again when it comes back.
        """
        import time

        if self.down is not None:
            why, until = self.down
            if time.monotonic() < until:
                raise Unavailable(why)
            self.down = None
        try:
            return self._check(text)
        except Unavailable as exc:
            if not exc.answered:
                self.down = (str(exc), time.monotonic() + DOWN_FOR)
            raise

    def _check(self, text: str) -> list[dict]:
        if self.client is None:
            self.client = self._connect()
        try:
            return self.client.check(text)
        except Unavailable as exc:
            if self.settings.server or exc.answered:
                raise
            # The shared local server went away (the run that started it ended): start one, once.
            self.client = self._connect()
            return self.client.check(text)
