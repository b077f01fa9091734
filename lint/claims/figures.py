"""Figures that need a source: statistics, amounts, percentages, rankings and records.

Each pattern names what it found ("a percentage", "a record"), so a finding can
say why it fired. Dates, years, times, ages, clause numbers and small counts
("three ministers") are not figures: nobody measured them.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import regex

from lint.claims.clues import Clues
from lint.lazy_pattern import LazyPattern, compile_all

_NUMBER = r"\d+(?:[.,]\d+)*"
_WORD_NUMBER = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
                r"forty|fifty|sixty|seventy|eighty|ninety|a|several|a\s+few)")
_SCALE = r"(?:thousand|million|billion|trillion|bn|m|mn|tn)"
_CURRENCY_WORD = (r"(?:dollars?|euros?|pounds?(?:\s+sterling)?|yen|yuan|renminbi|rupees?|roubles?|rubles?|francs?|"
                  r"kronor|kroner|krona|zloty|pesos?|reais|won|lira|shekels?|rand|dinars?)")
_CURRENCY_CODE = r"(?:USD|EUR|GBP|JPY|CNY|CHF|INR|RUB|AUD|CAD|SEK|NOK|DKK|PLN)"
_SUPERLATIVE = (r"(?:largest|biggest|highest|lowest|smallest|fastest|slowest|strongest|weakest|worst|best|"
                r"deadliest|costliest|hottest|coldest|wettest|driest|busiest|richest|poorest|longest|shortest|"
                r"oldest|youngest|safest|cheapest|wealthiest|tallest|deepest|warmest|sharpest|steepest|"
                r"most\s+\w+|least\s+\w+|fewest)")
#: Where a superlative is measured against: "since 1992", "in American history", "in the world".
_SCOPE = (r"(?:since\s+(?:\d{4}|records\s+began|the\s+\d{4}s|the\s+(?:war|crisis|recession))|on\s+record|"
          r"ever\s+recorded|of\s+all\s+time|ever|in\s+(?:(?:our|the|this|its|their|\w+)\s+){0,2}history|"
          r"(?:anywhere\s+)?in\s+(?:the\s+|our\s+|this\s+)?(?:entire\s+|whole\s+)?(?:world|country|nation|"
          r"region|continent|Europe|EU|OECD|G7|G20)|in\s+(?:the\s+|\w+\s+)?(?:decades?|years|a\s+generation|"
          r"a\s+century)|in\s+\d+\s+years)")
_ORDINAL = r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))"

#: (what it is, pattern). Order matters only for overlapping matches: the first wins.
PATTERNS: list[tuple[str, str]] = [
    ("a percentage", rf"{_NUMBER}\s?(?:%|per\s?cent\b|percent\b|percentage\s+points?\b|pp\b)"),
    ("an amount", rf"(?:[$€£¥₹]|(?-i:{_CURRENCY_CODE})\s?){_NUMBER}(?:\s?{_SCALE}\b)?"),
    ("an amount", rf"\b{_NUMBER}\s?(?:{_SCALE}\s+)?{_CURRENCY_WORD}\b"),
    # Without a currency, "m" is metres ("the 100m final"): only the spelled-out scales count.
    ("an amount", rf"\b{_NUMBER}\s?(?:thousand|million|billion|trillion|bn|tn)\b(?!\s*(?:years?|BC|BCE)\b)"),
    ("an amount", rf"\b{_WORD_NUMBER}\s+(?:million|billion|trillion)\b"),
    ("an amount", r"\b(?:tens|hundreds)\s+of\s+(?:thousands|millions|billions)\b"),
    ("an amount", r"\b(?:billions|millions|trillions)\s+(?:and\s+(?:billions|millions|trillions)\s+)?of\s+"
                  r"(?:dollars|euros|pounds|people|jobs|barrels|tonnes|tons)\b"),
    ("a percentage", rf"\b{_WORD_NUMBER}(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?\s+"
                     r"(?:per\s?cent|percent)\b"),
    ("a statistic", r"\b(?:one|two|three|four|\d+)\s+(?:in|out\s+of)\s+(?:every\s+)?"
                    r"(?:two|three|four|five|six|seven|eight|nine|ten|twenty|hundred|\d+)\b"),
    ("a statistic", r"\b(?:half|a\s+third|a\s+quarter|a\s+fifth|two[-\s]thirds|three[-\s]quarters)\s+of\s+"
                    r"(?:all\s+)?(?:the\s+)?(?!the\s+(?:time|way|year|day|week|month|century|decade)\b)"
                    r"[\p{L}]+"),
    ("a count", r"(?<![\p{L}\p{N}.,/:-])\d{1,3}(?:,\d{3})+(?![\p{N}])(?!\s*(?:years?\s+ago|BC|BCE|AD)\b)"),
    # 5+ digits without separators only before a lower-case word ("12500 troops", not "10115 Berlin").
    ("a count", r"(?<![\p{L}\p{N}.,/:#-])\d{5,}(?=\s+(?-i:\p{Ll}))"),
    ("a change", r"\b(?:doubled|tripled|trebled|quadrupled|halved|\w+-fold|(?:two|three|four|five|ten)fold)\b"),
    ("a record", r"\b(?:record|all-time|historic)[-\s](?:high|low|level|levels|number|numbers|year|amount|"
                 r"sum|turnout|profit|profits|loss|losses|deficit|surplus)s?\b"),
    ("a record", r"\b(?:set|broke|breaking|beat|smashed|equalled|equaled)\s+(?:a|the|its|his|her|their)\s+"
                 r"(?:\w+\s+)?record\b(?!\s+straight)|\brecord-(?:breaking|setting)\b"),
    ("a record", rf"\b(?:the\s+)?{_ORDINAL}\s+time\s+(?:since|in)\s+(?:\d{{4}}|(?:\d+\s+)?decades|(?:\d+\s+)?years|a\s+decade|"
                 rf"a\s+century|history)\b"),
    ("a ranking", rf"\b(?:the\s+)?(?:{_ORDINAL}[-\s])?{_SUPERLATIVE}\b[^.;:!?]{{0,60}}?\b{_SCOPE}\b"),
    ("a ranking", r"\b(?:number[-\s]one|No\.\s?1)\s+\w+"),
    ("a ranking", r"\b(?:more|fewer|less|higher|lower|bigger|larger|faster)\s+(?!than\s+ever\b)[^.;:!?]{0,60}?\bthan\s+(?:ever(?:\s+before)?|"
                  r"any\s+(?:other|previous|new)|at\s+any\s+(?:time|point))\b"),
    ("a ranking", rf"\b(?:ranks?|ranked|ranking)\s+(?:\w+\s+)?(?:{_ORDINAL}|No\.\s?\d+|number\s+\w+|last|top|"
                  rf"bottom)\b"),
    ("a ranking", rf"\b(?:the\s+)?{_ORDINAL}[-\s]{_SUPERLATIVE}\b"),
]

#: A figure that sets a goal rather than reports a measurement ("NATO's benchmark of 2%", "the 2% target").
_TARGET_BEFORE = LazyPattern(r"\b(?:target|goal|benchmark|guideline|threshold|pledge|commitment|cap|ceiling|floor|"
                               r"quota|limit|aim)s?\s+of\s+(?:at\s+least\s+|up\s+to\s+|about\s+|around\s+)?$", regex.I)
#: "the guideline, which asks every member to spend at least 2%": a rule that sets the figure.
_TARGET_CLAUSE = LazyPattern(r"\b(?:target|goal|benchmark|guideline|threshold|pledge|commitment|rule|treaty|law|"
                               r"agreement)s?\b[^.;!?]{0,40}\b(?:asks?|requires?|obliges?|commits?|calls?\s+for|sets?|"
                               r"aims?\s+(?:for|at|to))\b[^.;!?]{0,40}$", regex.I)
_TARGET_AFTER = LazyPattern(r"(?:\s+of\s+(?:GDP|gross\s+domestic\s+product|output))?[-\s]+(?:target|goal|benchmark|"
                              r"guideline|threshold|pledge|cap|ceiling|floor|quota|limit)s?\b", regex.I)

#: A price tag or a denomination, not a measurement: "a new $200,000 model", "€500 notes", "a £7-a-month deal".
_PRICE_TAG_BEFORE = LazyPattern(r"(?:\b(?:a|an|the|its|their|his|her|each|every|per|this|that)\s+(?:\w+\s+)?|[,(]\s*)$",
                                  regex.I)
_PRICE_TAG_AFTER = LazyPattern(r"(?:-a-\w+)?[-\s]+(?!(?:in|of|on|for|to|from|into|by|at|a|an|the|and|or|but|was|is|were|are|"
                                 r"has|have|had|will|would|per|each|a\s+year|worth|more|less|over|under|since|last|this|"
                                 r"that|which|than)\b)(?!\p{Ll}+ed\b)\p{Ll}+")
_UNSCALED_PRICE = LazyPattern(r"[$€£¥₹]\d{1,3}(?:,\d{3})?(?:\.\d+)?")
#: "100%" as an intensifier: "a 100% economic patriot", "100% French-made", "100% sure".
_INTENSIFIER = LazyPattern(r"100\s?(?:%|per\s?cent|percent)\s+(?!(?:of|in|on|at|to|for|from|by|and|or)\b)\p{L}")

#: Every pattern as one alternation: the plain scan the tests compare :func:`find_figures_in` with.
#: No figure starts inside a word: the guard in front saves trying every pattern at every letter.
FIGURE = LazyPattern(r"(?<![\p{L}\p{N}])(?:" + "|".join(f"(?P<f{i}>{p})" for i, (_, p) in enumerate(PATTERNS)) + ")",
                       regex.I)
_NAMES = [name for name, _ in PATTERNS]


@dataclass(frozen=True)
class Figure:
    start: int
    end: int
    what: str  # "a percentage", "an amount", ...


#: What each pattern above cannot match without (its *clues*, see :mod:`lint.claims.clues`): one tuple
#: per condition, all conditions needed, any word of a tuple meeting it. "a percentage" needs a digit
#: and "%", "cent" (per cent, percent, percentage) or "pp". Every clue is text the pattern spells out,
#: without white space, so a sentence lacking a pattern's clues cannot hold its match.
_DIGITS = tuple("0123456789")
_SUPERLATIVES = ("largest", "biggest", "highest", "lowest", "smallest", "fastest", "slowest", "strongest", "weakest",
                 "worst", "best", "deadliest", "costliest", "hottest", "coldest", "wettest", "driest", "busiest",
                 "richest", "poorest", "longest", "shortest", "oldest", "youngest", "safest", "cheapest", "wealthiest",
                 "tallest", "deepest", "warmest", "sharpest", "steepest", "most", "least", "fewest")
_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth") + _DIGITS
_CLUES: list[tuple[tuple[str, ...], ...]] = [
    (_DIGITS, ("%", "cent", "pp")),
    (("$", "€", "£", "¥", "₹", "usd", "eur", "gbp", "jpy", "cny", "chf", "inr", "rub", "aud", "cad", "sek", "nok", "dkk",
      "pln"), _DIGITS),
    (_DIGITS, ("dollar", "euro", "pound", "yen", "yuan", "renminbi", "rupee", "rouble", "ruble", "franc", "kronor",
               "kroner", "krona", "zloty", "peso", "reais", "won", "lira", "shekel", "rand", "dinar")),
    (_DIGITS, ("thousand", "illion", "bn", "tn")),
    (("illion",),),
    (("thousand", "illion"),),
    (("illion",),),
    (("cent",),),
    (("one", "two", "three", "four") + _DIGITS,  # "in" and "out of" occur in nearly every sentence anyway
     ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twenty", "hundred") + _DIGITS),
    (("half", "third", "quarter", "fifth"),),
    (_DIGITS,),  # and a comma, as in most sentences
    (_DIGITS,),
    (("doubled", "tripled", "trebled", "quadrupled", "halved", "fold"),),
    (("record", "all-time", "historic"),),
    (("record",),),
    (_ORDINALS, ("time",)),
    (_SUPERLATIVES, ("since", "record", "ever", "time", "history", "world", "country", "nation", "region", "continent",
                     "europe", "eu", "oecd", "g7", "g20", "decade", "years", "generation", "century")),
    (("number", "no."),),
    (("more", "fewer", "less", "higher", "lower", "bigger", "larger", "faster"), ("than",), ("ever", "any")),
    (("rank",),),
    (_ORDINALS, _SUPERLATIVES),
]
#: Each pattern on its own, for the patterns a sentence's clues allow (same guard, same flags as FIGURE).
_BRANCHES = [LazyPattern(r"(?<![\p{L}\p{N}])(?:" + p + ")", regex.I) for _, p in PATTERNS]


@functools.cache
def _clues():
    """The clue words (each standing for the conditions it meets, as bits), and each pattern's conditions."""
    conditions: dict[tuple[str, ...], int] = {}
    needs = []
    for clues in _CLUES:
        needs.append(sum(1 << conditions.setdefault(c, len(conditions)) for c in clues))
    bits: dict[str, int] = {}
    for condition, bit in conditions.items():
        for word in condition:
            bits[word] = bits.get(word, 0) | 1 << bit
    return Clues(bits), needs


