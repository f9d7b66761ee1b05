"""Themes and their monthly readings."""

from __future__ import annotations

import datetime as dt
from typing import Any

from luckos.app import records
from luckos.domain.records import Reading, Theme
from luckos.domain.themes import MetricStatus, metric_statuses
from luckos.errors import LuckError
from luckos.workspace import Workspace


def read_metric(ws: Workspace, theme_ref: str, slot: str, value: str | float, month: str | None,
                narrative: str | None, today: dt.date, *, confirm: records.Confirm = None
                ) -> tuple[Reading, list[str]]:
    theme = records.fetch(ws, records.kind_named("theme"), theme_ref)
    metric = next((m for m in ws.store.find("metric", where={"theme_id": theme.id})
                   if m.slot == slot), None)
    if metric is None:
        raise LuckError(f"theme t{theme.id} has no {slot} metric yet (luck metric add)")
    raw = {"metric_id": metric.id, "month": month or today.isoformat()[:7], "value": value,
           "narrative": narrative}
    return records.add(ws, records.kind_named("reading"), raw, today, confirm=confirm)


def unit_of(ws: Workspace, reading: Reading) -> str:
    """The unit of a reading: its metric's."""
    metric = ws.store.get("metric", reading.metric_id) if reading.metric_id else None
    return str(getattr(metric, "unit", "") or "")


def show(ws: Workspace, ref: str) -> tuple[Theme, list[MetricStatus]]:
    """A theme and its three metric slots with their latest readings."""
    theme = records.fetch(ws, records.kind_named("theme"), ref)
    store = ws.store
    statuses = metric_statuses([theme], store.find("metric", where={"theme_id": theme.id}),
                               store.readings_latest(2))
    return theme, statuses


def show_active(ws: Workspace, today: dt.date) -> list[tuple[Theme, list[MetricStatus]]]:
    """`show` for every theme not retired by `today`, reading the store once."""
    from luckos.domain.themes import active

    store = ws.store
    found = active(store.all("theme"), today)
    statuses = metric_statuses(found, store.all("metric"), store.readings_latest(2))
    return [(t, [s for s in statuses if s.theme.id == t.id]) for t in found]


def theme_json(theme: Theme, statuses: list[MetricStatus], today: dt.date) -> dict[str, Any]:
    """`luck theme show --json`, and the themes page's JSON for one theme."""
    from luckos.dates import month_of

    month = month_of(today)
    return {**records.as_json(theme),
            "metrics": [metric_status_json(x, month) for x in statuses]}


def metric_status_json(s: MetricStatus, month: str) -> dict[str, Any]:
    """A theme metric's slot, its last two readings and whether it is stale in `month`
    (no reading for it yet)."""
    return {
        "theme": f"t{s.theme.id}",
        "theme_label": s.theme.label,
        "slot": s.slot,
        "metric": records.as_json(s.metric) if s.metric else None,
        "latest": records.as_json(s.latest) if s.latest else None,
        "previous": records.as_json(s.previous) if s.previous else None,
        "change": s.change,
        "improving": s.improving,
        "stale": s.stale(month),
    }
