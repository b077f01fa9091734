"""Says who? Finding the source a sentence gives for what it states.

A sentence is *attributed* when it carries one of:

- a **named source with a reporting verb**: "the statistics office said",
  "Mark Rutte told reporters", ", said Rutte", "according to Eurostat",
  "data from the IMF", "a survey by Gallup", "he said";
- a **link or footnote** in the original text (``[report](https://…)``,
  ``[^1]``, ``<a href>``, ``<sup>``, a bare URL) — read from ``Document.text``,
  because ``Document.prose`` blanks link targets;
- a **source note**: "(Source: Eurostat)", "Source: …".

"Experts say", "critics argue", "according to sources" and "officials said"
name nobody: the subject of the reporting verb is checked, not just the verb.
A source is *named* when the phrase holds a proper noun ("Eurostat",
"Mark Rutte", "NATO's secretary general"), an institution or a role with a
determiner ("the statistics office", "the minister", "a spokesperson"), a
definite reference to a document ("the survey", "the report"), or he/she.

A quotation is *attributed to a named speaker* when its paragraph holds such a
reporting clause ("“…,” Rutte said." / "Rutte said: “…”").
"""

from __future__ import annotations

import functools
from bisect import bisect_right
from dataclasses import dataclass

import regex

from lint.document import Document

# -- vocabulary ---------------------------------------------------------------

#: Verbs of saying: a person or body as their subject is a source ("Rutte said").
SAYING_VERBS = (
    "say|says|said|tell|tells|told|state|states|stated|report|reports|reported|estimate|estimates|estimated|"
    "announce|announces|announced|write|writes|wrote|written|note|notes|noted|add|adds|added|argue|argues|"
    "argued|claim|claims|claimed|confirm|confirms|confirmed|explain|explains|explained|warn|warns|warned|"
    "predict|predicts|predicted|forecast|forecasts|calculate|calculates|calculated|publish|publishes|published|"
    "insist|insists|insisted|acknowledge|acknowledges|acknowledged|testify|testifies|testified|"
    "tweet|tweets|tweeted|believe|believes|believed|projected|disclosed|discloses|revealed|reveals"
)
#: Verbs that also describe events ("Exports showed a rise", "Germany found itself"): they
#: attribute only when the subject is a document or an institution ("the survey found",
#: "Eurostat data show"), or a name that does not open the sentence.
EVIDENCE_VERBS = (
    "find|finds|found|show|shows|showed|shown|suggest|suggests|suggested|indicate|indicates|indicated|"
    "conclude|concludes|concluded|put|puts|count|counted|measured|tallied"
)
#: Verbs that may follow their subject (", said Rutte", "“…,” wrote the minister").
_INVERTIBLE = frozenset("said says told wrote writes added adds noted notes argued argues explained warned "
                        "insisted stated tweeted".split())

#: Cues whose source follows them ("according to Eurostat", "data from the IMF").
SOURCE_FIRST_CUES = (
    r"according\s+to|(?:data|figures|numbers|statistics|estimates|research)\s+(?:from|by|published\s+by|"
    r"compiled\s+by|released\s+by)|(?:published|released|compiled|commissioned|conducted|collected|gathered|"
    r"reported|estimated|calculated|measured|counted|recorded|cited|polled|surveyed|interviewed|questioned|"
    r"asked|analy[sz]ed|obtained|seen|reviewed)\s+by|"
    r"(?:a|an|the|its|their)\s+(?:\w+\s+){0,3}?(?:survey|poll|study|report|analysis|census|audit|review|"
    r"count|tally|index|ranking|estimate)\s+(?:by|from|for|of)"
)

#: Subjects that name nobody: "experts say", "some believe", "officials said".
ANONYMOUS = frozenset("""
experts expert critics critic analysts analyst observers observer sources source insiders insider
commentators commentator economists scientists researchers academics scholars historians pundits
people residents citizens voters many some others most few several everyone everybody somebody someone
nobody one they it this these those that which who officials official diplomats diplomat lawmakers
campaigners activists supporters opponents skeptics sceptics rumours rumors reports polls surveys studies
research data figures statistics estimates numbers person persons individuals folks americans europeans
specialists authorities insiders observers proponents advocates detractors commenters users
""".split())

#: Documents: named when definite ("the survey found") or owned by a name ("Gallup's poll").
DOCUMENT_NOUNS = frozenset("""
report reports survey surveys poll polls study studies data figures statistics census analysis estimate
estimates research review audit paper index ranking count tally numbers document documents filing filings
records record statement release table chart
""".split())

