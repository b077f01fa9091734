"""``copydesk cache path|clear``: where copydesk keeps its caches, and emptying them.

``clear`` deletes only folders copydesk made (they carry its marker, see
:mod:`lint.cache`): the shared cache folder, the folder of ``--cache-dir``, and
the ``cache: {dir: …}`` folder of the config that governs the current folder
(or ``--config``). A folder without the marker is left alone with a message and
exit code 2; nothing of the user's is ever deleted.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def register(sub) -> None:
    p = sub.add_parser("cache", help="show or clear copydesk's caches",
                       description="copydesk caches per-file results, LanguageTool's answers and a syllable "
                                   "index in one size-bounded store ($COPYDESK_CACHE_DIR, else "
                                   "~/.cache/copydesk). 'clear' deletes only folders copydesk made.")
    p.add_argument("action", choices=["path", "clear"])
    p.add_argument("--cache-dir", action="append", default=[], metavar="DIR",
                   help="also clear this results folder (as given to 'check --cache-dir'); repeatable")
    p.add_argument("--config", default=None, metavar="FILE",
                   help="the config whose 'cache: {dir: …}' folder to clear (default: the one governing .)")
    p.set_defaults(func=run)


def _config_dir(config_path: str | None) -> Path | None:
    from lint.config import ConfigResolver

    config = ConfigResolver(config_path).for_path(os.path.join(os.getcwd(), "-"))
    folder = config.section("cache").get("dir") if config is not None else None
    if not folder:
        return None
    if config.path and not os.path.isabs(folder):
        folder = os.path.join(os.path.dirname(config.path), folder)
    return Path(folder)


def clear_folder(folder: Path, default: bool = False) -> tuple[bool, str]:
    """Delete copydesk's cache at ``folder``. (True, what was done) or (False, why it was refused)."""
    import shutil

    from lint.cache import SUBFOLDER, is_marked

    if not os.path.lexists(folder):
        return True, f"Nothing to clear at {folder}"
    if folder.is_symlink() or not folder.is_dir():
        return False, f"{folder} is not a folder copydesk made (not a plain folder); left alone"
    if is_marked(folder) or (default and folder.name == "copydesk"):
        shutil.rmtree(folder)
        return True, f"Cleared {folder}"
    own = folder / SUBFOLDER
    if own.is_dir() and not own.is_symlink() and is_marked(own):
        shutil.rmtree(own)
        return True, f"Cleared {own}"
    return False, (f"{folder} has no copydesk marker (CACHEDIR.TAG naming copydesk), so copydesk did not make "
                   f"it; nothing in it was deleted")


def run(args) -> int:
    from lint.cache import CACHE_ENV, cache_root, owned_folder
    from lint.errors import ConfigError

    root = cache_root()
    if args.action == "path":
        print(root)
        return 0
    targets: list[tuple[Path, bool]] = []
    configured = os.environ.get(CACHE_ENV)
    targets.append((Path(configured) if configured else root, not configured))
    for folder in args.cache_dir:
        targets.append((Path(folder), False))
    try:
        from_config = _config_dir(args.config)
    except ConfigError as exc:
        print(f"copydesk: error: {exc}", file=sys.stderr)
        return 2
    if from_config is not None:
        targets.append((from_config, False))
    code, seen = 0, set()
    for folder, default in targets:
        key = os.path.abspath(owned_folder(folder))
        if key in seen:
            continue
        seen.add(key)
        ok, message = clear_folder(folder, default)
        if ok:
            print(message)
        else:
            print(f"copydesk: error: {message}", file=sys.stderr)
            code = 2
    return code
