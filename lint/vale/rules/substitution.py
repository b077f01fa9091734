"""``extends: substitution`` — suggest a replacement for each ``swap`` key that matches.

Every key becomes a capture group of one alternation (longest key first, so
alternation is greedy); the group that matched picks the replacement. A match
that already equals its replacement is not reported. The message gets the
replacement then the matched text (``Use '%s' instead of '%s'.``); with
``action: {name: replace}`` and no params, a replacement ``a|b`` reads as
``'a' or 'b'`` and a match equal to any option is fine. A key's own groups
fill ``$1``… in its replacement (``(\\w+)ise: $1ize``).
"""

from __future__ import annotations

import regex

from lint.errors import ConfigError
from lint.vale.rules.base import (Alert, Prefilter, compile_re, exceptions_re, finditer, flag, format_message, is_match,
                                  is_phrase, make_regexp, phrases_re, str_list, to_sentence, within_phrase)


_CAPTURE = regex.compile(r"(?<!\\)\((?!\?)")
_INDEX = regex.compile(r"\$\d+")
_PIPE = regex.compile(r"(?<!\\)\|")


def _options(expected: str) -> list[str]:
    """``a|b`` → ['a', 'b'] (an escaped ``\\|`` is a literal pipe)."""
    return [o.replace("\\|", "|") for o in _PIPE.split(expected) if o]


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
        self.keys = keys
        self.replacements = ["" if swap[k] is None else str(swap[k]) for k in keys]
        self.ignorecase = flag(rule, "ignorecase")
        # Each key is one group of the alternation, so a key's own groups become non-capturing.
        groups = "|".join(f"({_CAPTURE.sub('(?:', k)})" for k in keys)
        pattern = make_regexp(env.word_template, self.ignorecase, not flag(rule, "nonword"), "", True, groups)
        self.pattern = compile_re(rule, pattern, "swap")
        self.prefilter = Prefilter.of(keys, self.ignorecase, not flag(rule, "nonword") and not env.word_template)
        accepted = env.accepted if flag(rule, "vocab", True) else []
        self.exceptions = exceptions_re(rule, str_list(rule, "exceptions"), accepted)
        self.phrases = phrases_re(str_list(rule, "exceptions"), accepted)
        action = rule.fields.get("action") or {}
        self.replace_action = isinstance(action, dict) and action.get("name") == "replace" and not action.get("params")
        self.message = _convert_message(rule.message) if self.replace_action else rule.message

    def _same(self, expected: str, observed: str) -> bool:
        """Whether ``observed`` already is what the rule asks for (no alert then)."""
        if self.replace_action:
            return observed in _options(expected)
        if is_phrase(expected):
            return expected == observed
        try:
            return regex.compile("^(?:" + expected + ")$", regex.V0).search(observed) is not None
        except (regex.error, ValueError):
            return expected == observed

    def _expected(self, index: int, observed: str) -> str:
        """The replacement, with ``$1``… filled from the key's own groups."""
        expected = self.replacements[index]
        if not _INDEX.search(expected):
            return expected
        try:
            key = regex.compile(("(?i)" if self.ignorecase else "") + self.keys[index], regex.V0)
            return key.sub(_INDEX.sub(lambda m: "\\" + m.group()[1:], expected), observed)
        except (regex.error, IndexError):
            return expected

    def run(self, block, state) -> list[Alert]:
        alerts = []
        text = block.text
        if not self.replacements or (self.prefilter is not None and not self.prefilter.might_match(text)):
            return alerts
        for m in finditer(self.pattern, text):
            i = next((g for g in range(1, len(self.replacements) + 1) if m.start(g) >= 0), None)
            if i is None:
                continue
            start, end = m.span(i)
            observed = text[start:end]
            expected = self._expected(i - 1, observed)
            if self._same(expected, observed) or is_match(self.exceptions, observed) \
                    or within_phrase(self.phrases, text, start, end):
                continue
            options = _options(expected)
            shown = to_sentence(options, "or") if self.replace_action else expected
            alerts.append(Alert(start, end, observed, format_message(self.message, shown, observed),
                                suggestions=options))
        return alerts


def build(rule, env) -> Substitution:
    return Substitution(rule, env)
