"""``extends: conditional`` — ``first`` may appear only where ``second`` supports it.

With a capture group in ``second`` (``… \\(([A-Z]{3,5})\\)``), each match of
``first`` must equal a value ``second`` captured earlier in the file (an
acronym must have been defined). Without one, ``first`` needs ``second``
somewhere in the same block. ``%s`` is the match of ``first``.
"""

from __future__ import annotations

from lint.vale.rules.base import (Alert, alert_message, compile_re, exceptions_re, finditer, flag, is_match,
                                  phrases_re, str_list, within_phrase)


def _has_capture_group(pattern: str) -> bool:
    return pattern.count("(") > pattern.count("(?") + pattern.count(r"\(")


class Conditional:
    def __init__(self, rule, env) -> None:
        self.rule = rule
        prefix = ""  # Vale compiles first and second as written (ignorecase is not applied)
        second = str(rule.fields.get("second") or "")
        self.second = compile_re(rule, prefix + second, "second")
        self.first = compile_re(rule, prefix + str(rule.fields.get("first") or ""), "first")
        self.second_has_group = _has_capture_group(second)
        accepted = env.accepted if flag(rule, "vocab", True) else []
        self.exceptions = exceptions_re(rule, str_list(rule, "exceptions"), accepted)
        self.phrases = phrases_re(str_list(rule, "exceptions"), accepted)

    def run(self, block, state) -> list[Alert]:
        text = block.text
        defined = state.sequences.setdefault(self.rule.name, set())
        if not self.second_has_group:
            if self.second.search(text) is not None:
                return []
        else:
            for m in finditer(self.second, text):
                defined.update(g for g in m.groups() if g)
        alerts = []
        for m in finditer(self.first, text):
            s = m.group()
            if self.second_has_group and s in defined:
                continue
            if is_match(self.exceptions, s) or within_phrase(self.phrases, text, m.start(), m.end()):
                continue
            message, suggestions = alert_message(self.rule, s)
            alerts.append(Alert(m.start(), m.end(), s, message, suggestions=suggestions))
        return alerts


def build(rule, env) -> Conditional:
    return Conditional(rule, env)
