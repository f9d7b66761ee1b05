"""The timing calendar: the next window dates and how ready you are for them."""

from __future__ import annotations

import datetime as dt

from luckos.domain import windows
from luckos.errors import LuckError
from luckos.workspace import Workspace


def upcoming(ws: Workspace, today: dt.date,
             days: int | None = None) -> list[windows.WindowOccurrence]:
    """Every window date from today to today + days (default: the configured horizon)."""
    store = ws.store
    return with_packets(ws, windows.upcoming(
        store.windows_active(today),
        store.artifacts_for_windows(today),
        today,
        days or ws.config.thresholds.window_horizon_days,
    ), today)


def packet_gap(ws: Workspace, today: dt.date) -> str | None:
    """What keeps the promotion packet of the last 12 months from being ready today, the
    way `luck packet --for promotion --check` sees it; None when every claim is backed."""
    from luckos.app import packet

    try:
        made = packet.make(ws, "promotion", None, None, today)
    except LuckError:
        return "nothing to put in it yet"
    gaps = made.gaps
    if not gaps:
        return None
    return f"{len(gaps)} of {len(made.claims)} claims without evidence"


def with_packets(ws: Workspace, occurrences: list[windows.WindowOccurrence],
                 today: dt.date) -> list[windows.WindowOccurrence]:
    """A promotion window is ready only when its packet is: the packet is built once."""
    if not any(o.window.kind in windows.PACKET_WINDOW_KINDS for o in occurrences):
        return occurrences
    return windows.with_packet(occurrences, packet_gap(ws, today))
