"""How Vale rules join a copydesk run: one extra check per draft when a ``.vale.ini`` applies.

Vale mode is on when ``--vale-config FILE`` (or ``auto``) is given, when the
output format is ``vale-line``, or when ``.copydesk.yaml`` has a ``vale:``
section (``vale: {config: .vale.ini}``; ``config: auto``, the default, finds
the nearest ``.vale.ini`` the way Vale does, walking up from the draft).
Plain copydesk runs never look for a ``.vale.ini``.

Vale alerts are findings with rule ids ``Style.Rule``. They follow
``select``/``ignore``/``severity`` like copydesk's own rules (by style,
``Google``, or rule, ``Google.Headings``); the pseudo-prefix ``vale`` stands
for every Vale rule (``--select vale`` runs only Vale's, ``--ignore vale``
none of them). Levels map suggestion → info, warning → warning, error → error.
"""

from __future__ import annotations

from pathlib import Path

from lint.checks.base import Check
from lint.errors import ConfigError
from lint.finding import Finding, Severity, one_line
from lint.rules import Rule, matches_prefix

SECTION_KEYS = {"config": "path to a .vale.ini (relative to this file), or 'auto' to find one as Vale does"}
LEVEL_TO_SEVERITY = {"suggestion": Severity.INFO, "warning": Severity.WARNING, "error": Severity.ERROR}
RULE = Rule(id="vale", kind="vale", severity=Severity.WARNING, message="Vale rules")


def _section_setting(config) -> str | None:
    section = config.section("vale")
    if not section and "vale" not in config.sections:
        return None
    for key in section:
        if key not in SECTION_KEYS:
            line = section.line_of(key) if hasattr(section, "line_of") else None
            raise ConfigError(f"unknown key in vale section: {key!r}; it takes: {', '.join(SECTION_KEYS)}",
                              config.path, line, key)
    value = section.get("config", "auto")
    if not isinstance(value, str) or not value:
        line = section.line_of("config") if hasattr(section, "line_of") else None
        raise ConfigError("vale.config must be a path or 'auto'", config.path, line, "config")
    if value == "auto":
        return value
    return str((config.root / value) if not Path(value).is_absolute() else Path(value))


def ini_for(path: str, setting: str) -> Path | None:
    if setting != "auto":
        p = Path(setting)
        if not p.is_file():
            raise ConfigError("Vale config not found (no such file)", setting)
        return p
    from lint.vale.ini import find_vale_config

    start = Path(path if path != "-" else ".").absolute()
    return find_vale_config(start.parent if not start.is_dir() else start)


def vale_checks(config, explicit: str | None, path: str, select, ignore, severity: dict, context) -> list[Check]:
    """The Vale check for one draft, or nothing when Vale mode is off or no ``.vale.ini`` applies."""
    try:
        setting = explicit or _section_setting(config)
        if not setting or "vale" in ignore:
            return []
        ini = ini_for(path, setting)
        if ini is None:
            context.notice("Vale mode is on but no .vale.ini was found (looked from the draft's folder upwards)")
            return []
        from lint.vale import linter_for

        linter, notices = linter_for(ini)
    except ConfigError as exc:
        return [BrokenValeConfig(exc)]
    for n in notices:
        context.notice(n)
    return [ValeCheck(linter, select, ignore, severity)]


class BrokenValeConfig(Check):
    """Stands in for the Vale rules when their config cannot be read: the error is reported for the
    draft (exit code 2) while copydesk's own checks still run on it."""

    def __init__(self, error: ConfigError) -> None:
        super().__init__(RULE)
        self.error = error

    def run(self, doc):
        raise self.error


def _wanted(rule_id: str, select, ignore) -> bool:
    ids = (rule_id, "vale." + rule_id)
    if any(matches_prefix(i, ignore) for i in ids):
        return False
    return select is None or any(matches_prefix(i, select) for i in ids)


class ValeCheck(Check):
    def __init__(self, linter, select, ignore, severity: dict) -> None:
        super().__init__(RULE)
        self.linter = linter
        self.select, self.ignore, self.severity = select, list(ignore), severity

    def _severity(self, rule_id: str, level: str) -> Severity:
        best, best_len = None, -1
        for prefix, sev in self.severity.items():
            if (matches_prefix(rule_id, [prefix]) or matches_prefix("vale." + rule_id, [prefix])) \
                    and len(prefix) > best_len:
                best, best_len = sev, len(prefix)
        return Severity.parse(best) if best else LEVEL_TO_SEVERITY[level]

    def run(self, doc):
        alerts = self.linter.lint(doc.path, doc.text)
        errors, self.linter.errors = self.linter.errors, []
        for a in alerts:
            if not _wanted(a.rule, self.select, self.ignore):
                continue
            yield Finding(rule=a.rule, severity=self._severity(a.rule, a.level), message=one_line(a.message),
                          path=doc.path, start=a.start, end=a.end, match=a.match, suggestions=list(a.suggestions),
                          document_level=a.document_level)
        if errors:  # after the findings, which the engine keeps, so one slow rule loses only its own
            raise ConfigError("; ".join(dict.fromkeys(errors)))
