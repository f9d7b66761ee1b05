"""Formulas: a small, safe expression grammar over Python's `ast`, never `eval`.

Allowed: names of inputs and other formulas, numbers, `+ - * / // % **`, comparisons,
`and`/`or`/`not`, `a if condition else b`, and the functions in FUNCTIONS. Anything
else (attributes, subscripts, strings, lambdas, calls of other names) is refused when
the model is read, with the piece of the formula that was refused.

The same evaluator runs twice: once over pint quantities (one value per name, to check
units before any sampling) and once over numpy arrays (every sample at once). In the
array run it counts, per division, the samples whose denominator is zero, so that a
model can say "division by zero in 3.2% of samples" instead of printing inf.
"""

from __future__ import annotations

import ast
import dataclasses
from collections.abc import Callable
from typing import Any, cast

from luckos.errors import LuckError

# name -> (least, most) number of arguments (None: no upper bound)
FUNCTIONS: dict[str, tuple[int, int | None]] = {
    "abs": (1, 1),
    "sqrt": (1, 1),
    "exp": (1, 1),
    "log": (1, 2),
    "log10": (1, 1),
    "log2": (1, 1),
    "min": (2, None),
    "max": (2, None),
    "clip": (3, 3),
    "floor": (1, 1),
    "ceil": (1, 1),
    "round": (1, 1),
    "where": (3, 3),
}
_BINOPS = (ast.Add, ast.Sub, ast.Mult, ast.Div, ast.FloorDiv, ast.Mod, ast.Pow)
_DIVISIONS = (ast.Div, ast.FloorDiv, ast.Mod)
_COMPARE = (ast.Lt, ast.LtE, ast.Gt, ast.GtE, ast.Eq, ast.NotEq)
_OP_VERBS = {ast.Add: "add", ast.Sub: "subtract", ast.Mult: "multiply", ast.Div: "divide",
             ast.FloorDiv: "divide", ast.Mod: "take the remainder of", ast.Pow: "raise"}
ALLOWED_HELP = (
    "names, numbers, + - * / // % **, comparisons, and/or/not, `a if cond else b`, and "
    + ", ".join(FUNCTIONS)
)


class FormulaError(LuckError):
    """A formula that cannot be read or does not add up; the model adds where it is."""


@dataclasses.dataclass(frozen=True)
class Formula:
    """A formula as written, its syntax tree and the names it uses."""

    text: str
    tree: ast.Expression
    names: frozenset[str]

    def segment(self, node: ast.AST) -> str:
        return ast.get_source_segment(self.text, node) or self.text


def parse_formula(text: str) -> Formula:
    """Read a formula, refusing anything outside the grammar."""
    source = " ".join(str(text).split())
    if not source:
        raise FormulaError("the formula is empty")
    try:
        tree = ast.parse(source, mode="eval")
    except SyntaxError as exc:
        column = f" at column {exc.offset}" if exc.offset else ""
        raise FormulaError(f"cannot read `{_short(source)}`{column}: {exc.msg}") from None
    except (RecursionError, MemoryError):
        raise FormulaError(f"cannot read `{_short(source)}`: it nests deeper than Python "
                           f"can read (at most {MAX_DEPTH} levels)") from None
    if _depth(tree.body) > MAX_DEPTH:
        raise FormulaError(f"`{_short(source)}` nests {MAX_DEPTH}+ levels deep; split it "
                           "into named formulas")
    names: set[str] = set()
    _allow_all(tree.body, source, names)
    return Formula(source, tree, frozenset(names))


MAX_DEPTH = 200  # operators nested in one formula: `a + b + ... ` of 200 terms is 200 deep


