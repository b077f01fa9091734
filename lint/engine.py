"""The engine: selects the rules for each draft, runs them, applies suppressions, sorts.

Files are independent, so ``jobs > 1`` spreads them over processes; results
are gathered in input order and sorted, so the output is identical to a run
with one job.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field

from typing import TYPE_CHECKING

from lint import regex_programs
from lint.checks import data_files, kind_module
from lint.config import Config, ConfigResolver, selected
from lint.errors import ConfigError, UsageError
from lint.finding import Finding, Severity
from lint.rules import Rule, builtin_rules, matches_prefix
from lint.source import SourceError, expand_paths, read_source
from lint.suppress import is_silenced, silences
from lint.yamlio import LineDict

if TYPE_CHECKING:  # the checks and the document model are imported when a file is checked, not on a cache hit
    from lint.checks.base import BuildContext, Check
    from lint.document import Document


@dataclass
class Options:
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    as_of: dt.date | None = None
    config: str | None = None
    stdin_filename: str | None = None
    jobs: int = 1
    #: Reuse results of unchanged drafts (lint.cache); the CLI turns this on unless --no-cache.
    use_cache: bool = False
    cache_dir: str | None = None
    #: A .vale.ini to run Vale styles from, or "auto" to find one as Vale does (see lint/vale/hook.py).
    vale_config: str | None = None
    #: Measure the time each rule takes (``--profile-rules``); the report then holds ``timings``.
    profile_rules: bool = False


@dataclass
class DocumentInfo:
    path: str
    as_of: str
    as_of_source: str
    words: int = 0
    #: Families whose findings are missing for this document because a service failed (e.g. ["grammar"]).
    unavailable: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        data = {"path": self.path, "as_of": self.as_of, "as_of_source": self.as_of_source, "words": self.words}
        if self.unavailable:
            data["unavailable"] = list(self.unavailable)
        return data


@dataclass
class FileError:
    path: str
    message: str

    def to_dict(self) -> dict:
        return {"path": self.path, "message": self.message}


@dataclass
class Report:
    documents: list[DocumentInfo] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    #: Texts of the checked documents by path, kept for reporters that need them (SARIF columns, --fix).
    texts: dict[str, str] = field(default_factory=dict)
    #: The fail_on of the config that governs each checked document, by path (None: the config sets none).
    fail_on: dict[str, str | None] = field(default_factory=dict)
    #: The min_severity of the config that governs each checked document, by path (None: the config sets none).
    min_severity: dict[str, str | None] = field(default_factory=dict)
    #: Seconds spent per rule id over all files (only with ``Options.profile_rules``).
    timings: dict[str, float] = field(default_factory=dict)


# -- rule selection ----------------------------------------------------------

def _severity_for(rule_id: str, overrides: dict[str, str]) -> str | None:
    best, best_len = None, -1
    for prefix, sev in overrides.items():
        if matches_prefix(rule_id, [prefix]) and len(prefix) > best_len:
            best, best_len = sev, len(prefix)
    return best


def selection_for(config: Config, options: Options, path: str):
    """(select, ignore, severity overrides, rule options) for ``path``: config, per_file, command line."""
    select = options.select if options.select is not None else config.select
    ignore = [*config.ignore, *options.ignore]
    severity = dict(config.severity)
    rule_options = {k: _merge_params(LineDict(), v) for k, v in config.options.items()}
    for override in config.overrides_for(path):
        if "select" in override and options.select is None:
            select = override["select"]
        ignore += override.get("ignore", [])
        severity.update(override.get("severity", {}))
        for rid, params in override.get("options", {}).items():
            _merge_params(rule_options.setdefault(rid, LineDict()), params)
    return select, ignore, severity, rule_options


def _merge_params(into: LineDict, params: dict) -> LineDict:
    """Add ``params`` to ``into``, keeping the config line of each key for error messages."""
    into.update(params)
    into.key_lines = {**getattr(into, "key_lines", {}),
                      **{k: params.line_of(k) for k in params if isinstance(params, LineDict)}}
    return into


def effective_rules(config: Config, options: Options, path: str, selection=None) -> list[Rule]:
    """The rules that apply to ``path`` under ``config`` and the command-line options.

    ``selection`` is :func:`selection_for`'s answer when the caller already has it.
    """
    from dataclasses import replace

    select, ignore, severity, rule_options = selection or selection_for(config, options, path)
    out = []
    for rule in [*builtin_rules(), *config.rules]:
        # A family section's `enabled: true|false` (e.g. grammar: {enabled: true}) sets whether the family's
        # rules are on by default; an explicit --select still runs them.
        family_on = config.section(rule.id.partition(".")[0]).get("enabled")
        if isinstance(family_on, bool) and family_on != rule.enabled:
            rule = replace(rule, enabled=family_on)
        if not selected(rule, select, ignore):
            continue
        sev = _severity_for(rule.id, severity)
        if sev:
            rule = replace(rule, severity=Severity.parse(sev))
        if rule.id in rule_options:
            rule = rule.with_params(rule_options[rule.id], config.path)
        out.append(rule)
    return out


class CheckCache:
    """Builds each distinct rule set once per process, and only when a file needs it."""

    #: Rule lists whose definitions are remembered (beyond it the memo starts again).
    KEYS_LIMIT = 256

    def __init__(self) -> None:
        self._cache: dict = {}
        self._fingerprints: dict = {}
        self._keys: dict = {}

    def _key(self, config: Config, rules: list[Rule]) -> tuple:
        # Every file of a run usually gets the same config and Rule objects: their definitions (a JSON dump
        # of each rule) are made once, not twice per file. The memo holds the objects, so no id is reused.
        ids = (id(config), *map(id, rules))
        known = self._keys.get(ids)
        if known is None:
            if len(self._keys) >= self.KEYS_LIMIT:
                self._keys.clear()
            known = self._keys[ids] = ((id(config), tuple(rule_definition(r) for r in rules)), config, list(rules))
        return known[0]

    def fingerprint(self, config: Config, rules: list[Rule]) -> str:
        """A hash of everything the rules' findings depend on, without building them: the rules' full
        definitions, the config's sections and dates, and the data files the rule kinds read."""
        key = self._key(config, rules)
        if key not in self._fingerprints:
            self._fingerprints[key] = _fingerprint(config, key[1], rules)
        return self._fingerprints[key]

    def checks(self, config: Config, rules: list[Rule]) -> tuple[list[Check], BuildContext, str]:
        """The built checks, their context, and a fingerprint of everything they depend on."""
        key = self._key(config, rules)
        if key not in self._cache:
            regex_programs.install()  # before the check modules are imported: some compile patterns then
            from lint.checks.base import BuildContext

            context = BuildContext(config=config, rules=list(rules))
            built = []
            by_kind: dict[str, list[Rule]] = {}
            for rule in rules:
                by_kind.setdefault(rule.kind, []).append(rule)
            for kind, kind_rules in by_kind.items():
                module = kind_module(kind, kind_rules[0])
                if hasattr(module, "build_many"):
                    built.extend(module.build_many(kind_rules, context))
                else:
                    built.extend(module.build(rule, context) for rule in kind_rules)
            from lint.checks.prefilter import save_memo

            save_memo()
            regex_programs.flush()
            self._cache[key] = (built, context, self.fingerprint(config, rules))
        return self._cache[key]


