"""The explore loop's cadences, each with the record that last kept it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from luckos.domain import cadence
from luckos.domain.records import kind_of, short_id
from luckos.store import loop as q
from luckos.workspace import Workspace

PAPER_KINDS = ("paper-reproduction", "teardown")


def cadences(ws: Workspace, today: dt.date) -> list[cadence.CadenceStatus]:
    """An explore entry a month, a talk a quarter (an explore entry or an artifact of kind
    talk), a paper reproduction or teardown a season; days from luck.toml. An explore entry
    counts only when documented: a link, or what was learned."""
    s = ws.config.check
    entry, talk, paper = cadence.explore_cadences(
        s.value("explore-loop", "entry_days"), s.value("explore-loop", "talk_days"),
        s.value("explore-loop", "paper_days"))
    store = ws.store
    last_entry = q.latest(store, "explore", until=today, documented=True)
    talks = [x for x in (
        q.latest(store, "explore", column="kind", values=("talk",), until=today,
                 documented=True),
        q.latest(store, "artifact", column="kind", values=("talk",), until=today),
    ) if x is not None]
    last_talk = max(talks, key=lambda x: (x.on, kind_of(x).code)) if talks else None
    last_paper = q.latest(store, "explore", column="kind", values=PAPER_KINDS, until=today,
                          documented=True)
    return [_status(c, record, today)
            for c, record in ((entry, last_entry), (talk, last_talk), (paper, last_paper))]


def _status(c: cadence.Cadence, record: Any, today: dt.date) -> cadence.CadenceStatus:
    if record is None:
        return cadence.status(c, None, None, today)
    return cadence.status(c, record.on, short_id(kind_of(record), record.id), today,
                          record.title)


def cadences_json(found: list[cadence.CadenceStatus]) -> list[dict[str, Any]]:
    """`luck explore cadence --json`: each cadence, its last entry, when it is next due
    and whether the loop is behind."""
    return [{"cadence": c.name, "every_days": c.every_days,
             "essay": c.essay, "last": c.last.isoformat() if c.last else None,
             "ref": c.ref, "title": c.title, "days_since": c.days_since,
             "due_on": c.due_on.isoformat(), "behind": c.behind} for c in found]
