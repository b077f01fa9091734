"""``unattributed-phrase``: a phrase that claims support without naming it ("experts say").

Like ``existence``, but silent where the claim is in fact attributed: in a
sentence that names its source (a named speaker with a reporting verb, a link
or footnote, a "(Source: …)" note — see :mod:`lint.claims.attribution`), and
inside a quotation whose speaker the paragraph names ("“Many citizens are
worried,” Pistorius said." quotes the minister; it does not assert it). The
config's ``claims:`` section adjusts which subjects name a source (see
:mod:`lint.claims.settings`).

Parameters:
  patterns      regular expressions (the ``regex`` module's syntax); multi-word phrases work best
  words         literal phrases (escaped for you; any run of spaces matches any white space)
  ignorecase    match regardless of case (default true)
  exceptions    patterns; a match that equals one of them in full is not reported
  skip_blocks   block kinds never checked (default [])
  unless_paragraph_names_body
                patterns; a match that equals one of them in full is silent when its paragraph,
                before or after the match, names an institution ("The Pentagon announced the
                deal. Officials said …", "Officials said …, and the Pentagon declined to
                comment": whose officials is clear). See :func:`names_a_body`.
  unless_story_names_body
                patterns; the same, when the story anywhere outside the match names an institution
                ("Texas health officials … ¶ … Health officials warn …": the agency identified once
                is whose officials they are, as AP asks).
  unless_story_mentions
                patterns; a match that equals one of them in full is silent when the story, outside
                the match, holds one of ``story_mentions`` ("Critics said …" in a story whose protesters,
                opposition or rights groups are the critics).
  story_mentions
                patterns searched in the story for ``unless_story_mentions``.
  unless_quoted_after
                patterns; a match that equals one of them in full is silent when its sentence is a
                paragraph of its own and the next paragraph opens with a quotation whose speaker it
                names: the wire structure of a one-sentence summary followed by the quotation that
                backs it ("Security experts said the outage exposed … ¶ “This is a very
                uncomfortable illustration …,” Ciaran Martin, the former head of the NCSC, told the
                BBC."). Reported speech, or a quotation further on, does not count.
  unless_described_quotation_after
                patterns; a match that equals one of them in full is silent when the next paragraph
                opens with a quotation whose speaker is described but not named, the convention for an
                anonymous source ("Independent experts said the demo offered little … ¶ “A video is not
                data,” said one neuroscientist who works on brain-computer interfaces."): the unnamed
                expert is quoted, and editors differ on whether the desk must name him (heldout-e).
  only_described_quotation_after
                patterns; a match that equals one of them in full is reported only then (the other half
                of ``unless_described_quotation_after``, for the info rule that takes such findings).
  unless_continuing
                patterns; a match that equals one of them in full ("Others argued", "some noted")
                is silent when it continues a contrast whose first half named or identified its
                people ("Some economists questioned … Others argued …"). See
                :mod:`lint.claims.continuation`.
  only_continuing
                patterns; a match that equals one of them in full is reported only when it
                continues such a contrast (the other half of ``unless_continuing``).
Message fields: {match}.
"""

from __future__ import annotations

import regex

from lint.checks.base import BuildContext, Check, Params, check_template, compile_pattern, make_finding
from lint.checks.existence import phrase_pattern
from lint.checks.prefilter import PatternList
from lint.claims.attribution import INSTITUTIONS, block_attribution, in_named_quotation, sentence_attribution, sentence_index
from lint.claims.continuation import continues_identified_contrast
from lint.claims.settings import vocabulary
from lint.document import Document
from lint.rules import is_shipped

PARAMETERS = {
    "patterns": "regular expressions to report",
    "words": "literal phrases to report",
    "ignorecase": "match regardless of case (default true)",
    "exceptions": "patterns that, matched in full, are not reported",
    "skip_blocks": "block kinds never checked (default none)",
    "unless_paragraph_names_body": "patterns silent when their paragraph names an institution",
    "unless_story_names_body": "patterns silent when the story names an institution",
    "unless_story_mentions": "patterns silent when the story holds one of story_mentions",
    "story_mentions": "patterns searched in the story for unless_story_mentions",
    "unless_quoted_after": "patterns silent when a named speaker is quoted later in the paragraph or in the next",
    "unless_described_quotation_after": "patterns silent when the next paragraph quotes a described, unnamed speaker",
    "only_described_quotation_after": "patterns reported only when the next paragraph quotes a described, unnamed speaker",
    "unless_continuing": "patterns silent when they continue a contrast whose first half identified its people",
    "only_continuing": "patterns reported only when they continue such a contrast",
}

