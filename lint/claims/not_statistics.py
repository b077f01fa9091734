"""Figures that are not statistics: nobody has to vouch for them, so they need no source.

:mod:`lint.claims.figures` finds anything shaped like a figure. Much of it, in professional news
copy, is not a measurement someone made but part of the story itself:

- **what the subject decided or set**: a central bank's rate ("cut its key rate by 0.25 points",
  "has been on hold at 2%"), a court's fine or order, a budget or allocation approved, a rule's
  threshold ("must not earn more than €15,000"), an election result ("won nearly 60% of the vote");
- **prices and money that changes hands**: a price, fee, fine, prize, bail or banknote ("a €50
  note", "a prize of 11 million kronor", "each worth almost $200,000", "£155 a day", "€2 a hit");
- **physical measures**: distances, speeds, heights, sizes ("17,000 mph", "4bn miles", "71,000 feet");
- **counts of what is present**: the crowd at an event ("65,000 fans watched"), a study's
  participants ("the research involved 8,550 children");

and, for :mod:`lint.checks.unsourced_figure`, :func:`told_in_first_person`: testimony ("I make
around £20 a shift") is vouched for by its teller, like a quotation.

:func:`why_not_a_statistic` says which, or ``None`` for a figure that is a statistic or an
estimate and does need a source.
"""

from __future__ import annotations

import regex

from lint.claims.figures import Figure
from lint.lazy_pattern import LazyPattern, compile_all

_UNIT = (r"(?:mph|kph|km/h|km|kms|kilometres?|kilometers?|miles?|metres?|meters?|feet|foot|ft|inches|yards?|"
         r"nautical\s+miles|knots|light[-\s]years?|square\s+(?:\w+\s+)?(?:feet|metres?|meters?|miles|kilometres?)|"
         r"cubic\s+(?:feet|metres?|meters?)|hectares?|acres?|tonnes?|tons?|kilo(?:gram)?s?|kg|pounds\s+in\s+weight|"
         r"degrees|°|calories|volts|watts|megawatts|gigawatts|mw|gw|-year-old|years?\s+old)")
#: A measure, not a statistic: "17,000 mph", "4bn miles", "30 million square cubic feet".
_UNIT_AFTER = LazyPattern(rf"[-\s]*(?:(?:square|cubic)\s+)*{_UNIT}(?![\p{{L}}])", regex.I)

#: A price or a rate of pay: "£155 a day", "€2 a hit", "£7 an hour", "per eight-hour shift", "a €50 note".
_RANGE = r"(?:\s?[-–]\s?[$€£¥₹]?\d+(?:[.,]\d+)*|\s+to\s+[$€£¥₹]\d+(?:[.,]\d+)*(?:\s?(?:m|bn|k))?)?"
_PER_AFTER = LazyPattern(_RANGE + r"(?:\s+or\s+(?:less|more))?\s+(?:a|an|per|each)\s+(?:[\w-]+\s+)?"
                           r"(?:hit|day|night|week|month|year|hour|shift|head|person|ticket|meal|visit|trip|"
                           r"barrel|litre|gallon|kilo|share|unit|piece|breach|copy|bottle|box|pack|dose)\b", regex.I)
_NOTE_AFTER = LazyPattern(r"(?:\s+in\s+[$€£¥₹]\d+)?(?:\s*,\s*[$€£¥₹]?\d+)*"
                            r"(?:\s*(?:,\s*)?(?:and|or)\s+[$€£¥₹]?\d+)?\s*"
                            r"(?:-|\s)?(?:bank)?(?:notes?|bills?|coins?)\b", regex.I)
#: Money that changes hands or is set: a price, a fee, a fine, a prize, a value put on a thing.
_MONEY_BEFORE = LazyPattern(
    r"\b(?:costs?|costing|priced|prices?|pricing|fees?|fines?|fined|penalty|penalties|damages|prize|prizes|"
    r"award|awarded|jackpot|bail|bid|bids|salary|wage|wages|paid|earn|earns|earned|earning|"
    r"charged?|charges|charging|selling|sold|sells|bought|worth|valued|value|budget|budgeted|allocated|"
    r"allocates|earmarked|approved|approves|pledged|pledges|deposit|rent|ransom|compensation|granted|bonus|meal|"
    r"meals|ticket|tickets|fare|fares)"
    r"(?:[\s,]+(?:only|just|about|around|nearly|almost|some|roughly|also|of|for|at|to|by|an?|the|estimated|up|"
    r"more|less|than|over|under|in|with|each|out|reportedly|well))*[\s,(]*$", regex.I)
