"""``grammar``: grammar and spelling from a real LanguageTool server.

Each prose block (paragraph, heading, table cell) is sent on its own, markup
removed (:mod:`lint.grammar.text`), and each LanguageTool match becomes a
finding with the rule id ``grammar.<LanguageTool rule id>``, spelled as
LanguageTool spells it (``grammar.MORFOLOGIK_RULE_EN_US``, ``grammar.THEIR_IS``),
so the id can be pasted into ``grammar.disabled_rules`` or looked up in
LanguageTool's rule list. The message and suggestions are LanguageTool's.

Settings live in the ``grammar:`` config section (:mod:`lint.grammar.settings`);
the rule takes no parameters. Answers are cached on disk by paragraph text and
settings (:mod:`lint.grammar.cache`), so a re-run over unchanged drafts starts
no Java and calls no server.
"""

from __future__ import annotations

import hashlib

from lint.checks.base import BuildContext, Check, Params, make_finding
from lint.document import Document
from lint.errors import ConfigError

PARAMETERS: dict[str, str] = {}

#: Rules about the shape of a sentence, which headings and table cells need not have.
SENTENCE_SHAPE_RULES = {"UPPERCASE_SENTENCE_START", "PUNCTUATION_PARAGRAPH_END", "EN_UNPAIRED_BRACKETS",
                        "EN_UNPAIRED_QUOTES"}
#: Categories whose matches are misspellings, for the accept list.
SPELLING_CATEGORIES = {"TYPOS"}

#: One backend per distinct settings in a process, shared by every check built from them.
_BACKENDS: dict = {}


def _custom_rules_digest() -> str:
    from lint.grammar.server import EXTRA_RULES

    digest = hashlib.sha256()
    for path in sorted(EXTRA_RULES.rglob("*.xml")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def vocabulary(settings, config=None) -> tuple[frozenset[str], frozenset[str]]:
    """Words never reported as misspellings: (exact spellings, lower-case entries matched in any case).

    They are grammar.accept, the shared vocabulary section's accept list when it is one (its owner
    validates it), and the proper names of the facts knowledge base.
    """
    shared = config.section("vocabulary").get("accept") if config is not None else None
    shared = [w for w in shared if isinstance(w, str)] if isinstance(shared, list) else []
    words = set()
    for entry in [*settings.accept, *shared, *_known_names()]:
        words.update(entry.split())
    exact = frozenset(words)
    folded = frozenset(w.casefold() for w in words if w == w.lower())
    return exact, folded


def _known_names() -> list[str]:
    """Proper names from the facts knowledge base, when that part of copydesk is installed."""
    try:
        from lint.facts import known_names
    except ImportError:
        return []
    try:
        return [n for n in known_names() if isinstance(n, str)]
    except Exception:  # noqa: BLE001 - a broken knowledge base is reported by the facts rules, not here
        return []


class GrammarCheck(Check):
    def __init__(self, rule, context: BuildContext) -> None:
        super().__init__(rule)
        from lint.grammar.cache import ResultCache, cache_dir
        from lint.grammar.server import LANGUAGETOOL_VERSION
        from lint.grammar.settings import load_settings

        self.context = context
        self.settings = settings = load_settings(context.config)
        self.exact, self.folded = vocabulary(settings, context.config)
        folder = cache_dir(context.config)
        # The server's address is not part of the key: the same paragraph gets the same answer from any
        # server of the pinned release, and a re-run must not need one. After pointing copydesk at a
        # server of another release, clear the cache (docs/grammar.md).
        settings_key = "|".join([
            LANGUAGETOOL_VERSION, settings.language, ",".join(sorted(settings.disabled_rules)),
            ",".join(sorted(settings.disabled_categories)), _custom_rules_digest()])
        self.cache = ResultCache(folder, settings_key)
        backend_key = (settings.server, str(settings.path), settings.language, settings.timeout,
                       settings.disabled_rules, settings.disabled_categories, str(folder))
        if backend_key not in _BACKENDS:
            from lint.grammar.client import Backend

            _BACKENDS[backend_key] = Backend(settings, folder)
        self.backend = _BACKENDS[backend_key]

    # -- asking --------------------------------------------------------------
    def _matches(self, text: str) -> list[dict] | str:
        """LanguageTool's matches for ``text`` (cached, else asked), or why they cannot be had."""
        cached = self.cache.get(text)
        if cached is not None:
            return cached
        from lint.grammar.server import Unavailable

        try:
            matches = self.backend.check(text)
        except Unavailable as exc:
            return str(exc)  # never cached: the next run asks again
        self.cache.put(text, matches)
        return matches

    def _unavailable(self, doc: Document, why: str) -> None:
        """Record that this document's grammar findings are missing; an error when grammar.required."""
        self.context.mark_unavailable(doc.path, "grammar", why)
        if self.settings.required:
            config = self.context.config
            section = config.section("grammar") if config is not None else {}
            line = section.line_of("required") if hasattr(section, "line_of") else None
            raise ConfigError(f"grammar checks could not run: {why}", getattr(config, "path", None) or "grammar",
                              line, "grammar.required")
        self.context.notice(f"grammar checks skipped for paragraphs not in the cache: {why} "
                            f"(grammar.required: true makes this an error; 'copydesk explain grammar' says how "
                            f"to get LanguageTool)")

    # -- reporting -----------------------------------------------------------
    def accepted(self, word: str) -> bool:
        for form in (word, word.removesuffix("'s").removesuffix("’s")):
            if form in self.exact or form.casefold() in self.folded:
                return True
        return False

    def run(self, doc: Document):
        from lint.grammar.text import piece_for_block

        spans = doc.layout.prose
        starts = [s for s, _ in spans]
        missing = None
        for block in doc.blocks:
            piece = piece_for_block(doc.text, spans, block.start, block.end, starts)
            if not any(ch.isalpha() for ch in piece.text):
                continue
            matches = self._matches(piece.text)
            if isinstance(matches, str):
                missing = missing or matches
                continue
            for m in matches:
                finding = self._finding(doc, block, piece, m)
                if finding is not None:
                    yield finding
        if missing is not None:
            self._unavailable(doc, missing)

    def _finding(self, doc: Document, block, piece, m: dict):
        if m["rule"] in self.settings.disabled_rules or m["category"] in self.settings.disabled_categories:
            return None
        if block.kind != "paragraph" and m["rule"] in SENTENCE_SHAPE_RULES:
            return None
        if not 0 <= m["start"] < m["end"] <= len(piece.text):
            return None
        start, end = piece.span(m["start"], m["end"])
        if (m["category"] in SPELLING_CATEGORIES or m.get("type") == "misspelling") \
                and self.accepted(doc.text[start:end]):
            return None
        finding = make_finding(self.rule, doc, start, end, message=m["message"], suggestions=m["replacements"])
        finding.rule = f"grammar.{m['rule']}"
        finding.severity = self._severity(finding.rule, m["category"])
        return finding

    def _severity(self, finding_id: str, category: str):
        """The config's top-level severity for this LanguageTool id (e.g. grammar.EN_QUOTES: info) wins;
        then grammar.severity for its category; then the rule's severity."""
        from lint.finding import Severity
        from lint.rules import matches_prefix

        config = self.context.config
        specific = [key for key in (getattr(config, "severity", None) or {})
                    if matches_prefix(finding_id, [key]) and not matches_prefix(self.rule.id, [key])]
        if specific:
            return Severity.parse(config.severity[max(specific, key=len)])
        return self.settings.severity_of(category, self.rule.severity)


def build(rule, context: BuildContext) -> Check:
    Params(rule, PARAMETERS)
    return GrammarCheck(rule, context)
