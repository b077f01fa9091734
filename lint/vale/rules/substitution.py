"""``extends: substitution`` — suggest a replacement for each ``swap`` key that matches.

Every key becomes a capture group of one alternation (longest key first, so
alternation is greedy); the group that matched picks the replacement. A match
that already equals its replacement is not reported. The message gets the
replacement then the matched text (``Use '%s' instead of '%s'.``); with
``action: {name: replace}`` and no params, a replacement ``a|b`` reads as
``'a' or 'b'``.
"""

from __future__ import annotations

import regex

from lint.errors import ConfigError
from lint.vale.rules.base import (Alert, Prefilter, compile_re, exceptions_re, finditer, flag, format_message, is_match,
                                  is_phrase, make_regexp, phrases_re, str_list, to_sentence, within_phrase)


def _has_capture_group(pattern: str) -> bool:
    opens = pattern.count("(")
    return opens != pattern.count("(?") and opens != pattern.count(r"\(")


def _convert_message(message: str) -> str:
    for spec in ("'%s'", '"%s"'):
        if message.count(spec) == 2:
            message = message.replace(spec, "%s", 1)
    return message


class Substitution:
    def __init__(self, rule, env) -> None:
        self.rule = rule
        swap = rule.fields.get("swap") or {}
        if not isinstance(swap, dict):
            raise ConfigError(f"Vale rule {rule.name}: swap must be a mapping", rule.path, None, "swap")
        keys = sorted((str(k) for k in swap), key=len, reverse=True)
        for key in keys:
            if _has_capture_group(key):
                raise ConfigError(f"Vale rule {rule.name}: capture group not supported in swap key {key!r}; "
                                  f"use '(?:' instead of '('", rule.path, None, "swap")
        self.replacements = ["" if swap[k] is None else str(swap[k]) for k in keys]
        self.ignorecase = flag(rule, "ignorecase")
        pattern = make_regexp(env.word_template, self.ignorecase, not flag(rule, "nonword"), "", True,
                              "|".join(f"({k})" for k in keys))
        self.pattern = compile_re(rule, pattern, "swap")
        self.prefilter = Prefilter.of(keys, self.ignorecase, not flag(rule, "nonword") and not env.word_template)
        accepted = env.accepted if flag(rule, "vocab", True) else []
        self.exceptions = exceptions_re(rule, str_list(rule, "exceptions"), accepted)
        self.phrases = phrases_re(str_list(rule, "exceptions"), accepted)
        action = rule.fields.get("action") or {}
        self.replace_action = isinstance(action, dict) and action.get("name") == "replace" and not action.get("params")
        self.message = _convert_message(rule.message) if self.replace_action else rule.message

    def _same(self, expected: str, observed: str) -> bool:
        if is_phrase(expected):
            return expected == observed
        try:
            p = regex.compile(("(?i)" if self.ignorecase else "") + "^(?:" + expected + ")$", regex.V0)
        except (regex.error, ValueError):
            return expected == observed
        return p.search(observed) is not None

    def run(self, block, state) -> list[Alert]:
        alerts = []
        text = block.text
        if not self.replacements or (self.prefilter is not None and not self.prefilter.might_match(text)):
            return alerts
        for m in finditer(self.pattern, text):
            for i, expected in enumerate(self.replacements, start=1):
                if m.start(i) < 0:
                    continue
                start, end = m.span(i)
                observed = text[start:end].strip()
                if self._same(expected, observed) or is_match(self.exceptions, observed) \
                        or within_phrase(self.phrases, text, start, end):
                    continue
                options = expected.split("|")
                shown = to_sentence(options, "or") if self.replace_action else expected
                alerts.append(Alert(start, end, text[start:end], format_message(self.message, shown, observed),
                                    suggestions=options))
        return alerts


def build(rule, env) -> Substitution:
    return Substitution(rule, env)
