"""Running a model: vectorised Monte Carlo with numpy, seeded and reproducible.

Each input draws all its samples at once from its own stream, seeded by the run's seed
and the input's name: the same seed gives the same numbers, and adding an input to a
model does not change the draws of the others. Formulas then run once over whole
arrays. Every value is held in base units (see `units`), and a result is turned into
the unit it is shown in only for its summary.
"""

from __future__ import annotations

import dataclasses
import os
import sys
import zlib
from typing import Any

from luckos.estimate import pitch as wording
from luckos.estimate.formula import Evaluation
from luckos.estimate.model import (
    DEFAULT_SAMPLES,
    DEFAULT_SEED,
    MAX_SAMPLES,
    Model,
    ModelError,
    template_fields,
)
from luckos.estimate.sensitivity import Driver, drivers

HISTOGRAM_BINS = 20
_PERCENTILES = (0.5, 5.0, 50.0, 95.0, 99.5)


@dataclasses.dataclass(frozen=True)
class Summary:
    """One input or result, in the unit it is shown in."""

    name: str
    label: str
    unit: str
    role: str  # "input" or "result"
    written: str  # the input as written, or the formula
    uncertain: bool
    mean: float
    sd: float | None  # None when the run was asked for what it shows only (see simulate)
    p5: float
    p50: float
    p95: float
    above: float | None = None  # the threshold, and the share of samples above it
    p_above: float | None = None
    below: float | None = None
    p_below: float | None = None


@dataclasses.dataclass(frozen=True)
class Histogram:
    """The result's samples counted in bins between its 0.5th and 99.5th percentiles."""

    edges: list[float]  # len(counts) + 1 edges, from the 0.5th to the 99.5th percentile
    counts: list[int]
    under: int  # samples below the first edge and above the last one
    over: int

    @property
    def total(self) -> int:
        return sum(self.counts) + self.under + self.over


@dataclasses.dataclass(frozen=True)
class Result:
    """A model simulated: the summaries of its inputs and results, the headline's
    histogram, the drivers and the pitch."""

    model: Model
    samples: int
    seed: int
    output: str
    summaries: dict[str, Summary]  # inputs, then results in the order they are computed
    histogram: Histogram
    sensitivity: list[Driver]
    pitch: str
    values: Any = dataclasses.field(repr=False, compare=False, default=None)  # the headline

    @property
    def headline(self) -> Summary:
        return self.summaries[self.output]


