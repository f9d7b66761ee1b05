"""The timing calendar: recurring decision windows, prep deadlines and readiness.

The essay's rule: have "a two-pager and a 30-minute demo" one week before each window.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections.abc import Iterable, Sequence

from luckos.domain.records import Artifact, Window
from luckos.errors import LuckError

# Named recurrences step by whole months from the window's first date; a date past the
# end of a shorter month lands on that month's last day (Jan 31 -> Apr 30 -> Jul 31).
NAMED_RECURRENCES = {"yearly": 12, "half-yearly": 6, "quarterly": 3}
BRIEF_KINDS = frozenset({"brief", "one-pager", "design-doc"})
DEMO_KINDS = frozenset({"demo"})


def check_recurrence(text: str) -> str:
    """Return the recurrence normalised, or raise LuckError naming what is wrong."""
    value = text.strip()
    if not value or value.lower() in NAMED_RECURRENCES:
        return value.lower()
    rule = value.removeprefix("RRULE:")
    try:
        _rrule(rule, dt.date(2000, 1, 1))
    except (ValueError, TypeError) as exc:
        raise LuckError(
            f"invalid recurrence {text!r}: use yearly, half-yearly, quarterly or an RRULE "
            f"such as FREQ=MONTHLY;INTERVAL=4 ({exc})"
        ) from None
    return rule.upper()


@functools.lru_cache(maxsize=4096)
def _rrule(rule: str, start: dt.date):  # type: ignore[no-untyped-def]
    """The parsed rule (parsed once per rule and start: rrule objects are immutable)."""
    from dateutil.rrule import rrulestr

    return rrulestr(rule, dtstart=dt.datetime.combine(start, dt.time()))


def _months_from(start: dt.date, count: int) -> dt.date:
    from dateutil.relativedelta import relativedelta

    return start + relativedelta(months=count)


def _named_dates(window: Window, step: int, start: dt.date, end: dt.date) -> list[dt.date]:
    assert window.on is not None
    months = (start.year - window.on.year) * 12 + start.month - window.on.month
    k = max(0, months // step - 1)
    found = []
    while (day := _months_from(window.on, k * step)) <= end:
        if day >= start:
            found.append(day)
        k += 1
    return found


def occurrences(window: Window, start: dt.date, end: dt.date) -> list[dt.date]:
    """The window's dates within [start, end]."""
    assert window.on is not None
    recurrence = window.recurrence.strip()
    if not recurrence:
        return [window.on] if start <= window.on <= end else []
    if end < window.on:
        return []
    step = NAMED_RECURRENCES.get(recurrence.lower())
    if step:
        return _named_dates(window, step, max(start, window.on), end)
    days = _rrule(recurrence, window.on).between(
        dt.datetime.combine(max(start, window.on), dt.time()),
        dt.datetime.combine(end, dt.time()),
        inc=True,
    )
    return [d.date() for d in days]


def previous_occurrence(window: Window, before: dt.date) -> dt.date | None:
    """The window's last date strictly before `before`, if it recurs."""
    assert window.on is not None
    recurrence = window.recurrence.strip()
    if not recurrence or before <= window.on:
        return None
    step = NAMED_RECURRENCES.get(recurrence.lower())
    if step:
        since = max(window.on, _months_from(before, -(step + 1)))
        earlier = _named_dates(window, step, since, before - dt.timedelta(days=1))
        return earlier[-1] if earlier else None
    last = _rrule(recurrence, window.on).before(dt.datetime.combine(before, dt.time()), inc=False)
    return last.date() if last else None


@dataclasses.dataclass(frozen=True)
class Occurrence:
    """One date of a decision window and how ready you are for it."""

    window: Window
    on: dt.date
    prep_due: dt.date
    brief: Artifact | str | None  # the artifact or linked document that answers the brief
    demo: Artifact | None
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


