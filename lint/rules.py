"""Rules as data: loading and validating YAML rule entries.

A rule is ``{id, kind, severity, message, docs, ...parameters}``. Its *kind*
names the module that runs it (see :mod:`lint.checks`); the remaining keys are
that kind's parameters, validated by the kind when the rule is built.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from lint.errors import ConfigError
from lint.finding import SEVERITY_NAMES, Severity
from lint.yamlio import LineDict, LineList, load_entries

#: Keys every rule may have; everything else is a parameter of its kind.
COMMON_KEYS = {"id", "kind", "severity", "message", "docs", "enabled", "scope"}
DOC_KEYS = {"summary", "why", "example", "good", "silence", "source", "sources", "notes", "parameters"}
ID_PATTERN = re.compile(r"^[a-z][a-z0-9_-]*(\.[A-Za-z0-9][A-Za-z0-9_-]*)+$")
FAMILIES = ("style", "repetition", "readability", "claims", "facts", "dates", "grammar")


@dataclass(frozen=True)
class Rule:
    id: str
    kind: str
    severity: Severity
    message: str
    docs: dict = field(default_factory=dict)
    params: dict = field(default_factory=dict)
    enabled: bool = True
    scope: str = "prose"
    origin: str = ""  # "path:line" of the entry, for error messages
    #: Where parameters changed by a config's ``options:`` were set: key -> (path, line).
    param_origins: dict = field(default_factory=dict)

    def with_params(self, overrides: dict, source: str | None = None) -> "Rule":
        """This rule with some parameters replaced (from ``options:`` in the config at ``source``)."""
        params = LineDict({**self.params, **overrides})
        params.line = getattr(self.params, "line", 0)
        params.key_lines = dict(getattr(self.params, "key_lines", {}))
        origins = dict(self.param_origins)
        for key in overrides:
            line = overrides.line_of(key) if isinstance(overrides, LineDict) else None
            origins[key] = (source, line)
        return replace(self, params=params, param_origins=origins)

    @property
    def summary(self) -> str:
        return str(self.docs.get("summary") or self.message.split("{")[0].strip() or self.id)

    def error(self, message: str, key: str | None = None) -> ConfigError:
        if key in self.param_origins:
            path, line_no = self.param_origins[key]
            return ConfigError(f"rule {self.id} (options): {message}", path, line_no, key)
        path, _, line = self.origin.rpartition(":")
        line_no = int(line) if line.isdigit() else None
        if key is not None and isinstance(self.params, LineDict):
            line_no = self.params.line_of(key) or line_no
        return ConfigError(f"rule {self.id}: {message}", path or None, line_no, key)


def parse_rule(entry, path: str, line: int) -> Rule:
    if not isinstance(entry, dict):
        raise ConfigError("a rule must be a mapping with at least id, kind and message", path, line)
    where = entry.line_of if isinstance(entry, LineDict) else (lambda _k: line)
    for key in ("id", "kind"):
        if key not in entry:
            raise ConfigError(f"rule has no '{key}'", path, line, key)
    rule_id = entry["id"]
    if not isinstance(rule_id, str) or not ID_PATTERN.match(rule_id):
        raise ConfigError(
            f"rule id {rule_id!r} must be dotted and namespaced, e.g. 'style.cliche'", path, where("id"), "id")
    kind = entry["kind"]
    if not isinstance(kind, str):
        raise ConfigError(f"rule {rule_id}: kind must be a name", path, where("kind"), "kind")
    severity = entry.get("severity", "warning")
    if severity not in SEVERITY_NAMES:
        raise ConfigError(
            f"rule {rule_id}: severity must be one of {', '.join(SEVERITY_NAMES)}, not {severity!r}",
            path, where("severity"), "severity")
    message = entry.get("message", "")
    if not isinstance(message, str):
        raise ConfigError(f"rule {rule_id}: message must be text", path, where("message"), "message")
    docs = entry.get("docs") or {}
    if not isinstance(docs, dict):
        raise ConfigError(f"rule {rule_id}: docs must be a mapping", path, where("docs"), "docs")
    for key in docs:
        if key not in DOC_KEYS:
            raise ConfigError(f"rule {rule_id}: unknown docs key {key!r}", path,
                              docs.line_of(key) if isinstance(docs, LineDict) else where("docs"), key)
    enabled = entry.get("enabled", True)
    if not isinstance(enabled, bool):
        raise ConfigError(f"rule {rule_id}: enabled must be true or false", path, where("enabled"), "enabled")
    params = LineDict((k, v) for k, v in entry.items() if k not in COMMON_KEYS)
    params.line = line
    params.key_lines = {k: where(k) for k in params}
    return Rule(
        id=rule_id, kind=kind, severity=Severity.parse(severity), message=message, docs=dict(docs),
        params=params, enabled=enabled, scope=str(entry.get("scope", "prose")), origin=f"{path}:{line}")


def load_pack(path: str | Path) -> list[Rule]:
    """Rules from a YAML file: a list of rules, or a mapping with a ``rules:`` list."""
    path = str(path)
    return parse_rules(load_entries(path, "rules", "rule pack"), path)


def parse_rules(items, path: str) -> list[Rule]:
    rules = []
    seen: dict[str, int] = {}
    for i, entry in enumerate(items):
        line = items.line_of(i) if isinstance(items, LineList) else 0
        rule = parse_rule(entry, path, line)
        if rule.id in seen:
            raise ConfigError(f"duplicate rule id {rule.id!r} (first defined at line {seen[rule.id]})",
                              path, line, "id")
        seen[rule.id] = line
        rules.append(rule)
    return rules


def builtin_rules() -> list[Rule]:
    """Every rule in the packs shipped with copydesk (cached per process)."""
    global _BUILTIN
    if _BUILTIN is None:
        _BUILTIN = _stored_packs()
    if _BUILTIN is None:
        from lint.resources import rule_pack_paths

        rules: list[Rule] = []
        seen: dict[str, str] = {}
        for pack in rule_pack_paths():
            for rule in load_pack(pack):
                if rule.id in seen:
                    raise ConfigError(f"duplicate rule id {rule.id!r} (also in {seen[rule.id]})", str(pack))
                seen[rule.id] = rule.origin
                rules.append(rule)
        _BUILTIN = rules
        _store_packs(rules)
    return _BUILTIN


#: The parsed shipped packs, pickled in copydesk's cache store under the package hash: loading them
#: from there takes about 1 ms, parsing the YAML with line numbers about 30-70 ms a run.
_PACKS_NAMESPACE = "rule-packs"


def _stored_packs() -> list[Rule] | None:
    try:
        import pickle

        from lint.cache import cache_root, package_hash
        from lint.store import store_for

        raw = store_for(cache_root()).get(_PACKS_NAMESPACE, package_hash())
        rules = pickle.loads(raw) if raw else None
    except Exception:  # noqa: BLE001 - a damaged entry is a miss
        return None
    if isinstance(rules, list) and rules and all(isinstance(r, Rule) for r in rules):
        return rules
    return None


def _store_packs(rules: list[Rule]) -> None:
    try:
        import pickle

        from lint.cache import cache_root, package_hash
        from lint.store import store_for

        store_for(cache_root()).put(_PACKS_NAMESPACE, package_hash(), pickle.dumps(rules))
    except Exception:  # noqa: BLE001 - an unwritable cache is only slower
        pass


_BUILTIN: list[Rule] | None = None


def is_shipped(rule: Rule) -> bool:
    """A rule from copydesk's own packs whose parameters no config changed (the test suite compiles every
    pattern of these, so they may be compiled lazily, when a draft needs them)."""
    if rule.param_origins:
        return False
    from lint.resources import rules_dir

    path = rule.origin.rpartition(":")[0]
    return bool(path) and Path(path).resolve().parent == _shipped_folder(rules_dir())


@lru_cache(maxsize=4)
def _shipped_folder(folder: Path) -> Path:
    return folder.resolve()


def matches_prefix(rule_id: str, prefixes) -> bool:
    """True if ``rule_id`` is one of ``prefixes`` or lies below one ('style' covers 'style.cliche')."""
    for p in prefixes:
        if p in ("ALL", "all") or rule_id == p or rule_id.startswith(p + "."):
            return True
    return False
