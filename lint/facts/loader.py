"""Loading the knowledge base: the shipped ``rules/facts/*.yaml`` plus a newsroom's own files.

A facts file is a mapping with a ``facts:`` list (or just the list). A config
names extra files in its ``facts:`` section, relative to the config file::

    facts:
      files: [newsroom-facts.yaml]
      ignore: [us.president.trump-2]     # fact ids this newsroom does not want judged

:func:`problems` finds what a single record cannot show on its own: duplicate
ids, overlapping windows within a topic, successors that do not exist, and
patterns that do not compile.
"""

from __future__ import annotations

import datetime as dt
import os
from bisect import bisect_right
from functools import lru_cache

from lint.errors import ConfigError
from lint.facts.model import Fact, parse_fact
from lint.yamlio import LineDict, LineList, load_entries

SECTION_KEYS = {"files": "extra facts files, relative to the config file",
                "ignore": "fact ids not to judge"}


def builtin_files() -> list[str]:
    from lint.resources import facts_dir

    folder = facts_dir()
    return [str(p) for p in sorted(folder.glob("*.yaml"))] if folder.is_dir() else []


def load_file(path: str) -> list[Fact]:
    from lint.facts.parse_cache import cached_records

    return cached_records((path,), lambda: _parse_file(path))


def _parse_file(path: str) -> list[Fact]:
    from lint.facts.parse_cache import cached_entries

    items = cached_entries(path, lambda: load_entries(path, "facts", "facts file"))
    return [parse_fact(entry, path, items.line_of(i) if isinstance(items, LineList) else 0)
            for i, entry in enumerate(items)]


def section_settings(config) -> tuple[tuple[str, ...], frozenset[str]]:
    """The ``facts:`` section of a config: (extra file paths, ignored fact ids), validated."""
    section = config.section("facts") if config is not None else {}
    if not section:
        return (), frozenset()
    path = getattr(config, "path", None)
    where = section.line_of if isinstance(section, LineDict) else (lambda _k: None)
    for key in section:
        if key not in SECTION_KEYS:
            raise ConfigError(f"unknown key {key!r} in the facts section; it takes: {', '.join(SECTION_KEYS)}",
                              path, where(key), f"facts.{key}")
    files = section.get("files") or []
    if isinstance(files, str):
        files = [files]
    if not isinstance(files, list) or not all(isinstance(f, str) for f in files):
        raise ConfigError("facts.files must be a list of file paths", path, where("files"), "facts.files")
    base = os.path.dirname(os.path.abspath(path)) if path else os.getcwd()
    resolved = []
    for name in files:
        full = name if os.path.isabs(name) else os.path.join(base, name)
        if not os.path.exists(full):  # a FIFO or device exists: reading it says what it is (lint.yamlio.load)
            raise ConfigError(f"facts.files names {name!r}, which does not exist", path, where("files"),
                              "facts.files")
        resolved.append(os.path.normpath(full))
    ignore = section.get("ignore") or []
    if isinstance(ignore, str):
        ignore = [ignore]
    if not isinstance(ignore, list) or not all(isinstance(i, str) for i in ignore):
        raise ConfigError("facts.ignore must be a list of fact ids", path, where("ignore"), "facts.ignore")
    return tuple(resolved), frozenset(ignore)


