"""Rule kinds: each kind is one module in this package, loaded only when a rule uses it.

A kind module provides::

    PARAMETERS: dict[str, str]      # parameter name -> one-line description (for docs and validation)
    def build(rule, context) -> Check

and its checks yield :class:`lint.finding.Finding` objects through
:func:`lint.checks.base.make_finding`. A kind named ``doubled-word`` lives in
``lint/checks/doubled_word.py``; adding a kind needs no registry edit.
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType

from lint.errors import ConfigError


def data_files(kind: str, config) -> list[str]:
    """Files the rules of ``kind`` read, which the result cache key must hash (the facts knowledge base).

    Answered here, without importing the kind's module: a fully cached run imports no check.
    """
    if kind == "fact":
        from lint.resources import fact_data_files

        return fact_data_files(config)
    return []


def module_name(kind: str) -> str:
    return f"{__name__}.{kind.replace('-', '_')}"


def kind_module(kind: str, rule=None) -> ModuleType:
    if not kind.replace("-", "_").isidentifier() or kind.startswith("_") or kind == "base":
        raise _unknown(kind, rule)
    try:
        module = importlib.import_module(module_name(kind))
    except ModuleNotFoundError as exc:
        if exc.name == module_name(kind):
            raise _unknown(kind, rule) from None
        raise
    if not hasattr(module, "build"):
        raise _unknown(kind, rule)
    return module


def available_kinds() -> list[str]:
    import lint.checks as pkg

    kinds = []
    for info in pkgutil.iter_modules(pkg.__path__):
        if not info.name.startswith("_") and info.name not in ("base", "context"):
            kinds.append(info.name.replace("_", "-"))
    return sorted(kinds)


def _unknown(kind: str, rule) -> ConfigError:
    msg = f"unknown rule kind {kind!r}; known kinds: {', '.join(available_kinds())}"
    if rule is not None:
        return rule.error(msg, "kind")
    return ConfigError(msg)
