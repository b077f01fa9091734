"""Recognition by meaning: frames that a record fills in, instead of one regular expression per fact.

A frame is a shape of statement built from the shared :mod:`lint.facts.lexicon`;
a record supplies only what it is about:

* ``target`` — a body's spending norm: *who* (the record's ``who``: "NATO", "the
  alliance"; or generic members — "allies", "members" — beside a defence word),
  *what* (a target noun — guideline, target, floor, pledge — or an obligation
  with a spending verb — "must devote", "are supposed to spend"), and *the value*
  (``percent`` in any surface form, optionally "of GDP / economic output /
  national income"), all in one clause: "NATO's guideline is that members spend
  2% of GDP", "the alliance's 2 per cent spending floor".
* ``shortfall`` — a country not meeting a share: "Germany still does not spend 2%
  of its GDP", "Berlin has never met NATO's 2 percent goal".
* ``policy-rate`` — every record of a topic ending in ``policy-rate``,
  ``deposit-rate`` or ``bank-rate`` with a ``rate``: a rate noun of a named
  central bank stated in the present ("currently standing at 5.25%", "is 4.75%").
  The value read from the text picks the record(s) with that rate.

Frames compile once per record (or once per bank) and only run when the draft
contains the record's percentage; the judge (:mod:`lint.facts.judge`) confirms
each frame mention against its sentence (:func:`confirm`) and applies the usual
filters for quotations, history and prospects.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from lint.facts import lexicon as lx
from lint.lazy_pattern import LazyPattern
from lint.facts.model import Fact

_FLAGS = regex.I | regex.V0


def _gap(words: int) -> str:
    """Up to ``words`` words inside one clause: no punctuation, digits or clause-breaking conjunction."""
    return rf"(?:(?!{lx.CLAUSE_BREAK}\b)[^\s,;:.!?()\[\]\"“”\d%]+\s+){{0,{words}}}?"


_AT_LEAST = r"(?:(?:at\s+least|a\s+minimum\s+of|no\s+less\s+than|not\s+less\s+than|a\s+full)\s+)?"
_EDGE = r"(?<![\p{L}\p{N}_])"
_TARGET_NOUN = (r"(?:guidelines?|targets?|benchmarks?|goals?|floors?|bar|commitments?|pledges?|thresholds?|"
                r"requirements?|minimum|standards?|yardsticks?|norms?|rule|obligations?|promises?|objectives?|"
                r"quotas?|mark)")
_NEGATION = (r"(?:does\s+not|doesn['’]t|do\s+not|don['’]t|is\s+not|isn['’]t|are\s+not|has\s+not|hasn['’]t|"
             r"have\s+not|haven['’]t|never|fails?\s+to|failing\s+to|falls?\s+short\s+of|falling\s+short\s+of|"
             r"short\s+of|below|under|less\s+than|misses|missing|lags?\s+behind|lagging\s+behind|"
             r"not\s+(?:yet\s+)?(?:meeting|reaching|spending|hitting|meet|reach|spend|hit))")


def target_pattern(fact: Fact) -> str:
    value = lx.percent(fact.percent)
    stated = rf"(?P<at>{_AT_LEAST}{value}(?:{lx.OF_ECONOMY})?)"
    share = rf"(?P<at>{_AT_LEAST}{value}{lx.OF_ECONOMY})"
    forms = [
        # "NATO's guideline is that members spend 2% of GDP", "the guideline of allocating at least 2% of GDP"
        rf"{_EDGE}{_TARGET_NOUN}\s+{_gap(7)}{stated}",
        # "the alliance's 2 per cent spending floor", "NATO's 2%-of-GDP guideline"
        rf"(?P<at>{value}(?:[\s-]+of[\s-]+GDP)?)[\s-]+(?:(?:defen[cs]e|military|spending|NATO|alliance|GDP)[\s-]+){{0,2}}"
        rf"{_TARGET_NOUN}(?![\p{{L}}])",
        # "allies must devote 2% of GDP", "members are supposed to devote two percent of their economic output"
        rf"{_EDGE}{lx.OBLIGATION}\s+{_gap(5)}{lx.SPEND_VERBS}\s+{_gap(3)}{share}",
    ]
    return "|".join(f"(?:{f})" for f in forms)


def shortfall_pattern(fact: Fact) -> str:
    who = "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in sorted(fact.who, key=len, reverse=True))
    value = lx.percent(fact.percent)
    return (rf"{_EDGE}(?:{who})(?:['’]s)?\s+{_gap(6)}(?P<at>{_NEGATION}\s+{_gap(4)}{_AT_LEAST}{value}"
            rf"(?:{lx.OF_ECONOMY})?)")


@lru_cache(maxsize=None)
def compiled(fact: Fact):
    body = target_pattern(fact) if fact.frame == "target" else shortfall_pattern(fact)
    return regex.compile(body, _FLAGS)


@lru_cache(maxsize=None)
def _percent_trigger(value: float):
    return regex.compile(lx.percent(value), _FLAGS)


def present(fact: Fact, prose: str) -> bool:
    """Cheap test: the record's percentage occurs in the draft at all."""
    return bool(_percent_trigger(fact.percent).search(prose))


