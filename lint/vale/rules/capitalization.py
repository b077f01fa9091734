"""``extends: capitalization`` — a scope (usually ``heading``) must follow a case style.

``match`` is ``$sentence`` (first word capitalised, the rest lower case, with
``exceptions`` and words after an ``indicators`` suffix such as ``:`` left
alone), ``$title`` (AP or Chicago ``style``), ``$lower``, ``$upper`` or a
pattern. The sentence and title checks pass when more than ``threshold``
(default 0.8) of the words conform. The alert covers the whole scope and
``%s`` is its text.
"""

from __future__ import annotations

import regex

from lint.vale.rules.base import Alert, compile_re, exceptions_re, format_message, is_match, str_list

WORD = r"[\p{N}\p{L}*]+[^\s]*"

#: Words AP/Chicago title case keep in lower case (unless first or last).
SMALL_AP = {"a", "an", "and", "at", "but", "by", "for", "in", "nor", "of", "on", "or", "so", "the", "to", "up",
            "yet"}
SMALL_CHICAGO = SMALL_AP | {"as", "if", "off", "per", "via", "vs", "vs."}


def _go_title(word: str) -> str:
    """Go's ``strings.Title``: upper-case every letter that follows a non-letter."""
    out, prev_letter = [], False
    for ch in word:
        out.append(ch.upper() if not prev_letter and ch.isalpha() else ch)
        prev_letter = ch.isalpha() or ch.isdigit() or ch == "_" or ch == "'"
    return "".join(out)


def _words(pattern, text: str) -> list[str]:
    return [m.group() for m in pattern.finditer(text)]


class Capitalization:
    def __init__(self, rule, env) -> None:
        self.rule = rule
        self.match = str(rule.fields.get("match") or "")
        self.indicators = str_list(rule, "indicators")
        self.threshold = float(rule.fields.get("threshold") or 0.8)
        self.style = str(rule.fields.get("style") or "AP")
        self.exceptions = exceptions_re(rule, str_list(rule, "exceptions"), env.accepted)
        ps = (self.exceptions.pattern + "|" if self.exceptions is not None else "") + WORD
        self.words = regex.compile(ps, regex.V0)
        self.pattern = None
        if self.match not in ("$sentence", "$title", "$lower", "$upper"):
            self.pattern = compile_re(rule, self.match, "match")

    def _sentence(self, s: str) -> bool:
        count = words = 0.0
        tokens = _words(self.words, s.rstrip("?!.:"))
        for i, w in enumerate(tokens):
            prev = tokens[i - 1] if i > 0 else ""
            for sep in ("-", "'", "’"):
                if sep in w:
                    w = w.split(sep)[0]
                    break
            if w == w.upper() or any(prev.endswith(x) for x in self.indicators) or is_match(self.exceptions, w):
                count += 1
            elif i == 0 and w != _go_title(w.lower()):
                return False
            elif i == 0 or w == w.lower():
                count += 1
            words += 1
        return words == 0 or count / words > self.threshold

    def _title(self, s: str) -> bool:
        small = SMALL_CHICAGO if self.style == "Chicago" else SMALL_AP
        tokens = _words(self.words, s)
        count = 0.0
        for i, w in enumerate(tokens):
            if w.lower() in small and 0 < i < len(tokens) - 1:
                expected = w.lower()
            else:
                expected = w[:1].upper() + w[1:]
            if w == expected or is_match(self.exceptions, w) or w == w.upper():
                count += 1
        return not tokens or count / len(tokens) > self.threshold

    def passes(self, s: str) -> bool:
        if self.match == "$sentence":
            return self._sentence(s)
        if self.match == "$title":
            return self._title(s)
        if self.match == "$lower":
            return s == s.lower() or is_match(self.exceptions, s)
        if self.match == "$upper":
            return s == s.upper() or is_match(self.exceptions, s)
        return self.pattern.search(s) is not None or is_match(self.exceptions, s)

    def run(self, block, state) -> list[Alert]:
        text = block.text
        if self.passes(text):
            return []
        return [Alert(0, len(text), text, format_message(self.rule.message, text))]


def build(rule, env) -> Capitalization:
    return Capitalization(rule, env)
