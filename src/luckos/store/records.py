"""Reading and writing records. Rows go in and domain dataclasses come out.

Identifiers in the SQL below come from the record registry, never from user input;
every value is a bound parameter.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from luckos.domain.records import KINDS, PRIVATE_NOTE_KIND, Kind, fields_of, kind_of

if TYPE_CHECKING:
    from luckos.domain.ledger import Group
    from luckos.domain.records import Artifact, Promise


def _to_row_value(ftype: str, value: Any) -> Any:
    if value is None:
        return None
    if ftype == "date":
        return value.isoformat()
    if ftype == "list":
        if not value:
            return "[]"  # what json.dumps writes, without loading json for an empty list
        import json

        return json.dumps(list(value), ensure_ascii=False)
    if ftype == "bool":
        return int(value)
    return value


def _list_value(text: str | None) -> tuple[Any, ...]:
    """A list field as stored (JSON): most are empty or plain words as `_to_row_value`
    writes them, `["a", "b"]`, read here without loading json; anything else (an escape,
    other spacing, another program's writing) goes to json, which also refuses what is
    not JSON."""
    if not text or text == "[]":
        return ()
    if (len(text) > 3 and text.startswith('["') and text.endswith('"]') and "\\" not in text
            and min(text) >= " "):
        items = text[2:-2].split('", "')
        if not any('"' in item for item in items):
            return tuple(items)
    import json

    return tuple(json.loads(text))


def _from_row_value(ftype: str) -> Callable[[Any], Any] | None:
    if ftype == "date":
        return lambda v: dt.date.fromisoformat(v) if v else None
    if ftype == "list":
        return _list_value
    if ftype == "bool":
        return lambda v: bool(v)
    return None


class _Table:
    """How one kind's rows are read and written (a plain class: the store builds one per
    kind it touches, and a dataclass would cost every command its generated methods)."""

    __slots__ = ("columns", "decoded", "decoders", "kind", "select", "types")

    def __init__(self, kind: Kind, columns: tuple[str, ...], types: tuple[str, ...],
                 select: str, decoders: tuple[Callable[[Any], Any] | None, ...],
                 decoded: tuple[tuple[int, Callable[[Any], Any]], ...] = ()) -> None:
        self.kind, self.columns, self.types, self.select = kind, columns, types, select
        self.decoders = decoders
        # (position in the row, decoder) of each column stored in another form
        self.decoded = decoded

    def record(self, row: Sequence[Any]) -> Any:
        # the row holds the id and then the columns in the dataclass's field order, so
        # the record is built positionally, only the columns that need it decoded
        if len(row) != len(self.columns) + 1:
            raise ValueError(f"a {self.kind.name} row has {len(row)} columns, not "
                             f"{len(self.columns) + 1}")
        values = list(row)
        for index, decode in self.decoded:
            values[index] = decode(values[index])
        return self.kind.cls(*values)

    def row(self, record: Any) -> list[Any]:
        return [
            _to_row_value(t, getattr(record, c))
            for c, t in zip(self.columns, self.types, strict=True)
        ]


def _table(kind: Kind) -> _Table:
    fields = fields_of(kind)
    columns = tuple(f.name for f in fields)
    types = tuple(f.metadata["type"] for f in fields)
    quoted = ", ".join(f'"{c}"' for c in ("id", *columns))
    return _Table(
        kind=kind,
        columns=columns,
        types=types,
        select=f'SELECT {quoted} FROM "{kind.name}"',
        decoders=tuple(_from_row_value(t) for t in types),
        decoded=tuple((i + 1, d) for i, t in enumerate(types)
                      if (d := _from_row_value(t)) is not None),
    )


class _Tables(Mapping[str, _Table]):
    """Every kind's table, each described when first used (which builds its record
    class), so that a command pays only for the kinds it reads or writes."""

    def __init__(self) -> None:
        self._built: dict[str, _Table] = {}

    def __getitem__(self, name: str) -> _Table:
        table = self._built.get(name)
        if table is None:
            table = self._built[name] = _table(KINDS[name])
        return table

    def holding(self, db: sqlite3.Connection, name: str) -> _Table | None:
        """The kind's table, or None when it holds no row and is not described yet: a
        read of an empty table then builds no record class (a workspace that keeps no
        reboots has the checks find no running one without building the Reboot class)."""
        table = self._built.get(name)
        if table is None and name in KINDS and db.execute(
                f'SELECT 1 FROM "{name}" LIMIT 1').fetchone() is None:
            return None
        return table or self[name]

    def __iter__(self) -> Iterator[str]:
        return iter(KINDS)

    def __len__(self) -> int:
        return len(KINDS)


TABLES = _Tables()


# Around the matched words of a search snippet: control characters, which no record's
# text is expected to hold (a stray one in a record only shifts the emphasis).
MATCH_START, MATCH_END = "\x02", "\x03"


class SearchHit(NamedTuple):
    """A match of the search index (a NamedTuple: cheap to define for every command)."""

    kind: str
    rid: int
    private: bool
    snippet: str


class RecordsMixin:
    db: sqlite3.Connection

    # --- generic records ----------------------------------------------------------------

    def add(self, record: Any, *, keep_id: bool = False) -> Any:
        table = TABLES[_kind_name(record)]
        columns = list(table.columns)
        values = table.row(record)
        if keep_id:
            columns.insert(0, "id")
            values.insert(0, record.id)
        names = ", ".join(f'"{c}"' for c in columns)
        marks = ", ".join("?" for _ in columns)
        cursor = self.db.execute(
            f'INSERT INTO "{table.kind.name}" ({names}) VALUES ({marks})', values
        )
        return dataclasses.replace(record, id=cursor.lastrowid)

    def update(self, record: Any) -> Any:
        table = TABLES[_kind_name(record)]
        assignments = ", ".join(f'"{c}" = ?' for c in table.columns)
        self.db.execute(
            f'UPDATE "{table.kind.name}" SET {assignments} WHERE id = ?',
            [*table.row(record), record.id],
        )
        return record

    def delete(self, kind: str, rid: int) -> None:
        self.db.execute(f'DELETE FROM "{kind}" WHERE id = ?', (rid,))

    def values(self, kind: str, names: Sequence[str], ids: Sequence[int]
               ) -> dict[int, tuple[Any, ...]]:
        """Some columns of some records of a kind, as stored, by id (the ids not found are
        left out): what a list of search matches shows of each, read without building the
        records (and so without their classes). `names` come from the record registry."""
        if not all(name.isidentifier() for name in (kind, *names)):
            raise ValueError(f"not a column of {kind}: {names}")
        columns = ", ".join(f'"{name}"' for name in names)
        marks = ", ".join("?" * len(ids))
        return {row[0]: row[1:] for row in self.db.execute(
            f'SELECT id, {columns} FROM "{kind}" WHERE id IN ({marks})', tuple(ids))}

    def get(self, kind: str, rid: int) -> Any | None:
        table = TABLES.holding(self.db, kind)
        if table is None:
            return None
        row = self.db.execute(f"{table.select} WHERE id = ?", (rid,)).fetchone()
        return table.record(row) if row else None

    def find(
        self,
        kind: str,
        *,
        where: dict[str, Any] | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        order: str | None = None,
        descending: bool = True,
        limit: int | None = None,
    ) -> list[Any]:
        """Records of a kind, filtered by equal fields and a date range on its date field."""
        table = TABLES.holding(self.db, kind)
        if table is None:
            return []
        where_sql, params = _filter(table, where, since, until)
        order_by = order or table.kind.date_field or "id"
        direction = "DESC" if descending else "ASC"
        sql = f'{table.select}{where_sql} ORDER BY "{order_by}" {direction}, id {direction}'
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return [table.record(row) for row in self.db.execute(sql, params)]

    def find_count(self, kind: str, *, where: dict[str, Any] | None = None,
                   since: dt.date | None = None, until: dt.date | None = None) -> int:
        """How many records `find` would return without a limit."""
        where_sql, params = _filter(TABLES[kind], where, since, until)
        return int(self.db.execute(f'SELECT count(*) FROM "{kind}"{where_sql}',
                                   params).fetchone()[0])

    def all(self, kind: str) -> list[Any]:
        table = TABLES.holding(self.db, kind)
        if table is None:
            return []
        return [table.record(row) for row in self.db.execute(f"{table.select} ORDER BY id")]

    def each(self, kind: str) -> list[tuple[int, Any | None, str]]:
        """Every record of a kind as (id, record, ""), or (id, None, why) for a row that
        cannot be read as a record (what `luck doctor` reports, where `all` would fail)."""
        table = TABLES[kind]
        found: list[tuple[int, Any | None, str]] = []
        for row in self.db.execute(f"{table.select} ORDER BY id"):
            try:
                found.append((int(row[0]), table.record(row), ""))
            except (ValueError, TypeError) as exc:
                found.append((int(row[0]), None, _unreadable(table, row, exc)))
        return found

    def foreign_key_problems(self) -> list[tuple[str, int, str]]:
        """PRAGMA foreign_key_check: (table, rowid, missing parent table) per broken row."""
        return [(str(t), int(rowid), str(parent))
                for t, rowid, parent, _ in self.db.execute("PRAGMA foreign_key_check")
                if rowid is not None]

    def delete_row(self, table: str, rowid: int) -> None:
        """Delete one row of a table that `foreign_key_problems` named."""
        names = {row[0] for row in self.db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        if table not in names:
            raise KeyError(table)
        self.db.execute(f'DELETE FROM "{table}" WHERE rowid = ?', (rowid,))

    def count(self, kind: str) -> int:
        return int(self.db.execute(f'SELECT count(*) FROM "{kind}"').fetchone()[0])

    def clear_records(self, *, keep_private: bool = False) -> None:
        """Delete every record (with `keep_private`: but the private notes)."""
        # children first, so that no foreign key points at a deleted row
        for name in reversed(list(KINDS)):
            if keep_private and name == "note":
                self.db.execute("DELETE FROM note WHERE kind != ?", (PRIVATE_NOTE_KIND,))
            else:
                self.db.execute(f'DELETE FROM "{name}"')
        # numbering starts again from the file's ids (the kept notes' ids stay taken)
        self.db.execute("DELETE FROM sqlite_sequence"
                        + (" WHERE name != 'note'" if keep_private else ""))

    def private_note_ids(self) -> set[int]:
        rows = self.db.execute("SELECT id FROM note WHERE kind = ?", (PRIVATE_NOTE_KIND,))
        return {int(row[0]) for row in rows}

    # --- the ledger's queries -----------------------------------------------------------

    def promise_facts(self) -> list[tuple[str, str, str | None]]:
        """Every promise as (due, status, landed_on)."""
        return self.db.execute("SELECT due, status, landed_on FROM promise").fetchall()

    def promise_groups(self, since: dt.date, until: dt.date, *,
                       by_day_since: dt.date | None = None) -> tuple[list[Group], list[Group]]:
        """The ledger's counted groups: all-time totals by status and lateness, and the
        promises that landed in [since, until] by landing day; with `by_day_since`, those
        that landed before it by quarter instead, each dated by its first day in range."""
        from luckos.domain.ledger import Group  # only the ledger's readers pay for it

        totals = [
            Group(status, bool(late), None, number, round(days))
            for status, late, number, days in self.db.execute(
                # kept in step by triggers (schema 6), so no scan of every promise
                "SELECT status, late, number, late_days FROM ledger_totals WHERE number > 0"
            )
        ]
        daily: list[Group] = []
        first_day = max(since, by_day_since or since)
        start = since
        while start < first_day:  # one range query per quarter, in the index's order
            end = min(_quarter_end(start), first_day - dt.timedelta(days=1))
            # from the day counts kept by triggers (schema 14), not each promise's entry
            for status, count, late in self.db.execute(
                "SELECT status, sum(number), sum(late) FROM ledger_days "
                "WHERE landed_on BETWEEN ? AND ? GROUP BY status",
                (start.isoformat(), end.isoformat()),
            ):
                _split(daily, Group, status, start.isoformat(), count, late)
            start = end + dt.timedelta(days=1)
        # one row a day and status, in the table's order (landed_on, status); each splits
        # into its promises landed on time and those landed late
        for landed, status, count, late in self.db.execute(
            "SELECT landed_on, status, number, late FROM ledger_days "
            "WHERE landed_on BETWEEN ? AND ?",
            (first_day.isoformat(), until.isoformat()),
        ):
            _split(daily, Group, status, landed, count, late)
        return totals, daily

    def open_promises_due_by(self, day: dt.date) -> list[Promise]:
        table = TABLES["promise"]
        rows = self.db.execute(
            f"{table.select} WHERE status = 'open' AND due <= ? ORDER BY due, id",
            (day.isoformat(),),
        )
        return [table.record(row) for row in rows]

    def artifacts_for_windows(self, since: dt.date) -> list[Artifact]:
        """Artifacts linked to the windows that `windows_active(since)` returns."""
        table = TABLES["artifact"]
        rows = self.db.execute(
            f"""{table.select} WHERE window_id IN (
                    SELECT id FROM "window" WHERE recurrence != '' OR "on" >= ?)""",
            (since.isoformat(),),
        )
        return [table.record(row) for row in rows]

    def windows_active(self, since: dt.date) -> list[Any]:
        """Windows that can occur on or after `since`: recurring, or dated from then on."""
        table = TABLES["window"]
        # through the index of the recurring ones and the one on the date (schema 14), in
        # the order of the table, where every window was read
        rows = self.db.execute(
            f"""{table.select} WHERE id IN (SELECT id FROM "window" WHERE recurrence != ''
                                            UNION ALL
                                            SELECT id FROM "window" WHERE "on" >= ?)
                ORDER BY id""", (since.isoformat(),)
        )
        return [table.record(row) for row in rows]

    def decisions_to_review(self, today: dt.date) -> list[Any]:
        table = TABLES["decision"]
        rows = self.db.execute(
            f"{table.select} WHERE review_on IS NOT NULL AND review_on <= ? AND outcome = '' "
            "ORDER BY review_on, id",
            (today.isoformat(),),
        )
        return [table.record(row) for row in rows]

    def readings_latest(self, per_metric: int = 2) -> list[Any]:
        """The latest `per_metric` readings of every metric."""
        table = TABLES["reading"]
        columns = ", ".join(f'"{c}"' for c in ("id", *table.columns))
        # each metric's newest through the index on (metric_id, month), in the order a
        # window function over every reading gave them
        rows = self.db.execute(
            f"""SELECT {", ".join(f"r.{c}" for c in columns.split(", "))}
                FROM (SELECT DISTINCT metric_id AS metric FROM reading) m
                JOIN reading r ON r.id IN (SELECT id FROM reading WHERE metric_id = m.metric
                                           ORDER BY month DESC LIMIT ?)
                ORDER BY r.metric_id, r.month DESC""",
            (per_metric,),
        )
        return [table.record(row) for row in rows]

    # --- redaction ----------------------------------------------------------------------

    def people_names(self) -> list[str]:
        """Every person named in the records: promised to, routed by, on the bench,
        sponsors, testimonial givers, people and their aliases (for `[redact] names =
        true`)."""
        rows = self.db.execute(
            "SELECT to_whom FROM promise UNION SELECT who FROM signal "
            "UNION SELECT person FROM bench UNION SELECT person FROM sponsor "
            "UNION SELECT who FROM testimonial UNION SELECT name FROM person "
            "UNION SELECT a.value FROM person, json_each(person.aliases) a").fetchall()
        return sorted({row[0].strip() for row in rows if row[0] and row[0].strip()})

    # --- search -------------------------------------------------------------------------

    def search(self, query: str, *, include_private: bool, limit: int | None) -> list[SearchHit]:
        """The best matches first; in each snippet the matched words sit between
        MATCH_START and MATCH_END."""
        sql = (
            "SELECT kind, rid, private, snippet(search_index, 0, ?, ?, '…', 12) "
            "FROM search_index WHERE search_index MATCH ?"
        )
        if not include_private:
            sql += " AND private = 0"
        sql += " ORDER BY rank LIMIT ?"
        params = (MATCH_START, MATCH_END, query, -1 if limit is None else limit)
        rows = self.db.execute(sql, params).fetchall()
        return [SearchHit(kind, int(rid), bool(private), text) for kind, rid, private, text in rows]

    def search_count(self, query: str, *, include_private: bool) -> int:
        sql = "SELECT count(*) FROM search_index WHERE search_index MATCH ?"
        if not include_private:
            sql += " AND private = 0"
        return int(self.db.execute(sql, (query,)).fetchone()[0])

    def search_best(self, query: str, *, include_private: bool, limit: int | None
                    ) -> tuple[list[SearchHit], int]:
        """The best `limit` matches (all with None) and how many there are in all, at a
        cost that does not grow with the matches.

        Up to RANKED_ALL matches are all ranked (bm25). Past that, the newest
        CANDIDATES matches of each kind are ranked (bm25 costs about as much per row as
        reading it), and the total is counted from the index without reading rows."""
        everything = int(self.db.execute(
            "SELECT count(*) FROM search_index WHERE search_index MATCH ?", (query,)
        ).fetchone()[0])
        if limit is None or everything <= RANKED_ALL:
            hits = self.search(query, include_private=include_private, limit=limit)
            total = len(hits)
            if limit is not None and total == limit:
                total = (everything if include_private
                         else self.search_count(query, include_private=False))
            return hits, total
        scored: list[tuple[float, int]] = []
        for kind in KINDS.values():
            low = kind.code * _ROWS_PER_KIND
            high = low + _ROWS_PER_KIND - 1
            cut = self.db.execute(
                "SELECT rowid FROM search_index WHERE search_index MATCH ? "
                "AND rowid BETWEEN ? AND ? ORDER BY rowid DESC LIMIT 1 OFFSET ?",
                (query, low, high, CANDIDATES - 1)).fetchone()
            sql = ("SELECT rowid, bm25(search_index) FROM search_index WHERE search_index "
                   "MATCH ? AND rowid BETWEEN ? AND ?")
            if not include_private and kind.name == "note":
                sql += " AND private = 0"
            scored += [(score, rowid) for rowid, score in self.db.execute(
                sql + " ORDER BY 2 LIMIT ?", (query, cut[0] if cut else low, high, limit))]
        hits = []
        for _, rowid in sorted(scored)[:limit]:
            kind_name, rid, private, text = self.db.execute(
                "SELECT kind, rid, private, snippet(search_index, 0, ?, ?, '…', 12) "
                "FROM search_index WHERE search_index MATCH ? AND rowid = ?",
                (MATCH_START, MATCH_END, query, rowid)).fetchone()
            hits.append(SearchHit(kind_name, int(rid), bool(private), text))
        if include_private:
            return hits, everything
        low = KINDS["note"].code * _ROWS_PER_KIND
        secret = {low + rid for (rid,) in self.db.execute(
            'SELECT id FROM note WHERE "kind" = ?', (PRIVATE_NOTE_KIND,))}
        hidden = sum(1 for (rowid,) in self.db.execute(
            "SELECT rowid FROM search_index WHERE search_index MATCH ? "
            "AND rowid BETWEEN ? AND ?", (query, low, low + _ROWS_PER_KIND - 1))
            if rowid in secret) if secret else 0
        return hits, everything - hidden


# Search: every match is ranked up to RANKED_ALL matches; past that, the newest
# CANDIDATES of each kind. Rows of the index are numbered kind code * 10^10 + id.
RANKED_ALL = 2000
CANDIDATES = 200
_ROWS_PER_KIND = 10_000_000_000


def _quarter_end(day: dt.date) -> dt.date:
    """The last day of the calendar quarter of `day`."""
    month = (day.month - 1) // 3 * 3 + 3
    following = dt.date(day.year + 1, 1, 1) if month == 12 else dt.date(day.year, month + 1, 1)
    return following - dt.timedelta(days=1)


def _split(found: list[Group], group: type[Group], status: str, landed: str, count: int,
           late: int) -> None:
    """A count of promises as its groups landed on time and landed late, added to
    `found` (made without Group's keyword handling: thousands of rows)."""
    if count > late:
        found.append(tuple.__new__(group, (status, False, landed, count - late, 0)))
    if late:
        found.append(tuple.__new__(group, (status, True, landed, late, 0)))


def _filter(table: Any, where: dict[str, Any] | None, since: dt.date | None,
            until: dt.date | None) -> tuple[str, list[Any]]:
    """The WHERE clause of `find` (or "") and its parameters."""
    clauses, params = [], []
    for name, value in (where or {}).items():
        if name not in table.columns and name != "id":
            raise KeyError(name)
        if value is None:
            clauses.append(f'"{name}" IS NULL')
        else:
            clauses.append(f'"{name}" = ?')
            params.append(_to_row_value(_type_of(table, name), value))
    date_field = table.kind.date_field
    if date_field and since:
        clauses.append(f'"{date_field}" >= ?')
        params.append(since.isoformat())
    if date_field and until:
        clauses.append(f'"{date_field}" <= ?')
        params.append(until.isoformat())
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def _unreadable(table: _Table, row: Sequence[Any], exc: Exception) -> str:
    """Which stored value cannot be read, and why."""
    for name, decode, value in zip(table.columns, table.decoders, row[1:], strict=True):
        try:
            if decode:
                decode(value)
        except (ValueError, TypeError) as bad:
            return f"{name} {value!r}: {bad}"
    return str(exc)


def _kind_name(record: Any) -> str:
    return kind_of(record).name


def _type_of(table: _Table, name: str) -> str:
    if name == "id":
        return "int"
    return table.types[table.columns.index(name)]
