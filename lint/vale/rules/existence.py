"""``extends: existence`` — report every match of ``tokens`` (and ``raw``).

Tokens are joined into one alternation inside ``\\b(?:…)\\b`` (or without the
word boundaries when ``nonword: true``); ``raw`` is placed before the tokens
(after them with ``append: true``); ``ignorecase`` prefixes ``(?i)``. A match
is dropped when it contains an exception (or, for word rules, an accepted
Vocab term). The message's ``%s`` is the matched text.
"""

from __future__ import annotations

from lint.vale.rules.base import (Alert, Prefilter, alert_message, compile_re, exceptions_re, finditer, flag, is_match,
                                  make_regexp, phrases_re, str_list, within_phrase, wrap_spaces)


class Existence:
    def __init__(self, rule, env) -> None:
        self.rule = rule
        tokens = [t for t in str_list(rule, "tokens") if t.strip()]
        nonword = flag(rule, "nonword")
        vocab = flag(rule, "vocab", True)
        pattern = make_regexp(env.word_template, flag(rule, "ignorecase"), not nonword and bool(tokens),
                              "".join(str_list(rule, "raw")), flag(rule, "append"),
                              "|".join(wrap_spaces(t) for t in tokens))
        self.pattern = compile_re(rule, pattern)
        raw = "".join(str_list(rule, "raw"))
        word_rule = not nonword and not env.word_template and not raw
        self.prefilter = Prefilter.of(tokens, flag(rule, "ignorecase"), word_rule)
        # Vocab terms are accepted *words*: they exempt word rules only (Vale #1058).
        accepted = env.accepted if vocab and not nonword else []
        self.exceptions = exceptions_re(rule, str_list(rule, "exceptions"), accepted)
        self.phrases = phrases_re(str_list(rule, "exceptions"), accepted)

    def run(self, block, state) -> list[Alert]:
        alerts = []
        text = block.text
        if self.prefilter is not None and not self.prefilter.might_match(text):
            return alerts
        for m in finditer(self.pattern, text):
            matched = m.group()
            if not matched and m.start() == m.end() == len(text):
                continue
            if is_match(self.exceptions, matched.strip()) or within_phrase(self.phrases, text, m.start(), m.end()):
                continue
            message, suggestions = alert_message(self.rule, matched)
            alerts.append(Alert(m.start(), m.end(), matched, message, suggestions=suggestions))
        return alerts


def build(rule, env) -> Existence:
    return Existence(rule, env)
