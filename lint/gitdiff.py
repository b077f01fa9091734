"""Changed lines since a git revision, for ``copydesk check --diff BASE``.

``git diff -U0 -M BASE`` (the working tree against BASE, so staged, unstaged
and committed changes all count) is read hunk by hunk: each ``+start,count``
marks lines of the new file as changed. A new file is changed on every line; a
renamed file is matched to its new path and only its edited lines count; a
file whose only edits are deletions has changed but has no changed lines.
Files git does not track yet (and does not ignore) count as new. ``BASE...``
(three dots) compares with the merge base of BASE and HEAD, as ``git diff`` does.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from lint.errors import CopydeskError

_HUNK = re.compile(r"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")
_ESCAPES = {"a": 7, "b": 8, "t": 9, "n": 10, "v": 11, "f": 12, "r": 13, '"': 34, "\\": 92}


class GitDiffError(CopydeskError):
    """git is missing, the folder is not a repository, or the revision is unknown."""


@dataclass
class FileChanges:
    #: Every line is new (an added or untracked file).
    all_lines: bool = False
    lines: set[int] = field(default_factory=set)

    def touches(self, first: int, last: int) -> bool:
        return self.all_lines or any(n in self.lines for n in range(first, last + 1))


@dataclass
class ChangedLines:
    root: Path
    files: dict[str, FileChanges] = field(default_factory=dict)  # repository-relative posix path -> changes

    def contains(self, path: str) -> bool:
        """Is ``path`` inside the repository (so that --diff can say what changed in it)?"""
        try:
            Path(os.path.realpath(path)).relative_to(self.root)
        except ValueError:
            return False
        return True

    def for_path(self, path: str) -> FileChanges | None:
        """The changes to ``path`` (as copydesk names it), or None if it has not changed."""
        try:
            rel = Path(os.path.realpath(path)).relative_to(self.root).as_posix()
        except ValueError:
            return None
        return self.files.get(rel)

    def keeps(self, finding) -> bool:
        """Is ``finding`` on a changed line (or, for a document-level finding, in a changed file)?"""
        changes = self.for_path(finding.path)
        if changes is None:
            return False
        if finding.document_level:
            return True
        last = finding.end_line
        # A span that ends at the very start of a line does not touch that line.
        if last > finding.line and finding.end_column == 1:
            last -= 1
        return changes.touches(finding.line, max(last, finding.line))


def unquote_path(raw: str) -> str:
    """A path as git prints it: plain, or C-quoted with octal escapes for non-ASCII bytes."""
    if not (raw.startswith('"') and raw.endswith('"')):
        return raw
    body, out, i = raw[1:-1], bytearray(), 0
    while i < len(body):
        ch = body[i]
        if ch == "\\" and i + 1 < len(body):
            nxt = body[i + 1]
            if nxt in "01234567":
                out.append(int(body[i + 1:i + 4], 8))
                i += 4
                continue
            out.append(_ESCAPES.get(nxt, ord(nxt)))
            i += 2
            continue
        out.extend(ch.encode("utf-8"))
        i += 1
    return out.decode("utf-8", "surrogateescape")


def _new_path(line: str) -> str | None:
    """The path from a ``+++ b/path`` line, or None for ``+++ /dev/null`` (a deleted file)."""
    raw = line[4:].rstrip("\n")
    if raw.endswith("\t"):  # git appends a tab when the name has spaces in some versions
        raw = raw[:-1]
    if raw == "/dev/null":
        return None
    path = unquote_path(raw)
    return path[2:] if path.startswith("b/") else path


def parse_diff(text: str) -> dict[str, FileChanges]:
    """Changed lines per new path, from ``git diff -U0`` output with a/ and b/ prefixes.

    Hunk bodies are skipped by count, so an added line that itself reads like a
    header ("++ b/x" shows as "+++ b/x") is never taken for one.
    """
    files: dict[str, FileChanges] = {}
    current: FileChanges | None = None
    new_file = False
    pending = 0  # body lines of the current hunk still to skip
    for line in text.split("\n"):
        if pending:
            if not line.startswith("\\"):  # "\ No newline at end of file" is not counted
                pending -= 1
            continue
        if line.startswith("diff --git "):
            current, new_file = None, False
        elif line.startswith("new file mode"):
            new_file = True
        elif line.startswith("+++ "):
            path = _new_path(line)
            current = files.setdefault(path, FileChanges(all_lines=new_file)) if path is not None else None
        elif line.startswith("@@ "):
            m = _HUNK.match(line)
            if m:
                old_count = int(m.group(2)) if m.group(2) is not None else 1
                start, count = int(m.group(3)), int(m.group(4)) if m.group(4) is not None else 1
                pending = old_count + count
                if current is not None:
                    current.lines.update(range(start, start + count))
    return files


def _git(args: list[str], cwd: str) -> str:
    try:
        proc = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError:
        raise GitDiffError("--diff needs git, which is not installed (or not on PATH)") from None
    if proc.returncode != 0:
        message = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        reason = message[-1] if message else f"exit {proc.returncode}"
        raise GitDiffError(f"git {args[0]} failed: {reason}")
    return proc.stdout.decode("utf-8", "surrogateescape")


def changed_lines(base: str, cwd: str = ".") -> ChangedLines:
    """Lines changed in the working tree of the repository around ``cwd`` since revision ``base``."""
    try:
        root = _git(["rev-parse", "--show-toplevel"], cwd).strip()
    except GitDiffError:
        raise GitDiffError(f"--diff {base}: {os.path.abspath(cwd)} is not inside a git repository") from None
    # "BASE..." means the merge base of BASE and HEAD, as in "git diff BASE...": what this branch changed,
    # without the edits made on BASE since the branch left it.
    rev = base[:-3] if base.endswith("...") else base
    try:
        _git(["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], root)
    except GitDiffError:
        raise GitDiffError(f"--diff {base}: no such git revision (in a shallow CI clone, fetch it first, "
                           f"e.g. 'git fetch origin {rev}', or check out with full history)") from None
    if base.endswith("..."):
        try:
            rev = _git(["merge-base", rev, "HEAD"], root).strip()
        except GitDiffError:
            raise GitDiffError(f"--diff {base}: {base[:-3]} and HEAD have no common ancestor (a shallow clone? "
                               f"fetch more history)") from None
    diff = _git(["-c", "core.quotePath=false", "diff", "-U0", "--no-color", "--no-ext-diff", "-M",
                 "--src-prefix=a/", "--dst-prefix=b/", rev, "--"], root)
    files = parse_diff(diff)
    untracked = _git(["ls-files", "-z", "--others", "--exclude-standard"], root)
    for path in filter(None, untracked.split("\0")):
        files[path] = FileChanges(all_lines=True)
    return ChangedLines(Path(os.path.realpath(root)), files)
