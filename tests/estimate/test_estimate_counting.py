"""The histogram and the ranks are counted from sorted values: the same counts as
np.histogram, and the same ranks as a stable sort gives."""

from __future__ import annotations

import numpy as np
from hypothesis import example, given, settings
from hypothesis import strategies as st

from luckos.estimate.sensitivity import ranks
from luckos.estimate.simulate import _histogram

values = st.one_of(
    st.lists(st.floats(-1e6, 1e6, allow_nan=False), min_size=2, max_size=400),
    # few distinct values: many land exactly on an edge or share a rank
    st.lists(st.integers(-5, 5).map(lambda x: x * 0.1), min_size=2, max_size=400),
)


@settings(max_examples=300, deadline=None)
@given(values, st.integers(5, 60), st.floats(0, 0.2), st.floats(0, 0.2))
@example([0.0, 5e-324], 5, 0.0, 0.0)
def test_the_histogram_counts_as_np_histogram(data: list[float], bins: int, cut_low: float,
                                              cut_high: float) -> None:
    x = np.asarray(data, dtype=float)
    low, high = (float(v) for v in np.quantile(x, [cut_low, 1 - cut_high]))
    if not high > low:
        return
    found = _histogram(np.sort(x), low, high, bins)
    try:
        counts, edges = np.histogram(x, bins=bins, range=(low, high))
    except ValueError:  # a range too narrow for that many finite bins (0 to 5e-324)
        assert sum(found.counts) + found.under + found.over == len(x)
        return
    assert found.counts == [int(c) for c in counts]
    assert found.edges == [float(e) for e in edges]
    assert (found.under, found.over) == (int(np.sum(x < low)), int(np.sum(x > high)))


@settings(max_examples=300, deadline=None)
@given(values)
def test_ranks_are_those_of_a_stable_sort(data: list[float]) -> None:
    x = np.asarray(data, dtype=float)
    order = np.argsort(x, kind="stable")
    ordered = x[order]
    starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
    counts = np.diff(np.append(starts, len(x)))
    expected = np.empty(len(x))
    expected[order] = np.repeat(starts + (counts - 1) / 2.0, counts)
    assert np.array_equal(ranks(x), expected)
