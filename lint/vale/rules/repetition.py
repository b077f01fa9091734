"""``extends: repetition`` — the same token twice in a row ("the the").

Matches of the ``tokens`` alternation are compared with the previous match
(case-folded with ``ignorecase``; letters only with ``alpha``). When more than
``max`` repeats are seen and the pair lies within one sentence, the alert
covers both; ``%s`` is the repeated token.
"""

from __future__ import annotations

from lint.vale.rules.base import (Alert, compile_re, exceptions_re, finditer, flag, format_message, is_match, number,
                                  phrases_re, str_list, within_phrase)


def _one_sentence(text: str) -> bool:
    """Vale's test: its sentence segmenter finds exactly one sentence in the pair's span."""
    from lint.vale.sentences import segment

    return len(segment(text)) == 1


class Repetition:
    def __init__(self, rule, env) -> None:
        self.rule = rule
        self.ignorecase = flag(rule, "ignorecase")
        self.alpha = flag(rule, "alpha")
        self.max = number(rule, "max", 0)
        tokens = str_list(rule, "tokens")
        self.pattern = compile_re(rule, ("(?i)" if self.ignorecase else "") + "(" + "|".join(tokens) + ")")
        accepted = env.accepted if flag(rule, "vocab", True) else []
        self.exceptions = exceptions_re(rule, str_list(rule, "exceptions"), accepted)
        self.phrases = phrases_re(str_list(rule, "exceptions"), accepted)

    def run(self, block, state) -> list[Alert]:
        alerts = []
        text = block.text
        prev, ploc, count = "", None, 0
        for m in finditer(self.pattern, text):
            curr = m.group().strip()
            hit = curr != "" and (curr.casefold() == prev.casefold() if self.ignorecase else curr == prev)
            hit = hit and (not self.alpha or all(ch.isalpha() for ch in curr))
            if hit:
                count += 1
            if hit and count > self.max:
                start, end = ploc[0], m.end()
                span = text[start:end]
                if _one_sentence(span) and not is_match(self.exceptions, span) \
                        and not within_phrase(self.phrases, text, start, end):
                    alerts.append(Alert(start, end, span, format_message(self.rule.message, curr)))
                    count = 0
            ploc, prev = m.span(), curr
        return alerts


def build(rule, env) -> Repetition:
    return Repetition(rule, env)