_MONEY_AFTER = LazyPattern(r"\s*(?:-plus\b|\s+(?:in\s+)?(?:fines?|fees?|legal\s+costs|damages|bail|prize\s+money|"
                             r"ransom|compensation|notes?|banknotes?|coins?|bills?)\b)", regex.I)

#: What the subject decided: a policy rate, a court's order, a rule's threshold, a budget approved.
_RATE_DECISION = LazyPattern(
    r"\b(?:(?:interest|deposit|key|policy|benchmark|base|lending|refinancing|repo|bank|cash|overnight|"
    r"federal\s+funds|funds)\s+rates?|Bank\s+Rate|central\s+bank|(?-i:ECB|Fed|BoE|BoJ|SNB|RBA|RBI|PBOC)|"
    r"Federal\s+Reserve|Bank\s+of\s+\p{Lu}\w+|Riksbank|Bundesbank|(?:cut|cuts|cutting|raised?|raises|raising|"
    r"lower(?:ed|s|ing)?|hiked?|hikes|hiking)\s+(?:\w+\s+){0,2}rates?)\b", regex.I)
_DECISION_VERB = LazyPattern(
    r"\b(?:cut|cuts|cutting|raised?|raises|raising|lower(?:ed|s|ing)?|reduc(?:ed|es|ing)|held|hold|holds|holding|"
    r"on\s+hold|kept|keep|keeps|keeping|left|leaves|leaving|set|sets|setting|hiked?|hikes|hiking|trimmed|lifted|"
    r"lifts|increased|increases|maintained|maintains|unchanged|steady|taking|took|bringing|brought|voted|vote)\b",
    regex.I)
#: A government's own measure: "raised taxes by £40 billion", "the minimum wage will rise by 6.7%".
_POLICY = LazyPattern(
    r"\b(?:taxes|tax|spending|minimum\s+wage|living\s+wage|budget|tariffs?|duty|duties|VAT|pensions?|benefits?|"
    r"allowances?|levy|levies|subsidy|subsidies|funding|tuition\s+fees|fees)\b[^.;!?]{0,60}\b(?:will\s+(?:rise|fall|"
    r"increase|be\s+(?:raised|cut|increased|frozen|lowered))|to\s+(?:rise|fall)|(?:was|were|is|are)\s+(?:raised|cut|"
    r"increased|frozen|lowered|set))\b|\b(?:raised?|raises|raising|cut|cuts|cutting|froze|freezes|imposed|imposes|"
    r"threatened\s+to\s+raise|lowered|hiked)\s+(?:\w+\s+){0,2}?(?:taxes|tax|spending|tariffs?|duty|duties|VAT|"
    r"the\s+minimum\s+wage|pensions?|benefits?|fees|them|it)\b", regex.I)
#: A market move is the day's news, read off the screen: "The Nikkei rose 2.2%", "shares fell 11%".
_MARKET = LazyPattern(
    r"\b(?:index|indices|indexes|shares|stocks?|stock\s+market|S&P(?:\s+500)?|Nikkei(?:\s+225)?|Dow(?:\s+Jones)?|"
    r"FTSE(?:\s+100)?|Nasdaq|DAX|CAC(?:\s+40)?|Hang\s+Seng|Stoxx(?:\s+600)?|yields?|gilts|Treasuries|bonds?|"
    r"euro|dollar|yen|pound|sterling|franc|yuan|bitcoin|currency|oil|Brent|crude|gold|futures)\b[^.;!?]{0,60}?"
    r"\b(?:rose|rise|rises|rising|fell|fall|falls|falling|gained|gains|lost|loses|closed|closes|ended|ends|traded|"
    r"trading|up|down|climbed|climbs|slid|slides|dropped|drops|jumped|jumps|tumbled|surged|soared|sank|slipped|"
    r"edged|hit|reached|touched|peaked|plunged|rallied|was\s+little\s+changed|at\s+about)\b", regex.I)