def simulate(
    model: Model,
    *,
    samples: int | None = None,
    seed: int | None = None,
    output: str | None = None,
    above: str | None = None,
    below: str | None = None,
    bins: int = HISTOGRAM_BINS,
    spread: bool = True,
) -> Result:
    """Run the model; raises ModelError for units that do not add up, division by zero
    in some samples, or results that are not finite numbers.

    `spread=False` leaves out the standard deviations no one will read (the report on
    the terminal shows none): only those the pitch template uses are computed, the
    others are None."""
    _one_blas_thread()
    import numpy as np

    n = samples if samples is not None else model.samples or DEFAULT_SAMPLES
    if not 1 <= n <= MAX_SAMPLES:
        raise ModelError(f"--samples {n}: choose from 1 to {MAX_SAMPLES:,}")
    seed = seed if seed is not None else model.seed if model.seed is not None else DEFAULT_SEED
    if not 0 <= seed < 2**63:
        raise ModelError(f"--seed {seed}: choose a whole number from 0 to 2**63 - 1")
    output = output or model.output
    if output not in model.inputs and output not in model.formulas:
        known = ", ".join([*model.formulas, *model.inputs])
        raise ModelError(f"--output {output}: no such input or formula (known: {known})")
    if (above or below) and output not in model.formulas:
        raise ModelError(f"--above/--below apply to a formula, and {output} is an input")
    plan = _plan(model, output, above, below)

    env: dict[str, Any] = {}
    for name, given in model.inputs.items():
        dist = plan.dists.get(name, given.dist)
        rng = np.random.default_rng([seed, zlib.crc32(name.encode("utf-8"))])
        values = dist.sample(rng, n)
        factor = 1.0 if dist.kind == "beta" else plan.inputs[name].factor
        if factor != 1.0:
            values = values * factor
        env[name] = values
    evaluation = Evaluation(n)
    with np.errstate(all="ignore"):
        for name, item in model.formulas.items():
            value = evaluation.run(item.formula, env)
            if evaluation.zero_divisions:
                first = evaluation.zero_divisions[0]
                raise model.fail(
                    "formulas", name,
                    f"division by zero in {wording.percent(first.count / n)} of samples "
                    f"({first.count:,} of {n:,}), at `{first.segment}`")
            if np.ndim(value) and value.dtype == bool:
                value = value.astype(float)
            bad = int(np.count_nonzero(~np.isfinite(value)))
            if bad:
                share = bad / n if np.ndim(value) else 1.0
                raise model.fail(
                    "formulas", name,
                    f"not a finite number in {wording.percent(share)} of samples "
                    "(a log or square root of a negative number, or a value too large)")
            env[name] = value

    with_sd = {name for name, stat, _ in template_fields(model.pitch) if stat == "sd"} \
        if model.pitch and not spread else set()
    summaries: dict[str, Summary] = {}
    base_quantiles: dict[str, tuple[float, float, float]] = {}
    headline_points: Any = None
    headline_sorted: Any = None
    for name in [*model.inputs, *model.formulas]:
        scale = plan.inputs[name] if name in model.inputs else plan.formulas[name]
        values = env[name]
        points, ordered = _percentiles(values)
        base_quantiles[name] = (points[1], points[2], points[3])
        if name == output:
            headline_points, headline_sorted = points, ordered
        summaries[name] = _summary(model, name, values, points, scale, plan, n,
                                   spread or name in with_sd)

    headline = env[output]
    factor = (plan.inputs.get(output) or plan.formulas[output]).factor
    shown = np.broadcast_to(np.asarray(headline, dtype=float) / factor, (n,))
    if headline_sorted is not None and factor > 0:
        # dividing by a positive factor keeps the order: the sorted values, shown
        shown_sorted = headline_sorted / factor if factor != 1.0 else headline_sorted
    else:
        shown_sorted = np.sort(shown)
    histogram = _histogram(shown_sorted, headline_points[0] / factor,
                           headline_points[4] / factor, bins)
    found = _sensitivity(model, output, env, base_quantiles, plan, factor)
    if model.pitch:
        sentence = wording.render(model.pitch, summaries)
    else:
        sentence = wording.default_pitch(summaries[output], model.label(output))
    return Result(model, n, seed, output, summaries, histogram, found, sentence, shown)


def _one_blas_thread() -> None:
    """Import numpy with one BLAS thread. Its BLAS (OpenBLAS) starts a thread per core
    when it loads, each spinning for about 0.1 s waiting for work, and an estimate does
    no linear algebra: on a busy machine those threads take the CPU the sampling needs.
    OpenBLAS reads the setting as it loads, so it is made for the import only (programs
    this one starts do not inherit it), and not when the user chose a number."""
    if "numpy" in sys.modules or "OPENBLAS_NUM_THREADS" in os.environ:
        return
    os.environ["OPENBLAS_NUM_THREADS"] = "1"
    try:
        import numpy  # noqa: F401
    finally:
        del os.environ["OPENBLAS_NUM_THREADS"]


def _plan(model: Model, output: str, above: str | None, below: str | None) -> Any:
    from luckos.estimate.inputs import InputError, parse_value

    extra_above = {output: above} if above else {}
    extra_below = {output: below} if below else {}
    plain = not model.needs_units()
    for text in (above, below):
        if text:
            try:
                _, unit = parse_value(text)
            except InputError as exc:
                raise ModelError(f"threshold {text!r}: {exc}") from None
            plain = plain and not unit
    if not plain:
        from luckos.estimate import units

        return units.plan(model, above=extra_above, below=extra_below)
    from luckos.estimate.units import Plan, Scale

    thresholds: dict[str, dict[str, float]] = {"above": {}, "below": {}}
    for side, extra in (("above", extra_above), ("below", extra_below)):
        for name, text in extra.items():
            thresholds[side][name] = parse_value(text)[0]
    return Plan({n: Scale("") for n in model.inputs}, {n: Scale("") for n in model.formulas},
                thresholds["above"], thresholds["below"])


