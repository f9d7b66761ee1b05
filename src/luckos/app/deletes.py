"""Deleting a record and what depends on it, with a file that `luck import` restores.

Before anything is deleted, the record, every record deleted with it and every
reference that will be cleared are written to `<home>/deleted/` in the shape of
`luck export` (private notes included: the file stays on this machine, mode 0600).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path
from typing import Any

from luckos import __version__
from luckos.app.records import fetch
from luckos.domain.dependents import consequences, links_to
from luckos.domain.records import KINDS, Kind, is_private, kind_of, short_id
from luckos.errors import LuckError
from luckos.workspace import Workspace

FOLDER = "deleted"


@dataclasses.dataclass(frozen=True)
class Unlink:
    """`record.field` points at a deleted record and will be cleared."""

    record: Any
    field: str

    @property
    def target(self) -> int:
        return int(getattr(self.record, self.field))


@dataclasses.dataclass(frozen=True)
class Plan:
    """A delete worked out before it is done: the record, the records that go with it
    (in the order they were reached) and the references that will be cleared."""

    kind: Kind
    record: Any
    cascaded: tuple[Any, ...]
    unlinked: tuple[Unlink, ...]

    @property
    def label(self) -> str:
        """`t1: Faster cold-start`: the id and the title (a note's body when untitled), on
        one line and cut at 60 characters."""
        title = (getattr(self.record, self.kind.title_field)
                 or getattr(self.record, self.kind.argument))
        text = " ".join(str(title).split())
        text = text if len(text) <= 60 else text[:59] + "…"
        return f"{short_id(self.kind, self.record.id)}: {text}"

    def counts(self) -> tuple[dict[str, int], dict[str, int]]:
        """(records deleted with it, records unlinked), by kind."""
        deleted: dict[str, int] = {}
        for record in self.cascaded:
            name = kind_of(record).name
            deleted[name] = deleted.get(name, 0) + 1
        unlinked: dict[str, int] = {}
        seen = set()
        for link in self.unlinked:
            key = (kind_of(link.record).name, link.record.id)
            if key not in seen:
                seen.add(key)
                unlinked[key[0]] = unlinked.get(key[0], 0) + 1
        return deleted, unlinked

    def describe(self, *, past: bool = False) -> str:
        """`t1: Faster cold-start, and 3 metrics, 14 readings; unlink 2 artifacts`."""
        also = consequences(*self.counts(), past=past)
        if not also:
            return self.label
        return f"{self.label}{', ' if also.startswith('and ') else '; '}{also}"

    @property
    def holds_private(self) -> int:
        return sum(1 for x in (self.record, *self.cascaded) if is_private(x))


def plan(ws: Workspace, kind: Kind, ref: str | int) -> Plan:
    """What deleting `ref` would delete and unlink; changes nothing."""
    record = fetch(ws, kind, ref)
    gone = {(kind.name, record.id)}
    queue: list[tuple[str, int]] = [(kind.name, record.id)]
    cascaded: list[Any] = []
    pointing: list[Unlink] = []
    while queue:
        target, rid = queue.pop(0)
        for link in links_to(target):
            for other in ws.store.find(link.kind, where={link.field: rid}, descending=False):
                key = (link.kind, other.id)
                if link.cascade:
                    if key not in gone:
                        gone.add(key)
                        cascaded.append(other)
                        queue.append(key)
                else:
                    pointing.append(Unlink(other, link.field))
    unlinked = tuple(u for u in pointing if (kind_of(u.record).name, u.record.id) not in gone)
    return Plan(kind, record, tuple(cascaded), unlinked)


def backup_data(p: Plan, now: dt.datetime) -> dict[str, Any]:
    """The plan's records and links in the shape of `luck export`."""
    from luckos.app.exchange import FORMAT, FORMAT_VERSION, encode
    from luckos.store import SCHEMA_VERSION

    records: dict[str, list[dict[str, Any]]] = {}
    for record in (p.record, *p.cascaded):
        kind = kind_of(record)
        records.setdefault(kind.name, []).append(encode(kind, record))
    return {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "schema": SCHEMA_VERSION,
        "luckos": __version__,
        "exported_at": now.isoformat(timespec="seconds"),
        "private_included": bool(p.holds_private),
        "private_left_out": 0,
        "records": records,
        "deleted": {
            "record": short_id(p.kind, p.record.id),
            "links": [{"kind": kind_of(u.record).name, "id": u.record.id, "field": u.field,
                       "to": u.target} for u in p.unlinked],
        },
    }


def _write(folder: Path, stem: str, text: str) -> Path:
    from luckos import files

    files.make_folder(folder)
    payload = text.encode("utf-8")
    for number in range(1, 100):
        path = folder / (f"{stem}.json" if number == 1 else f"{stem}-{number}.json")
        # whole or not at all (0600), and never over an earlier file of the same name
        if files.create_new(path, lambda temporary: temporary.write_bytes(payload)):
            return path
    raise LuckError(f"{folder}: too many files named {stem}*.json")


def delete(ws: Workspace, p: Plan, now: dt.datetime) -> Path:
    """Write the backup file, then delete the record (the schema deletes and unlinks the
    rest in the same transaction). Returns the file's path."""
    data = backup_data(p, now)
    path = _write(ws.home / FOLDER, f"{now:%Y%m%d-%H%M%S}-{short_id(p.kind, p.record.id)}",
                  json.dumps(data, indent=1, ensure_ascii=False) + "\n")
    with ws.store.transaction():
        ws.store.delete(p.kind.name, p.record.id)
    return path


def restore_links(ws: Workspace, links: Any) -> int:
    """Set back the references a delete cleared (inside the import's transaction).
    A record deleted since, or linked to something else since, is left as it is."""
    if not isinstance(links, list):
        raise LuckError("import: deleted.links must be a list")
    restored = 0
    for index, link in enumerate(links):
        where = f"deleted.links[{index}]"
        if not isinstance(link, dict) or link.get("kind") not in KINDS:
            raise LuckError(f"import: {where} must name a record kind")
        kind = KINDS[link["kind"]]
        field = next((f for f in dataclasses.fields(kind.cls) if f.name == link.get("field")),
                     None)
        rid, to = link.get("id"), link.get("to")
        if (field is None or not field.metadata.get("type", "").startswith("ref:")
                or not isinstance(rid, int) or not isinstance(to, int)):
            raise LuckError(f"import: {where} must give a reference field, an id and a target")
        record = ws.store.get(kind.name, rid)
        if record is None or getattr(record, field.name) is not None:
            continue
        ws.store.update(dataclasses.replace(record, **{field.name: to}))
        restored += 1
    return restored
