"""`luck review`: the weekly operating loop on one screen, as one report object."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from luckos.app import ledger as ledger_app
from luckos.app import mechanisms
from luckos.app import windows as windows_app
from luckos.app.ledger import promise_json
from luckos.app.records import as_json
from luckos.app.themes import metric_status_json
from luckos.app.windows import occurrence_json
from luckos.dates import month_of, week_start
from luckos.domain import themes, windows
from luckos.domain.checks import INVARIANTS, Result
from luckos.domain.ledger import LedgerSummary
from luckos.domain.mechanisms import Ask
from luckos.domain.people import Prewire
from luckos.domain.records import Artifact, Decision, Promise, Signal
from luckos.workspace import Workspace


@dataclasses.dataclass(frozen=True)
class WeeklyReview:
    today: dt.date
    week_start: dt.date
    overdue: list[Promise]
    this_week: list[Promise]
    windows: list[windows.WindowOccurrence]
    stale_metrics: list[themes.MetricStatus]
    decisions_due: list[Decision]
    ledger: LedgerSummary
    last_week_artifacts: list[Artifact]
    last_week_signals: list[Signal]
    broken_checks: list[Result]  # the rest of `luck check` that is broken
    asks: list[Ask] = dataclasses.field(default_factory=list)  # luckos.domain.mechanisms
    prewire: Prewire | None = None  # the next window with stakeholders, and its pre-wire


# invariants whose subject the review already shows in a section of its own; linting the
# briefs is left to `luck check` (loading the doc linter would double the review's time,
# and the review's window readiness already shows a missing two-pager)
SHOWN_IN_REVIEW = ("window-prep", "promise-overdue", "metric-readings", "decision-review",
                   "brief-lints")


def weekly(ws: Workspace, today: dt.date) -> WeeklyReview:
    start = week_start(today, ws.config.week_start_index)
    end = start + dt.timedelta(days=6)
    summary = ledger_app.summary(ws, today)
    store = ws.store
    open_by_end = store.open_promises_due_by(end)
    occurrences = windows_app.upcoming(ws, today)
    statuses = themes.metric_statuses(
        themes.active(store.all("theme"), today), store.all("metric"), store.readings_latest(2)
    )
    month = month_of(today)
    last_week = start - dt.timedelta(days=7)
    last_day = start - dt.timedelta(days=1)
    return WeeklyReview(
        today=today,
        week_start=start,
        overdue=summary.overdue,
        this_week=[p for p in open_by_end if p.due and p.due >= today],
        windows=occurrences,
        stale_metrics=[s for s in statuses if s.stale(month)],
        decisions_due=store.decisions_to_review(today),
        ledger=summary,
        last_week_artifacts=store.find("artifact", since=last_week, until=last_day),
        last_week_signals=store.find("signal", since=last_week, until=last_day),
        broken_checks=_other_broken_checks(ws, today),
        asks=mechanisms.asks(ws, today),
        prewire=_next_prewire(ws, today),
    )


def _next_prewire(ws: Workspace, today: dt.date) -> Prewire | None:
    from luckos.app.people import next_prewire

    return next_prewire(ws, today, ws.config.thresholds.window_horizon_days)


def _other_broken_checks(ws: Workspace, today: dt.date) -> list[Result]:
    from luckos.app import checks

    others = [i for i in INVARIANTS if i not in SHOWN_IN_REVIEW]
    return [r for r in checks.run(ws, today, only=others).results if r.broken]


def review_json(review: WeeklyReview) -> dict[str, Any]:
    return {
        "today": review.today.isoformat(),
        "week_start": review.week_start.isoformat(),
        "overdue": [promise_json(p, review.today) for p in review.overdue],
        "this_week": [promise_json(p, review.today) for p in review.this_week],
        "windows": [occurrence_json(o, review.today) for o in review.windows],
        "stale_metrics": [metric_status_json(s, month_of(review.today))
                          for s in review.stale_metrics],
        "decisions_due": [as_json(d) for d in review.decisions_due],
        "ledger": ledger_app.ledger_json(review.ledger),
        "last_week": {
            "artifacts": [as_json(a) for a in review.last_week_artifacts],
            "signals": [as_json(s) for s in review.last_week_signals],
        },
        "broken_checks": [{"id": r.id, "finding": r.finding, "next_step": r.next_step}
                          for r in review.broken_checks],
        "asks": [{"topic": a.topic, "ref": a.ref or None, "text": a.text}
                 for a in review.asks],
        "prewire": _prewire_json(review),
    }


def _prewire_json(review: WeeklyReview) -> dict[str, Any] | None:
    if review.prewire is None:
        return None
    from luckos.app.people import prewire_json

    return prewire_json(review.prewire, review.today)
