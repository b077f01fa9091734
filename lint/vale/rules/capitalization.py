"""``extends: capitalization`` — a scope (usually ``heading``) must follow a case style.

``match`` is ``$sentence`` (first word capitalised, the rest lower case, with
``exceptions`` and words after an ``indicators`` suffix such as ``:`` left
alone), ``$title`` (AP or Chicago ``style``), ``$lower``, ``$upper`` or a
pattern. The sentence and title checks pass when at least ``threshold``
(default 0.8) of the words conform. The alert covers the whole scope and
``%s`` is its text.
"""

from __future__ import annotations

import regex

from lint.vale.rules.base import Alert, compile_re, exceptions_re, format_message, go_syntax, is_match, str_list

WORD = r"[\p{N}\p{L}*]+[^\s]*"

#: Words AP/Chicago title case keep in lower case (unless first or last).
SMALL_AP = {"a", "an", "and", "at", "but", "by", "for", "in", "nor", "of", "on", "or", "so", "the", "to", "up",
            "yet"}
SMALL_CHICAGO = SMALL_AP | {"as", "if", "off", "per", "via", "vs", "vs."}


def _go_separator(ch: str) -> bool:
    """Go's ``strings.Title`` word boundary: ASCII other than letters, digits and ``_``; beyond ASCII,
    only spaces."""
    if ch.isascii():
        return not (ch.isalnum() or ch == "_")
    if ch.isalpha() or ch.isdigit():
        return False
    return ch.isspace()


def _go_title(word: str) -> str:
    """Go's ``strings.Title``: upper-case every letter that follows a separator (``don't`` → ``Don'T``)."""
    out, prev_sep = [], True
    for ch in word:
        out.append(ch.upper() if prev_sep else ch)
        prev_sep = _go_separator(ch)
    return "".join(out)


def _to_title(token: str) -> str:
    """prose's ``ToTitle(token, strict)``: the first letter upper-cased, the rest lower-cased."""
    return token[:1].upper() + token[1:].lower()


_NUMBER_LIST = regex.compile(r"\d+\.")


def _words(pattern, text: str) -> list[str]:
    return [m.group() for m in pattern.finditer(text)]


_WRAP_SPACE = regex.compile(r"[ \t]+")


def term_pattern(term: str) -> str:
    """Vale's ``termPattern``: a plain term's periods escaped, spaces matching any whitespace."""
    if not any(c in "\\+*?()|[]{}^$" for c in term):  # Go's QuoteMeta would leave it as it is
        term = term.replace(".", "\\.")
    return _WRAP_SPACE.sub(lambda _: "\\s+", term)


def _converter_vocab(exceptions: list[str], accepted: list[str]) -> list[str]:
    """The vocabulary Vale's sentence-case converter gets. Vale builds the exceptions pattern first,
    and that rewrites the exception list in place when there are no accepted Vocab terms to append
    (Go's ``append`` then shares the array): each term becomes ``(?-i)term`` (its ``termPattern``),
    longest first. So a listed word is kept as written only when it is spelled exactly so, and its
    lower-case spelling counts as ordinary lower case (``docker`` passes beside ``Docker``)."""
    if accepted:
        return sorted([*exceptions, *accepted], key=len, reverse=True)
    terms = sorted(exceptions, key=len, reverse=True)
    return [term_pattern(t) if t.startswith("(?i)") else "(?-i)" + term_pattern(t) for t in terms]


def _try_compile(pattern: str):
    try:
        return regex.compile(go_syntax(pattern), regex.V0)
    except (regex.error, ValueError, OverflowError):
        return None


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
        self.prefix = compile_re(rule, str(rule.fields["prefix"]), "prefix") if rule.fields.get("prefix") else None
        vocab = _converter_vocab(str_list(rule, "exceptions"), env.accepted if rule.fields.get("vocab", True) else [])
        self.vocab = [(w, _try_compile(w)) for w in vocab]
        converter = WORD if not vocab else r"\b(?:" + "|".join(vocab) + r")\b|" + WORD
        self.convert_tokens = _try_compile("(?i)" + converter) or regex.compile("(?i)" + WORD)
        if self.match not in ("$sentence", "$title", "$lower", "$upper"):
            self.pattern = compile_re(rule, self.match, "match")

    def _indicator(self, word: str, index: int) -> bool:
        """Vale's ``wasIndicator``: the previous word ends with an indicator (``:``), or it is the
        first word and a list number (``1.``)."""
        return any(word.endswith(x) for x in self.indicators) or (index == 0 and bool(_NUMBER_LIST.search(word)))

    def _vocab(self, token: str) -> str:
        """prose's ``lookupVocab``: an exception spelled as listed, or the token when one matches it."""
        for word, pattern in self.vocab:
            if word.casefold() == token.casefold():
                return word
            if pattern is not None and pattern.search(token):
                return token
        return ""

    def sentence_case(self, s: str) -> str:
        """prose's ``SentenceConverter.Convert``: the first word and every word after an indicator
        capitalised, exceptions as listed, the rest lower case."""
        prefix = ""
        if self.prefix is not None:
            m = self.prefix.search(s)
            if m:
                prefix = m.group()
                s = s[len(prefix):] if s.startswith(prefix) else s
        tokens = _words(self.convert_tokens, s)
        made = []
        for i, token in enumerate(tokens):
            entry = self._vocab(token)
            if entry:
                made.append(entry)
            elif i == 0 or self._indicator(tokens[i - 1], i - 1):
                made.append(_to_title(token))
            else:
                made.append(token.lower())
        return prefix + " ".join(made)

    def _sentence(self, s: str) -> bool:
        """Vale's ``sentence``: each word must be as sentence case spells it, or an exception; a wrong
        first word fails at once; otherwise at least ``threshold`` of the words must conform."""
        expected = _words(self.words, self.sentence_case(s))
        count = words = 0
        for i, w in enumerate(_words(self.words, s)):
            if i >= len(expected) or w == expected[i] or is_match(self.exceptions, w):
                count += 1
            elif i == 0 and w != _go_title(w.lower()):
                return False
            words += 1
        # Go divides 0 by 0 here: NaN, which is below any threshold.
        return words > 0 and count / words >= self.threshold

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
        return bool(tokens) and count / len(tokens) >= self.threshold

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
