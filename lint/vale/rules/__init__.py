"""Vale rule types: one module per ``extends`` value, each with ``build(rule, env) -> runner``.

A runner's ``run(block, state)`` returns :class:`lint.vale.rules.base.Alert`
objects with spans in the block's text; the linter maps them to the file.
Types that need what copydesk does not have (``spelling`` needs Hunspell
dictionaries, ``sequence`` a part-of-speech tagger, ``script`` the Tengo
language) are listed in :data:`UNSUPPORTED` and reported as skipped.
"""

from __future__ import annotations

import importlib

SUPPORTED = ("existence", "substitution", "occurrence", "repetition", "consistency", "conditional",
             "capitalization", "metric")
UNSUPPORTED = {
    "spelling": "needs Hunspell dictionaries",
    "sequence": "needs a part-of-speech tagger",
    "script": "runs Tengo scripts",
    "readability": "superseded by copydesk's readability family",
}


def rule_type(extends: str):
    return importlib.import_module(f"{__name__}.{extends}")
