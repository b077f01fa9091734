"""``.vale.ini``: reading it with Vale's semantics.

The file is an INI file (go-ini dialect: ``#``/``;`` comments, repeated keys
accumulate, ``\"\"\"`` multi-line values). Keys before the first section are
core settings (``StylesPath``, ``MinAlertLevel``, ``Vocab``, ``IgnoredScopes``,
``SkippedScopes``, ``IgnoredClasses``, ``WordTemplate``…). ``[*]`` holds the
global ``BasedOnStyles`` and rule switches; every other section name is a glob
(``[*.md]``, ``[*.{md,txt}]``) whose settings apply to the files it matches:

* ``BasedOnStyles`` — the last matching section wins (it replaces, not adds);
* ``Style.Rule = YES|NO`` — switches merge over all matching sections, later
  sections winning, and override the styles;
* ``Style.Rule = suggestion|warning|error`` — turns the rule on *and* sets its
  level everywhere (Vale keeps one level per rule);
* ``BlockIgnores``/``TokenIgnores`` — patterns whose matches are treated as a
  code block / inline code (so they are not linted).

When no ``[*]`` section turns anything on, only files that some section glob
matches are linted (Vale's "non-global" mode).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from lint.errors import ConfigError
from lint.vale.glob import glob_match

CONFIG_NAMES = (".vale.ini", "_vale.ini", ".vale", "_vale")
LEVELS = ("suggestion", "warning", "error")
LIST_KEYS = {"BasedOnStyles", "IgnoredScopes", "SkippedScopes", "IgnoredClasses", "Vocab", "Packages"}
SHADOW_KEYS = {"BlockIgnores", "TokenIgnores"}


@dataclass
class Section:
    glob: str
    base_styles: list[str] | None = None  # None: the section does not set BasedOnStyles
    checks: dict[str, bool] = field(default_factory=dict)
    block_ignores: list[str] = field(default_factory=list)
    token_ignores: list[str] = field(default_factory=list)


@dataclass
class ValeConfig:
    path: str
    root: Path
    styles_path: list[Path] = field(default_factory=list)
    min_alert_level: str = "suggestion"
    vocab: list[str] = field(default_factory=list)
    # Vale v3.26.0's defaults (lint/ast.go): ``samp`` is masked too, ``figure`` is read.
    ignored_scopes: list[str] = field(default_factory=lambda: ["tt", "code", "kbd", "samp"])
    skipped_scopes: list[str] = field(default_factory=lambda: ["script", "style", "pre", "noscript", "iframe"])
    ignored_classes: list[str] = field(default_factory=list)
    word_template: str = ""
    global_styles: list[str] = field(default_factory=list)
    global_checks: dict[str, bool] = field(default_factory=dict)
    sections: list[Section] = field(default_factory=list)
    rule_levels: dict[str, str] = field(default_factory=dict)
    formats: dict[str, str] = field(default_factory=dict)

    @property
    def non_global(self) -> bool:
        return not self.global_styles and not self.global_checks

    def all_styles(self) -> list[str]:
        """Every style named by BasedOnStyles anywhere (Vale loads them all up front)."""
        out: list[str] = []
        for styles in [self.global_styles, *(s.base_styles or [] for s in self.sections)]:
            out += [s for s in styles if s not in out]
        return out

    def all_rule_names(self) -> list[str]:
        names = list(self.global_checks)
        for s in self.sections:
            names += [n for n in s.checks if n not in names]
        return names

    def _candidates(self, path: str) -> list[str]:
        """The spellings of ``path`` a section glob is tried on: as given and relative to the config."""
        posix = Path(path).as_posix()
        out = [posix, posix[2:] if posix.startswith("./") else posix]
        try:
            out.append(Path(os.path.abspath(path)).relative_to(self.root.resolve()).as_posix())
        except ValueError:
            pass
        ext = os.path.splitext(path)[1].lstrip(".")
        if ext in self.formats:  # [formats] md = mdx: the normalised name matches too
            out += [p[: len(p) - len(ext)] + self.formats[ext] for p in list(out)]
        return out

    def matching_sections(self, path: str) -> list[Section]:
        names = self._candidates(path)
        return [s for s in self.sections if any(glob_match(s.glob, n) for n in names)]

    def applies_to(self, path: str) -> bool:
        """Whether Vale would lint ``path`` at all under this config."""
        return not self.non_global or bool(self.matching_sections(path))

    def settings_for(self, path: str) -> tuple[list[str], dict[str, bool], list[str], list[str]]:
        """(base styles, rule switches, block ignores, token ignores) for one file."""
        styles = list(self.global_styles)
        checks: dict[str, bool] = {}
        blocks: list[str] = []
        tokens: list[str] = []
        for sec in self.matching_sections(path):
            if sec.base_styles is not None:
                styles = list(sec.base_styles)
            checks.update(sec.checks)
            blocks += sec.block_ignores
            tokens += sec.token_ignores
        return styles, checks, blocks, tokens


def find_vale_config(start: Path) -> Path | None:
    """``$VALE_CONFIG_PATH`` if set, else the nearest ``.vale.ini`` (or ``_vale.ini``, or the older
    ``.vale``/``_vale``) in ``start`` or a folder above it, as Vale searches."""
    env = os.environ.get("VALE_CONFIG_PATH")
    if env and Path(env).is_file():
        return Path(env)
    folder = start if start.is_dir() else start.parent
    folder = folder.absolute()
    for candidate in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            p = candidate / name
            if p.is_file():
                return p
    return None


def _value(raw: str) -> str:
    """A value as go-ini reads it: the text inside quotes, or up to an inline `` #``/`` ;`` comment."""
    if raw[:1] in "\"'`":
        end = raw.find(raw[0], 1)
        if end > 0:
            return raw[1:end]
    m = re.search(r"\s[#;]", raw)
    return (raw[: m.start()] if m else raw).strip()


