"""Date input: ISO dates and the short relative forms, read by a small parser of our own.

The documented forms (`2026-12-01`, `+3d`, `+2w`, `+1m`, `+1y`, `fri`, `next fri`,
`today`, `tomorrow`, `yesterday`, `in 3 days`, `2 weeks ago`, `next week`, `next month`,
`next year`, `end of month`) are read here without any import; anything else (`dec 1`,
`last month`) goes to parsedatetime, imported only then.

`today` is always a parameter, so that every rule can be tested with a fixed clock.
"""

from __future__ import annotations

import datetime as dt
import re

from luckos.errors import Invalid

_ACCURACY_DAY_OR_FINER = 0  # parsedatetime accuracy flag; 0 means nothing was parsed

# The one supported range for every date luckos reads or stores: wide enough for any
# career, narrow enough that date arithmetic (a year of windows, a 90-day reboot, a
# six-month horizon) never leaves what Python's dates can hold.
FIRST_DATE = dt.date(1900, 1, 1)
LAST_DATE = dt.date(2199, 12, 31)
DATE_RANGE = f"{FIRST_DATE} to {LAST_DATE}"

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# patterns, compiled (and cached by `re`) when first used: most commands read no date
_ISO_LOOSE = r"(\d{4})-(\d{1,2})-(\d{1,2})"
_NUMERIC = r"\d{1,4}[/.]\d{1,2}(?:[/.]\d{1,4})?"


def in_range(day: dt.date) -> bool:
    return FIRST_DATE <= day <= LAST_DATE


def check_date(day: dt.date, what: str = "date") -> dt.date:
    """The date itself, or Invalid when it lies outside the supported range."""
    if not in_range(day):
        raise Invalid(f"{what} {day.isoformat()} is out of range ({DATE_RANGE})", where=what)
    return day


def parse_date(text: str, today: dt.date, *, what: str = "date", past: bool = False) -> dt.date:
    """Read `2026-12-01`, `+3d`, `+2w`, `fri`, `tomorrow`, `next month`, ...

    A bare weekday means the next one, or with `past` (a date of something that has
    happened) the last one. Raises Invalid naming the text when it is not a date.
    """
    value = text.strip()
    if not value:
        raise Invalid(f"invalid {what}: empty", where=what)
    if len(value) > 64 or not value.isprintable():
        raise Invalid(f"invalid {what}: not a date (use YYYY-MM-DD or +3d, +2w, fri)",
                      where=what)
    loose = re.fullmatch(_ISO_LOOSE, value)
    if loose:  # 2026-12-5 reads like 2026-12-05
        try:
            day = dt.date(*(int(part) for part in loose.groups()))
        except ValueError:
            raise Invalid(f"invalid {what} {text!r}: not a real ISO date (YYYY-MM-DD)",
                          where=what) from None
        return check_date(day, what)
    if value[:4].isdigit() and "-" in value:
        raise Invalid(f"invalid {what} {text!r}: not a real ISO date (YYYY-MM-DD)",
                      where=what)
    if re.fullmatch(_NUMERIC, value):
        raise Invalid(f"invalid {what} {text!r}: write it as YYYY-MM-DD, e.g. "
                      f"{_example(value, today)} (dates with / or . are ambiguous)", where=what)
    try:
        known = _relative(value.lower().rstrip("."), today, past)
    except (OverflowError, ValueError):  # "+999999999d" runs past the last date Python has
        raise Invalid(f"invalid {what} {text!r}: out of range ({DATE_RANGE})",
                      where=what) from None
    if known is not None:
        return check_date(known, what)
    import parsedatetime  # lazy: only forms outside the documented ones pay for it

    calendar = parsedatetime.Calendar(version=parsedatetime.VERSION_CONTEXT_STYLE)
    source = dt.datetime.combine(today, dt.time(9, 0))
    try:
        parsed, context = calendar.parseDT(value, sourceTime=source)
    except (OverflowError, ValueError):  # "+999999999d" runs past the last date Python has
        raise Invalid(f"invalid {what} {text!r}: out of range ({DATE_RANGE})",
                      where=what) from None
    if not context.hasDate or context.accuracy == _ACCURACY_DAY_OR_FINER:
        raise Invalid(
            f"invalid {what} {text!r}: use YYYY-MM-DD or a relative form such as +3d, +2w, fri",
            where=what)
    day = parsed.date()
    if past and day > today and value.lower().rstrip(".") in _WEEKDAYS:
        day -= dt.timedelta(days=7)
    return check_date(day, what)


_UNITS = {"d": "d", "day": "d", "days": "d", "w": "w", "week": "w", "weeks": "w",
          "m": "m", "month": "m", "months": "m", "y": "y", "year": "y", "years": "y"}
_STEP = r"([+-]?)\s*(\d{1,9})\s*([a-z]+)"
_IN = r"in (\d{1,9}) ([a-z]+)"
_AGO = r"(\d{1,9}) ([a-z]+) ago"
_WEEKDAY_NUMBER = {name: number for number, full in enumerate(WEEKDAYS)
                   for name in (full, full[:3])} | {"tues": 1}


