"""`luck stay-or-move`: gather the facts and answer the essay's checks from them."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from luckos.app import surface as surface_app
from luckos.app.windows import with_packets
from luckos.domain import stay, windows
from luckos.store import loop as q
from luckos.workspace import Workspace

ROOM_DAYS = 92  # "in the next 3 months"


@dataclasses.dataclass(frozen=True)
class StayReport:
    today: dt.date
    answers: list[stay.Answer]
    calendar: str | None  # why the calendar audit could not be read, if it could not


def facts(ws: Workspace, today: dt.date) -> tuple[stay.StayFacts, str | None]:
    store = ws.store
    six = stay.months_back(today, 6)
    three = stay.months_back(today, 3)
    themes = store.all("theme")
    by_theme = {t.id: t for t in themes}
    metrics = store.all("metric")
    # readings from the month before the six months, for a baseline
    since = stay.months_back(today, 7).isoformat()[:7]
    readings: dict[int, list[Any]] = {}
    for r in q.readings_since(store, since):
        readings.setdefault(r.metric_id, []).append(r)
    series = [stay.MetricSeries(m, by_theme[m.theme_id], tuple(readings.get(m.id, ())))
              for m in metrics if m.theme_id in by_theme]
    active = store.windows_active(today)
    rooms = with_packets(ws, windows.upcoming(
        active, q.artifacts_for(store, [w.id for w in active]), today, ROOM_DAYS), today)
    weeks, unavailable = _calendar(ws)
    surfaces = surface_app.by_theme(ws, today, 3, themes)
    return stay.StayFacts(
        today=today,
        themes=themes,
        series=series,
        decisions=store.find("decision", since=six, until=today, descending=False),
        signals=store.find("signal", since=three, until=today, descending=False),
        glue=store.find("glue", since=three, until=today, descending=False),
        projects=store.find("project", where={"flagship": True}, descending=False),
        sponsors=[s for s in store.all("sponsor") if s.since is None or s.since <= today],
        surfaces=surfaces,
        rooms=rooms,
        weeks=weeks,
        diagnosis=q.latest(store, "diagnosis", until=today),
        planning=_planning_dates(store.find("window", where={"kind": "planning"}), today),
        all_projects=store.all("project"),
        arc=q.latest(store, "arc", until=today),
        outcomes=[x for kind in ("window", "artifact") for x in store.all(kind)
                  if x.outcome and (x.outcome_on is None
                                    or today - dt.timedelta(days=365) <= x.outcome_on <= today)],
    ), unavailable


def _planning_dates(planning: list[Any], today: dt.date) -> list[tuple[int, dt.date]]:
    """The planning windows' dates of the last two years, up to today."""
    start = today - dt.timedelta(days=731)
    return sorted(((w.id, on) for w in planning for on in windows.occurrences(w, start, today)),
                  key=lambda pair: pair[1])


def _calendar(ws: Workspace) -> tuple[list[stay.WeekLoad] | None, str | None]:
    try:
        from luckos.app.calendar import latest_weeks
    except ImportError as exc:
        return None, f"the calendar audit is not installed ({exc})"
    found = [stay.WeekLoad(w.week_start, w.meeting_hours) for w in latest_weeks(ws) or []]
    return (found or None), (None if found else "no calendar audit yet")


def report(ws: Workspace, today: dt.date) -> StayReport:
    f, unavailable = facts(ws, today)
    return StayReport(today, stay.stay_or_move(f), unavailable)


def report_json(r: StayReport) -> dict[str, Any]:
    return {
        "today": r.today.isoformat(),
        "calendar": r.calendar or "read",
        "answers": [{
            "key": a.key, "group": a.group, "question": a.question, "answer": a.answer,
            "summary": a.summary,
            "evidence": [{"ref": e.ref or None, "text": e.text} for e in a.evidence],
            "ask": list(a.ask),
        } for a in r.answers],
    }
