"""``copydesk check``: lint drafts and report findings."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys


def _csv(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def _date(value: str) -> dt.date:
    from lint.dateline import out_of_range

    try:
        date = dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None
    problem = out_of_range(date)
    if problem:
        raise argparse.ArgumentTypeError(problem)
    return date


def add_selection_arguments(p: argparse.ArgumentParser) -> None:
    """Options shared by every command that runs the checks (check, baseline, audit)."""
    p.add_argument("paths", nargs="*", default=["."],
                   help="files, folders (searched for .md .markdown .txt .html .htm) or - for stdin")
    p.add_argument("--select", type=_csv, default=None, metavar="IDS",
                   help="only these rule ids or prefixes, comma-separated (replaces the config's select)")
    p.add_argument("--ignore", type=_csv, default=[], metavar="IDS", help="skip these rule ids or prefixes")
    p.add_argument("--as-of", type=_date, default=None, metavar="DATE",
                   help="judge every draft as of this date (YYYY-MM-DD), overriding its own date")
    p.add_argument("--config", default=None, metavar="FILE", help="use this config for every file (no discovery)")
    p.add_argument("--stdin-filename", default=None, metavar="PATH",
                   help="with -, the path to report and to pick the format and config by")
    p.add_argument("--jobs", "-j", type=int, default=None, metavar="N",
                   help="check files in N processes (default: the number of cores)")
    p.add_argument("--profile-rules", action="store_true",
                   help="print the time each rule took, slowest first, to stderr (the cache is not used)")
    p.add_argument("--no-cache", action="store_true",
                   help="do not reuse or store results of unchanged drafts")
    p.add_argument("--cache-dir", default=None, metavar="DIR",
                   help="where cached results live (default: $XDG_CACHE_HOME/copydesk/results)")
    p.add_argument("--vale-config", default=None, metavar="FILE",
                   help="also run the Vale styles of this .vale.ini ('auto': the nearest one, as Vale finds it)")


def register(sub) -> None:
    p = sub.add_parser("check", help="check drafts and report problems",
                       description="Check drafts and report problems as path:line:col: severity RULE-ID message.")
    add_selection_arguments(p)
    from lint.report import formats

    p.add_argument("--format", "-f", default="text", choices=formats(), help="output format (default: text)")
    p.add_argument("--fail-on", choices=["error", "warning", "info", "never"], default=None,
                   help="lowest severity that makes the exit code 1 (default: warning, or the config's fail_on)")
    p.add_argument("--exit-zero", action="store_true",
                   help="exit 0 even when there are findings (input and config errors still exit 2)")
    p.add_argument("--output", "-o", default=None, metavar="FILE", help="write the report to FILE")
    p.add_argument("--color", choices=["auto", "always", "never"], default="auto")
    p.add_argument("--min-severity", choices=["error", "warning", "info"], default=None,
                   help="lowest severity reported (default: the config's min_severity, else warning for the text "
                        "format; the other formats report every finding unless this is given)")
    p.add_argument("--statistics", action="store_true",
                   help="after the findings, count them by rule (on stderr for formats other than text)")
    p.add_argument("--show-config", action="store_true",
                   help="print which config files apply to each path and the rules they select, then exit")
    add_gate_arguments(p)
    p.set_defaults(func=run)


def add_gate_arguments(p: argparse.ArgumentParser) -> None:
    """The CI gate: report only new findings (baseline), only changed lines (diff), and autofix."""
    gate = p.add_argument_group("CI gate")
    gate.add_argument("--baseline", default=None, metavar="FILE",
                      help="report only findings not recorded in FILE (see 'copydesk baseline write')")
    gate.add_argument("--diff", default=None, metavar="BASE", dest="diff_base",
                      help="report only findings on lines changed since the git revision BASE (BASE... for "
                           "its merge base with HEAD); whole-document findings count when the document changed")
    gate.add_argument("--fix", action="store_true",
                      help="apply the fixes of the reported findings to the files, and report what changed")
    gate.add_argument("--dry-run", action="store_true",
                      help="with --fix: print the changes as a unified diff and write nothing")


def options_from(args):
    from lint.engine import Options
    from lint.errors import UsageError

    jobs = args.jobs if args.jobs is not None else (os.cpu_count() or 1)
    if jobs < 1:
        raise UsageError(f"--jobs must be 1 or more, not {jobs}")
    vale = getattr(args, "vale_config", None)
    if vale is None and getattr(args, "format", None) == "vale-line":
        vale = "auto"  # Vale's output format implies Vale's rules, found the way Vale finds them
    return Options(select=args.select, ignore=args.ignore, as_of=args.as_of, config=args.config,
                   stdin_filename=args.stdin_filename, jobs=jobs,
                   use_cache=not args.no_cache and not args.profile_rules, cache_dir=args.cache_dir,
                   vale_config=vale, profile_rules=args.profile_rules)


def fail_level(args) -> str | None:
    """--fail-on when given (it governs every file); None: each file's own config decides."""
    return args.fail_on or None


def file_fail_on(report, path: str, fail_on: str | None = None) -> str:
    """The lowest severity that fails ``path``: --fail-on, else the fail_on of the config governing
    the file (``drafts/.copydesk.yaml`` for ``drafts/a.md``, the --stdin-filename's config for stdin),
    else warning. Files under different configs are each judged by their own."""
    return fail_on or report.fail_on.get(path) or "warning"