class KnowledgeBase:
    """Facts indexed by id, by topic (in date order) and by office holder."""

    def __init__(self, facts: list[Fact]) -> None:
        self.facts = list(facts)
        self.by_id: dict[str, Fact] = {}
        self.duplicates: list[tuple[Fact, Fact]] = []
        for fact in self.facts:
            if fact.id in self.by_id:
                self.duplicates.append((self.by_id[fact.id], fact))
            else:
                self.by_id[fact.id] = fact
        self.by_topic: dict[str, list[Fact]] = {}
        for fact in self.facts:
            self.by_topic.setdefault(fact.topic, []).append(fact)
        for timeline in self.by_topic.values():
            timeline.sort(key=lambda f: f.start)
        self._starts = {t: [f.start for f in tl] for t, tl in self.by_topic.items()}
        self.by_holder: dict[str, list[Fact]] = {}
        for fact in self.facts:
            if fact.kind == "office":
                self.by_holder.setdefault(fact.holder, []).append(fact)

    @property
    def scanner(self):
        """The recogniser for every fact in the base, built once."""
        if getattr(self, "_scanner", None) is None:
            from lint.facts.matcher import Scanner

            self._scanner = Scanner(self.facts)
        return self._scanner

    def __len__(self) -> int:
        return len(self.facts)

    def at(self, topic: str, day: dt.date) -> Fact | None:
        """The fact of ``topic`` that held on ``day`` (None in a gap, e.g. a vacancy)."""
        timeline = self.by_topic.get(topic, [])
        i = bisect_right(self._starts.get(topic, []), day) - 1
        if i >= 0 and timeline[i].holds_on(day):
            return timeline[i]
        return None

    def offices_of(self, holder: str, day: dt.date) -> list[Fact]:
        return [f for f in self.by_holder.get(holder, []) if f.holds_on(day)]

    def replacement(self, fact: Fact, day: dt.date) -> Fact | None:
        """What held instead of ``fact`` on ``day``: the topic's fact then, else the declared successor."""
        current = self.at(fact.topic, day)
        if current is not None and current.id != fact.id:
            return current
        return self.by_id.get(fact.successor) if fact.successor else None


def problems(kb: KnowledgeBase) -> list[ConfigError]:
    """Everything wrong with the base as a whole, each naming a file and line."""
    from lint.facts.matcher import compile_fact

    out: list[ConfigError] = []
    for first, again in kb.duplicates:
        path, line = first.where("id")
        out.append(again.error(f"duplicate fact id (first defined at {path}:{line})", "id"))
    for fact in kb.facts:
        if fact.successor and fact.successor not in kb.by_id:
            out.append(fact.error(f"successor {fact.successor!r} does not exist", "successor"))
        elif fact.successor:
            after = kb.by_id[fact.successor]
            if after.start < fact.end:
                out.append(fact.error(f"successor {after.id} starts on {after.start}, before this fact's until "
                                      f"({fact.end})", "successor"))
        if fact.against and fact.against not in kb.by_topic:
            out.append(fact.error(f"against names topic {fact.against!r}, which has no facts", "against"))
        if fact.kind == "value" and not fact.patterns and not fact.frame and fact.rate is None and not any(f.successor == fact.id for f in kb.facts):
            out.append(fact.error("has no patterns and is no fact's successor: nothing can use it", "patterns"))
        try:
            compile_fact(fact)
        except ConfigError as exc:
            out.append(exc)
    for topic, timeline in kb.by_topic.items():
        for before, after in zip(timeline, timeline[1:]):
            if before.end is None or after.start < before.end:
                out.append(after.error(
                    f"window {after.window} overlaps {before.id} ({before.window}) in topic {topic!r}; "
                    f"give {before.id} an until on or before {after.start}", "from"))
        kinds = {f.kind for f in timeline}
        if len(kinds) > 1:
            out.append(timeline[0].error(f"topic {topic!r} mixes kinds {', '.join(sorted(kinds))}", "topic"))
    return out


@lru_cache(maxsize=8)
def load_base(extra_files: tuple[str, ...] = (), ignore: frozenset[str] = frozenset()) -> KnowledgeBase:
    """The shipped facts plus ``extra_files``, without ``ignore``d ids (cached per process)."""
    from lint.facts.parse_cache import cached_base

    paths = (*builtin_files(), *extra_files)
    return cached_base(paths, ignore, lambda: _build_base(paths, ignore))


def _build_base(paths, ignore: frozenset[str]) -> KnowledgeBase:
    kb = KnowledgeBase([f for path in paths for f in _parse_file(path) if f.id not in ignore])
    kb.scanner.warm()  # kept in the cache with the base: a run after the first derives no gate
    return kb


def base_for(config) -> KnowledgeBase:
    files, ignore = section_settings(config)
    return load_base(files, ignore)
