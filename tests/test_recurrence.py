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


def test_a_yearly_rule_of_some_months_is_read_without_a_probe():
    """FREQ=YEARLY;BYMONTH=... begun on a day every month has: whether it falls on a date
    within ten years is known from its months and interval, as the probe far ahead says."""
    from luckos.domain.windows import _expansion_problem, rule_problem

    for months in ("3,9", "1", "12", "2,5,11", "6"):
        for interval in ("", ";INTERVAL=2", ";INTERVAL=9", ";INTERVAL=10", ";INTERVAL=25"):
            rule = f"FREQ=YEARLY;BYMONTH={months}{interval}"
            for start in (dt.date(2017, 1, 1), dt.date(2018, 6, 15), dt.date(2024, 12, 28),
                          dt.date(2023, 3, 9), dt.date(2016, 2, 28), dt.date(2016, 12, 29),
                          dt.date(2019, 10, 31), dt.date(2024, 2, 29)):
                assert rule_problem(rule, start) == _expansion_problem(rule, start), (rule, start)


def test_a_yearly_rule_of_some_months_fast_forwarded_keeps_its_dates():
    """Moved by whole periods before it is expanded, the window has the same dates from
    the day asked on, and the same date before the first of them."""
    from luckos.domain.windows import fast_forward

    for rule in ("FREQ=YEARLY;BYMONTH=3,9", "FREQ=YEARLY;BYMONTH=12", "FREQ=YEARLY;BYMONTH=1",
                 "FREQ=YEARLY;INTERVAL=2;BYMONTH=6", "FREQ=YEARLY;INTERVAL=3;BYMONTH=2,11"):
        for on in (dt.date(2016, 12, 28), dt.date(2017, 1, 1), dt.date(2017, 9, 28),
                   dt.date(2018, 3, 5), dt.date(2016, 12, 29), dt.date(2017, 1, 31)):
            w = _window(on, rule)
            start = dt.date(2019, 1, 1)
            while start < dt.date(2031, 1, 1):
                end = start + dt.timedelta(days=400)
                moved = fast_forward(w, start)
                days = occurrences(w, start, end)
                assert occurrences(moved, start, end) == days, (rule, on, start)
                if days:
                    assert previous_occurrence(moved, days[0]) == \
                        previous_occurrence(w, days[0]), (rule, on, start)
                start += dt.timedelta(days=37)
    assert fast_forward(_window(dt.date(2017, 1, 1), "FREQ=YEARLY;BYMONTH=3,9"),
                        dt.date(2026, 11, 25)).on == dt.date(2024, 1, 1)


def test_rules_read_without_dateutil_give_its_dates():
    """A rule of only a frequency and an interval, or a yearly rule of some months, begun
    on a day every month has, is expanded without dateutil: the same dates within any
    range, and the same date before any day."""
    from luckos.domain.windows import _plain_rule, _rrule

    rules = ("FREQ=DAILY", "FREQ=DAILY;INTERVAL=10", "FREQ=WEEKLY", "FREQ=WEEKLY;INTERVAL=3",
             "FREQ=MONTHLY", "FREQ=MONTHLY;INTERVAL=4", "FREQ=MONTHLY;INTERVAL=17",
             "FREQ=YEARLY", "FREQ=YEARLY;INTERVAL=2", "FREQ=YEARLY;BYMONTH=3,9",
             "FREQ=YEARLY;INTERVAL=3;BYMONTH=11,2", "RRULE:FREQ=YEARLY;BYMONTH=12")
    firsts = (dt.date(2016, 12, 28), dt.date(2017, 1, 1), dt.date(2018, 3, 15),
              dt.date(2020, 2, 28), dt.date(2016, 12, 29), dt.date(2018, 1, 30))
    for rule in rules:
        for first in firsts:
            if first.day > 28 and "BYMONTH" not in rule:
                continue  # a month without the day is skipped: dateutil's
            # a yearly rule of months that all have the day is read without dateutil too
            assert (_plain_rule(rule, first) is None) == (
                first.day > 28 and "BYMONTH=11,2" in rule), (rule, first)
            w = _window(first, rule)
            expanded = _rrule(rule.upper().removeprefix("RRULE:"), first)
            start = first - dt.timedelta(days=40)
            while start < dt.date(2031, 1, 1):
                for length in (0, 6, 45, 400):
                    end = start + dt.timedelta(days=length)
                    expected = [d.date() for d in expanded.between(
                        dt.datetime.combine(max(start, first), dt.time()),
                        dt.datetime.combine(end, dt.time()), inc=True)]
                    assert occurrences(w, start, end) == expected, (rule, first, start, end)
                before = expanded.before(dt.datetime.combine(start, dt.time()), inc=False)
                assert previous_occurrence(w, start) == (before.date() if before else None), \
                    (rule, first, start)
                start += dt.timedelta(days=23)
    for rule, first in (("FREQ=MONTHLY", dt.date(2026, 1, 31)),
                        ("FREQ=YEARLY;BYMONTH=2,9", dt.date(2026, 1, 29)),
                        ("FREQ=YEARLY;BYMONTH=4", dt.date(2024, 2, 29)), ("FREQ=DAILY;COUNT=3",
                        dt.date(2026, 1, 1)), ("FREQ=WEEKLY;BYDAY=MO", dt.date(2026, 1, 1))):
        assert _plain_rule(rule, first) is None  # dateutil's, as before