def exit_code(report, fail_on: str | None, exit_zero: bool = False) -> int:
    """2 for any error; else 1 when some finding reaches the fail_on that governs its file; else 0."""
    from lint.finding import Severity

    if report.errors:
        return 2
    if exit_zero or fail_on == "never":
        return 0
    thresholds: dict[str, int | None] = {}
    for f in report.findings:
        if f.path not in thresholds:
            level = file_fail_on(report, f.path, fail_on)
            thresholds[f.path] = None if level == "never" else Severity.parse(level)
        threshold = thresholds[f.path]
        if threshold is not None and f.severity >= threshold:
            return 1
    return 0


def run(args) -> int:
    from lint.engine import run as run_checks
    from lint.gate import Gate
    from lint.report import needs_text

    if args.dry_run and not args.fix:
        print("copydesk: error: --dry-run only goes with --fix", file=sys.stderr)
        return 2
    if args.show_config:
        from lint.commands.show_config import show_config

        return show_config(args)
    if args.fix and "-" in args.paths:
        print("copydesk: error: --fix rewrites files and cannot rewrite stdin; name the file instead", file=sys.stderr)
        return 2
    options = options_from(args)
    fail_on = fail_level(args)
    gate = Gate.from_options(args.baseline, args.diff_base)  # a bad baseline or revision stops the run early
    keep_text = needs_text(args.format) or args.fix or gate.baseline is not None
    report = run_checks(args.paths, options, keep_text=keep_text)
    checked = list(report.findings)
    report.findings = gate.narrow(checked, report.texts)
    # A reader that goes away (`copydesk check ... | head`) changes nothing about the verdict: the exit
    # code is still decided by the findings and errors, stdout is silenced, and no traceback is printed.
    from lint.cli import silence_stdout

    try:
        if args.fix:
            fix_and_recheck(report, checked, gate, options, args.dry_run)
    except BrokenPipeError:
        silence_stdout()
    report.errors = sorted(report.errors + gate.errors(report.documents), key=lambda e: (e.path, e.message))
    try:
        publish(args, report, gate, fail_on)
    except BrokenPipeError:
        silence_stdout()
    return exit_code(report, fail_on, args.exit_zero)


def publish(args, report, gate, fail_on: str | None) -> None:
    """Write the report, then the notes and the errors."""
    from lint.report import RenderContext, renderer

    color = args.color == "always" or (args.color == "auto" and args.output is None and sys.stdout.isatty()
                                       and "NO_COLOR" not in os.environ)
    context = RenderContext(fail_on=fail_on or "warning", color=color, rule_docs=rule_docs(args.config, report))
    from lint.report._shown import shown_report

    shown = shown_report(report, args.format, args.min_severity)
    if not (args.fix and args.dry_run) or args.output:
        write_output(renderer(args.format)(shown, context), args.output)
    if args.statistics:
        from lint.report._statistics import statistics

        table = statistics(shown.findings)
        if args.format == "text" and not args.output:
            write_output(table, None)
        else:
            sys.stderr.write(table)
    for notice in report.notices + gate.notes(d.path for d in report.documents):
        print(f"copydesk: note: {notice}", file=sys.stderr)
    _note_undated(report)
    if args.profile_rules:
        print_timings(report.timings)
    if args.format != "text":
        for e in report.errors:
            print(f"{e.path}: error: {e.message}", file=sys.stderr)


def print_timings(timings: dict[str, float]) -> None:
    """--profile-rules: seconds per rule over all files, slowest first, on stderr."""
    total = sum(timings.values()) or 1.0
    print(f"copydesk: time per rule ({len(timings)} rules, {sum(timings.values()):.3f} s in all):", file=sys.stderr)
    for rule_id, seconds in sorted(timings.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {seconds:9.3f} s  {seconds / total:6.1%}  {rule_id}", file=sys.stderr)


def fix_and_recheck(report, checked: list, gate, options, dry_run: bool) -> None:
    """--fix: fix the reported findings, then check the fixed files again for what is left, in place."""
    from lint.engine import run as run_checks
    from lint.finding import Finding
    from lint.fix import fix_report, print_fixes

    fixes = fix_report(report, dry_run=dry_run)
    print_fixes(fixes, dry_run)
    written = {f.path for f in fixes if f.written}
    if not written:
        return
    again = run_checks(sorted(written), options, keep_text=True)
    checked = sorted([f for f in checked if f.path not in written] + again.findings, key=Finding.sort_key)
    report.documents = sorted([d for d in report.documents if d.path not in written] + again.documents,
                              key=lambda d: d.path)
    report.texts.update(again.texts)
    report.errors += again.errors
    gate.refresh()  # the working tree changed
    report.findings = gate.narrow(checked, report.texts)


def rule_docs(config_path: str | None, report) -> dict:
    """Every rule that may have fired, by id: the built-in ones and those of the configs in play."""
    from lint.config import ConfigResolver
    from lint.errors import ConfigError
    from lint.rules import builtin_rules

    docs = {r.id: r for r in builtin_rules()}
    try:
        resolver = ConfigResolver(config_path)
        for d in report.documents:
            for r in resolver.for_path(d.path).rules:
                docs.setdefault(r.id, r)
    except ConfigError:
        pass  # already reported as the file's error
    return docs


def write_output(text: str, path: str | None) -> None:
    if path is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)


def _note_undated(report) -> None:
    """Say which drafts were judged at today's date when that date mattered to a finding."""
    undated = {d.path: d.as_of for d in report.documents if d.as_of_source == "today"}
    dated_rules = {f.path for f in report.findings if f.path in undated and f.rule.startswith(("facts.", "dates."))}
    for path in sorted(dated_rules):
        print(f"copydesk: note: {path} has no date (front matter or dateline); judged as of {undated[path]} (today)",
              file=sys.stderr)
