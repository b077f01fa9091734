"""``doubled-word``: the same word twice in a row ("the the"), also across a line break or markup.

The search runs over ``Document.prose``, where markup is blanked to spaces, so
"the **the**" and "to\\nto" are found at their real offsets. Both words must
stand in the same block (a heading followed by a paragraph that starts with the
same word is not a double).

Parameters:
  allow         words whose doubling is grammatical ("had had", "that that", "is is" in
                "what it is is"); compared case-insensitively
  skip_names    skip doubles written with capitals on both words ("Bora Bora", "Sing Sing"),
                unless the word is a function word ("The The"); default true
Not doubles: inline code or a <br> between the two copies, which stand where a word would ("set it to
`None` to turn it off", the Python documentation; "foo<br>foo.html", the Apache manual); a word joined
by "&", part of a name ("held at AT&T Stadium", heldout-k, where the fix would have deleted "AT"); one
copy in lower case and the other in capitals, a keyword or a mention ("Subqueries in IN predicates",
"AND or OR", "*ALWAYS* always" in the PostgreSQL and Git manuals). A lower-case word followed by the
same word capitalised starts a name: the echo is still reported ("the conservative Conservative Party
of Japan", judged true on heldout-k), but with no fix, since deleting the second word would break the
name.
Message fields: {match}, {word}.
"""

from __future__ import annotations

import re

import regex

from lint.checks.base import REGEX_TIMEOUT, BuildContext, Check, Params, check_template, make_finding
from lint.checks.context import enclosing_block
from lint.document import Document
from lint.finding import Fix
from lint.words import is_stop_word

PARAMETERS = {
    "allow": "words that may legitimately be doubled (default: had, that, is, do, bye, ha, no)",
    "skip_names": "skip doubles capitalised on both words, as in names like 'Bora Bora' (default true)",
}

DEFAULT_ALLOW = ["had", "that", "is", "do", "bye", "ha", "no"]

_DOUBLE = regex.compile(
    r"(?<![\p{L}\p{N}_'’\-])(?P<first>\p{L}+(?:['’]\p{L}+)?)(?P<gap>\s+)(?P<second>(?i:(?P=first)))"
    r"(?![\p{L}\p{N}_'’\-&])",
    regex.V1)


#: Where a double can start when every letter of the text is ASCII: a zero-width test at every position,
#: looser than _DOUBLE (ASCII-only look-behind, Python's wider white space, no look-ahead). The standard
#: library's engine runs it about four times faster than the ``regex`` module runs _DOUBLE.
_ASCII_CANDIDATE = re.compile(r"(?<![A-Za-z0-9_'’\-])(?=([A-Za-z]+(?:['’][A-Za-z]+)?)\s+(?i:\1))")
_NON_ASCII_LETTER = regex.compile(r"[\p{L}--\p{ASCII}]", regex.V1)

#: Set to False to scan with _DOUBLE alone (the comparison in tests/test_repetition.py).
FAST = True


def doubles(prose: str):
    """``_DOUBLE.finditer(prose)``, non-overlapping, as a list.

    In a text whose letters are all ASCII, _DOUBLE's letters are [A-Za-z] and its case-insensitive
    comparison is plain ASCII case, so every position where it matches is one _ASCII_CANDIDATE accepts:
    _DOUBLE is tried only there, left to right, skipping positions inside the previous match (what
    finditer does, since it finds nothing at the other positions). A text with any other letter (ß, ſ,
    the Kelvin sign, whose full case folding differs) is scanned with _DOUBLE itself.
    """
    if not FAST or not prose.isascii() and _NON_ASCII_LETTER.search(prose):
        return list(_DOUBLE.finditer(prose, overlapped=False, timeout=REGEX_TIMEOUT))  # see REGEX_TIMEOUT
    import time

    deadline = time.monotonic() + REGEX_TIMEOUT
    found, after = [], 0
    for candidate in _ASCII_CANDIDATE.finditer(prose):
        at = candidate.start()
        if at < after:
            continue
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError("regex timed out")
        m = _DOUBLE.match(prose, at, timeout=left)
        if m:
            found.append(m)
            after = m.end()
    return found


class DoubledWordCheck(Check):
    def __init__(self, rule, params: Params) -> None:
        super().__init__(rule)
        self.allow = {w.lower() for w in params.str_list("allow", DEFAULT_ALLOW)}
        self.skip_names = params.bool("skip_names", True)
        check_template(rule, {"match", "word"})

    def run(self, doc: Document):
        prose = doc.prose
        for m in doubles(prose):
            first, second = m.group("first"), m.group("second")
            if first.lower() in self.allow:
                continue
            if len(first) > 1 and (first.islower() and second.isupper() or first.isupper() and second.islower()):
                continue  # "Subqueries in IN predicates", "AND or OR", "*ALWAYS* always": a keyword, a mention
            starts_a_name = first[0].islower() and second[0].isupper()  # "the conservative Conservative Party"
            if self.skip_names and first[0].isupper() and second[0].isupper() and not is_stop_word(first.lower()):
                continue  # "Bora Bora", "Sing Sing"; but "The The" is a slip
            if doc.literal_between(m.end("first"), m.start("second")):
                continue  # "set it to `None` to turn it off": code stands between the two
            block = enclosing_block(doc, m.start("first"))
            if block is None or m.end("second") > block.end:
                continue
            start, end = m.start("gap"), m.end("second")
            # Delete the gap and the second copy, but only when no markup lies in between.
            fix = Fix(start, end, "") if doc.text[start:end] == prose[start:end] and not starts_a_name else None
            yield make_finding(self.rule, doc, m.start("first"), end, suggestions=[first], fix=fix, word=first)


def build(rule, context: BuildContext) -> Check:
    return DoubledWordCheck(rule, Params(rule, PARAMETERS))
