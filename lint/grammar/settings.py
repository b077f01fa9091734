"""The ``grammar:`` section of .copydesk.yaml, validated with file, line and key in every error.

::

    grammar:
      enabled: true               # run the grammar rules in the default selection (default: only when selected)
      required: false             # true: no LanguageTool is an error (exit 2); false: skip with one notice
      server: http://localhost:8081   # a running LanguageTool server; else copydesk starts one from `path`
      path: .cache/languagetool/6.8   # a folder of LanguageTool jars (scripts/languagetool fetch)
      language: en-US             # en-US, en-GB, en-AU, en-CA, en-NZ, en-ZA
      timeout: 30                 # seconds to wait for the server's answer to one paragraph
      disabled_rules: [EN_QUOTES] # LanguageTool rule ids
      disabled_categories: [STYLE]
      severity: {TYPOS: error, STYLE: info}   # LanguageTool category -> severity
      accept: [copydesk, Zelensky]            # words never reported as misspellings

The environment overrides the file: ``COPYDESK_LANGUAGETOOL_URL`` (a server) and
``COPYDESK_LANGUAGETOOL_PATH`` (a folder of jars), so CI can point every
project at the server it started.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from lint.errors import ConfigError
from lint.finding import SEVERITY_NAMES, Severity

LANGUAGES = ("en-US", "en-GB", "en-AU", "en-CA", "en-NZ", "en-ZA")
KEYS = {
    "enabled": "run the grammar rules without selecting them (true) or never (false)",
    "required": "when no LanguageTool can be had: true = error (exit 2), false = skip with a notice (default)",
    "server": "URL of a running LanguageTool server",
    "path": "folder of LanguageTool jars to start a server from (default: scripts/languagetool's cache)",
    "timeout": "seconds to wait for LanguageTool's answer to one paragraph (default 30, at most 3600)",
    "language": f"language variant: {', '.join(LANGUAGES)} (default en-US)",
    "disabled_rules": "LanguageTool rule ids never to report",
    "disabled_categories": "LanguageTool categories never to report (TYPOS, GRAMMAR, STYLE, ...)",
    "severity": "LanguageTool category id -> error, warning or info",
    "accept": "words never reported as misspellings (the house vocabulary, names)",
}

URL_ENV = "COPYDESK_LANGUAGETOOL_URL"
PATH_ENV = "COPYDESK_LANGUAGETOOL_PATH"

#: Severities when the config names none: spelling and grammar as the rule says, style advice as info.
#: Seconds to wait for an answer. language-tool-python's own default (300 s, asked twice) would let a hung
#: server stall a CI run for ten minutes.
DEFAULT_TIMEOUT = 30.0
MAX_TIMEOUT = 3600.0

DEFAULT_SEVERITY = {"STYLE": "info", "REDUNDANCY": "info", "PLAIN_ENGLISH": "info", "TYPOGRAPHY": "info",
                    "CREATIVE_WRITING": "info", "WIKIPEDIA": "info"}


@dataclass(frozen=True)
class GrammarSettings:
    enabled: bool | None = None
    required: bool = False
    server: str | None = None
    path: Path | None = None
    language: str = "en-US"
    timeout: float = DEFAULT_TIMEOUT
    disabled_rules: frozenset[str] = frozenset()
    disabled_categories: frozenset[str] = frozenset()
    severity: dict[str, Severity] = field(default_factory=dict)
    accept: frozenset[str] = frozenset()

    def severity_of(self, category: str, default: Severity) -> Severity:
        if category in self.severity:
            return self.severity[category]
        if category in DEFAULT_SEVERITY:
            return Severity.parse(DEFAULT_SEVERITY[category])
        return default


def load_settings(config) -> GrammarSettings:
    """Settings from ``config`` (a lint.config.Config, or None) and the environment."""
    section = config.section("grammar") if config is not None else {}
    path = getattr(config, "path", None)
    where = section.line_of if hasattr(section, "line_of") else (lambda _key: None)

    def fail(message: str, key: str) -> ConfigError:
        return ConfigError(f"grammar.{key}: {message}", path, where(key), key)

    for key in section:
        if key not in KEYS:
            import difflib

            close = difflib.get_close_matches(str(key), KEYS, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else f"; known keys: {', '.join(sorted(KEYS))}"
            raise fail(f"unknown key {key!r}{hint}", str(key))

    def boolean(key: str, default):
        value = section.get(key, default)
        if value is not default and not isinstance(value, bool):
            raise fail("must be true or false", key)
        return value

    def text(key: str) -> str | None:
        value = section.get(key)
        if value is not None and (not isinstance(value, str) or not value.strip()):
            raise fail("must be a non-empty string", key)
        return value

    def words(key: str) -> frozenset[str]:
        value = section.get(key) or []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise fail("must be a list of strings", key)
        return frozenset(v.strip() for v in value)

    timeout = section.get("timeout", DEFAULT_TIMEOUT)
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or not 0 < timeout <= MAX_TIMEOUT:
        raise fail(f"must be a number of seconds above 0 and at most {MAX_TIMEOUT:g}, not {timeout!r}", "timeout")
    language = section.get("language", "en-US")
    if language not in LANGUAGES:
        raise fail(f"must be one of {', '.join(LANGUAGES)}, not {language!r}", "language")
    severity_map = section.get("severity") or {}
    if not isinstance(severity_map, dict):
        raise fail("must map LanguageTool categories (TYPOS, GRAMMAR, STYLE, ...) to error, warning or info",
                   "severity")
    severity: dict[str, Severity] = {}
    for category, name in severity_map.items():
        if name not in SEVERITY_NAMES:
            sub = severity_map.line_of(category) if hasattr(severity_map, "line_of") else where("severity")
            raise ConfigError(f"grammar.severity: {category!r} must be error, warning or info, not {name!r}",
                              path, sub, str(category))
        severity[str(category).upper()] = Severity.parse(name)

    server = os.environ.get(URL_ENV) or text("server")
    folder = os.environ.get(PATH_ENV)
    if folder is None and text("path") is not None:
        root = Path(path).resolve().parent if path else Path.cwd()
        folder = str((root / os.path.expanduser(section["path"])).resolve())
    return GrammarSettings(
        enabled=boolean("enabled", None),
        required=boolean("required", False),
        server=server,
        path=Path(folder) if folder else None,
        language=language,
        timeout=float(timeout),
        disabled_rules=words("disabled_rules"),
        disabled_categories=frozenset(c.upper() for c in words("disabled_categories")),
        severity=severity,
        accept=words("accept"),
    )
