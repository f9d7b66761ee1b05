"""The queries of the people and pre-wire rooms that the generic record queries do not
cover."""

from __future__ import annotations

import datetime as dt

from luckos.store.db import Store


def windows_with_stakeholders(store: Store) -> set[int]:
    return {int(wid) for (wid,) in
            store.db.execute("SELECT DISTINCT window_id FROM stakeholder "
                             "WHERE window_id IS NOT NULL")}


def has_stakeholders(store: Store, field: str, rid: int) -> bool:
    """Whether the window (`window_id`) or decision (`decision_id`) has stakeholders."""
    column = {"window_id": "window_id", "decision_id": "decision_id"}[field]
    return store.db.execute(f'SELECT 1 FROM stakeholder WHERE "{column}" = ? LIMIT 1',
                            (rid,)).fetchone() is not None


def last_met(store: Store, until: dt.date) -> dict[str, dt.date]:
    """The last day (up to `until`) each address attended or organised a meeting of the
    most recent calendar import, by address in lower case."""
    rows = store.db.execute(
        """SELECT address, max(day) FROM (
               SELECT lower(json_extract(a.value, '$[0]')) AS address,
                      substr(o."start", 1, 10) AS day
               FROM calendar_occurrence o
               JOIN calendar_event e ON e.import_id = o.import_id AND e."number" = o."event",
                    json_each(e.attendees) a
               WHERE o.import_id = (SELECT max(id) FROM calendar_import)
                 AND e.status != 'CANCELLED' AND substr(o."start", 1, 10) <= ?
               UNION ALL
               SELECT lower(e.organizer), substr(o."start", 1, 10)
               FROM calendar_occurrence o
               JOIN calendar_event e ON e.import_id = o.import_id AND e."number" = o."event"
               WHERE o.import_id = (SELECT max(id) FROM calendar_import)
                 AND e.organizer != '' AND e.status != 'CANCELLED'
                 AND substr(o."start", 1, 10) <= ?)
           WHERE address IS NOT NULL GROUP BY address""",
        (until.isoformat(), until.isoformat()))
    return {address: dt.date.fromisoformat(day) for address, day in rows if day}
