"""Recognising statements of facts in a draft's prose.

Each fact compiles to one regular expression:

* an office: a title before a name ("German Chancellor Olaf Scholz", "NATO chief
  Stoltenberg"), or a full name with an appositive title ("Olaf Scholz, the
  German chancellor"). Titles match in any case, names only as written, and a
  name followed by another capitalised word is part of a longer name ("King
  Charles Street", "Queen Elizabeth Hospital") and is left alone;
* a count: a number beside the body's name and a noun ("NATO's 31 members",
  "the 27-nation EU", "20 euro area countries"), in digits or words;
* a value: the record's own patterns (the ``regex`` module's syntax, case
  insensitive); a group named ``at`` narrows the reported span.

A record's ``context`` patterns must all occur in the same sentence, so a
pattern can stay short ("2% of GDP") and still only fire on NATO's guideline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import regex

from lint.checks.base import REGEX_TIMEOUT
from lint.errors import ConfigError
from lint.facts.model import Fact

_EDGE_BEFORE = r"(?<![\p{L}\p{N}_])"
_EDGE_AFTER = r"(?![\p{L}\p{N}_])"
_WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
#: After a name: not a regnal number or suffix ("Leo XIII", "Trump Jr."), not a date ("May 5"), not part
#: of a longer proper name ("Queen Elizabeth Hospital") — a weekday may follow ("Scholz Tuesday").
_NAME_END = (_EDGE_AFTER + r"(?!\s+(?:[IVXLC]+|Jr|Sr)\b)(?!\s+\d)"
             rf"(?!\s+(?!(?:{_WEEKDAYS})\b)\p{{Lu}}\p{{Ll}})")
#: "Vice President", "Deputy Prime Minister": a different office whose title ends in another's.
_NOT_SUBORDINATE = r"(?<!(?i:vice|deputy|assistant|under|junior|shadow)[\s-])"
#: Words between a name and its appositive title: "Olaf Scholz, the former German chancellor".
APPOSITIVE_QUALIFIERS = ("then", "former", "ex", "late", "outgoing", "incoming", "future", "acting", "caretaker",
                         "interim")
_APPOSITIVE_QUALIFIERS = rf"(?:(?P<aq>{'|'.join(APPOSITIVE_QUALIFIERS)})[\s-]+)?"

_UNITS = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
          "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def number_words(n: int) -> str | None:
    if n < 20:
        return _UNITS[n] or None
    if n < 100:
        return _TENS[n // 10] + (f"[\\s-]{_UNITS[n % 10]}" if n % 10 else "")
    return None


def literal(phrase: str) -> str:
    """A literal phrase as a pattern: any white space matches any white space, either apostrophe."""
    parts = ["['’]".join(regex.escape(q) for q in re.split("['’]", p)) for p in phrase.split()]
    return r"\s+".join(parts)


def _alternation(phrases) -> str:
    return "|".join(literal(p) for p in sorted(phrases, key=len, reverse=True))


def office_pattern(fact: Fact) -> str:
    from lint.facts.lexicon import bare_titles, title_prefixes

    titles = _alternation(fact.titles)
    prefixes = title_prefixes(fact.topic.split(".")[0])
    bare = bare_titles(fact.titles, prefixes)
    # "Dutch Prime Minister", "the Netherlands' Prime Minister": the code's prefixes before a bare title,
    # as one optional group (not every prefix times every title: patterns stay small and compile fast).
    prefixed = (rf"(?:{_alternation(prefixes)})\s+(?:{_alternation(bare)})|" if prefixes and bare else "")
    names = _alternation(fact.names)
    full_names = _alternation(_full_names(fact))
    title_first = (rf"{_EDGE_BEFORE}{_NOT_SUBORDINATE}(?P<title>(?i:{prefixed}{titles}))\s+(?P<name>{names})"
                   rf"{_NAME_END}")
    appositive = (rf"{_EDGE_BEFORE}(?P<name2>{full_names}),\s+(?i:the\s+)?(?i:{_APPOSITIVE_QUALIFIERS})"
                  rf"(?P<title2>(?i:{prefixed}{titles})){_EDGE_AFTER}(?!\s+(?i:of|for)\b)")
    return f"{title_first}|{appositive}"


def count_pattern(fact: Fact) -> str:
    n = fact.count
    digits = rf"(?<![\d.,]){n}(?![\d]|[.,]\d)"
    words = number_words(n)
    number = f"(?:{digits}|{words})" if words else digits
    body = _alternation(fact.body)
    nouns = _alternation(fact.nouns)
    forms = [
        rf"(?:the\s+)?(?:{body})['’]s\s+(?:current\s+|present\s+)?{number}\s+(?:{nouns})",
        rf"{number}\s+(?:{body})\s+(?:{nouns})",
        rf"{number}[\s-](?:member|nation|country|state|strong)\s+(?:{body})",
        rf"{number}\s+(?:{nouns})\s+of\s+(?:the\s+)?(?:{body})",
        rf"(?:{body}),?\s+(?:which\s+|that\s+)?(?:now\s+)?(?:has|comprises|counts|numbers|includes)\s+"
        rf"{number}\s+(?:{nouns})",
    ]
    return "|".join(f"(?:{_EDGE_BEFORE}{f}{_EDGE_AFTER})" for f in forms)


def compile_fact(fact: Fact):
    """The fact's recogniser; a malformed pattern is an error naming the file, line and pattern."""
    return _compiled(fact)[0]


