"""``copydesk audit``: check a whole archive on a Dask cluster, streaming JSON Lines.

The work is in :mod:`lint.audit`; Dask is imported only when the command runs.
"""

from __future__ import annotations

import argparse
import os
import sys

from lint.commands.check import add_selection_arguments


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"not a positive whole number: {value!r}")
    return number


def _count(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = -1
    if number < 0:
        raise argparse.ArgumentTypeError(f"not a whole number >= 0: {value!r}")
    return number


def _reword(parser: argparse.ArgumentParser, **helps: str) -> None:
    """Adapt the help of shared options to this command (argparse has no public way to)."""
    for action in parser._actions:
        if action.dest in helps:
            action.help = helps[action.dest]


#: The defaults of lint.audit (DEFAULT_BATCH_SIZE, DEFAULT_RETRIES; a test keeps them equal), repeated
#: here so that building the parser, which every copydesk run does, does not import lint.audit.
DEFAULT_BATCH_SIZE, DEFAULT_RETRIES = 50, 2


def register(sub) -> None:
    p = sub.add_parser(
        "audit", help="check a whole archive on a Dask cluster, writing JSON Lines",
        description="Check a very large set of drafts on a Dask cluster (a running one, or a local cluster of "
                    "worker processes) and stream the results as JSON Lines: a start record, then for each "
                    "file its document, finding and error records, then a summary. See docs/audit.md.")
    add_selection_arguments(p)
    p.set_defaults(paths=None)  # no paths and no --from-list means "."
    _reword(p, paths="files and folders (searched for .md .markdown .txt .html .htm); default: .",
            stdin_filename=argparse.SUPPRESS, jobs="the same as --workers")
    p.add_argument("--from-list", metavar="FILE", default=None,
                   help="also check the paths listed in FILE, one a line (- reads the list from stdin)")
    p.add_argument("--output", "-o", metavar="FILE.jsonl", default="-",
                   help="write the JSON Lines records to FILE (default: stdout)")
    where = p.add_mutually_exclusive_group()
    where.add_argument("--scheduler", metavar="ADDRESS", default=None,
                       help="the Dask scheduler to use, e.g. tcp://10.0.0.5:8786 (default: start a local cluster)")
    where.add_argument("--scheduler-file", metavar="FILE", default=None,
                       help="connect to the scheduler described in this Dask scheduler file")
    p.add_argument("--workers", type=_positive, default=None, metavar="N",
                   help="worker processes of the local cluster (default: --jobs, else the number of cores)")
    p.add_argument("--batch-size", type=_positive, default=DEFAULT_BATCH_SIZE, metavar="N",
                   help=f"files per task (default: {DEFAULT_BATCH_SIZE})")
    p.add_argument("--retries", type=_count, default=DEFAULT_RETRIES, metavar="N",
                   help=f"run a failed task again up to N times before checking its files one by one "
                        f"(default: {DEFAULT_RETRIES})")
    p.add_argument("--fail-on", choices=["error", "warning", "info", "never"], default=None,
                   help="lowest severity that makes the exit code 1 (default: warning, or the config's fail_on)")
    p.add_argument("--no-progress", action="store_true", help="do not print progress on stderr")
    p.set_defaults(func=run)


def run(args) -> int:
    from lint.audit import audit, connect, read_path_list
    from lint.commands.check import options_from
    from lint.errors import CopydeskError

    paths = list(args.paths)
    if "-" in paths:
        raise CopydeskError("audit checks files, not stdin; to read a list of paths from stdin, use --from-list -")
    if args.from_list is not None:
        paths += read_path_list(args.from_list)
    elif not paths:
        paths = ["."]
    options = options_from(args)
    workers = args.workers or args.jobs or os.cpu_count() or 1
    if (args.workers or args.jobs) and (args.scheduler or args.scheduler_file):
        print("copydesk: note: --workers sizes a local cluster; the running cluster's own workers do the audit",
              file=sys.stderr)
    progress = None if args.no_progress else sys.stderr

    try:
        out = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8")
    except OSError as exc:
        raise CopydeskError(f"{args.output}: cannot write the audit's records: {exc.strerror or exc}") from None
    try:
        client, cluster = connect(args.scheduler, args.scheduler_file, workers=workers, retries=args.retries)
        try:
            stats = audit(client, paths, options, out, batch_size=args.batch_size, retries=args.retries,
                          progress=progress, fail_on=args.fail_on)
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
    finally:
        if out is not sys.stdout:
            out.close()

    for notice in stats.notices:
        print(f"copydesk: note: {notice}", file=sys.stderr)
    if stats.errors:
        return 2
    return 1 if stats.failing else 0  # each file judged by --fail-on, else by its own config's fail_on
