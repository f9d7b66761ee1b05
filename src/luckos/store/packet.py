"""The packet's own queries (the records it needs that `find` cannot select by itself)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from typing import Any

from luckos.domain.records import KINDS
from luckos.store.records import TABLES


def promises_landed(store: Any, since: dt.date, until: dt.date) -> list[Any]:
    """Promises kept, missed, renegotiated or dropped in [since, until], by landing day."""
    table = TABLES["promise"]
    rows = store.db.execute(
        f"{table.select} WHERE landed_on BETWEEN ? AND ? AND status != 'open' "
        "ORDER BY landed_on, id", (since.isoformat(), until.isoformat()))
    return [table.record(row) for row in rows]


def promise_outcomes(store: Any, since: dt.date, until: dt.date) -> list[tuple[str, bool, int]]:
    """(status, landed after its due date, how many) of the promises resolved in
    [since, until]: what a long packet counts, without reading every promise."""
    rows = store.db.execute(
        "SELECT status, landed_on > due, count(*) FROM promise "
        "WHERE landed_on BETWEEN ? AND ? AND status != 'open' GROUP BY 1, 2",
        (since.isoformat(), until.isoformat()))
    return [(status, bool(late), int(number)) for status, late, number in rows]


def testimonials_about(store: Any, artifact_ids: Sequence[int]) -> list[Any]:
    """The testimonials about these artifacts, oldest first."""
    table = TABLES["testimonial"]
    found: list[Any] = []
    ids = list(artifact_ids)
    for start in range(0, len(ids), 500):  # within SQLite's limit on bound parameters
        chunk = ids[start:start + 500]
        marks = ", ".join("?" for _ in chunk)
        found += [table.record(row) for row in store.db.execute(
            f'{table.select} WHERE artifact_id IN ({marks}) ORDER BY "on", id', chunk)]
    return found


def themes_during(store: Any, since: dt.date, until: dt.date) -> list[Any]:
    """Themes held at some time in [since, until]."""
    table = TABLES["theme"]
    rows = store.db.execute(
        f"{table.select} WHERE (started_on IS NULL OR started_on <= ?) "
        "AND (retired_on IS NULL OR retired_on >= ?) ORDER BY id",
        (until.isoformat(), since.isoformat()))
    return [table.record(row) for row in rows]


def readings_of(store: Any, metric_ids: Sequence[int], since_month: str = "") -> list[Any]:
    """The readings of these metrics (from `since_month` on, 'YYYY-MM'), by month."""
    table = TABLES["reading"]
    ids = list(metric_ids)
    found: list[Any] = []
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ", ".join("?" for _ in chunk)
        found += [table.record(row) for row in store.db.execute(
            f"{table.select} WHERE metric_id IN ({marks}) AND month >= ? ORDER BY month, id",
            [*chunk, since_month])]
    return found


def records_by_id(store: Any, kind: str, ids: Sequence[int]) -> dict[int, Any]:
    """Records of one kind by id, read in a few queries rather than one per record."""
    table = TABLES[kind]
    found: dict[int, Any] = {}
    wanted = sorted(set(ids))
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        marks = ", ".join("?" for _ in chunk)
        for row in store.db.execute(f"{table.select} WHERE id IN ({marks})", chunk):
            found[row[0]] = table.record(row)
    return found


# --- what decides a long packet's claims and gaps (`luckos.domain.backing.readiness`) -----


def metrics_read(store: Any, since: dt.date, until: dt.date) -> list[tuple[int, str, bool]]:
    """(theme id, slot, read within the months of [since, until]) of each metric of the
    themes held in that period, by id."""
    return [(theme, slot, bool(read)) for theme, slot, read in store.db.execute(
        """SELECT m.theme_id, m.slot, EXISTS (
                   SELECT 1 FROM reading r WHERE r.metric_id = m.id AND r.month BETWEEN ? AND ?)
           FROM metric m WHERE m.theme_id IN (
               SELECT id FROM theme WHERE (started_on IS NULL OR started_on <= ?)
                                      AND (retired_on IS NULL OR retired_on >= ?))
           ORDER BY m.id""",
        (f"{since:%Y-%m}", f"{until:%Y-%m}", until.isoformat(), since.isoformat()))]


def any_resolved(store: Any, since: dt.date, until: dt.date) -> bool:
    """Whether a promise was kept, missed or dropped in [since, until]."""
    # `+`: searched by the landing day, which stops at the first found; by the status,
    # SQLite walked every kept promise of all time to find one in range
    return bool(store.db.execute(
        "SELECT EXISTS (SELECT 1 FROM promise WHERE landed_on BETWEEN ? AND ? "
        "AND +status IN ('kept', 'missed', 'dropped'))",
        (since.isoformat(), until.isoformat())).fetchone()[0])


# the text columns `filled` counts (read by name: the record classes are not built)
FILLED = {("decision", "outcome"), ("bench", "artifact")}


def filled(store: Any, kind: str, column: str, since: dt.date, until: dt.date
           ) -> tuple[int, int]:
    """(records of `kind` dated in [since, until], those of them with `column` filled in):
    a decision's outcome, the artifact a bench entry names."""
    assert (kind, column) in FILLED
    date_field = KINDS[kind].date_field
    if kind == "decision":
        # counted through indexes alone: the day's, and the one of the decisions without
        # an outcome (decision_to_review; `+` keeps SQLite from searching by the day)
        records, empty = store.db.execute(
            f"""SELECT (SELECT count(*) FROM decision WHERE "{date_field}" BETWEEN ?1 AND ?2),
                       (SELECT count(*) FROM decision WHERE outcome = ''
                                                      AND +"{date_field}" BETWEEN ?1 AND ?2)""",
            (since.isoformat(), until.isoformat())).fetchone()
        return int(records), int(records) - int(empty)
    records, done = store.db.execute(
        f'SELECT count(*), total("{column}" != \'\') FROM "{kind}" '
        f'WHERE "{date_field}" BETWEEN ? AND ?', (since.isoformat(), until.isoformat())
        ).fetchone()
    return int(records), int(done)


