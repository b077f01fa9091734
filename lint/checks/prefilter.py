"""One pass over the words: where a phrase-list or pattern rule can match at all.

Each pattern rule hands the entries of its list to :class:`PhraseIndex`, which
derives from every entry the literal text its matches must start with (its
*prefixes*: ``"in order to"`` starts with ``"in order to"``; ``play(?:s|ed)? an?
(?:pivotal|crucial) role`` starts with ``"play"``). All prefixes of all rules go
into one Aho–Corasick automaton (``pyahocorasick``), run once per document over
the lower-cased prose with runs of white space squeezed to one space. A rule
then tries its compiled pattern only at the offsets where one of its prefixes
starts (``pattern.match`` at each, left to right, skipping offsets inside the
previous match), which finds exactly what ``pattern.finditer`` over the whole
text finds: every match starts at such an offset, and the pattern itself still
decides (look-behinds see the text before the offset, look-aheads the text after).

A node that would multiply an entry's prefixes past ``MAX_PREFIXES`` ("there is a growing " times
thirteen nouns) ends them before it: shorter prefixes find the same places and keep the automaton
small (2,800 prefixes for the shipped rules instead of 8,700; it builds in 3 ms, not 13). White space
is squeezed by recording only runs of two or more characters and replacing the rest, not by a
substitution at every gap (the scan of the 90 OneStopEnglish texts: 0.05 s -> 0.03 s).

When no safe prefix can be derived (an entry that may start with any letter, a
construct only the ``regex`` module knows, a prefix shorter than two
characters), the rule scans the whole text as before. A document whose
lower-casing is not a one-to-one case fold (``ß``, ``ſ``, ``İ``...) is scanned
in full by every rule.

``COPYDESK_PLAIN_SCAN=1`` (or :func:`set_enabled`) turns all of this off, so a
test can compare the two paths on the same code.
"""

from __future__ import annotations

import os
from bisect import bisect_right

import regex

from lint.literals import folds_oddly, literal_automaton

#: Fewer characters than this make a prefix useless as a filter (too many offsets to try).
MIN_PREFIX = 2
#: More alternatives than this and the prefixes of an entry stop growing.
MAX_PREFIXES = 256

_ENABLED = os.environ.get("COPYDESK_PLAIN_SCAN", "") in ("", "0")
_SPACE = regex.compile(r"\s+")
_ONE_SPACE = regex.compile(r"\s")
#: Runs of two or more white-space characters: the only ones squeezing shortens.
_RUN = regex.compile(r"\s{2,}")
#: What ``\s`` matches in the ``regex`` module (Unicode White_Space; tests check the list is exact).
WHITE_SPACE = "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a" \
              "\u2028\u2029\u202f\u205f\u3000"
_OTHER_SPACE = tuple(ch for ch in WHITE_SPACE if ch != " ")


def _spaces_only(text: str) -> str:
    """``text`` with every white-space character made a plain space (str.replace: far cheaper than a
    translation table or a substitution on a whole document)."""
    for ch in _OTHER_SPACE:
        if ch in text:
            text = text.replace(ch, " ")
    return text
# Syntax the standard library's parser would read differently from the regex module (POSIX classes,
# fuzzy matching, branch reset, version flags): no prefix is derived from patterns using it.
_ESCAPE = regex.compile(r"\\[pP]\{[^}]*\}|\\.", regex.S)
_FOREIGN = regex.compile(r"\[:|\{[a-zA-Z]|\(\?[|VrfwbeR&(]|\(\?P>|\(\?\d")


def set_enabled(on: bool) -> None:
    """Turn the prefilter on or off for this process (tests compare both paths)."""
    global _ENABLED
    _ENABLED = on


def enabled() -> bool:
    return _ENABLED


def _strip_lookbehinds(pattern: str) -> str | None:
    """The pattern without its look-behind groups (zero-width: removing them only widens the matches)."""
    out = []
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\":
            out.append(pattern[i:i + 2])
            i += 2
            continue
        if c == "[":
            j = _class_end(pattern, i)
            if j is None:
                return None
            out.append(pattern[i:j])
            i = j
            continue
        if pattern.startswith("(?<=", i) or pattern.startswith("(?<!", i):
            j = _group_end(pattern, i)
            if j is None:
                return None
            i = j
            continue
        out.append(c)
        i += 1
    return "".join(out)


