"""Vale compatibility: run existing Vale styles (``.vale.ini`` + rule YAML) unchanged.

* :mod:`lint.vale.ini` reads ``.vale.ini`` with Vale's semantics;
* :mod:`lint.vale.styles` loads the styles' rule files;
* :mod:`lint.vale.rules` holds one module per Vale rule type;
* :mod:`lint.vale.convert` and :mod:`lint.vale.blocks` turn a draft into
  Vale's scoped blocks, each character mapped to its file offset;
* :mod:`lint.vale.linter` runs the rules over the blocks;
* :mod:`lint.vale.hook` plugs the result into copydesk's engine as one extra
  check per file, so Vale alerts become findings with rule ids ``Style.Rule``.

See docs/vale.md.
"""

from __future__ import annotations

import os
from pathlib import Path

_LINTERS: dict = {}


def linter_for(ini_path: str | Path):
    """The :class:`ValeLinter` for a ``.vale.ini`` (built once per process, rebuilt if the file changes),
    and the notices about rules that cannot run here."""
    from lint.vale.ini import load_vale_config
    from lint.vale.linter import ValeLinter
    from lint.vale.rules import SUPPORTED, UNSUPPORTED
    from lint.vale.rules.base import Env
    from lint.vale.styles import load_rules, read_vocab

    path = str(Path(ini_path).resolve())
    stamp = os.stat(path).st_mtime_ns
    cached = _LINTERS.get(path)
    if cached and cached[0] == stamp:
        return cached[1], cached[2]
    cfg = load_vale_config(path)
    rules = load_rules(cfg)
    accepted, _ = read_vocab(cfg) if cfg.vocab else ([], [])
    env = Env(word_template=cfg.word_template, accepted=accepted)
    skipped: dict[str, list[str]] = {}
    for name, rule in sorted(rules.items()):
        if rule.extends not in SUPPORTED:
            skipped.setdefault(rule.extends, []).append(name)
    linter = ValeLinter(cfg, rules, env)
    notices = []
    for kind, names in sorted(skipped.items()):
        wanted = [n for n in names if _could_run(linter, n)]
        if wanted:
            notices.append(f"Vale rules of type '{kind}' skipped ({UNSUPPORTED.get(kind, 'not supported')}): "
                           f"{', '.join(wanted)}")
    _LINTERS[path] = (stamp, linter, notices)
    return linter, notices


def _could_run(linter, name: str) -> bool:
    """Whether some section of the config switches ``name`` on (so skipping it loses alerts)."""
    cfg = linter.config
    rule = linter.rules[name]
    if cfg.global_checks.get(name) or any(s.checks.get(name) for s in cfg.sections):
        return True
    styles = [cfg.global_styles, *(s.base_styles or [] for s in cfg.sections)]
    switched_off = name in cfg.global_checks or any(name in s.checks for s in cfg.sections)
    return any(rule.style in s for s in styles) and not switched_off
