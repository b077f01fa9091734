"""``fact``: statements that contradict the dated knowledge base at the draft's date.

The knowledge base (``rules/facts/*.yaml`` plus the files named in the
config's ``facts:`` section) says what held when; :mod:`lint.facts.judge`
decides whether a statement is outdated, premature or gives a wrong title at
the document's own date (``doc.as_of``; today only if the draft has none).
One rule per judgement; they share one pass over the draft.

Parameters:
  judgement   which verdicts this rule reports: outdated, premature or wrong-title
Message fields: {match}, {detail}, {source}, {as_of}, {since}, {fact}, {about}, {replacement}.
"""

from __future__ import annotations

import datetime as dt

from lint.checks.base import BuildContext, Check, Params, check_template, make_finding
from lint.document import Document

PARAMETERS = {"judgement": "which verdicts the rule reports: outdated, premature or wrong-title"}
JUDGEMENTS = ("outdated", "premature", "wrong-title")
FIELDS = {"match", "detail", "source", "as_of", "since", "fact", "about", "replacement"}


class FactJudge:
    """Judges each document once for all the fact rules that share it."""

    def __init__(self, kb, files: tuple[str, ...] = ()) -> None:
        self.kb = kb
        self.files = files
        self._last: tuple[Document, list] | None = None
        self._fingerprint: str | None = None

    def fingerprint(self) -> str:
        """A hash of the knowledge-base files, so cached results expire when a fact changes."""
        if self._fingerprint is None:
            import hashlib

            from lint.source import SourceError, read_setting_file

            h = hashlib.sha256()
            for path in self.files:
                h.update(str(path).encode())
                try:
                    h.update(read_setting_file(str(path)))
                except (OSError, SourceError):
                    h.update(b"missing")
            self._fingerprint = h.hexdigest()
        return self._fingerprint

    def verdicts(self, doc: Document) -> list:
        if self._last is not None and self._last[0] is doc:
            return self._last[1]
        from lint.facts.judge import judge_document

        verdicts = judge_document(self.kb, doc, doc.as_of or dt.date.today())
        self._last = (doc, verdicts)
        return verdicts


class FactCheck(Check):
    def __init__(self, rule, judgement: str, judge: FactJudge) -> None:
        super().__init__(rule)
        self.judgement = judgement
        self.judge = judge

    def fingerprint(self) -> str:
        return self.judge.fingerprint()

    def prepare(self) -> None:
        """Build the knowledge base's scanner (its gates and their automaton) before --jobs workers fork, so they
        share it."""
        self.judge.kb.scanner.prepare()

    def run(self, doc: Document):
        from lint.facts.judge import long_date

        as_of = doc.as_of or dt.date.today()
        for v in self.judge.verdicts(doc):
            if v.judgement != self.judgement:
                continue
            yield make_finding(
                self.rule, doc, v.start, v.end, suggestions=v.suggestions, detail=v.detail, source=v.source,
                as_of=long_date(as_of), since=long_date(v.since) if v.since else "", fact=v.fact.id,
                about=v.fact.about, replacement=v.replacement.stated if v.replacement else "")


def _judgement(rule) -> str:
    params = Params(rule, PARAMETERS)
    check_template(rule, FIELDS)
    return params.choice("judgement", "outdated", JUDGEMENTS)


def build_many(rules, context: BuildContext) -> list[Check]:
    from lint.facts.loader import base_for, builtin_files, section_settings

    judgements = [_judgement(rule) for rule in rules]
    extra_files, _ignore = section_settings(context.config)
    judge = FactJudge(base_for(context.config), (*builtin_files(), *extra_files))
    return [FactCheck(rule, j, judge) for rule, j in zip(rules, judgements)]


def build(rule, context: BuildContext) -> Check:
    return build_many([rule], context)[0]
