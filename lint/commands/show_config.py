"""``copydesk check --show-config``: which config files apply to each path, and what they select.

Prints, for each group of files governed by the same config, the config files
that made it (an ``extends`` chain in the order merged, nearest last), the
settings that are not rules (audience, min_severity, fail_on, as_of,
date_order) and the rules that run with their severities, after the config's
select/ignore/severity, its per_file entries and the command line's --select
and --ignore. Nothing is checked.
"""

from __future__ import annotations

import sys


def show_config(args) -> int:
    from lint.config import ConfigResolver
    from lint.engine import effective_rules, selection_for
    from lint.commands.check import options_from
    from lint.errors import ConfigError
    from lint.source import expand_paths

    options = options_from(args)
    files, missing = expand_paths(args.paths)
    for path, message in missing:
        print(f"{path}: error: {message}", file=sys.stderr)
    code = 2 if missing else 0
    try:
        resolver = ConfigResolver(args.config)
    except ConfigError as exc:
        print(f"copydesk: error: config error: {exc}", file=sys.stderr)
        return 2
    groups: dict[tuple, list[str]] = {}
    for path in files:
        lookup = options.stdin_filename if path == "-" and options.stdin_filename else path
        try:
            config = resolver.for_path(lookup)
            rules = effective_rules(config, options, lookup, selection_for(config, options, lookup))
        except ConfigError as exc:
            print(f"{path}: error: config error: {exc}", file=sys.stderr)
            code = 2
            continue
        groups.setdefault(tuple(describe(config, rules)), []).append(path)
    for lines, paths in groups.items():
        print(", ".join(paths) + ":")
        for line in lines:
            print(f"  {line}")
    return code


def describe(config, rules) -> list[str]:
    files = config.files or ([config.path] if config.path else [])
    lines = ["config files: " + (" <- ".join(reversed(files)) if files else "none (built-in defaults)")]
    lines.append(f"audience: {config.audience or 'news'}")
    lines.append(f"min_severity (text output): {config.min_severity or 'warning'}")
    lines.append(f"fail_on: {config.fail_on or 'warning'}")
    if config.as_of:
        lines.append(f"as_of: {config.as_of.isoformat()}")
    lines.append(f"date_order: {config.date_order}")
    lines.append(f"rules ({len(rules)}):")
    for rule in sorted(rules, key=lambda r: r.id):
        changed = " (options)" if getattr(rule, "param_origins", None) else ""
        lines.append(f"  {rule.id} {rule.severity}{changed}")
    return lines
