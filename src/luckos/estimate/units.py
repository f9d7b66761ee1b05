"""Units, carried and checked with pint, once, before any sampling.

This is the only module that imports pint (it takes a few hundred milliseconds), and
only when a model writes a unit. The check evaluates every formula over pint
quantities, one value per name: adding ms to $ fails here, with the formula and its
piece. Sampling then runs on plain numpy arrays holding every value in base units
(seconds, dollars, bits, plain numbers), and each result is turned into the unit it is
shown in by one factor.

pint parses units.txt into its definitions in about 10 ms. The parsed definitions (pint's
own objects, pickled) are kept in the user's cache folder, in a file named after the
units file's content and the pint and Python versions, so that later runs read them back
in about a millisecond; the registry is the same either way. A cache file that is
missing, damaged or cannot be written is passed by without a word, and written anew.
"""

from __future__ import annotations

import ast
import dataclasses
import re
from importlib import resources
from pathlib import Path
from typing import Any, cast

from luckos.estimate.formula import Evaluation, Formula, FormulaError
from luckos.estimate.inputs import InputError, parse_value, range_of

_REGISTRY: Any = None
_NUMBER_SUFFIX = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)(k|K|M|B|bn)(?![A-Za-z0-9_])")
_SUFFIX = {"k": "e3", "K": "e3", "M": "e6", "B": "e9", "bn": "e9"}
_PER = re.compile(r"(?:^|\s+)per\s+")


class UnitError(FormulaError):
    """A unit that cannot be read, or units that do not add up."""


@dataclasses.dataclass(frozen=True)
class Scale:
    """A unit as shown: a value in this unit times `factor` is the value in base units."""

    label: str
    factor: float = 1.0


@dataclasses.dataclass(frozen=True)
class Plan:
    """How every value is scaled and shown, and the thresholds in base units."""

    inputs: dict[str, Scale]
    formulas: dict[str, Scale]
    above: dict[str, float]
    below: dict[str, float]
    dists: dict[str, Any] = dataclasses.field(default_factory=dict)  # ranges made whole


def _registry(fresh: bool) -> Any:
    """The shared registry, or a fresh one for a model that defines its own units."""
    global _REGISTRY

    if _REGISTRY is not None and not fresh:
        return _REGISTRY
    registry = _new_registry()
    if not fresh:
        _REGISTRY = registry
    return registry


def _new_registry() -> Any:
    """A registry of units.txt, its definitions read from the cache when it holds them;
    else parsed by pint, and the cache written for the next run."""
    text = resources.files("luckos.estimate").joinpath("units.txt")
    cache = cache_file(text.read_bytes())
    if cache is not None:
        definitions = _read_cache(cache)
        if definitions is not None:
            try:
                return _registry_of(definitions)
            except Exception:  # a cache that unpickled into something else: parse again
                pass
    with resources.as_file(text) as path:
        definitions = _parse_definitions(path)
    registry = _registry_of(definitions)
    if cache is not None:
        _write_cache(cache, definitions)
    return registry


def _registry_of(definitions: list[Any]) -> Any:
    """A registry holding these definitions, as `pint.UnitRegistry(units.txt)` holds them."""
    import pint

    registry: Any = pint.UnitRegistry(None, preprocessors=[_preprocess],
                                      cache_folder=None, on_redefinition="raise")
    for definition in definitions:
        registry.define(definition)
    return registry


def _parse_definitions(path: Path) -> list[Any]:
    from pint.delegates import ParserConfig
    from pint.delegates.txt_defparser import DefParser

    parser = DefParser(ParserConfig(float), diskcache=None)  # type: ignore[arg-type]
    return list(parser.iter_parsed_project(parser.parse_file(path)))


def cache_file(source: bytes) -> Path | None:
    """Where the parsed definitions of a units file with this content are kept (None when
    the user's cache folder cannot be found)."""
    import hashlib
    import sys

    import pint

    try:
        from platformdirs import user_cache_path

        folder = user_cache_path("luckos", appauthor=False) / "units"
    except (OSError, RuntimeError):  # no home folder to find it in
        return None
    digest = hashlib.sha256(source)
    digest.update(f"\0pint {pint.__version__}\0python {sys.version}".encode())
    return folder / f"{digest.hexdigest()[:24]}.pickle"


