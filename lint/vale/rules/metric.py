"""``extends: metric`` — a formula over the document's counts, reported when ``condition`` holds.

Variables: ``words``, ``sentences``, ``characters``, ``syllables``,
``complex_words``, ``long_words``, ``polysyllabic_words``, ``paragraphs``,
``heading_h1`` … ``heading_h6``, ``list``, ``blockquote``, ``pre``; functions
from ``math`` (``math.sqrt``…). The formula is evaluated safely (arithmetic
only). The scope is always ``summary``; ``%s`` is the result to two decimals.
"""

from __future__ import annotations

import ast
import math
import operator

import regex

from lint.errors import ConfigError
from lint.vale.rules.base import Alert, format_message

_BIN = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv,
        ast.Mod: operator.mod, ast.Pow: operator.pow}
_CMP = {ast.Gt: operator.gt, ast.GtE: operator.ge, ast.Lt: operator.lt, ast.LtE: operator.le,
        ast.Eq: operator.eq, ast.NotEq: operator.ne}
_WORD = regex.compile(r"[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*")


def _eval(node, names: dict):
    if isinstance(node, ast.Expression):
        return _eval(node.body, names)
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return float(node.value)
    if isinstance(node, ast.Name):
        return float(names.get(node.id, 0.0))
    if isinstance(node, ast.BinOp) and type(node.op) in _BIN:
        left, right = _eval(node.left, names), _eval(node.right, names)
        if isinstance(node.op, ast.Div) and right == 0:
            return math.inf
        return _BIN[type(node.op)](left, right)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        value = _eval(node.operand, names)
        return -value if isinstance(node.op, ast.USub) else value
    if isinstance(node, ast.Compare) and len(node.ops) == 1 and type(node.ops[0]) in _CMP:
        return _CMP[type(node.ops[0])](_eval(node.left, names), _eval(node.comparators[0], names))
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "math" and hasattr(math, node.func.attr) and not node.keywords):
        return float(getattr(math, node.func.attr)(*(_eval(a, names) for a in node.args)))
    raise ValueError(f"unsupported expression: {ast.dump(node)[:60]}")


def _syllables(word: str) -> int:
    groups = regex.findall(r"[aeiouy]+", word.lower())
    n = len(groups)
    if word.lower().endswith("e") and n > 1 and not word.lower().endswith(("le", "ee")):
        n -= 1
    return max(1, n)


def document_counts(summary: str, tags: dict[str, int]) -> dict[str, float]:
    from lint.vale.sentences import segment

    words = [m.group() for m in _WORD.finditer(summary)]
    params: dict[str, float] = {k.replace(".", "_"): float(v) for k, v in tags.items()}
    syll = [_syllables(w) for w in words]
    params.update(
        words=float(len(words)),
        # prose's summarize: Punkt sentences, paragraph by paragraph.
        sentences=float(sum(len(segment(p)) for p in summary.split("\n\n"))),
        characters=float(sum(len(w) for w in words)),
        syllables=float(sum(syll)),
        polysyllabic_words=float(sum(1 for s in syll if s >= 3)),
        complex_words=float(sum(1 for w, s in zip(words, syll) if s >= 3 and not w[:1].isupper() and "-" not in w)),
        long_words=float(sum(1 for w in words if len(w) > 6)),
        paragraphs=float(max(0, len([p for p in summary.split("\n\n") if p.strip()]))),
    )
    for k in ("pre", "list", "blockquote", *(f"heading_h{i}" for i in range(1, 7))):
        params.setdefault(k, 0.0)
    return params


class Metric:
    def __init__(self, rule, env) -> None:
        self.rule = rule
        formula = regex.sub(r"heading\.(h[1-6])", r"heading_\1", str(rule.fields.get("formula") or ""))
        condition = str(rule.fields.get("condition") or "")
        try:
            self.formula = ast.parse(formula.strip(), mode="eval")
            self.condition = ast.parse("x " + condition.strip(), mode="eval")
        except SyntaxError as exc:
            raise ConfigError(f"Vale rule {rule.name}: cannot read formula/condition: {exc.msg}", rule.path, None,
                              "formula") from None

    def run(self, block, state) -> list[Alert]:
        params = document_counts(block.text, state.tag_counts)
        if params["words"] == 0:
            return []
        try:
            result = _eval(self.formula, params)
            hit = _eval(self.condition, {**params, "x": result})
        except (ValueError, ZeroDivisionError, OverflowError) as exc:
            raise ConfigError(f"Vale rule {self.rule.name}: {exc}", self.rule.path, None, "formula") from None
        if not hit:
            return []
        return [Alert(0, 0, "", format_message(self.rule.message, f"{result:.2f}"), document_level=True)]


def build(rule, env) -> Metric:
    return Metric(rule, env)
