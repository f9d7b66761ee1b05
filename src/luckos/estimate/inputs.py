"""How an input is written, and the distribution it stands for.

Three ways to write an input, as in Guesstimate and Squiggle:

- a point value: `"1.8 s"`, `"$60"`, `12`;
- a range read as a 90% interval: `"600 ms to 700 ms"`, `"$250k to $610k per quarter"`;
  lognormal when both ends are positive, normal otherwise;
- a named distribution: `"normal(10, 2) ms"`, `"pert(2, 4, 10) days"`, `"beta(2, 8)"`,
  or a TOML table `{ dist = "triangular", low = 1, mode = 2, high = 5, unit = "hours" }`.

Numbers take the suffixes k, M and B (thousand, million, billion) when written right
after the digits (`400k`, `2.5M`); a leading `$` makes the unit dollars.
"""

from __future__ import annotations

import dataclasses
import math
import re
from typing import Any

from luckos.errors import LuckError

Z95 = 1.6448536269514722  # the standard normal's 95th percentile: a 90% interval is ±Z95 sd

_NUMBER = r"[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?"
_SUFFIXES = {"k": 1e3, "K": 1e3, "M": 1e6, "B": 1e9, "bn": 1e9}
_VALUE = re.compile(
    rf"^\s*(?P<sign>[-+])?\s*(?P<cur>\$)?\s*(?P<num>{_NUMBER})(?P<suf>bn|[kKMB])?"
    r"(?![A-Za-z0-9_])\s*(?P<unit>.*?)\s*$"
)
_CALL = re.compile(r"^\s*(?P<name>[A-Za-z_]\w*)\s*\((?P<args>[^()]*)\)\s*(?P<unit>.*?)\s*$")
_RANGE_SPLIT = re.compile(r"\s+to\s+")

# distribution -> its parameters in order, with the other names people use for them
DISTRIBUTIONS: dict[str, tuple[tuple[str, ...], ...]] = {
    "normal": (("mean", "mu"), ("sd", "sigma", "stdev")),
    "lognormal": (("mu",), ("sigma",)),
    "uniform": (("low", "min"), ("high", "max")),
    "triangular": (("low", "min"), ("mode", "likely"), ("high", "max")),
    "pert": (("low", "min"), ("mode", "likely"), ("high", "max"), ("lambda", "shape")),
    "beta": (("alpha", "a"), ("beta", "b")),
}
_OPTIONAL = {("pert", "lambda"): 4.0}
_TABLE_KEYS = {"value", "low", "high", "dist", "unit", "label"}


class InputError(LuckError):
    """An input that cannot be read; the model adds where it is."""


@dataclasses.dataclass(frozen=True)
class Dist:
    """A distribution in the input's own unit (`unit` as the user wrote it)."""

    kind: str  # point, range-lognormal, range-normal, or a name of DISTRIBUTIONS
    params: tuple[float, ...]
    unit: str = ""
    text: str = ""  # as the user wrote it
    low_unit: str = ""  # a range's low end written in another unit ("800 ms to 1 s")

    @property
    def uncertain(self) -> bool:
        return self.kind != "point"

    def sample(self, rng: Any, n: int) -> Any:
        """n draws (a numpy array), or the value itself for a point."""
        import numpy as np

        p = self.params
        if self.kind == "point":
            return p[0]
        if self.kind in ("normal", "range-normal"):
            mean, sd = _normal_params(self)
            out = rng.standard_normal(n)
            out *= sd
            out += mean
            return out
        if self.kind in ("lognormal", "range-lognormal"):
            mu, sigma = _lognormal_params(self)
            out = rng.standard_normal(n)
            out *= sigma
            out += mu
            return np.exp(out, out=out)
        if self.kind == "uniform":
            return rng.uniform(p[0], p[1], n)
        if self.kind == "triangular":
            return rng.triangular(p[0], p[1], p[2], n)
        if self.kind == "beta":
            return rng.beta(p[0], p[1], n)
        if self.kind == "pert":
            low, mode, high, lam = p
            width = high - low
            alpha = 1 + lam * (mode - low) / width
            beta = 1 + lam * (high - mode) / width
            out = rng.beta(alpha, beta, n)
            out *= width
            out += low
            return out
        raise AssertionError(self.kind)

    def describe(self) -> str:
        return self.text or _describe(self)


def _normal_params(d: Dist) -> tuple[float, float]:
    if d.kind == "normal":
        return d.params[0], d.params[1]
    low, high = d.params
    return (low + high) / 2, (high - low) / (2 * Z95)


def _lognormal_params(d: Dist) -> tuple[float, float]:
    if d.kind == "lognormal":
        return d.params[0], d.params[1]
    low, high = d.params
    return (math.log(low) + math.log(high)) / 2, (math.log(high) - math.log(low)) / (2 * Z95)