@lru_cache(maxsize=None)
def _compiled(fact: Fact):
    try:
        return _compile_unchecked(fact)
    except regex.error:
        # Name the malformed pattern (compiling each one costs time, so only when something is wrong).
        _checked(fact, fact.patterns, "patterns")
        _checked(fact, fact.context, "context")
        raise fact.error("malformed recogniser", "patterns") from None


def _compile_unchecked(fact: Fact):
    if fact.kind == "office":
        body = office_pattern(fact)
    elif fact.kind == "count":
        body = count_pattern(fact)
        if fact.patterns:
            body = "|".join([body, *(f"(?:{p})" for p in fact.patterns)])
    else:
        if not fact.patterns:
            return None, ()
        body = "|".join(f"(?:{p})" for p in fact.patterns)
    context = tuple(_context_pattern(p) for p in fact.context)
    flags = regex.V0 | (regex.I if fact.kind != "office" else 0)
    return regex.compile(body, flags), context


def _checked(fact: Fact, patterns, key: str):
    for p in patterns:
        try:
            regex.compile(p, regex.V0 | regex.I)
        except regex.error as exc:
            raise fact.error(f"malformed pattern {p!r}: {exc}", key) from None
    return patterns


@dataclass(frozen=True)
class Mention:
    """Where a draft states a fact."""

    fact: Fact
    start: int
    end: int
    #: For offices: the title as written, and a qualifier inside the match ("Scholz, the former chancellor").
    title: str = ""
    qualifier: str = ""
    #: How it was recognised: "" (the record's own recogniser), "frame" (a target or shortfall frame) or
    #: "rate" (the policy-rate frame; ``alternatives`` are every record of the bank with the rate stated)
    #: or "rate-bound" (a bound on the rate, "above 5%": ``alternatives`` are the records it is true of).
    via: str = ""
    alternatives: tuple = ()


def triggers(fact: Fact) -> tuple[str, ...]:
    """Cheap substrings of which at least one must occur before the pattern is worth compiling and running.

    Names for an office (as written); the body's words for a count, in lower case ("nato", "euro").
    """
    if fact.kind == "office":
        return tuple({_WORDS.findall(n)[-1] for n in fact.names if _WORDS.findall(n)})
    if fact.kind == "count":
        return tuple({_WORDS.findall(b.lower())[-1] for b in fact.body if _WORDS.findall(b)})
    return ()


_WORDS = re.compile(r"\w+")


def _full_names(fact: Fact) -> list[str]:
    """The names an appositive title may follow ("Olaf Scholz, the German chancellor"): the full ones."""
    return [n for n in fact.names if " " in n] or list(fact.names)


