"""What Vale's rule types share: pattern templates, exceptions, messages, alerts."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from lint.checks.base import REGEX_TIMEOUT
from lint.errors import ConfigError

WORD_TEMPLATE = r"(?m)\b(?:%s)\b"
NONWORD_TEMPLATE = r"(?m)(?:%s)"
IGNORE_CASE = "(?i)"


@dataclass
class Alert:
    start: int  # span in the block's text
    end: int
    match: str
    message: str
    #: Alerts without a span (occurrence with min, metric) stand at the start of the file.
    document_level: bool = False
    suggestions: list[str] = field(default_factory=list)


@dataclass
class Env:
    """What a rule is built with: the config's word template and accepted/rejected vocabulary."""

    word_template: str = ""
    accepted: list[str] = field(default_factory=list)


_QUOTED = re.compile(r"\\Q(.*?)(?:\\E|$)", re.S)
_HEX = re.compile(r"\\x\{([0-9A-Fa-f]{1,6})\}")


def go_syntax(pattern: str) -> str:
    """RE2 spellings the ``regex`` module lacks: ``\\Q…\\E`` literals and ``\\x{263A}`` code points."""
    if "\\Q" in pattern:
        pattern = _QUOTED.sub(lambda m: regex.escape(m.group(1)), pattern)
    if "\\x{" in pattern:
        pattern = _HEX.sub(lambda m: "\\U%08x" % int(m.group(1), 16), pattern)
    return pattern


def compile_re(rule, pattern: str, key: str = "tokens"):
    try:
        return regex.compile(go_syntax(pattern), regex.V0)
    except (regex.error, ValueError, OverflowError) as exc:
        raise ConfigError(f"Vale rule {rule.name}: malformed pattern: {exc}", rule.path, None, key) from None


def make_regexp(template: str, ignorecase: bool, word: bool, raw: str, append: bool, tokens: str) -> str:
    """Vale's ``makeRegexp`` filled with ``tokens``: the word (``\\b(?:…)\\b``, or the config's
    ``WordTemplate``) or nonword template, with ``raw`` before it (after it with ``append``)."""
    pattern = (template or WORD_TEMPLATE) if word else NONWORD_TEMPLATE
    head, _, tail = pattern.partition("%s")
    pattern = head + tokens + tail
    pattern = pattern + raw if append else raw + pattern
    return (IGNORE_CASE if ignorecase else "") + pattern


def exceptions_re(rule, exceptions: list[str], accepted: list[str]):
    """One pattern for a rule's exceptions plus the accepted vocabulary, longest first (greedy
    alternation), each case-sensitive unless it starts with ``(?i)``."""
    terms = [*exceptions, *accepted]
    if not terms:
        return None
    terms.sort(key=len, reverse=True)
    terms = [t if t.startswith("(?i)") else "(?-i)" + t for t in terms]
    return compile_re(rule, WORD_TEMPLATE.replace("%s", "|".join(terms)), "exceptions")


def phrases_re(exceptions: list[str], accepted: list[str]):
    """Multi-word exceptions: a match that lies inside one of them (``mea`` in ``mea culpa``) is dropped."""
    phrases = [t for t in [*exceptions, *accepted] if " " in t or "\t" in t or "\\s" in t]
    if not phrases:
        return None
    try:
        return regex.compile(IGNORE_CASE + r"\b(?:" + "|".join(phrases) + r")\b", regex.V0)
    except regex.error:
        return None


def within_phrase(pattern, text: str, start: int, end: int) -> bool:
    if pattern is None:
        return False
    return any(m.start() <= start and end <= m.end() for m in pattern.finditer(text, timeout=REGEX_TIMEOUT))


def fixes(action, match: str) -> list[str]:
    """What a rule's ``action`` would put in place of ``match`` (Vale's FixAlert, for the common actions)."""
    if not isinstance(action, dict) or not action.get("name"):
        return []
    name = action.get("name")
    params = [str(p) for p in (action.get("params") or [])]
    if name == "replace":
        return params
    if name == "remove":
        return [""]
    if name == "edit" and params:
        kind = params[0]
        if kind == "regex" and len(params) >= 3:
            try:
                return [regex.sub(params[1], params[2].replace("$", "\\"), match, count=1)]
            except regex.error:
                return [match]
        if kind == "trim_right":
            return [match.rstrip(params[1] if len(params) > 1 else None)]
        if kind == "trim_left":
            return [match.lstrip(params[1] if len(params) > 1 else None)]
        if kind == "trim":
            return [match.strip(params[1] if len(params) > 1 else None)]
        if kind == "truncate" and len(params) > 1:
            return [match.split(params[1])[0]]
        if kind == "split" and len(params) > 1:
            return [match.split(params[1])[0]]
    return [match]


def alert_message(rule, match: str) -> tuple[str, list[str]]:
    """The message and suggestions for a match (Vale's alertWithGroups): with an action, the fix is
    the message's second ``%s``."""
    action = rule.fields.get("action")
    fixed = fixes(action, match)
    if isinstance(action, dict) and action.get("name"):
        repl = match if not fixed else fixed[0] if len(fixed) == 1 else to_sentence(fixed, "or")
        # Only replacements are offered as suggestions; edits and removals read oddly out of context.
        offered = [f for f in fixed if f and f != match] if action.get("name") == "replace" else []
        return format_message(rule.message, match, repl), offered
    return format_message(rule.message, match), []


_LITERAL = re.compile(r"[\w \t'’\-]+")
_WORDS = regex.compile(r"\w+")


