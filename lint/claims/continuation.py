"""A contrast continued: "Some economists questioned the cut. Others argued the Fed had waited too long."

"Others said …" and "…, though some noted …" point back at people the story has already put in
front of the reader. When the first half of the contrast named them (a speaker with a reporting
verb) or identified them as a group ("Analysts were divided", "Some scientists point to",
"Scientists outside the field welcomed the choice"), the second half is no new anonymous source:
it is the same group, split. When the first half was itself a crowd ("Some in Washington have
argued …", "Experts say …"), the second half is as anonymous as the first.

Reach: "others" looks back through its own paragraph and the one before (the split of opinion
often runs across a paragraph break); "some" only within its own sentence ("Scientists welcomed
the choice, though some noted …"), because a sentence that opens with "Some" starts a contrast of
its own ("Some also warned that …").
"""

from __future__ import annotations

import regex

from lint.claims.attribution import DEFAULT, Vocabulary, sentence_attribution

#: Groups that identify who is speaking by field (the subjects of claims.hearsay's professional groups).
_GROUP = regex.compile(
    r"(?<![\p{L}])(?:analysts|economists|scientists|researchers|scholars|historians|biographers|academics|"
    r"\p{L}+ologists|physicists|epidemiologists|strategists|forecasters|investors|traders)(?![\p{L}])", regex.I)
#: A crowd: the first half of a contrast that identifies nobody.
_CROWD = regex.compile(
    r"(?<![\p{L}])(?:experts?|critics|observers|commentators|insiders|sources|pundits|skeptics|sceptics|people"
    r"|(?:some|many|most|others)\s+(?:in|within|across|inside|outside)\b)(?![\p{L}])", regex.I)
_QUANTIFIERS = frozenset({"some", "many", "most", "others", "several", "few"})


def continues_identified_contrast(doc, index: int, start: int, vocab: Vocabulary = DEFAULT) -> bool:
    """Does the "others …"/"some …" at ``start`` (in sentence ``index``) continue a contrast whose
    first half named or identified its people?"""
    word = doc.prose[start:start + 6].lower()
    sentences = doc.sentences
    block = sentences[index].block
    reach = [index]
    if word.startswith("others"):
        j = index - 1
        while j >= 0 and sentences[j].block >= block - 1:
            reach.append(j)
            j -= 1
    for j in reach:
        s = sentences[j]
        end = start if j == index else s.end
        kind = _nearest_people(doc, j, s.start, end, vocab)
        if kind is not None:
            return kind
    return False


def _nearest_people(doc, j: int, lo: int, hi: int, vocab: Vocabulary) -> bool | None:
    """True (identified) or False (a crowd) for the last mention of people in [lo, hi); None if none."""
    marks: list[tuple[int, bool]] = []
    m = None
    for m in _GROUP.finditer(doc.prose, lo, hi):
        pass
    if m is not None:
        marks.append((m.start(), True))
    m = None
    for m in _CROWD.finditer(doc.prose, lo, hi):
        pass
    if m is not None:
        marks.append((m.start(), False))
    found = sentence_attribution(doc, j, vocab)
    if found is not None and found.kind == "named-source" and found.start < hi:
        first = found.source.split()[0].lower() if found.source.split() else ""
        # "Some in Washington have argued": a crowd placed somewhere, not a source named
        marks.append((found.start, first not in _QUANTIFIERS))
    if not marks:
        return None
    return max(marks)[1]
