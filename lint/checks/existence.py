"""``existence``: report every occurrence of a word, phrase or pattern.

Parameters:
  patterns      regular expressions (the ``regex`` module's syntax)
  words         literal words or phrases (escaped for you; any run of spaces matches any white space)
  ignorecase    match regardless of case (default true)
  whole_word    only match whole words (default true)
  exceptions    patterns; a match that equals one of them in full is not reported
  skip_quoted   do not report inside quotation marks, emphasis (titles of works) or Title Case names
                (default false)
  skip_reported do not report in a sentence that reports what a named speaker said or wrote ("she
                wrote, adding that stepping down would allow Columbia to navigate the challenges
                ahead"): the words are the speaker's, paraphrased (default false)
Message fields: {match}.
"""

from __future__ import annotations

import regex

from lint.checks.base import BuildContext, Check, Params, check_template, compile_pattern, make_finding
from lint.checks.context import quoted_or_named
from lint.checks.prefilter import PatternList
from lint.document import Document
from lint.rules import is_shipped

PARAMETERS = {
    "patterns": "regular expressions to report",
    "words": "literal words or phrases to report",
    "ignorecase": "match regardless of case (default true)",
    "whole_word": "only match whole words (default true)",
    "exceptions": "patterns that, matched in full, are not reported",
    "skip_quoted": "skip quotations, emphasis and Title Case names (default false)",
    "skip_reported": "skip sentences that report what a named speaker said or wrote (default false)",
}


def phrase_pattern(phrase: str) -> str:
    """A literal phrase as a pattern in which any white space matches any white space."""
    return r"\s+".join(regex.escape(part) for part in phrase.split())


def alternation(rule, patterns: list[str], whole_word: bool, flags: int, key: str, named: bool = False):
    """One pattern for a rule's whole list (one pass over the text instead of one per entry).

    With ``named``, entry ``i`` is the group ``e{i}``, so ``match.lastgroup`` says which entry matched.
    """
    body = "|".join(f"(?P<e{i}>{p})" if named else f"(?:{p})" for i, p in enumerate(patterns))
    if whole_word:
        body = rf"(?<![\p{{L}}\p{{N}}_])(?:{body})(?![\p{{L}}\p{{N}}_])"
    try:
        return regex.compile(body, flags | regex.V0)
    except regex.error:
        for p in patterns:  # name the bad entry, not the combination
            compile_pattern(rule, p, key, flags)
        return compile_pattern(rule, body, key, flags)


class ExistenceCheck(Check):
    def __init__(self, rule, params: Params, context: BuildContext) -> None:
        super().__init__(rule)
        regexes, words = params.str_list("patterns"), params.str_list("words")
        patterns = regexes + [phrase_pattern(w) for w in words]
        if not patterns:
            raise rule.error("needs patterns or words", "patterns")
        flags = regex.IGNORECASE if params.bool("ignorecase", True) else 0
        self.patterns = PatternList(rule, regexes, words, flags, params.bool("whole_word", True), "patterns",
                                    context.phrases)
        if not is_shipped(rule):
            self.patterns.validate()
        exceptions = params.str_list("exceptions")
        self.exceptions = alternation(rule, exceptions, False, flags, "exceptions") if exceptions else None
        self.skip_quoted = params.bool("skip_quoted", False)
        self.skip_reported = params.bool("skip_reported", False)
        check_template(rule, {"match"})

    def prepare(self) -> None:
        self.patterns.prepare()  # before --jobs workers fork: they inherit the compiled patterns

    def run(self, doc: Document):
        for m, _entry in self.patterns.matches(doc, doc.prose):
            start, end = m.span()
            if start == end:
                continue
            if self.exceptions and self.exceptions.fullmatch(m.group()):
                continue
            if self.skip_quoted and quoted_or_named(doc, start, end):
                continue
            if self.skip_reported and _reported_speech(doc, start):
                continue
            yield make_finding(self.rule, doc, start, end)


def _reported_speech(doc: Document, offset: int) -> bool:
    """Is ``offset`` in a sentence that names its speaker ("she wrote, adding that …", "Rutte said")?"""
    from lint.claims.attribution import sentence_attribution, sentence_index

    i = sentence_index(doc, offset)
    if i is None:
        return False
    found = sentence_attribution(doc, i)
    return found is not None and found.kind == "named-source"


def build(rule, context: BuildContext) -> Check:
    return ExistenceCheck(rule, Params(rule, PARAMETERS), context)
