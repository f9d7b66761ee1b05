"""Queries of the operating loop: `luck check`, `luck stay-or-move`, `luck surface`.

Each takes a Store and returns domain records or plain tuples. Identifiers come from the
record registry, never from user input; every value is a bound parameter.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from luckos.domain.records import KINDS
from luckos.store.records import TABLES

if TYPE_CHECKING:
    from luckos.store.db import Store


def exists(store: Store, kind: str) -> bool:
    """Whether the workspace holds any record of `kind`."""
    return store.db.execute(f'SELECT EXISTS (SELECT 1 FROM "{KINDS[kind].name}")'
                            ).fetchone()[0] == 1


def dated_within(store: Store, kind: str, since: dt.date, until: dt.date) -> bool:
    """Whether any record of `kind` is dated within [since, until] (its date field, as
    `Store.find` selects it)."""
    date_field = KINDS[kind].date_field
    assert date_field is not None
    return store.db.execute(
        f'SELECT EXISTS (SELECT 1 FROM "{KINDS[kind].name}" WHERE "{date_field}" >= ? '
        f'AND "{date_field}" <= ?)', (since.isoformat(), until.isoformat())).fetchone()[0] == 1


def surfaces_between(store: Store, since: dt.date, until: dt.date) -> list[str]:
    """The surface of each artifact dated within [since, until] (the artifacts are not
    read whole)."""
    return [row[0] for row in store.db.execute(
        'SELECT surface FROM artifact WHERE "on" >= ? AND "on" <= ?',
        (since.isoformat(), until.isoformat()))]


def calendar_imported(store: Store) -> bool:
    """Whether a calendar audit was ever imported (kept) into the workspace."""
    return store.db.execute("SELECT EXISTS (SELECT 1 FROM calendar_import)").fetchone()[0] == 1


DOCUMENTED = "(trim(link) != '' OR trim(learned) != '')"  # an explore entry that counts


def latest(store: Store, kind: str, *, column: str | None = None,
           values: Sequence[str] = (), until: dt.date | None = None,
           documented: bool = False) -> Any | None:
    """The newest record of `kind` by its date field, optionally with `column` IN values
    and dated on or before `until`; `documented` (explore entries): only those with a link
    or what was learned."""
    if not exists(store, kind):  # nothing to find: the kind's class is not built for it
        return None
    table = TABLES[kind]
    assert column is None or column in table.columns
    row = _newest(store, kind, table.select, column, values, until, documented)
    return table.record(row) if row else None


class Dated:
    """The id and date of a record: what a cadence judges of the newest one (a plain
    class, read without building the record's)."""

    __slots__ = ("id", "on")

    def __init__(self, id_: int, on: dt.date | None) -> None:
        self.id, self.on = id_, on


class SponsorStart:
    """A sponsor's id, person and start: what sponsor-contact judges when no person is
    recorded (a plain class, read without building the sponsor's)."""

    __slots__ = ("id", "person", "since")

    def __init__(self, id_: int, person: str, since: dt.date | None) -> None:
        self.id, self.person, self.since = id_, person, since


def sponsor_starts(store: Store) -> list[SponsorStart]:
    """Every sponsor's start, in the order of `store.all("sponsor")`."""
    return [SponsorStart(id_, person, dt.date.fromisoformat(since) if since else None)
            for id_, person, since in store.db.execute(
                "SELECT id, person, since FROM sponsor ORDER BY id")]


def latest_dated(store: Store, kind: str, *, column: str | None = None,
                 values: Sequence[str] = (), until: dt.date | None = None) -> Dated | None:
    """`latest`'s record as its id and date alone."""
    date_field = KINDS[kind].date_field
    row = _newest(store, kind, f'SELECT id, "{date_field}" FROM "{KINDS[kind].name}"',
                  column, values, until, False)
    return Dated(row[0], dt.date.fromisoformat(row[1]) if row[1] else None) if row else None


def _newest(store: Store, kind: str, select: str, column: str | None, values: Sequence[str],
            until: dt.date | None, documented: bool) -> Any:
    date_field = KINDS[kind].date_field
    assert date_field is not None
    clauses: list[str] = [f'"{date_field}" IS NOT NULL']
    if documented:
        assert kind == "explore"
        clauses.append(DOCUMENTED)
    params: list[str] = []
    if column:
        clauses.append(f'"{column}" IN ({", ".join("?" for _ in values)})')
        params.extend(values)
    if until is not None:
        clauses.append(f'"{date_field}" <= ?')
        params.append(until.isoformat())
    return store.db.execute(
        f'{select} WHERE {" AND ".join(clauses)} ORDER BY "{date_field}" DESC, id DESC '
        "LIMIT 1", params).fetchone()


def artifacts_for(store: Store, window_ids: Iterable[int]) -> list[Any]:
    """The artifacts linked to these windows."""
    return _linked_to_windows(store, "artifact", window_ids)


def estimates_for(store: Store, window_ids: Iterable[int]) -> list[Any]:
    """The saved estimates linked to these windows."""
    if not store.db.execute(
            "SELECT EXISTS (SELECT 1 FROM estimate WHERE window_id IS NOT NULL)").fetchone()[0]:
        return []  # none is linked to a window: the estimate's class is not built
    return _linked_to_windows(store, "estimate", window_ids)


def _linked_to_windows(store: Store, kind: str, window_ids: Iterable[int]) -> list[Any]:
    """The records of a kind whose window is one of these (asked 500 ids at a time)."""
    ids = sorted(set(window_ids))
    table = TABLES[kind]
    found: list[Any] = []
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ", ".join("?" for _ in chunk)
        found.extend(table.record(row) for row in store.db.execute(
            f"{table.select} WHERE window_id IN ({marks})", chunk))
    return found


def windows_within(store: Store, since: dt.date, until: dt.date, *,
                   first: int | None = None) -> tuple[list[Any], int]:
    """The windows that can have a date in [since, until], in the order of the table:
    every recurring one, and of the one-off windows dated within it the first `first` by
    date (every one without it); with how many one-off windows dated within it are left
    out. A one-off window has one date: the review shows the first few dates and counts
    the others, so the one-off windows past the first few are counted, not read."""
    table = TABLES["window"]
    bounds = (since.isoformat(), until.isoformat())
    # through the index of the recurring ones and the one on the date (schema 14)
    found = [table.record(row) for row in store.db.execute(
        f"""{table.select} WHERE id IN (
                SELECT id FROM "window" WHERE recurrence != ''
                UNION ALL
                SELECT id FROM (SELECT id FROM "window" WHERE recurrence = ''
                                AND "on" BETWEEN ? AND ? ORDER BY "on", id LIMIT ?))
            ORDER BY id""", (*bounds, -1 if first is None else first))]
    if first is None:
        return found, 0
    read = sum(1 for w in found if w.recurrence == "")
    if read < first:  # every one of them was read
        return found, 0
    everyone = store.db.execute(
        """SELECT count(*) FROM "window" WHERE recurrence = '' AND "on" BETWEEN ? AND ?""",
        bounds).fetchone()[0]
    return found, int(everyone) - read


def windows_in_prep_reach(store: Store, today: dt.date) -> list[Any]:
    """The windows that can be within their prep lead on `today`: the recurring ones, and
    those dated from today to their prep lead ahead (`windows_active` narrowed to what
    `luck check` judges)."""
    table = TABLES["window"]
    # through the index of the recurring ones and the one on the date (schema 14)
    return [table.record(row) for row in store.db.execute(
        f"""{table.select} WHERE id IN (
                SELECT id FROM "window" WHERE recurrence != ''
                UNION ALL
                SELECT id FROM "window" WHERE "on" >= :today
                                          AND julianday("on") - julianday(:today)
                                              <= prep_lead_days)
            ORDER BY id""",
        {"today": today.isoformat()})]


def open_projects(store: Store) -> list[Any]:
    """Projects neither paused publicly nor landed."""
    if not exists(store, "project"):  # none: the class is not built to read none
        return []
    table = TABLES["project"]
    rows = store.db.execute(
        f"{table.select} WHERE outcome != 'pause-publicly' AND landed_on IS NULL ORDER BY id")
    return [table.record(row) for row in rows]


def running_reboot(store: Store) -> Any | None:
    if not exists(store, "reboot"):  # none: the class is not built to read none
        return None
    table = TABLES["reboot"]
    row = store.db.execute(
        f"{table.select} WHERE ended_on IS NULL ORDER BY started_on DESC, id DESC LIMIT 1"
    ).fetchone()
    return table.record(row) if row else None


def last_ended_reboot(store: Store) -> Any | None:
    if not exists(store, "reboot"):
        return None
    table = TABLES["reboot"]
    row = store.db.execute(
        f"{table.select} WHERE ended_on IS NOT NULL ORDER BY ended_on DESC, id DESC LIMIT 1"
    ).fetchone()
    return table.record(row) if row else None


def last_reboot_end(store: Store) -> dt.date | None:
    row = store.db.execute("SELECT max(ended_on) FROM reboot").fetchone()
    return dt.date.fromisoformat(row[0]) if row and row[0] else None


def current_arc(store: Store, today: dt.date) -> Any | None:
    """The arc that has started by `today` and not ended before it (the latest such)."""
    table = TABLES["arc"]
    row = store.db.execute(
        f"{table.select} WHERE started_on <= ? AND (ended_on IS NULL OR ended_on >= ?) "
        "ORDER BY started_on DESC, id DESC LIMIT 1",
        (today.isoformat(), today.isoformat())).fetchone()
    return table.record(row) if row else None


def open_arc(store: Store) -> Any | None:
    """The arc with no end date, whatever its start."""
    table = TABLES["arc"]
    row = store.db.execute(
        f"{table.select} WHERE ended_on IS NULL ORDER BY started_on DESC, id DESC LIMIT 1"
    ).fetchone()
    return table.record(row) if row else None


def readings_since(store: Store, month: str) -> list[Any]:
    """Every reading from `month` (YYYY-MM) on."""
    table = TABLES["reading"]
    rows = store.db.execute(f"{table.select} WHERE month >= ? ORDER BY month, id", (month,))
    return [table.record(row) for row in rows]


def readings_of(store: Store, metric_ids: Sequence[int], *, per_metric: int) -> list[Any]:
    """The latest `per_metric` readings of each of these metrics."""
    if not metric_ids:
        return []
    table = TABLES["reading"]
    columns = ", ".join(f'r."{c}"' for c in ("id", *table.columns))
    wanted = list(dict.fromkeys(metric_ids))
    marks = ", ".join("(?)" for _ in wanted)
    # each metric's newest months through the (metric_id, month) index, not every reading
    # of every metric numbered
    rows = store.db.execute(
        f"""WITH m(id) AS (VALUES {marks})
            SELECT {columns} FROM m JOIN reading r ON r.id IN (
                SELECT x.id FROM reading x WHERE x.metric_id = m.id
                ORDER BY x.month DESC LIMIT ?)
            ORDER BY r.metric_id, r.month""",
        (*wanted, per_metric))
    return [table.record(row) for row in rows]


# --- facts for the luck surface area -----------------------------------------------------


def artifact_facts(store: Store, start: dt.date, end: dt.date
                   ) -> list[tuple[int, str, str, str, int | None, str]]:
    """(id, on, kind, surface, theme_id, title) of artifacts dated within [start, end]."""
    return store.db.execute(
        """SELECT id, "on", kind, surface, theme_id, title FROM artifact
           WHERE "on" >= ? AND "on" <= ? ORDER BY "on", id""",
        (start.isoformat(), end.isoformat())).fetchall()


def testimonial_facts(store: Store, start: dt.date, end: dt.date
                      ) -> list[tuple[int, str, str, int, int | None, float | None]]:
    """(id, on, who, artifact_id, the artifact's theme_id, hours_saved) within [start, end]."""
    return store.db.execute(
        """SELECT t.id, t."on", t.who, t.artifact_id, a.theme_id, t.hours_saved
           FROM testimonial t JOIN artifact a ON a.id = t.artifact_id
           WHERE t."on" >= ? AND t."on" <= ? ORDER BY t."on", t.id""",
        (start.isoformat(), end.isoformat())).fetchall()


def signal_facts(store: Store, start: dt.date, end: dt.date
                 ) -> list[tuple[int, str, str, bool, str]]:
    """(id, on, who, escalated, what) of routing signals within [start, end]."""
    rows = store.db.execute(
        """SELECT id, "on", who, escalated, what FROM signal
           WHERE "on" >= ? AND "on" <= ? ORDER BY "on", id""",
        (start.isoformat(), end.isoformat())).fetchall()
    return [(i, on, who, bool(esc), what) for i, on, who, esc, what in rows]


def window_facts(store: Store, start: dt.date, end: dt.date) -> list[tuple[Any, ...]]:
    """Windows that can occur within [start, end], as surface.WindowFact tuples."""
    rows = store.db.execute(
        """SELECT id, "on", recurrence, prep_lead_days, needs_brief, needs_demo,
                  docs != '[]', theme_id
           FROM "window" WHERE "on" <= ? AND (recurrence != '' OR "on" >= ?)""",
        (end.isoformat(), start.isoformat())).fetchall()
    return [(i, on, rec, lead, bool(b), bool(d), bool(docs), theme)
            for i, on, rec, lead, b, d, docs, theme in rows]


def linked_facts(store: Store, window_ids: Iterable[int]) -> dict[int, list[tuple[str, str]]]:
    """window id -> (kind, on) of each artifact linked to it."""
    ids = sorted(set(window_ids))
    found: dict[int, list[tuple[str, str]]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ", ".join("?" for _ in chunk)
        for window_id, kind, on in store.db.execute(
                f'SELECT window_id, kind, "on" FROM artifact WHERE window_id IN ({marks})',
                chunk):
            found.setdefault(window_id, []).append((kind, on or ""))
    return found


def promise_tallies(store: Store, spans: Iterable[tuple[str, dt.date, dt.date]]
                    ) -> dict[tuple[int | None, str], tuple[int, int]]:
    """(theme id, span label) -> (kept on time, resolved) of the promises that landed in
    each (label, first day, last day) span; resolved = kept, missed or dropped
    (renegotiating early is neither). One range query per span reads the covering index
    in order, several times faster than grouping by a computed quarter."""
    found = {}
    for label, start, end in spans:
        rows = store.db.execute(
            """SELECT theme_id, sum(status = 'kept' AND landed_on <= due), count(*)
               FROM promise
               WHERE landed_on >= ? AND landed_on <= ?
                 AND +status IN ('kept', 'missed', 'dropped') -- +: by landed_on, not status
               GROUP BY theme_id""",
            (start.isoformat(), end.isoformat())).fetchall()
        for theme, kept, total in rows:
            found[(theme, label)] = (int(kept), int(total))
    return found


# The date and month columns of each kind's table, as its record class declares them
# (`fields.describe("date" | "month", ...)`): the stored-values check reads them here so
# that it builds no record class; tests/test_stored_values.py holds them to the classes.
DATED_COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "promise": (("made_on", "date"), ("due", "date"), ("landed_on", "date")),
    "signal": (("on", "date"),),
    "window": (("on", "date"), ("outcome_on", "date")),
    "theme": (("started_on", "date"), ("retired_on", "date")),
    "reading": (("month", "month"),),
    "decision": (("on", "date"), ("review_on", "date")),
    "bench": (("on", "date"), ("first_meeting_on", "date"), ("second_meeting_on", "date"),
              ("heat_on", "date"), ("credit_on", "date")),
    "sponsor": (("since", "date"),),
    "artifact": (("on", "date"), ("outcome_on", "date")),
    "testimonial": (("on", "date"),),
    "note": (("on", "date"),),
    "estimate": (("on", "date"),),
    "glue": (("on", "date"),),
    "explore": (("on", "date"),),
    "project": (("started_on", "date"), ("kill_review_on", "date"), ("reviewed_on", "date"),
                ("landed_on", "date"), ("milestone_on", "date"),
                ("milestone_landed_on", "date")),
    "diagnosis": (("on", "date"),),
    "arc": (("started_on", "date"), ("ended_on", "date"), ("assessed_on", "date"),
            ("answered_on", "date")),
    "reboot": (("started_on", "date"), ("ended_on", "date")),
    "evidence": (("since", "date"), ("until", "date")),
    "stakeholder": (("occurrence", "date"), ("brief_sent_on", "date"), ("met_on", "date"),
                    ("objection_on", "date"), ("handled_on", "date"), ("supports_on", "date")),
}


def values_out_of_range(store: Store, first: dt.date, last: dt.date
                        ) -> list[tuple[str, int, str, str]]:
    """Stored dates and months outside [first, last], as (kind, id, field, value): kept
    before dates were checked, or written by another program."""
    bounds = {"date": (first.isoformat(), last.isoformat()),
              "month": (first.isoformat()[:7], last.isoformat()[:7])}
    indexed = _leading_columns(store, DATED_COLUMNS)
    searches = {}
    for name, checked in DATED_COLUMNS.items():
        # a column below its low bound or above its high one (NULL is neither): one
        # with an index of its own is searched at both ends of that index, the others
        # are read in one pass; only the rows found are read whole
        own = [[pair] for pair in checked if pair[0] in indexed.get(name, ())]
        rest = [pair for pair in checked if pair[0] not in indexed.get(name, ())]
        searches[name] = own + ([rest] if rest else [])
    # nearly always nothing is found: asked of every table in one statement first
    anywhere = " OR ".join(
        f'EXISTS (SELECT 1 FROM "{name}" WHERE '
        + " OR ".join(f'"{c}" < ? OR "{c}" > ?' for c, _ in arm) + ")"
        for name, arms in searches.items() for arm in arms)
    if not store.db.execute(f"SELECT {anywhere}", [
            bound for arms in searches.values() for arm in arms for _, t in arm
            for bound in bounds[t]]).fetchone()[0]:
        return []
    found = []
    for name, checked in DATED_COLUMNS.items():
        arms = searches[name]
        union = " UNION ".join(
            f'SELECT id FROM "{name}" WHERE '
            + " OR ".join(f'"{c}" < ? OR "{c}" > ?' for c, _ in arm) for arm in arms)
        columns = ", ".join(f'"{c}"' for c, _ in checked)
        rows = store.db.execute(
            f'SELECT id, {columns} FROM "{name}" WHERE id IN ({union}) ORDER BY id',
            [bound for arm in arms for _, t in arm for bound in bounds[t]])
        for rid, *values in rows:
            found += [(name, rid, column, str(value))
                      for (column, t), value in zip(checked, values, strict=True)
                      if value is not None
                      and not bounds[t][0] <= str(value) <= bounds[t][1]]
    return found


def _leading_columns(store: Store, tables: Iterable[str]) -> dict[str, set[str]]:
    """The columns of `tables` that lead an index (a range of them is a search)."""
    names = list(tables)
    marks = ", ".join("?" for _ in names)
    found: dict[str, set[str]] = {}
    for table, column in store.db.execute(
            "SELECT m.name, i.name FROM sqlite_master m, pragma_index_list(m.name) l, "
            f"pragma_index_info(l.name) i WHERE m.type = 'table' AND m.name IN ({marks}) "
            "AND i.seqno = 0", names):
        found.setdefault(table, set()).add(column)
    return found


def recurring_windows(store: Store) -> list[tuple[int, dt.date | None, str]]:
    """(id, first date, recurrence) of every window that recurs."""
    rows = store.db.execute(
        """SELECT id, "on", recurrence FROM "window" WHERE recurrence != '' ORDER BY id""")
    return [(rid, _day(on), recurrence) for rid, on, recurrence in rows]


def _day(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


# --- what the weekly review asks of you (luckos.app.mechanisms) --------------------------


def _newest_first(store: Store, kind: str, where: str, params: Sequence[Any], *,
                  descending: bool = True, unindexed: bool = False,
                  limit: int | None = None) -> list[Any]:
    """Records of `kind` matching `where`, in the order `Store.find` gives them (the
    first `limit` of them); `unindexed`: sorted after reading them rather than read in
    order through the date's index (faster when most rows match)."""
    table = TABLES.holding(store.db, kind)
    if table is None:
        return []
    order = "DESC" if descending else "ASC"
    date_field = f'{"+" if unindexed else ""}"{table.kind.date_field or "id"}"'
    sql = f"{table.select} WHERE {where} ORDER BY {date_field} {order}, id {order}"
    if limit is not None:
        sql, params = sql + " LIMIT ?", (*params, limit)
    return [table.record(row) for row in store.db.execute(sql, params)]


# +status: through the landing day's index, not every miss of ten years nor every promise
# in order of its due date
_MISSED_WITHOUT_LESSON = "landed_on >= ? AND +status = 'missed' AND trim(lesson) = ''"


def misses_without_lesson(store: Store, since: dt.date, *, limit: int | None = None
                          ) -> list[Any]:
    """Promises missed from `since` on with no lesson written, newest first (the first
    `limit`)."""
    # sorted after reading: most of the misses of the days asked for are read
    return _newest_first(store, "promise", _MISSED_WITHOUT_LESSON, (since.isoformat(),),
                         unindexed=True, limit=limit)


def count_misses_without_lesson(store: Store, since: dt.date) -> int:
    """How many promises `misses_without_lesson` finds."""
    return int(store.db.execute(f"SELECT count(*) FROM promise WHERE {_MISSED_WITHOUT_LESSON}",
                                (since.isoformat(),)).fetchone()[0])


def sponsorships_since(store: Store, since: dt.date) -> list[Any]:
    """Bench entries of a sponsorship dated from `since` on (or undated), newest first."""
    return _newest_first(store, "bench", """action = 'sponsored' AND ("on" IS NULL OR "on" >= ?)""",
                         (since.isoformat(),))


# earned secrets written before a day that no artifact or explore entry grew from
_FALLOW = """kind = 'earned-secret' AND "on" < ? AND id NOT IN (
    SELECT from_note_id FROM artifact WHERE from_note_id IS NOT NULL
    UNION SELECT from_note_id FROM explore WHERE from_note_id IS NOT NULL)"""


def fallow_secrets(store: Store, before: dt.date, *, limit: int | None = None
                   ) -> list[tuple[int, dt.date]]:
    """(id, date) of the earned secrets written before `before` that nothing grew from,
    oldest first (the first `limit`; only the id and the date: the note stays private)."""
    sql = f'SELECT id, "on" FROM note WHERE {_FALLOW} ORDER BY "on", id'
    params: tuple[Any, ...] = (before.isoformat(),)
    if limit is not None:
        sql, params = sql + " LIMIT ?", (*params, limit)
    return [(rid, dt.date.fromisoformat(on)) for rid, on in store.db.execute(sql, params)]


def count_fallow_secrets(store: Store, before: dt.date) -> int:
    """How many earned secrets `fallow_secrets` finds."""
    return int(store.db.execute(f"SELECT count(*) FROM note WHERE {_FALLOW}",
                                (before.isoformat(),)).fetchone()[0])


def hours_saved_about(store: Store, since: dt.date, until: dt.date
                      ) -> list[tuple[int, float]]:
    """(artifact id, hours saved) of the testimonials dated by `until` that count hours
    saved by an artifact dated within [since, until], newest first."""
    return store.db.execute(
        """SELECT artifact_id, hours_saved FROM testimonial
           WHERE hours_saved IS NOT NULL AND "on" <= ? AND artifact_id IN (
               SELECT id FROM artifact WHERE "on" >= ? AND "on" <= ?)
           ORDER BY "on" DESC, id DESC""",
        (until.isoformat(), since.isoformat(), until.isoformat())).fetchall()


def artifact_hours(store: Store, since: dt.date, until: dt.date
                   ) -> list[tuple[int, str, float | None]]:
    """(id, title, hours it took) of the artifacts dated within [since, until], oldest
    first."""
    return store.db.execute(
        """SELECT id, title, hours FROM artifact WHERE "on" >= ? AND "on" <= ?
           ORDER BY "on", id""", (since.isoformat(), until.isoformat())).fetchall()


# the artifacts dated within [since, until] whose hours the review weighs: testimonials
# dated by `until` count hours they saved, and the hours it took are not recorded or more
# than none
_SAVING = """"on" >= ? AND "on" <= ? AND (hours IS NULL OR hours > 0) AND EXISTS (
    SELECT 1 FROM testimonial t WHERE t.artifact_id = artifact.id
    AND t.hours_saved IS NOT NULL AND t."on" <= ?)"""


def saving_artifact_hours(store: Store, since: dt.date, until: dt.date, *, limit: int
                          ) -> list[tuple[int, str, float | None]]:
    """The first `limit` of `artifact_hours` that testimonials say saved hours (and
    whose own hours are not recorded or more than none), oldest first."""
    return store.db.execute(
        f'SELECT id, title, hours FROM artifact WHERE {_SAVING} ORDER BY "on", id LIMIT ?',
        (since.isoformat(), until.isoformat(), until.isoformat(), limit)).fetchall()


def count_saving_artifacts(store: Store, since: dt.date, until: dt.date) -> int:
    """How many artifacts `saving_artifact_hours` finds without a limit."""
    return int(store.db.execute(f"SELECT count(*) FROM artifact WHERE {_SAVING}", (
        since.isoformat(), until.isoformat(), until.isoformat())).fetchone()[0])


def hours_saved_by(store: Store, artifact_ids: Sequence[int], until: dt.date
                   ) -> list[tuple[int, float]]:
    """(artifact id, hours saved) of the testimonials dated by `until` that count hours
    saved by these artifacts, newest first (as `hours_saved_about` gives them)."""
    if not artifact_ids:
        return []
    marks = ", ".join("?" for _ in artifact_ids)
    return store.db.execute(
        f"""SELECT artifact_id, hours_saved FROM testimonial
           WHERE hours_saved IS NOT NULL AND "on" <= ? AND artifact_id IN ({marks})
           ORDER BY "on" DESC, id DESC""", (until.isoformat(), *artifact_ids)).fetchall()


def open_promise_themes(store: Store) -> list[int | None]:
    """The theme of each open promise (None: on no theme)."""
    return [row[0] for row in store.db.execute(
        "SELECT theme_id FROM promise WHERE status = 'open'")]


def readings_of_metrics(store: Store, metric_ids: Sequence[int]) -> list[Any]:
    """Every reading of these metrics, by id."""
    if not metric_ids:
        return []
    table = TABLES["reading"]
    marks = ", ".join("?" for _ in metric_ids)
    rows = store.db.execute(f"{table.select} WHERE metric_id IN ({marks}) ORDER BY id",
                            list(metric_ids))
    return [table.record(row) for row in rows]
