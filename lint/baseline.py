"""Baselines: record today's findings so that only new ones are reported.

A finding is identified by its rule, its path (relative to the baseline file's
folder, so the baseline works from any working directory) and the matched
text with a few words of context from its own paragraph, whitespace-collapsed.
Line numbers are not part of it: editing a paragraph above a finding, or
re-wrapping the finding's own paragraph, does not bring it back. When the
context changed (a neighbouring word was fixed), a finding still matches a
recorded one with the same rule, path and text that nothing else claimed.
Counts matter: if a draft has the same finding twice and the baseline recorded
it once, one is reported. Document-level findings (about the whole draft) are
keyed by rule and path alone.

The same key, with its occurrence number, gives the stable fingerprints of the
SARIF and GitLab reports.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from lint.errors import CopydeskError

FORMAT_VERSION = 1
#: Words of context kept on each side of the matched text.
CONTEXT_WORDS = 3
#: How far to look for context and for the paragraph's edges, in characters.
_WINDOW = 400
_PARAGRAPH_BREAK = re.compile(r"(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)")

Key = tuple[str, str, str, str, str]  # rule, path, match, before, after


class BaselineError(CopydeskError):
    """A baseline file that cannot be read or written; the message names it."""


def _collapse(text: str) -> str:
    return " ".join(text.split())


def context(text: str, start: int, end: int, words: int = CONTEXT_WORDS) -> tuple[str, str]:
    """A few words before and after [start, end), never crossing a paragraph break."""
    before = text[max(0, start - _WINDOW):start]
    breaks = list(_PARAGRAPH_BREAK.finditer(before))
    if breaks:
        before = before[breaks[-1].end():]
    after = text[end:end + _WINDOW]
    brk = _PARAGRAPH_BREAK.search(after)
    if brk:
        after = after[:brk.start()]
    return " ".join(before.split()[-words:]), " ".join(after.split()[:words])


def finding_key(finding, text: str | None, path: str | None = None) -> Key:
    """What identifies ``finding`` across edits; ``text`` is its document's text (None if unknown)."""
    where = finding.path if path is None else path
    if finding.document_level:
        return (finding.rule, where, "", "", "")
    match = finding.match
    before = after = ""
    if text is not None:
        match = text[finding.start:finding.end]
        before, after = context(text, finding.start, finding.end)
    return (finding.rule, where, _collapse(match), before, after)


def fingerprints(findings: Iterable, text_of: Callable[[str], str | None]) -> list[str]:
    """A stable fingerprint per finding: its key and its occurrence number among equal keys."""
    seen: Counter = Counter()
    out = []
    here = Path.cwd()
    for f in findings:
        key = finding_key(f, text_of(f.path), relative_to(f.path, here))
        seen[key] += 1
        payload = json.dumps([*key, seen[key]], ensure_ascii=False)
        out.append(hashlib.sha256(payload.encode("utf-8")).hexdigest())
    return out


def relative_to(path: str, folder: Path) -> str:
    """``path`` relative to ``folder``, with forward slashes (absolute paths elsewhere stay absolute)."""
    if path == "-":
        return path
    try:
        return Path(os.path.relpath(os.path.abspath(path), folder)).as_posix()
    except ValueError:  # another drive on Windows
        return Path(os.path.abspath(path)).as_posix()