def rule_definition(rule: Rule) -> str:
    """Everything in a rule that can change its findings (message, kind, severity, scope, parameters...)."""
    import json

    return json.dumps([rule.id, rule.kind, int(rule.severity), rule.message, rule.enabled, rule.scope,
                       rule.params, rule.docs], default=repr, ensure_ascii=False)


def _fingerprint(config: Config, definitions: tuple, rules: list[Rule]) -> str:
    import hashlib

    from lint.source import read_setting_file

    h = hashlib.sha256(repr(definitions).encode("utf-8", "surrogatepass"))
    h.update(repr(sorted((k, repr(v)) for k, v in config.sections.items())).encode("utf-8", "surrogatepass"))
    h.update(f"{config.as_of}|{config.date_order}|{config.audience}".encode())
    by_kind: dict[str, list[Rule]] = {}
    for rule in rules:
        by_kind.setdefault(rule.kind, []).append(rule)
    for kind in sorted(by_kind):
        for path in data_files(kind, config):
            h.update(str(path).encode("utf-8", "surrogatepass"))
            try:  # with the guards of every setting file: a FIFO named in facts.files must not hang the key
                h.update(hashlib.sha256(read_setting_file(str(path))).digest())
            except (OSError, SourceError):
                h.update(b"missing")
    return h.hexdigest()