def _class_end(pattern: str, i: int) -> int | None:
    j = i + 1
    if j < len(pattern) and pattern[j] == "^":
        j += 1
    if j < len(pattern) and pattern[j] == "]":
        j += 1
    while j < len(pattern):
        if pattern[j] == "\\":
            j += 2
            continue
        if pattern[j] == "[":
            return None  # nested sets: regex-module syntax
        if pattern[j] == "]":
            return j + 1
        j += 1
    return None


def _group_end(pattern: str, i: int) -> int | None:
    depth, j = 0, i
    while j < len(pattern):
        c = pattern[j]
        if c == "\\":
            j += 2
            continue
        if c == "[":
            k = _class_end(pattern, j)
            if k is None:
                return None
            j = k
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return j + 1
        j += 1
    return None


#: Prefixes derived in earlier runs, by pattern (kept in copydesk's cache store, keyed by the package hash).
_MEMO: dict[str, frozenset[str] | None] | None = None
_MEMO_NEW = [0]
_MEMO_NAMESPACE = "prefixes"


def _memo() -> dict:
    global _MEMO
    if _MEMO is None:
        _MEMO = {}
        try:
            import pickle

            from lint.cache import cache_root, package_hash
            from lint.store import store_for

            raw = store_for(cache_root()).get(_MEMO_NAMESPACE, package_hash())
            loaded = pickle.loads(raw) if raw else {}
            if isinstance(loaded, dict):
                _MEMO = loaded
        except Exception:  # noqa: BLE001 - a damaged memo is only slower
            _MEMO = {}
    return _MEMO


def save_memo() -> None:
    """Keep the prefixes derived in this run for the next (called after the rules are built)."""
    if not _MEMO_NEW[0] or _MEMO is None:
        return
    try:
        import pickle

        from lint.cache import cache_root, package_hash
        from lint.store import store_for

        store_for(cache_root()).put(_MEMO_NAMESPACE, package_hash(), pickle.dumps(_MEMO))
        _MEMO_NEW[0] = 0
    except Exception:  # noqa: BLE001 - an unwritable cache is only slower
        pass


def derived_prefixes(pattern: str) -> frozenset[str] | None:
    """:func:`literal_prefixes`, remembered across runs (deriving them costs about 40 ms a run)."""
    memo = _memo()
    if pattern in memo:
        found = memo[pattern]
        return found if found is None or isinstance(found, frozenset) else literal_prefixes(pattern)
    found = memo[pattern] = literal_prefixes(pattern)
    _MEMO_NEW[0] += 1
    return found


def literal_prefixes(pattern: str) -> frozenset[str] | None:
    """Lower-cased, space-squeezed texts one of which every match of ``pattern`` starts with.

    None when no such set can be derived safely; the caller then scans the whole text.
    """
    # \p{L} and kin are classes (they end a prefix); the standard parser does not know them.
    cleaned = _ESCAPE.sub(lambda m: r"\d" if m.group()[1] in "pP" else m.group(), pattern)
    if _FOREIGN.search(cleaned):
        return None
    cleaned = _strip_lookbehinds(cleaned)
    if cleaned is None:
        return None
    try:
        import warnings

        from re import _parser as sre_parse  # the standard library's regular-expression parser

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            parsed = sre_parse.parse(cleaned)
    except Exception:  # noqa: BLE001 - anything it cannot read is scanned in full
        return None
    states = _walk(list(parsed), {("", False)})
    prefixes = set()
    for text, _done in states:
        if len(text) < MIN_PREFIX or text.startswith(" "):
            return None
        prefixes.add(text)
    return frozenset(prefixes)


def _append(states: set, ch: str) -> set:
    if _ONE_SPACE.fullmatch(ch):
        return {(text, True) if done else (text if text.endswith(" ") else text + " ", False)
                for text, done in states}
    if folds_oddly(ch):
        return _finish(states)
    low = ch.lower()
    return {(text, True) if done else (text + low, False) for text, done in states}


