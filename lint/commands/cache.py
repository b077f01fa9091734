"""``copydesk cache path|clear``: where copydesk keeps its caches, and emptying them."""

from __future__ import annotations


def register(sub) -> None:
    p = sub.add_parser("cache", help="show or clear copydesk's caches",
                       description="copydesk caches per-file results, LanguageTool's answers and a syllable "
                                   "index in one folder ($COPYDESK_CACHE_DIR, else ~/.cache/copydesk).")
    p.add_argument("action", choices=["path", "clear"])
    p.set_defaults(func=run)


def run(args) -> int:
    import shutil

    from lint.cache import cache_root

    root = cache_root()
    if args.action == "path":
        print(root)
        return 0
    if root.exists():
        shutil.rmtree(root)
    print(f"Cleared {root}")
    return 0