def _describe(d: Dist) -> str:
    unit = f" {d.unit}" if d.unit else ""
    if d.kind == "point":
        return f"{d.params[0]:g}{unit}"
    if d.kind.startswith("range"):
        return f"{d.params[0]:g} to {d.params[1]:g}{unit}"
    return f"{d.kind}({', '.join(f'{x:g}' for x in d.params)}){unit}"


def parse_input(raw: Any) -> Dist:
    """Read one input as written in a model (a number, a string or a table)."""
    if isinstance(raw, bool):
        raise InputError("expected a number, a range or a distribution, not true/false")
    if isinstance(raw, int | float):
        return _point(float(raw), "", str(raw))
    if isinstance(raw, str):
        return parse_text(raw)
    if isinstance(raw, dict):
        return _parse_table(raw)
    raise InputError(f"expected a number, a range or a distribution, not {type(raw).__name__}")


def parse_text(text: str) -> Dist:
    """`"1.8 s"`, `"600 to 700 ms"`, `"pert(1, 2, 5) days"`."""
    source = " ".join(text.split())
    if not source:
        raise InputError("is empty: write a value, a range (`low to high`) or a distribution")
    call = _CALL.match(source)
    if call and not _VALUE.match(source):
        args, unit = _call_args(call.group("args"))
        unit = _join_unit(unit, call.group("unit"))
        return _named(call.group("name"), args, unit, source)
    parts = _RANGE_SPLIT.split(source)
    if len(parts) == 2:
        low, low_unit = parse_value(parts[0])
        high, high_unit = parse_value(parts[1])
        if _same_unit(low_unit, high_unit):
            return _range(low, high, high_unit or low_unit, source)
        # "800 ms to 1 s": the units module converts the low end once it knows both
        _finite(low, "the low end")
        _finite(high, "the high end")
        kind = "range-lognormal" if low > 0 and high > 0 else "range-normal"
        return Dist(kind, (low, high), high_unit, source, low_unit)
    if len(parts) > 2:
        raise InputError(f"{source!r}: a range has two ends (`low to high`)")
    value, unit = parse_value(source)
    return _point(value, unit, source)


def parse_value(text: str) -> tuple[float, str]:
    """`"$400k/qtr"` -> (400000.0, "$/qtr"); `"650 ms"` -> (650.0, "ms")."""
    match = _VALUE.match(text)
    if not match:
        raise InputError(f"cannot read {text.strip()!r} as a number with an optional unit")
    number = float(match.group("num").replace("_", ""))
    if match.group("suf"):
        number *= _SUFFIXES[match.group("suf")]
    if match.group("sign") == "-":
        number = -number
    unit = match.group("unit")
    if match.group("cur"):
        unit = _join_unit("$", unit)
    return number, unit


def _join_unit(first: str, rest: str) -> str:
    """"$" + "/qtr" -> "$/qtr"; "$" + "per hour" -> "$ per hour"."""
    if not first:
        return rest
    if not rest:
        return first
    if rest.startswith(("/", "*")):
        return first + rest
    if rest.startswith(first):
        return rest
    return f"{first} {rest}"


def _same_unit(low_unit: str, high_unit: str) -> bool:
    # "600 to 700 ms", "600 ms to 700 ms", "$250k to $610k per quarter"
    return not low_unit or not high_unit or low_unit == high_unit or \
        high_unit.startswith(low_unit)


def _point(value: float, unit: str, text: str) -> Dist:
    _finite(value, "the value")
    return Dist("point", (value,), unit, text)


def range_of(low: float, high: float, unit: str, text: str) -> Dist:
    """A 90% interval: lognormal when both ends are positive, normal otherwise."""
    return _range(low, high, unit, text)


def _range(low: float, high: float, unit: str, text: str) -> Dist:
    _finite(low, "the low end")
    _finite(high, "the high end")
    if low > high:
        raise InputError(
            f"the low end {_show(low, unit)} is above the high end {_show(high, unit)}"
        )
    if low == high:
        return Dist("point", (low,), unit, text)
    kind = "range-lognormal" if low > 0 else "range-normal"
    return Dist(kind, (low, high), unit, text)


def _call_args(text: str) -> tuple[list[tuple[str | None, float]], str]:
    """`"mean=10, sd=2"` -> [("mean", 10.0), ("sd", 2.0)], plus a `$` unit if used."""
    args: list[tuple[str | None, float]] = []
    unit = ""
    if not text.strip():
        return args, unit
    for part in text.split(","):
        key: str | None = None
        if "=" in part:
            key, part = (x.strip() for x in part.split("=", 1))
            if not key.isidentifier():
                raise InputError(f"cannot read the argument name {key!r}")
        value, arg_unit = parse_value(part)
        if arg_unit == "$":
            unit = "$"
        elif arg_unit:
            raise InputError(
                f"write the unit after the parentheses, e.g. normal(10, 2) {arg_unit}"
            )
        args.append((key, value))
    return args, unit


