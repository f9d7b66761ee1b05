"""The timing calendar: the next window dates and how ready you are for them."""

from __future__ import annotations

import datetime as dt

from luckos.domain import windows
from luckos.workspace import Workspace


def upcoming(ws: Workspace, today: dt.date, days: int | None = None) -> list[windows.Occurrence]:
    """Every window date from today to today + days (default: the configured horizon)."""
    store = ws.store
    return windows.upcoming(
        store.windows_active(today),
        store.artifacts_for_windows(today),
        today,
        days or ws.config.thresholds.window_horizon_days,
    )
