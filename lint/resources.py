"""Where the shipped rule packs are: inside the installed package, or in the source tree."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def rules_dir() -> Path:
    here = Path(__file__).resolve().parent
    for candidate in (here / "rules", here.parent / "rules"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("copydesk's rule packs are missing from the installation")


def rule_pack_paths() -> list[Path]:
    """The shipped rule packs (rules/*.yaml), in a stable order; the facts base is separate."""
    return sorted(rules_dir().glob("*.yaml"))


def facts_dir() -> Path:
    return rules_dir() / "facts"
