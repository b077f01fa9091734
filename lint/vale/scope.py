"""Vale scopes: which blocks a rule runs on.

A block's scope is dotted (``sentence.md``, ``text.heading.h1.md``,
``text.list.md``). A rule's scope entry matches when all of its dotted parts
are among the block's parts; ``a & b`` needs both; a leading ``~`` negates a
part (``~blockquote``), tested against the block's parent scope. A rule runs
when any entry of its scope list matches.
"""

from __future__ import annotations


def _parts(scope: str) -> set[str]:
    return set(scope.split("."))


def scope_matches(rule_scopes: list[str], scope: str, parent: str) -> bool:
    target, above = _parts(scope), _parts(parent)
    for entry in rule_scopes:
        ok = True
        for part in entry.split("&"):
            part = part.strip()
            negated = part.startswith("~")
            wanted = _parts(part.lstrip("~"))
            if negated:
                if wanted <= above or ({"raw", "summary"} & target):
                    ok = False
            elif not wanted <= target:
                ok = False
            if not ok:
                break
        if ok:
            return True
    return False
