"""``substitution``: report a word or phrase that has a preferred replacement, with a fix.

Parameters:
  swap          mapping of bad -> preferred; the key is a literal phrase (or a pattern with
                ``regex: true``); the value is the replacement, or a list of choices (no fix then)
  regex         treat the keys of swap as regular expressions (default false)
  ignorecase    match regardless of case (default true); the fix keeps an initial capital
  whole_word    only match whole words (default true)
  skip_quoted   skip quotations, emphasis and Title Case names (default false)
  unless_preceded_by
                mapping of a swap key -> pattern: that phrase is not reported when the text just before
                it (up to 80 characters, ending at the phrase) matches the pattern ("in order to" keeps
                two infinitives apart in "asked not to be named in order to speak freely")
Message fields: {match}, {replacement}.
"""

from __future__ import annotations

import regex

from lint.checks.base import BuildContext, Check, Params, check_template, compile_pattern, make_finding
from lint.checks.context import quoted_or_named
from lint.checks.existence import phrase_pattern
from lint.checks.prefilter import PatternList
from lint.document import Document
from lint.finding import Fix
from lint.rules import is_shipped

PARAMETERS = {
    "swap": "mapping of phrase to its preferred replacement (or list of choices)",
    "regex": "treat the keys of swap as regular expressions (default false)",
    "ignorecase": "match regardless of case (default true)",
    "whole_word": "only match whole words (default true)",
    "skip_quoted": "skip quotations, emphasis and Title Case names (default false)",
    "unless_preceded_by": "swap key -> pattern: not reported when the text just before the phrase matches it",
}


def match_case(replacement: str, original: str) -> str:
    if original[:1].isupper() and replacement[:1].islower():
        if original.isupper() and len(original) > 1:
            return replacement.upper()
        return replacement[:1].upper() + replacement[1:]
    return replacement


class SubstitutionCheck(Check):
    def __init__(self, rule, params: Params, context: BuildContext) -> None:
        super().__init__(rule)
        swap = params.mapping("swap")
        if not swap:
            raise rule.error("needs a non-empty swap mapping", "swap")
        self.flags = regex.IGNORECASE if params.bool("ignorecase", True) else 0
        use_regex = params.bool("regex", False)
        self.entries = []
        for bad, good in swap.items():
            if isinstance(good, str):
                choices = [good]
            elif isinstance(good, list) and good and all(isinstance(g, str) for g in good):
                choices = list(good)
            else:
                raise rule.error(f"swap value for {bad!r} must be text or a list of text", "swap")
            source = str(bad) if use_regex else phrase_pattern(str(bad))
            self.entries.append((source, choices))
        keys = [str(bad) for bad in swap]
        self.patterns = PatternList(rule, keys if use_regex else [], [] if use_regex else keys, self.flags,
                                    params.bool("whole_word", True), "swap", context.phrases)
        if not is_shipped(rule):
            self.patterns.validate()
        self.skip_quoted = params.bool("skip_quoted", False)
        guards = params.mapping("unless_preceded_by") or {}
        keys_lower = {str(bad).lower(): i for i, bad in enumerate(swap)}
        self.preceded = {}
        for key, pattern in guards.items():
            if str(key).lower() not in keys_lower and "unless_preceded_by" not in rule.param_origins:
                continue  # a config replaced the swap list but not the pack's guards: nothing left to guard
            if str(key).lower() not in keys_lower or not isinstance(pattern, str):
                raise rule.error(f"unless_preceded_by: {key!r} must be a key of swap with a pattern", "unless_preceded_by")
            self.preceded[keys_lower[str(key).lower()]] = compile_pattern(
                rule, f"(?:{pattern})$", "unless_preceded_by", self.flags)
        check_template(rule, {"match", "replacement"})

    def prepare(self) -> None:
        self.patterns.prepare()  # before --jobs workers fork: they inherit the compiled patterns

    def run(self, doc: Document):
        for m, entry in self.patterns.matches(doc, doc.prose):
            start, end = m.span()
            if start == end:
                continue
            if self.skip_quoted and quoted_or_named(doc, start, end):
                continue
            found = m.group()
            if entry is None:
                continue
            guard = self.preceded.get(entry)
            if guard is not None and guard.search(doc.prose, max(0, start - 80), start):
                continue
            choices = self.entries[entry][1]
            suggestions = [match_case(c, doc.text[start:end]) for c in choices]
            # Only fix spans that are pure prose (no markup inside), and only with one choice.
            fix = Fix(start, end, suggestions[0]) if len(suggestions) == 1 and doc.text[start:end] == found else None
            yield make_finding(self.rule, doc, start, end, suggestions=suggestions, fix=fix,
                               replacement=" or ".join(suggestions))


def build(rule, context: BuildContext) -> Check:
    return SubstitutionCheck(rule, Params(rule, PARAMETERS), context)
