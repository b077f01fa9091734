"""A content-addressed cache of per-file results, and the folders copydesk's caches live in.

The key covers everything a file's findings depend on: a hash of the installed
package's files (code and shipped rule packs, not only the version string), the
file's path and text, the full definition of every selected rule (id, kind,
severity, message, scope, parameters: everything), the data files the rules
read (the facts knowledge base, the config's own facts files), the config
sections, the date options, and today's date (a draft without a date is judged
as of today). The key needs no built rule: a run over unchanged drafts hashes,
reads and compiles nothing.

Entries live in one size-bounded store (:mod:`lint.store`) shared with the
LanguageTool answers and the syllable index, in ``$COPYDESK_CACHE_DIR``, else
``$XDG_CACHE_HOME/copydesk`` (``~/.cache/copydesk``), outside the drafts'
repository; ``--no-cache`` or ``cache: {enabled: false}`` turn it off,
``--cache-dir`` or ``cache: {dir: …}`` move the results.

**Folders.** A folder copydesk creates gets a marker (``CACHEDIR.TAG`` naming
copydesk, the cache-directory tag backup tools skip) and a ``.gitignore`` of
``*``. A folder the user named that already exists without the marker (``--cache-dir
.``) is never written into directly: copydesk makes its own ``copydesk-cache``
folder inside it. ``copydesk cache clear`` deletes only marked folders.
An entry that cannot be read, or is valid JSON of the wrong shape, is a miss.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from functools import lru_cache
from pathlib import Path

from lint import __version__
from lint.finding import Finding, Fix, Severity

#: Overrides where every copydesk cache lives (results, grammar answers, the syllable index).
CACHE_ENV = "COPYDESK_CACHE_DIR"
#: The marker in every folder copydesk made (https://bford.info/cachedir/: backup tools skip such folders).
MARKER = "CACHEDIR.TAG"
MARKER_TEXT = ("Signature: 8a477f597d28d172789f06886806bc55\n"
               "# This folder was created by copydesk for its caches; `copydesk cache clear` deletes it.\n")
#: copydesk's own folder inside an existing folder that the user named and copydesk did not make.
SUBFOLDER = "copydesk-cache"


def is_marked(folder: Path) -> bool:
    """True if ``folder`` carries copydesk's marker (a CACHEDIR.TAG that names copydesk)."""
    try:
        with open(folder / MARKER, encoding="utf-8", errors="replace") as fh:
            return "copydesk" in fh.read(4096)
    except OSError:
        return False


def owned_folder(folder: str | os.PathLike) -> Path:
    """Where copydesk keeps a cache the user placed at ``folder``: the folder itself when copydesk made it
    (or will make it), else copydesk's own folder inside it."""
    folder = Path(folder)
    if not os.path.lexists(folder) or is_marked(folder):
        return folder
    return folder / SUBFOLDER


