"""The credibility ledger: promise transitions and the analytics of promises kept.

Definitions (shown to the user by `luck ledger`):

- kept on time: status kept and landed on or before the due date.
- kept late: status kept and landed after the due date; it is not a hit.
- renegotiated early: renegotiated on or before the due date. It is neither a hit nor a
  miss and is shown apart. Renegotiating after the due date is recorded as a miss.
- resolved: kept (on time or late), missed or dropped.
- hit rate: kept on time / resolved.
- average slip: mean days late over the promises kept late.

The analytics read promises as counted groups (`Group`: a status, whether it landed
after its due date, the day it landed, how many, and their days late), so that a store
can hand over ten years of promises as a few hundred grouped rows instead of an object
per promise. `summarize` takes plain `(due, status, landed_on)` triples and groups them
itself. Dates are ISO strings, which compare in date order.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from luckos.domain.fields import ValueBase
from luckos.domain.records import Promise
from luckos.errors import Conflict, Invalid

Fact = tuple[str, str, "str | None"]  # (due, status, landed_on), ISO dates

TREND_FLAT = 0.5  # points: a change of the hit rate within half a point is flat
OUTCOMES = ("kept_on_time", "kept_late", "missed", "dropped", "renegotiated_early", "open")


class Group(NamedTuple):
    """Promises that share a status, lateness and (for recent ones) a landing day."""

    status: str
    late: bool  # landed after the due date
    landed_on: str | None  # ISO day; None in the all-time totals
    number: int
    late_days: int  # the sum of their days late (0 when not late)


def outcome_of(status: str, late: bool) -> str:
    if status == "kept":
        return "kept_late" if late else "kept_on_time"
    if status == "renegotiated":
        return "renegotiated_early"
    return status  # open, missed, dropped


def outcome(due: str, status: str, landed_on: str | None) -> str:
    return outcome_of(status, bool(landed_on and landed_on > due))


def days_late(promise: Promise) -> int | None:
    """How many days after its due date a promise landed (kept late, or closed late);
    None when it landed on time or has not landed."""
    if promise.due is None or promise.landed_on is None or promise.landed_on <= promise.due:
        return None
    return (promise.landed_on - promise.due).days


def promise_outcome(promise: Promise) -> str:
    """One of OUTCOMES: kept on time, kept late (not a hit), missed, dropped..."""
    return outcome_of(promise.status, days_late(promise) is not None)


def days_to_due(promise: Promise, today: dt.date) -> int | None:
    """For an open promise, the days from today to its due date (negative: overdue)."""
    if promise.status != "open" or promise.due is None:
        return None
    return (promise.due - today).days


# --- transitions ---------------------------------------------------------------------

_FINAL = {"kept", "renegotiated", "dropped"}


def keep(promise: Promise, on: dt.date) -> Promise:
    """Mark kept on `on`. A missed promise may still be kept (late); a dropped or
    renegotiated one must be reopened first."""
    _require(promise, allowed={"open", "missed"}, verb="keep")
    _not_before_made(promise, on)
    return dataclasses.replace(promise, status="kept", landed_on=on)


def miss(promise: Promise, on: dt.date, lesson: str = "") -> Promise:
    _require(promise, allowed={"open"}, verb="mark as missed")
    _not_before_made(promise, on)
    return dataclasses.replace(promise, status="missed", landed_on=on,
                               lesson=lesson.strip() or promise.lesson)


def misses_without_lesson(promises: Sequence[Promise]) -> list[Promise]:
    """Missed promises with no lesson written: the review asks for each."""
    return [p for p in promises if p.status == "missed" and not p.lesson.strip()]


def drop(promise: Promise, on: dt.date) -> Promise:
    _require(promise, allowed={"open", "missed"}, verb="drop")
    _not_before_made(promise, on)
    return dataclasses.replace(promise, status="dropped", landed_on=on)


def reopen(promise: Promise) -> Promise:
    if promise.status == "open":
        raise Conflict(f"p{promise.id} is already open", where=f"p{promise.id}")
    if promise.renegotiated_to is not None:
        raise Conflict(
            f"p{promise.id} was replaced by p{promise.renegotiated_to}; edit that one instead",
            where=f"p{promise.id}")
    return dataclasses.replace(promise, status="open", landed_on=None)


def renegotiate(promise: Promise, new_due: dt.date, on: dt.date) -> tuple[Promise, Promise, bool]:
    """Renegotiate an open promise to `new_due`, agreed on `on`.

    Returns (the old promise, closed; the new promise, open; whether it was early).
    Early (on or before the due date) closes the old one as renegotiated, which is not a
    miss; late closes it as missed.
    """
    _require(promise, allowed={"open"}, verb="renegotiate")
    _not_before_made(promise, on)
    if new_due <= on:
        raise Invalid(f"new due date {new_due} must be after the renegotiation date {on}",
                      where="due")
    assert promise.due is not None
    early = on <= promise.due
    closed = dataclasses.replace(
        promise, status="renegotiated" if early else "missed", landed_on=on
    )
    successor = dataclasses.replace(
        promise, id=None, made_on=on, due=new_due, status="open", landed_on=None,
        renegotiated_to=None,
    )
    return closed, successor, early


def _require(promise: Promise, *, allowed: set[str], verb: str) -> None:
    if promise.status not in allowed:
        landed = f" on {promise.landed_on}" if promise.landed_on else ""
        hint = "; reopen it first" if promise.status in _FINAL - {"kept"} else ""
        if promise.renegotiated_to is not None:
            hint = f"; it carries on as p{promise.renegotiated_to}"
        raise Conflict(f"cannot {verb} p{promise.id}: it was {promise.status}{landed}{hint}",
                       where=f"p{promise.id}")


def _not_before_made(promise: Promise, on: dt.date) -> None:
    if promise.made_on and on < promise.made_on:
        raise Invalid(f"{on} is before p{promise.id} was made ({promise.made_on})",
                      where=f"p{promise.id}")


# --- analytics -------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class Tally(ValueBase):
    """Outcome counts over a set of promises, and the rates derived from them."""

    kept_on_time: int = 0
    kept_late: int = 0
    missed: int = 0
    dropped: int = 0
    renegotiated_early: int = 0
    open: int = 0

    @property
    def resolved(self) -> int:
        return self.kept_on_time + self.kept_late + self.missed + self.dropped

    @property
    def hit_rate(self) -> float | None:
        return self.kept_on_time / self.resolved if self.resolved else None

    def as_dict(self) -> dict[str, object]:
        data: dict[str, object] = dataclasses.asdict(self)
        data["resolved"] = self.resolved
        data["hit_rate"] = _round(self.hit_rate)
        return data


@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class QuarterRate(ValueBase):
    """One quarter of the credibility trend: its label ("2026-Q3") and its tally."""

    quarter: str
    tally: Tally


@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class LedgerSummary(ValueBase):
    """The credibility ledger as of `today`: the tallies overall, over the rolling days and
    the ones before them, by quarter, the average slip, and the open promises overdue or
    due soon."""

    today: dt.date
    overall: Tally
    rolling: Tally  # resolved within the last `rolling_days`
    previous_rolling: Tally  # the `rolling_days` before that
    rolling_days: int
    quarters: list[QuarterRate]
    average_slip_days: float | None
    overdue: list[Promise]
    due_soon: list[Promise]

    @property
    def trend(self) -> float | None:
        """Change of the rolling hit rate against the period before it."""
        now, before = self.rolling.hit_rate, self.previous_rolling.hit_rate
        return None if now is None or before is None else now - before

    @property
    def trend_direction(self) -> str | None:
        """up, down or flat (within half a point), or None before there is a trend."""
        if self.trend is None:
            return None
        points = self.trend * 100
        return "up" if points > TREND_FLAT else "down" if points < -TREND_FLAT else "flat"


def history_start(today: dt.date, rolling_days: int, quarters: int) -> dt.date:
    """The earliest landing day that the rolling windows and the quarters look at."""
    first_quarter = _last_quarters(today, quarters)[0]
    year, q = int(first_quarter[:4]), int(first_quarter[-1])
    return min(today - dt.timedelta(days=2 * rolling_days), dt.date(year, 3 * q - 2, 1))


def group_facts(facts: Iterable[Fact]) -> tuple[list[Group], list[Group]]:
    """(all-time totals, per landing day) groups of plain (due, status, landed_on) facts."""
    totals: dict[tuple[str, bool], list[int]] = {}
    daily: dict[tuple[str, bool, str], int] = {}
    for due, status, landed in facts:
        late = bool(landed and landed > due)
        days = 0
        if late and landed:
            days = (dt.date.fromisoformat(landed) - dt.date.fromisoformat(due)).days
        entry = totals.setdefault((status, late), [0, 0])
        entry[0] += 1
        entry[1] += days
        if landed:
            daily[(status, late, landed)] = daily.get((status, late, landed), 0) + 1
    return (
        [Group(st, late, None, n, days) for (st, late), (n, days) in totals.items()],
        [Group(st, late, day, n, 0) for (st, late, day), n in daily.items()],
    )


def summarize(
    facts: Iterable[Fact],
    open_promises: Sequence[Promise],
    today: dt.date,
    *,
    rolling_days: int = 90,
    quarters: int = 6,
    due_soon_days: int = 7,
) -> LedgerSummary:
    """Summarise the ledger of plain (due, status, landed_on) facts as of `today`."""
    totals, daily = group_facts(facts)
    return summarize_groups(totals, daily, open_promises, today, rolling_days=rolling_days,
                            quarters=quarters, due_soon_days=due_soon_days)


def summarize_groups(
    totals: Iterable[Group],
    daily: Iterable[Group],
    open_promises: Sequence[Promise],
    today: dt.date,
    *,
    rolling_days: int = 90,
    quarters: int = 6,
    due_soon_days: int = 7,
) -> LedgerSummary:
    """Summarise the ledger as of `today`.

    `totals` counts every promise by status and lateness; `daily` counts the resolved
    ones by landing day, at least from `history_start(...)` on (those that landed before
    the rolling windows may be counted by quarter, dated by a day of that quarter);
    `open_promises` holds the open ones that may be overdue or due soon (a store may pass
    only those due by today + due_soon_days).
    """
    overall: dict[str, int] = dict.fromkeys(OUTCOMES, 0)
    rolling: dict[str, int] = dict.fromkeys(OUTCOMES, 0)
    previous: dict[str, int] = dict.fromkeys(OUTCOMES, 0)
    by_quarter: dict[str, dict[str, int]] = {}
    wanted = _last_quarters(today, quarters)
    rolling_start = (today - dt.timedelta(days=rolling_days)).isoformat()
    previous_start = (today - dt.timedelta(days=2 * rolling_days)).isoformat()
    today_iso = today.isoformat()
    late_days = 0
    late_count = 0
    for group in totals:
        result = outcome_of(group.status, group.late)
        overall[result] += group.number
        if result == "kept_late":
            late_days += group.late_days
            late_count += group.number
    # a quarter's counts, by the month of a landing day (None: a quarter not shown); the
    # outcome of each (status, late): a few of each for thousands of groups
    month_counts: dict[str, dict[str, int] | None] = {}
    outcomes: dict[tuple[str, bool], str] = {}
    for status, late, landed, number, _ in daily:
        if not landed or landed > today_iso:
            continue
        known = outcomes.get((status, late))
        result = known if known is not None else outcomes.setdefault(
            (status, late), outcome_of(status, late))
        if landed > rolling_start:
            rolling[result] += number
        elif landed > previous_start:
            previous[result] += number
        month = landed[:7]
        counts = month_counts.get(month, _UNSEEN)
        if counts is _UNSEEN:
            quarter = f"{landed[:4]}-Q{(int(landed[5:7]) - 1) // 3 + 1}"
            counts = month_counts[month] = (
                by_quarter.setdefault(quarter, dict.fromkeys(OUTCOMES, 0))
                if quarter in wanted else None)
        if counts is not None:
            counts[result] += number
    overdue = sorted(
        (p for p in open_promises if p.status == "open" and p.due and p.due < today),
        key=lambda p: (p.due, p.id or 0),
    )
    horizon = today + dt.timedelta(days=due_soon_days)
    due_soon = sorted(
        (p for p in open_promises if p.status == "open" and p.due and today <= p.due <= horizon),
        key=lambda p: (p.due, p.id or 0),
    )
    return LedgerSummary(
        today=today,
        overall=Tally(**overall),
        rolling=Tally(**rolling),
        previous_rolling=Tally(**previous),
        rolling_days=rolling_days,
        quarters=[QuarterRate(q, Tally(**by_quarter.get(q, {}))) for q in wanted],
        average_slip_days=late_days / late_count if late_count else None,
        overdue=overdue,
        due_soon=due_soon,
    )


_UNSEEN: dict[str, int] = {}  # a month not met yet (its quarter still to be found)


def _last_quarters(today: dt.date, count: int) -> list[str]:
    year, q = today.year, (today.month - 1) // 3 + 1
    result = []
    for _ in range(count):
        result.append(f"{year}-Q{q}")
        q -= 1
        if q == 0:
            year, q = year - 1, 4
    return list(reversed(result))


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)