@lru_cache(maxsize=64)
def _word_set(text: str, fold: bool) -> frozenset:
    return frozenset(_WORDS.findall(text.casefold() if fold else text))


class Prefilter:
    """Vale's ``MightMatch`` for word rules made of plain phrases: each token needs its longest word
    as a whole word of the block (``\\b(?:…)\\b`` guarantees it), so a block whose words include none
    of the tokens' key words cannot match and the regular expression is not run."""

    def __init__(self, keywords: set[str], fold: bool) -> None:
        self.keywords = frozenset(keywords)
        self.fold = fold

    @classmethod
    def of(cls, tokens: list[str], ignorecase: bool, word_rule: bool) -> "Prefilter | None":
        if not word_rule or not tokens:
            return None
        keys = set()
        for t in tokens:
            pieces = _WORDS.findall(t.casefold() if ignorecase else t)
            if not _LITERAL.fullmatch(t) or not pieces:
                return None
            keys.add(max(pieces, key=len))
        return cls(keys, ignorecase)

    def might_match(self, text: str) -> bool:
        return not self.keywords.isdisjoint(_word_set(text, self.fold))


def is_match(pattern, text: str) -> bool:
    return pattern is not None and pattern.search(text, timeout=REGEX_TIMEOUT) is not None


def finditer(pattern, text: str):
    return pattern.finditer(text, timeout=REGEX_TIMEOUT)


def wrap_spaces(pattern: str) -> str:
    """Vale's ``wrapSpaces``: each run of spaces between words in a rule's phrase also matches a line
    wrap (``\\s+``), so ``do not`` finds ``do⏎not``. A space in a character class, after a backslash or
    before a quantifier keeps its meaning, as does every space in a ``(?x`` pattern."""
    if (" " not in pattern and "\t" not in pattern) or "(?x" in pattern:
        return pattern
    out = []
    in_class = False
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\" and i + 1 < n:
            out.append(pattern[i:i + 2])
            i += 2
            continue
        if in_class:
            if c == "]":
                in_class = False
            out.append(c)
        elif c == "[":
            in_class = True
            out.append(c)
        elif c in " \t":
            j = i
            while j < n and pattern[j] in " \t":
                j += 1
            out.append(pattern[i:j] if j < n and pattern[j] in "*+?{" else "\\s+")
            i = j
            continue
        else:
            out.append(c)
        i += 1
    return "".join(out)


_LINE_WRAP = re.compile(r"[ \t]*\n\s*")


def unwrap(s: str) -> str:
    """Vale's ``unwrap``: a match that wraps across lines reads as one line in a message."""
    return _LINE_WRAP.sub(" ", s) if "\n" in s else s


_VERB = re.compile(r"%(?:\[(\d+)\])?([-+# 0]*\d*(?:\.\d+)?)([a-zA-Z%])")


def format_message(message: str, *subs: str) -> str:
    """Go's ``fmt.Sprintf`` for the verbs Vale messages use (``%s``, ``%v``, ``%q``, ``%[2]s``, ``%%``);
    extra arguments are ignored, missing ones print as Go prints them. Arguments that wrap across lines
    are unwrapped first (Vale's ``formatMessages``)."""
    # Vale's CondSprintf passes one more, empty, argument.
    subs = tuple(unwrap(x) for x in subs) + ("",)
    index = 0

    def repl(m: re.Match) -> str:
        nonlocal index
        if m.group(3) == "%":
            return "%"
        if m.group(1):
            index = int(m.group(1)) - 1
        if index >= len(subs):
            index += 1
            return f"%!{m.group(3)}(MISSING)"
        value = subs[index]
        index += 1
        if m.group(3) == "q":
            return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
        return value

    return _VERB.sub(repl, message)


def whitespace_to_space(message: str) -> str:
    """Vale's ``WhitespaceToSpace``: line breaks become spaces; runs of spaces stay as they are (a
    ``%s`` showing ``'y.  T'`` keeps both spaces)."""
    return message.replace("\n", " ")


def to_sentence(words: list[str], and_or: str) -> str:
    """Vale's ``ToSentence``: 'a', 'a' or 'b', 'a', 'b', or 'c'."""
    if len(words) == 1:
        return f"'{words[0]}'"
    if len(words) == 2:
        return f"'{words[0]}' {and_or} '{words[1]}'"
    quoted = [f"'{w}'" for w in words]
    quoted[-1] = f"{and_or} {quoted[-1]}"
    return ", ".join(quoted)


def is_phrase(s: str) -> bool:
    """Vale's ``IsPhrase`` as it behaves: true when ``s`` has no space (its test is
    ``!(IsLetter(r) || r != ' ')``, false only for a space)."""
    return " " not in s


def str_list(rule, key: str) -> list[str]:
    value = rule.fields.get(key)
    if value is None:
        return []
    if isinstance(value, (str, int, float)):
        return [str(value)]
    if isinstance(value, list):
        return [str(v) for v in value if v is not None]
    raise ConfigError(f"Vale rule {rule.name}: {key} must be a list", rule.path, None, key)


def flag(rule, key: str, default: bool = False) -> bool:
    value = rule.fields.get(key, default)
    return bool(value)


def number(rule, key: str, default=0):
    value = rule.fields.get(key, default)
    try:
        return float(value) if isinstance(value, float) else int(value)
    except (TypeError, ValueError):
        raise ConfigError(f"Vale rule {rule.name}: {key} must be a number", rule.path, None, key) from None