#: Institutions and roles that identify one body or one person ("the ministry", "the minister").
INSTITUTIONS = frozenset("""
office ministry department agency bank bureau institute institution commission council committee court
government company firm authority regulator organisation organization union police army military navy
secretariat parliament congress senate cabinet administration alliance federation association board
service centre center university school hospital group fund foundation exchange treasury watchdog
tribunal inspectorate observatory
minister secretary president spokesman spokeswoman spokesperson chairman chairwoman chair director
chief governor mayor prime premier chancellor ambassador general commander admiral senator
representative lawmaker executive ceo cfo founder head leader author authors economist-in-chief
editor spokespeople prosecutor judge
body organisers organizers operator operators managers owners owner utility utilities insurer airline
regulators prosecutors coastguard
""".split())

_ISSUED = frozenset({"published", "released", "issued", "compiled"})
_BE = frozenset({"is", "are", "was", "were", "be", "been", "being", "widely", "generally", "often", "commonly"})
NAMED_PRONOUNS = frozenset({"he", "she", "i", "we"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those", "its", "their", "his", "her", "our", "whose"})
STOP = frozenset("""
the a an and or but of in on at to for by with from as that this these those it its their his her our
there here when while if although though because since after before during than then so also
mr mrs ms dr prof
""".split())
#: Words between a subject and its verb: "has said", "also told", "had previously argued".
_AUXILIARY = frozenset("""
has have had was were is are be been also recently previously repeatedly publicly later earlier then once
often would will could may might did does do not already long privately separately
""".split())

_TOKEN = regex.compile(r"[\p{L}\p{N}]+(?:['’.&\-][\p{L}\p{N}]+)*|[,;:()\[\]\"“”«»—–‘’]")
_BOUNDARY = set(",;:()[]\"“”«»—–‘’")
_CLOSING = ",\"”»’"
_VERB = regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?:(?P<saying>{SAYING_VERBS})|(?P<evidence>{EVIDENCE_VERBS}))"
                      rf"(?![\p{{L}}\p{{N}}])", regex.I)
_REFLEXIVE = regex.compile(r"\s+(?:itself|himself|herself|themselves|ourselves|myself)\b", regex.I)
_SOURCE_FIRST = regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?:{SOURCE_FIRST_CUES})(?![\p{{L}}\p{{N}}])", regex.I)

#: Links, footnotes and source notes, read from the original text.
_MARKERS = regex.compile(
    r"(?P<link>\[[^\]\n]+\]\([^)\s]+[^)]*\)"     # [text](url)
    r"|\[[^\]\n]+\]\[[^\]\n]*\]"                # [text][ref]
    r"|\[\^[^\]\n]+\]"                          # [^1] footnote
    r"|(?<![\p{L}\p{N}\]])\[\d{1,3}\]"          # [12] numbered reference
    r"|<a\s[^>]*href"                           # HTML link
    r"|<sup\b|[¹²³⁴⁵⁶⁷⁸⁹⁰]"                     # superscript note
    r"|https?://\S+|www\.\S+)"                  # bare URL
    r"|(?P<note>\(\s*(?:source|sources|data|figures)\s*:"  # (Source: …)
    r"|(?:^|\n)\s*(?:source|sources)\s*:)",
    regex.I)


@dataclass(frozen=True)
class Attribution:
    """Evidence that a sentence is sourced: what kind, where, and the source's words."""

    kind: str  # "named-source" | "link" | "source-note"
    start: int
    end: int
    source: str


@dataclass(frozen=True)
class Vocabulary:
    """Which subject words name a source: copydesk's lists, adjusted by a house's ``claims:`` settings.

    ``sources``: heads that name a source in this house ("officials", "police");
    ``anonymous``: heads that never do ("spokesperson" for a desk that wants names).
    """

    sources: frozenset = frozenset()
    anonymous: frozenset = frozenset()

    def is_anonymous(self, word: str) -> bool:
        return (word in ANONYMOUS or word in self.anonymous) and word not in self.sources

    def is_institution(self, word: str) -> bool:
        return (word in INSTITUTIONS or word in self.sources) and word not in self.anonymous


DEFAULT = Vocabulary()


# -- one sentence --------------------------------------------------------------

def _tokens(prose: str) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(prose)]


def _is_capitalised_name(word: str, vocab: Vocabulary = DEFAULT) -> bool:
    low = word.lower()
    return word[:1].isupper() and low not in STOP and not vocab.is_anonymous(low) and low not in NAMED_PRONOUNS