#: Places that have officials of their own ("St. Lucie County … county officials said").
_PLACES = frozenset({"county", "city", "state", "province", "municipality", "district", "town", "region", "prefecture"})
#: An institution named: an acronym ("NATO", "the FBI"), "the" before a capitalised name ("the Pentagon",
#: "the White House"), a capitalised name before an institution noun ("the Defence Ministry", "Tampa
#: Police"), or "the ministry"/"the agency"/… (see lint.claims.attribution.INSTITUTIONS).
_BODY = regex.compile(
    r"(?<![\p{L}])(?:(?-i:\p{Lu}{2,}|\p{Lu}(?:\.\p{Lu})+\.?)(?![\p{L}])|(?-i:[Tt]he)\s+(?-i:\p{Lu})\p{L}+"
    r"|(?-i:\p{Lu})\p{L}+\s+(?:" + "|".join(sorted(INSTITUTIONS | _PLACES)) + r")(?![\p{L}])"
    r"|the\s+(?:\w+\s+)?(?:" + "|".join(sorted(INSTITUTIONS | _PLACES)) + r")(?![\p{L}]))", regex.I)


def names_a_body(text: str) -> bool:
    """Does ``text`` name an institution whose officials a following "officials said" can be?"""
    return _BODY.search(text) is not None


def whole_words(rule, patterns: list[str], flags: int, key: str):
    """One pattern matching any of ``patterns`` as whole words.

    Compiled once (rule packs hold long alternations and this runs at every start-up); only when
    the combination fails is each pattern compiled alone, to name the one that is malformed.
    """
    body = "|".join(f"(?:{p})" for p in patterns)
    try:
        return regex.compile(rf"(?<![\p{{L}}\p{{N}}_])(?:{body})(?![\p{{L}}\p{{N}}_])", flags | regex.V0)
    except regex.error:
        for p in patterns:
            compile_pattern(rule, p, key, flags)
        raise


_OPENING = "“\"«„"

#: The speaker of a quotation described, not named: "…,” said one neuroscientist who …", "…,” a senior
#: official told Reuters", "…,” an economist at a large bank said".
_DESCRIBED_SPEAKER = regex.compile(
    r"[,.?!—–-]?[”\"]\s*(?:(?:said|says|added|adds|told\s+\p{L}+(?:\s+\p{L}+)?)\s+(?:a|an|one)\s+\p{Ll}"
    r"|(?:a|an|one)\s+(?:[\p{Ll}-]+\s+){1,6}(?:said|says|added|adds|told)\b)")

BLOCK_KINDS = ("paragraph", "heading", "cell", "item")


