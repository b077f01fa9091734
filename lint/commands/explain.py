"""``copydesk explain RULE``: a rule's page — what it finds, why it matters, an example, how to silence it."""

from __future__ import annotations

import sys


def register(sub) -> None:
    p = sub.add_parser("explain", help="show a rule's documentation",
                       description="Show what a rule finds, why it matters, an example and how to silence it. "
                                   "A family name (e.g. grammar) shows the family's page and its rules.")
    p.add_argument("rule", help="a rule id, or a family such as grammar")
    p.add_argument("--config", default=None, metavar="FILE")
    p.set_defaults(func=run)


def _block(title: str, text) -> list[str]:
    if not text:
        return []
    if isinstance(text, list):
        text = "\n".join(f"- {t}" for t in text)
    body = "\n".join("    " + line if line else "" for line in str(text).rstrip().splitlines())
    return [f"{title}:", body, ""]


def page(rule) -> str:
    from lint.checks import kind_module

    docs = rule.docs
    lines = [f"{rule.id}", "=" * len(rule.id), ""]
    lines.append(f"Kind: {rule.kind}    Severity: {rule.severity}    "
                 f"{'On by default' if rule.enabled else 'Off by default (enable with --select ' + rule.id + ')'}")
    lines.append("")
    lines += _block("What it finds", docs.get("summary") or rule.summary)
    lines += _block("Why it matters", docs.get("why"))
    lines += _block("Example", docs.get("example"))
    lines += _block("Better", docs.get("good"))
    lines += _block("Notes", docs.get("notes"))
    silence = docs.get("silence") or (
        f"On one line: <!-- copydesk-disable-next-line {rule.id} -->\n"
        f"In a range: <!-- copydesk-disable {rule.id} --> ... <!-- copydesk-enable {rule.id} -->\n"
        f"Everywhere: ignore: [{rule.id}] in .copydesk.yaml, or --ignore {rule.id}")
    lines += _block("How to silence it", silence)
    try:
        known = getattr(kind_module(rule.kind), "PARAMETERS", {})
    except Exception:  # noqa: BLE001 - documentation must render even for a broken kind
        known = {}
    params = [f"{k}: {rule.params[k]!r}" + (f"  # {known[k]}" if k in known else "") for k in rule.params
              if not isinstance(rule.params[k], (list, dict)) or len(repr(rule.params[k])) < 100]
    lines += _block("Parameters (change with options: in .copydesk.yaml)", "\n".join(params))
    sources = docs.get("sources") or docs.get("source")
    lines += _block("Source", sources)
    return "\n".join(lines).rstrip() + "\n"


def family_page(name: str) -> str | None:
    from lint.resources import rules_dir

    path = rules_dir() / "families" / f"{name}.md"
    return path.read_text(encoding="utf-8") if path.is_file() else None


def run(args) -> int:
    from lint.commands.rules import all_rules
    from lint.rules import matches_prefix

    rules = all_rules(args.config)
    exact = [r for r in rules if r.id == args.rule]
    if exact:
        sys.stdout.write(page(exact[0]))
        return 0
    family = family_page(args.rule)
    under = [r for r in rules if matches_prefix(r.id, [args.rule])]
    if family or under:
        if family:
            sys.stdout.write(family.rstrip() + "\n\n")
        if under:
            print(f"Rules under {args.rule}:")
            for r in under:
                print(f"  {r.id}  {r.summary}")
        return 0
    print(f"copydesk: error: no rule or family named {args.rule!r}; see 'copydesk rules'", file=sys.stderr)
    return 2