# -- checking ----------------------------------------------------------------

@dataclass
class FileResult:
    path: str
    document: DocumentInfo | None = None
    findings: list[Finding] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    text: str | None = None
    #: The governing config's fail_on (not cached: it judges the findings, it does not make them).
    fail_on: str | None = None
    #: The governing config's min_severity (what the text report shows; not cached either).
    min_severity: str | None = None
    timings: dict[str, float] | None = None


def check_document(doc: Document, checks: list[Check],
                   timings: dict[str, float] | None = None) -> tuple[list[Finding], list[FileError]]:
    """Run ``checks`` on ``doc``; each rule within its time budget (lint.checks.base.RULE_BUDGET).

    With ``timings``, the seconds each rule took are added to it by rule id.
    """
    import time

    from lint.checks import base

    findings: list[Finding] = []
    errors: list[FileError] = []
    for check in checks:
        started = time.perf_counter()
        base.start_budget()
        try:
            findings.extend(check.run(doc))
        except TimeoutError as exc:
            if str(exc) == base.BUDGET_SPENT:
                errors.append(FileError(doc.path, f"rule {check.rule.id} used up its time budget "
                                                  f"({base.RULE_BUDGET:g} s per file) and was stopped; "
                                                  f"the other rules ran"))
            else:
                errors.append(FileError(doc.path, f"rule {check.rule.id} took too long on this file (a pattern "
                                                  f"that backtracks?) and was stopped; the other rules ran"))
        except ConfigError as exc:
            errors.append(FileError(doc.path, str(exc)))
        except Exception as exc:  # noqa: BLE001 - one failing rule must not lose the others' findings
            errors.append(FileError(doc.path, f"rule {check.rule.id} failed: {type(exc).__name__}: {exc}"))
        finally:
            base.stop_budget()
            if timings is not None:
                timings[check.rule.id] = timings.get(check.rule.id, 0.0) + time.perf_counter() - started
    quiet = silences(doc)
    kept = []
    n = len(doc.text)
    for f in findings:
        f.start = max(0, min(f.start, n))
        f.end = max(f.start, min(f.end, n))
        if quiet and is_silenced(f, quiet):
            continue
        f.line, f.column = doc.position(f.start)
        f.end_line, f.end_column = doc.position(f.end)
        kept.append(f)
    return kept, errors


