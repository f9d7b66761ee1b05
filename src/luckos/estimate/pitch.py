"""Numbers as people read them at business altitude, and the pitch sentence.

`$400k/qtr`, `1.5%`, `650 ms`, `1,200 hours/qtr`: two significant digits unless the
template asks for more, thousands as k, M and B, the unit written as the model wrote it.

A pitch template names results and statistics: `{revenue}` is the mean,
`{revenue.range}` the 90% interval, `{revenue.above}` the threshold set on it and
`{revenue.p_above}` the chance of beating it. `{after:3}` asks for three significant
digits, `{after:n}` for the number without its unit. The statistics: mean, median (p50),
p5 (low), p95 (high), range, sd, above, p_above, below, p_below.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping
from typing import Any

DEFAULT_DIGITS = 2
_BIG = ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k"))


def _round(value: float, digits: int) -> float:
    if value == 0 or not math.isfinite(value):
        return value
    return round(value, digits - 1 - math.floor(math.log10(abs(value))))


def significant(value: float, digits: int = DEFAULT_DIGITS) -> str:
    """A number rounded to `digits` significant digits, written without an exponent."""
    if value == 0 or not math.isfinite(value):
        return "0" if value == 0 else str(value)
    decimals = digits - 1 - math.floor(math.log10(abs(value)))
    rounded = _round(value, digits)
    if decimals <= 0:
        return f"{int(rounded):,}"
    return f"{rounded:.{decimals}f}".rstrip("0").rstrip(".")


def compact(value: float, digits: int = DEFAULT_DIGITS, *, money: bool = False) -> str:
    """400000 -> "400k", 2500000 -> "2.5M"; below ten thousand (one thousand for money)
    the number is written out: "1,200", "650", "0.015"."""
    size = abs(_round(value, digits))
    if size >= (1e3 if money else 1e4):
        for scale, suffix in _BIG:
            if abs(_round(value / scale, digits)) >= 1:
                return significant(value / scale, digits).replace(",", "") + suffix
    return significant(value, digits)


def quantity(value: float, unit: str, digits: int = DEFAULT_DIGITS) -> str:
    """A value with its unit: "$400k/qtr", "1.5%", "650 ms", "12"."""
    if unit.startswith("$"):
        sign = "-" if value < 0 else ""
        return f"{sign}${compact(abs(value), digits, money=True)}{_rest(unit[1:])}"
    number = compact(value, digits)
    if not unit:
        return number
    if unit.startswith("%"):
        return f"{number}%{_rest(unit[1:])}"
    return f"{number} {unit}"


def interval(low: float, high: float, unit: str, digits: int = DEFAULT_DIGITS) -> str:
    """A 90% interval: "$250k–$610k/qtr", "0.9%–2.2%", "600–700 ms"."""
    if unit.startswith("$"):
        lo = quantity(low, "$", digits)
        hi = quantity(high, "$", digits)
        return f"{lo}–{hi}{_rest(unit[1:])}"
    if unit.startswith("%"):
        return f"{compact(low, digits)}%–{compact(high, digits)}%{_rest(unit[1:])}"
    text = f"{compact(low, digits)}–{compact(high, digits)}"
    return f"{text} {unit}" if unit else text


def _rest(rest: str) -> str:
    rest = rest.strip()
    if not rest:
        return ""
    return rest if rest.startswith(("/", "*")) else f" {rest}"


def percent(share: float) -> str:
    """A probability or a share of samples: "73%", "0.4%", "<0.1%", ">99.9%"."""
    if share <= 0:
        return "0%"
    if share >= 1:
        return "100%"
    if share < 0.001:
        return "<0.1%"
    if share > 0.999:
        return ">99.9%"
    if share < 0.1 or share > 0.9:
        return f"{share * 100:.1f}%"
    return f"{share * 100:.0f}%"


def field_text(summary: Any, stat: str, digits: int = DEFAULT_DIGITS) -> str:
    """One {name.stat} of a template, from a Summary."""
    unit = summary.unit
    if stat in ("range",):
        return interval(summary.p5, summary.p95, unit, digits)
    if stat in ("above", "below"):
        limit = getattr(summary, stat)
        return "n/a" if limit is None else quantity(limit, unit, digits)
    if stat in ("p_above", "p_below"):
        value = getattr(summary, stat)
        if value is None:
            return "n/a"
        return percent(value)
    value = {
        "mean": summary.mean, "median": summary.p50, "p50": summary.p50,
        "p5": summary.p5, "low": summary.p5, "p95": summary.p95, "high": summary.p95,
        "sd": summary.sd,
    }[stat]
    return quantity(value, unit, digits)


def render(template: str, summaries: Mapping[str, Any]) -> str:
    """Fill a pitch template (already checked by the model) from the run's summaries."""
    import string

    from luckos.estimate.model import template_fields

    out = []
    for literal, field, spec, _ in string.Formatter().parse(template):
        out.append(literal)
        if field is None:
            continue
        name, stat, spec = template_fields("{" + field + (":" + spec if spec else "") + "}")[0]
        digits = int(spec.rstrip("n")) if spec.rstrip("n") else DEFAULT_DIGITS
        summary = summaries[name]
        if spec.endswith("n"):
            summary = dataclasses.replace(summary, unit="")
        out.append(field_text(summary, stat, digits))
    return " ".join("".join(out).split())


def default_pitch(summary: Any, label: str) -> str:
    """The sentence used when a model has no pitch template."""
    return (f"{label[:1].upper()}{label[1:]}: ≈{field_text(summary, 'mean')} "
            f"(90% interval {field_text(summary, 'range')}).")
