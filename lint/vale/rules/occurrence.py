"""``extends: occurrence`` — too many (``max``) or too few (``min``) matches of ``token`` in a scope.

The alert stands at the first match that is not masked code (``***``); with no
match at all, at the scope's first word (or the start of the file for an empty
scope). ``%s`` (or ``%d``) in the message is the number of matches.
"""

from __future__ import annotations

import re

from lint.vale.rules.base import Alert, compile_re, finditer, flag, format_message, number

_FIRST_WORD = re.compile(r"\S+")
_IS_CODE = re.compile(r"[*@]*")


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
        if not ((self.max > 0 and n > self.max) or (self.min > 0 and n < self.min)):
            return []
        message = format_message(self.rule.message.replace("%d", "%s"), str(n))
        if not found:
            word = _FIRST_WORD.search(block.text)
            if word is None:
                return [Alert(0, 0, "", message, document_level=True)]
            return [Alert(word.start(), word.end(), word.group(), message)]
        for m in found:
            text = m.group()
            if text.strip() and not _IS_CODE.fullmatch(text):
                return [Alert(m.start(), m.end(), text, message)]
        return []  # only masked code matched (Vale: use scope raw for that)


def build(rule, env) -> Occurrence:
    return Occurrence(rule, env)