class Checker:
    """Checks drafts; holds the per-process caches of configs and built rules."""

    def __init__(self, options: Options) -> None:
        self.options = options
        self.resolver = ConfigResolver(options.config)
        self.cache = CheckCache()
        self._result_caches: dict[str, object] = {}
        self._checked_selectors: set = set()
        self._rule_lists: dict = {}

    def _rules(self, config: Config, path: str, selection) -> list[Rule]:
        """effective_rules, the same list (the same Rule objects) for every file with the same config and
        selection, so that the rule set's key and built checks are found at once. Selections with rule
        options (their Rule copies carry the config lines) are worked out per file."""
        select, ignore, severity, rule_options = selection
        if rule_options:
            return effective_rules(config, self.options, path, selection)
        key = (id(config), None if select is None else tuple(select), tuple(ignore), tuple(severity.items()))
        try:
            known = self._rule_lists.get(key)
        except TypeError:  # a selector that is not a name: the rules' own checks report it
            return effective_rules(config, self.options, path, selection)
        if known is None:
            if len(self._rule_lists) >= CheckCache.KEYS_LIMIT:
                self._rule_lists.clear()
            known = self._rule_lists[key] = (effective_rules(config, self.options, path, selection), config)
        return known[0]

    def result_cache(self, config: Config):
        """The result cache for files under ``config``, or None when caching is off."""
        if not self.options.use_cache:
            return None
        section = config.section("cache")
        if section.get("enabled", True) is False:
            return None
        folder = self.options.cache_dir or section.get("dir") or None
        if folder and config.path and not os.path.isabs(folder) and not self.options.cache_dir:
            folder = os.path.join(os.path.dirname(config.path), folder)
        from lint.cache import ResultCache, default_dir

        folder = folder or default_dir()
        if folder not in self._result_caches:
            self._result_caches[folder] = ResultCache(folder)
        return self._result_caches[folder]

    def check_selectors(self, config: Config, vale: list[Check]) -> None:
        """Raise a ConfigError (or UsageError) when a select/ignore/severity name names no rule in play."""
        from lint.selectors import Vocabulary

        if vale:
            from lint.vale.hook import BrokenValeConfig  # plain runs never import the Vale package

            if any(isinstance(c, BrokenValeConfig) for c in vale):
                return  # the Vale styles are unknown; that config's own error is reported
        linters = [c.linter for c in vale if hasattr(c, "linter")]
        key = (id(config), tuple(id(x) for x in linters))
        if key in self._checked_selectors:
            return
        vale_ids = [name for linter in linters for name in linter.rules] if vale else None
        words = Vocabulary([r.id for r in (*builtin_rules(), *config.rules)], vale_ids)
        words.check_options(self.options.select, self.options.ignore)
        for name, what, file, line in config.selectors:
            if not words.knows(name):
                raise ConfigError(words.unknown_message(name, what), file, line, what)
        self._checked_selectors.add(key)

    def _vale_checks(self, config: Config, path: str, display: str, context: BuildContext,
                     selection) -> list[Check]:
        if not self.options.vale_config and "vale" not in config.sections:
            return []  # plain runs never import the Vale package
        from lint.vale.hook import vale_checks

        select, ignore, severity, _ = selection
        return vale_checks(config, self.options.vale_config, path if path != "-" else display, select, ignore,
                           severity, context)

    #: Rule kinds that wait on a service (a LanguageTool server): a file they check is not checked in the
    #: parent before forking, so that the workers start at once and share the wait.
    SERVICE_KINDS = frozenset({"grammar"})

    def prepare(self, path: str) -> bool:
        """Build the checks for ``path``'s config and let them load their data (before forking).

        True when they need no service, so that checking ``path`` here warms whatever else they load on
        first need for every worker.
        """
        local = False
        try:
            config = self.resolver.for_path(path)
            checks, _, _ = self.cache.checks(config, effective_rules(config, self.options, path))
            for check in checks:
                check.prepare()
            local = not any(check.rule.kind in self.SERVICE_KINDS for check in checks)
        except Exception:  # noqa: BLE001 - the same problem is reported when the file itself is checked
            pass
        regex_programs.flush()
        return local

    def check_path(self, path: str, keep_text: bool = False, only_cached: bool = False) -> FileResult | None:
        """Check one file. With ``only_cached``, answer only from the result cache: None on a miss."""
        try:
            return self._check_path(path, keep_text, only_cached)
        finally:
            regex_programs.flush()  # patterns the rules compiled on first need

    def _check_path(self, path: str, keep_text: bool, only_cached: bool) -> FileResult | None:
        display = self.options.stdin_filename if path == "-" and self.options.stdin_filename else path
        result = FileResult(display)
        try:
            config = self.resolver.for_path(display if path == "-" else path)
            source = read_source(path)
            fmt = source.format
            if path == "-" and self.options.stdin_filename:
                from lint.source import format_for

                fmt = format_for(self.options.stdin_filename)
            selection = selection_for(config, self.options, display)
            rules = self._rules(config, display, selection)
            vale: list[Check] = []
            if self.options.vale_config or "vale" in config.sections:
                # Vale styles live outside copydesk's rule set: built now, and never cached.
                _, context, _ = self.cache.checks(config, rules)
                vale = self._vale_checks(config, path, display, context, selection)
            self.check_selectors(config, vale)
            fingerprint = None if vale else self.cache.fingerprint(config, rules)
        except SourceError as exc:
            if only_cached:
                return None
            result.errors.append(FileError(display, str(exc)))
            return result
        except ConfigError as exc:
            if only_cached:
                return None
            result.errors.append(FileError(display, f"config error: {exc}"))
            return result
        except UsageError as exc:
            result.errors.append(FileError(display, str(exc)))
            return result
        if keep_text:
            result.text = source.text
        result.fail_on = config.fail_on
        result.min_severity = config.min_severity
        select, ignore, severity, _ = selection
        cache = self.result_cache(config) if fingerprint is not None else None
        if cache is not None:
            from lint.cache import result_key

            # Selection matters beyond the rule set: finer ids (grammar.<LT rule>) are ignored after the run.
            key = result_key(display, fmt, source.text, fingerprint, str(self.options.as_of),
                             repr((select, sorted(ignore), sorted(severity.items()))))
            hit = cache.get(key)
            if hit is not None:
                result.document = DocumentInfo(**hit["document"])
                result.findings = hit["findings"]
                result.notices = hit["notices"]
                return result
        if only_cached:
            return None
        try:
            # Built only now, on a cache miss: a run over unchanged drafts compiles no rule.
            checks, context, _ = self.cache.checks(config, rules)
            checks = checks + vale
        except (ConfigError, SourceError) as exc:
            result.errors.append(FileError(display, f"config error: {exc}" if isinstance(exc, ConfigError) else str(exc)))
            return result
        from lint.dateline import resolve_as_of
        from lint.document import Document

        doc = Document(display, source.text, fmt)
        try:
            doc.front_matter  # noqa: B018 - an impossible date in it is this file's error, not a crash
            resolve_as_of(doc, self.options.as_of, config.as_of, config.date_order)
        except SourceError as exc:
            result.errors.append(FileError(display, str(exc)))
            return result
        result.document = DocumentInfo(display, doc.as_of.isoformat(), doc.as_of_source, doc.word_count)
        if self.options.profile_rules:
            result.timings = {}
        result.findings, result.errors = check_document(doc, checks, result.timings)
        # A rule may report under finer ids than its own (grammar.languagetool reports grammar.<LT rule>);
        # ignoring one of those ids drops its findings.
        if ignore:
            result.findings = [f for f in result.findings if not matches_prefix(f.rule, ignore)]
        result.notices = list(getattr(context, "notices", []))
        result.document.unavailable = sorted(context.unavailable.pop(display, {}))
        if cache is not None and not result.errors and not result.notices and not result.document.unavailable:
            cache.put(key, result.document.to_dict(), result.findings, result.notices)
        return result