def _read_cache(path: Path) -> list[Any] | None:
    import pickle

    try:
        with path.open("rb") as handle:
            definitions = pickle.load(handle)
    except Exception:  # missing, unreadable or damaged: unpickling raises nearly anything
        return None
    return definitions if isinstance(definitions, list) else None


def _write_cache(path: Path, definitions: list[Any]) -> None:
    """Write the cache file beside its place and rename it in; any failure leaves none."""
    import pickle

    from luckos import files
    from luckos.errors import LuckError

    try:
        payload = pickle.dumps(definitions, protocol=pickle.HIGHEST_PROTOCOL)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.unlink(missing_ok=True)  # a damaged one, which could not be read
        files.create_new(path, lambda temporary: temporary.write_bytes(payload))
    except (OSError, LuckError, pickle.PicklingError, TypeError, AttributeError):
        pass  # no cache this time: the next run parses the units again


def _preprocess(text: str) -> str:
    text = text.replace("$", " dollar ")
    text = _NUMBER_SUFFIX.sub(lambda m: m.group(1) + _SUFFIX[m.group(2)], text)
    parts = _PER.split(text)
    if len(parts) > 1:
        text = " / ".join(f"({p})" for p in parts if p.strip()) if parts[0].strip() \
            else "1 / " + " / ".join(f"({p})" for p in parts[1:])
    return text


def _define(registry: Any, name: str, definition: str) -> None:
    import pint

    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
        raise UnitError(f"{name!r} is not a unit name (letters, digits and _)")
    if name in registry:
        raise UnitError(f"{name!r} is already a unit")
    text = str(definition).strip()
    if not re.fullmatch(r"\[[A-Za-z_]+\]", text):
        _parse(registry, text)  # a new unit must be made of known ones
    try:
        registry.define(f"{name} = {text}")
    except (pint.errors.PintError, ValueError) as exc:
        raise UnitError(f"cannot define {name!r} as {text!r}: {exc}") from None


def _parse(registry: Any, text: str) -> Any:
    import pint

    try:
        value = _expression(registry, text) if text.strip() else registry.Quantity(1.0)
    except pint.UndefinedUnitError as exc:
        unknown = exc.unit_names[0] if exc.unit_names else text
        unknown = unknown if isinstance(unknown, str) else text
        single = unknown[:-1] if len(unknown) > 3 and unknown.endswith("s") else unknown
        raise UnitError(
            f"unknown unit {unknown!r} in {text!r} (declare it under [units], e.g. "
            f'{single} = "count")'
        ) from None
    except (pint.errors.PintError, ValueError, SyntaxError, TypeError, AttributeError):
        raise UnitError(f"cannot read the unit {text!r}") from None
    if not isinstance(value, registry.Quantity):
        value = registry.Quantity(float(value))
    return value


# the tokens of a unit as Python's tokenize reads them (names, plain numbers, * / ** ( )
# + -), for an expression made of nothing else
_TOKEN = re.compile(r"\s*(?:([A-Za-z_][A-Za-z0-9_]*)|((?:\d+(?:\.\d*)?)(?:[eE][-+]?\d+)?)"
                    r"|(\*\*|//|[*/()+-]))")
_PLAIN = re.compile(r"[A-Za-z0-9_.*/()+\- ]*")


def _expression(registry: Any, text: str) -> Any:
    """`registry.parse_expression(text)`, with the tokens read by a regular expression
    rather than Python's tokenize, whose first use compiles a pattern (about 2 ms) and
    which costs more per call. pint still builds and evaluates the tree. Anything but
    names, plain numbers and * / ** ( ) + - is left to pint whole, and so is any text
    this reading fails on (pint then says what is wrong)."""
    from pint.pint_eval import build_eval_tree
    from pint.util import string_preprocessor

    value = None
    try:
        source = text
        for preprocess in registry.preprocessors:
            source = preprocess(source)
        tokens = _tokens(string_preprocessor(source))
        if tokens is not None:
            value = build_eval_tree(tokens).evaluate(registry._eval_token)
    except Exception:  # pint's own reading, below, raises the error to report
        value = None
    if value is None:
        return registry.parse_expression(text)
    return value if isinstance(value, registry.Quantity) else registry.Quantity(value)