def claim_folder(folder: Path) -> None:
    """Create ``folder`` (an :func:`owned_folder`) with copydesk's marker and a .gitignore of everything."""
    folder.mkdir(parents=True, exist_ok=True)
    if not (folder / MARKER).exists():
        (folder / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
    ignore = folder / ".gitignore"
    if not ignore.exists():
        ignore.write_text("# Created by copydesk: cached results, safe to delete.\n*\n", encoding="utf-8")


def default_root() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "copydesk"


def cache_root() -> Path:
    """The folder of copydesk's shared caches: ``$COPYDESK_CACHE_DIR`` (copydesk's own folder inside it
    when it names an existing folder copydesk did not make), else ``$XDG_CACHE_HOME/copydesk``,
    else ``~/.cache/copydesk``."""
    configured = os.environ.get(CACHE_ENV)
    if configured:
        return owned_folder(configured)
    return default_root()


def default_dir() -> str:
    return str(cache_root())


@lru_cache(maxsize=1)
def package_hash() -> str:
    """A hash of the installed package's files (code and shipped rules), so an upgrade or an edit of
    copydesk itself expires every cached result, not only a new version number."""
    files = _package_files()
    # The files' names, sizes and modification times say whether their contents can have changed;
    # the hash of the contents is remembered under them, so an unchanged installation reads no file.
    signature = hashlib.sha256(repr([(str(p), st.st_size, st.st_mtime_ns) for p, st in files]).encode(
        "utf-8", "surrogatepass")).hexdigest()
    from lint.store import store_for

    store = store_for(cache_root())
    known = store.get("package-hash", signature)
    if known is not None and len(known) == 64:
        return known.decode("ascii")
    h = hashlib.sha256(__version__.encode())
    for path, _ in files:
        h.update(str(path).encode("utf-8", "surrogatepass"))
        try:
            h.update(path.read_bytes())
        except OSError:
            h.update(b"unreadable")
    digest = h.hexdigest()
    store.put("package-hash", signature, digest.encode("ascii"))
    return digest


def _package_files() -> list[tuple[Path, os.stat_result]]:
    """The package's code and shipped rules, with their stat results, in a stable order."""
    from lint.resources import rules_dir

    here = Path(__file__).resolve().parent
    roots = [here]
    try:
        rules = rules_dir()
        if here not in rules.parents:
            roots.append(rules)
    except FileNotFoundError:
        pass
    found = []
    for root in roots:
        for folder, dirs, names in os.walk(root):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            for name in sorted(names):
                if name.endswith((".py", ".yaml", ".yml", ".json", ".txt")):
                    path = Path(folder) / name
                    try:
                        found.append((path, path.stat()))
                    except OSError:
                        continue
    return found


def result_key(*parts: str) -> str:
    h = hashlib.sha256()
    for part in (package_hash(), dt.date.today().isoformat(), *parts):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()


def finding_from_dict(d: dict) -> Finding:
    fix = d.get("fix")
    return Finding(
        rule=d["rule"], severity=Severity.parse(d["severity"]), message=d["message"], path=d["path"],
        start=d["start"], end=d["end"], line=d["line"], column=d["column"], end_line=d["end_line"],
        end_column=d["end_column"], match=d["match"], suggestions=list(d["suggestions"]),
        fix=Fix(fix["start"], fix["end"], fix["replacement"]) if fix else None,
        document_level=d.get("document_level", False))


def finding_to_dict(f: Finding) -> dict:
    d = f.to_dict()
    d.update(start=f.start, end=f.end, document_level=f.document_level)
    if f.fix is not None:
        d["fix"] = {"start": f.fix.start, "end": f.fix.end, "replacement": f.fix.replacement}
    return d


_DOCUMENT_KEYS = {"path": str, "as_of": str, "as_of_source": str, "words": int}


def _entry(data) -> dict | None:
    """A stored entry checked for shape: the dictionary the engine expects, or None (a miss)."""
    if not isinstance(data, dict):
        return None
    document, findings, notices = data.get("document"), data.get("findings"), data.get("notices")
    if not isinstance(document, dict) or not isinstance(findings, list) or not isinstance(notices, list):
        return None
    if set(document) - {*_DOCUMENT_KEYS, "unavailable"} or not all(
            isinstance(document.get(k), t) for k, t in _DOCUMENT_KEYS.items()):
        return None
    if not all(isinstance(n, str) for n in notices) or not isinstance(document.get("unavailable", []), list):
        return None
    try:
        return {"document": document, "notices": notices, "findings": [finding_from_dict(f) for f in findings]}
    except (KeyError, TypeError, ValueError, AttributeError):
        return None


class ResultCache:
    """Per-file results in the shared store of the folder (see :func:`owned_folder`)."""

    NAMESPACE = "results"

    def __init__(self, folder: str | os.PathLike) -> None:
        from lint.store import store_for

        self.folder = owned_folder(folder)
        self.store = store_for(self.folder)

    def get(self, key: str) -> dict | None:
        raw = self.store.get(self.NAMESPACE, key)
        if raw is None:
            return None
        try:
            data = json.loads(raw.decode("utf-8", "surrogatepass"))
        except (ValueError, UnicodeDecodeError):
            return None
        return _entry(data)

    def put(self, key: str, document: dict, findings: list[Finding], notices: list[str]) -> None:
        payload = {"document": document, "findings": [finding_to_dict(f) for f in findings], "notices": notices}
        try:
            data = json.dumps(payload, ensure_ascii=False).encode("utf-8", "surrogatepass")
        except (TypeError, ValueError):
            return
        self.store.put(self.NAMESPACE, key, data)
