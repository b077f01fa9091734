"""``copydesk facts``: check, list and audit the knowledge base of dated facts.

``facts check``   validate every record and the base as a whole (exit 2 on any problem)
``facts list``    show the facts (optionally those under a topic, or those that held on a date)
``facts import``  turn Wikidata "position held" SPARQL results (JSON) into facts YAML
``facts stale``   list facts whose last verification is older than N days (exit 1 if any), and explain
                  the records nobody has checked (``verified: null`` with their ``unverified`` reason)
"""

from __future__ import annotations

import re
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

    imp = actions.add_parser(
        "import", help="turn Wikidata 'position held' SPARQL JSON results into facts YAML",
        description="Read the JSON results of a Wikidata 'position held' (P39) query — the query in docs/facts.md "
                    "— and write office records, grouped by position into topics, with successors chained. "
                    "Records are marked unverified unless --verified is given.")
    imp.add_argument("file", help="SPARQL 1.1 query results in JSON (from query.wikidata.org: Download → JSON)")
    imp.add_argument("-o", "--output", default=None, metavar="FILE",
                     help="write the YAML here (default: standard output); an existing file is kept unless --force")
    imp.add_argument("--force", action="store_true", help="replace an existing --output file")
    imp.add_argument("--as-of", default=None, metavar="DATE",
                     help="the day the query ran (default: today): open terms hold through it")
    imp.add_argument("--verified", default=None, metavar="DATE",
                     help="you checked every record against a primary source on DATE: mark them verified")
    imp.add_argument("--topic", action="append", default=[], metavar="QID=TOPIC",
                     help="topic id for a position, e.g. Q14211=uk.prime-minister (repeatable; default: "
                          "<country code>.<office label>)")
    imp.set_defaults(func=run_import)

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


def run_import(args) -> int:
    import datetime as dt
    import os

    from lint.errors import UsageError
    from lint.facts.model import ID_PATTERN
    from lint.facts.wikidata import build, read_results, to_yaml

    as_of = _date(args.as_of, "--as-of") if args.as_of else dt.date.today()
    verified = _date(args.verified, "--verified") if args.verified else None
    topics = {}
    for item in args.topic:
        qid, _, topic = item.partition("=")
        if not re.fullmatch(r"Q\d+", qid.strip()) or not ID_PATTERN.match(topic.strip()):
            raise UsageError(f"--topic takes QID=TOPIC, e.g. Q14211=uk.prime-minister, not {item!r}")
        topics[qid.strip()] = topic.strip()
    if args.output and os.path.exists(args.output) and not args.force:
        raise UsageError(f"{args.output} exists; choose another file or pass --force to replace it")
    imported = build(read_results(args.file), as_of, verified, topics)
    for warning in imported.warnings:
        print(f"{args.file}: {warning}", file=sys.stderr)
    if not imported.records:
        print(f"{args.file}: no records to import.", file=sys.stderr)
        return 1
    text = to_yaml(imported, os.path.basename(args.file), as_of)
    if args.output:
        from lint.atomic import write_bytes_atomic

        write_bytes_atomic(args.output, text.encode("utf-8"))
        topics_made = len({r["topic"] for r in imported.records})
        print(f"{len(imported.records)} records in {topics_made} topics written to {args.output}; "
              f"check them with: copydesk facts check {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def run_stale(args) -> int:
    """What needs a person to look at it again.

    Exit 1 for a record whose ``verified`` date is more than N days old: a claim "checked on D" that
    has aged. Two kinds of entry are listed with their explanation and do not fail the run (unless
    ``--strict``): open records confirmed only through a date more than N days ago (each declares how
    far it is known, and an office is not judged past it; the entry asks for a fresh confirmation),
    and records nobody has checked (``verified: null``, with the reason).
    """
    import datetime as dt

    kb = _load(args)
    today = _date(args.today, "--today") if args.today else dt.date.today()
    checked = [f for f in kb.facts if f.verified is not None]
    stale = sorted((f for f in checked if (today - f.verified).days > args.days), key=lambda f: f.verified)
    for f in stale:
        print(f"{f.path}:{f.line}: {f.id} last verified {f.verified.isoformat()} "
              f"({(today - f.verified).days} days ago); source: {f.source}")
    open_past = [f for f in checked if f.end is None and f.horizon and (today - f.horizon).days > args.days
                 and f not in stale]
    if open_past:
        print(f"\nOpen, confirmed only through a date more than {args.days} days ago ({len(open_past)}; "
              f"the base knows nothing after it — confirm who or what holds now, then extend holds_through):")
        for f in open_past:
            print(f"{f.path}:{f.line}: {f.id} is open but only confirmed through {f.horizon.isoformat()} "
                  f"({(today - f.horizon).days} days ago); source: {f.source}")
    unchecked = sorted((f for f in kb.facts if f.verified is None), key=lambda f: (f.path, f.line))
    if unchecked:
        print(f"\nUnverified ({len(unchecked)}; each says why — check against the source, then set verified):")
        for f in unchecked:
            known = (f"; open, known only through {f.horizon.isoformat()}" if f.end is None and f.horizon else "")
            print(f"{f.path}:{f.line}: {f.id} unverified: {f.unverified}{known}; source: {f.source}")
    count = len(stale) + (len(open_past) + len(unchecked) if args.strict else 0)
    explained = [f"{n} {what}" for n, what in ((len(open_past), "open past their confirmation"),
                                                (len(unchecked), "unverified")) if n]
    note = f"; explained above: {', '.join(explained)}" if explained and not args.strict else ""
    print(f"{count} of {len(kb)} facts need verifying (older than {args.days} days){note}.")
    return 1 if count else 0