def _tokens(source: str) -> list[Any] | None:
    import tokenize

    if not _PLAIN.fullmatch(source) or "_" in re.sub(r"[A-Za-z]\w*", "", source) or \
            re.search(r"(?<![\w.])0\d", source):
        return None  # 1_000, 0123, a dot outside a number: Python's own reading
    found = []
    position = 0
    stripped = source.rstrip()
    while position < len(stripped):
        match = _TOKEN.match(stripped, position)
        if match is None:
            return None
        name, number, op = match.groups()
        kind = tokenize.NAME if name else tokenize.NUMBER if number else tokenize.OP
        string = name or number or op
        found.append(tokenize.TokenInfo(kind, string, (1, match.start(match.lastindex or 0)),
                                        (1, match.end()), source))
        position = match.end()
    if not found:
        return None
    end = (1, len(source))
    found.append(tokenize.TokenInfo(tokenize.NEWLINE, "", end, end, source))
    found.append(tokenize.TokenInfo(tokenize.ENDMARKER, "", (2, 0), (2, 0), ""))
    return found


def describe(value: Any) -> str:
    """The unit of a quantity as people write it: "ms", "$/qtr", "a plain number"."""
    units = getattr(value, "units", None)
    text = format(units, "~P").replace("usd", "$").replace(" ", "") if units is not None else ""
    return text or "a plain number"


_DIMENSIONS = {"[time]": "time", "[currency]": "money", "[information]": "data"}


def kind(value: Any) -> str:
    """What a unit measures: "time", "money per time", "a plain number"."""
    dimensions = getattr(value, "dimensionality", None)
    if not dimensions:
        return "a plain number"
    top = [_power(_DIMENSIONS.get(d, d.strip("[]")), p) for d, p in dimensions.items() if p > 0]
    bottom = [_power(_DIMENSIONS.get(d, d.strip("[]")), -p) for d, p in dimensions.items()
              if p < 0]
    text = " × ".join(top) or "1"
    return text + "".join(f" per {b}" for b in bottom)


def _power(name: str, power: float) -> str:
    return name if power == 1 else f"{name}^{power:g}"


def _base_magnitude(value: Any) -> float:
    return float(value.to_base_units().magnitude)


def _quantity(registry: Any, value: Any) -> Any:
    if isinstance(value, registry.Quantity):
        return value
    return registry.Quantity(float(value))


def parse_threshold(registry: Any, text: str, scale: Scale, name: str) -> float:
    """A threshold such as "$300k/qtr" or "300k" (in the result's own unit), in base units."""
    try:
        number, unit = parse_value(text)
    except InputError as exc:
        raise UnitError(f"threshold {text!r}: {exc}") from None
    if not unit:
        return number * scale.factor
    given = _parse(registry, unit) * number
    shown = _parse(registry, scale.label)
    if given.dimensionality != shown.dimensionality:
        raise UnitError(f"threshold {text!r} is {kind(given)}, but {name} is {kind(shown)} "
                        f"({scale.label})")
    return _base_magnitude(given)


