"""A content-addressed cache of per-file results.

The key covers everything a file's findings depend on: copydesk's version, the
file's path and text, the rules with their parameters (and each check's own
fingerprint, such as the facts knowledge base's content), the config sections,
the date options, and today's date (a draft without a date is judged as of
today). An unchanged draft then costs one hash and one small read.

Entries live under ``$COPYDESK_CACHE_DIR/results``, else
``$XDG_CACHE_HOME/copydesk/results`` (``~/.cache/…``), by default, outside the drafts' repository; ``--no-cache`` or ``cache: {enabled:
false}`` turn it off, ``--cache-dir`` or ``cache: {dir: …}`` move it (a
``.gitignore`` inside keeps a cache in a repository out of git).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import tempfile
from pathlib import Path

from lint import __version__
from lint.finding import Finding, Fix, Severity



#: Overrides where every copydesk cache lives (results, grammar answers, the syllable index).
CACHE_ENV = "COPYDESK_CACHE_DIR"


def cache_root() -> Path:
    """``$COPYDESK_CACHE_DIR``, else ``$XDG_CACHE_HOME/copydesk``, else ``~/.cache/copydesk``."""
    configured = os.environ.get(CACHE_ENV)
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "copydesk"


def default_dir() -> str:
    return str(cache_root() / "results")


def result_key(*parts: str) -> str:
    h = hashlib.sha256()
    for part in (__version__, dt.date.today().isoformat(), *parts):
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


class ResultCache:
    def __init__(self, folder: str | os.PathLike) -> None:
        self.folder = Path(folder)
        self._ready = False

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key[2:]}.json"

    def get(self, key: str) -> dict | None:
        try:
            with open(self._path(key), encoding="utf-8") as fh:
                data = json.load(fh)
        except (OSError, ValueError):
            return None
        data["findings"] = [finding_from_dict(f) for f in data.get("findings", [])]
        return data

    def put(self, key: str, document: dict, findings: list[Finding], notices: list[str]) -> None:
        try:
            self._prepare()
            path = self._path(key)
            path.parent.mkdir(exist_ok=True)
            payload = {"document": document, "findings": [finding_to_dict(f) for f in findings], "notices": notices}
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(payload, fh, ensure_ascii=False)
            os.replace(tmp, path)
        except OSError:
            pass  # a cache that cannot be written is only a slower run

    def _prepare(self) -> None:
        if self._ready:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        ignore = self.folder / ".gitignore"
        if not ignore.exists():
            ignore.write_text("# Created by copydesk: cached results, safe to delete.\n*\n", encoding="utf-8")
        self._ready = True

    def clear(self) -> None:
        import shutil

        shutil.rmtree(self.folder, ignore_errors=True)
