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
                                  is_phrase, make_regexp, phrases_re, str_list, to_sentence, within_phrase,
                                  wrap_spaces)


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


def cap_first(s: str) -> str:
    """Go's ``CapFirst``: the first byte upper-cased (an ASCII letter; other text is left alone)."""
    return s[:1].upper() + s[1:] if s[:1].isascii() else s


def expand_pattern(pattern: str) -> list[str] | None:
    """Vale's ``expandPattern``: every spelling a small pattern allows (``(?:a|b)c?``), or None when it
    uses anything beyond groups, alternation, ``?`` and escaped punctuation, or has over 64 spellings."""
    n = len(pattern)

    def parse(i: int, nested: bool):
        branches: list[str] = []
        current = [""]
        while i < n:
            r = pattern[i]
            if r == ")":
                if not nested:
                    return None
                return branches + current, i + 1
            if r == "|":
                branches += current
                current = [""]
                i += 1
                continue
            if r == "(":
                start = i + 1
                if pattern.startswith("?:", start):
                    start += 2
                elif start < n and pattern[start] == "?":
                    return None
                got = parse(start, True)
                if got is None:
                    return None
                atom, i = got
            elif r == "\\":
                if i + 1 >= n or pattern[i + 1].isalnum():
                    return None
                atom = [pattern[i + 1]]
                i += 2
            elif r in "[]{}.*+^$":
                return None
            else:
                atom = [r]
                i += 1
            if i < n and pattern[i] == "?":
                atom = atom + [""]
                i += 1
            elif i < n and pattern[i] in "*+{":
                return None
            if len(current) * len(atom) > 64:
                return None
            current = [p + a for p in current for a in atom]
        if nested:
            return None
        return branches + current, i

    got = parse(0, False)
    if got is None or got[1] != n or not got[0]:
        return None
    return got[0]


def _literal_skeleton(pattern: str) -> str:
    out = []
    i = 0
    while i < len(pattern):
        r = pattern[i]
        if r == "\\":
            if i + 1 >= len(pattern):
                return ""
            out.append(pattern[i + 1])
            i += 2
            continue
        if r == "?":
            pass
        elif r in "[](){}|.*+^$":
            return ""
        else:
            out.append(r)
        i += 1
    return "".join(out)


def recase_to_term(term: str, observed: str) -> str:
    """Vale's ``recaseToTerm``: when the replacement is a pattern, the message shows the spelling of it
    that the match is (ignoring case and line wraps), else the replacement as written."""
    expansions = expand_pattern(term)
    if expansions is None:
        skeleton = _literal_skeleton(term)
        expansions = [skeleton] if skeleton else []
    unwrapped = " ".join(observed.split())
    for candidate in expansions:
        if candidate.casefold() == unwrapped.casefold():
            return candidate
    return term


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
        groups = "|".join(f"({_CAPTURE.sub('(?:', wrap_spaces(k))})" for k in keys)
        pattern = make_regexp(env.word_template, self.ignorecase, not flag(rule, "nonword"), "", True, groups)
        self.pattern = compile_re(rule, pattern, "swap")
        self.prefilter = Prefilter.of(keys, self.ignorecase, not flag(rule, "nonword") and not env.word_template)
        accepted = env.accepted if flag(rule, "vocab", True) else []
        self.exceptions = exceptions_re(rule, str_list(rule, "exceptions"), accepted)
        self.phrases = phrases_re(str_list(rule, "exceptions"), accepted)
        action = rule.fields.get("action") or {}
        self.replace_action = isinstance(action, dict) and action.get("name") == "replace" and not action.get("params")
        self.message = _convert_message(rule.message) if self.replace_action else rule.message
        self.capitalize = flag(rule, "capitalize")

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
        if self.capitalize and observed == cap_first(observed):
            expected = cap_first(expected)
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
            if self.replace_action:
                if self.capitalize and observed == cap_first(observed):
                    options = [cap_first(o) for o in options]
                shown = to_sentence(options, "or")
            else:
                shown = recase_to_term(expected, observed)
            alerts.append(Alert(start, end, observed, format_message(self.message, shown, observed),
                                suggestions=options))
        return alerts


def build(rule, env) -> Substitution:
    return Substitution(rule, env)
