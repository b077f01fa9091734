"""What every rule kind shares: the check interface, parameter validation, findings."""

from __future__ import annotations

import string
from dataclasses import dataclass, field
from typing import Any, Iterable

import regex

from lint.checks.prefilter import PhraseIndex
from lint.document import Document
from lint.finding import Finding, Fix, one_line
from lint.rules import Rule

#: Upper bound for one regular-expression search over a document (user patterns can backtrack).
#: The regex module counts it from the creation of a finditer iterator, time spent by the caller between
#: matches included: collect the matches (``list(pattern.finditer(...))``) before working on each, or a
#: draft with thousands of matches times out under load although the pattern itself is fast.
REGEX_TIMEOUT = 2.0
#: Upper bound for all the work of one rule on one document (every pattern and group of the rule together):
#: a rule with 50,000 consistency groups, each fast, must still stop. Past it the engine reports the rule as
#: failing on that file, as it does for a pattern that times out.
RULE_BUDGET = 60.0

#: The TimeoutError message when a rule's budget is spent (the engine words its error from it).
BUDGET_SPENT = "rule time budget spent"

_deadline: list[float | None] = [None]


def start_budget(seconds: float | None = None) -> None:
    """Start the time budget of the rule about to run (the engine calls this before each rule)."""
    import time

    _deadline[0] = time.monotonic() + (RULE_BUDGET if seconds is None else seconds)


def stop_budget() -> None:
    _deadline[0] = None


def regex_timeout() -> float:
    """The timeout for the next search: REGEX_TIMEOUT, or less when the rule's budget is nearly spent.

    Raises TimeoutError once the budget is spent, so a loop over many patterns stops between two of them.
    """
    deadline = _deadline[0]
    if deadline is None:
        return REGEX_TIMEOUT
    import time

    left = deadline - time.monotonic()
    if left <= 0:
        raise TimeoutError(BUDGET_SPENT)
    return min(REGEX_TIMEOUT, left)


@dataclass
class BuildContext:
    """What a check may need beyond its rule: the config that selected it."""

    config: Any = None
    #: The rules being built together (the run's selection), for a rule that defers to another.
    rules: list = field(default_factory=list)
    #: Messages for stderr, each printed once per run (e.g. "grammar checks skipped: …").
    notices: list[str] = field(default_factory=list)
    #: Families whose findings are missing for a document because a service failed: {path: {family: why}}.
    #: The engine moves them to the document's report entry (``unavailable``), so nothing goes missing silently.
    unavailable: dict[str, dict[str, str]] = field(default_factory=dict)
    #: The literal prefixes of every pattern list built with this context, in one automaton (lint.checks.prefilter).
    phrases: PhraseIndex = field(default_factory=PhraseIndex)

    def notice(self, message: str) -> None:
        if message not in self.notices:
            self.notices.append(message)

    def mark_unavailable(self, path: str, family: str, why: str) -> None:
        self.unavailable.setdefault(path, {}).setdefault(family, why)


class Check:
    """One built rule. ``run`` yields findings for a document."""

    def __init__(self, rule: Rule) -> None:
        self.rule = rule

    def run(self, doc: Document) -> Iterable[Finding]:  # pragma: no cover - interface
        raise NotImplementedError

    def prepare(self) -> None:
        """Load what ``run`` will need (dictionaries, models) ahead of time.

        The engine calls this once in the parent process before forking workers,
        so each worker inherits the loaded data instead of loading it again.
        It must have no side effects beyond memory (no servers, no files).
        """


class Params:
    """Typed access to a rule's parameters; every error names the rule, file, line and key."""

    def __init__(self, rule: Rule, known: dict[str, str]) -> None:
        self.rule = rule
        for key in rule.params:
            if key not in known:
                raise rule.error(f"unknown parameter {key!r} for kind {rule.kind!r}; "
                                 f"it takes: {', '.join(sorted(known)) or 'no parameters'}", key)

    def get(self, key: str, default=None):
        return self.rule.params.get(key, default)

    def bool(self, key: str, default: bool) -> bool:
        value = self.get(key, default)
        if not isinstance(value, bool):
            raise self.rule.error(f"{key} must be true or false", key)
        return value

    def number(self, key: str, default: float, low: float | None = None, high: float | None = None,
               integer: bool = False) -> float:
        value = self.get(key, default)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or (integer and not isinstance(value, int)):
            raise self.rule.error(f"{key} must be {'a whole number' if integer else 'a number'}", key)
        if (low is not None and value < low) or (high is not None and value > high):
            raise self.rule.error(f"{key} must be between {low} and {high}, not {value}", key)
        return value

    def str_list(self, key: str, default=None, required: bool = False) -> list[str]:
        value = self.get(key, default)
        if value is None:
            if required:
                raise self.rule.error(f"needs {key}", key)
            return []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.rule.error(f"{key} must be a list of strings", key)
        if required and not value:
            raise self.rule.error(f"{key} must not be empty", key)
        return list(value)

    def choice(self, key: str, default: str, choices) -> str:
        value = self.get(key, default)
        if value not in choices:
            raise self.rule.error(f"{key} must be one of {', '.join(choices)}, not {value!r}", key)
        return value

    def mapping(self, key: str, default=None) -> dict:
        value = self.get(key, default)
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise self.rule.error(f"{key} must be a mapping", key)
        return value


def compile_pattern(rule: Rule, pattern: str, key: str, flags: int = 0):
    try:
        return regex.compile(pattern, flags | regex.V0)
    except regex.error as exc:
        raise rule.error(f"malformed pattern {pattern!r}: {exc}", key) from None


def check_template(rule: Rule, fields: set[str]) -> None:
    """Fail at load time if the message names a field the kind never fills."""
    try:
        names = {f for _, f, _, _ in string.Formatter().parse(rule.message) if f}
    except ValueError as exc:
        raise rule.error(f"malformed message template: {exc}", "message") from None
    unknown = {n.split(".")[0].split("[")[0] for n in names} - fields
    if unknown:
        raise rule.error(f"message uses unknown field(s) {', '.join(sorted(unknown))}; "
                         f"available: {', '.join(sorted(fields))}", "message")


class _Blank(dict):
    def __missing__(self, key):
        return ""


def make_finding(rule: Rule, doc: Document, start: int, end: int, message: str | None = None,
                 suggestions: Iterable[str] = (), fix: Fix | None = None, document_level: bool = False,
                 **fields) -> Finding:
    match = doc.text[start:end]
    text = message if message is not None else rule.message.format_map(_Blank(match=match, **fields))
    return Finding(rule=rule.id, severity=rule.severity, message=one_line(text), path=doc.path, start=start, end=end,
                   match=match, suggestions=list(suggestions), fix=fix, document_level=document_level)
