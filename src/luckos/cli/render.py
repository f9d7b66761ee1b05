"""How the weekly review and the ledger look in a terminal or a pipe."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import click

from luckos.cli.output import cut_note, heading, line, pairs, percent, table
from luckos.domain.records import METRIC_SLOT_NAMES

if TYPE_CHECKING:  # the ledger's text reads none of the review's modules
    from luckos.app.review import WeeklyReview
    from luckos.domain.ledger import LedgerSummary
    from luckos.domain.records import Promise
    from luckos.domain.windows import WindowOccurrence


def _promise_rows(promises: list[Promise], today: dt.date) -> list[list[object]]:
    from luckos.domain.ledger import days_to_due

    rows: list[list[object]] = []
    for p in promises:
        days = days_to_due(p, today)
        assert days is not None
        when = "today" if days == 0 else (f"{-days}d overdue" if days < 0 else f"in {days}d")
        rows.append([f"p{p.id}", p.due, when, p.to_whom, p.what])
    return rows


WINDOW_COLUMNS = ["window", "on", "prep due", "state", "missing", "name"]


def window_rows(occurrences: Sequence[WindowOccurrence], today: dt.date) -> list[list[object]]:
    """Window dates as table rows: when, prep due, readiness and what is still missing."""
    return [[f"w{o.window.id}", o.on, o.prep_due, o.state(today), ", ".join(o.missing()) or "-",
             o.window.name] for o in occurrences]


def _trend_text(summary: LedgerSummary) -> str:
    if summary.trend is None:
        return "no trend yet"
    return (f"{summary.trend_direction} {summary.trend * 100:+.0f} points against the "
            f"{summary.rolling_days} days before")


def render_review(review: WeeklyReview) -> None:
    from luckos.domain.review import day_text

    today = review.today
    line(f"Weekly review, {day_text(today)}", "bold")
    line(review.covers)
    columns = ["id", "due", "when", "to", "what"]
    table(columns, _promise_rows(review.overdue, today), title="Overdue promises",
          empty="none overdue")
    table(columns, _promise_rows(review.due, today),
          title=f"Due today and ahead (to {review.ahead.last.isoformat()})",
          empty="nothing else due today or ahead")
    table(
        WINDOW_COLUMNS,
        window_rows(review.windows[:WINDOWS_SHOWN], today),
        title="Next decision windows",
        empty="no decision windows ahead: add the weeks your org decides (luck window add)",
    )
    cut_note(min(WINDOWS_SHOWN, len(review.windows)), review.windows_count,
             "luck window upcoming for all")
    if review.prewire is not None:
        p = review.prewire
        click.echo(f"Pre-wire, {p.subject} {p.name} ({p.on}): {p.summary()} "
                   f"(luck window prewire {p.subject})")
    table(
        ["theme", "slot", "metric", "last reading"],
        [[f"t{s.theme.id} {s.theme.label}", METRIC_SLOT_NAMES[s.slot],
          f"m{s.metric.id} {s.metric.name}" if s.metric else "(not defined)",
          s.latest.month if s.latest else "never"] for s in review.stale_metrics],
        title=f"Metrics with no reading for {today.isoformat()[:7]}",
        empty="every metric has this month's reading",
    )
    table(
        ["id", "review", "title", "choice"],
        [[f"d{d.id}", d.review_on, d.title, d.choice] for d in review.decisions_due],
        title="Decisions past their review date",
        empty="no decision waiting for its review",
    )
    s = review.ledger
    heading("Credibility")
    pairs([
        (f"hit rate, last {s.rolling_days} days",
         f"{percent(s.rolling.hit_rate)} of {s.rolling.resolved} resolved "
         f"({_trend_text(s)})"),
        ("hit rate, all time", f"{percent(s.overall.hit_rate)} of {s.overall.resolved}"),
        ("renegotiated early", f"{s.rolling.renegotiated_early} in the last {s.rolling_days} "
         "days (not misses)"),
    ])
    back = review.back.text()
    table(["id", "on", "kind", "surface", "title"],
          [[f"a{a.id}", a.on, a.kind, a.surface, a.title] for a in review.back_artifacts],
          title=f"Artifacts, {back}", empty="no artifact in those days")
    table(["id", "on", "who", "escalated", "what"],
          [[f"s{x.id}", x.on, x.who, "yes" if x.escalated else "no", x.what]
           for x in review.back_signals],
          title=f"Routing signals, {back}", empty="no routing signal in those days")
    table(["check", "finding", "next"],
          [[r.id, r.finding, r.next_step] for r in review.broken_checks],
          title="Also broken (luck check)", empty="no other invariant broken")
    shown, more = asks_shown(review.asks, review.asks_left_out)
    table(["about", "id", "what"], [[a.topic, a.ref, a.text] for a in shown],
          title="Asked of you (to fill in, to weigh)", empty="nothing to fill in")
    if more:
        counted = ", ".join(f"{n:,} {topic}" for topic, n in more.items())
        click.echo(f"{sum(more.values()):,} more not shown ({counted}); "
                   "luck review --json lists them all")


WINDOWS_SHOWN = 8  # the next window dates a review shows; the others are counted
ASKS_PER_TOPIC = 5  # a review is read each week: the oldest few of each kind of ask


def asks_shown(asks: Sequence[Any], left_out: dict[str, int] | None = None
               ) -> tuple[list[Any], dict[str, int]]:
    """The asks a screen shows (at most ASKS_PER_TOPIC of each topic, in their order) and
    how many of each topic are left out (with `left_out`, those the review did not hold:
    `weekly(..., asks_per_topic=ASKS_PER_TOPIC)` counts the rest without building them)."""
    shown: list[Any] = []
    more: dict[str, int] = dict(left_out or {})
    seen: dict[str, int] = {}
    for ask in asks:
        seen[ask.topic] = seen.get(ask.topic, 0) + 1
        if seen[ask.topic] <= ASKS_PER_TOPIC:
            shown.append(ask)
        else:
            more[ask.topic] = more.get(ask.topic, 0) + 1
    return shown, more


def render_ledger(s: LedgerSummary) -> None:
    o = s.overall
    line(f"Credibility ledger as of {s.today}", "bold")
    pairs([
        ("hit rate (all time)", f"{percent(o.hit_rate)}  = {o.kept_on_time} kept on time / "
         f"{o.resolved} resolved"),
        (f"hit rate (last {s.rolling_days} days)",
         f"{percent(s.rolling.hit_rate)}  = {s.rolling.kept_on_time} / {s.rolling.resolved}"),
        ("trend", _trend_text(s)),
        ("kept on time", o.kept_on_time),
        ("kept late", o.kept_late),
        ("missed", o.missed),
        ("dropped", o.dropped),
        ("renegotiated early", f"{o.renegotiated_early} (not misses, shown apart)"),
        ("open", o.open),
        ("average slip", "n/a" if s.average_slip_days is None
         else f"{s.average_slip_days:.1f} days over {o.kept_late} promises kept late"),
    ])
    table(
        ["quarter", "hit rate", "on time", "late", "missed", "dropped", "reneg. early"],
        [[q.quarter, percent(q.tally.hit_rate), q.tally.kept_on_time, q.tally.kept_late,
          q.tally.missed, q.tally.dropped, q.tally.renegotiated_early] for q in s.quarters],
        title="By quarter (of the date each promise landed)",
    )
    columns = ["id", "due", "when", "to", "what"]
    table(columns, _promise_rows(s.overdue, s.today), title="Overdue", empty="none overdue")
    table(columns, _promise_rows(s.due_soon, s.today), title="Due soon",
          empty="nothing due soon")
