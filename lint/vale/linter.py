"""Linting one draft with Vale rules: blocks in, alerts out, at exact file offsets.

This follows Vale's own linter: each block runs the rules whose scope and
level let them run and that the file's section (or ``[*]``) switches on;
``<!-- vale off -->``, ``<!-- vale on -->`` and ``<!-- vale Style.Rule = NO -->``
change that as the walk passes them; prose blocks are also linted as
paragraphs and sentences; at the end the ``summary`` and ``raw`` scopes run.
An alert found twice (say, in a sentence and in its paragraph) is reported
once, and a rule's ``limit`` caps how often it reports in one file.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from dataclasses import dataclass, field

from lint.vale.blocks import Aligner, Block, Text, scope_of, walk
from lint.vale.convert import markup_of, prepare
from lint.vale.ini import LEVELS, ValeConfig
from lint.vale.rules.base import whitespace_to_space
from lint.vale.scope import scope_matches

#: Rule types whose alerts depend on nothing but the block's text (Vale's concurrentKinds, less the ones
#: copydesk does not run); the others remember matches across blocks.
_BLOCK_ONLY = frozenset({"capitalization", "existence", "occurrence", "repetition", "substitution"})
_CONTROL = re.compile(r"^vale (.+\..+|[^.]+) = (YES|NO|on|off)$")
_CONTROL_MATCHES = re.compile(r"^vale (.+\..+)(\[.+\]) = (YES|NO)$")
_STYLES = re.compile(r"^vale styles? = (.*)$")


@dataclass
class RawAlert:
    rule: str
    level: str
    start: int
    end: int
    match: str
    message: str
    suggestions: list[str] = field(default_factory=list)
    document_level: bool = False


@dataclass
class FileState:
    """What rules remember within one file (Vale keeps it on its File object)."""

    sequences: dict = field(default_factory=dict)
    tag_counts: dict = field(default_factory=dict)
    comments: dict = field(default_factory=dict)
    #: comment key -> [[start offset, end offset or None], ...] (Vale's commentRegion)
    regions: dict = field(default_factory=dict)
    base_styles: list = field(default_factory=list)
    seen: set = field(default_factory=set)
    limits: dict = field(default_factory=dict)
    summary: list = field(default_factory=list)  # Text pieces of the summary scope, joined at the end

    def update_comments(self, body: str, offset: int = -1) -> None:
        """Vale's ``UpdateCommentsAt``: ``vale off``/``on``, ``vale Style.Rule = NO``/``YES`` (or a style:
        ``vale proselint = NO``; ``on``/``off`` work too), ``vale Style.Rule["a", "b"] = NO`` for those
        matches only, and ``vale styles = A, B``. With the comment's file offset, the region it opens is
        recorded too: alerts placed inside it are dropped at the end, whenever their block was linted."""
        if body == "vale off":
            self._set("off", True, offset)
        elif body == "vale on":
            self._set("off", False, offset)
        elif _CONTROL_MATCHES.match(body):
            m = _CONTROL_MATCHES.match(body)
            try:
                parts = json.loads(m.group(2))
            except ValueError:
                parts = None
            if isinstance(parts, list):
                for part in parts:
                    self._set(f"{m.group(1)}[{part}]", m.group(3) == "NO", offset)
        elif _CONTROL.match(body):
            m = _CONTROL.match(body)
            self._set(m.group(1), m.group(2) in ("NO", "off"), offset)
        elif _STYLES.match(body):
            for style in self.base_styles:
                self.comments[style] = True
            for style in _STYLES.match(body).group(1).split(", "):
                self.comments[style] = False

    def _set(self, key: str, disabled: bool, offset: int) -> None:
        self.comments[key] = disabled
        if offset < 0:
            return
        regions = self.regions.setdefault(key, [])
        if disabled:
            if not regions or regions[-1][1] is not None:
                regions.append([offset, None])
        elif regions and regions[-1][1] is None:
            regions[-1][1] = offset

    def disabled(self, name: str) -> bool:
        """Vale's ``QueryComments``: everything is off, or the rule's style, or the rule itself."""
        if self.comments.get("off"):
            return True
        style = name.split(".", 1)[0]
        return bool(self.comments.get(style)) or bool(self.comments.get(name))

    def region_disabled(self, name: str, match: str, start: int) -> bool:
        """Vale's ``RegionDisabled``: the alert lies in a region a comment switched its rule off."""
        if not self.regions:
            return False
        keys = ["off", name, name.split(".", 1)[0]]
        if match:
            keys.append(f"{name}[{match}]")
        for key in keys:
            for begin, end in self.regions.get(key, ()):
                if begin <= start and (end is None or start < end):
                    return True
        return False

    def reset_comments(self) -> None:
        for k in self.comments:
            if k != "off":
                self.comments[k] = False


