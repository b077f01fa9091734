"""Running the real Vale binary and copydesk's Vale mode on the same documents, line by line.

Two kinds of input:

* **documents**: tests/data/vale/*.{md,txt} (docs pages and news text written for this), the
  packages' own README and CHANGELOG pages (../shared/vale/*/*.md) and the OneStopEnglish news texts
  (../shared/corpora/onestopenglish/texts), linted with all five styles in ../shared/vale (Google,
  write-good, proselint, alex, Joblint) at once;
* **package fixtures**: every fixture folder of ../shared/vale, each with its own ``.vale.ini``.

Both tools run in a scratch folder (the documents are copied there, the styles are linked; nothing
is copied into the project) as ``vale --output=line --sort --normalize --relative --no-global`` and
``copydesk check --format vale-line --select vale``. Agreement is the share of alert lines that both
print among the lines either prints (a line one tool prints twice counts twice), so a missed alert
and an extra one both count against it.

Used by tests/test_vale_agreement.py and scripts/vale_agreement.py.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from vale_scenarios import ROOT, VALE

#: Built by scripts/prepare-vale; ``$VALE_BIN`` points elsewhere.
VALE_BIN = Path(os.environ.get("VALE_BIN") or ROOT / ".cache" / "vale" / "bin" / "vale")
DOCS = ROOT / "tests" / "data" / "vale"
CORPORA = VALE.parent / "corpora"
ONESTOP = CORPORA / "onestopenglish" / "texts"
PACKAGES = ["Google", "write-good", "proselint", "alex", "Joblint"]

INI = """\
StylesPath = styles
MinAlertLevel = suggestion

[*.{md,txt}]
BasedOnStyles = %s
"""


def missing() -> str | None:
    """Why the comparison cannot run here, or None."""
    if not VALE.is_dir():
        return f"Vale packages not found at {VALE} (../shared/vale)"
    if not (VALE_BIN.is_file() and os.access(VALE_BIN, os.X_OK)):
        return f"no Vale binary at {VALE_BIN} (run scripts/prepare-vale; it needs Go)"
    return None


def run_vale(folder: Path, target: str = ".") -> list[str]:
    proc = subprocess.run([str(VALE_BIN), "--output=line", "--sort", "--normalize", "--relative", "--no-global",
                           target], cwd=folder, capture_output=True, text=True, encoding="utf-8",
                          env={k: v for k, v in os.environ.items() if k != "VALE_CONFIG_PATH"}, timeout=900)
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"vale failed in {folder} ({proc.returncode}): {proc.stderr.strip()[:2000]}")
    return [line for line in proc.stdout.splitlines() if line.strip()]


def run_copydesk(folder: Path, target: str = ".") -> list[str]:
    env = {k: v for k, v in os.environ.items() if k != "VALE_CONFIG_PATH"}
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    proc = subprocess.run([sys.executable, "-m", "lint", "check", "--format", "vale-line", "--select", "vale",
                           "--no-cache", target], cwd=folder, capture_output=True, text=True,
                          encoding="utf-8", env=env, timeout=1800)
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"copydesk failed in {folder} ({proc.returncode}): {proc.stderr.strip()[:2000]}")
    return [line for line in proc.stdout.splitlines() if line.strip()]


@dataclass
class Tally:
    both: int = 0
    vale_only: list[str] = field(default_factory=list)
    copydesk_only: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.both + len(self.vale_only) + len(self.copydesk_only)

    @property
    def agreement(self) -> float:
        return self.both / self.total if self.total else 1.0

    def add(self, vale: list[str], ours: list[str]) -> None:
        a, b = Counter(vale), Counter(ours)
        self.both += sum((a & b).values())
        self.vale_only += sorted((a - b).elements())
        self.copydesk_only += sorted((b - a).elements())

    def __str__(self) -> str:
        return (f"{self.agreement:.1%} ({self.both} of {self.total} lines; "
                f"{len(self.vale_only)} only Vale, {len(self.copydesk_only)} only copydesk)")


def _key(line: str, what: str) -> str:
    path, _, rest = line.partition(":")
    if what == "ext":
        return os.path.splitext(path)[1] or "(none)"
    parts = rest.split(":")
    return parts[2].split(".")[0] if len(parts) > 2 else "?"


def tally_by(vale: list[str], ours: list[str], what: str) -> dict[str, Tally]:
    """Agreement per file type (``ext``) or per style (``style``)."""
    keys = sorted({_key(x, what) for x in vale + ours})
    out = {}
    for k in keys:
        t = Tally()
        t.add([x for x in vale if _key(x, what) == k], [x for x in ours if _key(x, what) == k])
        out[k] = t
    return out


def package_docs() -> list[Path]:
    """The packages' own README and CHANGELOG pages (real Markdown nobody wrote for this test)."""
    return sorted(p for p in VALE.glob("*/*.md") if p.is_file())


def document_sets(include_onestop: bool = True) -> dict[str, list[Path]]:
    sets = {"written": sorted(p for p in DOCS.iterdir() if p.suffix in (".md", ".txt"))}
    if package_docs():
        sets["packages"] = package_docs()
    if include_onestop and ONESTOP.is_dir():
        sets["onestopenglish"] = sorted(ONESTOP.glob("*.txt"))
    return sets


def workspace(tmp: Path, sets: dict[str, list[Path]], packages: list[str] = PACKAGES) -> Path:
    """A scratch folder: styles/ links to the packages, docs/<set>/ copies of the documents."""
    (tmp / "styles").mkdir(parents=True, exist_ok=True)
    for pkg in packages:
        link = tmp / "styles" / pkg
        if not link.exists():
            link.symlink_to(VALE / pkg / pkg, target_is_directory=True)
    (tmp / ".vale.ini").write_text(INI % ", ".join(packages), encoding="utf-8")
    for name, files in sets.items():
        folder = tmp / "docs" / name
        folder.mkdir(parents=True, exist_ok=True)
        for f in files:
            # Package pages share names (README.md): prefixed with their package.
            target = f"{f.parent.name}-{f.name}" if name == "packages" else f.name
            shutil.copyfile(f, folder / target)
    return tmp


def compare_documents(tmp: Path, include_onestop: bool = True) -> tuple[list[str], list[str]]:
    ws = workspace(tmp, document_sets(include_onestop))
    return run_vale(ws, "docs"), run_copydesk(ws, "docs")


def compare_fixtures() -> dict[str, tuple[list[str], list[str]]]:
    """Each package fixture folder (its own .vale.ini): fixture id -> (Vale's lines, copydesk's)."""
    out = {}
    for ini in sorted(VALE.glob("*/fixtures/*/.vale.ini")):
        folder = ini.parent
        out[f"{folder.parent.parent.name}/{folder.name}"] = (run_vale(folder), run_copydesk(folder))
    return out
