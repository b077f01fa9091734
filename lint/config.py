"""Configuration: discovery, validation with clear errors, ``extends``, per-glob overrides.

A config is ``.copydesk.yaml`` (or ``.copydesk.yml``, or ``[tool.copydesk]`` in
``pyproject.toml``), found by walking up from each draft's folder; the nearest
one applies. ``extends`` merges another file underneath it.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import os
from dataclasses import dataclass, field
from pathlib import Path

from lint.errors import ConfigError
from lint.finding import SEVERITY_NAMES
from lint.rules import Rule, matches_prefix, parse_rules
from lint.yamlio import LineDict, LineList, load

CONFIG_NAMES = (".copydesk.yaml", ".copydesk.yml")

#: Family sections: mappings whose contents the family's own module validates.
SECTIONS = ("facts", "grammar", "dates", "claims", "repetition", "readability", "vale", "cache", "vocabulary")
TOP_KEYS = {"extends", "select", "ignore", "severity", "options", "rules", "per_file", "as_of", "date_order",
            "fail_on", "min_severity", "audience", *SECTIONS}
#: Who the copy is for; it chooses the document-level readability targets (rules/readability.yaml).
AUDIENCES = ("news", "docs", "plain-language")
PER_FILE_KEYS = {"select", "ignore", "severity", "options"}


@dataclass
class Config:
    path: str | None = None
    root: Path = field(default_factory=Path.cwd)
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    options: dict[str, dict] = field(default_factory=dict)
    rules: list[Rule] = field(default_factory=list)
    per_file: list[tuple[str, dict]] = field(default_factory=list)
    as_of: dt.date | None = None
    date_order: str = "mdy"
    #: Whether a config file set date_order (so "mdy" is a choice, not the default).
    date_order_set: bool = False
    fail_on: str | None = None
    #: Lowest severity the text report shows (None: warning); machine formats keep every finding.
    min_severity: str | None = None
    #: Who the copy is for (AUDIENCES); None means news.
    audience: str | None = None
    #: The config files that made this config, nearest last (extends first).
    files: list[str] = field(default_factory=list)
    sections: dict[str, dict] = field(default_factory=dict)
    #: Every rule name the config's select/ignore/severity keys use: (name, key, file, line), for
    #: checking that each names a rule (lint/selectors.py) once the rules in play are known.
    selectors: list[tuple[str, str, str, int | None]] = field(default_factory=list)

    def section(self, name: str) -> dict:
        return self.sections.get(name) or {}

    def overrides_for(self, path: str) -> list[dict]:
        """The per_file entries whose glob matches ``path`` (relative to the config's folder)."""
        try:
            rel = Path(os.path.abspath(path)).relative_to(self.root.resolve()).as_posix()
        except ValueError:
            rel = Path(path).as_posix()
        out = []
        for pattern, entry in self.per_file:
            if _glob_match(rel, pattern):
                out.append(entry)
        return out


def _glob_match(rel: str, pattern: str) -> bool:
    if fnmatch.fnmatchcase(rel, pattern):
        return True
    if pattern.startswith("**/") and fnmatch.fnmatchcase(rel, pattern[3:]):
        return True
    if "/" not in pattern and fnmatch.fnmatchcase(os.path.basename(rel), pattern):
        return True
    return False


# -- discovery ---------------------------------------------------------------

def find_config(start: Path) -> Path | None:
    """The nearest config file at or above ``start`` (a folder)."""
    folder = start.resolve()
    for candidate_dir in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            p = candidate_dir / name
            if p.is_file():
                return p
        pyproject = candidate_dir / "pyproject.toml"
        if pyproject.is_file() and _has_tool_section(pyproject):
            return pyproject
    return None


def _has_tool_section(pyproject: Path) -> bool:
    from lint.source import SourceError, read_setting_file

    try:
        return b"[tool.copydesk" in read_setting_file(str(pyproject))
    except (OSError, SourceError):
        return False


class ConfigResolver:
    """Finds and loads each folder's config once."""

    def __init__(self, explicit: str | None = None) -> None:
        self.explicit = load_checked(explicit) if explicit else None
        self._by_dir: dict[str, Config] = {}
        self._by_file: dict[str, Config] = {}

    def for_path(self, path: str) -> Config:
        if self.explicit is not None:
            return self.explicit
        folder = Path.cwd() if path == "-" else Path(path).parent
        key = str(folder)
        if key not in self._by_dir:
            found = find_config(folder)
            if found is None:
                cfg = Config()
            else:
                fkey = str(found)
                if fkey not in self._by_file:
                    try:
                        self._by_file[fkey] = load_checked(fkey)
                    except ConfigError as exc:
                        self._by_file[fkey] = exc
                if isinstance(self._by_file[fkey], ConfigError):
                    raise self._by_file[fkey]
                cfg = self._by_file[fkey]
            self._by_dir[key] = cfg
        return self._by_dir[key]


# -- loading -----------------------------------------------------------------

def load_checked(path: str) -> Config:
    """Load a config and check that its own rules do not reuse a built-in rule's id."""
    from lint.rules import builtin_rules

    cfg = load_config(path)
    builtin = {r.id: r.origin for r in builtin_rules()}
    for rule in cfg.rules:
        if rule.id in builtin:
            file, _, line = rule.origin.rpartition(":")
            raise ConfigError(f"duplicate rule id {rule.id!r}: a built-in rule has that id; change its parameters "
                              f"with options: instead", file, int(line) if line.isdigit() else None, "id")
    return cfg


def load_config(path: str, _chain: tuple[str, ...] = ()) -> Config:
    real = os.path.realpath(path)
    if real in _chain:
        cycle = " -> ".join([*_chain, real])
        raise ConfigError(f"'extends' forms a cycle: {cycle}", path, None, "extends")
    data = _read(path)
    if data is None:
        data = LineDict()
    if not isinstance(data, dict):
        raise ConfigError("a config file must be a mapping of keys", path, getattr(data, "line", None))
    where = data.line_of if isinstance(data, LineDict) else (lambda _k: None)
    for key in data:
        if key not in TOP_KEYS:
            hint = _did_you_mean(key, TOP_KEYS)
            raise ConfigError(f"unknown key {key!r}{hint}", path, where(key), str(key))

    base = Config(path=path, root=Path(path).resolve().parent)
    if "extends" in data:
        parents = data["extends"]
        parents = parents if isinstance(parents, list) else [parents]
        merged = None
        for parent in parents:
            if not isinstance(parent, str):
                raise ConfigError("extends must name a file (or a list of files)", path, where("extends"), "extends")
            parent_path = parent if os.path.isabs(parent) else os.path.join(os.path.dirname(path), parent)
            if not os.path.exists(parent_path):
                raise ConfigError(f"extends names {parent!r}, which does not exist", path, where("extends"), "extends")
            parent_cfg = load_config(parent_path, (*_chain, real))
            merged = parent_cfg if merged is None else _merge(merged, parent_cfg)
        base = _merge(merged, Config(path=path, root=Path(path).resolve().parent))
    own = _parse(data, path, where)
    return _merge(base, own)


def _read(path: str):
    if os.path.basename(path) == "pyproject.toml":
        try:
            import tomllib
        except ModuleNotFoundError:  # Python 3.10
            import tomli as tomllib  # type: ignore[no-redef]
        from lint.source import SourceError, read_setting_file

        try:
            doc = tomllib.loads(read_setting_file(path).decode("utf-8"))
        except FileNotFoundError:
            raise ConfigError("no such file", path) from None
        except SourceError as exc:
            raise ConfigError(str(exc), path) from None
        except UnicodeDecodeError as exc:
            raise ConfigError(f"not valid UTF-8 at byte {exc.start}", path) from None
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"malformed TOML: {exc}", path) from None
        return _to_line_dict(doc.get("tool", {}).get("copydesk", {}))
    return load(path)


