"""Output formats: one module per format, each with ``render(report, context) -> str``.

A format named ``vale-line`` lives in ``lint/report/vale_line.py``.
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass


@dataclass
class RenderContext:
    fail_on: str = "warning"
    rule_docs: dict | None = None  # rule id -> Rule, for formats that describe rules (SARIF)
    color: bool = False


def formats() -> list[str]:
    import lint.report as pkg

    return sorted(i.name.replace("_", "-") for i in pkgutil.iter_modules(pkg.__path__) if not i.name.startswith("_"))


def renderer(name: str):
    module = importlib.import_module(f"{__name__}.{name.replace('-', '_')}")
    return module.render


def needs_text(name: str) -> bool:
    """Does the format read the drafts' text (columns in other units, fingerprints)? Then the engine keeps it."""
    module = importlib.import_module(f"{__name__}.{name.replace('-', '_')}")
    return bool(getattr(module, "NEEDS_TEXT", False))