#: A threshold a rule sets ("must not earn more than €15,000", "can earn up to £155", "a maximum of").
_RULE_BEFORE = LazyPattern(r"\b(?:must|may|can|cannot|can't|could|should|shall|would|will)\s+(?:not\s+)?"
                             r"(?:\w+\s+){0,4}?(?:more\s+than|less\s+than|up\s+to|at\s+least|at\s+most|"
                             r"no\s+more\s+than|exceed(?:ing)?)\s*$|\b(?:a\s+maximum\s+of|a\s+minimum\s+of|"
                             r"a\s+cap\s+of|a\s+ceiling\s+of|a\s+limit\s+of)\s+(?:\w+\s+){0,1}$", regex.I)
#: An election result: "won nearly 60% of the vote", "took 52% of the ballots".
_RESULT = LazyPattern(r"\b(?:won|wins|winning|secured?|took|takes|received|garnered|gained|polled|elected|"
                        r"re-elected|backed|voted|returned)\b[^.;!?]{0,80}\b(?:vote|votes|voters|ballots?|seats?|"
                        r"turnout|referendum|election|run-off|runoff|count)\b|\b(?:of|the)\s+(?:the\s+)?"
                        r"(?:vote|votes|ballots)\b", regex.I)
#: "the 8,000-pipe organ", "a 4,700-container ship": a count that describes a thing.
_COMPOUND_AFTER = LazyPattern(r"-(?!year)\p{L}+\s+\p{L}")
#: The crowd or the sample of the story itself: "65,000 fans watched", "the research involved 8,550".
_PRESENT = LazyPattern(r"\b(?:watched|attended|attending|spectators|crowd|fans|guests|athletes|competitors|"
                         r"delegates|attendees|worshippers|mourners|took\s+part|taking\s+part|"
                         r"turned\s+out|gathered|marched|involved|participants|participated|volunteers|"
                         r"were\s+(?:interviewed|surveyed|questioned|tested|studied|recruited)|sample)\b", regex.I)
#: A paragraph told in the first person outside quotation marks: the speaker vouches for it.
_FIRST_PERSON = LazyPattern(r"(?<![\p{L}'’])(?:I|I'm|I’m|I've|I’ve|my|me)(?![\p{L}'’])")


#: An amount used as an adjective: what a thing cost ("the £460m spacecraft", "a $200,000 model"),
#: unless the noun is itself a measurement ("a £2bn deficit", "a $5bn loss").
_ADJECTIVE_BEFORE = LazyPattern(r"\b(?:a|an|the|its|their|his|her|this|that|each|every)\s+(?:[\w-]+\s+)?$", regex.I)
_ADJECTIVE_AFTER = LazyPattern(
    r"(?:-plus)?[-\s]+(?!(?:deficit|deficits|surplus|surpluses|loss|losses|profit|profits|shortfall|debt|debts|gap|"
    r"drop|rise|increase|decline|fall|hole|cut|cuts|investment|investments|bailout|turnover|revenue|revenues|sales|"
    r"spending|outlay|bill|fortune|jump|surge|slump|boost|injection|windfall|hit|writedown|write-off)\b)"
    r"(?:[\p{Ll}-]+\s+)?(?:mission|spacecraft|project|model|car|house|home|mansion|tower|building|stadium|bridge|"
    r"ship|yacht|jet|plane|aircraft|painting|ring|watch|bag|suit|dress|machine|device|phone|scheme|contract|deal|"
    r"programme|program|plan|package|fund|facility|plant|factory|development|renovation|refurbishment|upgrade|"
    r"satellite|telescope|system|network|line|railway|pipeline|wedding|party|prize|award|fine|bid|fee|ticket|"
    r"note|notes|winners?|signing|transfer|takeover|acquisition|purchase|sale|offer|settlement|lawsuit|claim|"
    r"campaign|bond|bonds|loan|grant|donation|gift|salary|budget)\b", regex.I)

#: A fine or an order to pay, with its object: "fined the magazine €10,000", "ordered Closer to pay €2,000".
_PENALTY_BEFORE = LazyPattern(r"\b(?:fined|fines|awarded|ordered\s+(?:[\w'’-]+\s+){0,3}?to\s+pay|charged)\s+"
                                r"(?:[\w'’-]+\s+){0,3}?$", regex.I)
