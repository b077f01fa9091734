"""The CI gate's narrowing: which findings a run reports.

``--baseline FILE`` drops findings recorded in the baseline (:mod:`lint.baseline`);
``--diff BASE`` drops findings off the lines changed since BASE (:mod:`lint.gitdiff`).
Both apply before ``--fix`` and before the exit code is decided, so the exit code
and the fixes always match the report.
"""

from __future__ import annotations


class Gate:
    """Which findings a CI run reports: not in the baseline, and on changed lines when --diff is given."""

    def __init__(self, baseline=None, diff_base: str | None = None) -> None:
        self.baseline = baseline
        self.diff_base = diff_base
        self.changes = None
        self.hidden_by_baseline = 0
        self.hidden_by_diff = 0
        self.refresh()

    @classmethod
    def from_options(cls, baseline_path: str | None, diff_base: str | None) -> "Gate":
        baseline = None
        if baseline_path:
            from lint.baseline import Baseline

            baseline = Baseline.load(baseline_path)
        return cls(baseline, diff_base)

    def refresh(self) -> None:
        """Read the changed lines (again: --fix changes the working tree)."""
        if self.diff_base:
            from lint.gitdiff import changed_lines

            self.changes = changed_lines(self.diff_base)

    def narrow(self, findings: list, texts: dict[str, str]) -> list:
        kept = findings
        if self.baseline is not None:
            kept, self.hidden_by_baseline = self.baseline.filter(kept, texts)
        if self.changes is not None:
            before = len(kept)
            kept = [f for f in kept if self.changes.keeps(f)]
            self.hidden_by_diff = before - len(kept)
        return kept

    def notes(self, checked_paths) -> list[str]:
        out = []
        if self.hidden_by_baseline:
            out.append(f"{self.hidden_by_baseline} finding{'s' if self.hidden_by_baseline != 1 else ''} "
                       f"in the baseline not reported")
        stale = self.baseline.stale(checked_paths) if self.baseline is not None else 0
        if stale:
            verb = "occurs" if stale == 1 else "occur"
            out.append(f"{stale} finding{'s' if stale != 1 else ''} in the baseline no longer {verb}; "
                       f"'copydesk baseline write' records the smaller set")
        if self.hidden_by_diff:
            out.append(f"{self.hidden_by_diff} finding{'s' if self.hidden_by_diff != 1 else ''} outside the lines "
                       f"changed since {self.diff_base} not reported")
        return out

    def errors(self, documents) -> list:
        """Drafts --diff cannot judge: outside the repository, their findings would vanish without a word."""
        from lint.engine import FileError

        if self.changes is None:
            return []
        return [FileError(d.path, f"--diff {self.diff_base}: not inside the git repository at {self.changes.root}; "
                                  f"run copydesk from that repository") for d in documents
                if not self.changes.contains(d.path)]