_allowed_memo: dict[int, int] = {}


def _allowed(met: int, needs: list[int]) -> int:
    """The patterns (bit set) whose every condition is among the conditions ``met``."""
    allowed = _allowed_memo.get(met)
    if allowed is None:
        allowed = sum(1 << i for i, need in enumerate(needs) if met & need == need)
        _allowed_memo[met] = allowed
    return allowed


def _patterns_allowed(prose: str, spans: list[tuple[int, int]]) -> list[int]:
    """For each span, the patterns whose clues all occur inside it (a bit set)."""
    clues, needs = _clues()
    return [_allowed(met, needs) if met else 0 for met in clues.in_spans(prose, spans)]


def find_figures(prose: str, start: int = 0, end: int | None = None) -> list[Figure]:
    """Figures in ``prose[start:end]``, in order, offsets into ``prose``."""
    end = len(prose) if end is None else end
    return find_figures_in(prose, [(start, end)]).get(0, [])


def find_figures_in(prose: str, spans: list[tuple[int, int]]) -> dict[int, list[Figure]]:
    """The figures of each span of ``prose`` (sentences), by the span's index; spans without any left out.

    What :func:`find_figures` finds in each span, in one pass over the text: an automaton finds each
    pattern's clues, and a span is tried only with the patterns whose clues it holds. Trying the
    patterns one by one, each from where the previous match ended, and taking the leftmost match
    (the first pattern in list order on a tie) finds exactly what the patterns' alternation finds.
    """
    allowed = _patterns_allowed(prose, spans)
    out = {}
    for i, patterns in enumerate(allowed):
        if patterns:
            found = _find_with(prose, spans[i][0], spans[i][1], patterns)
            if found:
                out[i] = found
    return out