class UnattributedPhraseCheck(Check):
    def __init__(self, rule, params: Params, context: BuildContext) -> None:
        super().__init__(rule)
        self.vocab = vocabulary(context)
        regexes, words = params.str_list("patterns"), params.str_list("words")
        if not regexes and not words:
            raise rule.error("needs patterns or words", "patterns")
        flags = regex.IGNORECASE if params.bool("ignorecase", True) else 0
        self.patterns = PatternList(rule, regexes, words, flags, True, "patterns", context.phrases)
        if not is_shipped(rule):
            self.patterns.validate()
        exceptions = params.str_list("exceptions")
        self.exceptions = compile_pattern(rule, "|".join(f"(?:{p})" for p in exceptions), "exceptions", flags) \
            if exceptions else None
        body = params.str_list("unless_paragraph_names_body")
        self.body_named = compile_pattern(rule, "|".join(f"(?:{p})" for p in body), "unless_paragraph_names_body",
                                          flags) if body else None
        self.story_body = self._full(rule, params, "unless_story_names_body", flags)
        self.quoted_after = self._full(rule, params, "unless_quoted_after", flags)
        self.story_unless = self._full(rule, params, "unless_story_mentions", flags)
        mentions = params.str_list("story_mentions", [])
        if (self.story_unless is None) != (not mentions):
            raise rule.error("unless_story_mentions and story_mentions go together", "story_mentions")
        self.story_mentions = whole_words(rule, mentions, flags, "story_mentions") if mentions else None
        self.unless_described = self._full(rule, params, "unless_described_quotation_after", flags)
        self.only_described = self._full(rule, params, "only_described_quotation_after", flags)
        self.unless_continuing = self._full(rule, params, "unless_continuing", flags)
        self.only_continuing = self._full(rule, params, "only_continuing", flags)
        self.skip_blocks = set(params.str_list("skip_blocks", []))
        unknown = sorted(self.skip_blocks - set(BLOCK_KINDS))
        if unknown:
            raise rule.error(f"skip_blocks: unknown block kind {', '.join(map(repr, unknown))}; "
                             f"known: {', '.join(BLOCK_KINDS)}", "skip_blocks")
        check_template(rule, {"match"})

    def prepare(self) -> None:
        self.patterns.prepare()  # before --jobs workers fork: they inherit the compiled patterns

    def run(self, doc: Document):
        for m, _entry in self.patterns.matches(doc, doc.prose):
            start, end = m.span()
            if start == end or (self.exceptions and self.exceptions.fullmatch(m.group())):
                continue
            i = sentence_index(doc, start)
            if i is None:
                continue
            if doc.blocks[doc.sentences[i].block].kind in self.skip_blocks:
                continue
            if sentence_attribution(doc, i, self.vocab) is not None:
                continue
            if in_named_quotation(doc, start, end, self.vocab):
                continue
            if self.body_named is not None and self.body_named.fullmatch(m.group()) \
                    and self._paragraph_names_body(doc, doc.blocks[doc.sentences[i].block], start, end):
                continue
            if self.story_body is not None and self.story_body.fullmatch(m.group()) \
                    and (names_a_body(doc.prose[:start]) or names_a_body(doc.prose[end:])):
                continue
            if self.story_unless is not None and self.story_unless.fullmatch(m.group()) \
                    and (self.story_mentions.search(doc.prose, 0, start) or self.story_mentions.search(doc.prose, end)):
                continue
            if self.only_continuing is not None and self.only_continuing.fullmatch(m.group()) \
                    and not continues_identified_contrast(doc, i, start, self.vocab):
                continue
            if self.unless_continuing is not None and self.unless_continuing.fullmatch(m.group()) \
                    and continues_identified_contrast(doc, i, start, self.vocab):
                continue
            if self.quoted_after is not None and self.quoted_after.fullmatch(m.group()) \
                    and self._named_quotation_follows(doc, i):
                continue
            if self.unless_described is not None and self.unless_described.fullmatch(m.group()) \
                    and self._described_quotation_follows(doc, i):
                continue
            if self.only_described is not None and self.only_described.fullmatch(m.group()) \
                    and not self._described_quotation_follows(doc, i):
                continue
            yield make_finding(self.rule, doc, start, end)

    @staticmethod
    def _full(rule, params: Params, key: str, flags: int):
        patterns = params.str_list(key)
        return compile_pattern(rule, "|".join(f"(?:{p})" for p in patterns), key, flags) if patterns else None

    def _named_quotation_follows(self, doc: Document, index: int) -> bool:
        """Is the match's sentence a paragraph of its own, followed by a paragraph that opens with a
        quotation whose speaker it names (a summary, then the quote that backs it)?"""
        sentences = doc.sentences
        block = sentences[index].block
        if (index > 0 and sentences[index - 1].block == block) or index + 1 >= len(sentences) \
                or sentences[index + 1].block != block + 1:
            return False
        return _opens_with_quotation(doc, block + 1) and block_attribution(doc, block + 1, self.vocab) is not None

    @staticmethod
    def _described_quotation_follows(doc: Document, index: int) -> bool:
        """Does the paragraph after the match's open with a quotation whose speaker is described but
        not named (an anonymous source quoted: "“…,” said one neuroscientist who …")?"""
        following = doc.sentences[index].block + 1
        return following < len(doc.blocks) and _opens_with_quotation(doc, following) and \
            _DESCRIBED_SPEAKER.search(doc.prose, doc.blocks[following].start, doc.blocks[following].end) is not None

    @staticmethod
    def _paragraph_names_body(doc: Document, block, start: int, end: int) -> bool:
        """Does the paragraph, before or after the match, name an institution?"""
        return names_a_body(doc.prose[block.start:start]) or names_a_body(doc.prose[end:block.end])


def _opens_with_quotation(doc: Document, index: int) -> bool:
    """Is block ``index`` a paragraph that opens with a quotation mark?"""
    block = doc.blocks[index]
    return block.kind == "paragraph" and doc.prose[block.start:block.start + 3].lstrip()[:1] in _OPENING


def build(rule, context: BuildContext) -> Check:
    return UnattributedPhraseCheck(rule, Params(rule, PARAMETERS), context)
