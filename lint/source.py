"""Reading a draft from disk (or stdin) into text, with errors that name the problem."""

from __future__ import annotations

import codecs
import os
import stat
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

#: File name endings copydesk reads when it walks a folder, and the format each means.
FORMATS = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
}

#: Endings read only when asked for (Vale mode lints reStructuredText); copydesk's own checks see plain text.
EXTRA_FORMATS = {".rst": "text", ".rest": "text"}

#: Drafts larger than this are refused rather than read into memory.
MAX_BYTES = 64 * 1024 * 1024

#: Configs, rule packs, facts files and baselines larger than this are refused (the shipped
#: knowledge base is under 100 KB; `extends: /dev/zero` once grew to 22 GB).
MAX_CONFIG_BYTES = 16 * 1024 * 1024


class SourceError(Exception):
    """A file that cannot be read as a draft; the message names the problem."""


@dataclass(frozen=True)
class Source:
    path: str  # as the user named it (or "-" for stdin)
    text: str
    format: str  # markdown | text | html


def format_for(path: str, default: str = "markdown") -> str:
    ext = os.path.splitext(path)[1].lower()
    return FORMATS.get(ext) or EXTRA_FORMATS.get(ext, default)


def decode(data: bytes) -> str:
    """Decode a draft: UTF-8 (a BOM is dropped), or UTF-16 with a BOM; anything else is an error."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise SourceError(f"not valid UTF-16 at byte {exc.start + 2}") from None
    if b"\x00" in data[:8192]:
        raise SourceError("binary file (contains NUL bytes), not a text draft")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SourceError(f"not valid UTF-8 at byte {exc.start}") from None


def read_source(path: str, stdin_format: str = "markdown") -> Source:
    if path == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise SourceError(f"too large (more than {MAX_BYTES} bytes on stdin; the limit is {MAX_BYTES})")
        return Source("-", decode(data), stdin_format)
    try:
        with _os_errors_explained():
            data = _read_bounded(path)
    except FileNotFoundError:
        raise SourceError("no such file") from None
    return Source(path, decode(data), format_for(path))


@contextmanager
def _os_errors_explained():
    """Turn an operating-system error into a SourceError that says what is wrong with the file.
    FileNotFoundError passes through: a missing draft and a missing setting file mean different things."""
    try:
        yield
    except FileNotFoundError:
        raise
    except PermissionError:
        raise SourceError("permission denied") from None
    except IsADirectoryError:
        raise SourceError("is a folder") from None
    except OSError as exc:
        raise SourceError(exc.strerror or str(exc)) from None


def _read_bounded(path: str, limit: int | None = None) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes (default MAX_BYTES, read at call time),
    judged on the file actually opened.

    Opening without blocking and checking the opened file (not the name, which may be swapped
    meanwhile) means a FIFO with no writer, a device such as /dev/zero, or a folder put in the
    file's place is refused instead of hanging the run or filling memory.
    """
    limit = MAX_BYTES if limit is None else limit
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as fh:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise SourceError("is a folder")
        if not stat.S_ISREG(st.st_mode):
            raise SourceError(f"not a regular file (a {_file_kind(st.st_mode)}), not a text draft")
        if st.st_size > limit:
            raise SourceError(f"too large ({st.st_size} bytes; the limit is {limit})")
        data = fh.read(limit + 1)  # the file may grow while it is read
    if len(data) > limit:
        raise SourceError(f"too large (grew past the limit of {limit} bytes while read)")
    return data


def read_setting_file(path: str, limit: int | None = None) -> bytes:
    """The bytes of a config, rule pack, facts file or baseline, with the drafts' guards: a regular
    file only (a FIFO is refused, not waited on; a device is refused, not read forever) and at most
    ``limit`` bytes. Raises SourceError naming the problem (FileNotFoundError is kept as such)."""
    with _os_errors_explained():
        return _read_bounded(path, MAX_CONFIG_BYTES if limit is None else limit)


def _file_kind(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "named pipe"), (stat.S_ISCHR, "character device"),
                       (stat.S_ISBLK, "block device"), (stat.S_ISSOCK, "socket")):
        if test(mode):
            return name
    return "special file"


def expand_paths(paths: list[str], extra_suffixes=()) -> tuple[list[str], list[tuple[str, str]]]:
    """Expand folders into the drafts below them (sorted), and report paths that do not exist.

    Returns the files to check and (path, message) errors. Symlinked folders are
    followed once; a loop is reported, not followed forever. A file named twice (``a.md`` and
    ``./a.md``, or a file and its folder) is checked once, under the first spelling given.
    """
    files: list[str] = []
    errors: list[tuple[str, str]] = []
    for path in paths:
        if path == "-":
            files.append(path)
            continue
        p = Path(path)
        if p.is_dir():
            files.extend(_walk(p, errors, extra_suffixes))
        elif p.exists() or p.is_symlink():
            files.append(path)
        else:
            errors.append((path, "no such file or folder"))
    return _once(files), list(dict.fromkeys(errors))


def _once(files: list[str]) -> list[str]:
    """``files`` without repeats of the same path however spelled (stdin counts once too)."""
    seen: set[str] = set()
    out = []
    for f in files:
        key = f if f == "-" else os.path.normpath(os.path.abspath(f))
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


_SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", ".tox", ".cache"}


def _walk(root: Path, errors: list[tuple[str, str]], extra_suffixes=()) -> list[str]:
    found: list[str] = []
    seen: set[tuple[int, int]] = set()

    def visit(folder: Path) -> None:
        try:
            st = folder.stat()
        except OSError as exc:
            errors.append((str(folder), exc.strerror or str(exc)))
            return
        key = (st.st_dev, st.st_ino)
        if key in seen:
            errors.append((str(folder), "symbolic link loop; folder skipped"))
            return
        seen.add(key)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            errors.append((str(folder), exc.strerror or str(exc)))
            return
        for entry in entries:
            if entry.is_dir():
                if entry.name not in _SKIP_DIRS and not entry.name.startswith("."):
                    visit(Path(entry.path))
            elif os.path.splitext(entry.name)[1].lower() in FORMATS or \
                    os.path.splitext(entry.name)[1].lower() in extra_suffixes:
                found.append(entry.path)

    visit(root)
    return found