def _depth(root: ast.AST) -> int:
    """How deeply the expression nests (iteratively: a deep tree must not recurse)."""
    deepest, stack = 0, [(root, 1)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        if deepest > MAX_DEPTH:
            break
        stack.extend((child, depth + 1) for child in ast.iter_child_nodes(node))
    return deepest


def _short(source: str) -> str:
    return source if len(source) <= 60 else f"{source[:50]}... ({len(source):,} characters)"


def _allow_all(node: ast.AST, source: str, names: set[str]) -> None:
    _allow(node, source, names)
    children = node.args if isinstance(node, ast.Call) else ast.iter_child_nodes(node)
    for child in children:
        _allow_all(child, source, names)


def _allow(node: ast.AST, source: str, names: set[str]) -> None:
    piece = ast.get_source_segment(source, node) or source
    if isinstance(node, ast.Name):
        if node.id in FUNCTIONS:
            raise FormulaError(f"`{node.id}` is a function: call it, e.g. {node.id}(x, y)")
        names.add(node.id)
        return
    if isinstance(node, ast.Constant):
        if type(node.value) not in (int, float):
            raise FormulaError(f"`{piece}` is not allowed in a formula: only numbers and names "
                               "(put values with units in [inputs])")
        return
    if isinstance(node, ast.Call):
        if not isinstance(node.func, ast.Name) or node.func.id not in FUNCTIONS:
            raise FormulaError(f"`{piece}`: unknown function (known: {', '.join(FUNCTIONS)})")
        if node.keywords:
            raise FormulaError(f"`{piece}`: functions take plain arguments, not name=value")
        least, most = FUNCTIONS[node.func.id]
        count = len(node.args)
        if count < least or (most is not None and count > most):
            wanted = str(least) if least == most else f"{least} or more" if most is None \
                else f"{least} or {most}"
            raise FormulaError(f"`{piece}`: {node.func.id} takes {wanted} arguments")
        if any(isinstance(a, ast.Starred) for a in node.args):
            raise FormulaError(f"`{piece}` is not allowed in a formula")
        return
    allowed = (
        (isinstance(node, ast.BinOp) and isinstance(node.op, _BINOPS))
        or (isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.UAdd | ast.USub | ast.Not))
        or (isinstance(node, ast.Compare) and all(isinstance(o, _COMPARE) for o in node.ops))
        or isinstance(node, ast.BoolOp | ast.IfExp | ast.operator | ast.unaryop | ast.cmpop
                      | ast.boolop | ast.expr_context)
    )
    if not allowed:
        raise FormulaError(f"`{piece}` is not allowed in a formula (allowed: {ALLOWED_HELP})")


# --- evaluation -------------------------------------------------------------------------

@dataclasses.dataclass
class ZeroDivision:
    """Samples whose denominator was zero, at one division of a formula."""

    segment: str
    count: int


