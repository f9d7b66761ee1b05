"""Themes and their monthly readings."""

from __future__ import annotations

import datetime as dt

from luckos.app import records
from luckos.domain.records import Reading
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
