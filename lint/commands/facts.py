"""``copydesk facts``: check, list and audit the knowledge base of dated facts.

``facts check``   validate every record and the base as a whole (exit 2 on any problem)
``facts list``    show the facts (optionally those under a topic, or those that held on a date)
``facts stale``   list facts whose last verification is older than N days (exit 1 if any), and explain
                  the records nobody has checked (``verified: null`` with their ``unverified`` reason)
"""

from __future__ import annotations

import sys


def register(sub) -> None:
    p = sub.add_parser("facts", help="check, list and audit the facts knowledge base",
                       description="The dated knowledge base behind the facts.* rules: rules/facts/*.yaml plus "
                                   "the files named under 'facts: {files: [...]}' in .copydesk.yaml.")
    actions = p.add_subparsers(dest="facts_command", metavar="ACTION")

    check = actions.add_parser("check", help="validate the knowledge base (exit 2 on any problem)")
    check.add_argument("files", nargs="*", help="extra facts files to validate with the shipped base")
    _common(check)
    check.set_defaults(func=run_check)

    listing = actions.add_parser("list", help="show the facts")
    listing.add_argument("topic", nargs="?", default=None, help="only facts whose id or topic starts with this")
    listing.add_argument("--on", default=None, metavar="DATE", help="only facts that held on this date (YYYY-MM-DD)")
    listing.add_argument("--format", choices=["text", "json"], default="text")
    _common(listing)
    listing.set_defaults(func=run_list)

    stale = actions.add_parser("stale", help="list facts last verified more than N days ago (exit 1 if any); "
                                             "list unverified facts with their reason")
    stale.add_argument("--days", type=int, default=365, help="maximum age of a verification (default 365)")
    stale.add_argument("--today", default=None, metavar="DATE", help="count the days from this date, not today")
    stale.add_argument("--strict", action="store_true",
                       help="count unverified facts as needing verification too (exit 1 if any)")
    _common(stale)
    stale.set_defaults(func=run_stale)

    p.set_defaults(func=lambda args: (p.print_help(sys.stderr), 2)[1])


def _common(parser) -> None:
    parser.add_argument("--config", default=None, metavar="FILE",
                        help="a config whose 'facts:' section names extra files (default: the nearest one)")


def _config(args):
    from lint.config import ConfigResolver

    return ConfigResolver(args.config).for_path("x")


def _base_files(args, extra=()) -> tuple[list[str], frozenset[str]]:
    import os

    from lint.facts.loader import builtin_files, section_settings

    files, ignore = section_settings(_config(args))
    return [*builtin_files(), *files, *(os.path.normpath(f) for f in extra)], ignore


def _date(value: str, option: str):
    import datetime as dt

    from lint.errors import CopydeskError

    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise CopydeskError(f"{option} must be a date (YYYY-MM-DD), not {value!r}") from None


def run_check(args) -> int:
    from lint.errors import ConfigError
    from lint.facts.loader import KnowledgeBase, load_file, problems

    files, ignore = _base_files(args, args.files)
    facts, errors = [], []
    for path in files:
        try:
            facts.extend(load_file(path))
        except ConfigError as exc:
            errors.append(exc)
    kb = KnowledgeBase([f for f in facts if f.id not in ignore])
    errors.extend(problems(kb))
    for exc in sorted(errors, key=lambda e: (e.path or "", e.line or 0)):
        print(str(exc), file=sys.stderr)
    if errors:
        print(f"{len(errors)} problem{'s' if len(errors) != 1 else ''} in the knowledge base.", file=sys.stderr)
        return 2
    topics = len(kb.by_topic)
    print(f"{len(kb)} facts in {topics} topics from {len(files)} file{'s' if len(files) != 1 else ''}: OK")
    return 0


def _load(args):
    from lint.facts.loader import KnowledgeBase, load_file

    files, ignore = _base_files(args)
    facts = [f for path in files for f in load_file(path)]
    return KnowledgeBase([f for f in facts if f.id not in ignore])


def run_list(args) -> int:
    import json

    kb = _load(args)
    facts = kb.facts
    if args.topic:
        facts = [f for f in facts if f.id.startswith(args.topic) or f.topic.startswith(args.topic)]
    if args.on:
        day = _date(args.on, "--on")
        facts = [f for f in facts if f.holds_on(day)]
    facts = sorted(facts, key=lambda f: (f.topic, f.start))
    if args.format == "json":
        print(json.dumps([{
            "id": f.id, "topic": f.topic, "about": f.about, "kind": f.kind, "value": f.stated,
            "from": f.start.isoformat(), "until": f.end.isoformat() if f.end else None,
            "holds_through": f.horizon.isoformat() if f.horizon else None, "successor": f.successor,
            "source": f.source, "verified": f.verified.isoformat() if f.verified else None,
            "unverified": f.unverified or None, "file": f"{f.path}:{f.line}",
        } for f in facts], indent=2, ensure_ascii=False))
        return 0
    width = max((len(f.id) for f in facts), default=10)
    for f in facts:
        until = f.end.isoformat() if f.end else "open"
        print(f"{f.id:<{width}}  {f.start.isoformat()} – {until:<10}  {f.stated}")
        checked = f"verified {f.verified.isoformat()}" if f.verified else f"unverified: {f.unverified}"
        print(f"{'':<{width}}  source: {f.source} ({checked})")
    print(f"{len(facts)} facts.")
    return 0


def run_stale(args) -> int:
    """Verified records checked too long ago, or open ones confirmed too long ago, need a look (exit 1).

    Records nobody has checked (``verified: null``) are listed apart, each with its reason: they are
    known, explained gaps, not news; ``--strict`` counts them too.
    """
    import datetime as dt

    kb = _load(args)
    today = _date(args.today, "--today") if args.today else dt.date.today()
    checked = [f for f in kb.facts if f.verified is not None]
    unchecked = sorted((f for f in kb.facts if f.verified is None), key=lambda f: (f.path, f.line))
    stale = sorted((f for f in checked if (today - f.verified).days > args.days), key=lambda f: f.verified)
    for f in stale:
        print(f"{f.path}:{f.line}: {f.id} last verified {f.verified.isoformat()} "
              f"({(today - f.verified).days} days ago); source: {f.source}")
    open_past = [f for f in checked if f.end is None and f.horizon and (today - f.horizon).days > args.days
                 and f not in stale]
    for f in open_past:
        print(f"{f.path}:{f.line}: {f.id} is open but only confirmed through {f.horizon.isoformat()} "
              f"({(today - f.horizon).days} days ago); source: {f.source}")
    count = len(stale) + len(open_past)
    if unchecked:
        print(f"\nUnverified ({len(unchecked)}; each says why — check against the source, then set verified):")
        for f in unchecked:
            known = (f"; open, known only through {f.horizon.isoformat()}" if f.end is None and f.horizon else "")
            print(f"{f.path}:{f.line}: {f.id} unverified: {f.unverified}{known}; source: {f.source}")
    if args.strict:
        count += len(unchecked)
    note = "" if args.strict or not unchecked else f"; {len(unchecked)} unverified, explained above"
    print(f"{count} of {len(kb)} facts need verifying (older than {args.days} days){note}.")
    return 1 if count else 0