# -- confirming a frame mention against its sentence ---------------------------------------------------

DEFENCE_PATTERN = rf"\b{lx.DEFENCE}\b"
MEMBERS_PATTERN = rf"\b{lx.MEMBER_WORDS}\b"
_DEFENCE = LazyPattern(DEFENCE_PATTERN, _FLAGS)
_MEMBERS = LazyPattern(MEMBERS_PATTERN, _FLAGS)
_SPEND = LazyPattern(rf"\b{lx.SPEND_VERBS}\b", _FLAGS)
_NORM = LazyPattern(rf"\b(?:{_TARGET_NOUN}|NATO|alliance|allies|allied)\b", _FLAGS)
#: "spend 2% of its GDP on research": a share spent on something other than defence.
_OTHER_PURPOSE = LazyPattern(rf"^\s+(?:on|for|to|in)\s+(?!(?:the\s+|its\s+|their\s+)?{lx.DEFENCE}\b)\p{{L}}",
                      _FLAGS)


def who_pattern(fact: Fact) -> str:
    """How drafts name the body or country of a frame record ("NATO", "the alliance")."""
    words = "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in sorted(fact.who, key=len, reverse=True))
    return rf"{_EDGE}(?:{words})(?![\p{{L}}])"


@lru_cache(maxsize=None)
def _who(fact: Fact):
    return regex.compile(who_pattern(fact), _FLAGS)


def confirm(fact: Fact, sentence: str, start: int, end: int) -> bool:
    """Whether a frame match (``start``–``end`` in ``sentence``) really states the record's fact."""
    if fact.frame == "target":
        # who: the body by name, or its members beside a defence word ("allies ... to defence")
        return bool(_who(fact).search(sentence) or (_MEMBERS.search(sentence) and _DEFENCE.search(sentence)))
    # shortfall: about the norm (NATO, a target, defence), or plainly a share of the economy spent on nothing else
    if _NORM.search(sentence) or _DEFENCE.search(sentence):
        return True
    return bool(_SPEND.search(sentence[:end]) and not _OTHER_PURPOSE.search(sentence[end:]))


# -- policy rates -----------------------------------------------------------------------------------

_NUMBER = r"\d{1,2}(?:[.,]\d{1,3})?"
_PCT = r"(?:\s?%|\s?per\s?cent|\s?percent)"
_SIGN = r"(?:minus\s+|negative\s+|[-−](?=\d))"
#: A rate or a range as stated: "5.25%", "5.25% to 5.5%", "4.25%-4.5%", "minus 0.1%".
_RATE_VALUE = (rf"(?P<at>(?P<neg>{_SIGN})?(?P<lo>{_NUMBER}){_PCT}?(?:\s*(?:-|–|—|to|and)\s*(?P<neg2>{_SIGN})?"
               rf"(?P<hi>{_NUMBER}))?{_PCT})")
#: Words between a rate and its value that make it not a statement of the current rate.
_NOT_CURRENT = (r"(?:was|were|had|been|peak\w*|high|low|rose|risen|fell|fallen|raised|cut|lowered|hiked|lifted|"
                r"reduced|expected|forecast\w*|predicted|projected|likely|will|would|could|may|might|to|from|fall|"
                r"rise|drop|climb|since|until|before|after|averag\w*|real|inflation|mortgage|yields?|by)")


def _rate_gap(words: int) -> str:
    return rf"(?:(?!{_NOT_CURRENT}\b)[^\s;:.!?()\d%\"“”]+[\s,]+){{0,{words}}}?"


#: A bound rather than the rate: "the benchmark rate is above 5%" states only that the rate is over 5%.
_BOUND = (r"(?P<bound>above|over|more\s+than|higher\s+than|greater\s+than|in\s+excess\s+of|at\s+least|"
          r"no\s+less\s+than|below|under|less\s+than|lower\s+than|at\s+most|no\s+more\s+than)")
_BOUND_ABOVE = frozenset({"above", "over", "more than", "higher than", "greater than", "in excess of"})
_BOUND_AT_LEAST = frozenset({"at least", "no less than"})
_BOUND_BELOW = frozenset({"below", "under", "less than", "lower than"})


