"""Date input: ISO dates and the short relative forms, read against a fixed today."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from luckos.dates import add_months, month_of, parse_date, parse_month, quarter_of
from luckos.errors import LuckError

D = dt.date.fromisoformat
TODAY = D("2026-11-25")  # a Wednesday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-12-01", "2026-12-01"),
        ("  2026-12-01 ", "2026-12-01"),
        ("today", "2026-11-25"),
        ("Today", "2026-11-25"),
        ("tomorrow", "2026-11-26"),
        ("yesterday", "2026-11-24"),
        ("+3d", "2026-11-28"),
        ("+2w", "2026-12-09"),  # 14 days
        ("-2d", "2026-11-23"),
        ("fri", "2026-11-27"),  # the coming Friday
        ("friday", "2026-11-27"),
        ("next fri", "2026-12-04"),
        ("in 3 days", "2026-11-28"),
        ("dec 1", "2026-12-01"),
        ("next month", "2026-12-01"),
        ("next week", "2026-12-02"),
        ("end of month", "2026-11-30"),
        ("+1m", "2026-12-25"),
        ("+1y", "2027-11-25"),
        ("2 weeks ago", "2026-11-11"),
        ("next year", "2027-01-01"),
    ],
)
def test_parse_date(text: str, expected: str) -> None:
    assert parse_date(text, TODAY) == D(expected)


def test_relative_forms_follow_the_given_today() -> None:
    assert parse_date("+3d", D("2024-02-27")) == D("2024-03-01")  # through a leap day
    assert parse_date("+1w", D("2026-12-28")) == D("2027-01-04")  # across a year
    assert parse_date("+1m", D("2026-01-31")) == D("2026-02-28")  # clipped to the month
    assert parse_date("+1y", D("2024-02-29")) == D("2025-02-28")
    assert parse_date("end of month", D("2024-02-10")) == D("2024-02-29")
    # a weekday is the next one after today; `next fri` is the Friday of next week
    assert parse_date("fri", D("2026-11-27")) == D("2026-12-04")
    assert parse_date("fri", D("2026-11-27"), past=True) == D("2026-11-27")
    assert parse_date("next fri", D("2026-11-29")) == D("2026-12-04")  # from a Sunday
    assert parse_date("next fri", D("2026-11-28")) == D("2026-12-04")  # from a Saturday


def test_the_documented_forms_need_no_date_library() -> None:
    code = ("import sys, datetime as dt; from luckos.dates import parse_date; "
            "[parse_date(t, dt.date(2026, 11, 25)) for t in ('2026-12-01', '+3d', '+2w', "
            "'+1m', 'fri', 'next fri', 'today', 'tomorrow', 'next week', 'next month', "
            "'end of month')]; print(sorted(m for m in sys.modules "
            "if m.split('.')[0] in ('parsedatetime', 'dateutil')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2026-02-30", "invalid due '2026-02-30': not a real ISO date (YYYY-MM-DD)"),
        ("2026-13-01", "invalid due '2026-13-01': not a real ISO date (YYYY-MM-DD)"),
        ("someday", "invalid due 'someday': use YYYY-MM-DD or a relative form"),
        ("3pm", "invalid due '3pm': use YYYY-MM-DD or a relative form"),
        ("   ", "invalid due: empty"),
    ],
)
def test_invalid_dates_name_the_field_and_the_text(text: str, message: str) -> None:
    with pytest.raises(LuckError) as caught:
        parse_date(text, TODAY, what="due")
    assert str(caught.value).startswith(message)


@settings(max_examples=60)
@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2199, 12, 31)))
def test_every_iso_date_in_range_reads_back_as_itself(day: dt.date) -> None:
    assert parse_date(day.isoformat(), TODAY) == day
    # written without leading zeros, it reads the same
    assert parse_date(f"{day.year}-{day.month}-{day.day}", TODAY) == day


@settings(max_examples=60)
@given(st.one_of(st.dates(max_value=dt.date(1899, 12, 31)),
                 st.dates(min_value=dt.date(2200, 1, 1))))
def test_every_date_out_of_range_is_refused_with_the_range(day: dt.date) -> None:
    if day.year < 1000:  # not four digits: not an ISO date at all
        return
    with pytest.raises(LuckError, match=r"due \d{4}-\d\d-\d\d is out of range "
                       r"\(1900-01-01 to 2199-12-31\)"):
        parse_date(day.isoformat(), TODAY, what="due")


@pytest.mark.parametrize(
    ("text", "suggested"),
    [
        ("12/5", "2026-12-05 or 2026-05-12"),
        ("5/12", "2026-05-12 or 2026-12-05"),
        ("13/5", "2026-05-13"),
        ("1.2.2027", "2027-01-02 or 2027-02-01"),
        ("2026/12/05", "2026-12-05"),
    ],
)
def test_ambiguous_numeric_dates_are_refused_with_the_iso_form(text: str,
                                                                suggested: str) -> None:
    with pytest.raises(LuckError) as caught:
        parse_date(text, TODAY, what="due")
    assert str(caught.value) == (f"invalid due {text!r}: write it as YYYY-MM-DD, e.g. "
                                 f"{suggested} (dates with / or . are ambiguous)")


@pytest.mark.parametrize(("text", "today"), [
    ("+999999999d", TODAY), ("+100000w", TODAY), ("9999-12-31", TODAY),
    ("tomorrow", dt.date(2199, 12, 31)), ("+1d", dt.date(2199, 12, 31)),
    ("-1d", dt.date(1900, 1, 1)),
])
def test_relative_forms_cannot_leave_the_range(text: str, today: dt.date) -> None:
    with pytest.raises(LuckError, match="due"):
        parse_date(text, today, what="due")


def test_parse_month() -> None:
    assert parse_month("2026-02", TODAY) == "2026-02"
    assert parse_month("this month", TODAY) == "2026-11"
    assert parse_month("2026-12-15", TODAY) == "2026-12"
    assert parse_month("next month", TODAY) == "2026-12"
    with pytest.raises(LuckError, match="invalid month '2026-13': use YYYY-MM"):
        parse_month("2026-13", TODAY)


def test_calendar_helpers() -> None:
    assert quarter_of(D("2026-01-01")) == "2026-Q1"
    assert quarter_of(D("2026-03-31")) == "2026-Q1"
    assert quarter_of(D("2026-04-01")) == "2026-Q2"
    assert quarter_of(D("2026-12-31")) == "2026-Q4"
    assert month_of(TODAY) == "2026-11"
    # the end of a longer month clips to the end of a shorter one
    assert add_months(D("2026-01-31"), 1) == D("2026-02-28")
    assert add_months(D("2026-11-25"), -12) == D("2025-11-25")
