"""The Monte Carlo agrees with results known in closed form, within sampling error."""

from __future__ import annotations

import math

import pytest

from luckos.estimate.inputs import Z95
from luckos.estimate.model import parse_model
from luckos.estimate.simulate import simulate

N = 200_000


def run(text: str, **options: object):
    return simulate(parse_model(text, "test.toml"), samples=N, seed=7, **options)


def test_sum_of_normals_is_normal_with_added_variances() -> None:
    result = run("""
        [inputs]
        a = "normal(10, 2) ms"
        b = "normal(5, 1.5) ms"
        [formulas]
        total = "a + b"
    """)
    total = result.summaries["total"]
    assert total.unit == "ms"
    assert total.mean == pytest.approx(15.0, abs=0.03)
    assert total.sd == pytest.approx(2.5, rel=0.01)
    assert total.p95 == pytest.approx(15 + Z95 * 2.5, abs=0.05)
    assert total.p5 == pytest.approx(15 - Z95 * 2.5, abs=0.05)


def test_product_of_lognormals_is_lognormal_with_added_log_parameters() -> None:
    result = run("""
        [inputs]
        a = "lognormal(1.0, 0.3)"
        b = "lognormal(0.5, 0.4)"
        [formulas]
        product = "a * b"
    """)
    product = result.summaries["product"]
    mu, sigma = 1.5, math.hypot(0.3, 0.4)  # sigma = 0.5
    assert product.p50 == pytest.approx(math.exp(mu), rel=0.01)
    assert product.p95 == pytest.approx(math.exp(mu + Z95 * sigma), rel=0.015)
    assert product.mean == pytest.approx(math.exp(mu + sigma**2 / 2), rel=0.01)


def test_a_range_is_a_90_percent_interval() -> None:
    result = run("""
        [inputs]
        positive = "600 ms to 700 ms"
        straddling = "-5 to 5"
        [formulas]
        doubled = "positive * 2"
    """)
    positive = result.summaries["positive"]
    assert positive.p5 == pytest.approx(600, rel=0.005)
    assert positive.p95 == pytest.approx(700, rel=0.005)
    # lognormal: the median is the geometric mean of the ends
    assert positive.p50 == pytest.approx(math.sqrt(600 * 700), rel=0.003)
    straddling = result.summaries["straddling"]  # normal, since the low end is negative
    assert straddling.p5 == pytest.approx(-5, abs=0.06)
    assert straddling.p95 == pytest.approx(5, abs=0.06)
    assert straddling.p50 == pytest.approx(0, abs=0.03)
    assert result.summaries["doubled"].p95 == pytest.approx(1400, rel=0.005)


def test_a_range_may_name_its_low_end_in_another_unit() -> None:
    mixed = run('[inputs]\nx = "800 ms to 1 s"\n[formulas]\ny = { formula = "x", unit = "ms" }\n')
    y = mixed.summaries["y"]
    assert y.p5 == pytest.approx(800, rel=0.005)
    assert y.p95 == pytest.approx(1000, rel=0.005)


@pytest.mark.parametrize(("written", "mean"), [
    ("uniform(2, 6)", 4.0),
    ("triangular(1, 2, 6)", 3.0),
    ("pert(1, 2, 9)", (1 + 4 * 2 + 9) / 6),
    ("beta(2, 8)", 0.2),
    ("normal(mean=3, sd=0.5)", 3.0),
])
def test_named_distributions_have_their_means(written: str, mean: float) -> None:
    result = run(f'[inputs]\nx = "{written}"\n[formulas]\ny = "x * 1"\n')
    assert result.summaries["y"].mean == pytest.approx(mean, rel=0.01)


