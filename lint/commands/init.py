"""``copydesk init``: write a commented starter ``.copydesk.yaml``."""

from __future__ import annotations

import sys
from pathlib import Path

STARTER = """\
# copydesk configuration. Every key is optional; see `copydesk rules` and `copydesk explain RULE`.
# The nearest .copydesk.yaml above a draft applies to it.

# extends: ../newsroom.copydesk.yaml     # merge a shared base config underneath this one

# Rule ids or prefixes to run (default: every rule that is on by default) and to skip.
# select: [style, repetition, readability, claims, facts, dates, grammar]
ignore: []

# Lowest severity that fails the run (exit code 1): error, warning, info or never.
fail_on: warning

# Lowest severity the report shows: error, warning or info. Unset, text output shows warnings and
# errors and machine formats (json, sarif, ...) everything.
# min_severity: info

# Who the copy is for: news, docs or plain-language. It picks the document readability targets.
# audience: news

# Change a rule's severity (by id or prefix).
# severity:
#   style.hedge: info

# Change a rule's parameters.
# options:
#   readability.reading-ease: {target: 50}

# Judge every draft as of this date instead of its own front matter or dateline.
# as_of: 2025-12-12

# How to read numeric dates such as 03/04/2025: mdy (US) or dmy. Unset, dates.ambiguous-date
# reports numeric dates that read both ways.
# date_order: mdy

# Date checks (docs/dates.md): a locale fixes the date order when date_order is unset; undated
# drafts skip the relative and tense checks unless undated: today.
# dates:
#   locale: en-GB
#   undated: skip
#   yearless_window: 60

# Different rules for some files (globs relative to this file).
# per_file:
#   "archive/**": {ignore: [facts, dates]}

# Your own rules, same schema as the built-in packs.
# rules:
#   - id: style.house-avoid-utilize
#     kind: substitution
#     severity: warning
#     message: "Use '{replacement}' instead of '{match}'."
#     swap: {utilize: use}
#     docs:
#       why: Plain words read faster.
"""


def register(sub) -> None:
    p = sub.add_parser("init", help="write a starter .copydesk.yaml")
    p.add_argument("path", nargs="?", default=".copydesk.yaml")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")
    p.set_defaults(func=run)


def run(args) -> int:
    path = Path(args.path)
    if path.exists() and not args.force:
        print(f"copydesk: error: {path} exists; use --force to overwrite it", file=sys.stderr)
        return 2
    path.write_text(STARTER, encoding="utf-8")
    print(f"Wrote {path}")
    return 0
