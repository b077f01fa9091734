"""``extends: existence`` — report every match of ``tokens`` (and ``raw``).

Tokens are joined into one alternation inside ``\\b(?:…)\\b`` (or without the
word boundaries when ``nonword: true``); ``raw`` is placed before the tokens
(after them with ``append: true``); ``ignorecase`` prefixes ``(?i)``. A match
is dropped when it contains an exception (or, for word rules, an accepted
Vocab term). The message's ``%s`` is the matched text.
"""

from __future__ import annotations

from lint.vale.rules.base import (Alert, compile_re, exceptions_re, finditer, flag, format_message, is_match,
                                  make_regexp, str_list)


class Existence:
    def __init__(self, rule, env) -> None:
        self.rule = rule
        tokens = [t for t in str_list(rule, "tokens") if t.strip()]
        nonword = flag(rule, "nonword")
        vocab = flag(rule, "vocab", True)
        pattern = make_regexp(env.word_template, flag(rule, "ignorecase"), not nonword and bool(tokens),
                              "".join(str_list(rule, "raw")), flag(rule, "append"))
        self.pattern = compile_re(rule, pattern.replace("%s", "|".join(tokens), 1))
        accepted = env.accepted if vocab and not nonword else []
        self.exceptions = exceptions_re(rule, str_list(rule, "exceptions"), accepted)

    def run(self, block, state) -> list[Alert]:
        alerts = []
        text = block.text
        for m in finditer(self.pattern, text):
            matched = m.group()
            if not matched and m.start() == m.end() == len(text):
                continue
            if is_match(self.exceptions, matched.strip()):
                continue
            alerts.append(Alert(m.start(), m.end(), matched, format_message(self.rule.message, matched)))
        return alerts


def build(rule, env) -> Existence:
    return Existence(rule, env)
