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


def server_root(url: str) -> str:
    """``http://host:8081/v2/`` -> ``http://host:8081``: language-tool-python adds ``v2/`` itself."""
    url = url.strip().rstrip("/")
    if url.endswith("/v2"):
        url = url[: -len("/v2")]
    if "://" not in url:
        url = "http://" + url
    return url + "/"


class Client:
    """One LanguageTool server, with the language and disabled rules of a settings."""

    def __init__(self, url: str, settings: GrammarSettings) -> None:
        import language_tool_python  # imported here: it pulls in requests and psutil

        self.url = url
        try:
            self.tool = language_tool_python.LanguageTool(settings.language, remote_server=server_root(url))
        except (language_tool_python.exceptions.LanguageToolError, ValueError, OSError) as exc:
            raise Unavailable(f"LanguageTool at {url} did not answer: {_short(exc)}") from None
        self.tool.disabled_rules = set(settings.disabled_rules)
        self.tool.disabled_categories = set(settings.disabled_categories)

    def check(self, text: str) -> list[dict]:
        import language_tool_python

        try:
            matches = self.tool.check(text)
        except (language_tool_python.exceptions.LanguageToolError, OSError, KeyError, ValueError) as exc:
            raise Unavailable(f"LanguageTool at {self.url} failed: {_short(exc)}") from None
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
        if self.client is None:
            self.client = self._connect()
        try:
            return self.client.check(text)
        except Unavailable:
            if self.settings.server:
                raise
            # The shared local server went away (the run that started it ended): start one, once.
            self.client = self._connect()
            return self.client.check(text)
