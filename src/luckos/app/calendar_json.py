"""The calendar audit as JSON (`luck calendar audit --json`): one stable shape."""

from __future__ import annotations

from typing import Any

from luckos.app.calendar import Report, totals
from luckos.calendar.audit import KINDS, MEETING, DayFigures, WeekSummary
from luckos.calendar.findings import Findings, SeriesCost
from luckos.dates import WEEKDAYS


def _h(value: float) -> float:
    return round(value, 2)


def report_json(report: Report, *, explain: bool = False) -> dict[str, Any]:
    a = report.audit
    data: dict[str, Any] = {
        "source": report.source,
        "calendar": report.calendar_name,
        "import": None if report.import_id is None else {
            "id": report.import_id, "imported_at": report.imported_at},
        "window": {"from": a.window[0].isoformat(), "to": a.window[1].isoformat(),
                   "days": a.window_days},
        "timezone": {"name": report.zone_name, "why": report.zone_reason},
        "me": {"addresses": sorted(a.me), "why": report.me_reason},
        "events": report.events,
        "occurrences": report.occurrences,
        "counted": {kind.replace("-", "_"): a.kinds.get(kind, 0) for kind in KINDS},
        "skipped": report.skipped,
        "notes": report.notes,
        "examples": report.examples,
        "totals": totals(report),
        "weeks": [week_json(w) for w in a.weeks],
        "days": [day_json(d) for d in a.days],
        "heat": {"unit": "meeting minutes per week", "weekdays": list(WEEKDAYS),
                 "hours": [[round(m, 1) for m in row] for row in a.heat]},
        "findings": findings_json(report.findings),
    }
    if explain:
        data["explain"] = explain_rows(report)
    return data


def week_json(w: WeekSummary) -> dict[str, Any]:
    return {
        "week_start": w.week_start.isoformat(),
        "days": w.days,
        "meeting_hours": _h(w.meeting_hours),
        "meetings": w.meetings,
        "maker_blocks": w.maker_blocks,
        "long_blocks": w.long_blocks,
        "fragmented_hours": _h(w.fragmented_hours),
        "context_switches": w.context_switches,
        "focus_hours": _h(w.focus_hours),
        "maker_day": w.maker_day.isoformat() if w.maker_day else None,
        "maker_day_state": w.maker_day_state,
        "maker_day_kept": w.maker_day_kept,
        "altitude_hours": {k: _h(v) for k, v in w.altitude_hours.items()},
    }


def day_json(d: DayFigures) -> dict[str, Any]:
    return {
        "day": d.day.isoformat(),
        "weekday": WEEKDAYS[d.day.weekday()],
        "workday": d.workday,
        "away": d.away,
        "meeting_hours": _h(d.meeting_hours),
        "meetings": d.meetings,
        "focus_hours": _h(d.focus_hours),
        "free_blocks": [[s.strftime("%H:%M"), e.strftime("%H:%M")] for s, e in d.free_blocks],
        "maker_blocks": d.maker_blocks,
        "long_blocks": d.long_blocks,
        "longest_block_hours": _h(d.longest_block_hours),
        "fragments": d.fragments,
        "fragmented_hours": _h(d.fragmented_hours),
        "context_switches": d.switches,
        "clustered_switches": d.min_switches,
        "altitudes": list(d.altitudes),
        "altitude_hours": {k: _h(v) for k, v in d.altitude_hours.items()},
    }


def _series_json(s: SeriesCost) -> dict[str, Any]:
    return {"uid": s.uid, "title": s.title, "occurrences": s.occurrences,
            "cadence": s.cadence, "people": s.people, "altitude": s.altitude,
            "organizer": s.organizer, "hours_per_quarter": _h(s.hours_per_quarter),
            "person_hours_per_quarter": _h(s.person_hours_per_quarter)}


def findings_json(f: Findings) -> dict[str, Any]:
    maker = f.maker_day
    balance = f.altitudes
    return {
        "altitudes": None if balance is None else {
            "hours": {a: _h(h) for a, h in balance.hours.items()},
            "shares": {a: round(balance.share(a), 3) for a in balance.hours},
            "limit": balance.limit,
            "dominant": balance.dominant,
            "business_absent": balance.business_absent,
            "finding": balance.finding,
        },
        "norm_breaks": [{"norm": b.norm, "when": b.label, "hours": _h(b.hours),
                         "hours_per_quarter": _h(b.hours_per_quarter), "days": b.days,
                         "of_days": b.of_days, "meetings": list(b.titles)}
                        for b in f.norm_breaks],
        "status_theater": {
            "hours_per_quarter": _h(f.status_theater_hours),
            "series": [_series_json(s) for s in f.status_theater],
        },
        "preread": {
            "meetings": f.preread_meetings,
            "hours_per_quarter": _h(f.preread_hours),
            "late": f.late_prereads,
            "gaps": [{"uid": g.uid, "title": g.title, "occurrences": g.occurrences,
                      "people": g.people, "recurring": g.recurring,
                      "first": g.first.isoformat(),
                      "hours_per_quarter": _h(g.hours_per_quarter)} for g in f.preread_gaps],
        },
        "expensive_series": [_series_json(s) for s in f.expensive_series],
        "clustering": {
            "hours_per_quarter": _h(f.mixed_hours),
            "days": [{"day": m.day.isoformat(), "altitudes": list(m.altitudes),
                      "switches": m.switches, "clustered": m.clustered,
                      "hours_lost": _h(m.hours_lost)} for m in f.mixed_days],
        },
        "maker_day": None if maker is None else {
            "proposed": maker.name,
            "meeting_hours": _h(maker.load.meeting_hours),
            "movable_hours": _h(maker.load.movable_hours),
            "hours_to_move_per_quarter": _h(maker.hours_to_move_per_quarter),
            "current": WEEKDAYS[maker.current],
            "current_kept": maker.current_kept,
            "current_weeks": maker.current_weeks,
            "weekdays": [{"weekday": WEEKDAYS[w.weekday], "days": w.days,
                          "meeting_hours": _h(w.meeting_hours),
                          "movable_hours": _h(w.movable_hours)} for w in maker.loads],
        },
    }


def explain_rows(report: Report) -> list[dict[str, Any]]:
    """Each meeting with its altitude and the rule that decided: a series once, single
    meetings of the same title (and rule) together."""
    rows: dict[str, dict[str, Any]] = {}
    for item in report.audit.counted:
        if item.kind != MEETING:
            continue
        event = item.occurrence.event
        key = event.uid if event.recurring else f"{event.title}\n{item.rule}"
        row = rows.get(key)
        if row is None:
            row = rows[key] = {"title": event.title or "(no title)", "uid": event.uid,
                               "recurring": event.recurring, "altitude": item.altitude,
                               "rule": item.rule, "occurrences": 0, "hours": 0.0,
                               "first": item.occurrence.start.date().isoformat()}
        row["occurrences"] += 1
        row["hours"] += item.hours
    for row in rows.values():
        row["hours"] = _h(row["hours"])
    return sorted(rows.values(), key=lambda r: (-r["hours"], r["title"]))
