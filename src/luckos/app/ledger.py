"""The credibility ledger: promise transitions and the ledger summary, and their JSON:
one result for every face (the CLI's text and --json, the web page)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TYPE_CHECKING, Any

from luckos.domain import ledger
from luckos.domain.records import KINDS, Promise

if TYPE_CHECKING:
    from luckos.app.records import Confirm
    from luckos.workspace import Workspace

# `app.records` (a record as JSON, a record by its id) is loaded by the functions that
# use it: the text of `luck ledger` needs neither.

_PROMISE = KINDS["promise"]


def transition(ws: Workspace, verb: str, ref: str, on: dt.date, *, today: dt.date | None = None,
               confirm: Confirm = None, lesson: str = "") -> Promise:
    """keep, miss, drop or reopen a promise (a miss with its lesson); a landing day after
    `today` is refused unless `confirm` accepts it."""
    from luckos.app.records import fetch
    from luckos.domain.validate import refuse_future

    promise = fetch(ws, _PROMISE, ref)
    if verb == "keep":
        changed = ledger.keep(promise, on)
    elif verb == "miss":
        changed = ledger.miss(promise, on, lesson)
    elif verb == "drop":
        changed = ledger.drop(promise, on)
    elif verb == "reopen":
        changed = ledger.reopen(promise)
    else:
        raise ValueError(verb)
    refuse_future(changed, today or on, names=("landed_on",), confirm=confirm,
                  labels={"landed_on": "--on"})
    with ws.store.transaction():
        return ws.store.update(changed)


def renegotiate(
    ws: Workspace, ref: str, new_due: dt.date, on: dt.date, *, today: dt.date | None = None,
    confirm: Confirm = None,
) -> tuple[Promise, Promise, bool]:
    """Close the promise as renegotiated (or missed, when late) and open its successor."""
    from luckos.app.records import fetch
    from luckos.domain.validate import refuse_future

    promise = fetch(ws, _PROMISE, ref)
    closed, successor, early = ledger.renegotiate(promise, new_due, on)
    refuse_future(closed, today or on, names=("landed_on",), confirm=confirm,
                  labels={"landed_on": "--on"})
    with ws.store.transaction():
        successor = ws.store.add(successor)
        closed = ws.store.update(dataclasses.replace(closed, renegotiated_to=successor.id))
    return closed, successor, early


def summary(ws: Workspace, today: dt.date) -> ledger.LedgerSummary:
    """The ledger as of `today`; read once while the data stay the same (the review and
    the promotion packet's readiness both show it)."""
    return ws.remembered(("ledger", today), lambda: _summary(ws, today))


def _summary(ws: Workspace, today: dt.date) -> ledger.LedgerSummary:
    t = ws.config.thresholds
    horizon = today + dt.timedelta(days=t.due_soon_days)
    # by day only where the rolling windows look; further back, by quarter
    totals, daily = ws.store.promise_groups(
        ledger.history_start(today, t.rolling_days, t.trend_quarters), today,
        by_day_since=today - dt.timedelta(days=2 * t.rolling_days - 1))
    return ledger.summarize_groups(
        totals,
        daily,
        ws.store.open_promises_due_by(horizon),
        today,
        rolling_days=t.rolling_days,
        quarters=t.trend_quarters,
        due_soon_days=t.due_soon_days,
    )


def promise_json(promise: Promise, today: dt.date | None = None) -> dict[str, Any]:
    """A promise with what the ledger makes of it: its outcome (kept late is not a hit),
    the days it landed late and, for an open one and a given `today`, the days to its
    due date (negative when overdue)."""
    from luckos.app.records import as_json

    return {
        **as_json(promise),
        "outcome": ledger.promise_outcome(promise),
        "days_late": ledger.days_late(promise),
        "days_to_due": None if today is None else ledger.days_to_due(promise, today),
    }


def renegotiated_json(closed: Promise, successor: Promise, early: bool) -> dict[str, Any]:
    return {"closed": promise_json(closed), "successor": promise_json(successor),
            "early": early}


def ledger_json(summary: ledger.LedgerSummary) -> dict[str, Any]:
    today = summary.today
    return {
        "today": today.isoformat(),
        "overall": summary.overall.as_dict(),
        "rolling_days": summary.rolling_days,
        "rolling": summary.rolling.as_dict(),
        "previous_rolling": summary.previous_rolling.as_dict(),
        "trend": None if summary.trend is None else round(summary.trend, 4),
        "trend_direction": summary.trend_direction,
        "quarters": [{"quarter": q.quarter, **q.tally.as_dict()} for q in summary.quarters],
        "average_slip_days": None
        if summary.average_slip_days is None
        else round(summary.average_slip_days, 2),
        "overdue": [promise_json(p, today) for p in summary.overdue],
        "due_soon": [promise_json(p, today) for p in summary.due_soon],
    }
