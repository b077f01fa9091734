"""Vale styles: the rule YAML files under ``StylesPath/<Style>/``, loaded as Vale loads them.

A rule's name is ``Style.File`` (``Google/Headings.yml`` → ``Google.Headings``).
Defaults as in Vale: ``level: warning``, ``scope: text``; a level set in the
``.vale.ini`` (``Google.Headings = error``) overrides the file's. The built-in
``Vale`` style provides ``Vale.Repetition`` and, from the ``Vocab`` lists,
``Vale.Terms`` and ``Vale.Avoid`` (``Vale.Spelling`` needs dictionaries).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from lint.errors import ConfigError
from lint.vale.ini import LEVELS, ValeConfig

EXTENDS = ("existence", "substitution", "occurrence", "repetition", "consistency", "conditional",
           "capitalization", "metric", "spelling", "sequence", "script", "readability")


@dataclass
class ValeRule:
    name: str  # Style.Rule
    extends: str
    level: str
    scope: list[str]
    message: str
    path: str
    link: str = ""
    limit: int = 0
    fields: dict = field(default_factory=dict)

    @property
    def style(self) -> str:
        return self.name.split(".", 1)[0]


def parse_rule(name: str, path: str, data, levels: dict[str, str]) -> ValeRule:
    if not isinstance(data, dict):
        raise ConfigError("a Vale rule must be a mapping", path, 1)
    fields = {str(k).lower(): v for k, v in data.items()}
    extends = fields.get("extends")
    if not extends:
        raise ConfigError("missing the required 'extends' key", path, 1, "extends")
    if extends not in EXTENDS:
        raise ConfigError(f"'extends' must be one of {', '.join(EXTENDS)}, not {extends!r}", path, 1, "extends")
    if "message" not in fields and extends not in ("spelling",):
        raise ConfigError("missing the required 'message' key", path, 1, "message")
    level = levels.get(name) or fields.get("level") or "warning"
    if level not in LEVELS:
        raise ConfigError(f"'level' must be one of {', '.join(LEVELS)}, not {level!r}", path, 1, "level")
    scope = fields.get("scope") or ["text"]
    if isinstance(scope, str):
        scope = [scope]
    if extends == "metric":
        scope = ["summary"]
    limit = fields.get("limit") or 0
    return ValeRule(name=name, extends=extends, level=level, scope=[str(s) for s in scope],
                    message=str(fields.get("message") or ""), path=path, link=str(fields.get("link") or ""),
                    limit=int(limit) if str(limit).isdigit() else 0, fields=fields)


def _load_file(name: str, path: Path, levels: dict[str, str]) -> ValeRule:
    try:
        data = yaml.load(path.read_text(encoding="utf-8-sig"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except OSError as exc:
        raise ConfigError(f"cannot read Vale rule: {exc.strerror or exc}", str(path)) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ConfigError(f"invalid YAML in Vale rule: {getattr(exc, 'problem', exc)}", str(path),
                          mark.line + 1 if mark else None) from None
    return parse_rule(name, str(path), data, levels)


def _style_dir(cfg: ValeConfig, style: str) -> Path | None:
    for base in cfg.styles_path:
        p = base / style
        if p.is_dir():
            return p
    return None


def load_rules(cfg: ValeConfig) -> dict[str, ValeRule]:
    """Every rule the config can switch on: its styles' rules and individually named rules."""
    rules: dict[str, ValeRule] = {}
    for style in cfg.all_styles():
        if style == "Vale":
            continue
        folder = _style_dir(cfg, style)
        if folder is None:
            where = ", ".join(str(p) for p in cfg.styles_path) or "(no StylesPath set)"
            raise ConfigError(f"style '{style}' does not exist on StylesPath {where}", cfg.path)
        for path in sorted(folder.glob("*.yml")):
            name = f"{style}.{path.stem}"
            rules.setdefault(name, _load_file(name, path, cfg.rule_levels))
    for name in cfg.all_rule_names():
        style, _, rule = name.partition(".")
        if name in rules or style == "Vale" or not rule:
            continue
        folder = _style_dir(cfg, style)
        if folder is not None and (folder / f"{rule}.yml").is_file():
            rules[name] = _load_file(name, folder / f"{rule}.yml", cfg.rule_levels)
    if "Vale" in cfg.all_styles() or any(n.startswith("Vale.") for n in cfg.all_rule_names()):
        rules.update(builtin_rules(cfg))
    return rules


def read_vocab(cfg: ValeConfig) -> tuple[list[str], list[str]]:
    """The accepted and rejected terms of the config's Vocab lists (``config/vocabularies/<Name>/`` or
    the older ``Vocab/<Name>/`` under StylesPath)."""
    accepted: list[str] = []
    rejected: list[str] = []
    for name in cfg.vocab:
        folder = None
        for base in cfg.styles_path:
            for candidate in (base / "config" / "vocabularies" / name, base / "Vocab" / name):
                if candidate.is_dir():
                    folder = candidate
                    break
            if folder:
                break
        if folder is None:
            raise ConfigError(f"Vocab '{name}' does not exist on StylesPath", cfg.path, None, "Vocab")
        for fname, target in (("accept.txt", accepted), ("reject.txt", rejected)):
            f = folder / fname
            if f.is_file():
                for line in f.read_text(encoding="utf-8-sig").splitlines():
                    line = line.strip()
                    if line and not line.startswith("#") and line not in target:
                        target.append(line)
    return accepted, rejected


def builtin_rules(cfg: ValeConfig) -> dict[str, ValeRule]:
    levels = cfg.rule_levels
    accepted, rejected = read_vocab(cfg)
    out = {
        "Vale.Repetition": parse_rule("Vale.Repetition", "<built-in>", {
            "extends": "repetition", "message": "'%s' is repeated!", "level": "error", "alpha": True,
            "ignorecase": True, "tokens": [r"[^\s.!?]+"],
            "action": {"name": "edit", "params": ["truncate", " "]}}, levels),
        "Vale.Spelling": parse_rule("Vale.Spelling", "<built-in>", {
            "extends": "spelling", "message": "Did you really mean '%s'?", "level": "error"}, levels),
    }
    swap = {t.lower(): t for t in accepted if " " not in t}
    if swap:
        out["Vale.Terms"] = parse_rule("Vale.Terms", "<built-in>", {
            "extends": "substitution", "message": "Use '%s' instead of '%s'.", "level": "error",
            "ignorecase": True, "swap": swap, "vocab": False}, levels)
    if rejected:
        out["Vale.Avoid"] = parse_rule("Vale.Avoid", "<built-in>", {
            "extends": "existence", "message": "Avoid using '%s'.", "level": "error", "tokens": rejected,
            "vocab": False}, levels)
    return out
