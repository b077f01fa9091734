"""Writing files atomically: a temporary file in the same folder, then a rename.

A reader (or a crash) sees either the old file or the new one, never half of
each. The new file keeps the old one's permissions; a symbolic link is
followed, so the link stays a link.
"""

from __future__ import annotations

import os
import stat
import tempfile


def write_bytes_atomic(path: str, data: bytes, before_replace=None) -> None:
    """Write ``data`` to ``path`` atomically.

    ``before_replace`` (optional) is called just before the rename; it may raise
    to abandon the write (the temporary file is removed and the original kept).
    """
    target = os.path.realpath(path)
    folder = os.path.dirname(target) or "."
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    fd, tmp = tempfile.mkstemp(prefix=f".{os.path.basename(target)}.", suffix=".copydesk-tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        if before_replace is not None:
            before_replace()
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def write_text_atomic(path: str, text: str, encoding: str = "utf-8") -> None:
    write_bytes_atomic(path, text.encode(encoding))
