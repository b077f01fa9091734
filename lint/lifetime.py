"""Processes copydesk starts die with the process that started them.

CI cancels a job by killing its main process (SIGTERM, then SIGKILL). Nothing in the dying process
can clean up after a SIGKILL, so each child asks the kernel beforehand: on Linux,
``prctl(PR_SET_PDEATHSIG)`` sends the child a signal the moment its parent dies. ``--jobs`` workers
use it (:func:`die_with_parent`, their pool initializer), and so does the LanguageTool server
(:func:`lint.grammar.server.launch`), whose parent is the process that needed it: when the main
process dies its workers die, and a server a worker started dies with that worker.

Elsewhere (no prctl), a daemon thread in each worker watches the parent's pid instead.
"""

from __future__ import annotations

import os
import signal
import sys

PR_SET_PDEATHSIG = 1
#: How often the fallback watchdog looks at the parent (seconds).
WATCH_INTERVAL = 1.0


def set_parent_death_signal(sig: int) -> bool:
    """Linux: have the kernel send ``sig`` to this process when its parent dies. False if unsupported.

    Safe between fork and exec (no allocation beyond the ctypes call)."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        return ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, int(sig), 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def die_with_parent(parent_pid: int, sig: int = signal.SIGKILL) -> None:
    """Make this process end when ``parent_pid`` (its parent) ends, however that ends."""
    if not set_parent_death_signal(sig):
        _watch_parent(parent_pid)
    if os.getppid() != parent_pid:  # the parent died before we asked: no signal will come
        os._exit(1)


def _watch_parent(parent_pid: int) -> None:
    import threading
    import time

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(WATCH_INTERVAL)
        os._exit(1)

    threading.Thread(target=watch, name="copydesk-parent-watch", daemon=True).start()