def _finish(states: set) -> set:
    return {(text, True) for text, _ in states}


def _walk(nodes, states: set) -> set:
    for op, av in nodes:
        if all(done for _, done in states):
            return states
        if len(states) > MAX_PREFIXES:
            return _finish(states)
        before = states
        states = _step(op, av, states)
        if len(states) > MAX_PREFIXES and all(len(text) >= MIN_PREFIX and not text.startswith(" ")
                                              for text, _ in before):
            # This node multiplied the prefixes past the limit ("there is a growing " times 13 nouns): end
            # them before it. Fewer, shorter prefixes build the automaton faster and find the same places
            # (a few more offsets to try).
            return _finish(before)
    return states


def _step(op, av, states: set) -> set:
    """The prefixes after one node of the parsed pattern."""
    from re import _constants as c

    if op is c.LITERAL:
        return _append(states, chr(av))
    if op is c.IN:
        chars = _set_chars(av)
        return _finish(states) if chars is None else set().union(*(_append(states, ch) for ch in chars))
    if op is c.SUBPATTERN:
        return _walk(list(av[-1]), states)
    if op is c.BRANCH:
        return set().union(*(_walk(list(alt), states) for alt in av[1]))
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
        lo, hi, sub = av
        sub = list(sub)
        if _is_space(sub) and lo >= 1:
            return _append(states, " ")  # \s+ is one space in the squeezed text
        once = _walk(sub, states) if lo >= 1 or hi != 0 else states
        if lo == 0:
            return states | (once if hi == 1 else _finish(once))
        return once if hi == 1 else _finish(once)
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return states  # zero width
    if op is getattr(c, "ATOMIC_GROUP", None):
        return _walk(list(av), states)
    return _finish(states)


def _is_space(sub) -> bool:
    from re import _constants as c

    if len(sub) != 1:
        return False
    op, av = sub[0]
    if op is c.LITERAL:
        return bool(_ONE_SPACE.fullmatch(chr(av)))
    if op is c.IN:
        return av == [(c.CATEGORY, c.CATEGORY_SPACE)] or _set_chars(av) == [" "]
    return False


def _set_chars(items) -> list[str] | None:
    """The characters of a small character set, or None (negated, a category, a wide range)."""
    from re import _constants as c

    chars: list[str] = []
    for op, av in items:
        if op is c.LITERAL:
            chars.append(chr(av))
        elif op is c.RANGE and av[1] - av[0] < 12:
            chars.extend(chr(x) for x in range(av[0], av[1] + 1))
        elif op is c.CATEGORY and av is c.CATEGORY_SPACE:
            chars.append(" ")
        else:
            return None
    low = {ch if _ONE_SPACE.fullmatch(ch) else ch.lower() for ch in chars}
    if any(not _ONE_SPACE.fullmatch(ch) and folds_oddly(ch) for ch in chars):
        return None
    return sorted(low)


