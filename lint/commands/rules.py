"""``copydesk rules``: every rule with its id, kind, severity and one-line summary."""

from __future__ import annotations


def register(sub) -> None:
    p = sub.add_parser("rules", help="list every rule", description="List every rule: id, kind, severity, summary.")
    p.add_argument("prefix", nargs="?", default=None, help="only rules under this id prefix")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.add_argument("--config", default=None, metavar="FILE", help="also list the rules this config defines")
    p.set_defaults(func=run)


def all_rules(config_path: str | None):
    from lint.config import ConfigResolver
    from lint.rules import builtin_rules

    config = ConfigResolver(config_path).for_path("x")
    return [*builtin_rules(), *config.rules]


def run(args) -> int:
    import json

    from lint.rules import matches_prefix

    rules = [r for r in all_rules(args.config) if args.prefix is None or matches_prefix(r.id, [args.prefix])]
    if args.format == "json":
        print(json.dumps([{"id": r.id, "kind": r.kind, "severity": str(r.severity), "enabled": r.enabled,
                           "summary": r.summary} for r in rules], indent=2))
        return 0
    width = max((len(r.id) for r in rules), default=10)
    kind_width = max((len(r.kind) for r in rules), default=8)
    for r in rules:
        state = "" if r.enabled else " (off by default)"
        print(f"{r.id:<{width}}  {r.kind:<{kind_width}}  {str(r.severity):<7}  {r.summary}{state}")
    return 0