#: A scaled amount ("£3bn", "€300m", "two million") is a total, not a price, even "a year".
_SCALED = LazyPattern(r"\d\s?(?:m|mn|bn|tn|k)\b|illion|thousand", regex.I)

#: A price tag in brackets after the thing: "underpants (€26), socks (€9)".
_TAG_BEFORE = LazyPattern(r"\p{L}\s*\(\s*$")
_TAG_AFTER = LazyPattern(r"\s*\)")
#: The same amount in another currency: "11 million kronor, or about $1 million".
_OR = LazyPattern(r"\bor\b")
_CONVERSION_BEFORE = LazyPattern(r"(?:,\s*|\s+\()?(?:or|about|roughly|around|some|nearly|almost|\s)+$", regex.I)


_SENTENCE_TESTS = {"rate": _RATE_DECISION, "verb": _DECISION_VERB, "policy": _POLICY, "market": _MARKET,
                   "result": _RESULT, "present": _PRESENT}


def why_not_a_statistic(prose: str, figure: Figure, sentence_start: int, sentence_end: int,
                        previous: str | None = None, seen: dict | None = None) -> str | None:
    """Why ``figure`` needs no source ("a price", "a decision", ...), or ``None`` if it does.

    ``previous``: why the figure before it in the sentence needed none; an amount that converts
    it ("11 million kronor, or about $1 million") is the same thing in another currency.
    ``seen``: one dict per sentence, shared by its figures, so each sentence-wide test (is this
    a rate decision, a market report, …) runs once however many figures the sentence holds.
    """
    before = prose[max(sentence_start, figure.start - 80):figure.start]
    seen = {} if seen is None else seen

    def sentence_says(test: str) -> bool:
        if test not in seen:
            seen[test] = _SENTENCE_TESTS[test].search(prose, sentence_start, sentence_end) is not None
        return seen[test]
    if previous is not None and figure.what == "an amount" and _OR.search(before[-25:]) \
            and _CONVERSION_BEFORE.search(before[-25:]):
        return previous
    if figure.what == "an amount" and ((_TAG_BEFORE.search(before) and _TAG_AFTER.match(prose, figure.end))
                                       or (_ADJECTIVE_BEFORE.search(before[-30:])
                                           and _ADJECTIVE_AFTER.match(prose, figure.end))):
        return "a price"
    if figure.what in ("an amount", "a count", "a percentage") and _UNIT_AFTER.match(prose, figure.end):
        return "a measure"
    if figure.what == "an amount":
        if (_PER_AFTER.match(prose, figure.end) and not _SCALED.search(prose, figure.start, figure.end)) \
                or _NOTE_AFTER.match(prose, figure.end) or _MONEY_AFTER.match(prose, figure.end) \
                or _MONEY_BEFORE.search(before[-60:]) or _PENALTY_BEFORE.search(before[-60:]):
            return "a price"
    if figure.what in ("an amount", "a percentage", "a count") and _RULE_BEFORE.search(before[-50:]):
        return "a threshold"
    if figure.what in ("a percentage", "a change") and sentence_says("rate") and sentence_says("verb"):
        return "a decision"
    if figure.what in ("a percentage", "an amount", "a change") and sentence_says("policy"):
        return "a decision"
    if figure.what in ("a percentage", "a record", "a change", "a count", "an amount") and sentence_says("market"):
        return "a market move"
    if figure.what == "a count" and _COMPOUND_AFTER.match(prose, figure.end):
        return "a description"
    if figure.what == "a percentage" and sentence_says("result"):
        return "a result"
    if figure.what == "a count" and sentence_says("present"):
        return "a count of what is present"
    return None


def told_in_first_person(sentence: str) -> bool:
    """"I make around £20 a shift": the speaker vouches for it (outside quotation marks)."""
    return _FIRST_PERSON.search(_outside_quotes(sentence)) is not None


_QUOTED = LazyPattern(r"“[^”]*”|\"[^\"]*\"|«[^»]*»")


def _outside_quotes(text: str) -> str:
    return _QUOTED.sub(" ", text)


def prepare() -> None:
    """Compile the patterns now (before ``--jobs`` workers fork: they inherit them)."""
    compile_all(globals())
