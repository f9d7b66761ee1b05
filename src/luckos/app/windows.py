"""The timing calendar: the next window dates and how ready you are for them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from luckos.domain import windows
from luckos.workspace import Workspace


def upcoming(ws: Workspace, today: dt.date,
             days: int | None = None) -> list[windows.WindowOccurrence]:
    """Every window date from today to today + days (default: the configured horizon)."""
    from luckos.store.loop import estimates_for

    store = ws.store
    active = store.windows_active(today)
    return with_packets(ws, windows.upcoming(
        active,
        store.artifacts_for_windows(today),
        today,
        days or ws.config.thresholds.window_horizon_days,
        estimates_for(store, [w.id for w in active if w.id is not None]),
    ), today)


def packet_gap(ws: Workspace, today: dt.date,
               read: tuple[Sequence[Any], Sequence[Any]] | None = None) -> str | None:
    """What keeps the promotion packet of the last 12 months from being ready today, the
    way `luck packet --for promotion --check` sees it; None when every claim is backed.

    Built once while the data stay the same: every page of the dashboard that shows a
    promotion window asks it, and it reads a year of records."""
    return ws.remembered(("packet-gap", today), lambda: _packet_gap(ws, today, read))


def _packet_gap(ws: Workspace, today: dt.date,
                read: tuple[Sequence[Any], Sequence[Any]] | None) -> str | None:
    from luckos.app.packet import claim_counts

    claims, gaps = claim_counts(ws, "promotion", today, read)
    if not claims:  # `luck packet` refuses to build it
        return "nothing to put in it yet"
    if not gaps:
        return None
    return f"{gaps} of {claims} claims without evidence"


def with_packets(ws: Workspace, occurrences: list[windows.WindowOccurrence],
                 today: dt.date, read: tuple[Sequence[Any], Sequence[Any]] | None = None
                 ) -> list[windows.WindowOccurrence]:
    """A promotion window is ready only when its packet is: the packet is built once.
    `read`: the windows (every recurring one among them) and their linked artifacts, read
    already for `occurrences`."""
    if not any(o.window.kind in windows.PACKET_WINDOW_KINDS for o in occurrences):
        return occurrences
    return windows.with_packet(occurrences, packet_gap(ws, today, read))


def occurrence_json(o: windows.WindowOccurrence, today: dt.date) -> dict[str, Any]:
    from luckos.app.records import as_json
    from luckos.domain.records import Artifact

    brief = o.brief
    return {
        "window": as_json(o.window),
        "on": o.on.isoformat(),
        "prep_due": o.prep_due.isoformat(),
        "days_to_prep": (o.prep_due - today).days,
        "state": o.state(today),
        "brief": as_json(brief) if isinstance(brief, Artifact) else brief,
        "demo": as_json(o.demo) if o.demo else None,
        "estimates": [as_json(e) for e in o.estimates],
        "missing": o.missing(),
    }
