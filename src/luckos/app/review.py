"""`luck review`: the weekly operating loop on one screen, as one report object."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from luckos.app import ledger as ledger_app
from luckos.app import mechanisms
from luckos.app.ledger import ledger_json, promise_json
from luckos.app.windows import occurrence_json
from luckos.dates import month_of
from luckos.domain import themes, windows
from luckos.domain.checks import INVARIANTS, Result
from luckos.domain.ledger import LedgerSummary
from luckos.domain.mechanisms import Ask
from luckos.domain.records import Artifact, Decision, Promise, Signal
from luckos.domain.review import Days, covers, looked_ahead, looked_back
from luckos.workspace import Workspace

if TYPE_CHECKING:
    from luckos.domain.people import Prewire


class WeeklyReview:
    """The review as of `today` (a plain class: built once per review, a dataclass would
    cost the command its generated methods)."""

    __slots__ = ("ahead", "asks", "asks_left_out", "back", "back_artifacts", "back_signals",
                 "broken_checks", "decisions_due", "due", "ledger", "overdue", "prewire",
                 "stale_metrics", "today", "windows", "windows_count")

    def __init__(
        self, *,
        today: dt.date,
        ahead: Days,  # the days after today it looks ahead over ([review] ahead_days)
        back: Days,  # the days it looks back over, today the last ([review] back_days)
        overdue: list[Promise],
        due: list[Promise],  # open, due from today to the last day ahead
        windows: list[windows.WindowOccurrence],
        stale_metrics: list[themes.MetricStatus],
        decisions_due: list[Decision],
        ledger: LedgerSummary,
        back_artifacts: list[Artifact],  # dated within `back`
        back_signals: list[Signal],
        broken_checks: list[Result],  # the rest of `luck check` that is broken
        asks: list[Ask] | None = None,  # luckos.domain.mechanisms
        prewire: Prewire | None = None,  # the next window with stakeholders, and its pre-wire
        # how many asks of each topic are left out of `asks` (a review made for the
        # terminal holds only the first few of each)
        asks_left_out: dict[str, int] | None = None,
        # how many window dates there are to the horizon (a review made for the terminal
        # holds only the first few in `windows`)
        windows_count: int | None = None,
    ) -> None:
        self.today, self.ahead, self.back = today, ahead, back
        self.overdue, self.due, self.windows = overdue, due, windows
        self.stale_metrics, self.decisions_due, self.ledger = stale_metrics, decisions_due, ledger
        self.back_artifacts, self.back_signals = back_artifacts, back_signals
        self.broken_checks, self.asks, self.prewire = broken_checks, asks or [], prewire
        self.asks_left_out = asks_left_out or {}
        self.windows_count = len(windows) if windows_count is None else windows_count

    @property
    def covers(self) -> str:
        """'Ahead: Mon 30 Nov – Sun 6 Dec · Back: Mon 23 – Sun 29 Nov'."""
        return covers(self.ahead, self.back)


# invariants whose subject the review already shows in a section of its own; linting the
# briefs is left to `luck check` (loading the doc linter would double the review's time,
# and the review's window readiness already shows a missing two-pager), and so is reading
# every stored date of every record for one out of range (a matter for `luck check` and
# `luck doctor`, not the weekly loop: on ten years of records it took a fifth of the time)
SHOWN_IN_REVIEW = ("window-prep", "promise-overdue", "metric-readings", "decision-review",
                   "brief-lints", "stored-values")


def weekly(ws: Workspace, today: dt.date, *, asks_per_topic: int | None = None,
           windows_shown: int | None = None) -> WeeklyReview:
    """The review as of `today`; made once while the data stay the same (the dashboard's
    home page shows it on every visit, and none of it is read from outside the store).
    `asks_per_topic`: hold at most this many asks of each topic and count the rest (what
    the terminal shows); without it, every ask (the JSON, the dashboard).
    `windows_shown`: hold only the first this many window dates and count the rest (the
    terminal); without it, every date to the horizon."""
    return ws.remembered(("review", today, asks_per_topic, windows_shown),
                         lambda: _weekly(ws, today, asks_per_topic, windows_shown))


def _weekly(ws: Workspace, today: dt.date, asks_per_topic: int | None,
            windows_shown: int | None = None) -> WeeklyReview:
    from luckos.app import checks

    settings = ws.config.review
    ahead, back = looked_ahead(today, settings.ahead_days), looked_back(today, settings.back_days)
    summary = ledger_app.summary(ws, today)
    store = ws.store
    # the window dates are expanded once, for the review's section and for the checks
    gather = checks.gatherer(ws, today)
    horizon = today + dt.timedelta(days=ws.config.thresholds.window_horizon_days)
    # the active themes are read once, for the metrics, the asks and the checks
    active = gather.active_themes()
    statuses = themes.metric_statuses(active, store.all("metric"), store.readings_latest(2))
    month = month_of(today)
    asks, left_out = mechanisms.asks(ws, today, per_topic=asks_per_topic, themes=active)
    if windows_shown is None:
        shown = [o for o in gather.occurrences() if o.on <= horizon]
        count = len(shown)
    else:
        shown, count = gather.soonest(windows_shown)
    return WeeklyReview(
        today=today,
        ahead=ahead,
        back=back,
        overdue=summary.overdue,
        due=_due(ws, today, ahead, summary),
        windows=shown,
        windows_count=count,
        stale_metrics=[s for s in statuses if s.stale(month)],
        decisions_due=store.decisions_to_review(today),
        ledger=summary,
        back_artifacts=store.find("artifact", since=back.first, until=back.last),
        back_signals=store.find("signal", since=back.first, until=back.last),
        broken_checks=[r for r in checks.run(ws, today, OTHER_CHECKS, gather=gather).results
                       if r.broken],
        asks=asks,
        prewire=_next_prewire(ws, today),
        asks_left_out=left_out,
    )


OTHER_CHECKS = tuple(i for i in INVARIANTS if i not in SHOWN_IN_REVIEW)


def _due(ws: Workspace, today: dt.date, ahead: Days, summary: LedgerSummary) -> list[Promise]:
    """The open promises due from today to the last day ahead, by due date: those the
    ledger read as due soon, when the days ahead end within its due-soon days."""
    if ahead.last <= today + dt.timedelta(days=ws.config.thresholds.due_soon_days):
        return [p for p in summary.due_soon if p.due and p.due <= ahead.last]
    return [p for p in ws.store.open_promises_due_by(ahead.last) if p.due and p.due >= today]


def _next_prewire(ws: Workspace, today: dt.date) -> Prewire | None:
    from luckos.store.people import windows_with_stakeholders

    if not windows_with_stakeholders(ws.store):  # no one to pre-wire: load no people code
        return None
    from luckos.app.people import next_prewire

    return next_prewire(ws, today, ws.config.thresholds.window_horizon_days)


def review_json(review: WeeklyReview) -> dict[str, Any]:
    # loaded here: the text review writes no record as JSON
    from luckos.app.records import as_json
    from luckos.app.themes import metric_status_json

    return {
        "today": review.today.isoformat(),
        "ahead": _days_json(review.ahead),
        "back": {**_days_json(review.back),
                 "artifacts": [as_json(a) for a in review.back_artifacts],
                 "signals": [as_json(s) for s in review.back_signals]},
        "covers": review.covers,
        "overdue": [promise_json(p, review.today) for p in review.overdue],
        "due": [promise_json(p, review.today) for p in review.due],
        "windows": [occurrence_json(o, review.today) for o in review.windows],
        "stale_metrics": [metric_status_json(s, month_of(review.today))
                          for s in review.stale_metrics],
        "decisions_due": [as_json(d) for d in review.decisions_due],
        "ledger": ledger_json(review.ledger),
        "broken_checks": [{"id": r.id, "finding": r.finding, "next_step": r.next_step}
                          for r in review.broken_checks],
        "asks": [{"topic": a.topic, "ref": a.ref or None, "text": a.text}
                 for a in review.asks],
        "prewire": _prewire_json(review),
    }


def _days_json(days: Days) -> dict[str, Any]:
    return {"from": days.first.isoformat(), "to": days.last.isoformat(), "days": days.count}


def _prewire_json(review: WeeklyReview) -> dict[str, Any] | None:
    if review.prewire is None:
        return None
    from luckos.app.people import prewire_json

    return prewire_json(review.prewire, review.today)