def test_units_convert_exactly() -> None:
    result = run("""
        [inputs]
        before = "1.8 s"
        after = "650 ms"
        rate = "$400k/qtr"
        [formulas]
        saved = { formula = "before - after", unit = "ms" }
        yearly = { formula = "rate", unit = "$/yr" }
        monthly = { formula = "rate", unit = "$ per month" }
    """)
    assert result.summaries["saved"].mean == pytest.approx(1150)
    assert result.summaries["yearly"].mean == pytest.approx(1.6e6)
    assert result.summaries["monthly"].mean == pytest.approx(400e3 / 3)


def test_percent_is_a_fraction_inside_formulas() -> None:
    result = run("""
        [inputs]
        revenue = "$1M"
        share = "1.5%"
        [formulas]
        kept = "revenue * share"
        as_percent = { formula = "share * 2", unit = "%" }
    """)
    assert result.summaries["kept"].mean == pytest.approx(15_000)
    assert result.summaries["kept"].unit == "$"
    assert result.summaries["as_percent"].mean == pytest.approx(3.0)


def test_chance_above_a_threshold() -> None:
    result = run("""
        [inputs]
        z = "normal(0, 1)"
        [formulas]
        y = "z * 1"
    """, above=f"{Z95}", below="-1")
    y = result.summaries["y"]
    assert y.p_above == pytest.approx(0.05, abs=0.003)
    assert y.p_below == pytest.approx(0.1587, abs=0.004)


def test_a_branch_that_divides_by_zero_is_not_counted_when_not_taken() -> None:
    result = run("""
        [inputs]
        x = "uniform(0, 4)"
        [formulas]
        k = "floor(x)"
        safe = "10 / k if k > 0 else 0"
        fenced = "where(k > 0, 10 / k, 0)"
    """)
    # k is 0, 1, 2, 3 with probability 1/4 each: E[10/k; k > 0] = 10 * (1 + 1/2 + 1/3) / 4
    expected = 10 * (1 + 1 / 2 + 1 / 3) / 4
    assert result.summaries["safe"].mean == pytest.approx(expected, rel=0.01)
    assert result.summaries["fenced"].mean == pytest.approx(expected, rel=0.01)


def test_sensitivity_ranks_the_input_that_drives_the_spread_first() -> None:
    result = run("""
        [inputs]
        wide = "1 to 100"
        narrow = "9 to 11"
        fixed = "3"
        [formulas]
        y = "wide * narrow * fixed"
    """)
    names = [d.name for d in result.sensitivity]
    assert names == ["wide", "narrow"]  # the point value has no spread to drive
    wide = result.sensitivity[0]
    assert wide.share > 0.9
    assert wide.rank_correlation > 0.9
    # the swing: y with `wide` at its 5th and 95th percentiles, the others at medians
    assert wide.output_low == pytest.approx(1 * math.sqrt(99) * 3, rel=0.03)
    assert wide.output_high == pytest.approx(100 * math.sqrt(99) * 3, rel=0.03)


def test_a_result_without_a_declared_unit_is_shown_in_the_units_it_came_from() -> None:
    result = run("""
        [inputs]
        before = "1.8 s"
        after = "600 ms to 700 ms"
        hours = "10 to 40 hours per month"
        rate = "$80 to $150 per hour"
        cost = "$180 to $240 per 1M queries"
        share = "20% to 40%"
        incidents = "4 to 9 incidents per quarter"
        [formulas]
        saved = "before - after"
        ratio = "saved / before"
        value = "hours * rate"
        cost_after = "cost * (1 - share)"
        avoided = "incidents * share"
    """)
    units = {name: result.summaries[name].unit for name in
             ("saved", "ratio", "value", "cost_after", "avoided")}
    assert units == {"saved": "s", "ratio": "", "value": "$/mo",
                     "cost_after": "$ per 1M queries", "avoided": "incidents per quarter"}
    hours, rate = result.summaries["hours"], result.summaries["rate"]
    # independent inputs: the mean of the product is the product of the means
    assert result.summaries["value"].mean == pytest.approx(hours.mean * rate.mean, rel=0.01)
