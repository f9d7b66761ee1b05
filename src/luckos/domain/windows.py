"""The timing calendar: recurring decision windows, prep deadlines and readiness.

The essay's rule: have "a two-pager and a 30-minute demo" one week before each window.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from luckos.dates import add_months
from luckos.domain.fields import ValueBase
from luckos.errors import Invalid

if TYPE_CHECKING:  # the classes are built by whoever reads the records, not by this module
    from luckos.domain.records import Artifact, Estimate, Window

# Named recurrences step by whole months from the window's first date; a date past the
# end of a shorter month lands on that month's last day (Jan 31 -> Apr 30 -> Jul 31).
NAMED_RECURRENCES = {"yearly": 12, "half-yearly": 6, "quarterly": 3, "monthly": 1}
BRIEF_KINDS = frozenset({"brief", "one-pager", "design-doc"})
DEMO_KINDS = frozenset({"demo"})

# Words people type for a recurrence, and the form stored for each.
RECURRENCE_WORDS = {
    "daily": "FREQ=DAILY", "every day": "FREQ=DAILY",
    "weekly": "FREQ=WEEKLY", "every week": "FREQ=WEEKLY",
    "biweekly": "FREQ=WEEKLY;INTERVAL=2", "fortnightly": "FREQ=WEEKLY;INTERVAL=2",
    "every other week": "FREQ=WEEKLY;INTERVAL=2",
    "monthly": "monthly", "every month": "monthly",
    "quarterly": "quarterly", "every quarter": "quarterly",
    "half-yearly": "half-yearly", "semi-annually": "half-yearly",
    "semiannually": "half-yearly", "twice a year": "half-yearly",
    "yearly": "yearly", "annually": "yearly", "annual": "yearly", "every year": "yearly",
}
_EVERY = re.compile(r"every (\d{1,3}) (day|week|month|year)s?")
_FREQS = {"day": "DAILY", "week": "WEEKLY", "month": "MONTHLY", "year": "YEARLY"}
ACCEPTED_WORDS = ("daily, weekly, every 2 weeks, monthly, quarterly, half-yearly, yearly, "
                  "every N days|weeks|months|years")

# RRULE parts a decision window may use (windows are whole days: no BYHOUR and the like)
_RULE_FREQS = ("YEARLY", "MONTHLY", "WEEKLY", "DAILY")
_RULE_PARTS = frozenset({"FREQ", "INTERVAL", "COUNT", "UNTIL", "BYDAY", "BYMONTHDAY",
                         "BYMONTH", "BYSETPOS", "BYWEEKNO", "BYYEARDAY", "WKST"})
MAX_INTERVAL = 999
MAX_COUNT = 10_000
FIRST_WITHIN_YEARS = 10


def check_recurrence(text: str, start: dt.date | None = None) -> str:
    """Return the recurrence as stored (a named one or an RRULE), or raise LuckError
    naming what is wrong. With `start`, the rule must also fall on a date within
    ten years of it, so that expanding it always ends."""
    value = " ".join(text.strip().split())
    word = value.lower().replace("every 1 ", "every ")
    if not value:
        return ""
    if word in RECURRENCE_WORDS:
        return RECURRENCE_WORDS[word]
    every = _EVERY.fullmatch(word)
    if every:
        count, unit = int(every.group(1)), every.group(2)
        if count < 1:
            raise Invalid(f"invalid recurrence {text!r}: the interval must be 1 or more",
                          where="recurrence")
        if unit == "month" and count in (1, 3, 6, 12):
            return {1: "monthly", 3: "quarterly", 6: "half-yearly", 12: "yearly"}[count]
        value = f"FREQ={_FREQS[unit]};INTERVAL={count}"
    elif "=" not in value:
        raise Invalid(f"invalid recurrence {text!r}: use one of {ACCEPTED_WORDS}, or an "
                      "RRULE such as FREQ=MONTHLY;INTERVAL=4", where="recurrence")
    problem = rule_problem(value, start)
    if problem:
        raise Invalid(f"invalid recurrence {text!r}: {problem}", where="recurrence")
    return value.upper().removeprefix("RRULE:")


def rule_problem(rule: str, start: dt.date | None = None) -> str | None:
    """What keeps an RRULE from being a window's recurrence, or None when it can be.
    Readers use it too, to skip a rule stored before it was checked."""
    text = rule.strip().upper().removeprefix("RRULE:")
    parts: dict[str, str] = {}
    for part in text.split(";"):
        key, sep, val = part.partition("=")
        if not sep or not key or not val:
            return f"{part!r} is not KEY=VALUE (an RRULE such as FREQ=MONTHLY;INTERVAL=4)"
        if key in parts:
            return f"{key} is given twice"
        parts[key] = val
    freq = parts.get("FREQ")
    if freq in ("SECONDLY", "MINUTELY", "HOURLY"):
        return f"FREQ={freq} is more often than daily; a window recurs at most daily"
    if freq not in _RULE_FREQS:
        return f"FREQ must be one of {', '.join(_RULE_FREQS)}"
    unknown = sorted(set(parts) - _RULE_PARTS)
    if unknown:
        return f"{unknown[0]} is not supported (a window is a whole day)"
    for key, high in (("INTERVAL", MAX_INTERVAL), ("COUNT", MAX_COUNT)):
        if key in parts and not (parts[key].isdigit() and 1 <= int(parts[key][:6]) <= high):
            return f"{key} must be a whole number from 1 to {high:,}"
    if "COUNT" in parts and "UNTIL" in parts:
        return "give COUNT or UNTIL, not both"
    if "UNTIL" in parts:
        from luckos.dates import DATE_RANGE, in_range

        try:
            until = dt.datetime.strptime(parts["UNTIL"][:8], "%Y%m%d").date()
        except ValueError:
            return f"UNTIL={parts['UNTIL']} is not a date (YYYYMMDD)"
        if not in_range(until):
            return f"UNTIL={parts['UNTIL']} is out of range ({DATE_RANGE})"
        if start is not None and until < start:
            return f"UNTIL={parts['UNTIL']} is before the window's first date ({start})"
    # COUNT and UNTIL only cut the dates short: whether the pattern falls on a date at all
    # is asked of the rule without them
    pattern = {k: v for k, v in parts.items() if k not in ("COUNT", "UNTIL")}
    start = start or dt.date(2000, 1, 1)
    if set(pattern) <= {"FREQ", "INTERVAL"}:
        return None  # every period from its first date: that date is the first it falls on
    months = _yearly_months(pattern, start)
    if months:  # the first date is this year's, or that of the rule's next year
        if max(months) >= start.month or int(pattern.get("INTERVAL", "1")) < FIRST_WITHIN_YEARS:
            return None
        return f"it falls on no date in the {FIRST_WITHIN_YEARS} years after its first date"
    return _expansion_problem(";".join(f"{k}={v}" for k, v in pattern.items()), start)


_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)  # February's in most years


def _yearly_months(parts: dict[str, str], start: dt.date) -> tuple[int, ...]:
    """The months of a rule FREQ=YEARLY;BYMONTH=...(;INTERVAL=n) begun on a day each of
    its months has every year (not a 29 February), whose dates are those months on that
    day each year of the rule; () for any other rule."""
    if (parts.get("FREQ") != "YEARLY" or set(parts) - {"FREQ", "INTERVAL", "BYMONTH"}
            or "BYMONTH" not in parts or (start.month, start.day) == (2, 29)):
        return ()
    values = parts["BYMONTH"].split(",")
    if not all(v.isdigit() and 1 <= int(v) <= 12 for v in values):
        return ()
    months = tuple(int(v) for v in values)
    return () if any(start.day > _MONTH_DAYS[m - 1] for m in months) else months


@functools.lru_cache(maxsize=1024)
def _expansion_problem(rule: str, start: dt.date) -> str | None:
    try:
        _rrule(rule, start)
        # The Gregorian calendar (leap years and weekdays alike) repeats every 400 years,
        # so the rule's first date from `start` is its first date from the same day in a
        # year congruent to it near 9999, where dateutil stops looking: a rule that never
        # falls on a date cannot loop for ever here, while it would from today.
        far = 9589 + (start.year - 9589) % 400
        probe = _rrule(rule, start.replace(year=far))
        first = probe.after(dt.datetime.combine(start.replace(year=far), dt.time()), inc=True)
    except (ValueError, TypeError, OverflowError) as exc:
        return f"not a valid RRULE ({exc})"
    if first is None or first.year - far >= FIRST_WITHIN_YEARS:
        return f"it falls on no date in the {FIRST_WITHIN_YEARS} years after its first date"
    return None


def expandable(window: Window) -> bool:
    """Whether the window's recurrence can be expanded (a rule stored before rules were
    checked may not be); readers skip the ones that cannot."""
    return _expandable(window.recurrence, window.on)


@functools.lru_cache(maxsize=4096)
def _expandable(recurrence: str, on: dt.date | None) -> bool:
    """`expandable` of a window recurring by `recurrence` from `on` (asked once per rule
    and first date: every expansion asks it, for each of the window's dates)."""
    recurrence = recurrence.strip()
    if not recurrence or recurrence.lower() in NAMED_RECURRENCES:
        return True
    if on is None:
        return False
    from luckos.dates import in_range

    return in_range(on) and rule_problem(recurrence, on) is None


@functools.lru_cache(maxsize=4096)
def _rrule(rule: str, start: dt.date):  # type: ignore[no-untyped-def]
    """The parsed rule (parsed once per rule and start: rrule objects are immutable)."""
    from dateutil.rrule import rrulestr

    # cache: the dates found stay on the (shared, cached) rule, so that asking it again
    # (the previous date, the next request of the dashboard) walks no date twice
    return rrulestr(rule, dtstart=dt.datetime.combine(start, dt.time()), cache=True)


def _named_dates(first: dt.date, step: int, start: dt.date, end: dt.date) -> list[dt.date]:
    months = (start.year - first.year) * 12 + start.month - first.month
    k = max(0, months // step - 1)
    found = []
    while (day := add_months(first, k * step)) <= end:
        if day >= start:
            found.append(day)
        k += 1
    return found


def occurrences(window: Window, start: dt.date, end: dt.date) -> list[dt.date]:
    """The window's dates within [start, end]."""
    assert window.on is not None
    return _dates(window.recurrence, window.on, start, end)


def _dates(recurrence: str, first: dt.date, start: dt.date, end: dt.date) -> list[dt.date]:
    """The dates within [start, end] of a window recurring by `recurrence` from `first`."""
    if not recurrence.strip():
        return [first] if start <= first <= end else []
    if end < first or not _expandable(recurrence, first):
        return []
    recurrence = recurrence.strip()
    step = NAMED_RECURRENCES.get(recurrence.lower())
    if step:
        return _named_dates(first, step, max(start, first), end)
    plain = _plain_rule(recurrence, first)
    if plain:
        return _plain_dates(plain, first, max(start, first), end)
    days = _rrule(recurrence, first).between(
        dt.datetime.combine(max(start, first), dt.time()),
        dt.datetime.combine(end, dt.time()),
        inc=True,
    )
    return [d.date() for d in days]


def previous_occurrence(window: Window, before: dt.date) -> dt.date | None:
    """The window's last date strictly before `before`, if it recurs."""
    assert window.on is not None
    return _previous(window.recurrence, window.on, before)


def _previous(recurrence: str, first: dt.date, before: dt.date) -> dt.date | None:
    """`previous_occurrence` of a window recurring by `recurrence` from `first`."""
    if not recurrence.strip() or before <= first or not _expandable(recurrence, first):
        return None
    recurrence = recurrence.strip()
    step = NAMED_RECURRENCES.get(recurrence.lower())
    if step:
        since = max(first, add_months(before, -(step + 1)))
        earlier = _named_dates(first, step, since, before - dt.timedelta(days=1))
        return earlier[-1] if earlier else None
    plain = _plain_rule(recurrence, first)
    if plain:
        freq, interval, _ = plain
        months = interval * (12 if freq == "YEARLY" else 1)
        if freq in _PERIOD_DAYS:
            since = before - dt.timedelta(days=_PERIOD_DAYS[freq] * interval)
        else:  # a whole period and a year before, clamped to the first date
            since = dt.date(max(1, before.year - months // 12 - 1), 1, 1)
        earlier = _plain_dates(plain, first, max(first, since),
                               before - dt.timedelta(days=1))
        return earlier[-1] if earlier else None
    last = _rrule(recurrence, first).before(dt.datetime.combine(before, dt.time()), inc=False)
    return last.date() if last else None


@functools.lru_cache(maxsize=4096)
def _plain_rule(recurrence: str, first: dt.date) -> tuple[str, int, tuple[int, ...]] | None:
    """(FREQ, INTERVAL, BYMONTH months) of an RRULE whose dates follow from its first date
    alone: FREQ and INTERVAL only, begun on a day every month has (1-28), or a yearly rule
    of some months (see `_yearly_months`). None for any other rule, which dateutil
    expands."""
    parts: dict[str, str] = {}
    for part in recurrence.upper().removeprefix("RRULE:").split(";"):
        key, sep, value = part.partition("=")
        if not sep or key in parts:
            return None
        parts[key] = value
    freq, interval = parts.get("FREQ", ""), parts.get("INTERVAL", "1")
    if freq not in _RULE_FREQS or not interval.isdigit() or not 1 <= int(interval) <= MAX_INTERVAL:
        return None
    months = _yearly_months(parts, first)
    if not months and (set(parts) - {"FREQ", "INTERVAL"} or first.day > 28):
        return None
    return freq, int(interval), months


def _plain_dates(rule: tuple[str, int, tuple[int, ...]], first: dt.date, start: dt.date,
                 end: dt.date) -> list[dt.date]:
    """The dates within [start, end] of a rule `_plain_rule` read, begun on `first`, as
    dateutil gives them (up to the year 9999)."""
    freq, interval, months = rule
    found: list[dt.date] = []
    if freq in _PERIOD_DAYS:
        step = _PERIOD_DAYS[freq] * interval
        k = max(0, -(-(start - first).days // step))
        while (k * step) <= (end - first).days:
            found.append(first + dt.timedelta(days=k * step))
            k += 1
        return found
    if months:  # the months on the first date's day, each year of the rule
        year = first.year + max(0, -(-(start.year - first.year) // interval)) * interval
        while year <= min(end.year, 9999):
            found += [day for month in sorted(set(months))
                      if first <= (day := dt.date(year, month, first.day)) and start <= day <= end]
            year += interval
        return found
    step = interval * (12 if freq == "YEARLY" else 1)
    k = max(0, ((start.year - first.year) * 12 + start.month - first.month) // step - 1)
    while True:
        total = first.month - 1 + k * step
        if first.year + total // 12 > 9999:
            return found
        day = first.replace(year=first.year + total // 12, month=total % 12 + 1)
        if day > end:
            return found
        if day >= start:
            found.append(day)
        k += 1


@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class WindowOccurrence(ValueBase):
    """One date of a decision window and how ready you are for it."""

    window: Window
    on: dt.date
    prep_due: dt.date
    brief: Artifact | str | None  # the artifact or linked document that answers the brief
    demo: Artifact | None
    # the window's date before this one, since when prep counts (None: none before)
    previous: dt.date | None = None
    # the rough math saved for it (`luck estimate ... --window`), newest first
    estimates: tuple[Estimate, ...] = ()
    # a promotion window: what keeps its packet from being ready ("3 of 40 claims without
    # evidence"); None when the packet is ready or the window asks for none
    packet_gap: str | None = None

    @property
    def brief_ready(self) -> bool:
        return not self.window.needs_brief or self.brief is not None

    @property
    def demo_ready(self) -> bool:
        return not self.window.needs_demo or self.demo is not None

    @property
    def packet_ready(self) -> bool:
        return self.packet_gap is None

    @property
    def ready(self) -> bool:
        return self.brief_ready and self.demo_ready and self.packet_ready

    def state(self, today: dt.date) -> str:
        """ready, prep (prep due later), due (prep due within a week) or late."""
        if self.ready:
            return "ready"
        if today > self.prep_due:
            return "late"
        if (self.prep_due - today).days <= 7:
            return "due"
        return "prep"

    def missing(self) -> list[str]:
        gaps = []
        if not self.brief_ready:
            gaps.append("two-pager")
        if not self.demo_ready:
            gaps.append("demo")
        if self.packet_gap is not None:
            gaps.append(f"packet ({self.packet_gap})")
        return gaps


PACKET_WINDOW_KINDS = ("promotion",)  # "that list is your résumé inside the company"


def with_packet(occurrences: Sequence[WindowOccurrence], gap: str | None) -> list[WindowOccurrence]:
    """The occurrences, a promotion window's carrying `gap`: what keeps the packet for
    the period from being built with every claim backed (None: nothing does)."""
    return [dataclasses.replace(o, packet_gap=gap) if o.window.kind in PACKET_WINDOW_KINDS
            else o for o in occurrences]


def upcoming(
    windows: Iterable[Window],
    artifacts: Sequence[Artifact],
    today: dt.date,
    horizon_days: int,
    estimates: Sequence[Estimate] = (),
) -> list[WindowOccurrence]:
    """Every window date from today to today + horizon, soonest first, with readiness
    and the estimates linked to the window (for a recurring one, those saved since its
    previous date, as for its brief).

    Long-running recurrences are fast-forwarded before they are expanded; each occurrence
    still carries its window as recorded."""
    end = today + dt.timedelta(days=horizon_days)
    by_window: dict[int, list[Artifact]] = {}
    for artifact in artifacts:
        if artifact.window_id is not None:
            by_window.setdefault(artifact.window_id, []).append(artifact)
    math: dict[int, list[Estimate]] = {}
    for estimate in sorted(estimates, key=lambda e: (e.on or dt.date.min, e.id or 0),
                           reverse=True):
        if estimate.window_id is not None:
            math.setdefault(estimate.window_id, []).append(estimate)
    result = []
    for window in windows:
        linked = by_window.get(window.id or 0, [])
        saved = math.get(window.id or 0, [])
        for day, since in dates_between(window, today, end):
            result.append(_occurrence(window, day, since, linked, tuple(
                e for e in saved if e.on is None or since is None or e.on > since)
                if saved else ()))
    result.sort(key=lambda o: (o.on, o.window.id or 0))
    return result


def dates_within(window: Window, start: dt.date, end: dt.date) -> list[dt.date]:
    """The window's dates within [start, end] (`dates_between` without the date before
    each); a long-running recurrence is fast-forwarded before it is expanded."""
    assert window.on is not None
    recurrence = window.recurrence
    first = _anchor(recurrence, window.on, start) if recurrence else window.on
    return _dates(recurrence, first, start, end)


def dates_between(window: Window, start: dt.date, end: dt.date
                  ) -> list[tuple[dt.date, dt.date | None]]:
    """(date, the window's date before it or None) of each of its dates within
    [start, end]; a long-running recurrence is fast-forwarded before it is expanded."""
    assert window.on is not None
    recurrence = window.recurrence
    # fast-forwarded as `fast_forward` does, without building the moved window
    first = _anchor(recurrence, window.on, start) if recurrence else window.on
    days = _dates(recurrence, first, start, end)
    # each date's previous one is the date before it: only the first is looked up
    since = _previous(recurrence, first, days[0]) if days and recurrence else None
    found = []
    for day in days:
        found.append((day, since))
        since = day
    return found


def _occurrence(window: Window, day: dt.date, since: dt.date | None,
                linked: Sequence[Artifact], estimates: tuple[Estimate, ...] = ()
                ) -> WindowOccurrence:
    # For a recurring window, only prep made since its previous date counts.
    brief: Artifact | str | None = None
    demo = None
    if linked:  # most dates have no artifact linked: nothing to sort through
        fresh = [a for a in linked if a.on is None or since is None or a.on > since]
        fresh.sort(key=lambda a: (a.on or dt.date.min), reverse=True)
        brief = next((a for a in fresh if a.kind in BRIEF_KINDS), None)
        demo = next((a for a in fresh if a.kind in DEMO_KINDS), None)
    if brief is None and window.docs:
        brief = window.docs[0]
    return WindowOccurrence(
        window=window,
        on=day,
        prep_due=day - dt.timedelta(days=window.prep_lead_days),
        brief=brief,
        demo=demo,
        previous=since,
        estimates=estimates,
    )


# --- expanding long-running recurrences quickly ------------------------------------------

_PERIOD_MONTHS = {"YEARLY": 12, "MONTHLY": 1}
_PERIOD_DAYS = {"WEEKLY": 7, "DAILY": 1}


def fast_forward(window: Window, start: dt.date) -> Window:
    """The same window re-anchored on a later date of its own recurrence, at least one
    period before `start`, so that expanding it from `start` does not walk every date
    since the first (dateutil iterates from the anchor). Only plain FREQ/INTERVAL rules
    (the named ones included) and yearly rules of some months (BYMONTH), anchored on a
    day every month has, are moved; any other window comes back as it was."""
    assert window.on is not None
    anchor = _anchor(window.recurrence, window.on, start)
    return window if anchor == window.on else dataclasses.replace(window, on=anchor)


@functools.lru_cache(maxsize=4096)
def _anchor_parts(recurrence: str) -> tuple[dict[str, str], int | None]:
    """The parts of a recurrence as `_anchor` reads them (a named one as its monthly
    rule), and its INTERVAL (None: not a number). Read once per rule; not to be changed."""
    named = NAMED_RECURRENCES.get(recurrence.strip().lower())
    rule = f"FREQ=MONTHLY;INTERVAL={named}" if named else recurrence
    parts = dict(p.split("=", 1) for p in rule.upper().removeprefix("RRULE:").split(";")
                 if "=" in p)
    try:
        return parts, int(parts.get("INTERVAL", "1"))
    except ValueError:
        return parts, None


def _anchor(recurrence: str, on: dt.date, start: dt.date) -> dt.date:
    """The first date of `fast_forward`'s window, for a window recurring by `recurrence`
    from `on`."""
    if not _expandable(recurrence, on):
        return on
    parts, interval = _anchor_parts(recurrence)
    if interval is None:
        return on
    if _yearly_months(parts, on):
        # each year of the rule holds the same dates: moved by whole periods to a year
        # before which a whole year of the rule still lies before `start`, the dates
        # from `start` on and the last one before them are those of the window recorded
        periods = (start.year - 1 - interval - on.year) // interval
        if periods <= 0:
            return on
        return on.replace(year=on.year + periods * interval)
    if not parts or set(parts) - {"FREQ", "INTERVAL"} or on.day > 28:
        return on
    freq = parts.get("FREQ", "")
    if freq in _PERIOD_MONTHS:
        months = _PERIOD_MONTHS[freq] * interval
        target = start - dt.timedelta(days=31 * months + 1)
        steps = ((target.year - on.year) * 12 + target.month - on.month) // months
        if steps <= 0:
            return on
        total = on.month - 1 + steps * months
        return on.replace(year=on.year + total // 12, month=total % 12 + 1)
    if freq in _PERIOD_DAYS:
        days = _PERIOD_DAYS[freq] * interval
        steps = ((start - on).days - days) // days
        if steps <= 0:
            return on
        return on + dt.timedelta(days=steps * days)
    return on
