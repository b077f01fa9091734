"""The engine: selects the rules for each draft, runs them, applies suppressions, sorts.

Files are independent, so ``jobs > 1`` spreads them over processes; results
are gathered in input order and sorted, so the output is identical to a run
with one job.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field

from lint.checks import kind_module
from lint.checks.base import BuildContext, Check
from lint.config import Config, ConfigResolver, selected
from lint.dateline import resolve_as_of
from lint.document import Document
from lint.errors import ConfigError
from lint.finding import Finding, Severity
from lint.rules import Rule, builtin_rules, matches_prefix
from lint.source import SourceError, expand_paths, read_source
from lint.suppress import is_silenced, silences


@dataclass
class Options:
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    as_of: dt.date | None = None
    config: str | None = None
    stdin_filename: str | None = None
    jobs: int = 1


@dataclass
class DocumentInfo:
    path: str
    as_of: str
    as_of_source: str
    words: int = 0

    def to_dict(self) -> dict:
        return {"path": self.path, "as_of": self.as_of, "as_of_source": self.as_of_source, "words": self.words}


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


# -- rule selection ----------------------------------------------------------

def _severity_for(rule_id: str, overrides: dict[str, str]) -> str | None:
    best, best_len = None, -1
    for prefix, sev in overrides.items():
        if matches_prefix(rule_id, [prefix]) and len(prefix) > best_len:
            best, best_len = sev, len(prefix)
    return best


def effective_rules(config: Config, options: Options, path: str) -> list[Rule]:
    """The rules that apply to ``path`` under ``config`` and the command-line options."""
    from dataclasses import replace

    select = options.select if options.select is not None else config.select
    ignore = [*config.ignore, *options.ignore]
    severity = dict(config.severity)
    rule_options = {k: dict(v) for k, v in config.options.items()}
    for override in config.overrides_for(path):
        if "select" in override and options.select is None:
            select = override["select"]
        ignore += override.get("ignore", [])
        severity.update(override.get("severity", {}))
        for rid, params in override.get("options", {}).items():
            rule_options.setdefault(rid, {}).update(params)
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
            rule = rule.with_params(rule_options[rule.id])
        out.append(rule)
    return out


class CheckCache:
    """Builds each distinct rule set once per process."""

    def __init__(self) -> None:
        self._cache: dict = {}

    def checks(self, config: Config, rules: list[Rule]) -> tuple[list[Check], BuildContext]:
        key = (id(config), tuple((r.id, r.severity, repr(sorted(r.params.items(), key=str))) for r in rules))
        if key not in self._cache:
            context = BuildContext(config=config)
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
            self._cache[key] = (built, context)
        return self._cache[key]


# -- checking ----------------------------------------------------------------

@dataclass
class FileResult:
    path: str
    document: DocumentInfo | None = None
    findings: list[Finding] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    text: str | None = None


def check_document(doc: Document, checks: list[Check]) -> tuple[list[Finding], list[FileError]]:
    findings: list[Finding] = []
    errors: list[FileError] = []
    for check in checks:
        try:
            findings.extend(check.run(doc))
        except TimeoutError:
            errors.append(FileError(doc.path, f"rule {check.rule.id} took too long on this file (a pattern that "
                                              f"backtracks?) and was stopped; the other rules ran"))
        except ConfigError as exc:
            errors.append(FileError(doc.path, str(exc)))
        except Exception as exc:  # noqa: BLE001 - one failing rule must not lose the others' findings
            errors.append(FileError(doc.path, f"rule {check.rule.id} failed: {type(exc).__name__}: {exc}"))
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

    def check_path(self, path: str, keep_text: bool = False) -> FileResult:
        display = self.options.stdin_filename if path == "-" and self.options.stdin_filename else path
        result = FileResult(display)
        try:
            config = self.resolver.for_path(display if path == "-" else path)
            source = read_source(path)
            fmt = source.format
            if path == "-" and self.options.stdin_filename:
                from lint.source import format_for

                fmt = format_for(self.options.stdin_filename)
            rules = effective_rules(config, self.options, display)
            checks, context = self.cache.checks(config, rules)
        except SourceError as exc:
            result.errors.append(FileError(display, str(exc)))
            return result
        except ConfigError as exc:
            result.errors.append(FileError(display, f"config error: {exc}"))
            return result
        doc = Document(display, source.text, fmt)
        resolve_as_of(doc, self.options.as_of, config.as_of, config.date_order)
        result.document = DocumentInfo(display, doc.as_of.isoformat(), doc.as_of_source, doc.word_count)
        result.findings, result.errors = check_document(doc, checks)
        # A rule may report under finer ids than its own (grammar.languagetool reports grammar.<LT rule>);
        # ignoring one of those ids drops its findings.
        ignore = [*config.ignore, *self.options.ignore,
                  *(i for override in config.overrides_for(display) for i in override.get("ignore", []))]
        if ignore:
            result.findings = [f for f in result.findings if not matches_prefix(f.rule, ignore)]
        result.notices = list(getattr(context, "notices", []))
        if keep_text:
            result.text = source.text
        return result


_WORKER: Checker | None = None


def _init_worker(options: Options) -> None:
    global _WORKER
    _WORKER = Checker(options)


def _work(args) -> FileResult:
    path, keep_text = args
    return _WORKER.check_path(path, keep_text)


def run(paths: list[str], options: Options, keep_text: bool = False) -> Report:
    files, missing = expand_paths(paths)
    report = Report(errors=[FileError(p, m) for p, m in missing])
    jobs = max(1, options.jobs or 1)
    if jobs > 1 and len(files) >= 2 * jobs and "-" not in files:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        ctx = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
        with ProcessPoolExecutor(jobs, mp_context=ctx, initializer=_init_worker, initargs=(options,)) as pool:
            chunk = max(1, min(64, len(files) // (jobs * 8)))
            results = list(pool.map(_work, [(f, keep_text) for f in files], chunksize=chunk))
    else:
        checker = Checker(options)
        results = [checker.check_path(f, keep_text) for f in files]
    seen_notices: set[str] = set()
    for r in results:
        if r.document:
            report.documents.append(r.document)
        report.findings.extend(r.findings)
        report.errors.extend(r.errors)
        if r.text is not None:
            report.texts[r.path] = r.text
        for n in r.notices:
            if n not in seen_notices:
                seen_notices.add(n)
                report.notices.append(n)
    report.findings.sort(key=Finding.sort_key)
    report.documents.sort(key=lambda d: d.path)
    report.errors.sort(key=lambda e: (e.path, e.message))
    return report
