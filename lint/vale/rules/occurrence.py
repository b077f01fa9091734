"""``extends: occurrence`` — too many (``max``) or too few (``min``) matches of ``token`` in a scope.

The alert stands at the first match (or, when there is none, at the start of
the file); its message is the rule's message as written (no ``%s``).
"""

from __future__ import annotations

from lint.vale.rules.base import Alert, compile_re, finditer, flag, number


class Occurrence:
    def __init__(self, rule, env) -> None:
        self.rule = rule
        token = str(rule.fields.get("token") or "")
        self.pattern = compile_re(rule, ("(?i)" if flag(rule, "ignorecase") else "") + "(?:" + token + ")", "token")
        self.max = number(rule, "max", 0)
        self.min = number(rule, "min", 0)

    def run(self, block, state) -> list[Alert]:
        found = list(finditer(self.pattern, block.text))
        n = len(found)
        if (self.max > 0 and n > self.max) or (self.min > 0 and n < self.min):
            if not found:
                return [Alert(0, 0, "", self.rule.message, document_level=True)]
            m = found[0]
            return [Alert(m.start(), m.end(), m.group(), self.rule.message)]
        return []


def build(rule, env) -> Occurrence:
    return Occurrence(rule, env)