class Check:
    """The unit check: formulas evaluated over pint quantities."""

    def __init__(self, registry: Any) -> None:
        import numpy as np
        import pint

        self.np = np
        self.registry = registry
        self.errors = (pint.DimensionalityError, pint.errors.PintTypeError)

    def binop(self, formula: Formula, node: ast.BinOp, left: Any, right: Any, verb: str) -> Any:
        reg = self.registry
        left_q, right_q = _quantity(reg, left), _quantity(reg, right)
        piece = formula.segment(node)
        op = node.op
        if isinstance(op, ast.Pow):
            if not right_q.dimensionless:
                raise UnitError(f"the exponent in `{piece}` must be a plain number, "
                                f"not {describe(right_q)}")
            if not left_q.dimensionless and _literal(node.right) is None:
                raise UnitError(f"`{piece}`: a value with a unit ({describe(left_q)}) can "
                                "only be raised to a number written in the formula")
            exponent = _literal(node.right)
            return left_q ** (exponent if exponent is not None else right_q.to("").magnitude)
        if isinstance(op, ast.FloorDiv | ast.Mod) and \
                left_q.dimensionality != right_q.dimensionality:
            raise UnitError(f"cannot {verb} {describe(left_q)} by {describe(right_q)} in "
                            f"`{piece}` (both sides need the same kind of unit)")
        try:
            if isinstance(op, ast.Add):
                return left_q + right_q
            if isinstance(op, ast.Sub):
                return left_q - right_q
            if isinstance(op, ast.Mult):
                return left_q * right_q
            if isinstance(op, ast.Div):
                return left_q / right_q
            if isinstance(op, ast.FloorDiv):
                return _quantity(reg, self.np.floor((left_q / right_q).to("").magnitude))
            return left_q % right_q
        except self.errors:
            if isinstance(op, ast.Sub):
                message = f"cannot subtract {describe(right_q)} from {describe(left_q)}"
            else:
                message = f"cannot {verb} {describe(left_q)} and {describe(right_q)}"
            raise UnitError(f"{message} in `{piece}`") from None

    def compare(self, formula: Formula, node: ast.AST, left: Any, right: Any, op: str) -> Any:
        reg = self.registry
        left_q, right_q = _quantity(reg, left), _quantity(reg, right)
        if left_q.dimensionality != right_q.dimensionality and not _is_zero(right) \
                and not _is_zero(left):
            raise UnitError(f"cannot compare {describe(left_q)} with {describe(right_q)} in "
                            f"`{formula.segment(node)}`")
        return self.np.bool_(True)

    def truth(self, formula: Formula, node: ast.AST, value: Any) -> Any:
        return self.np.bool_(True)

    def choose(self, formula: Formula, node: ast.AST, yes: Any, no: Any) -> Any:
        reg = self.registry
        yes_q, no_q = _quantity(reg, yes), _quantity(reg, no)
        if yes_q.dimensionality != no_q.dimensionality:
            if _is_zero(no):
                return yes_q
            if _is_zero(yes):
                return no_q
            raise UnitError(f"the two outcomes of `{formula.segment(node)}` have different "
                            f"units: {describe(yes_q)} and {describe(no_q)}")
        return yes_q

    def call(self, formula: Formula, node: ast.Call, name: str, args: list[Any]) -> Any:
        reg = self.registry
        piece = formula.segment(node)
        values = [_quantity(reg, a) for a in args]
        if name in ("exp", "log", "log10", "log2", "floor", "ceil", "round"):
            for value in values:
                if not value.dimensionless:
                    raise UnitError(f"{name} needs a plain number, not {describe(value)}, in "
                                    f"`{piece}`")
            return reg.Quantity(1.0)
        if name in ("min", "max", "clip"):
            first = values[0]
            for value, raw in zip(values[1:], args[1:], strict=True):
                if value.dimensionality != first.dimensionality and not _is_zero(raw):
                    raise UnitError(f"cannot take {name} of {describe(first)} and "
                                    f"{describe(value)} in `{piece}`")
            return first
        if name == "sqrt":
            return values[0] ** 0.5
        return values[0]  # abs

    def run(self, formula: Formula, env: dict[str, Any]) -> Any:
        with self.np.errstate(all="ignore"):
            return Evaluation(1, units=self).run(formula, env)


def _literal(node: ast.AST) -> float | None:
    if isinstance(node, ast.Constant) and type(node.value) in (int, float):
        return float(cast(float, node.value))
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
        inner = _literal(node.operand)
        if inner is not None:
            return -inner if isinstance(node.op, ast.USub) else inner
    return None


def _is_zero(value: Any) -> bool:
    return isinstance(value, float) and value == 0.0


