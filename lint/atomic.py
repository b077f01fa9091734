"""Writing a file that already exists (or a new one) without losing it, its owner, mode or links.

The usual way is atomic: a temporary file in the same folder, then a rename, so a reader (or a
crash) sees either the old file or the new one, never half of each. The new file gets the old
one's permissions and owner; a symbolic link is followed, so the link stays a link.

A rename would break what a file shares with others, so two cases are written **in place**
instead (the same inode, rewritten): a file with more than one hard link (a rename would leave
the other names holding the old text), and a file whose owner cannot be given to the new file (a
rename by another user would take the file over). In place is not atomic, so the old bytes are
first saved beside the file (``.NAME.*.copydesk-backup``, fsynced); it is removed once the new
bytes are on disk, restored if the write fails, and left for the user if even that fails.
"""

from __future__ import annotations

import os
import stat
import tempfile


def write_bytes_atomic(path: str, data: bytes, before_replace=None) -> str:
    """Write ``data`` to ``path``; return how: ``"replaced"`` (atomically) or ``"in place"``.

    ``before_replace`` (optional) is called just before the file changes; it may raise to abandon
    the write (the original is kept).
    """
    target = os.path.realpath(path)
    folder = os.path.dirname(target) or "."
    try:
        old = os.stat(target)
    except FileNotFoundError:
        old = None
    if old is not None and old.st_nlink > 1:
        _write_in_place(target, data, before_replace)
        return "in place"
    if old is not None:
        mode = stat.S_IMODE(old.st_mode)
    else:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    fd, tmp = tempfile.mkstemp(prefix=f".{os.path.basename(target)}.", suffix=".copydesk-tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
            mine = os.fstat(fh.fileno())
        if old is not None and (old.st_uid, old.st_gid) != (mine.st_uid, mine.st_gid):
            try:
                os.chown(tmp, old.st_uid, old.st_gid)
            except PermissionError:  # not ours to give away: keep the file (and its owner) by writing into it
                os.unlink(tmp)
                _write_in_place(target, data, before_replace)
                return "in place"
        os.chmod(tmp, mode)  # after chown, which may clear set-id bits
        if before_replace is not None:
            before_replace()
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    return "replaced"


def _write_in_place(target: str, data: bytes, before_replace=None) -> None:
    """Rewrite ``target``'s own inode, with its old bytes saved beside it until the new ones are on disk."""
    folder = os.path.dirname(target) or "."
    with open(target, "r+b") as fh:
        original = fh.read()
        fd, backup = tempfile.mkstemp(prefix=f".{os.path.basename(target)}.", suffix=".copydesk-backup",
                                      dir=folder)
        with os.fdopen(fd, "wb") as bh:
            bh.write(original)
            bh.flush()
            os.fsync(bh.fileno())
        try:
            if before_replace is not None:
                before_replace()
        except BaseException:
            os.unlink(backup)
            raise
        try:
            _overwrite(fh, data)
        except BaseException:
            try:
                _overwrite(fh, original)
            except OSError:
                raise  # the backup stays: the only full copy of the old text
            os.unlink(backup)
            raise
    os.unlink(backup)


def _overwrite(fh, data: bytes) -> None:
    """Make the open file hold exactly ``data``, on disk before returning."""
    fh.seek(0)
    fh.write(data)
    fh.truncate()
    fh.flush()
    os.fsync(fh.fileno())


def write_text_atomic(path: str, text: str, encoding: str = "utf-8") -> str:
    return write_bytes_atomic(path, text.encode(encoding))
