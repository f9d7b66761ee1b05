"""`luck review --month`: record the month's three numbers per theme and show the update."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from typing import Any

from luckos.app import records
from luckos.app.records import as_json
from luckos.domain import consequence
from luckos.domain.quantities import parse_quantity
from luckos.domain.records import METRIC_SLOT_NAMES, METRIC_SLOTS, Reading, Theme
from luckos.domain.themes import active
from luckos.domain.validate import refuse, refuse_future, validate
from luckos.errors import Conflict, LuckError
from luckos.store import loop as q
from luckos.workspace import Workspace

HISTORY = 6  # readings shown in each slot's trend


def update(ws: Workspace, month: str) -> list[consequence.ThemeUpdate]:
    store = ws.store
    metrics = store.all("metric")
    readings = q.readings_of(store, [m.id for m in metrics], per_metric=HISTORY + 12)
    # a theme retired before the month began is not asked for that month
    first_day = dt.date.fromisoformat(f"{month}-01")
    live = active(store.all("theme"), first_day)
    return consequence.monthly(live, metrics, readings, month, HISTORY)


def pick_theme(ws: Workspace, ref: str | None) -> Theme:
    if ref is not None:
        return records.fetch(ws, records.kind_named("theme"), ref)
    themes = ws.store.all("theme")
    if not themes:
        raise LuckError("no theme yet: own one first (luck theme add LABEL)")
    if len(themes) > 1:
        listed = ", ".join(f"t{t.id}" for t in themes[:6])
        raise LuckError(f"there are {len(themes)} themes ({listed}): say which with --theme")
    return themes[0]


def refuse_future_month(month: str, today: dt.date) -> None:
    """Refuse a month after this one before any question is asked about it."""
    refuse_future(Reading(month=month, value=0.0), today)


def record(ws: Workspace, theme_ref: str | None, values: Mapping[str, str | float | None],
           notes: Mapping[str, str | None], month: str, today: dt.date
           ) -> tuple[list[Reading], list[str]]:
    """Record a theme's readings for `month` in one transaction: all of them or none.

    A note without a value sets the narrative of the month's existing reading. A value
    may carry its metric's unit as the tool shows it ("700 ms", 7.2%).
    """
    theme = pick_theme(ws, theme_ref)
    metrics = {m.slot: m for m in ws.store.find("metric", where={"theme_id": theme.id})}
    pending: list[tuple[str, Reading]] = []
    for slot in METRIC_SLOTS:
        value, note = values.get(slot), notes.get(slot)
        if value is None and note is None:
            continue
        metric = metrics.get(slot)
        if metric is None:
            raise LuckError(f"t{theme.id} has no {METRIC_SLOT_NAMES[slot]} metric yet: luck "
                            f"metric add NAME --theme t{theme.id} --slot {slot}")
        existing = ws.store.find("reading", where={"metric_id": metric.id, "month": month})
        if value is not None and existing:
            raise Conflict(f"m{metric.id} already has a reading for {month} "
                           f"(r{existing[0].id}); change it with luck reading edit "
                           f"r{existing[0].id} --value N", where=f"r{existing[0].id}")
        if value is None:
            if not existing:
                raise LuckError(f"--{slot}-note needs --{slot} VALUE: m{metric.id} has no "
                                f"reading for {month}")
            pending.append(("update", dataclasses.replace(existing[0], narrative=note or "")))
        else:
            number = parse_quantity(value, metric.unit, what=f"--{slot}")
            pending.append(("add", Reading(metric_id=metric.id, month=month, value=number,
                                           narrative=note or "")))
    if not pending:
        raise LuckError("nothing to record: give --customer, --reliability or --speed")
    warnings: list[str] = []
    for _, reading in pending:
        metric_name = next(m.name for m in metrics.values() if m.id == reading.metric_id)
        slot = next(m.slot for m in metrics.values() if m.id == reading.metric_id)
        warnings.extend(f"m{reading.metric_id} {metric_name}: "
                        + w.replace("(--narrative)", f"(--{slot}-note)")
                        for w in refuse(validate(reading, ws.config, today), reading))
        refuse_future(reading, today)
    saved = []
    with ws.store.transaction():
        for action, reading in pending:
            saved.append(ws.store.add(reading) if action == "add" else ws.store.update(reading))
    return saved, warnings


def update_json(month: str, themes: list[consequence.ThemeUpdate]) -> dict[str, Any]:
    return {
        "month": month,
        "themes": [{
            "theme": as_json(t.theme),
            "slots": [{
                "slot": s.slot, "slot_name": METRIC_SLOT_NAMES[s.slot],
                "metric": as_json(s.metric) if s.metric else None,
                "reading": as_json(s.reading) if s.reading else None,
                "previous": as_json(s.previous) if s.previous else None,
                "change": s.change, "improving": s.improving,
                "narrative_two_sentences": s.narrative_ok,
                "trend": {"better": s.trend()[0], "changes": s.trend()[1],
                          "series": [{"month": r.month, "value": r.value} for r in s.series]},
            } for s in t.slots],
        } for t in themes],
    }
