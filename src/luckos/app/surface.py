"""`luck surface`: the luck surface area by quarter, from the records."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from luckos.app.records import as_json, fetch, kind_named
from luckos.domain import surface, windows
from luckos.domain.records import Theme
from luckos.store import loop as q
from luckos.workspace import Workspace

LOOKBACK = 3  # quarters read before the first one shown: T looks back a year


@dataclasses.dataclass(frozen=True)
class SurfaceReport:
    today: dt.date
    theme: Theme | None
    quarters: list[surface.QuarterSurface]


def report(ws: Workspace, today: dt.date, *, quarters: int,
           theme_ref: str | None = None) -> SurfaceReport:
    theme = fetch(ws, kind_named("theme"), theme_ref) if theme_ref else None
    return SurfaceReport(today, theme, by_quarter(ws, today, quarters, theme))


def by_quarter(ws: Workspace, today: dt.date, count: int,
               theme: Theme | None) -> list[surface.QuarterSurface]:
    store = ws.store
    start = surface.quarters(today, count + LOOKBACK)[0][1]
    artifacts = q.artifact_facts(store, start, today)
    testimonials = q.testimonial_facts(store, start, today)
    signals = q.signal_facts(store, start, today)
    found = q.windows_between(store, start, today)
    if theme is not None:
        artifacts = [a for a in artifacts if a[4] == theme.id]
        testimonials = [t for t in testimonials if t[4] == theme.id]
        signals = []  # a routing signal names no theme
        found = [w for w in found if w.theme_id == theme.id]
    promises = q.resolved_promise_facts(store, start, today,
                                        theme_id=theme.id if theme else None)
    return surface.by_quarter(today, count, artifacts, testimonials, signals, promises,
                              window_dates(store, found, start, today), lookback=LOOKBACK)


def by_theme(ws: Workspace, today: dt.date, count: int,
             themes: list[Theme]) -> dict[int, list[surface.QuarterSurface]]:
    """The surface area of each theme, reading the records once for all of them."""
    if not themes:
        return {}
    store = ws.store
    start = surface.quarters(today, count + LOOKBACK)[0][1]
    artifacts = q.artifact_facts(store, start, today)
    testimonials = q.testimonial_facts(store, start, today)
    promises = q.resolved_promise_facts(store, start, today, themed=True)
    found = [w for w in q.windows_between(store, start, today) if w.theme_id is not None]
    dates = {w.id: w.theme_id for w in found}
    all_dates = window_dates(store, found, start, today)
    result = {}
    for theme in themes:
        result[theme.id or 0] = surface.by_quarter(
            today, count,
            [a for a in artifacts if a[4] == theme.id],
            [t for t in testimonials if t[4] == theme.id],
            [],
            [p[:4] for p in promises if p[4] == theme.id],
            [d for d in all_dates if dates[d.window_id] == theme.id],
            lookback=LOOKBACK)
    return result


def window_dates(store: Any, found: list[Any], start: dt.date,
                 end: dt.date) -> list[surface.WindowDate]:
    linked: dict[int, list[Any]] = {}
    for artifact in q.artifacts_for(store, [w.id for w in found]):
        linked.setdefault(artifact.window_id, []).append(artifact)
    dates = []
    for window in found:
        for day in windows.occurrences(window, start, end):
            previous = windows.previous_occurrence(window, day)
            dates.append(surface.WindowDate(window.id, day, surface.prepared_on_time(
                window, day, linked.get(window.id, []), previous)))
    return dates


def report_json(r: SurfaceReport) -> dict[str, Any]:
    return {
        "today": r.today.isoformat(),
        "theme": as_json(r.theme) if r.theme else None,
        "formulas": surface.FORMULAS,
        "quarters": [{
            "quarter": x.quarter, "start": x.start.isoformat(), "end": x.end.isoformat(),
            "partial": x.partial,
            "index": None if x.index is None else round(x.index, 4),
            "factors": {f.key: {"name": f.name, "value": f.value, "formula": f.formula,
                                "working": f.working, "carried": f.carried,
                                "refs": list(f.refs)} for f in x.factors},
        } for x in r.quarters],
    }
