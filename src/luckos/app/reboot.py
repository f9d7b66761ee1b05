"""The 90-day reboot: start, status, checkpoints, post-mortem."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from luckos.app import records
from luckos.domain import reboot
from luckos.domain.records import Reboot
from luckos.errors import LuckError, NotFound
from luckos.store import loop as q
from luckos.workspace import Workspace


def start(ws: Workspace, *, on: dt.date, focus: str, theme: str | None,
          today: dt.date) -> Reboot:
    reboot.start(q.running_reboot(ws.store), q.last_reboot_end(ws.store), on)
    raw = {"started_on": on, "focus": focus, "theme_id": theme}
    created, _ = records.add(ws, records.kind_named("reboot"), raw, today)
    return created


def running(ws: Workspace) -> Reboot:
    found = q.running_reboot(ws.store)
    if found is None:
        latest = ws.store.find("reboot", limit=1)
        past = (f" (the last one, rb{latest[0].id}, ended {latest[0].ended_on}: "
                f"luck reboot status rb{latest[0].id})") if latest and latest[0].ended_on else ""
        raise LuckError("no reboot is running: start one with luck reboot start [--on DATE]"
                        + past)
    return found


def pick(ws: Workspace, ref: str | None) -> Reboot:
    if ref is None:
        return running(ws)
    return records.fetch(ws, records.kind_named("reboot"), ref)


def status(ws: Workspace, ref: str | None, today: dt.date) -> reboot.RebootStatus:
    return reboot.status(pick(ws, ref), today)


def mark(ws: Workspace, checkpoint: str, on: dt.date, *, undo: bool = False
         ) -> tuple[Reboot, reboot.Checkpoint]:
    current = running(ws)
    if undo:
        updated, c = reboot.unmark(current, checkpoint)
    else:
        updated, c = reboot.mark(current, checkpoint, on)
    with ws.store.transaction():
        return ws.store.update(updated), c


def postmortem(ws: Workspace, text: str | None, file: Path | None, on: dt.date,
               why: str = "") -> Reboot:
    """Close the running reboot with its one-page post-mortem (text, or a file's path)."""
    if (text is None) == (file is None):
        raise LuckError("give the post-mortem as TEXT or --file PATH (one of the two)")
    if file is not None:
        path = file.expanduser()
        if not path.is_file():
            raise NotFound(f"{file}: no such file", where=str(file))
        try:
            if not path.read_text(encoding="utf-8").strip():
                raise LuckError(f"{file} is empty: write the one page first")
        except UnicodeDecodeError:
            raise LuckError(f"{file}: not UTF-8 text") from None
        text = str(path.resolve())
    assert text is not None
    updated = reboot.finish(running(ws), text, on, why)
    with ws.store.transaction():
        return ws.store.update(updated)


def stop(ws: Workspace, why: str, on: dt.date) -> Reboot:
    updated = reboot.stop(running(ws), why, on)
    with ws.store.transaction():
        return ws.store.update(updated)


def status_json(result: reboot.RebootStatus) -> dict[str, Any]:
    """`luck reboot status --json`, and what its text shows: the phase, each block of
    weeks with its dates (the current one marked) and each checkpoint's state."""
    from luckos.app.records import as_json

    return {
        "reboot": as_json(result.reboot), "today": result.today.isoformat(),
        "week": result.week, "weeks": reboot.WEEKS, "end": result.end.isoformat(),
        "running": result.running, "phase": result.phase, "done": result.done,
        "total": len(result.checkpoints),
        "asks_for_postmortem": result.asks_for_postmortem,
        "blocks": [{"weeks": [b.first_week, b.last_week], "title": b.title,
                    "from": reboot.week_start(result.start, b.first_week).isoformat(),
                    "to": reboot.week_end(result.start, b.last_week).isoformat(),
                    "current": result.current(b)} for b in reboot.BLOCKS],
        "checkpoints": [{"number": c.checkpoint.number, "key": c.checkpoint.key,
                         "weeks": [c.checkpoint.first_week, c.checkpoint.last_week],
                         "text": c.checkpoint.text, "opens": c.opens.isoformat(),
                         "due": c.due.isoformat(), "state": c.state,
                         "done_on": c.done_on.isoformat() if c.done_on else None}
                        for c in result.checkpoints],
    }
