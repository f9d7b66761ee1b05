"""Units are read without Python's tokenize: every unit reads as pint's own
`parse_expression` reads it, and anything it would read otherwise is left to pint."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from luckos.estimate import units

NAMES = ["s", "ms", "us", "sec", "minute", "min", "hour", "h", "hours", "day", "days", "week",
         "month", "months", "mo", "quarter", "qtr", "year", "yr", "sprint", "workday",
         "dollar", "usd", "bit", "byte", "B", "kB", "GiB", "Mibit", "percent", "bp", "count",
         "request", "requests", "queries", "query", "sessions", "orders", "incidents",
         "engineer", "people", "team", "widget", "_x", "kilosecond", "megabyte"]
NUMBERS = ["1", "2", "10", "0.5", "1.5", "1e6", "1E-3", "2.", "3k", "400k", "1M", "2.5B",
           "1bn", "0", "007", "1_000", ".5", "12"]
JOINS = [" * ", "*", "/", " / ", " per ", "**2", "^2", " ", "  ", "-", "+", " × "]


def _read(read: Any, text: str) -> tuple[str, ...]:
    try:
        value = read(text)
    except Exception:  # the same text must fail both ways; which error is pint's own
        return ("fails",)
    return ("reads", type(value.magnitude).__name__, repr(value.magnitude), str(value.units))


term = st.one_of(
    st.sampled_from(NAMES),
    st.builds(lambda n, sp, u: n + sp + u, st.sampled_from(NUMBERS), st.sampled_from(["", " "]),
              st.sampled_from(NAMES)),
    st.sampled_from(["$", "$1", "$2.5k", "%", "(ms/s)", "(dollar per hour)", "µs", "1/s"]),
)
expression = st.builds(
    lambda first, rest, lead, trail: lead + first + "".join(j + t for j, t in rest) + trail,
    term, st.lists(st.tuples(st.sampled_from(JOINS), term), max_size=3),
    st.sampled_from(["", " "]), st.sampled_from(["", " "]))


@settings(max_examples=400, deadline=None)
@given(expression)
def test_a_unit_reads_as_pint_reads_it(text: str) -> None:
    registry = units._registry(fresh=False)
    assert _read(lambda t: units._expression(registry, t), text) == \
        _read(registry.parse_expression, text)


@pytest.mark.parametrize(("text", "read_here"), [
    ("ms", True), ("% per s", True), ("$/qtr", True), ("$ per 1M queries", True),
    ("2 × s", True), ("1_000 s", False), ("0123 s", False), ("µs", False), (".5 s", False),
])
def test_what_is_read_here_and_what_is_left_to_pint(text: str, read_here: bool) -> None:
    from pint.util import string_preprocessor

    registry = units._registry(fresh=False)
    source = text
    for preprocess in registry.preprocessors:
        source = preprocess(source)
    assert (units._tokens(string_preprocessor(source)) is not None) == read_here
    assert _read(lambda t: units._expression(registry, t), text) == \
        _read(registry.parse_expression, text)