class PhraseIndex:
    """The prefixes of every registered pattern list, in one automaton built on first use."""

    def __init__(self) -> None:
        self._slots: list[frozenset[str] | None] = []
        self._automaton = None
        self._owners: dict[str, list[int]] = {}

    def register(self, patterns: list[str] = (), literals: list[str] = ()) -> int:
        """Register one alternation: ``patterns`` (regular expressions) and ``literals`` (phrases, as
        :func:`lint.checks.existence.phrase_pattern` turns them into patterns); returns its slot.
        A list without safe prefixes gets a slot whose candidates are always None (scan everything)."""
        prefixes: set[str] | None = set()
        for phrase in literals:
            text = " ".join(phrase.lower().split())
            if len(text) < MIN_PREFIX or any(folds_oddly(ch) for ch in text) or len(text) != len(" ".join(phrase.split())):
                prefixes = None
                break
            prefixes.add(text)
        for entry in patterns if prefixes is not None else ():
            found = derived_prefixes(entry)
            if found is None:
                prefixes = None
                break
            prefixes |= found
        self._slots.append(frozenset(prefixes) if prefixes is not None else None)
        self._automaton = None
        return len(self._slots) - 1

    def prepare(self) -> None:
        if self._automaton is None:
            self._build()

    def has_prefixes(self, slot: int) -> bool:
        return self._slots[slot] is not None

    def _build(self):
        owners: dict[str, list[int]] = {}
        for slot, prefixes in enumerate(self._slots):
            for p in prefixes or ():
                owners.setdefault(p, []).append(slot)
        automaton = literal_automaton((p, p) for p in owners)  # None without prefixes: _scan never asks it
        self._owners = owners
        self._automaton = automaton
        return automaton

    def candidates(self, doc, slot: int) -> list[int] | None:
        """Sorted offsets in ``doc.prose`` where a match of the slot's list may start; None: scan all."""
        if not _ENABLED or self._slots[slot] is None:
            return None
        per_doc = doc.__dict__.setdefault("_phrase_hits", {})
        key = id(self)
        if key not in per_doc:
            per_doc[key] = self._scan(doc.prose)
        hits = per_doc[key]
        if hits is None:
            return None
        return hits.get(slot, [])

    def _scan(self, prose: str) -> dict[int, list[int]] | None:
        lowered = prose.lower()
        if len(lowered) != len(prose) or not prose.isascii() and any(ord(ch) > 127 and folds_oddly(ch) for ch in set(prose)):
            return None
        automaton = self._automaton if self._automaton is not None else self._build()
        if not self._owners:
            return {}
        # Squeeze white space, remembering where each squeezed offset came from. Only runs of two or more
        # characters shift offsets (one character becomes one space), so only those are recorded; a lone
        # newline or tab becomes a space by replacement, much cheaper than a substitution per gap.
        runs_at, shift_after, pieces = [], [], []
        shift = last = 0
        for m in _RUN.finditer(lowered):
            s, e = m.span()
            runs_at.append(s - shift)
            shift += e - s - 1
            shift_after.append(shift)
            pieces.append(lowered[last:s])
            last = e
        if pieces:
            pieces.append(lowered[last:])
            squeezed = _spaces_only(" ".join(pieces))
        else:
            squeezed = _spaces_only(lowered)
        hits: dict[int, list[int]] = {}
        owners = self._owners
        for end, prefix in automaton.iter(squeezed):
            start = end - len(prefix) + 1
            i = bisect_right(runs_at, start - 1) - 1  # runs that start before this offset
            original = start + (shift_after[i] if i >= 0 else 0)
            for slot in owners[prefix]:
                hits.setdefault(slot, []).append(original)
        for slot, starts in hits.items():
            hits[slot] = sorted(set(starts))
        return hits


def find_all(pattern, text: str, starts: list[int] | None, timeout: float):
    """The matches of ``pattern.finditer(text)``, trying only ``starts`` when given."""
    if starts is None:
        return list(pattern.finditer(text, timeout=timeout))
    found = []
    last = -1
    for p in starts:
        if p < last:
            continue
        m = pattern.match(text, p, timeout=timeout)
        if m is not None and m.end() > m.start():
            found.append(m)
            last = m.end()
    return found


#: Inline flags that apply to a whole pattern (``(?i)``), and references to numbered or named groups:
#: entries using them cannot be matched one by one as they would be inside one alternation.
_GLOBAL_FLAGS_OR_BACKREF = regex.compile(r"\(\?[a-zA-Z]+\)|\\[1-9]|\\g<|\(\?P=|\(\?P>|\(\?&|\(\?R|\(\?\d")
_GUARD_BEFORE = r"(?<![\p{L}\p{N}_])"
_GUARD_AFTER = r"(?![\p{L}\p{N}_])"


