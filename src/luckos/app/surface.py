"""`luck surface`: the luck surface area by quarter, from the records."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from luckos.domain import surface
from luckos.domain.records import Theme
from luckos.store import loop as q
from luckos.workspace import Workspace

LOOKBACK = 3  # quarters read before the first one shown: T looks back a year
PROMISE_LOOKBACK = 1  # quarters of promises read before the first one, to carry C


@dataclasses.dataclass(frozen=True)
class SurfaceReport:
    today: dt.date
    theme: Theme | None
    quarters: list[surface.QuarterSurface]


def report(ws: Workspace, today: dt.date, *, quarters: int,
           theme_ref: str | None = None) -> SurfaceReport:
    from luckos.app.records import fetch, kind_named

    theme = fetch(ws, kind_named("theme"), theme_ref) if theme_ref else None
    return SurfaceReport(today, theme, by_quarter(ws, today, quarters, theme))


def by_quarter(ws: Workspace, today: dt.date, count: int,
               theme: Theme | None) -> list[surface.QuarterSurface]:
    if theme is not None:
        return by_theme(ws, today, count, [theme])[theme.id or 0]
    store = ws.store
    start = surface.quarters(today, count + LOOKBACK)[0][1]
    found = q.window_facts(store, start, today)
    tallies: dict[str, tuple[int, int]] = {}
    for (_, quarter), (kept, resolved) in q.promise_tallies(
            store, _spans(today, count + PROMISE_LOOKBACK)).items():
        before = tallies.get(quarter, (0, 0))
        tallies[quarter] = (before[0] + kept, before[1] + resolved)
    shown = surface.quarters(today, count)[0][1]  # B and S need only the quarters shown
    return surface.by_quarter(
        today, count, q.artifact_facts(store, shown, today),
        q.testimonial_facts(store, shown, today), q.signal_facts(store, shown, today),
        tallies, _dates(store, found, start, today), lookback=LOOKBACK)


def by_theme(ws: Workspace, today: dt.date, count: int,
             themes: list[Theme]) -> dict[int, list[surface.QuarterSurface]]:
    """The surface area of each theme, reading the records once for all of them. A
    routing signal names no theme, so S counts testimonials and public artifacts only."""
    if not themes:
        return {}
    store = ws.store
    start = surface.quarters(today, count + LOOKBACK)[0][1]
    shown = surface.quarters(today, count)[0][1]  # B and S need only the quarters shown
    wanted = {t.id for t in themes}
    found = [w for w in q.window_facts(store, start, today) if w[7] in wanted]
    artifacts: dict[int | None, list[Any]] = {}
    for a in q.artifact_facts(store, shown, today):
        artifacts.setdefault(a[4], []).append(a)
    testimonials: dict[int | None, list[Any]] = {}
    for t in q.testimonial_facts(store, shown, today):
        testimonials.setdefault(t[4], []).append(t)
    tallies: dict[int | None, dict[str, tuple[int, int]]] = {}
    for (theme_id, quarter), tally in q.promise_tallies(
            store, _spans(today, count + PROMISE_LOOKBACK)).items():
        tallies.setdefault(theme_id, {})[quarter] = tally
    dates: dict[int | None, list[surface.WindowDate]] = {}
    theme_of = {w[0]: w[7] for w in found}
    for d in _dates(store, found, start, today):
        dates.setdefault(theme_of[d.window_id], []).append(d)
    return {
        theme.id or 0: surface.by_quarter(
            today, count, artifacts.get(theme.id, []), testimonials.get(theme.id, []), [],
            tallies.get(theme.id, {}), dates.get(theme.id, []), lookback=LOOKBACK,
            routing=False)
        for theme in themes
    }


def _spans(today: dt.date, count: int) -> list[tuple[str, dt.date, dt.date]]:
    return [(label, start, min(end, today)) for label, start, end in
            surface.quarters(today, count)]


def _dates(store: Any, found: list[Any], start: dt.date,
           end: dt.date) -> list[surface.WindowDate]:
    return surface.window_dates(found, q.linked_facts(store, [w[0] for w in found]), start,
                                end)


def report_json(r: SurfaceReport) -> dict[str, Any]:
    from luckos.app.records import as_json

    return {
        "today": r.today.isoformat(),
        "theme": as_json(r.theme) if r.theme else None,
        "formulas": surface.FORMULAS,
        "quarters": [{
            "quarter": x.quarter, "start": x.start.isoformat(), "end": x.end.isoformat(),
            "partial": x.partial,
            "index": None if x.index is None else round(x.index, 4),
            "change": None if change is None else round(change, 4),
            "factors": {f.key: {"name": f.name, "value": f.value, "formula": f.formula,
                                "working": f.working, "carried": f.carried,
                                "refs": list(f.refs)} for f in x.factors},
        } for x, change in zip(r.quarters, surface.index_changes(r.quarters), strict=True)],
    }