class Scanner:
    """Finds mentions of a set of facts; a look at the draft's words decides which recognisers are worth running.

    The gates (:mod:`lint.facts.triggers`) only skip a recogniser that cannot match; with
    :func:`lint.checks.prefilter.set_enabled` off, every recogniser runs over the whole draft.
    A scanner holds plain data only (facts are referred to by their position in the base), so
    the loader can keep a built and :meth:`warm` one in the cache store with the base.
    """

    def __init__(self, facts) -> None:
        from lint.facts.frames import rate_topic

        self.facts = list(facts)
        self._framed = [f for f in self.facts if f.frame]
        #: bank code → its rate records (topics ending in policy-rate, deposit-rate, bank-rate)
        self._rates: dict[str, list[Fact]] = {}
        for f in self.facts:
            code = rate_topic(f.topic)
            if code and f.rate is not None:
                self._rates.setdefault(code, []).append(f)

        # Index once: the trigger words (a surname as written, a body's word in lower case) → positions.
        self._by_name: dict[str, list[int]] = {}
        self._by_body: dict[str, list[int]] = {}
        for i, f in enumerate(self.facts):
            index = self._by_name if f.kind == "office" else self._by_body if f.kind == "count" else None
            if index is not None:
                for word in sorted(triggers(f)):
                    index.setdefault(word, []).append(i)
        self._by_lowered_name: dict[str, list[str]] = {}
        for word in self._by_name:
            self._by_lowered_name.setdefault(word.lower(), []).append(word)
        patterned = [i for i, f in enumerate(self.facts) if f.kind == "value" and f.patterns]
        self._patterned = [self.facts[i] for i in patterned]
        #: contexts → positions of the records sharing them (34 presidencies share one)
        self._by_context: dict[tuple[str, ...], list[int]] = {}
        for i in patterned:
            self._by_context.setdefault(self.facts[i].context, []).append(i)
        #: Without the gates: every recogniser, in the order the gates yield them.
        self._recognised = [f for f in self.facts if f.kind in ("office", "count")] + self._patterned
        #: Gate data by position, derived on first need (:meth:`warm` derives all of it).
        self._gates: dict[int, tuple] = {}
        #: Literals derived from patterns (contexts, frames), by pattern or key.
        self._derived: dict = {}

    def warm(self) -> Scanner:
        """Derive the costly gates now (before the scanner is kept in the cache store): the literals of
        patterns, which take the standard library's regular-expression parser. The others cost less
        to derive for the few candidates of a draft than to load for every fact."""
        for positions in self._by_context.values():
            for i in positions:
                self._gate(i)
        for context in self._by_context:
            for c in context:
                self._context_literal(c)
        for fact in self._framed:
            self._frame_gate(fact)
        for i, fact in enumerate(self.facts):
            if fact.kind == "count":
                self._gate(i)
        return self

    def prepare(self) -> Scanner:
        """Derive the gates and build the automaton now (before --jobs workers fork, so they share them)."""
        self._literals()
        return self

    def __getstate__(self):
        state = dict(self.__dict__)
        state.pop("_automaton", None)  # rebuilt on first use (under a millisecond)
        return state

    def _literals(self):
        """The automaton of every literal the gates look for in lower case, and the set of them."""
        automaton = getattr(self, "_automaton", None)
        if automaton is None:
            from lint.facts.triggers import PERCENT_SIGNS, RATE_WORDS
            from lint.literals import literal_automaton

            self.warm()
            vocabulary = {*PERCENT_SIGNS, *RATE_WORDS}
            for code in self._rates:
                for _pieces, lowered in _bank_pieces(code):
                    vocabulary.update(lowered)
            for value in self._derived.values():
                for literals in value if isinstance(value, tuple) and value and not isinstance(value[0], str) \
                        else (value,):
                    vocabulary.update(literals or ())
            for i, gate in self._gates.items():
                kind = self.facts[i].kind
                if kind == "count":
                    vocabulary.update(gate[1])
                elif kind == "value":
                    vocabulary.update(gate[0] or ())
            # Short literals and common words would make most of the automaton's hits: a plain search for
            # them stops at the first occurrence instead.
            from lint.words import STOP_WORDS

            vocabulary = {v for v in vocabulary if len(v) >= 3 and v not in STOP_WORDS}
            automaton = self._automaton = (literal_automaton((v, v) for v in sorted(vocabulary)),
                                           frozenset(vocabulary))
        return automaton

    def _gate(self, i: int) -> tuple:
        """What fact ``i`` needs in a draft (see lint/facts/triggers.py), derived once."""
        gate = self._gates.get(i)
        if gate is None:
            from lint.facts import triggers as t

            f = self.facts[i]
            if f.kind == "office":
                from lint.facts.lexicon import title_prefixes

                prefixes = title_prefixes(f.topic.split(".")[0])
                gate = (t.phrase_words(f.titles),
                        t.OfficeShape(f.titles, prefixes, f.names, _full_names(f), APPOSITIVE_QUALIFIERS))
            elif f.kind == "count":
                gate = (t.phrase_words(f.body), t.count_number_literals(f.count))
            else:
                gate = (t.patterns_literals(f.patterns),)
            self._gates[i] = gate
        return gate

    def _context_literal(self, source: str) -> tuple[str, ...] | None:
        if source not in self._derived:
            from lint.facts.triggers import pattern_literals

            self._derived[source] = pattern_literals(source)
        return self._derived[source]

    def _candidates(self, clues):
        """The facts whose recognisers may match, in the base's order (so verdicts come out in a stable order)."""
        chosen: set[int] = set()
        if clues.exact_fold:
            # a surname in lower case among the words, then as written in the text
            names = {w for low in clues.lowered_words & self._by_lowered_name.keys()
                     for w in self._by_lowered_name[low] if w in clues.prose}
        else:
            names = clues.words & self._by_name.keys()
        for word in names:
            for i in self._by_name[word]:
                # an office also needs every word of one of its titles ("prime" and "minister"), and a
                # title's end before a name's start ("Minister Ol…") or a full name and a comma
                title_words, shape = self._gate(i)
                if i not in chosen and clues.has_all_words_of_one(title_words) and shape.occurs(clues):
                    chosen.add(i)
        bodies = clues.lowered_words if clues.exact_fold else self._by_body.keys()
        for word in bodies & self._by_body.keys():
            for i in self._by_body[word]:
                # a count also needs every word of one name of the body, and its number: "31" or
                # "thirty" (unless it has patterns of its own)
                body_words, numbers = self._gate(i)
                if self.facts[i].patterns or (clues.has_all_words_of_one(body_words) and clues.has_any(numbers)):
                    chosen.add(i)
        for i in sorted(chosen):
            yield self.facts[i]
        # the cheap tests first, once for all records sharing the same contexts (34 presidencies):
        # a literal of every context, then a literal of one of the record's patterns, then the contexts
        found: dict[str, bool] = {}
        patterned = []
        for context, positions in self._by_context.items():
            if not all(self._context_literal_in(c, clues, found) for c in context):
                continue
            for i in positions:
                (literals,) = self._gate(i)
                if literals is not None and not clues.has_any(literals):
                    continue
                if all(_context_in(c, clues, found) for c in context):
                    patterned.append(i)
        for i in sorted(patterned):
            yield self.facts[i]

    def _context_literal_in(self, source: str, clues, found: dict) -> bool:
        """One of the literals a context pattern's matches start with occurs in the draft (or none can be derived)."""
        key = ("literal", source)
        if key not in found:
            literals = self._context_literal(source)
            found[key] = literals is None or clues.has_any(literals)
        return found[key]

    def mentions(self, prose: str) -> list[Mention]:
        from lint.facts.triggers import Clues, enabled

        clues = Clues(prose, *self._literals()) if enabled() else None
        out: list[Mention] = []
        for fact in self._candidates(clues) if clues is not None else self._recognised:
            pattern, _ = _compiled(fact)
            if pattern is None:
                continue
            try:
                matches = list(pattern.finditer(prose, timeout=REGEX_TIMEOUT))
            except TimeoutError:
                raise ConfigError(f"fact {fact.id}: its pattern took too long on this draft", fact.path,
                                  fact.line, "patterns") from None
            for m in matches:
                start, end = m.span("at") if "at" in m.re.groupindex and m.group("at") else m.span()
                if start == end:
                    continue
                groups = m.groupdict()
                title = groups.get("title") or groups.get("title2") or ""
                out.append(Mention(fact, start, end, title=title, qualifier=(groups.get("aq") or "").lower()))
        out.extend(self._frame_mentions(prose, clues))
        if self._rates and (clues is None or self._rates_possible(clues)):
            out.extend(self._rate_mentions(prose))
        return out

    def _frame_mentions(self, prose: str, clues):
        from lint.facts import frames

        if clues is not None and not clues.percent_sign():
            return
        present: dict[float, bool] = {}  # percentage → whether the draft states it (records share them)
        for fact in self._framed:
            if clues is not None:
                if not self._frame_may_count(fact, clues):
                    continue
                if fact.percent not in present:
                    present[fact.percent] = frames.present(fact, prose)
                if not present[fact.percent]:
                    continue
            for m in frames.compiled(fact).finditer(prose, timeout=REGEX_TIMEOUT):
                start, end = m.span("at") if m.group("at") else m.span()
                yield Mention(fact, start, end, via="frame")

    def _frame_may_count(self, fact: Fact, clues) -> bool:
        """Whether the draft holds what a frame mention of ``fact`` needs to be kept: for a target, the body's
        name (``who``) or a member word and a defence word (frames.confirm); for a shortfall, a literal its
        pattern starts with (the country's name)."""
        def any_of(literals) -> bool:
            return literals is None or clues.has_any(literals)

        gate = self._frame_gate(fact)
        if fact.frame == "target":
            who, members, defence = gate
            return any_of(who) or (any_of(members) and any_of(defence))
        return any_of(gate[0])

    def _frame_gate(self, fact: Fact) -> tuple:
        key = ("frame", fact.id, fact.frame, fact.percent, fact.who)
        gate = self._derived.get(key)
        if gate is None:
            from lint.facts import frames
            from lint.facts.triggers import pattern_literals

            if fact.frame == "target":
                gate = (pattern_literals(frames.who_pattern(fact)), pattern_literals(frames.MEMBERS_PATTERN),
                        pattern_literals(frames.DEFENCE_PATTERN))
            else:
                gate = (pattern_literals(frames.shortfall_pattern(fact)),)
            self._derived[key] = gate
        return gate

    def _rates_possible(self, clues) -> bool:
        """A rate noun, a percent sign and a bank's name: else no rate statement can count (see _nearest_bank)."""
        from lint.facts.triggers import RATE_WORDS

        if not (clues.has_any(RATE_WORDS) and clues.percent_sign()):
            return False
        # each piece in lower case first (one look in the automaton's findings), then as written
        return any(clues.has_all(lowered) and all(p in clues.prose for p in pieces)
                   for code in self._rates for pieces, lowered in _bank_pieces(code))

    def _rate_mentions(self, prose: str):
        from lint.facts import frames

        statements = [*frames.RATE_STATEMENT.finditer(prose, timeout=REGEX_TIMEOUT),
                      *frames.RATE_WITH.finditer(prose, timeout=REGEX_TIMEOUT)]
        for m in statements:
            code = _nearest_bank(prose, m.start(), m.end(), self._rates)
            if code is None:
                continue
            values, bound = frames.rate_values(m), frames.rate_bound(m)
            matching = tuple(f for f in self._rates[code] if frames.rate_matches(f, values, bound))
            if matching:
                start, end = m.span("at")
                yield Mention(matching[0], start, end, via="rate-bound" if bound else "rate", alternatives=matching)