def _to_line_dict(value):
    if isinstance(value, dict):
        d = LineDict((k, _to_line_dict(v)) for k, v in value.items())
        d.key_lines = {}
        return d
    if isinstance(value, list):
        return LineList(_to_line_dict(v) for v in value)
    return value


def _did_you_mean(key, choices) -> str:
    import difflib

    close = difflib.get_close_matches(str(key), sorted(choices), n=1)
    return f"; did you mean {close[0]!r}?" if close else f"; known keys: {', '.join(sorted(choices))}"


def _string_list(value, path, line, key) -> list[str]:
    if isinstance(value, str):
        value = [v.strip() for v in value.split(",") if v.strip()]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{key} must be a list of rule ids or prefixes", path, line, key)
    return list(value)


def _severity_map(value, path, line, key) -> dict[str, str]:
    if not isinstance(value, dict):
        raise ConfigError(f"{key} must map rule ids to error, warning or info", path, line, key)
    for rule_id, sev in value.items():
        if sev not in SEVERITY_NAMES:
            sub = value.line_of(rule_id) if isinstance(value, LineDict) else line
            raise ConfigError(f"severity of {rule_id!r} must be one of error, warning, info, not {sev!r}",
                              path, sub, str(rule_id))
    return dict(value)


def _options_map(value, path, line, key) -> dict[str, dict]:
    if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
        raise ConfigError(f"{key} must map rule ids to mappings of parameters", path, line, key)
    return {k: v for k, v in value.items()}