def _percentiles(values: Any) -> tuple[tuple[float, ...], Any]:
    """`np.percentile(values, _PERCENTILES)` (its default, linear method), computed the
    same way without `np.percentile`, whose call imports numpy.ma (about 20 ms); and the
    values sorted (None for a single value, or values np.percentile had to read)."""
    import numpy as np

    if np.ndim(values) == 0:
        return (float(values),) * len(_PERCENTILES), None
    arr = np.asarray(values)
    if arr.dtype != np.float64 or arr.ndim != 1 or np.isnan(arr).any():
        return tuple(float(x) for x in np.percentile(values, _PERCENTILES)), None
    n = arr.size
    virtual = (n - 1) * np.true_divide(np.asarray(_PERCENTILES), 100)
    previous = np.floor(virtual)
    following = previous + 1
    previous[virtual >= n - 1] = following[virtual >= n - 1] = -1  # the largest value
    previous, following = previous.astype(np.intp), following.astype(np.intp)
    gamma = virtual - previous
    part = np.sort(arr)  # numpy's SIMD sort is faster here than partitioning at ten places
    low, high = part[previous], part[following]
    diff = high - low
    result = low + diff * gamma  # numpy's _lerp, exactly
    np.subtract(high, diff * (1 - gamma), out=result, where=gamma >= 0.5)
    return tuple(float(x) for x in result), part


def _summary(model: Model, name: str, values: Any, points: tuple[float, ...], scale: Any,
             plan: Any, n: int, spread: bool) -> Summary:
    import numpy as np

    factor = scale.factor
    is_input = name in model.inputs
    uncertain = bool(np.ndim(values))
    summary = Summary(
        name=name,
        label=model.label(name),
        unit=scale.label,
        role="input" if is_input else "result",
        written=model.inputs[name].dist.describe() if is_input
        else model.formulas[name].formula.text,
        uncertain=uncertain,
        mean=float(np.mean(values)) / factor,
        sd=(float(np.std(values)) / factor if spread else None) if uncertain else 0.0,
        p5=points[1] / factor,
        p50=points[2] / factor,
        p95=points[3] / factor,
    )
    changes: dict[str, Any] = {}
    if name in plan.above:
        limit = plan.above[name]
        changes.update(above=limit / factor,
                       p_above=float(np.count_nonzero(np.greater(values, limit))) / n
                       if uncertain else float(values > limit))
    if name in plan.below:
        limit = plan.below[name]
        changes.update(below=limit / factor,
                       p_below=float(np.count_nonzero(np.less(values, limit))) / n
                       if uncertain else float(values < limit))
    return dataclasses.replace(summary, **changes) if changes else summary


def _histogram(ordered: Any, low: float, high: float, bins: int) -> Histogram:
    """`np.histogram(values, bins, range=(low, high))`, counted by bisecting the sorted
    values at its edges: each bin holds the values from its lower edge up to, not
    including, its upper one (the last bin includes both), as np.histogram counts them."""
    import numpy as np

    if not high > low:
        return Histogram([low, low], [len(ordered)], 0, 0)
    edges = np.linspace(low, high, bins + 1, endpoint=True)  # np.histogram's own edges
    below = np.searchsorted(ordered, edges, side="left")  # values under each edge
    through = int(np.searchsorted(ordered, high, side="right"))  # values up to high
    counts = [int(b - a) for a, b in zip(below[:-2], below[1:-1], strict=True)]
    counts.append(through - int(below[-2]))
    return Histogram([float(e) for e in edges], counts, int(below[0]),
                     len(ordered) - through)


def _sensitivity(model: Model, output: str, env: dict[str, Any],
                 quantiles: dict[str, tuple[float, float, float]], plan: Any,
                 factor: float) -> list[Driver]:
    import numpy as np

    if output not in model.formulas:
        return []
    names = [n for n in model.depends_on(output) if np.ndim(env[n])]
    steps = model.computes(output)

    def swing(small: dict[str, Any]) -> Any:
        local = {n: (small[n] if n in small else env[n] if np.ndim(env[n]) == 0
                     else quantiles[n][1]) for n in model.inputs}
        evaluation = Evaluation(len(next(iter(small.values()))))
        for step in steps:
            local[step] = evaluation.run(model.formulas[step].formula, local)
        return np.asarray(local[output], dtype=float) / factor

    found = drivers({n: env[n] for n in names}, env[output], quantiles, swing)
    shown = []
    for driver in found:
        scale = plan.inputs[driver.name]
        input_factor = scale.factor
        shown.append(dataclasses.replace(driver, input_low=driver.input_low / input_factor,
                                         input_high=driver.input_high / input_factor))
    return shown
