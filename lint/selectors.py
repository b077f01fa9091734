"""Checking that ``select``/``ignore``/``severity`` names mean something.

A selector that names no rule (``--select clams``, ``ignore: [style.clichee]``) used to be
accepted silently: the run checked nothing, or ignored nothing, and passed. Every selector must
now name a rule, a prefix of rule ids (a family such as ``claims``, or ``style.wordy``),
``ALL``, an open-ended LanguageTool id (``grammar.`` followed by anything: LanguageTool's rules
are not known before it answers), ``vale``, or — when Vale styles are in use — a Vale style or
rule (``Google``, ``Google.Headings``, also as ``vale.Google``).
"""

from __future__ import annotations

import difflib

from lint.rules import FAMILIES

ALWAYS = {"ALL", "all", "vale"}


def _prefixes(ids) -> set[str]:
    out: set[str] = set()
    for rule_id in ids:
        parts = rule_id.split(".")
        out.update(".".join(parts[:i]) for i in range(1, len(parts) + 1))
    return out


class Vocabulary:
    """The names selectors may use: rule ids and their prefixes, families, and Vale names if known."""

    def __init__(self, rule_ids, vale_ids=None) -> None:
        self.names = _prefixes(rule_ids) | set(FAMILIES) | ALWAYS
        #: None when no Vale styles are in use (then a Vale name is unknown like any other).
        self.vale = _prefixes(vale_ids) if vale_ids is not None else None

    def knows(self, name: str) -> bool:
        if name in self.names or name.startswith("grammar."):
            return True
        if self.vale is not None:
            bare = name[len("vale."):] if name.startswith("vale.") else name
            return bare in self.vale
        return False

    def suggestion(self, name: str) -> str:
        choices = sorted(self.names | (self.vale or set()))
        close = difflib.get_close_matches(name, choices, n=1, cutoff=0.6)
        return f"; did you mean {close[0]!r}?" if close else ""

    def unknown_message(self, name: str, where: str) -> str:
        what = "rule, family or Vale style" if self.vale is not None else "rule or family"
        return f"{where} names {name!r}, which is no {what}{self.suggestion(name)} ('copydesk rules' lists them)"

    def check_options(self, select, ignore) -> None:
        """Raise a UsageError for the first ``--select``/``--ignore`` name this vocabulary does not know."""
        from lint.errors import UsageError

        for name, where in [*((n, "--select") for n in select or []), *((n, "--ignore") for n in ignore or [])]:
            if not self.knows(name):
                raise UsageError(self.unknown_message(name, where))