def _selector_names(value, names: list[str], key: str, path: str, line) -> list[tuple]:
    """(name, key, file, line) for each rule name of a select/ignore list or severity mapping."""
    if isinstance(value, LineList):
        return [(n, key, path, value.line_of(i)) for i, n in enumerate(names)]
    if isinstance(value, LineDict):
        return [(n, key, path, value.line_of(n)) for n in names]
    return [(n, key, path, line) for n in names]


def _parse(data: dict, path: str, where) -> Config:
    cfg = Config(path=path, root=Path(path).resolve().parent, files=[path])
    if "select" in data:
        cfg.select = _string_list(data["select"], path, where("select"), "select")
        cfg.selectors += _selector_names(data["select"], cfg.select, "select", path, where("select"))
    if "ignore" in data:
        cfg.ignore = _string_list(data["ignore"], path, where("ignore"), "ignore")
        cfg.selectors += _selector_names(data["ignore"], cfg.ignore, "ignore", path, where("ignore"))
    if "severity" in data:
        cfg.severity = _severity_map(data["severity"], path, where("severity"), "severity")
        cfg.selectors += _selector_names(data["severity"], list(cfg.severity), "severity", path, where("severity"))
    if "options" in data:
        cfg.options = _options_map(data["options"], path, where("options"), "options")
    if "rules" in data:
        items = data["rules"]
        if not isinstance(items, list):
            raise ConfigError("rules must be a list of rule entries", path, where("rules"), "rules")
        cfg.rules = parse_rules(items, path)
    if "as_of" in data:
        from lint.dateline import coerce_date

        value = coerce_date(data["as_of"])
        if value is None:
            raise ConfigError(f"as_of must be a date (YYYY-MM-DD), not {data['as_of']!r}", path, where("as_of"), "as_of")
        from lint.dateline import out_of_range

        if out_of_range(value):
            raise ConfigError(f"as_of: {out_of_range(value)}", path, where("as_of"), "as_of")
        cfg.as_of = value
    if "date_order" in data:
        if data["date_order"] not in ("mdy", "dmy"):
            raise ConfigError("date_order must be 'mdy' or 'dmy'", path, where("date_order"), "date_order")
        cfg.date_order = data["date_order"]
        cfg.date_order_set = True
    if "fail_on" in data:
        if data["fail_on"] not in (*SEVERITY_NAMES, "never"):
            raise ConfigError("fail_on must be error, warning, info or never", path, where("fail_on"), "fail_on")
        cfg.fail_on = data["fail_on"]
    if "min_severity" in data:
        if data["min_severity"] not in SEVERITY_NAMES:
            raise ConfigError(f"min_severity must be error, warning or info, not {data['min_severity']!r}", path,
                              where("min_severity"), "min_severity")
        cfg.min_severity = data["min_severity"]
    if "audience" in data:
        if data["audience"] not in AUDIENCES:
            raise ConfigError(f"audience must be one of {', '.join(AUDIENCES)}, not {data['audience']!r}", path,
                              where("audience"), "audience")
        cfg.audience = data["audience"]
    if "per_file" in data:
        cfg.per_file = _parse_per_file(data["per_file"], path, where("per_file"), cfg.selectors)
    for name in SECTIONS:
        if name in data:
            section = data[name]
            if not isinstance(section, dict):
                raise ConfigError(f"{name} must be a mapping", path, where(name), name)
            cfg.sections[name] = section
    return cfg