_WORKER: Checker | None = None


def _init_worker(options: Options, parent_pid: int | None = None) -> None:
    global _WORKER
    if parent_pid is not None:
        from lint.lifetime import die_with_parent

        die_with_parent(parent_pid)
    _WORKER = Checker(options)


def _work(args) -> FileResult:
    path, keep_text = args
    return _WORKER.check_path(path, keep_text)


def check_command_line_selectors(files: list[str], options: Options) -> None:
    """A --select/--ignore name that no rule in play has is a usage error before anything runs.

    With Vale styles possibly in play, names are checked per draft instead (Checker.check_selectors),
    where the styles are known.
    """
    from lint.selectors import Vocabulary

    if not (options.select or options.ignore) or options.vale_config:
        return
    ids = [r.id for r in builtin_rules()]
    # One path per config that governs a draft: a file in each folder, and stdin under its name.
    folders = dict.fromkeys(os.path.dirname(f) or "." for f in files if f != "-")
    governed = [os.path.join(folder, "x") for folder in folders]
    if "-" in files:
        governed.append(options.stdin_filename or "-")
    try:
        resolver = ConfigResolver(options.config)
        for path in governed:
            cfg = resolver.for_path(path)
            if "vale" in cfg.sections:
                return
            ids += [r.id for r in cfg.rules]
    except ConfigError:
        return  # reported for each file it governs; the per-draft check covers the names
    Vocabulary(ids).check_options(options.select, options.ignore)


