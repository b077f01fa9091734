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


def fact_data_files(config) -> list[str]:
    """The knowledge-base files the rules read; the result cache hashes them without loading them, or even
    importing the facts package (a bad ``facts:`` section is reported when the rules are built)."""
    import os

    folder = facts_dir()
    found = [str(p) for p in sorted(folder.glob("*.yaml"))] if folder.is_dir() else []
    section = config.section("facts") if config is not None else {}
    files = section.get("files") or [] if isinstance(section, dict) else []
    files = [files] if isinstance(files, str) else files
    path = getattr(config, "path", None)
    base = os.path.dirname(os.path.abspath(path)) if path else os.getcwd()
    for name in files if isinstance(files, list) else []:
        if isinstance(name, str):
            found.append(os.path.normpath(name if os.path.isabs(name) else os.path.join(base, name)))
    return found