@lru_cache(maxsize=None)
def _context_pattern(source: str):
    return regex.compile(source, regex.I | regex.V0)


@lru_cache(maxsize=None)
def _bank_pieces(code: str) -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    """Each name of the bank as its words as written, and in lower case."""
    from lint.facts.frames import bank_name_pieces

    return tuple((pieces, tuple(p.lower() for p in pieces)) for pieces in bank_name_pieces(code))


def _context_in(source: str, clues, found: dict[str, bool]) -> bool:
    """Whether a context pattern occurs in the draft, searched once per draft."""
    if source not in found:
        found[source] = bool(_context_pattern(source).search(clues.prose))
    return found[source]


def _nearest_bank(prose: str, start: int, end: int, codes) -> str | None:
    """The central bank named closest to a rate statement in its paragraph (before it, else just after)."""
    from lint.facts.frames import bank_names

    para_start = prose.rfind("\n\n", 0, start) + 1
    para_end = prose.find("\n\n", end)
    before = prose[max(para_start, start - 300):end]  # the statement itself may name it ("federal funds rate")
    after = prose[end:min(end + 150, para_end if para_end >= 0 else len(prose))]
    best, best_distance = None, None
    for code in codes:
        names = bank_names(code)
        if names is None:
            continue
        hits = list(names.finditer(before))
        if hits:
            distance = len(before) - hits[-1].end()
        else:
            hit = names.search(after)
            if hit is None:
                continue
            distance = 1000 + hit.start()
        if best_distance is None or distance < best_distance:
            best, best_distance = code, distance
    return best


def find_mentions(prose: str, facts) -> list[Mention]:
    return Scanner(facts).mentions(prose)


def context_holds(fact: Fact, sentence: str) -> bool:
    _, context = _compiled(fact)
    return all(c.search(sentence) for c in context)