def names_a_source(words: list[str], head_last: bool = True, opens_sentence: bool = False,
                   strict: bool = False, vocab: Vocabulary = DEFAULT) -> bool:
    """Does this phrase (the subject of a reporting verb, or what follows "according to") name a source?

    ``head_last``: the head noun is the last word ("the statistics office" said);
    otherwise the phrase follows the cue ("according to experts at the IMF").
    ``opens_sentence``: the phrase's first word starts the sentence, so its capital proves nothing.
    ``strict``: the verb also describes events ("found", "showed"), so a bare name is not enough
    unless it cannot be a common word (it does not open the sentence).
    """
    words = [w for w in words if w[:1].isalnum()]
    if head_last:
        while words and words[-1].lower() in _AUXILIARY:
            words.pop()
    if not words:
        return False
    lows = [w.lower() for w in words]
    head = lows[-1] if head_last else _first_content(lows)
    if head in NAMED_PRONOUNS:
        return not strict
    name_flags = [_is_capitalised_name(w, vocab) for w in words]
    owner_named = any(name_flags)  # "Eurostat data", "Gallup's poll": any capital owns the document
    if opens_sentence and strict:
        name_flags[0] = False
    has_name = any(name_flags)
    if vocab.is_anonymous(head) and head not in DOCUMENT_NOUNS:
        # "German officials said", "experts say": a name before an anonymous head only qualifies it.
        # "experts at the Kiel Institute" (source-first phrase): the name after the head counts.
        return (not head_last) and _named_after(words, lows, lows.index(head), vocab)
    if head in DOCUMENT_NOUNS:
        return owner_named or lows[0] in _DEFINITE
    if head_last and lows[0] in DOCUMENT_NOUNS and any(w in _ISSUED for w in lows[1:]):
        return True  # "Figures published last week showed": official data, cited as such
    if vocab.is_institution(head):
        return True
    if head_last:
        # "the parliamentary clerk said": one identified person, even without a name.
        return name_flags[-1] or (not strict and lows[0] in _DEFINITE and len(lows) <= 4)
    return has_name or any(vocab.is_institution(w) for w in lows)


def _first_content(lows: list[str]) -> str:
    for w in lows:
        if w not in STOP and not w.isdigit() and w not in {"new", "recent", "latest", "some", "one"}:
            return w
    return lows[-1]


def _named_after(words: list[str], lows: list[str], head_index: int, vocab: Vocabulary) -> bool:
    """"experts at the Kiel Institute" names them; "sources close to the government" does not."""
    rest_words, rest = words[head_index + 1:], lows[head_index + 1:]
    if rest[:1] and rest[0] in {"close", "familiar", "with", "briefed", "near"}:
        return False
    return any(_is_capitalised_name(w, vocab) for w in rest_words)


def _phrase_before(tokens, index: int, limit: int = 8) -> list[str]:
    out = []
    i = index - 1
    while i >= 0 and len(out) < limit:
        word = tokens[i][0]
        if word in _BOUNDARY:
            break
        out.append(word)
        i -= 1
    return out[::-1]


def _phrase_after(tokens, index: int, limit: int = 8) -> list[str]:
    out = []
    i = index
    while i < len(tokens) and len(out) < limit:
        word = tokens[i][0]
        if word in _BOUNDARY or word.lower() in {"that", "which", "who", "and", "but", "because"}:
            break
        out.append(word)
        i += 1
    return out


def _appositive_subject(tokens, i: int, vocab: Vocabulary) -> bool:
    """"Rutte, NATO's secretary general, said": a name, then an aside between commas, then the verb."""
    if i < 2 or tokens[i - 1][0] != ",":
        return False
    aside = _phrase_before(tokens, i - 1, limit=16)
    j = i - 1 - len(aside) - 1  # the comma before the aside
    if not aside or j < 1 or tokens[j][0] != ",":
        return False
    name = _phrase_before(tokens, j, limit=7)
    # "Rutte", "The Office for Budget Responsibility": capitalised words, joined by small words.
    words = [w for w in name if w.lower() not in _NAME_JOINERS]
    return 1 <= len(words) <= 5 and all(_is_capitalised_name(w, vocab) for w in words) \
        and name[-1].lower() not in _NAME_JOINERS


_NAME_JOINERS = frozenset({"the", "of", "for", "and", "on", "de", "du", "des", "la", "le"})


def _token_index(tokens, offset: int) -> int:
    starts = [t[1] for t in tokens]
    return bisect_right(starts, offset - 1)