def with_packet(occurrences: Sequence[Occurrence], gap: str | None) -> list[Occurrence]:
    """The occurrences, a promotion window's carrying `gap`: what keeps the packet for
    the period from being built with every claim backed (None: nothing does)."""
    return [dataclasses.replace(o, packet_gap=gap) if o.window.kind in PACKET_WINDOW_KINDS
            else o for o in occurrences]


def upcoming(
    windows: Iterable[Window],
    artifacts: Sequence[Artifact],
    today: dt.date,
    horizon_days: int,
) -> list[Occurrence]:
    """Every window date from today to today + horizon, soonest first, with readiness.

    Long-running recurrences are fast-forwarded before they are expanded; each occurrence
    still carries its window as recorded."""
    end = today + dt.timedelta(days=horizon_days)
    by_window: dict[int, list[Artifact]] = {}
    for artifact in artifacts:
        if artifact.window_id is not None:
            by_window.setdefault(artifact.window_id, []).append(artifact)
    result = []
    for window in windows:
        linked = by_window.get(window.id or 0, [])
        moved = fast_forward(window, today) if window.recurrence else window
        for day in occurrences(moved, today, end):
            result.append(_occurrence(window, moved, day, linked))
    result.sort(key=lambda o: (o.on, o.window.id or 0))
    return result


def _occurrence(window: Window, moved: Window, day: dt.date,
                linked: Sequence[Artifact]) -> Occurrence:
    # For a recurring window, only prep made since its previous date counts.
    since = previous_occurrence(moved, day)
    fresh = [a for a in linked if a.on is None or since is None or a.on > since]
    fresh.sort(key=lambda a: (a.on or dt.date.min), reverse=True)
    brief: Artifact | str | None = next((a for a in fresh if a.kind in BRIEF_KINDS), None)
    if brief is None and window.docs:
        brief = window.docs[0]
    demo = next((a for a in fresh if a.kind in DEMO_KINDS), None)
    return Occurrence(
        window=window,
        on=day,
        prep_due=day - dt.timedelta(days=window.prep_lead_days),
        brief=brief,
        demo=demo,
    )


# --- expanding long-running recurrences quickly ------------------------------------------

_PERIOD_MONTHS = {"YEARLY": 12, "MONTHLY": 1}
_PERIOD_DAYS = {"WEEKLY": 7, "DAILY": 1}


def fast_forward(window: Window, start: dt.date) -> Window:
    """The same window re-anchored on a later date of its own recurrence, at least one
    period before `start`, so that expanding it from `start` does not walk every date
    since the first (dateutil iterates from the anchor). Only plain FREQ/INTERVAL rules
    (the named ones included) anchored on a day every month has are moved; any other
    window comes back as it was."""
    assert window.on is not None
    named = NAMED_RECURRENCES.get(window.recurrence.strip().lower())
    rule = f"FREQ=MONTHLY;INTERVAL={named}" if named else window.recurrence
    parts = dict(p.split("=", 1) for p in rule.upper().removeprefix("RRULE:").split(";")
                 if "=" in p)
    if not parts or set(parts) - {"FREQ", "INTERVAL"} or window.on.day > 28:
        return window
    try:
        interval = int(parts.get("INTERVAL", "1"))
    except ValueError:
        return window
    freq = parts.get("FREQ", "")
    if freq in _PERIOD_MONTHS:
        months = _PERIOD_MONTHS[freq] * interval
        target = start - dt.timedelta(days=31 * months + 1)
        steps = ((target.year - window.on.year) * 12 + target.month - window.on.month) // months
        if steps <= 0:
            return window
        total = window.on.month - 1 + steps * months
        anchor = window.on.replace(year=window.on.year + total // 12, month=total % 12 + 1)
        return dataclasses.replace(window, on=anchor)
    if freq in _PERIOD_DAYS:
        days = _PERIOD_DAYS[freq] * interval
        steps = ((start - window.on).days - days) // days
        if steps <= 0:
            return window
        return dataclasses.replace(window, on=window.on + dt.timedelta(days=steps * days))
    return window