_OTHER_RATES = (r"(?<!(?:mortgage|savings|loan|bond|treasury|swap|market|inflation|unemployment|growth|exchange|"
                r"tax|effective|real|lending|deposit\s+account|credit\s+card|card|variable|fixed|tracker)\s+)")
RATE_STATEMENT = LazyPattern(
    rf"{_EDGE}{_OTHER_RATES}(?:{lx.RATE_NOUNS})[\s,]+{_rate_gap(4)}(?:{lx.RATE_PRESENT})\b[\s,]+"
    rf"{_rate_gap(2)}(?:(?:at|of)\s+)?(?:{_BOUND}\s+)?{_RATE_VALUE}",
    _FLAGS)


#: "With the federal funds rate at 5.25% to 5.5%, ...": an absolute construction that states the current rate.
RATE_WITH = LazyPattern(
    rf"\bwith\s+(?:the\s+)?(?:[\p{{L}}.’'-]+\s+){{0,3}}?{_OTHER_RATES}(?:{lx.RATE_NOUNS})\s+(?:still\s+|now\s+)?at\s+"
    rf"{_RATE_VALUE}", _FLAGS)

#: "Germany long missed NATO's 2% target", "allies set a 2% goal": a past verb that governs the value.
PAST_GOVERNS = LazyPattern(
    r"\b(?<!\b(?:have|has|have\s+all|has\s+now|have\s+now)\s+)(?:missed|met|agreed|set|adopted|reached|hit|exceeded|surpassed|topped|beat|was|were|ignored|dropped|"
    r"abandoned|replaced|scrapped|doubled|tripled|fell\s+short\s+of|introduced|endorsed|enshrined)\s+"
    r"(?:[\w'’-]+\s+){0,3}$", _FLAGS)

#: "NATO's old 2% goal", "the previous target of 2%": a value marked as superseded.
SUPERSEDED = LazyPattern(r"\b(?:old|older|previous|former|earlier|original|outdated|superseded|erstwhile|"
                  r"then-?|past|Wales)\s+(?:[\w'’%-]+\s+){0,2}$", _FLAGS)


@lru_cache(maxsize=None)
def bank_names(code: str):
    names = "|".join(regex.escape(n).replace(r"\ ", r"\s+") for n in sorted(lx.BANKS.get(code, ()), key=len,
                                                                               reverse=True))
    # case-sensitive: "Fed" and "BoE" are names, "fed" is a verb
    return regex.compile(rf"{_EDGE}(?:{names})(?![\p{{L}}])") if names else None


@lru_cache(maxsize=None)
def bank_name_pieces(code: str) -> tuple[tuple[str, ...], ...]:
    """Each of the bank's names as its words, as written: a match of :func:`bank_names` holds all of one's."""
    return tuple(tuple(n.split(" ")) for n in lx.BANKS.get(code, ()))


def rate_topic(topic: str) -> str | None:
    """The bank code of a rate topic (``fed`` for ``fed.policy-rate``), else None."""
    code, _, suffix = topic.partition(".")
    return code if suffix in lx.RATE_TOPICS else None


def rate_values(match) -> tuple[float, float]:
    lo = float(match.group("lo").replace(",", ".")) * (-1 if match.group("neg") else 1)
    if not match.group("hi"):
        return lo, lo
    return lo, float(match.group("hi").replace(",", ".")) * (-1 if match.group("neg2") else 1)


def rate_bound(match) -> str:
    """The comparative a rate statement puts before its value ("above", "at least"), normalised; "" if none."""
    bound = match.groupdict().get("bound")
    return " ".join(bound.lower().split()) if bound else ""


def rate_matches(fact: Fact, values: tuple[float, float], bound: str = "") -> bool:
    """"5.25%" matches a single 5.25% rate or either end of a 5.25%–5.50% range; a range must match exactly.

    With a comparative the statement is a bound, and a record matches when the bound is true of all of
    it: "above 5%" matches 5.25%–5.50% (wholly above 5%), not 5.00%–5.25%; "below 1%" matches 0.50%.
    """
    lo, hi = values
    if fact.rate is None:
        return False
    if bound:
        low, high = min(fact.rate), max(fact.rate)
        if bound in _BOUND_ABOVE:
            return low > hi
        if bound in _BOUND_AT_LEAST:
            return low >= hi
        if bound in _BOUND_BELOW:
            return high < lo
        return high <= lo  # at most, no more than
    if lo == hi:
        return lo in fact.rate
    return (lo, hi) == fact.rate
