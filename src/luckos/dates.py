"""Date input: ISO dates, and short relative forms parsed by parsedatetime.

`today` is always a parameter, so that every rule can be tested with a fixed clock.
"""

from __future__ import annotations

import datetime as dt

from luckos.errors import LuckError

_ACCURACY_DAY_OR_FINER = 0  # parsedatetime accuracy flag; 0 means nothing was parsed


def parse_date(text: str, today: dt.date, *, what: str = "date", past: bool = False) -> dt.date:
    """Read `2026-12-01`, `+3d`, `+2w`, `fri`, `tomorrow`, `next month`, ...

    A bare weekday means the next one, or with `past` (a date of something that has
    happened) the last one. Raises LuckError naming the text when it is not a date.
    """
    value = text.strip()
    if not value:
        raise LuckError(f"invalid {what}: empty")
    if value[:4].isdigit() and "-" in value:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise LuckError(f"invalid {what} {text!r}: not a real ISO date (YYYY-MM-DD)") from None
    if value.lower() == "today":
        return today
    import parsedatetime  # lazy: only relative forms pay for it

    calendar = parsedatetime.Calendar(version=parsedatetime.VERSION_CONTEXT_STYLE)
    source = dt.datetime.combine(today, dt.time(9, 0))
    parsed, context = calendar.parseDT(value, sourceTime=source)
    if not context.hasDate or context.accuracy == _ACCURACY_DAY_OR_FINER:
        raise LuckError(
            f"invalid {what} {text!r}: use YYYY-MM-DD or a relative form such as +3d, +2w, fri"
        )
    day = parsed.date()
    if past and day > today and value.lower().rstrip(".") in _WEEKDAYS:
        day -= dt.timedelta(days=7)
    return day


_WEEKDAYS = frozenset(
    name for full in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                      "sunday") for name in (full, full[:3], full[:4]))


def parse_month(text: str, today: dt.date) -> str:
    """Read a month as `YYYY-MM` (or any date inside it); returns `YYYY-MM`."""
    value = text.strip()
    if len(value) == 7 and value[4] == "-":
        try:
            dt.date.fromisoformat(value + "-01")
        except ValueError:
            raise LuckError(f"invalid month {text!r}: use YYYY-MM") from None
        return value
    if value.lower() in ("this month", "now"):
        return today.isoformat()[:7]
    return parse_date(value, today, what="month").isoformat()[:7]


def quarter_of(day: dt.date) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def month_of(day: dt.date) -> str:
    return day.isoformat()[:7]


def add_months(day: dt.date, months: int) -> dt.date:
    from dateutil.relativedelta import relativedelta

    return day + relativedelta(months=months)