def _relative(value: str, today: dt.date, past: bool) -> dt.date | None:
    """A documented relative form read against `today`, or None for anything else.

    A bare weekday is the next one after today (with `past`, the last one, today
    included); `next fri` is the Friday of next week (weeks start on Monday); `+1m` and
    `+1y` keep the day of the month, clipped to the month's end."""
    if value == "today":
        return today
    if value in ("tomorrow", "yesterday"):
        return today + dt.timedelta(days=1 if value == "tomorrow" else -1)
    if value == "next week":
        return today + dt.timedelta(days=7)
    if value == "next month":
        return add_months(today.replace(day=1), 1)
    if value == "next year":
        return dt.date(today.year + 1, 1, 1)
    if value in ("end of month", "eom"):
        return add_months(today.replace(day=1), 1) - dt.timedelta(days=1)
    if value in _WEEKDAY_NUMBER:
        ahead = (_WEEKDAY_NUMBER[value] - today.weekday()) % 7 or 7
        return today + dt.timedelta(days=ahead - 7 if past else ahead)
    if value.startswith("next ") and value[5:] in _WEEKDAY_NUMBER:
        monday = today + dt.timedelta(days=7 - today.weekday())
        return monday + dt.timedelta(days=_WEEKDAY_NUMBER[value[5:]])
    step = re.fullmatch(_STEP, value)
    sign = -1 if step and step.group(1) == "-" else 1
    if step is None:
        step = re.fullmatch(_IN, value) or re.fullmatch(_AGO, value)
        sign = -1 if value.endswith(" ago") else 1
        if step is None:
            return None
        number, unit = step.group(1), _UNITS.get(step.group(2))
    else:
        number, unit = step.group(2), _UNITS.get(step.group(3))
    if unit is None:
        return None
    count = sign * int(number)
    if unit == "d":
        return today + dt.timedelta(days=count)
    if unit == "w":
        return today + dt.timedelta(weeks=count)
    if abs(count) > 12 * (LAST_DATE.year - FIRST_DATE.year + 1):
        raise OverflowError(value)
    return add_months(today, count * (12 if unit == "y" else 1))


def _example(value: str, today: dt.date) -> str:
    """The ISO spellings an ambiguous `12/5` could mean, for the error message."""
    parts = [int(p) for p in re.split(r"[/.]", value)]
    if len(parts) == 3 and parts[0] > 31:  # 2026/12/05: year first, then month and day
        orders = [(parts[0], parts[1], parts[2])]
    else:
        year = parts[2] if len(parts) == 3 else today.year
        year += 2000 if year < 100 else 0
        orders = [(year, parts[0], parts[1]), (year, parts[1], parts[0])]
    spellings = []
    for year, month, day in orders:
        try:
            spellings.append(dt.date(year, month, day).isoformat())
        except ValueError:
            continue
    return " or ".join(dict.fromkeys(spellings)) or f"{today.year}-12-05"


_WEEKDAYS = frozenset(
    name for full in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                      "sunday") for name in (full, full[:3], full[:4]))


def parse_month(text: str, today: dt.date) -> str:
    """Read a month as `YYYY-MM` (or any date inside it); returns `YYYY-MM`."""
    value = text.strip()
    if len(value) == 7 and value[4] == "-":
        try:
            first = dt.date.fromisoformat(value + "-01")
        except ValueError:
            raise Invalid(f"invalid month {text!r}: use YYYY-MM", where="month") from None
        check_date(first, "month")
        return value
    if value.lower() in ("this month", "now"):
        return today.isoformat()[:7]
    return parse_date(value, today, what="month").isoformat()[:7]


def week_start(day: dt.date, first_weekday: int) -> dt.date:
    """The first day of the week holding `day`, weeks starting on `first_weekday`
    (0 Monday; luck.toml's week_start)."""
    return day - dt.timedelta(days=(day.weekday() - first_weekday) % 7)


def complete_weeks(today: dt.date, first_weekday: int, count: int) -> list[dt.date]:
    """The starts of the `count` whole weeks before the current one, oldest first."""
    this_week = week_start(today, first_weekday)
    return [this_week - dt.timedelta(weeks=n) for n in range(count, 0, -1)]


def quarter_of(day: dt.date) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def quarter_span(day: dt.date) -> tuple[str, dt.date, dt.date]:
    """The calendar quarter holding `day`: its name ('2026-Q4'), first and last day."""
    q = (day.month - 1) // 3
    start = dt.date(day.year, 3 * q + 1, 1)
    end = (dt.date(day.year + 1, 1, 1) if q == 3 else dt.date(day.year, 3 * q + 4, 1)) \
        - dt.timedelta(days=1)
    return f"{day.year}-Q{q + 1}", start, end


def month_of(day: dt.date) -> str:
    return day.isoformat()[:7]


def add_months(day: dt.date, months: int) -> dt.date:
    """`day` moved by whole months; a day past the end of a shorter month lands on that
    month's last day (Jan 31 + 1 month = Feb 28), as dateutil's relativedelta does, in a
    fraction of its time (window recurrences step through thousands of months)."""
    total = day.month - 1 + months
    year, month = day.year + total // 12, total % 12 + 1
    return dt.date(year, month, min(day.day, _month_days(year, month)))


def _month_days(year: int, month: int) -> int:
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31
