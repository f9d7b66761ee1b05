"""The pendulum: starting an arc, assessing the bottleneck, and where you are in it."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from luckos.app import records
from luckos.domain import arc
from luckos.domain.records import Arc
from luckos.errors import LuckError
from luckos.store import loop as q
from luckos.workspace import Workspace

BRIEFING_KINDS = ("design-doc", "architecture-note", "brief", "one-pager")


def start(ws: Workspace, *, track: str, role: str, on: dt.date, bottleneck: str | None,
          why: str | None, today: dt.date) -> tuple[Arc, Arc | None]:
    """Start an arc, closing the one still open the day before. Returns (new, closed)."""
    track = arc.check_track(track)
    if not role.strip():
        raise LuckError("an arc needs --role: the role, e.g. 'Staff engineer, payments'")
    raw = {"track": track, "role": role, "started_on": on}
    if bottleneck:
        raw.update(bottleneck=arc.check_bottleneck(bottleneck), assessed_on=on,
                   assessment=why or "")
    current = q.open_arc(ws.store)
    closed = arc.start(current, on)
    with ws.store.transaction():
        if closed is not None:
            ws.store.update(closed)
        new, _ = records.add(ws, records.kind_named("arc"), raw, today)
    return new, closed


def assess(ws: Workspace, bottleneck: str, why: str, on: dt.date) -> Arc:
    current = _current(ws, on)
    key = arc.check_bottleneck(bottleneck)
    assert current.started_on is not None
    if on < current.started_on:
        raise LuckError(f"{on} is before ar{current.id} started ({current.started_on})")
    updated = dataclasses.replace(current, bottleneck=key, assessed_on=on,
                                  assessment=why.strip())
    with ws.store.transaction():
        return ws.store.update(updated)


def _current(ws: Workspace, today: dt.date) -> Arc:
    current = q.current_arc(ws.store, today)
    if current is None:
        raise LuckError("no arc is running: start one with luck arc start --track ic|manager "
                        "--role ROLE")
    return current


@dataclasses.dataclass(frozen=True)
class ArcStatus:
    position: arc.ArcPosition
    evidence: list[str]  # what the records say about this year's ask
    refs: list[str]
    pendulum: str | None
    script: str | None  # the essay's script toward the other track, when it points there
    reassess: bool  # the bottleneck was assessed before this year (or never)


def status(ws: Workspace, today: dt.date) -> ArcStatus:
    current = _current(ws, today)
    pos = arc.position(current, today)
    evidence, refs = _evidence(ws, pos)
    lever = arc.LEVER.get(current.bottleneck) if current.bottleneck else None
    script = arc.SCRIPTS[lever] if lever and lever != current.track else None
    reassess = current.assessed_on is None or current.assessed_on < pos.year_start
    return ArcStatus(pos, evidence, refs, arc.pendulum(current), script, reassess)


def _evidence(ws: Workspace, pos: arc.ArcPosition) -> tuple[list[str], list[str]]:
    start, end = pos.year_start, min(pos.today, pos.year_end)
    store = ws.store
    year = min(pos.year, arc.ARC_YEARS)
    if year == 1:
        docs = [a for a in store.find("artifact", since=start, until=end)
                if a.kind in BRIEFING_KINDS]
        diag = store.find("diagnosis", since=start, until=end, limit=1)
        lines = [f"{len(docs)} design docs, briefs, one-pagers or architecture notes this "
                 "year (documents that translate between altitudes)"]
        lines.append(f"diagnosis written this year: dg{diag[0].id} on {diag[0].on}" if diag
                     else "no diagnosis written this year (luck diagnose)")
        return lines, [f"a{a.id}" for a in docs] + [f"dg{d.id}" for d in diag]
    if year == 2:
        tallies = q.promise_tallies(store, [("year", start, end)]).values()
        kept, resolved = sum(t[0] for t in tallies), sum(t[1] for t in tallies)
        said = q.testimonial_facts(store, start, end)
        return ([f"{kept} promises kept on time of {resolved} resolved this year",
                 f"{len(said)} testimonials this year (people who reused your work)"],
                [f"u{t[0]}" for t in said])
    bench = store.find("bench", since=start, until=end)
    names = sorted({b.person for b in bench})
    return ([f"{len(bench)} bench actions this year, for {len(names)} people"
             + (f": {', '.join(names[:6])}" if names else "")
             + (f" and {len(names) - 6} more" if len(names) > 6 else "")],
            [f"b{b.id}" for b in bench])


def status_json(result: ArcStatus) -> dict[str, Any]:
    """`luck arc status --json`: the year of the arc, what it asks, the evidence and the
    pendulum."""
    pos = result.position
    title, ask = pos.asks
    return {
        "arc": records.as_json(pos.arc), "year": pos.year, "years": arc.ARC_YEARS,
        "complete": pos.complete, "year_start": pos.year_start.isoformat(),
        "year_end": pos.year_end.isoformat(), "arc_end": pos.arc_end.isoformat(),
        "asks": title, "asks_detail": ask, "evidence": result.evidence,
        "refs": result.refs, "pendulum": result.pendulum, "script": result.script,
        "reassess_bottleneck": result.reassess, "question": arc.ENVIRONMENT_QUESTION,
    }
