"""``consistency``: two spellings of one word in one document (defence/defense, per cent/percent).

The spelling used first wins; later uses of another spelling are reported with
a fix to the first one. A spelling inside a name ("the US Department of
Defense", "the Metropolitan Policy Program") is the name's own and is ignored, and so is the last part of a
hyphenated compound ("git-send-email").

Parameters:
  variants      list of groups, each a list of spellings of one word (literal phrases)
  ignorecase    match regardless of case (default true)
  plurals       also match each spelling with a trailing 's' or 'es' (default true)
  skip_quoted   ignore spellings inside quotation marks: a quotation is the speaker's, and neither
                sets nor breaks the document's spelling (default false)
  senses        spelling -> words that show the spelling is right in its own sense: a use whose
                sentence has one of them is ignored (British "program" for software beside
                "programme" for a plan: {program: [computer, software, ...]})
  noun_only     spellings that are also a verb in the other spelling's English (British "license" beside
                the noun "licence"): a use counts only as a noun, with a determiner or possessive right
                before it, or one -ing word between ("a license", "its licenses", "a driving license");
                "UK licenses drug" and "The FCC licenses stations" neither set nor break the spelling
Message fields: {match}, {first} (the spelling used first), {line} (where it was first used).
"""

from __future__ import annotations

import regex

from lint.checks.base import (BuildContext, Check, Params, check_template, compile_pattern, make_finding,
                              regex_timeout)
from lint.checks.context import in_quotation, in_title_case_run, sentence_at
from lint.checks.existence import phrase_pattern
from lint.checks.prefilter import find_all
from lint.checks.substitution import match_case
from lint.document import Document
from lint.finding import Fix

PARAMETERS = {
    "variants": "groups of spellings of one word; the first used in a document wins",
    "ignorecase": "match regardless of case (default true)",
    "plurals": "also match plurals in -s/-es (default true)",
    "skip_quoted": "ignore spellings inside quotation marks (default false)",
    "senses": "spelling -> words whose presence in the sentence shows that spelling is right in its own sense",
    "noun_only": "spellings that count only as nouns (a determiner or possessive right before them)",
}


class ConsistencyCheck(Check):
    def __init__(self, rule, params: Params, context: BuildContext) -> None:
        super().__init__(rule)
        groups = params.get("variants")
        if not isinstance(groups, list) or not groups or not all(
                isinstance(g, list) and len(g) >= 2 and all(isinstance(s, str) for s in g) for g in groups):
            raise rule.error("variants must be a list of groups, each a list of two or more spellings", "variants")
        flags = regex.IGNORECASE if params.bool("ignorecase", True) else 0
        suffix = "(?P<suffix>e?s)?" if params.bool("plurals", True) else "(?P<suffix>)"
        self.groups = []
        for group in groups:
            alts = "|".join(f"(?P<v{i}>{phrase_pattern(s)})" for i, s in enumerate(group))
            # Not the end of a hyphenated compound: "git-send-email" is a command's name, not a spelling of
            # "email" (docs-unseen: 12 such findings on Git's SubmittingPatches page).
            body = rf"(?<![\p{{L}}\p{{N}}_])(?<![\p{{L}}\p{{N}}]-)(?:{alts}){suffix}(?![\p{{L}}\p{{N}}_])"
            # Compiled when a document first holds one of the spellings: a long list costs nothing up front
            # (the body is made of escaped literals, so it cannot be malformed).
            self.groups.append((group, body, context.phrases.register(literals=group)))
        self.flags = flags
        self.phrases = context.phrases
        self._compiled: dict[int, object] = {}
        self.skip_quoted = params.bool("skip_quoted", False)
        senses = params.get("senses", {}) or {}
        if not isinstance(senses, dict) or not all(
                isinstance(k, str) and isinstance(v, list) and v and all(isinstance(w, str) for w in v)
                for k, v in senses.items()):
            raise rule.error("senses must map a spelling to a list of words", "senses")
        self.senses = {k.lower(): compile_pattern(
            rule, r"(?<![\p{L}\p{N}_])(?:" + "|".join(phrase_pattern(w) for w in v) + r")(?![\p{L}\p{N}_])",
            "senses", regex.IGNORECASE) for k, v in senses.items()}
        noun_only = params.str_list("noun_only", [])
        self.noun_only = {w.lower() for w in noun_only}
        check_template(rule, {"match", "first", "line"})

    def _ignored(self, doc: Document, spelling: str, start: int, end: int) -> bool:
        """A use that neither sets nor breaks the document's spelling: quoted, or right in its own sense."""
        if self.skip_quoted and in_quotation(doc, start, end):
            return True
        if doc.text[start:start + 1].isupper() and (in_title_case_run(doc, start, end) or _after_name_word(doc, start)):
            return True  # part of a name keeps its own spelling: "Department of Defense", "Policy Program"
        if spelling.lower() in self.noun_only and not _DETERMINER_BEFORE.search(doc.prose, max(0, start - 40), start):
            return True  # a verb ("UK licenses Alzheimer's drug"), right in British English beside the noun "licence"
        sense = self.senses.get(spelling.lower())
        if sense is not None:
            sentence = sentence_at(doc, start)
            lo, hi = (sentence.start, sentence.end) if sentence else (max(0, start - 200), end + 200)
            return sense.search(doc.prose, lo, hi) is not None
        return False

    def run(self, doc: Document):
        for gi, (group, body, slot) in enumerate(self.groups):
            first_index = None
            first_line = 0
            starts = self.phrases.candidates(doc, slot)
            if starts is not None and not starts:
                continue
            pattern = self._compiled.get(gi)
            if pattern is None:
                pattern = self._compiled[gi] = compile_pattern(self.rule, body, "variants", self.flags)
            for m in find_all(pattern, doc.prose, starts, regex_timeout()):  # see REGEX_TIMEOUT
                index = next(i for i in range(len(group)) if m.group(f"v{i}") is not None)
                if self._ignored(doc, group[index], *m.span(f"v{index}")):
                    continue
                if first_index is None:
                    first_index, first_line = index, doc.position(m.start())[0]
                    continue
                if index == first_index:
                    continue
                start, end = m.span(f"v{index}")
                preferred = match_case(group[first_index], doc.text[start:end])
                fix = Fix(start, end, preferred) if doc.text[start:end] == doc.prose[start:end] else None
                yield make_finding(self.rule, doc, start, end, suggestions=[preferred], fix=fix,
                                   first=group[first_index], line=first_line)


#: A determiner or possessive right before a noun, or with an -ing word between ("a license", "a driving
#: license"); "the agency licenses drivers" and "The FCC licenses broadcast stations" (heldout-j) are verbs.
_DETERMINER_BEFORE = regex.compile(
    r"(?<![\p{L}])(?i:a|an|the|its|his|her|their|our|your|my|this|that|these|those|no|any|each|every|whose|"
    r"[\p{L}]+['’]s)\s+(?:(?i:[\p{L}]+ing)\s+)?$")


_NAME_BEFORE = regex.compile(r"(\p{Lu}[\p{L}'’.]*)[ \t]+(?:(?:of|for|and|the|on)[ \t]+){1,2}$")


def _after_name_word(doc: Document, start: int) -> bool:
    """True if a capitalised word stands before the match across "of", "for", "and" or "the"
    ("Department of Defense", "Ministry for Defence")."""
    return _NAME_BEFORE.search(doc.prose, max(0, start - 60), start) is not None


def build(rule, context: BuildContext) -> Check:
    return ConsistencyCheck(rule, Params(rule, PARAMETERS), context)
