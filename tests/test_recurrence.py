"""Named recurrences step by whole months and never skip a short month."""

import datetime as dt

from luckos.domain.records import Window
from luckos.domain.windows import occurrences, previous_occurrence


def _window(on: dt.date, recurrence: str) -> Window:
    return Window(id=1, name="w", on=on, recurrence=recurrence)


def test_quarterly_from_the_31st_keeps_every_quarter():
    w = _window(dt.date(2026, 1, 31), "quarterly")
    assert occurrences(w, dt.date(2026, 1, 1), dt.date(2026, 12, 31)) == [
        dt.date(2026, 1, 31), dt.date(2026, 4, 30), dt.date(2026, 7, 31), dt.date(2026, 10, 31),
    ]


def test_half_yearly_from_august_31_falls_in_february():
    w = _window(dt.date(2026, 8, 31), "half-yearly")
    assert occurrences(w, dt.date(2027, 1, 1), dt.date(2027, 12, 31)) == [
        dt.date(2027, 2, 28), dt.date(2027, 8, 31),
    ]


def test_yearly_from_a_leap_day_comes_every_year():
    w = _window(dt.date(2024, 2, 29), "Yearly")
    assert occurrences(w, dt.date(2025, 1, 1), dt.date(2028, 12, 31)) == [
        dt.date(2025, 2, 28), dt.date(2026, 2, 28), dt.date(2027, 2, 28), dt.date(2028, 2, 29),
    ]


def test_previous_occurrence_of_a_named_and_an_rrule_window():
    quarterly = _window(dt.date(2026, 1, 31), "quarterly")
    assert previous_occurrence(quarterly, dt.date(2027, 5, 1)) == dt.date(2027, 4, 30)
    assert previous_occurrence(quarterly, dt.date(2026, 4, 30)) == dt.date(2026, 1, 31)
    assert previous_occurrence(quarterly, dt.date(2026, 1, 31)) is None
    every_four = _window(dt.date(2026, 1, 10), "FREQ=MONTHLY;INTERVAL=4")
    assert previous_occurrence(every_four, dt.date(2026, 12, 1)) == dt.date(2026, 9, 10)


def test_monthly_is_a_named_recurrence_that_keeps_short_months():
    w = _window(dt.date(2027, 1, 31), "monthly")
    assert occurrences(w, dt.date(2027, 1, 1), dt.date(2027, 4, 30)) == [
        dt.date(2027, 1, 31), dt.date(2027, 2, 28), dt.date(2027, 3, 31), dt.date(2027, 4, 30),
    ]


def test_a_rule_that_falls_on_no_date_is_refused_from_any_start():
    import pytest

    from luckos.domain.windows import check_recurrence
    from luckos.errors import LuckError

    for start in (dt.date(2026, 1, 30), dt.date(2024, 2, 29), dt.date(2199, 12, 31)):
        with pytest.raises(LuckError, match="falls on no date in the 10 years"):
            check_recurrence("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30", start)
    # Feb 29 comes every four years: within ten, so it is a rule
    assert check_recurrence("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", dt.date(2025, 3, 1)) == (
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29")
    w = _window(dt.date(2025, 3, 1), "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29")
    assert occurrences(w, dt.date(2025, 1, 1), dt.date(2033, 12, 31)) == [
        dt.date(2028, 2, 29), dt.date(2032, 2, 29)]


def test_a_stored_rule_that_cannot_expand_is_skipped_not_expanded():
    for rule in ("FREQ=SECONDLY", "FREQ=DAILY;INTERVAL=0", "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30",
                 "garbage"):
        w = _window(dt.date(2026, 1, 10), rule)
        assert occurrences(w, dt.date(2026, 1, 1), dt.date(2036, 1, 1)) == []
        assert previous_occurrence(w, dt.date(2030, 1, 1)) is None


def test_a_rule_of_only_a_frequency_and_an_interval_is_taken_without_a_probe():
    """Such a rule falls on its first date, so reading it asks dateutil nothing; the
    answer is the one the probe far ahead gives."""
    from luckos.domain.windows import _expansion_problem, rule_problem

    for rule in ("FREQ=DAILY", "FREQ=WEEKLY;INTERVAL=2", "FREQ=MONTHLY;INTERVAL=4",
                 "FREQ=YEARLY;INTERVAL=999", "FREQ=MONTHLY;COUNT=3", "FREQ=YEARLY;UNTIL=20300101"):
        for start in (dt.date(2024, 2, 29), dt.date(2026, 1, 31), dt.date(2026, 11, 25)):
            pattern = ";".join(p for p in rule.split(";")
                               if not p.startswith(("COUNT", "UNTIL")))
            assert rule_problem(rule, start) is None
            assert _expansion_problem(pattern, start) is None
    assert "falls on no date" in (rule_problem("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",
                                               dt.date(2026, 1, 1)) or "")
