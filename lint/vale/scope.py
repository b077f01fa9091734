"""Vale scopes: which blocks a rule runs on.

A block's scope is dotted (``text.md``, ``text.heading.h1.md``,
``text.list.md``; a paragraph or sentence cut from a block is
``paragraph.<block scope>`` / ``sentence.<block scope>``, as in Vale). A rule's
scope entry matches when all of its dotted parts are among the block's parts;
``a & b`` needs both; a leading ``~`` negates a part (``~blockquote``), tested
against the block's scope and its parent scope. A rule runs when any entry of
its scope list matches. A sentence block only runs entries that ask for
``sentence`` (otherwise every ``text`` rule would run a second time on each
sentence); a paragraph block is ``text`` too, as in Vale.
"""

from __future__ import annotations


def _parts(scope: str) -> set[str]:
    return set(scope.split("."))


def scope_matches(rule_scopes: list[str], scope: str, parent: str) -> bool:
    target, above = _parts(scope), _parts(parent)
    fragment = scope.startswith("sentence.")
    for entry in rule_scopes:
        parts = [p.strip() for p in entry.split("&")]
        if fragment and not any(not p.startswith("~") and "sentence" in _parts(p) for p in parts):
            continue
        ok = True
        for part in parts:
            negated = part.startswith("~")
            wanted = _parts(part.lstrip("~"))
            if negated:
                if wanted <= target or wanted <= above or ({"raw", "summary"} & target):
                    ok = False
            elif not wanted <= target:
                ok = False
            if not ok:
                break
        if ok:
            return True
    return False
