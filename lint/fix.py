"""Autofix: apply the fixes of reported findings to the drafts, safely.

- Fixes are applied in order of position; a fix that overlaps one already
  taken in this pass is skipped and reported (run ``--fix`` again for it).
  Identical fixes proposed by two rules are applied once.
- A file is written only if it still holds exactly the text that was checked
  (content and modification time compared just before the rename), so an
  editor's save during the run is never overwritten.
- A read-only file (no write permission bit, or not writable by this user) is skipped with a
  message, even when the folder would allow replacing it.
- Each file keeps its owner, mode and hard links (:mod:`lint.atomic`: atomic replacement for
  ordinary files, an in-place rewrite with a backup for hard-linked ones), in its own encoding
  (UTF-8, with its BOM if it had one, or UTF-16 with its BOM), and a
  replacement that spans lines uses the file's own line ending.
- ``dry_run`` computes the same edits and returns them as a unified diff,
  writing nothing.
"""

from __future__ import annotations

import codecs
import difflib
import os
import sys
from dataclasses import dataclass, field

from lint.finding import Finding, Fix


@dataclass
class FileFix:
    path: str
    original: str
    fixed: str
    applied: list[Finding] = field(default_factory=list)
    skipped: list[Finding] = field(default_factory=list)  # overlapped a fix applied earlier in this pass
    written: bool = False
    error: str | None = None

    def change(self, f: Finding) -> tuple[str, str]:
        """What the finding's text was and what it becomes: for a fix that deletes part of the match
        (a doubled word), ``('of of', 'of')``, not the bare replacement ``''``."""
        fix = f.fix
        start, end = min(f.start, fix.start), max(f.end, fix.end)
        before = self.original[start:end]
        return before, self.original[start:fix.start] + fix.replacement + self.original[fix.end:end]

    def diff(self) -> str:
        """The change as a unified diff that ``git apply`` and ``patch`` accept."""
        out = []
        for line in difflib.unified_diff(self.original.splitlines(keepends=True), self.fixed.splitlines(keepends=True),
                                         fromfile=f"a/{self.path}", tofile=f"b/{self.path}"):
            out.append(line)
            if not line.endswith(("\n", "\r")):  # the file's last line has no line break
                out.append("\n\\ No newline at end of file\n")
        return "".join(out)


def plan(findings: list[Finding]) -> tuple[list[Finding], list[Finding]]:
    """Split findings with fixes into those applied in one pass and those that overlap an earlier one."""
    applied: list[Finding] = []
    skipped: list[Finding] = []
    taken: list[Fix] = []
    for f in sorted((f for f in findings if f.fix is not None), key=lambda f: (f.fix.start, f.fix.end, f.rule)):
        fix = f.fix
        if fix in taken:  # the same edit from another rule: already done
            applied.append(f)
            continue
        last = taken[-1] if taken else None
        if last is not None and (fix.start < last.end or (fix.start == last.start and fix.start == fix.end)):
            skipped.append(f)
            continue
        taken.append(fix)
        applied.append(f)
    return applied, skipped


def line_ending(text: str) -> str:
    crlf, lf, cr = text.count("\r\n"), text.count("\n"), text.count("\r")
    lf, cr = lf - crlf, cr - crlf
    return max((crlf, "\r\n"), (lf, "\n"), (cr, "\r"))[1] if (crlf or lf or cr) else "\n"


def apply(text: str, findings: list[Finding]) -> str:
    """``text`` with the fixes of ``findings`` (non-overlapping, as :func:`plan` returns them) applied."""
    eol = line_ending(text)
    out, pos = [], 0
    done: set[Fix] = set()
    for f in sorted(findings, key=lambda f: (f.fix.start, f.fix.end)):
        fix = f.fix
        if fix in done:
            continue
        done.add(fix)
        replacement = fix.replacement
        if eol != "\n" and "\n" in replacement:
            replacement = replacement.replace("\r\n", "\n").replace("\n", eol)
        out.append(text[pos:fix.start])
        out.append(replacement)
        pos = fix.end
    out.append(text[pos:])
    return "".join(out)