def _parse_per_file(value, path, line, selectors: list) -> list[tuple[str, dict]]:
    """The per_file entries; the rule names they use are added to ``selectors``."""
    if not isinstance(value, dict):
        raise ConfigError("per_file must map file globs to select/ignore/severity/options", path, line, "per_file")
    out = []
    for pattern, entry in value.items():
        sub = value.line_of(pattern) if isinstance(value, LineDict) else line
        if not isinstance(entry, dict):
            raise ConfigError(f"per_file {pattern!r} must be a mapping", path, sub, str(pattern))
        parsed: dict = {}
        for key, v in entry.items():
            kline = entry.line_of(key) if isinstance(entry, LineDict) else sub
            if key not in PER_FILE_KEYS:
                raise ConfigError(f"unknown key {key!r} in per_file {pattern!r}{_did_you_mean(key, PER_FILE_KEYS)}",
                                  path, kline, str(key))
            if key in ("select", "ignore"):
                parsed[key] = _string_list(v, path, kline, key)
            elif key == "severity":
                parsed[key] = _severity_map(v, path, kline, key)
            else:
                parsed[key] = _options_map(v, path, kline, key)
            if key != "options":
                selectors += _selector_names(v, list(parsed[key]), key, path, kline)
        out.append((str(pattern), parsed))
    return out


def _merge(base: Config | None, child: Config) -> Config:
    if base is None:
        return child
    rules = list(base.rules)
    ids = {r.id: r.origin for r in rules}
    for r in child.rules:
        if r.id in ids:
            path, _, line = r.origin.rpartition(":")
            raise ConfigError(f"duplicate rule id {r.id!r} (also defined at {ids[r.id]})", path,
                              int(line) if line.isdigit() else None, "id")
        rules.append(r)
    sections = {k: dict(v) for k, v in base.sections.items()}
    for k, v in child.sections.items():
        merged = LineDict({**sections.get(k, {}), **v})
        merged.key_lines = {**getattr(sections.get(k), "key_lines", {}), **getattr(v, "key_lines", {})}
        sections[k] = merged
    return Config(
        path=child.path or base.path,
        root=child.root,
        select=child.select if child.select is not None else base.select,
        ignore=[*base.ignore, *child.ignore],
        severity={**base.severity, **child.severity},
        options={**base.options, **child.options},
        rules=rules,
        per_file=[*base.per_file, *child.per_file],
        as_of=child.as_of or base.as_of,
        date_order=child.date_order if child.date_order_set or child.date_order != "mdy" else base.date_order,
        date_order_set=child.date_order_set or base.date_order_set,
        fail_on=child.fail_on or base.fail_on,
        min_severity=child.min_severity or base.min_severity,
        audience=child.audience or base.audience,
        files=[*base.files, *[f for f in child.files if f not in base.files]],
        sections=sections,
        selectors=[*base.selectors, *child.selectors],
    )


def selected(rule: Rule, select: list[str] | None, ignore: list[str]) -> bool:
    """Whether a rule runs: default-on rules unless ignored; default-off ones only when selected."""
    if matches_prefix(rule.id, ignore):
        return False
    if select is None:
        return rule.enabled
    if not matches_prefix(rule.id, select):
        return False
    # A rule that is off by default runs when a selector names it or its family explicitly.
    return rule.enabled or any(p not in ("ALL", "all") for p in select if matches_prefix(rule.id, [p]))
