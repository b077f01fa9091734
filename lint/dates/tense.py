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

import regex

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
_FUTURE_MARKER = (r"(?<!\b(?:the|a|his|her|their|its|our|your|political|free|good|ill|own|last)\s)\bwill\b"
                  r"|\bshall\b|['’]ll\b"
                  r"|\b(?:is|are|am)\s+(?:(?:also|now|still|not)\s+)?(?:set|due|scheduled|expected|slated|going"
                  r"|poised|planning|preparing)\s+to\b"
                  r"|\b(?:is|are)\s+to\s+(?!be\s+(?:seen|found|blamed|expected)\b)\p{L}+")
_PAST_MARKER = r"\b(?:was|were|had|did)\b|\b(?:" + "|".join(sorted(set(_PAST_VERBS), key=len, reverse=True)) + r")\b"
_MARKERS = regex.compile(rf"(?P<future>{_FUTURE_MARKER})|(?P<past>{_PAST_MARKER})", regex.V1)
#: Words between the marker and the date that make it a plan, a deadline or a reported intention.
_HEDGES = regex.compile(
    r"\b(?:due|scheduled|rescheduled|set|expected|slated|planned|planning|plans?|supposed|meant|going|postponed"
    r"|delayed|moved|pushed|brought|deadline|until|till|would|could|might|may|should|must|to|deferred|pencilled"
    r"|penciled|targeted|forecast|projected|predicted|estimated|promised|pledged|vowed|intended|ahead|before"
    r"|since|effective|cancell?ed|canceled|suspended|scrapped|called|halted|for|of)\b", regex.IGNORECASE)
#: Verbs that introduce reported speech: a date after them belongs to what was said, unless it follows at once.
_REPORTING = regex.compile(r"(?:said|told|announced|confirmed|reported|revealed|declared|agreed)$")
#: A past verb must stand this close to its date ("met in Brussels on 15 December").
_PAST_MAX_GAP = 4
#: Where a clause starts: sentence punctuation, brackets, quotation marks, or a comma before a new clause.
_CLAUSE_BREAK = regex.compile(
    r"[;:()\[\]\"“”—–]|,\s+(?:and|but|while|which|who|whereas|although|though|when|after|before|as|because"
    r"|since|until|where|so|yet)\b|\b(?:and|but|after|before|since|until|when|while|because|although|that|which"
    r"|who|whose|where)\b")
#: The date's introducing word: only "on" and "in" ("on 3 December", "in March 2025", "in 2024").
_LEAD = regex.compile(r"(?:\b(?:on|in)\s+(?:(?:early|late|mid)[\s-]+)?)$", regex.IGNORECASE)
_MAX_GAP_WORDS = 10
#: Irregular past participles; with any word in -ed they mark a reduced relative clause after "will"
#: ("will compare them with the data collected on 1 December", "will beat the record set in 2024").
_PARTICIPLES = regex.compile(
    r"\b(?<!\b(?:be|been)\s)(?:\p{L}+ed|set|made|held|built|paid|sold|won|lost|taken|given|seen|done|written"
    r"|shown|known|grown|found|brought|bought|caught|taught|begun|run|cut|put|hit|left|kept|spent|sent|struck"
    r"|chosen|drawn|signed|met|told|said|hidden)\b", regex.IGNORECASE)


def clause_tense(prose: str, sentence_start: int, date_start: int, date_end: int | None = None,
                 sentence_end: int | None = None, max_gap: int = _MAX_GAP_WORDS):
    """(FUTURE or PAST, the marker, its offset) for the clause leading up to ``date_start``, else None.

    ``date_end`` and ``sentence_end`` let a past reading look past the date: "the vote held on
    15 December will decide" is a preview, not a report.
    """
    before = prose[sentence_start:date_start]
    lead = _LEAD.search(before)
    if not lead:
        return None
    before = before[:lead.start()]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    clause_start = breaks[-1].end() if breaks else 0
    clause = before[clause_start:]
    markers = list(_MARKERS.finditer(clause))
    if not markers:
        return None
    nearest = markers[-1]
    between = clause[nearest.end():]
    if len(between.split()) > max_gap:
        return None
    tense = FUTURE if nearest.group("future") else PAST
    if regex.search(r"\d", between):
        return None  # another date or number stands between: the marker belongs to it
    if tense == PAST and (_HEDGES.search(between) or _HEDGES.search(nearest.group())
                          or any(m.group("future") for m in markers) or "," in between
                          or len(between.split()) > _PAST_MAX_GAP
                          or (_REPORTING.search(nearest.group()) and between.strip())):
        return None
    if tense == FUTURE and (regex.search(r"\b(?:until|till|since|by|from|before|after)\b", between, regex.I)
                            or _PARTICIPLES.search(between)):
        return None
    if tense == PAST and date_end is not None and sentence_end is not None:
        rest = prose[date_end:sentence_end]
        if any(m.group("future") for m in _MARKERS.finditer(rest)):
            return None
    marker_start = nearest.start()
    auxiliary = regex.search(r"\b(?:was|were|had)\s+$", clause[:marker_start])
    if tense == PAST and auxiliary:  # "was held": report the whole verb
        marker_start = auxiliary.start()
    return tense, clause[marker_start:nearest.end()], sentence_start + clause_start + marker_start