def _find_with(prose: str, start: int, end: int, patterns: int) -> list[Figure]:
    """The figures in ``prose[start:end]`` when only ``patterns`` (a bit set of PATTERNS) can match."""
    tried = [i for i in range(len(PATTERNS)) if patterns >> i & 1]
    upcoming = {i: _BRANCHES[i].search(prose, start, end) for i in tried}
    out = []
    at = start
    while True:
        best, which = None, -1
        for i in tried:
            m = upcoming[i]
            if m is not None and m.start() < at:
                m = upcoming[i] = _BRANCHES[i].search(prose, at, end)
            if m is not None and (best is None or m.start() < best.start()):
                best, which = m, i
        if best is None:
            return out
        at = best.end()
        if _kept(prose, best, _NAMES[which]):
            out.append(Figure(best.start(), best.end(), _NAMES[which]))


def _kept(prose: str, m, what: str) -> bool:
    """A goal ("the 2% target"), a price tag ("a new $200,000 model"), "100%" as an intensifier: not figures."""
    if (_TARGET_BEFORE.search(prose, max(0, m.start() - 60), m.start()) or _TARGET_AFTER.match(prose, m.end())
            or _TARGET_CLAUSE.search(prose, max(0, m.start() - 100), m.start())):
        return False
    if what == "an amount" and _UNSCALED_PRICE.fullmatch(m.group()) and _PRICE_TAG_AFTER.match(prose, m.end()) \
            and _PRICE_TAG_BEFORE.search(prose, max(0, m.start() - 30), m.start()):
        return False
    return not (what == "a percentage" and _INTENSIFIER.match(prose, m.start()))


def _find_all(prose: str, start: int = 0, end: int | None = None) -> list[Figure]:
    """The plain scan: every pattern, as one alternation, over the whole span (the tests' reference)."""
    return [Figure(m.start(), m.end(), _NAMES[int(m.lastgroup[1:])])
            for m in FIGURE.finditer(prose, start, len(prose) if end is None else end)
            if _kept(prose, m, _NAMES[int(m.lastgroup[1:])])]


def prepare() -> None:
    """Compile the patterns now (before ``--jobs`` workers fork: they inherit them)."""
    compile_all(globals(), skip=(FIGURE,))  # FIGURE: the tests' reference only