def read_ini(path: str) -> list[tuple[str | None, str, str, int]]:
    """(section, key, value, line) in file order; repeated keys are kept (go-ini "shadows")."""
    try:
        lines = Path(path).read_text(encoding="utf-8-sig").splitlines()
    except OSError as exc:
        raise ConfigError(f"cannot read Vale config: {exc.strerror or exc}", path) from None
    out = []
    section: str | None = None
    i = 0
    while i < len(lines):
        raw = lines[i]
        line_no = i + 1
        i += 1
        line = raw.strip()
        if not line or line[0] in "#;":
            continue
        if line.startswith("["):
            if not line.endswith("]"):
                raise ConfigError(f"unclosed section header {line!r}", path, line_no)
            section = line[1:-1].strip()
            continue
        key, sep, value = line.partition("=")
        if not sep:
            raise ConfigError(f"expected 'key = value', found {line!r}", path, line_no)
        key, value = key.strip(), value.strip()
        if value.startswith('"""'):
            body = value[3:]
            while '"""' not in body and i < len(lines):
                body += "\n" + lines[i]
                i += 1
            value = body.split('"""', 1)[0]
        else:
            value = _value(value)
        out.append((section, key, value, line_no))
    return out


def _split(value: str) -> list[str]:
    items: list[str] = []
    for v in value.split(","):
        v = v.strip()
        if v and v not in items:
            items.append(v)
    return items


def _switch(rule: str, value: str, cfg: ValeConfig, path: str, line: int) -> bool:
    if value in LEVELS:
        cfg.rule_levels[rule] = value
        return True
    if value == "YES":
        return True
    if value == "NO":
        return False
    raise ConfigError(f"{rule} must be YES, NO or one of {', '.join(LEVELS)}, not {value!r}", path, line, rule)


def load_vale_config(path: str | Path) -> ValeConfig:
    path = str(path)
    root = Path(path).resolve().parent
    cfg = ValeConfig(path=path, root=root)
    by_glob: dict[str, Section] = {}
    for section, key, value, line in read_ini(path):
        if section is None:
            _core_key(cfg, key, value, path, line, root)
            continue
        if section == "formats":
            cfg.formats[key] = value
            continue
        if section in ("asciidoctor", "html", "markdown"):  # converter options: nothing to do here
            continue
        target = None if section == "*" else by_glob.setdefault(section, Section(section))
        if target is not None and target not in cfg.sections:
            cfg.sections.append(target)
        if key == "BasedOnStyles":
            styles = _split(value)
            if target is None:
                cfg.global_styles = styles
            else:
                target.base_styles = styles
        elif key in SHADOW_KEYS:
            sec = target or by_glob.setdefault("*", Section("*"))
            if sec not in cfg.sections:
                cfg.sections.append(sec)
            (sec.block_ignores if key == "BlockIgnores" else sec.token_ignores).append(value)
        elif "." in key:
            on = _switch(key, value, cfg, path, line)
            (cfg.global_checks if target is None else target.checks)[key] = on
        # Other per-section keys (Transform, Lang, CommentDelimiters, …) change nothing copydesk does.
    return cfg


def _core_key(cfg: ValeConfig, key: str, value: str, path: str, line: int, root: Path) -> None:
    if key == "StylesPath":
        p = Path(os.path.expanduser(value))
        cfg.styles_path = [p if p.is_absolute() else (root / p)]
    elif key == "MinAlertLevel":
        if value not in LEVELS:
            raise ConfigError(f"MinAlertLevel must be one of {', '.join(LEVELS)}, not {value!r}", path, line, key)
        cfg.min_alert_level = value
    elif key == "Vocab":
        cfg.vocab = _split(value)
    elif key == "IgnoredScopes":
        cfg.ignored_scopes = _split(value)
    elif key == "SkippedScopes":
        cfg.skipped_scopes = _split(value)
    elif key == "IgnoredClasses":
        cfg.ignored_classes = _split(value)
    elif key == "WordTemplate":
        cfg.word_template = value
    elif key == "BasedOnStyles":  # some configs put it at the top: Vale reads it as global
        cfg.global_styles = _split(value)
    # Packages, NLPEndpoint, … need the network or a server: not used.