@dataclass
class Baseline:
    """Recorded findings, counted by key."""

    counts: Counter = field(default_factory=Counter)
    folder: Path = field(default_factory=Path.cwd)
    #: Recorded findings the last :meth:`filter` did not meet (fixed since, or edited beyond recognition).
    unmatched: Counter = field(default_factory=Counter)

    def key(self, finding, text: str | None) -> Key:
        return finding_key(finding, text, relative_to(finding.path, self.folder))

    @classmethod
    def from_findings(cls, findings: Iterable, texts: dict[str, str], folder: Path) -> "Baseline":
        baseline = cls(folder=folder)
        for f in findings:
            baseline.counts[baseline.key(f, texts.get(f.path))] += 1
        return baseline

    def filter(self, findings: list, texts: dict[str, str]) -> tuple[list, int]:
        """The findings the baseline does not cover, and how many it hid.

        First each finding is matched with its context; findings left over are then
        matched on rule, path and text alone against the entries left over, so
        that an edit right next to a recorded finding (fixing a neighbour, say)
        does not bring it back while a new occurrence elsewhere is still reported.
        """
        left = Counter(self.counts)
        keys = [self.key(f, texts.get(f.path)) for f in findings]
        hidden = [False] * len(findings)
        for i, key in enumerate(keys):
            if left[key] > 0:
                left[key] -= 1
                hidden[i] = True
        loose: dict[tuple, list] = {}
        for key, n in left.items():
            if n > 0:
                loose.setdefault(key[:3], []).append(key)
        for i, key in enumerate(keys):
            if hidden[i]:
                continue
            for candidate in loose.get(key[:3], ()):
                if left[candidate] > 0:
                    left[candidate] -= 1
                    hidden[i] = True
                    break
        self.unmatched = +left
        kept = [f for f, h in zip(findings, hidden, strict=True) if not h]
        return kept, len(findings) - len(kept)

    def stale(self, paths: Iterable[str]) -> int:
        """How many recorded findings in ``paths`` (as checked) the last filter did not meet."""
        checked = {relative_to(p, self.folder) for p in paths}
        return sum(n for key, n in self.unmatched.items() if key[1] in checked)

    # -- files -----------------------------------------------------------------
    def to_json(self) -> str:
        entries = [{"rule": r, "path": p, "match": m, "before": b, "after": a, "count": n}
                   for (r, p, m, b, a), n in sorted(self.counts.items())]
        data = {"version": FORMAT_VERSION, "tool": "copydesk", "findings": entries}
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

    def write(self, path: str) -> None:
        from lint.atomic import write_text_atomic

        try:
            write_text_atomic(path, self.to_json())
        except OSError as exc:
            raise BaselineError(f"{path}: cannot write the baseline: {exc.strerror or exc}") from None

    @classmethod
    def load(cls, path: str) -> "Baseline":
        from lint.source import MAX_BYTES, SourceError, read_setting_file

        try:
            data = json.loads(read_setting_file(path, MAX_BYTES).decode("utf-8"))
        except SourceError as exc:
            raise BaselineError(f"{path}: cannot read the baseline: {exc}") from None
        except FileNotFoundError:
            raise BaselineError(f"{path}: no such baseline file (create one with 'copydesk baseline write "
                                f"{path}')") from None
        except OSError as exc:
            raise BaselineError(f"{path}: cannot read the baseline: {exc.strerror or exc}") from None
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise BaselineError(f"{path}: not a copydesk baseline (invalid JSON: {exc})") from None
        if not isinstance(data, dict) or data.get("tool") != "copydesk" or not isinstance(data.get("findings"), list):
            raise BaselineError(f"{path}: not a copydesk baseline (expected an object with tool: copydesk "
                                f"and a findings list)")
        if data.get("version") != FORMAT_VERSION:
            raise BaselineError(f"{path}: baseline format version {data.get('version')!r} is not supported "
                                f"(this copydesk writes version {FORMAT_VERSION}); write it again")
        baseline = cls(folder=Path(os.path.abspath(path)).parent)
        for i, entry in enumerate(data["findings"]):
            try:
                key = tuple(str(entry[k]) for k in ("rule", "path", "match", "before", "after"))
                count = int(entry.get("count", 1))
            except (TypeError, KeyError, ValueError):
                raise BaselineError(f"{path}: entry {i + 1} needs rule, path, match, before, after "
                                    f"and a whole-number count") from None
            baseline.counts[key] += max(count, 0)
        return baseline