class ValeLinter:
    """Runs the built rules of one ``.vale.ini`` over drafts."""

    def __init__(self, config: ValeConfig, rules: dict, env) -> None:
        self.config = config
        self.rules = rules  # name -> ValeRule
        self.env = env
        self._runners: dict = {}  # name -> built rule, compiled the first time a draft needs it
        bases = {s.split(".")[0].strip().lstrip("~") for r in rules.values() for s in r.scope}
        self.split_paragraphs = "paragraph" in bases
        self.split_sentences = "sentence" in bases
        self.errors: list[str] = []

    def runner(self, name: str):
        if name not in self._runners:
            from lint.vale.rules import rule_type

            rule = self.rules[name]
            self._runners[name] = rule_type(rule.extends).build(rule, self.env)
        return self._runners[name]

    def _in_styles_path(self, path: str) -> bool:
        """Vale does not lint its StylesPath when walking a folder: rules, vocabularies and packages'
        READMEs are not prose. (Vale would lint such a file if named on its own; copydesk cannot tell.)"""
        if not self.config.styles_path or path == "-":
            return False
        where = Path(path).absolute()
        return any(where.is_relative_to(p.absolute()) for p in self.config.styles_path)

    def active_rules(self, path: str) -> list[str]:
        """The rules Vale would run on ``path`` (before in-draft comments)."""
        cfg = self.config
        if not cfg.applies_to(path) or self._in_styles_path(path):
            return []
        styles, checks, _, _ = cfg.settings_for(path)
        minimum = LEVELS.index(cfg.min_alert_level)
        out = []
        for name, rule in self.rules.items():
            if LEVELS.index(rule.level) < minimum:
                continue
            if name in checks:
                on = checks[name]
            elif name in cfg.global_checks:
                on = cfg.global_checks[name]
            else:
                on = rule.style in styles
            if on:
                out.append(name)
        return sorted(out)

    def lint(self, path: str, text: str) -> list[RawAlert]:
        from lint.vale.rules import SUPPORTED

        names = [n for n in self.active_rules(path) if self.rules[n].extends in SUPPORTED]
        if not names:
            return []
        ext = os.path.splitext(path)[1]
        fmt = markup_of(ext)
        state = FileState(base_styles=list(self.config.settings_for(path)[0]))
        alerts: list[RawAlert] = []
        run = _Run(self, names, state, alerts, ext)
        whole = Text(text, list(range(len(text))))
        manuscript = None
        if fmt == "text" and ext == ".txt":
            from lint.vale.manuscript import text_to_html

            manuscript = text_to_html(text)
        if fmt == "text" and manuscript is None:
            if ext == ".txt":
                # Vale reads a .txt file as prose: paragraphs, sentences and the whole text.
                run.lint_prose(whole, "text" + ext, split=True)
                state.summary = [whole]
            else:
                # Any other plain file is one block (Vale's lintLines).
                run.lint_block(Block(text, whole, "text" + ext, "text" + ext))
                state.summary = []
            run.lint_block(Block(text, whole, "summary" + ext, "summary" + ext))
            run.lint_block(Block(text, whole, "raw" + ext, "raw" + ext))
            return alerts
        cfg = self.config
        if manuscript is not None:
            # A .txt manuscript with chapters: its chapter lines are headings (Vale's txtdoc).
            source, markup, start = text, manuscript, 0
        else:
            _, _, block_ignores, token_ignores = cfg.settings_for(path)
            source, markup, start = prepare(text, fmt, path, block_ignores, token_ignores)
        aligner = Aligner(source, start)
        for event in walk(markup, aligner, ext, cfg.ignored_scopes, cfg.skipped_scopes, cfg.ignored_classes):
            if event.kind == "comment":
                state.update_comments(event.comment, event.offset)
            elif event.kind == "skipped":
                state.tag_counts[event.history] = state.tag_counts.get(event.history, 0) + 1
            elif event.block.scope:
                run.lint_block(event.block)
            else:
                run.lint_scope(event.block, event.history)
        state.reset_comments()
        if state.regions:
            # A comment read after its block was linted still covers it (Vale's DropDisabled).
            alerts[:] = [a for a in alerts if a.document_level or not state.region_disabled(a.rule, a.match, a.start)]
        summary = Text("".join(t.text for t in state.summary), [o for t in state.summary for o in t.offsets])
        run.lint_block(Block(summary.text, summary, "summary" + ext, "summary" + ext))
        run.lint_block(Block(text, Text(text, list(range(len(text)))), "raw" + ext, "raw" + ext))
        return alerts