def glue_unlocking(store: Any, since: dt.date, until: dt.date) -> list[tuple[str, bool]]:
    """(what it unlocks, whether it names a project) of the glue dated in [since, until]
    that names a deliverable or a project: what decides `GlueEntry.unlocks_deliverable`
    (text of only blanks is judged by the caller), without reading the entries whole."""
    return [(unlocks, bool(project)) for unlocks, project in store.db.execute(
        """SELECT unlocks, project_id IS NOT NULL FROM glue
           WHERE "on" BETWEEN ? AND ? AND (unlocks != '' OR project_id IS NOT NULL)""",
        (since.isoformat(), until.isoformat()))]


def artifacts_backing(store: Any, since: dt.date, until: dt.date) -> tuple[int, list[int]]:
    """(how many artifacts are dated in [since, until], the ids of those of them with
    neither a link nor a testimonial): only the second can lack evidence."""
    period = (since.isoformat(), until.isoformat())
    total = store.db.execute('SELECT count(*) FROM artifact WHERE "on" BETWEEN ? AND ?',
                             period).fetchone()[0]
    bare = [row[0] for row in store.db.execute(
        """SELECT a.id FROM artifact a WHERE a."on" BETWEEN ? AND ? AND a.link = ''
               AND NOT EXISTS (SELECT 1 FROM testimonial t WHERE t.artifact_id = a.id)""",
        period)]
    return int(total), bare


def note_ids(store: Any, kind: str, since: dt.date, until: dt.date) -> list[int]:
    """The ids of the notes of `kind` dated in [since, until]."""
    return [row[0] for row in store.db.execute(
        'SELECT id FROM note WHERE kind = ? AND "on" BETWEEN ? AND ?',
        (kind, since.isoformat(), until.isoformat()))]


def accepted_evidence(store: Any, since: dt.date, until: dt.date
                      ) -> list[tuple[int, str, int | None, int | None]]:
    """(id, source, note id, artifact id) of the evidence accepted and dated in [since,
    until]."""
    return store.db.execute(
        """SELECT id, source, note_id, artifact_id FROM evidence
           WHERE status = 'accepted' AND "until" BETWEEN ? AND ?""",
        (since.isoformat(), until.isoformat())).fetchall()


def recurring_windows(store: Any, until: dt.date) -> list[Any]:
    """The recurring windows begun by `until`, whole (their dates are expanded)."""
    table = TABLES["window"]
    # read through the table rather than the date index, which nearly every window passes
    return [table.record(row) for row in store.db.execute(
        f"""{table.select} WHERE recurrence != '' AND trim(recurrence) != ''
                              AND +"on" <= ?""",
        (until.isoformat(),))]


def recurs_by(window: Any, until: dt.date) -> bool:
    """Whether `recurring_windows(store, until)` reads `window` (SQLite's trim() takes
    spaces only)."""
    return window.recurrence.strip(" ") != "" and window.on is not None and window.on <= until


def one_off_windows_short(store: Any, since: dt.date, until: dt.date,
                          brief_kinds: Collection[str], demo_kinds: Collection[str]
                          ) -> tuple[int, int]:
    """(how many one-off windows are dated in [since, until], how many of them were met
    without a two-pager they ask for (no linked document, no artifact of `brief_kinds`
    linked and made by the date) or a demo (no such artifact of `demo_kinds`))."""
    briefs, demos = sorted(brief_kinds), sorted(demo_kinds)
    made = """EXISTS (SELECT 1 FROM artifact a WHERE a.window_id = w.id
                      AND a."on" <= w."on" AND a.kind IN ({}))"""
    dated, short = store.db.execute(
        f"""SELECT count(*), total((w.needs_brief AND NOT (
                        coalesce(json_array_length(nullif(w.docs, '')), 0) > 0
                        OR {made.format(", ".join("?" for _ in briefs))}))
                   OR (w.needs_demo AND NOT {made.format(", ".join("?" for _ in demos))}))
            FROM "window" w
            WHERE trim(w.recurrence) = '' AND w."on" BETWEEN ? AND ?""",
        (*briefs, *demos, since.isoformat(), until.isoformat())).fetchone()
    return int(dated), int(short)
