"""Which inputs drive the spread of a result.

Two views, side by side, as a tornado chart would show them:

- the rank correlation (Spearman) between each input and the result over the samples,
  and its share of the total (rho squared, normalised): how much of the result's spread
  moves with that input when everything varies at once;
- the swing: the result with that input at its 5th and at its 95th percentile and every
  other input at its median.

Rank correlations are computed on the first SENSITIVITY_SAMPLES draws (the draws are
independent, so these are a random subsample); their error is below 0.01 there, and
sorting a million values for each input would cost more than the whole run.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

SENSITIVITY_SAMPLES = 20_000


@dataclasses.dataclass(frozen=True)
class Driver:
    """How much one input drives the result: its rank correlation, its share, and the
    result with the input at its 5th and 95th percentiles."""

    name: str
    rank_correlation: float
    share: float
    input_low: float  # the input's 5th and 95th percentiles, in its own unit
    input_high: float
    output_low: float | None  # the result with the input at its 5th percentile (or None)
    output_high: float | None


def ranks(values: Any) -> Any:
    """Ranks 0..n-1 with ties given their average rank (as in Spearman's rho).

    Tied values all get their group's average, so the order among them does not matter:
    numpy's default (SIMD) sort is used, about six times faster than a stable one."""
    import numpy as np

    m = len(values)
    order = np.argsort(values)
    ordered = values[order]
    starts_flag = np.empty(m, dtype=bool)
    starts_flag[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=starts_flag[1:])
    starts = np.flatnonzero(starts_flag)
    counts = np.diff(np.append(starts, m))
    average = starts + (counts - 1) / 2.0
    result = np.empty(m)
    result[order] = np.repeat(average, counts)
    return result


def rank_correlations(inputs: dict[str, Any], output: Any, limit: int = SENSITIVITY_SAMPLES
                      ) -> dict[str, float]:
    import numpy as np

    y = np.asarray(output, dtype=float)[:limit]
    ry = ranks(y)
    ry -= ry.mean()
    # sums of products rather than np.dot: BLAS may start threads, which only costs on
    # a busy two-core machine for vectors this short
    y_norm = float(np.sum(ry * ry))
    result = {}
    for name, values in inputs.items():
        rx = ranks(np.asarray(values, dtype=float)[:limit])
        rx -= rx.mean()
        x_norm = float(np.sum(rx * rx))
        if x_norm == 0 or y_norm == 0:
            result[name] = 0.0
        else:
            result[name] = float(np.sum(rx * ry)) / float(np.sqrt(x_norm * y_norm))
    return result


def drivers(
    inputs: dict[str, Any],
    output: Any,
    quantiles: dict[str, tuple[float, float, float]],
    swing: Callable[[dict[str, Any]], Any],
) -> list[Driver]:
    """Rank the uncertain inputs a result depends on.

    `inputs`: the sampled inputs (base units); `output`: the result's samples;
    `quantiles`: each input's (p5, p50, p95) in base units; `swing(env)` evaluates the
    result over an environment of small arrays and returns it in the unit it is shown in.
    """
    import numpy as np

    if not inputs:
        return []
    rho = rank_correlations(inputs, output)
    total = sum(r * r for r in rho.values())
    names = list(inputs)
    rows = 1 + 2 * len(names)
    env = {}
    for index, name in enumerate(names):
        low, mid, high = quantiles[name]
        column = np.full(rows, mid)
        column[1 + 2 * index] = low
        column[2 + 2 * index] = high
        env[name] = column
    with np.errstate(all="ignore"):
        try:
            swung = np.broadcast_to(np.asarray(swing(env), dtype=float), (rows,))
        except ArithmeticError:
            swung = np.full(rows, np.nan)
    found = []
    for index, name in enumerate(names):
        low, high = swung[1 + 2 * index], swung[2 + 2 * index]
        found.append(Driver(
            name=name,
            rank_correlation=rho[name],
            share=(rho[name] ** 2 / total) if total else 0.0,
            input_low=quantiles[name][0],
            input_high=quantiles[name][2],
            output_low=float(low) if np.isfinite(low) else None,
            output_high=float(high) if np.isfinite(high) else None,
        ))
    found.sort(key=lambda d: -abs(d.rank_correlation))
    return found
