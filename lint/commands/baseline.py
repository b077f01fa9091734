"""``copydesk baseline write FILE [paths]``: record today's findings for gradual adoption.

``copydesk check --baseline FILE`` then reports only findings that are not in
the file (see :mod:`lint.baseline` for how findings are matched).
"""

from __future__ import annotations

import argparse
import sys


class _IntermixedParser(argparse.ArgumentParser):
    """Lets options stand between FILE and the paths (``write FILE --select x drafts/``)."""

    _inside = False

    def parse_known_args(self, args=None, namespace=None):
        if self._inside:
            return super().parse_known_args(args, namespace)
        self._inside = True
        try:
            return self.parse_known_intermixed_args(args, namespace)
        finally:
            self._inside = False


def register(sub) -> None:
    from lint.commands.check import add_selection_arguments

    p = sub.add_parser("baseline", help="record today's findings so that check --baseline reports only new ones",
                       description="Record findings in a baseline file; 'copydesk check --baseline FILE' then "
                                   "reports only findings that are not in it.")
    actions = p.add_subparsers(dest="baseline_action", metavar="ACTION", parser_class=_IntermixedParser)
    write = actions.add_parser("write", help="check the drafts and record every finding in FILE",
                               description="Check the drafts (default: the current folder) and record every "
                                           "finding in FILE, e.g. .copydesk-baseline.json (JSON; commit it).")
    write.add_argument("file", metavar="FILE", help="the baseline file to write")
    add_selection_arguments(write)
    write.set_defaults(func=run_write)
    p.set_defaults(func=lambda args: (p.print_help(sys.stderr), 2)[1])


def run_write(args) -> int:
    import os
    from pathlib import Path

    from lint.baseline import Baseline
    from lint.commands.check import options_from
    from lint.engine import run as run_checks

    if os.path.isdir(args.file):
        print(f"copydesk: error: {args.file} is a folder; baseline write takes FILE first, then the paths",
              file=sys.stderr)
        return 2
    report = run_checks(args.paths, options_from(args), keep_text=True)
    baseline = Baseline.from_findings(report.findings, report.texts, Path(os.path.abspath(args.file)).parent)
    baseline.write(args.file)
    n, files = len(report.findings), len({f.path for f in report.findings})
    print(f"Recorded {n} finding{'s' if n != 1 else ''} in {files} file{'s' if files != 1 else ''} "
          f"in {args.file}.", file=sys.stderr)
    for e in report.errors:
        print(f"{e.path}: error: {e.message}", file=sys.stderr)
    return 2 if report.errors else 0
