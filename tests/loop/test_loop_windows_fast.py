"""Fast-forwarding a long-running recurrence changes no date it yields."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from luckos.domain.records import Window
from luckos.domain.windows import fast_forward, occurrences, previous_occurrence

RULES = ["yearly", "half-yearly", "quarterly", "FREQ=MONTHLY;INTERVAL=4", "FREQ=MONTHLY",
         "FREQ=YEARLY;INTERVAL=2", "FREQ=WEEKLY;INTERVAL=2", "FREQ=DAILY;INTERVAL=10",
         "FREQ=MONTHLY;BYDAY=1MO", "FREQ=YEARLY;COUNT=5"]


@settings(max_examples=300, deadline=None)
@given(on=st.dates(dt.date(2005, 1, 1), dt.date(2026, 12, 31)), rule=st.sampled_from(RULES),
       offset=st.integers(-100, 6000), span=st.integers(0, 800))
def test_same_dates_and_same_previous_dates(on: dt.date, rule: str, offset: int,
                                            span: int) -> None:
    window = Window(id=1, name="planning", on=on, recurrence=rule)
    start = on + dt.timedelta(days=offset)
    end = start + dt.timedelta(days=span)
    moved = fast_forward(window, start)
    assert moved.on is not None and moved.on <= max(on, start)
    found = occurrences(window, start, end)
    assert occurrences(moved, start, end) == found
    for day in found[:3]:
        assert previous_occurrence(moved, day) == previous_occurrence(window, day)


def test_only_plain_rules_on_an_everyday_date_move() -> None:
    assert fast_forward(Window(id=1, name="x", on=dt.date(2016, 1, 31), recurrence="quarterly"),
                        dt.date(2026, 1, 1)).on == dt.date(2016, 1, 31)
    moved = fast_forward(Window(id=1, name="x", on=dt.date(2016, 1, 15), recurrence="quarterly"),
                         dt.date(2026, 1, 1))
    assert moved.on == dt.date(2025, 7, 15)  # at least one period before the start