class _Run:
    def __init__(self, linter: ValeLinter, names: list[str], state: FileState, alerts: list, ext: str) -> None:
        self.linter, self.names, self.state, self.alerts, self.ext = linter, names, state, alerts, ext
        self._in_scope: dict[tuple[str, str], list[str]] = {}

    def rules_for(self, scope: str, parent: str) -> list[str]:
        """The file's rules whose scope admits a block (a handful of distinct scopes per file)."""
        key = (scope, parent)
        if key not in self._in_scope:
            rules = self.linter.rules
            self._in_scope[key] = [n for n in self.names if scope_matches(rules[n].scope, scope, parent)]
        return self._in_scope[key]

    def lint_scope(self, block: Block, history: str) -> None:
        scope = scope_of(history)
        text = block.offsets
        if scope is not None:
            if scope in ("text.blockquote", "text.list"):
                self._summarise(text)
            key = scope.removeprefix("text.")
            self.state.tag_counts[key] = self.state.tag_counts.get(key, 0) + 1
            piece = text.strip_left()
            # A list item, heading, table cell or quotation is made of sentences too (Vale's
            # lintProse without paragraph splitting).
            self.lint_prose(piece, scope + self.ext, split=False)
            return
        self._summarise(text)
        self.lint_prose(text, "text" + self.ext, split=True)

    def _summarise(self, text: Text) -> None:
        self.state.summary += [text, Text("\n\n", [-1, -1])]

    def lint_prose(self, text: Text, scope: str, split: bool) -> None:
        """Vale's lintProse: with ``split``, each paragraph as ``paragraph.<scope>``; each sentence as
        ``sentence.<scope>``; then the block itself as ``scope``."""
        if split and self.linter.split_paragraphs:
            start = 0
            for part in re.split(r"(?<=\n\n)", text.text):
                piece = text.slice(start, start + len(part))
                start += len(part)
                if part:
                    block = Block(piece.text, piece, "paragraph." + scope, "paragraph." + scope)
                    # A one-paragraph block: rules that read nothing but the block would find the same
                    # alerts again on the whole block (and those are reported once), so they run there only.
                    self.lint_block(block, skip=self._repeats(block, scope) if part == text.text else ())
        if self.linter.split_sentences:
            from lint.vale.sentences import segment

            # Each sentence is looked for from the end of the previous one (Vale's offsetOf).
            cursor = 0
            for sentence in segment(text.text):
                at = text.text.find(sentence, cursor)
                if at < 0:
                    continue
                cursor = at + len(sentence)
                piece = text.slice(at, cursor)
                self.lint_block(Block(piece.text, piece, "sentence." + scope, "sentence." + scope))
        self.lint_block(Block(text.text, text, scope, scope))

    def _repeats(self, block: Block, scope: str) -> frozenset:
        key = ("repeats", block.scope, scope)
        if key not in self._in_scope:
            rules = self.linter.rules
            again = set(self.rules_for(scope, scope))
            self._in_scope[key] = frozenset(n for n in self.rules_for(block.scope, block.parent)
                                            if n in again and rules[n].extends in _BLOCK_ONLY)
        return self._in_scope[key]

    def lint_block(self, block: Block, skip=()) -> None:
        linter, state = self.linter, self.state
        for name in self.rules_for(block.scope, block.parent):
            if name in skip:
                continue
            rule = linter.rules[name]
            if state.comments and state.disabled(name):
                continue
            try:
                found = linter.runner(name).run(block, state)
            except TimeoutError:
                linter.errors.append(f"Vale rule {name} took too long on this file and was stopped")
                continue
            for a in found:
                if state.comments and state.comments.get(f"{name}[{a.match}]") and not a.document_level:
                    continue
                self._add(rule, block, a)

    def _add(self, rule, block: Block, a) -> None:
        if a.document_level:
            start = end = 0
        else:
            start = block.offsets.offset_at(a.start)
            end = block.offsets.offset_at(a.end - 1) + 1 if a.end > a.start else start
            if start < 0:
                return
        if self.state.regions and not a.document_level and self.state.region_disabled(rule.name, a.match, start):
            return
        key = (start, rule.name)
        if key in self.state.seen:
            return
        if rule.limit and self.state.limits.get(rule.name, 0) >= rule.limit:
            return
        self.state.seen.add(key)
        self.state.limits[rule.name] = self.state.limits.get(rule.name, 0) + 1
        self.alerts.append(RawAlert(rule.name, rule.level, start, max(start, end), a.match,
                                    whitespace_to_space(a.message), a.suggestions, a.document_level))