def plan(model: Any, *, above: dict[str, str] | None = None,
         below: dict[str, str] | None = None) -> Plan:
    """Check the model's units and say how to scale and show every value.

    Raises ModelError (via the model's `fail`) naming the input or formula at fault.
    """
    registry = _registry(fresh=bool(model.unit_definitions))
    for name, definition in model.unit_definitions.items():
        try:
            _define(registry, name, definition)
        except UnitError as exc:
            raise model.fail("units", name, exc.message) from None
    inputs: dict[str, Scale] = {}
    dists: dict[str, Any] = {}
    env: dict[str, Any] = {}
    for name, item in model.inputs.items():
        try:
            quantity = _parse(registry, item.dist.unit)
            if item.dist.low_unit:
                dists[name] = _convert_low_end(registry, item.dist, quantity)
        except (UnitError, InputError) as exc:
            raise model.fail("inputs", name, exc.message) from None
        if item.dist.kind == "beta" and not quantity.dimensionless:
            raise model.fail("inputs", name, "beta gives a fraction from 0 to 1: its unit "
                             f"can be % or none, not {item.dist.unit!r}")
        inputs[name] = Scale(item.dist.unit, _base_magnitude(quantity))
        env[name] = quantity
    check = Check(registry)
    formulas: dict[str, Scale] = {}
    shown = {n: scale.label for n, scale in inputs.items()}
    for name, item in model.formulas.items():
        try:
            value = _quantity(registry, check.run(item.formula, env))
        except FormulaError as exc:
            raise model.fail("formulas", name, exc.message) from None
        env[name] = value
        formulas[name] = _display(model, registry, name, item, value, shown)
        shown[name] = formulas[name].label
    thresholds: dict[str, dict[str, float]] = {"above": {}, "below": {}}
    for side, given in (("above", above or {}), ("below", below or {})):
        for name, item in model.formulas.items():
            text = given.get(name) or getattr(item, side)
            if not text:
                continue
            try:
                thresholds[side][name] = parse_threshold(registry, text, formulas[name], name)
            except UnitError as exc:
                raise model.fail("formulas", name, exc.message) from None
    return Plan(inputs, formulas, thresholds["above"], thresholds["below"], dists)


def _convert_low_end(registry: Any, dist: Any, high_unit: Any) -> Any:
    """"800 ms to 1 s" -> 0.8 to 1 s; refuse ends of different kinds ("5 ms to 6 $")."""
    low_unit = _parse(registry, dist.low_unit)
    if low_unit.dimensionality != high_unit.dimensionality:
        raise UnitError(f"the two ends of the range have different kinds of unit: "
                        f"{dist.low_unit!r} is {kind(low_unit)}, {dist.unit!r} is "
                        f"{kind(high_unit)}")
    low = dist.params[0] * _base_magnitude(low_unit) / _base_magnitude(high_unit)
    return range_of(low, dist.params[1], dist.unit, dist.text)


def _display(model: Any, registry: Any, name: str, item: Any, value: Any,
             shown: dict[str, str]) -> Scale:
    """The unit a result is shown in: the one declared, else one of the units it was
    computed from ("$ per 1M queries"), else what pint makes of them ("$/mo")."""
    if item.unit:
        try:
            declared = _parse(registry, item.unit)
        except UnitError as exc:
            raise model.fail("formulas", name, exc.message) from None
        if declared.dimensionality != value.dimensionality:
            raise model.fail(
                "formulas", name,
                f"the formula gives {kind(value)} ({describe(value)}), but its unit "
                f"{item.unit!r} is {kind(declared)}",
            )
        return Scale(item.unit, _base_magnitude(declared))
    named = _named_units(registry, value)
    if named is None:
        return Scale("", 1.0)
    for used in sorted(item.formula.names):
        label = shown.get(used, "")
        if label:
            candidate = _parse(registry, label)
            if _named_units(registry, candidate) == named:
                return Scale(label, _base_magnitude(candidate))
    derived = registry.Quantity(1.0, named)
    label = describe(derived)
    if label.startswith("1/"):
        label = "per " + label[2:]
    return Scale(label, _base_magnitude(derived))


def _named_units(registry: Any, value: Any) -> Any:
    """A quantity's units without the plain-number ones (%, counts): hour/week stays,
    dollar*percent/order/quarter becomes dollar/quarter. None when nothing is left."""
    kept = [(n, e) for n, e in value.unit_items() if registry.get_dimensionality(n)]
    if not kept:
        return None
    unit = registry.Unit("")
    for name, exponent in kept:
        unit = unit * registry.Unit(name) ** exponent
    return unit