def find_attribution(prose: str, text: str | None = None, vocab: Vocabulary = DEFAULT) -> Attribution | None:
    """The first piece of evidence that a sentence names its source (offsets relative to the sentence).

    ``prose`` is the sentence with markup blanked, ``text`` the original (for links and notes).
    """
    m = _MARKERS.search(text if text is not None else prose)
    if m:
        return Attribution("link" if m.group("link") else "source-note", m.start(), m.end(), m.group())
    tokens = None  # tokenised only for a sentence with a cue or a verb
    for cue in _SOURCE_FIRST.finditer(prose):
        if tokens is None:
            tokens = _tokens(prose)
        after = _phrase_after(tokens, _token_index(tokens, cue.end()))
        if names_a_source(after, head_last=False, vocab=vocab):
            return Attribution("named-source", cue.start(), cue.end(), " ".join(after))
    for verb in _VERB.finditer(prose):
        if tokens is None:
            tokens = _tokens(prose)
        i = _token_index(tokens, verb.start())
        before = _phrase_before(tokens, i)
        if before and before[-1].lower() in _BE:
            continue  # "is said to be", "was reported": passive, nobody named (agents come as "by …" cues)
        opens = i - len(before) == 0
        strict = verb.group("evidence") is not None
        if strict and _REFLEXIVE.match(prose, verb.end()):
            continue  # "Germany found itself short" describes, it does not cite
        if names_a_source(before, opens_sentence=opens, strict=strict, vocab=vocab):
            return Attribution("named-source", verb.start(), verb.end(), " ".join(before))
        if not before and _appositive_subject(tokens, i, vocab):
            return Attribution("named-source", verb.start(), verb.end(), " ".join(_phrase_before(tokens, i - 1, limit=16)))
        inverted = not before or prose[:verb.start()].rstrip()[-1:] in _CLOSING
        if inverted and verb.group().lower() in _INVERTIBLE:
            after = _phrase_after(tokens, i + 1)
            if names_a_source(after, head_last=False, vocab=vocab):
                return Attribution("named-source", verb.start(), verb.end(), " ".join(after))
    return None


# -- a document -----------------------------------------------------------------

def sentence_attribution(doc: Document, index: int, vocab: Vocabulary = DEFAULT) -> Attribution | None:
    """Attribution of ``doc.sentences[index]`` (cached on the document), offsets absolute."""
    cache = doc.__dict__.setdefault("_attribution", {})
    key = (vocab, index)
    if key not in cache:
        s = doc.sentences[index]
        end = _marker_end(doc, index)
        found = find_attribution(doc.prose[s.start:s.end], doc.text[s.start:end], vocab)
        cache[key] = None if found is None else Attribution(
            found.kind, s.start + found.start, s.start + found.end, found.source)
    return cache[key]


def _marker_end(doc: Document, index: int) -> int:
    """Where to stop looking for a link or footnote: the next sentence, or the end of the block's line."""
    sentences = doc.sentences
    s = sentences[index]
    if index + 1 < len(sentences) and sentences[index + 1].block == s.block:
        return sentences[index + 1].start
    newline = doc.text.find("\n", doc.blocks[s.block].end)
    return len(doc.text) if newline < 0 else newline


def sentence_index(doc: Document, offset: int) -> int | None:
    starts = doc.__dict__.get("_claims_sentence_starts")
    if starts is None:
        starts = [s.start for s in doc.sentences]
        doc.__dict__["_claims_sentence_starts"] = starts
    i = bisect_right(starts, offset) - 1
    if i >= 0 and doc.sentences[i].start <= offset <= doc.sentences[i].end:
        return i
    return None


def block_attribution(doc: Document, block: int, vocab: Vocabulary = DEFAULT) -> Attribution | None:
    """The first named source in a block (a paragraph quoting a named speaker), cached per block."""
    cache = doc.__dict__.setdefault("_block_attribution", {})
    key = (vocab, block)
    if key not in cache:
        by_block = doc.__dict__.get("_sentences_by_block")
        if by_block is None:
            by_block = {}
            for i, s in enumerate(doc.sentences):
                by_block.setdefault(s.block, []).append(i)
            doc.__dict__["_sentences_by_block"] = by_block
        cache[key] = next((found for i in by_block.get(block, ())
                           if (found := sentence_attribution(doc, i, vocab)) is not None
                           and found.kind == "named-source"), None)
    return cache[key]