class PatternList:
    """A rule's list of patterns, matched as one alternation would match them, compiled lazily entry by entry.

    Each entry is its own slot in the :class:`PhraseIndex`. At an offset where some entries' prefixes
    start, those entries are tried in list order with ``match`` and the first that matches wins, as
    the first matching branch of the alternation would; an entry is compiled the first time one of its
    prefixes occurs in a document, so a draft costs the compiles of what it may contain, not of the
    whole list. When an entry has no safe prefix (or uses whole-pattern flags or back-references), the
    whole alternation is compiled and scanned over the text, as before.

    Shipped rules are checked by the test suite; ``validate`` compiles every entry up front, which the
    checks do for rules a user wrote or changed, so a malformed pattern is still a config error at load.
    """

    def __init__(self, rule, patterns: list[str], literals: list[str], flags: int, whole_word: bool, key: str,
                 phrases: PhraseIndex) -> None:
        from lint.checks.existence import phrase_pattern

        self.rule, self.flags, self.whole_word, self.key = rule, flags, whole_word, key
        self.entries = list(patterns) + [phrase_pattern(w) for w in literals]
        self.phrases = phrases
        self._full = None
        self._compiled: dict[int, object] = {}
        one_by_one = not any(_GLOBAL_FLAGS_OR_BACKREF.search(p) for p in patterns)
        self.slots: list[int] | None = None
        if one_by_one:
            slots = [phrases.register(patterns=[p]) for p in patterns]
            slots += [phrases.register(literals=[w]) for w in literals]
            if all(phrases.has_prefixes(s) for s in slots):
                self.slots = slots

    def _wrap(self, body: str) -> str:
        return f"{_GUARD_BEFORE}(?:{body}){_GUARD_AFTER}" if self.whole_word else body

    def full(self):
        """The whole list as one pattern; entry ``i`` is the group ``e{i}``."""
        if self._full is None:
            from lint.checks.base import compile_pattern

            body = "|".join(f"(?P<e{i}>{p})" for i, p in enumerate(self.entries))
            try:
                self._full = regex.compile(self._wrap(body), self.flags | regex.V0)
            except regex.error:
                for i in range(len(self.entries)):  # name the bad entry, not the combination
                    self.entry(i)
                self._full = compile_pattern(self.rule, self._wrap(body), self.key, self.flags)
        return self._full

    def entry(self, i: int):
        pattern = self._compiled.get(i)
        if pattern is None:
            from lint.checks.base import compile_pattern

            try:
                pattern = regex.compile(self._wrap(self.entries[i]), self.flags | regex.V0)
            except regex.error:
                compile_pattern(self.rule, self.entries[i], self.key, self.flags)  # the entry as written
                pattern = compile_pattern(self.rule, self._wrap(self.entries[i]), self.key, self.flags)
            self._compiled[i] = pattern
        return pattern

    def validate(self) -> None:
        """Compile every entry now (a malformed one raises the rule's config error naming it)."""
        for i in range(len(self.entries)):
            self.entry(i)
        if self.slots is None:
            self.full()

    def prepare(self) -> None:
        """Compile every entry and the phrase automaton now (the engine calls this before forking workers,
        which then share them instead of each compiling what its drafts need)."""
        self.validate()
        self.phrases.prepare()

    def matches(self, doc, text: str) -> list[tuple[object, int]]:
        """(match, entry index) for every match in ``text`` (the document's prose), in order."""
        from lint.checks.base import regex_timeout

        starts = None
        if self.slots is not None and _ENABLED:
            starts = [self.phrases.candidates(doc, s) for s in self.slots]
            if any(s is None for s in starts):
                starts = None
        if starts is None:
            found = []
            for m in list(self.full().finditer(text, timeout=regex_timeout())):  # see REGEX_TIMEOUT
                index = next((int(name[1:]) for name, value in m.groupdict().items()
                              if value is not None and name[:1] == "e" and name[1:].isdigit()), None)
                found.append((m, index))
            return found
        at: dict[int, list[int]] = {}
        for i, positions in enumerate(starts):
            for p in positions:
                at.setdefault(p, []).append(i)
        found = []
        last = -1
        for p in sorted(at):
            if p < last:
                continue
            for i in at[p]:  # in list order: the alternation's first matching branch
                m = self.entry(i).match(text, p, timeout=regex_timeout())
                if m is not None and m.end() > m.start():
                    found.append((m, i))
                    last = m.end()
                    break
        return found