class Evaluation:
    """Evaluate formulas over arrays (`units=None`) or over pint quantities (`units` given).

    `units` is the module `luckos.estimate.units` when checking units, so that pint stays
    out of this module's imports.
    """

    def __init__(self, n: int, units: Any = None) -> None:
        import numpy as np

        self.np = np
        self.n = n
        self.units = units
        self.zero_divisions: list[ZeroDivision] = []
        self._functions: dict[str, Callable[..., Any]] = {
            "abs": np.abs, "sqrt": np.sqrt, "exp": np.exp, "log10": np.log10,
            "log2": np.log2, "floor": np.floor, "ceil": np.ceil, "round": np.round,
        }

    def run(self, formula: Formula, env: dict[str, Any]) -> Any:
        self._formula = formula
        self._env = env
        return self._eval(formula.tree.body, None)

    # mask: the samples for which this branch is taken (None: all of them)
    def _eval(self, node: ast.AST, mask: Any) -> Any:
        np = self.np
        if isinstance(node, ast.Constant):
            return float(cast(float, node.value))  # parse_formula lets only numbers through
        if isinstance(node, ast.Name):
            return self._env[node.id]
        if isinstance(node, ast.UnaryOp):
            value = self._eval(node.operand, mask)
            if isinstance(node.op, ast.USub):
                return -value
            if isinstance(node.op, ast.Not):
                return np.logical_not(self._truth(value, node))
            return value
        if isinstance(node, ast.BinOp):
            return self._binop(node, mask)
        if isinstance(node, ast.Compare):
            return self._compare(node, mask)
        if isinstance(node, ast.BoolOp):
            values = [self._truth(self._eval(v, mask), v) for v in node.values]
            combine = np.logical_and if isinstance(node.op, ast.And) else np.logical_or
            result = values[0]
            for value in values[1:]:
                result = combine(result, value)
            return result
        if isinstance(node, ast.IfExp):
            return self._choose(node, node.test, node.body, node.orelse, mask)
        if isinstance(node, ast.Call):
            return self._call(node, mask)
        raise AssertionError(ast.dump(node))

    def _binop(self, node: ast.BinOp, mask: Any) -> Any:
        np = self.np
        left = self._eval(node.left, mask)
        right = self._eval(node.right, mask)
        op = node.op
        if self.units is not None:
            return self.units.binop(self._formula, node, left, right, _OP_VERBS[type(op)])
        if isinstance(op, _DIVISIONS):
            self._count_zeros(node, right, mask)
        if isinstance(op, ast.Add):
            return left + right
        if isinstance(op, ast.Sub):
            return left - right
        if isinstance(op, ast.Mult):
            return left * right
        if isinstance(op, ast.Div):
            return np.true_divide(left, right)
        if isinstance(op, ast.FloorDiv):
            return np.floor_divide(left, right)
        if isinstance(op, ast.Mod):
            return np.mod(left, right)
        return np.power(left, right)

    def _count_zeros(self, node: ast.AST, denominator: Any, mask: Any) -> None:
        np = self.np
        zero = np.equal(denominator, 0)
        if mask is not None:
            zero = np.logical_and(zero, mask)
        count = int(np.count_nonzero(zero))
        if np.ndim(zero) == 0 and count:
            count = self.n
        if count:
            self.zero_divisions.append(ZeroDivision(self._formula.segment(node), count))

    def _compare(self, node: ast.Compare, mask: Any) -> Any:
        np = self.np
        left = self._eval(node.left, mask)
        result = None
        for op, comparator in zip(node.ops, node.comparators, strict=True):
            right = self._eval(comparator, mask)
            if self.units is not None:
                value = self.units.compare(self._formula, node, left, right, type(op).__name__)
            else:
                value = {
                    ast.Lt: np.less, ast.LtE: np.less_equal, ast.Gt: np.greater,
                    ast.GtE: np.greater_equal, ast.Eq: np.equal, ast.NotEq: np.not_equal,
                }[type(op)](left, right)
            result = value if result is None else np.logical_and(result, value)
            left = right
        return result

    def _truth(self, value: Any, node: ast.AST) -> Any:
        if self.units is not None:
            return self.units.truth(self._formula, node, value)
        return self.np.not_equal(value, 0)

    def _choose(self, node: ast.AST, test: ast.AST, body: ast.AST, orelse: ast.AST,
                mask: Any) -> Any:
        np = self.np
        condition = self._truth(self._eval(test, mask), test)
        if self.units is not None:
            yes = self._eval(body, mask)
            no = self._eval(orelse, mask)
            return self.units.choose(self._formula, node, yes, no)
        taken = condition if mask is None else np.logical_and(mask, condition)
        skipped = np.logical_not(condition)
        if mask is not None:
            skipped = np.logical_and(mask, skipped)
        yes = self._eval(body, taken)
        no = self._eval(orelse, skipped)
        return np.where(condition, yes, no)

    def _call(self, node: ast.Call, mask: Any) -> Any:
        np = self.np
        name = node.func.id  # type: ignore[attr-defined]
        if name == "where":
            test, body, orelse = node.args
            return self._choose(node, test, body, orelse, mask)
        args = [self._eval(a, mask) for a in node.args]
        if self.units is not None:
            return self.units.call(self._formula, node, name, args)
        if name == "min":
            result = args[0]
            for value in args[1:]:
                result = np.minimum(result, value)
            return result
        if name == "max":
            result = args[0]
            for value in args[1:]:
                result = np.maximum(result, value)
            return result
        if name == "clip":
            return np.minimum(np.maximum(args[0], args[1]), args[2])
        if name == "log":
            if len(args) == 2:
                self._count_zeros(node, np.log(args[1]), mask)
                return np.log(args[0]) / np.log(args[1])
            return np.log(args[0])
        return self._functions[name](args[0])