def encode_like(original: bytes, text: str) -> bytes:
    """Encode ``text`` the way ``original`` was encoded (BOM and UTF-8/UTF-16 kept)."""
    if original.startswith(codecs.BOM_UTF8):
        return codecs.BOM_UTF8 + text.encode("utf-8")
    if original.startswith(codecs.BOM_UTF16_LE):
        return codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    if original.startswith(codecs.BOM_UTF16_BE):
        return codecs.BOM_UTF16_BE + text.encode("utf-16-be")
    return text.encode("utf-8")


class ChangedOnDisk(Exception):
    pass


def fix_file(path: str, checked_text: str, findings: list[Finding], dry_run: bool = False) -> FileFix:
    """Apply the fixes of ``findings`` (all in ``path``, checked as ``checked_text``) and write the file."""
    applied, skipped = plan(findings)
    result = FileFix(path, checked_text, apply(checked_text, applied), applied, skipped)
    if dry_run or result.fixed == checked_text:
        return result
    from lint.atomic import write_bytes_atomic
    from lint.source import SourceError, decode

    try:
        with open(path, "rb") as fh:
            stat_before = os.fstat(fh.fileno())
            raw = fh.read()
        if decode(raw) != checked_text:
            raise ChangedOnDisk
        if read_only(path, stat_before):
            result.error = "read-only; not fixed (make it writable to let --fix change it)"
            return result

        def unchanged_since_read() -> None:
            st = os.stat(path)
            if (st.st_mtime_ns, st.st_size) != (stat_before.st_mtime_ns, stat_before.st_size):
                raise ChangedOnDisk

        write_bytes_atomic(path, encode_like(raw, result.fixed), before_replace=unchanged_since_read)
        result.written = True
    except ChangedOnDisk:
        result.error = "changed on disk while it was being checked; not written (run --fix again)"
    except SourceError as exc:
        result.error = f"not fixed: {exc}"
    except OSError as exc:
        result.error = f"not fixed: {exc.strerror or exc}"
    return result


def read_only(path: str, st: os.stat_result) -> bool:
    """No write bit at all, or not writable by this user. (root may write anything: the bits say what the
    owner meant, so a file marked read-only is left alone even then.)"""
    return not (st.st_mode & 0o222) or not os.access(path, os.W_OK)


def fix_report(report, dry_run: bool = False) -> list[FileFix]:
    """Fix every file of ``report`` that has findings with fixes; ``report.texts`` must hold the checked texts."""
    by_path: dict[str, list[Finding]] = {}
    for f in report.findings:
        if f.fix is not None:
            by_path.setdefault(f.path, []).append(f)
    results = []
    for path, findings in by_path.items():
        text = report.texts.get(path)
        if text is None or path == "-":
            continue
        results.append(fix_file(path, text, findings, dry_run))
    return results


def print_fixes(fixes: list[FileFix], dry_run: bool) -> None:
    """What --fix changed (or would change), on stderr; with --dry-run the diff goes to stdout."""
    fixed = files = 0
    for result in fixes:
        if dry_run:
            sys.stdout.write(result.diff())
        if result.error:
            print(f"{result.path}: {result.error}", file=sys.stderr)
            continue
        if result.applied and (result.written or dry_run):
            files += 1
            fixed += len(result.applied)
            verb = "would fix" if dry_run else "fixed"
            for f in result.applied:
                before, after = result.change(f)
                print(f"{f.path}:{f.line}:{f.column}: {f.rule} {verb}: {before!r} -> {after!r}", file=sys.stderr)
        for f in result.skipped:
            print(f"{f.path}:{f.line}:{f.column}: {f.rule} not fixed: its fix overlaps another one; "
                  f"run --fix again", file=sys.stderr)
    noun = "file" if files == 1 else "files"
    verb = "Would fix" if dry_run else "Fixed"
    print(f"{verb} {fixed} problem{'s' if fixed != 1 else ''} in {files} {noun}.", file=sys.stderr)
    sys.stdout.flush()
