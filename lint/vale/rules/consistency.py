"""``extends: consistency`` — both spellings of an ``either`` pair in one file ("colour" and "color").

Each pair is one pattern with two groups. Which side was seen is remembered
for the whole file; once both sides have been seen, every block that matches
the pair again is reported at its last match (Vale's behaviour), with that
match as ``%s``.
"""

from __future__ import annotations

from lint.errors import ConfigError
from lint.vale.rules.base import Alert, compile_re, finditer, flag, format_message, make_regexp


class Consistency:
    def __init__(self, rule, env) -> None:
        self.rule = rule
        either = rule.fields.get("either") or {}
        if not isinstance(either, dict):
            raise ConfigError(f"Vale rule {rule.name}: either must be a mapping", rule.path, None, "either")
        self.steps = []
        for i, (first, second) in enumerate(either.items()):
            body = f"(?P<c{i}a>{first})|(?P<c{i}b>{second})"
            pattern = make_regexp(env.word_template, flag(rule, "ignorecase"), not flag(rule, "nonword"), "", True,
                                  body)
            self.steps.append((i, compile_re(self.rule, pattern, "either")))

    def run(self, block, state) -> list[Alert]:
        seen = state.sequences.setdefault(self.rule.name, set())
        alerts = []
        text = block.text
        for i, pattern in self.steps:
            last = None
            for m in finditer(pattern, text):
                for side in ("a", "b"):
                    name = f"c{i}{side}"
                    if m.start(name) >= 0:
                        last = m.span(name)
                        seen.add(name)
            if last is not None and {f"c{i}a", f"c{i}b"} <= seen:
                matched = text[last[0]:last[1]]
                alerts.append(Alert(last[0], last[1], matched, format_message(self.rule.message, matched)))
        return alerts


def build(rule, env) -> Consistency:
    return Consistency(rule, env)