def in_named_quotation(doc: Document, start: int, end: int, vocab: Vocabulary = DEFAULT) -> bool:
    """Is [start, end) inside quotation marks in a paragraph that names the speaker?"""
    from lint.checks.context import in_quotation

    if not in_quotation(doc, start, end):
        return False
    i = sentence_index(doc, start)
    if i is None:
        return False
    block = doc.sentences[i].block
    if block_attribution(doc, block, vocab) is not None:
        return True
    # A quotation running on from the paragraph before ("…,” said Drakeford. “About one person…" ¶
    # "“Around a third of the Welsh population…”"): a paragraph that opens with a quotation mark,
    # after a paragraph that names its speaker, continues that speaker's quotation.
    opening = doc.prose[doc.blocks[block].start:doc.blocks[block].start + 2].lstrip()
    return block > 0 and opening[:1] in _OPENING_QUOTES \
        and doc.blocks[block - 1].kind == doc.blocks[block].kind \
        and block_attribution(doc, block - 1, vocab) is not None


_OPENING_QUOTES = "“\"«„"


def neighbours(doc: Document, index: int, reach: int = 1) -> list[int]:
    """Indices of the sentences within ``reach`` of ``index`` in the same block."""
    block = doc.sentences[index].block
    lo, hi = max(0, index - reach), min(len(doc.sentences), index + reach + 1)
    return [j for j in range(lo, hi) if j != index and doc.sentences[j].block == block]



#: Documents a story can be built on.
_STUDY_NOUN = (r"(?:report|study|survey|analysis|research|poll|census|index|ranking|projections?|forecasts?|"
               r"review|audit|paper|findings|data|figures|statistics|estimates|tally)")
_STUDY = regex.compile(rf"(?<![\p{{L}}]){_STUDY_NOUN}(?![\p{{L}}])", regex.I)


@functools.cache
def _study_clues():
    """The words a _STUDY match spells (see lint.claims.clues): a sentence without one holds no study."""
    from lint.claims.clues import Clues

    return Clues(dict.fromkeys(("report", "study", "survey", "analysis", "research", "poll", "census", "index", "ranking",
                                "projection", "forecast", "review", "audit", "paper", "findings", "data", "figures",
                                "statistics", "estimates", "tally"), 1))


#: "a report says", "the study found", "in its annual report", "a survey by", "published in the journal".
_STUDY_CUE = regex.compile(
    rf"(?<![\p{{L}}])(?:(?:a|an|the|its|their|this|that|new|latest|recent|annual|\w+['’]s)\s+(?:[\w-]+\s+){{0,3}}?"
    rf"{_STUDY_NOUN}s?\s+(?:says|said|say|shows?|showed|shown|found|finds|suggests?|suggested|estimates?|estimated|"
    rf"concludes?|concluded|published|released|by|from|for|of\s+(?:\d|more|over|nearly|almost))"
    rf"|in\s+(?:a|an|its|their|the|his|her)\s+(?:[\w-]+\s+){{0,3}}?{_STUDY_NOUN}"
    rf"|published\s+in\s+(?:the\s+)?(?:journal\s+)?\p{{Lu}})(?![\p{{L}}])", regex.I)


def stated_source(doc: Document, vocab: Vocabulary = DEFAULT) -> Attribution | None:
    """The study or report a story states as its source, anywhere in it, or ``None``.

    A story built on a report ("Lottery winners spend most on houses, according to an analysis by
    Oxford Economics"; "India's wealthiest will quadruple their net worth, a report says") reports
    that report's figures all the way down; no editor re-attributes each. Counts: a sentence naming
    a source whose phrase holds a document ("according to the authors of the study"), or a
    document cited as such ("the study found", "in its annual report", "a survey by"). Cached.
    """
    cache = doc.__dict__.setdefault("_stated_source", {})
    if vocab not in cache:
        cache[vocab] = None
        sentences = doc.sentences
        # One automaton pass finds the sentences holding a study noun; only they are searched.
        hints = _study_clues().in_spans(doc.prose, [(s.start, s.end) for s in sentences])
        for i, s in enumerate(sentences):
            if not hints[i] or not _STUDY.search(doc.prose, s.start, s.end):
                continue
            cue = _STUDY_CUE.search(doc.prose, s.start, s.end)
            if cue:
                cache[vocab] = Attribution("study", cue.start(), cue.end(), cue.group())
                break
            found = sentence_attribution(doc, i, vocab)
            if found is not None and found.kind == "named-source" and _STUDY.search(found.source):
                cache[vocab] = found
                break
    return cache[vocab]
