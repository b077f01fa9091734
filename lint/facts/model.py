"""The fact record: one statement that is true for a window of time, with its source.

A fact is either an *office* (a person holding a post, recognised by title and
name: "Chancellor Olaf Scholz"), a *count* (how many members a body has,
recognised by number and body: "NATO's 31 members"), or a *value* (anything
else, recognised by its own regular expressions: "at least 2% of GDP").

Facts that follow one another share a ``topic`` (``de.chancellor``); within a
topic the windows must not overlap, so "who or what held at date D" has one
answer. A window is ``[from, until)``: ``from`` is the first day the fact held,
``until`` the first day it no longer did (the day its successor took over), or
absent while it still holds.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from lint.errors import ConfigError

KINDS = ("office", "count", "value")
#: How an office term ended; after a death, only present-tense statements are outdated.
ENDINGS = ("term", "death")

REQUIRED = ("id", "topic", "about", "from", "source", "verified")
OPTIONAL = ("kind", "value", "until", "successor", "now", "patterns", "context", "holder", "names",
            "titles", "count", "body", "nouns", "premature", "ended", "note", "sources", "holds_through",
            "rate", "acting", "unverified", "frame", "percent", "who", "against")
#: Frames a value record can fill in (see lint/facts/frames.py): a body's spending target, a country
#: falling short of one.
FRAMES = ("target", "shortfall")
FIELDS = (*REQUIRED, *OPTIONAL)

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]*(?:\.[a-z0-9][a-z0-9_-]*)+$")
URL_PATTERN = re.compile(r"^https?://[^\s/]+\.[^\s]+$")

DEFAULT_NOUNS = ("members", "member states", "member countries", "member nations", "countries", "nations",
                 "states", "allies")


@dataclass(frozen=True)
class Fact:
    id: str
    topic: str
    about: str
    kind: str
    start: dt.date
    end: dt.date | None
    source: str
    #: The day someone checked the record against its source; None when nobody could (see ``unverified``).
    verified: dt.date | None
    value: str = ""
    successor: str | None = None
    now: str | None = None
    patterns: tuple[str, ...] = ()
    context: tuple[str, ...] = ()
    holder: str | None = None
    names: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    count: int | None = None
    body: tuple[str, ...] = ()
    nouns: tuple[str, ...] = ()
    premature: bool = True
    ended: str = "term"
    note: str = ""
    sources: tuple[str, ...] = ()
    #: For an open window: the last day a source confirmed it still held (default: ``verified``).
    holds_through: dt.date | None = None
    #: A central-bank rate in percent: (rate, rate) for a single figure, (low, high) for a target range.
    rate: tuple[float, float] | None = None
    #: An acting (interim) holder of an office.
    acting: bool = False
    #: Why ``verified`` is null: what could not be checked.
    unverified: str = ""
    #: Recognition by frame: its kind, the percentage it is about, and who states or misses it.
    frame: str = ""
    percent: float | None = None
    who: tuple[str, ...] = ()
    #: For a shortfall: the topic of the norm it is measured against (``nato.spending-guideline``); when
    #: that norm has changed too, the message says so.
    against: str = ""
    path: str = ""
    line: int = 0
    #: Line of each key in the file, for errors found after loading (overlaps, successors).
    key_lines: dict = field(default_factory=dict, compare=False, repr=False)

    def holds_on(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)

    @property
    def horizon(self) -> dt.date | None:
        """For an open window, the last day the base knows it held; None for a closed window."""
        if self.end is not None:
            return None
        return self.holds_through or self.verified or self.start

    def unknown_on(self, day: dt.date) -> bool:
        """True if ``day`` lies past what the base knows about this open window."""
        return self.end is None and day > self.horizon

    @property
    def stated(self) -> str:
        """The fact as a sentence: what a draft asserts when it states it as current."""
        if self.value:
            return self.value
        if self.kind == "office":
            return f"{self.holder} is {self.about}"
        if self.kind == "count":
            return f"{self.about}: {self.count}"
        return self.about

    @property
    def window(self) -> str:
        return f"{self.start.isoformat()} – {self.end.isoformat() if self.end else 'open'}"

    def where(self, key: str | None = None) -> tuple[str, int]:
        return self.path, (self.key_lines.get(key) if key else None) or self.line

    def error(self, message: str, key: str | None = None) -> ConfigError:
        path, line = self.where(key)
        return ConfigError(f"fact {self.id}: {message}", path, line, key)


def _date(entry, key: str, path: str, line: int, fact_id: str) -> dt.date:
    value = entry[key]
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ConfigError(f"fact {fact_id}: {key} must be a date (YYYY-MM-DD), not {value!r}", path, line, key)


def _text(entry, key, path, line, fact_id, required=False) -> str:
    value = entry.get(key)
    if value is None:
        if required:
            raise ConfigError(f"fact {fact_id}: needs {key}", path, line, key)
        return ""
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"fact {fact_id}: {key} must be non-empty text", path, line, key)
    return value.strip()


def _texts(entry, key, path, line, fact_id) -> tuple[str, ...]:
    value = entry.get(key)
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(f"fact {fact_id}: {key} must be a list of non-empty strings", path, line, key)
    return tuple(v.strip() for v in value)


def _rate(entry, path, line, fact_id) -> tuple[float, float] | None:
    """``rate: 5.25`` or ``rate: [5.25, 5.5]`` (percent) as (low, high)."""
    value = entry.get("rate")
    if value is None:
        return None

    def number(v):
        return not isinstance(v, bool) and isinstance(v, (int, float)) and -5 <= v <= 100

    if number(value):
        return float(value), float(value)
    if isinstance(value, list) and len(value) == 2 and all(number(v) for v in value) and value[0] <= value[1]:
        return float(value[0]), float(value[1])
    raise ConfigError(f"fact {fact_id}: rate must be a number in percent or [low, high], not {value!r}",
                      path, line, "rate")


def parse_fact(entry, path: str, line: int) -> Fact:
    """One record from a facts file; every error names the file, the line and the key."""
    if not isinstance(entry, dict):
        raise ConfigError("a fact must be a mapping with at least " + ", ".join(REQUIRED), path, line)
    key_lines = dict(getattr(entry, "key_lines", {}))

    def at(key):
        return key_lines.get(key, line)

    fact_id = entry.get("id")
    if not isinstance(fact_id, str) or not ID_PATTERN.match(fact_id):
        raise ConfigError(f"fact id {fact_id!r} must be dotted lower-case, e.g. 'de.chancellor.scholz'",
                          path, at("id"), "id")
    for key in entry:
        if key not in FIELDS:
            import difflib

            close = difflib.get_close_matches(str(key), FIELDS, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else f"; known fields: {', '.join(FIELDS)}"
            raise ConfigError(f"fact {fact_id}: unknown field {key!r}{hint}", path, at(key), str(key))
    for key in REQUIRED:
        if key == "verified" and key in entry and entry[key] is None:
            continue  # allowed with an `unverified:` reason, checked below
        if key not in entry or entry[key] in (None, ""):
            raise ConfigError(f"fact {fact_id}: needs {key}", path, line, key)

    topic = _text(entry, "topic", path, at("topic"), fact_id, required=True)
    if not ID_PATTERN.match(topic) and not re.match(r"^[a-z0-9][a-z0-9_-]*$", topic):
        raise ConfigError(f"fact {fact_id}: topic {topic!r} must be dotted lower-case", path, at("topic"), "topic")
    start = _date(entry, "from", path, at("from"), fact_id)
    end = _date(entry, "until", path, at("until"), fact_id) if entry.get("until") is not None else None
    if end is not None and end <= start:
        raise ConfigError(f"fact {fact_id}: inverted window: until ({end}) must come after from ({start})",
                          path, at("until"), "until")
    unverified = _text(entry, "unverified", path, at("unverified"), fact_id)
    if entry["verified"] is None:
        if not unverified:
            raise ConfigError(f"fact {fact_id}: verified: null needs an `unverified:` reason (what could not be "
                              f"checked, and why)", path, at("verified"), "verified")
        verified = None
    else:
        verified = _date(entry, "verified", path, at("verified"), fact_id)
    rate = _rate(entry, path, at("rate"), fact_id)
    frame = entry.get("frame") or ""
    if frame and frame not in FRAMES:
        raise ConfigError(f"fact {fact_id}: frame must be one of {', '.join(FRAMES)}, not {frame!r}",
                          path, at("frame"), "frame")
    percent = entry.get("percent")
    if percent is not None and (isinstance(percent, bool) or not isinstance(percent, (int, float))
                                or not 0 < percent <= 100):
        raise ConfigError(f"fact {fact_id}: percent must be a number above 0, not {percent!r}",
                          path, at("percent"), "percent")
    who = _texts(entry, "who", path, at("who"), fact_id)
    if frame and (percent is None or not who):
        raise ConfigError(f"fact {fact_id}: a {frame} frame needs percent (the share stated) and who "
                          f"(how drafts name the body or country)", path, at("frame"), "frame")
    acting = entry.get("acting", False)
    if not isinstance(acting, bool):
        raise ConfigError(f"fact {fact_id}: acting must be true or false", path, at("acting"), "acting")
    source = _text(entry, "source", path, at("source"), fact_id, required=True)
    sources = _texts(entry, "sources", path, at("sources"), fact_id)
    for url, key in [(source, "source"), *((s, "sources") for s in sources)]:
        if not URL_PATTERN.match(url):
            raise ConfigError(f"fact {fact_id}: {key} must be a URL (http or https), not {url!r}", path, at(key), key)

    patterns = _texts(entry, "patterns", path, at("patterns"), fact_id)
    kind = entry.get("kind")
    if kind is None:
        kind = "office" if "holder" in entry else "count" if "count" in entry else "value"
    if kind not in KINDS:
        raise ConfigError(f"fact {fact_id}: kind must be one of {', '.join(KINDS)}, not {kind!r}",
                          path, at("kind"), "kind")
    holder = _text(entry, "holder", path, at("holder"), fact_id, required=kind == "office") or None
    titles = _texts(entry, "titles", path, at("titles"), fact_id)
    names = _texts(entry, "names", path, at("names"), fact_id)
    if kind == "office":
        if not titles:
            raise ConfigError(f"fact {fact_id}: an office needs titles (e.g. [Chancellor, German Chancellor])",
                              path, at("titles") if "titles" in entry else line, "titles")
        if not names:
            surname = holder.split()[-1]
            names = (holder, surname) if surname != holder else (holder,)
    count = entry.get("count")
    body = _texts(entry, "body", path, at("body"), fact_id)
    nouns = _texts(entry, "nouns", path, at("nouns"), fact_id)
    if kind == "count":
        if isinstance(count, bool) or not isinstance(count, int) or count < 1:
            raise ConfigError(f"fact {fact_id}: count must be a whole number above 0, not {count!r}",
                              path, at("count"), "count")
        if not body:
            raise ConfigError(f"fact {fact_id}: a count needs body (how texts name the organisation)",
                              path, at("body") if "body" in entry else line, "body")
        nouns = nouns or DEFAULT_NOUNS
    premature = entry.get("premature", True)
    if not isinstance(premature, bool):
        raise ConfigError(f"fact {fact_id}: premature must be true or false", path, at("premature"), "premature")
    ended = entry.get("ended", "term")
    if ended not in ENDINGS:
        raise ConfigError(f"fact {fact_id}: ended must be one of {', '.join(ENDINGS)}", path, at("ended"), "ended")
    if ended == "death" and end is None:
        raise ConfigError(f"fact {fact_id}: ended: death needs an until date", path, at("ended"), "ended")
    holds_through = None
    if entry.get("holds_through") is not None:
        if end is not None:
            raise ConfigError(f"fact {fact_id}: holds_through is only for an open window (no until)", path,
                              at("holds_through"), "holds_through")
        holds_through = _date(entry, "holds_through", path, at("holds_through"), fact_id)
        if holds_through < start:
            raise ConfigError(f"fact {fact_id}: holds_through ({holds_through}) is before from ({start})", path,
                              at("holds_through"), "holds_through")
    successor = entry.get("successor")
    if successor is not None and (not isinstance(successor, str) or not ID_PATTERN.match(successor)):
        raise ConfigError(f"fact {fact_id}: successor must be a fact id, not {successor!r}",
                          path, at("successor"), "successor")
    if (successor or entry.get("now")) and end is None:
        raise ConfigError(f"fact {fact_id}: has a successor or 'now' text but no until date",
                          path, at("successor" if successor else "now"), "until")
    return Fact(
        id=fact_id, topic=topic, about=_text(entry, "about", path, at("about"), fact_id, required=True),
        kind=kind, start=start, end=end, source=source, verified=verified,
        value=_text(entry, "value", path, at("value"), fact_id), successor=successor,
        now=_text(entry, "now", path, at("now"), fact_id) or None, patterns=patterns,
        context=_texts(entry, "context", path, at("context"), fact_id), holder=holder, names=names, titles=titles,
        count=count if kind == "count" else None, body=body, nouns=nouns, premature=premature, ended=ended,
        note=_text(entry, "note", path, at("note"), fact_id), sources=sources, holds_through=holds_through,
        rate=rate, acting=acting, unverified=unverified, frame=frame,
        percent=float(percent) if percent is not None else None, who=who,
        against=_text(entry, "against", path, at("against"), fact_id), path=path, line=line,
        key_lines=key_lines)