def run(paths: list[str], options: Options, keep_text: bool = False) -> Report:
    files, missing = expand_paths(paths, extra_suffixes=(".rst", ".rest") if options.vale_config else ())
    check_command_line_selectors(files, options)
    report = Report(errors=[FileError(p, m) for p, m in missing])
    jobs = max(1, options.jobs or 1)
    done: dict[str, FileResult] = {}
    checker = Checker(options)
    if options.use_cache and jobs > 1 and len(files) >= 2 * jobs and "-" not in files:
        # Answer what the cache holds here, and fork workers (who build the rules) only for the rest.
        for f in files:
            hit = checker.check_path(f, keep_text, only_cached=True)
            if hit is not None:
                done[f] = hit
    todo = [f for f in files if f not in done]
    if jobs > 1 and len(todo) >= 2 * jobs and "-" not in todo:
        import gc
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        from lint.lifetime import die_with_parent

        frozen = False
        if hasattr(os, "fork"):
            # Build the rules (and load what they need) once, here; forked workers inherit them.
            global _WORKER
            _WORKER = checker
            if _WORKER.prepare(todo[0]):
                # The first file is checked here: whatever the rules load on first need (the hyphenation
                # dictionary, recognisers, patterns) is then loaded once, for every worker.
                done[todo[0]] = checker.check_path(todo[0], keep_text)
                todo = todo[1:]
            # What exists now lives as long as the run: the collector of each worker need not walk it
            # (and its walk would copy every inherited page of memory).
            gc.freeze()
            frozen = True
            # Workers die with this process, even on SIGKILL (a cancelled CI job): see lint/lifetime.py.
            ctx, init, init_args = multiprocessing.get_context("fork"), die_with_parent, (os.getpid(),)
        else:
            ctx, init, init_args = multiprocessing.get_context("spawn"), _init_worker, (options, os.getpid())
        try:
            with ProcessPoolExecutor(jobs, mp_context=ctx, initializer=init, initargs=init_args) as pool:
                chunk = max(1, min(64, len(todo) // (jobs * 8)))
                done.update(zip(todo, pool.map(_work, [(f, keep_text) for f in todo], chunksize=chunk)))
        finally:
            if frozen:
                gc.unfreeze()
    else:
        done.update((f, checker.check_path(f, keep_text)) for f in todo)
    results = [done[f] for f in files]
    seen_notices: set[str] = set()
    for r in results:
        if r.document:
            report.documents.append(r.document)
            report.fail_on[r.path] = r.fail_on
            report.min_severity[r.path] = r.min_severity
        report.findings.extend(r.findings)
        report.errors.extend(r.errors)
        for rule_id, seconds in (r.timings or {}).items():
            report.timings[rule_id] = report.timings.get(rule_id, 0.0) + seconds
        if r.text is not None:
            report.texts[r.path] = r.text
        for n in r.notices:
            if n not in seen_notices:
                seen_notices.add(n)
                report.notices.append(n)
    report.documents.sort(key=lambda d: d.path)
    report.notices.extend(unavailable_notices(report.documents))
    report.findings.sort(key=Finding.sort_key)
    report.errors.sort(key=lambda e: (e.path, e.message))
    return report


#: Files named in a notice before "and N more".
NAMED_FILES = 10


def unavailable_notices(documents: list[DocumentInfo]) -> list[str]:
    """One notice per family whose findings are missing for some documents, naming them."""
    by_family: dict[str, list[str]] = {}
    for d in documents:
        for family in d.unavailable:
            by_family.setdefault(family, []).append(d.path)
    notices = []
    for family, paths in sorted(by_family.items()):
        names = ", ".join(paths[:NAMED_FILES])
        if len(paths) > NAMED_FILES:
            names += f" and {len(paths) - NAMED_FILES} more"
        noun = "file" if len(paths) == 1 else "files"
        notices.append(f"{family} findings unavailable (not checked) in {len(paths)} {noun}: {names}")
    return notices
