"""The tense a clause gives the date it names: "will meet on 3 December" (future), "met on 3 December" (past).

Deliberately narrow: a date is judged only when it is introduced by "on" or
"in" and the nearest tense marker in its clause is unambiguous — "will",
"shall", "is set/due/scheduled/expected to" for the future; a past auxiliary
("was", "were", "had") or a common news verb in the simple past ("met",
"announced", "signed") for the past. A clause that speaks of plans,
postponements or reported intentions ("was postponed to", "said it would",
"was scheduled for") is never judged.
"""

from __future__ import annotations

import re

FUTURE, PAST = "future", "past"

_PAST_VERBS = (
    "said met held announced signed voted won lost elected launched took came went began ended died agreed "
    "approved opened closed released published killed arrested resigned attended hosted visited called told "
    "gave made left arrived returned struck hit fell rose reached passed fired ruled sentenced reported "
    "revealed confirmed unveiled completed finished started landed crashed collapsed erupted flew travelled "
    "traveled spoke addressed declared ratified joined withdrew invaded attacked stepped sworn "
    "became named appointed nominated defeated beat scored played sold bought acquired merged filed sued "
    "charged convicted acquitted freed shot injured wounded destroyed burned flooded married wrote "
    "happened occurred convened gathered marched protested celebrated marked commemorated"
).split()
#: "will", "shall", "'ll", "is set to", "are due to", "is to meet".
_FUTURE = re.compile(
    r"\bwill\b|\bshall\b|['’]ll\b"
    r"|\b(?:is|are|am)\s+(?:(?:also|now|still|not)\s+)?(?:set|due|scheduled|expected|slated|going|poised|planning"
    r"|preparing)\s+to\b"
    r"|\b(?:is|are)\s+to\s+(?!be\s+(?:seen|found|blamed|expected)\b)[^\W\d_]+")
#: Words before "will" that make it a noun ("the will of the people").
_WILL_AS_NOUN = {"the", "a", "his", "her", "their", "its", "our", "your", "political", "free", "good", "ill", "own",
                 "last"}
_PAST_WORDS = frozenset(_PAST_VERBS) | {"was", "were", "had", "did"}
#: Words between the marker and the date that make it a plan, a deadline or a reported intention.
_HEDGES = frozenset((
    "due scheduled rescheduled set expected slated planned planning plan plans supposed meant going postponed "
    "delayed moved pushed brought deadline until till would could might may should must to deferred pencilled "
    "penciled targeted forecast projected predicted estimated promised pledged vowed intended ahead before since "
    "effective cancelled canceled suspended scrapped called halted for of").split())
#: Words between "will" and the date that tie the date to something else: a span ("until", "since"),
#: a comparison ("will be lower than in 2024").
_FUTURE_HEDGES = frozenset(
    "until till since by from before after than as compared versus vs like unlike against".split())
#: Verbs that introduce reported speech: a date after them belongs to what was said, unless it follows at once.
_REPORTING = {"said", "told", "announced", "confirmed", "reported", "revealed", "declared", "agreed"}
#: A past verb must stand this close to its date ("met in Brussels on 15 December").
_PAST_MAX_GAP = 4
#: Where a clause starts: sentence punctuation, brackets, quotation marks, a comma before a new clause, a
#: conjunction ("and" not inside a name: "Securities and Exchange Commission").
_CLAUSE_BREAK = re.compile(
    r"[;:()\[\]\"“”—–]|,\s+(?:and|but|while|which|who|whereas|although|though|when|after|before|as|because"
    r"|since|until|where|so|yet)\b|\b(?:and|but)\b(?!\s+[A-Z])|\b(?:after|before|since|until|when|while|because"
    r"|although|that|which|who|whose|where)\b")
