"""The pieces: how inputs are read, the formula grammar, and numbers as people read them."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from luckos.estimate.formula import Evaluation, FormulaError, parse_formula
from luckos.estimate.inputs import InputError, parse_input, parse_text, parse_value
from luckos.estimate.pitch import compact, interval, percent, quantity, significant

# --- inputs ---------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "kind", "params", "unit"), [
    ("1.8 s", "point", (1.8,), "s"),
    ("$400k/qtr", "point", (400_000.0,), "$/qtr"),
    ("2.5M sessions/quarter", "point", (2_500_000.0,), "sessions/quarter"),
    ("-$2k", "point", (-2000.0,), "$"),
    ("600 ms to 700 ms", "range-lognormal", (600.0, 700.0), "ms"),
    ("600 to 700 ms", "range-lognormal", (600.0, 700.0), "ms"),
    ("$250k to $610k per quarter", "range-lognormal", (250e3, 610e3), "$ per quarter"),
    ("0.9% to 1.8% per s", "range-lognormal", (0.9, 1.8), "% per s"),
    ("-5 to 5", "range-normal", (-5.0, 5.0), ""),
    ("0 to 10 hours", "range-normal", (0.0, 10.0), "hours"),
    ("3 to 3 days", "point", (3.0,), "days"),
    ("800 ms to 1 s", "range-lognormal", (800.0, 1.0), "s"),  # the low end converted later
    ("normal(10, 2) ms", "normal", (10.0, 2.0), "ms"),
    ("normal(sd=2, mean=10)", "normal", (10.0, 2.0), ""),
    ("pert(1, 2, 5) days", "pert", (1.0, 2.0, 5.0, 4.0), "days"),
    ("pert(1, 2, 5, lambda=6)", "pert", (1.0, 2.0, 5.0, 6.0), ""),
    ("pert($1k, $2k, $5k) per month", "pert", (1e3, 2e3, 5e3, 4.0), "$ per month"),
    ("triangular(1, 2, 6)", "triangular", (1.0, 2.0, 6.0), ""),
    ("uniform(0, 4)", "uniform", (0.0, 4.0), ""),
    ("beta(2, 8) %", "beta", (2.0, 8.0), "%"),
    ("lognormal(0, 0.5)", "lognormal", (0.0, 0.5), ""),
])
def test_inputs_as_written(text: str, kind: str, params: tuple, unit: str) -> None:
    dist = parse_text(text)
    assert (dist.kind, dist.params, dist.unit) == (kind, params, unit)


def test_inputs_as_tables_and_numbers() -> None:
    assert parse_input(12).params == (12.0,)
    assert parse_input({"value": 5, "unit": "hours"}).unit == "hours"
    assert parse_input({"low": 1, "high": 3, "unit": "days"}).kind == "range-lognormal"
    assert parse_input({"dist": "triangular", "low": 1, "mode": 2, "high": 4}).params == \
        (1.0, 2.0, 4.0)
    with pytest.raises(InputError, match="unknown key 'hi'"):
        parse_input({"low": 1, "hi": 3})
    with pytest.raises(InputError, match="not true/false"):
        parse_input(True)


@pytest.mark.parametrize(("text", "message"), [
    ("", "is empty"),
    ("abc", "cannot read 'abc' as a number"),
    ("1 to 2 to 3", "a range has two ends"),
    ("normal(1)", "normal needs sd"),
    ("normal(1, 2, 3)", "normal takes at most 2 parameters"),
    ("normal(mean=1, sdd=2)", "normal has no parameter 'sdd'"),
    ("pert(1, 7, 5)", "the mode 7 is outside 1 to 5"),
    ("uniform(3, 3)", "the low end 3 is not below the high end 3"),
    ("beta(0, 2)", "alpha and beta must be above 0"),
    ("normal(10 ms, 2 ms)", "write the unit after the parentheses"),
])
def test_inputs_that_cannot_be_read(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_text(text)


@given(st.floats(min_value=1e-6, max_value=1e9), st.floats(min_value=1.0001, max_value=1e3))
def test_any_positive_range_is_read_back_exactly(low: float, ratio: float) -> None:
    high = low * ratio
    dist = parse_text(f"{low!r} to {high!r} ms")
    assert dist.kind == "range-lognormal"
    assert dist.params == (low, high)
    assert dist.unit == "ms"


@given(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False))
def test_any_number_is_read_back(value: float) -> None:
    assert parse_value(repr(value)) == (value, "")


def test_samples_are_drawn_in_the_input_s_unit() -> None:
    rng = np.random.default_rng(0)
    draws = parse_text("pert(1, 2, 9) days").sample(rng, 50_000)
    assert draws.min() >= 1 and draws.max() <= 9
    assert parse_text("1.8 s").sample(rng, 10) == 1.8


# --- formulas -------------------------------------------------------------------------


def test_formula_names_are_collected_and_functions_are_not_names() -> None:
    formula = parse_formula("max(a, b) * clip(c, 0, 1) + (d if e > 0 else f) ** 2")
    assert formula.names == {"a", "b", "c", "d", "e", "f"}


@pytest.mark.parametrize(("text", "message"), [
    ("a.b", "`a.b` is not allowed in a formula"),
    ("a[0]", "`a[0]` is not allowed"),
    ("'text'", "only numbers and names"),
    ("lambda: 1", "is not allowed"),
    ("open('x')", "unknown function"),
    ("eval('1')", "unknown function"),
    ("max(a)", "max takes 2 or more arguments"),
    ("clip(a, 1)", "clip takes 3 arguments"),
    ("log(a, base=2)", "functions take plain arguments"),
    ("[a, b]", "is not allowed"),
    ("a +", "cannot read `a +`"),
    ("max + 1", "`max` is a function"),
    ("a := 3", "cannot read"),
    ("", "the formula is empty"),
])
def test_formulas_outside_the_grammar_are_refused(text: str, message: str) -> None:
    with pytest.raises(FormulaError, match=message.replace("[", r"\[").replace("(", r"\(")
                       .replace(")", r"\)").replace("+", r"\+")):
        parse_formula(text)


def test_formulas_run_over_whole_arrays() -> None:
    x = np.array([-2.0, 0.0, 3.0, 8.0])
    env = {"x": x, "y": 2.0}
    run = Evaluation(4).run
    assert run(parse_formula("x * y + 1"), env).tolist() == [-3.0, 1.0, 7.0, 17.0]
    assert run(parse_formula("clip(x, 0, 5)"), env).tolist() == [0.0, 0.0, 3.0, 5.0]
    assert run(parse_formula("max(x, 1, y)"), env).tolist() == [2.0, 2.0, 3.0, 8.0]
    assert run(parse_formula("x > 0 and x < 5"), env).tolist() == [False, False, True, False]
    assert run(parse_formula("-x if x < 0 else x"), env).tolist() == [2.0, 0.0, 3.0, 8.0]
    assert run(parse_formula("log(8, 2) + sqrt(4)"), env) == pytest.approx(5.0)
    assert run(parse_formula("x // 3"), env).tolist() == [-1.0, 0.0, 1.0, 2.0]


def test_zero_denominators_are_counted_only_where_the_branch_is_taken() -> None:
    x = np.array([0.0, 0.0, 1.0, 2.0])
    evaluation = Evaluation(4)
    with np.errstate(all="ignore"):
        evaluation.run(parse_formula("1 / x if x > 0 else 0"), {"x": x})
        assert evaluation.zero_divisions == []
        evaluation.run(parse_formula("1 / x"), {"x": x})
    assert [(z.segment, z.count) for z in evaluation.zero_divisions] == [("1 / x", 2)]


# --- numbers as people read them -----------------------------------------------------


@pytest.mark.parametrize(("value", "text"), [
    (0, "0"), (1234, "1,200"), (650.3, "650"), (1.847, "1.8"), (0.01534, "0.015"),
    (-2500, "-2,500"), (3.14159, "3.1"),
])
def test_significant(value: float, text: str) -> None:
    assert significant(value) == text


@pytest.mark.parametrize(("value", "money", "text"), [
    (400_123, False, "400k"), (1.2e6, False, "1.2M"), (999_400, False, "1M"),
    (9_999, False, "10k"), (9_400, False, "9,400"), (1_500, True, "1.5k"), (62.4, True, "62"),
    (2.5e9, False, "2.5B"),
])
def test_compact(value: float, money: bool, text: str) -> None:
    assert compact(value, money=money) == text


def test_quantities_intervals_and_shares() -> None:
    assert quantity(400_123, "$/qtr") == "$400k/qtr"
    assert quantity(-2_500, "$") == "-$2.5k"
    assert quantity(5, "$ per hour") == "$5 per hour"
    assert quantity(1.4985, "%") == "1.5%"
    assert quantity(1.3, "% per s") == "1.3% per s"
    assert quantity(650.3, "ms") == "650 ms"
    assert quantity(1234.5, "ms", 3) == "1,230 ms"
    assert quantity(7.5, "") == "7.5"
    assert interval(250_123, 612_000, "$/qtr") == "$250k–$610k/qtr"
    assert interval(0.9, 2.2, "%") == "0.9%–2.2%"
    assert interval(600, 700, "ms") == "600–700 ms"
    assert [percent(x) for x in (0, 0.0004, 0.03, 0.5, 0.95, 0.9996, 1)] == \
        ["0%", "<0.1%", "3.0%", "50%", "95.0%", ">99.9%", "100%"]
    assert significant(1.23e-9) == "0.0000000012"