def _named(name: str, args: list[tuple[str | None, float]], unit: str, text: str) -> Dist:
    kind = name.lower()
    if kind not in DISTRIBUTIONS:
        known = ", ".join(DISTRIBUTIONS)
        raise InputError(f"unknown distribution {name!r} (known: {known}, or `low to high`)")
    spec = DISTRIBUTIONS[kind]
    values: dict[str, float] = {}
    for position, (key, value) in enumerate(args):
        if key is None:
            if position >= len(spec):
                raise InputError(f"{kind} takes at most {len(spec)} parameters")
            canonical = spec[position][0]
        else:
            canonical = next((names[0] for names in spec if key in names), "")
            if not canonical:
                expected = ", ".join(names[0] for names in spec)
                raise InputError(f"{kind} has no parameter {key!r} (it takes {expected})")
        if canonical in values:
            raise InputError(f"{kind}: {canonical} is given twice")
        values[canonical] = value
    params = []
    for names in spec:
        if names[0] in values:
            params.append(values[names[0]])
        elif (kind, names[0]) in _OPTIONAL:
            params.append(_OPTIONAL[(kind, names[0])])
        else:
            expected = ", ".join(n[0] for n in spec if (kind, n[0]) not in _OPTIONAL)
            raise InputError(f"{kind} needs {names[0]} ({kind}({expected}))")
    for value in params:
        _finite(value, f"a {kind} parameter")
    _check_params(kind, params)
    return Dist(kind, tuple(params), unit, text)


def _check_params(kind: str, p: list[float]) -> None:
    if kind == "normal" and p[1] <= 0:
        raise InputError(f"normal: sd must be above 0 (got {p[1]:g})")
    if kind == "lognormal" and p[1] <= 0:
        raise InputError(f"lognormal: sigma must be above 0 (got {p[1]:g})")
    if kind == "uniform" and p[0] >= p[1]:
        raise InputError(f"uniform: the low end {p[0]:g} is not below the high end {p[1]:g}")
    if kind in ("triangular", "pert"):
        low, mode, high = p[:3]
        if low >= high:
            raise InputError(f"{kind}: the low end {low:g} is not below the high end {high:g}")
        if not low <= mode <= high:
            raise InputError(f"{kind}: the mode {mode:g} is outside {low:g} to {high:g}")
    if kind == "pert" and p[3] <= 0:
        raise InputError(f"pert: lambda must be above 0 (got {p[3]:g})")
    if kind == "beta" and (p[0] <= 0 or p[1] <= 0):
        raise InputError(f"beta: alpha and beta must be above 0 (got {p[0]:g}, {p[1]:g})")


def _parse_table(table: dict[str, Any]) -> Dist:
    dist = table.get("dist")
    keys = set(table)
    if dist is not None:
        if not isinstance(dist, str):
            raise InputError("dist must be the name of a distribution")
        unit = _table_unit(table)
        args: list[tuple[str | None, float]] = []
        for key, value in table.items():
            if key in ("dist", "unit", "label"):
                continue
            args.append((key, _number(value, key)))
        return _named(dist, args, unit, "")
    unknown = keys - _TABLE_KEYS
    if unknown:
        raise InputError(
            f"unknown key {sorted(unknown)[0]!r} (an input table has value, or low and "
            "high, or dist and its parameters; and unit, label)"
        )
    unit = _table_unit(table)
    if "value" in table:
        if "low" in table or "high" in table:
            raise InputError("give either value, or low and high, not both")
        return _point(_number(table["value"], "value"), unit, "")
    if "low" in table and "high" in table:
        return _range(_number(table["low"], "low"), _number(table["high"], "high"), unit, "")
    raise InputError("an input table needs value, or low and high, or dist")


def _table_unit(table: dict[str, Any]) -> str:
    unit = table.get("unit", "")
    if not isinstance(unit, str):
        raise InputError("unit must be text, e.g. unit = \"ms\"")
    return unit.strip()


def _number(value: Any, key: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise InputError(f"{key} must be a number")
    if isinstance(value, str):
        number, unit = parse_value(value)
        if unit:
            raise InputError(f"{key}: put the unit in unit = \"{unit}\"")
        return number
    return float(value)


def _finite(value: float, what: str) -> None:
    if not math.isfinite(value):
        raise InputError(f"{what} must be a finite number")


def _show(value: float, unit: str) -> str:
    if unit.startswith("$"):
        return f"${value:g}{unit[1:]}"
    if unit == "%":
        return f"{value:g}%"
    return f"{value:g} {unit}".strip()