#: The date's introducing word: only "on" and "in" ("on 3 December", "in March 2025", "in 2024").
_LEAD = re.compile(r"(?:\b(?:on|in)\s+(?:(?:early|late|mid)[\s-]+)?)$", re.IGNORECASE)
_MAX_GAP_WORDS = 10
#: How much of a sentence around a date is read (characters): far more than any clause with ten words.
_WINDOW = 300
#: Irregular past participles; with any word in -ed they mark a reduced relative clause after "will"
#: ("will compare them with the data collected on 1 December", "will beat the record set in 2024").
_IRREGULAR_PARTICIPLES = frozenset((
    "set made held built paid sold won lost taken given seen done written shown known grown found brought bought "
    "caught taught begun run cut put hit left kept spent sent struck chosen drawn signed met told said hidden").split())
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def _markers(clause: str) -> list[tuple[str, int, int]]:
    """Tense markers in a clause, left to right: (FUTURE or PAST, start, end)."""
    found = []
    for m in _FUTURE.finditer(clause):
        if m.group() == "will":
            previous = _WORD.findall(clause[max(0, m.start() - 20):m.start()])
            if previous and previous[-1].lower() in _WILL_AS_NOUN:
                continue
        found.append((FUTURE, m.start(), m.end()))
    for m in _WORD.finditer(clause):
        if m.group() in _PAST_WORDS and not any(s <= m.start() < e for _, s, e in found):
            found.append((PAST, m.start(), m.end()))
    return sorted(found, key=lambda marker: marker[1])


def _has_participle(text: str) -> bool:
    previous = ""
    for m in _WORD.finditer(text):
        word = m.group().lower()
        if (word.endswith("ed") or word in _IRREGULAR_PARTICIPLES) and previous not in ("be", "been"):
            return True
        previous = word
    return False


def clause_tense(prose: str, sentence_start: int, date_start: int, date_end: int | None = None,
                 sentence_end: int | None = None, max_gap: int = _MAX_GAP_WORDS, past_max_gap: int = _PAST_MAX_GAP):
    """(FUTURE or PAST, the marker, its offset) for the clause leading up to ``date_start``, else None.

    ``date_end`` and ``sentence_end`` let a past reading look past the date: "the vote held on
    15 December will decide" is a preview, not a report. ``past_max_gap`` lets a caller that only
    needs a leaning (which year a year-less date is in) accept a past verb further away.
    """
    sentence_start = max(sentence_start, date_start - _WINDOW)  # long "sentences" (tables) stay linear
    before = prose[sentence_start:date_start]
    lead = _LEAD.search(before)
    if not lead:
        return None
    before = before[:lead.start()]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    clause_start = breaks[-1].end() if breaks else 0
    clause = before[clause_start:]
    markers = _markers(clause)
    if not markers:
        return None
    tense, marker_start, marker_end = markers[-1]
    between = clause[marker_end:]
    words = [w.lower() for w in _WORD.findall(between)]
    if len(words) > max_gap or re.search(r"\d", between):
        return None  # too far, or another date or number stands between: the marker belongs to it
    if tense == PAST:
        marker = clause[marker_start:marker_end]
        if (_HEDGES.intersection(words) or marker in _HEDGES or any(kind == FUTURE for kind, _, _ in markers)
                or "," in between
                or len(words) > past_max_gap or (marker in _REPORTING and words)):
            return None
        if date_end is not None and sentence_end is not None and \
                any(kind == FUTURE for kind, _, _ in _markers(prose[date_end:min(sentence_end, date_end + _WINDOW)])):
            return None
        if re.search(r"\b(?:to\s+(?:be|have\s+been)|being)\s+$", clause[:marker_start]):
            return None  # "the first module to be launched in 2028": an infinitive, not a past tense (heldout-i)
        if re.search(r"\b(?:whoever|whichever(?:\s+\w+){0,2}|whatever(?:\s+\w+){0,2})\s+$", clause[:marker_start],
                     re.I):
            return None  # "called on whichever party won the election on July 4": the winner is not known (heldout-l)
        auxiliary = re.search(r"\b(?:was|were|had)\s+$", clause[:marker_start])
        if auxiliary:  # "was held": report the whole verb
            marker_start = auxiliary.start()
    elif _FUTURE_HEDGES.intersection(words) or _has_participle(between):
        return None
    return tense, clause[marker_start:marker_end], sentence_start + clause_start + marker_start
