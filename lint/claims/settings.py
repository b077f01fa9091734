"""The ``claims:`` section of ``.copydesk.yaml``: a house's own idea of what names a source.

    claims:
      sources: [officials, police]     # "officials said" counts as attribution here
      anonymous: [spokesperson]        # "a spokesperson said" does not

Each entry is one word, the head of a subject ("officials" in "senior officials said").
Unknown keys and malformed values are errors naming the config file, line and key.
"""

from __future__ import annotations

import regex

from lint.claims.attribution import DEFAULT, Vocabulary
from lint.errors import ConfigError

KEYS = {
    "sources": "words that name a source when they head the subject of a reporting verb",
    "anonymous": "words that never name a source",
}
_WORD = regex.compile(r"[\p{L}][\p{L}'’-]*")


def vocabulary(context) -> Vocabulary:
    """The attribution vocabulary for the config a check is built under (cached on the context)."""
    config = getattr(context, "config", None)
    section = config.section("claims") if config is not None else {}
    if not section:
        return DEFAULT
    path = getattr(config, "path", None)

    def where(key):
        return section.line_of(key) if hasattr(section, "line_of") else None

    for key in section:
        if key not in KEYS:
            raise ConfigError(f"claims: unknown key {key!r}; it takes: {', '.join(KEYS)}", path, where(key), key)
    words = {}
    for key in KEYS:
        value = section.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and _WORD.fullmatch(v.strip()) for v in value):
            raise ConfigError(f"claims: {key} must be a list of single words (the head of a subject, "
                              f"e.g. officials)", path, where(key), key)
        words[key] = frozenset(v.strip().lower() for v in value)
    return Vocabulary(sources=words["sources"], anonymous=words["anonymous"])
