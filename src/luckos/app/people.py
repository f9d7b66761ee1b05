"""People and the pre-wire of each window: who has to say yes, and where each of them
stands. The rules are in `luckos.domain.people`; this module reads and writes them."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from luckos.domain import people as pp
from luckos.domain.people import Person, Stakeholder
from luckos.domain.records import KINDS, Window
from luckos.errors import Invalid, LuckError
from luckos.workspace import Workspace


def all_people(ws: Workspace) -> list[Person]:
    return ws.store.all("person")


def person(ws: Workspace, text: str) -> Person:
    """The one person `text` names (pe3, a name, an alias or an email)."""
    return pp.resolve(all_people(ws), text)


def window(ws: Workspace, ref: str) -> Window:
    from luckos.app.records import fetch

    return fetch(ws, KINDS["window"], ref)  # type: ignore[no-any-return]


@dataclasses.dataclass(frozen=True)
class Roles:
    """Every role one person plays in the records."""

    person: Person
    sponsor: tuple[str, ...]  # sp ids
    bench: tuple[str, ...]  # b ids
    promises: tuple[str, ...]  # p ids of promises made to them
    stakeholder: tuple[tuple[str, str, str], ...]  # (sh id, w id, role)

    def summary(self) -> str:
        parts = []
        if self.sponsor:
            parts.append("sponsor")
        if self.stakeholder:
            roles = sorted({role for _, _, role in self.stakeholder})
            parts.append(f"{'/'.join(roles)} in {len(self.stakeholder)} "
                         f"window{'s' if len(self.stakeholder) != 1 else ''}")
        if self.bench:
            parts.append(f"bench ({len(self.bench)})")
        if self.promises:
            parts.append(f"{len(self.promises)} promise{'s' if len(self.promises) != 1 else ''}")
        return ", ".join(parts)


def roles(ws: Workspace) -> list[Roles]:
    """Every person with the records that name them (matched by `people.matches`)."""
    store = ws.store
    everyone = all_people(ws)
    named: dict[int, dict[str, list[Any]]] = {p.id or 0: {"sp": [], "b": [], "p": []}
                                              for p in everyone}

    def credit(prefix: str, rid: int, text: str) -> None:
        found = pp.matching(everyone, text)
        if len(found) == 1:  # two people answering to one name: no guess
            named[found[0].id or 0][prefix].append(f"{prefix}{rid}")

    for s in store.all("sponsor"):
        credit("sp", s.id, s.person)
    for b in store.all("bench"):
        credit("b", b.id, b.person)
    for rid, to_whom in store.db.execute("SELECT id, to_whom FROM promise"):
        credit("p", rid, to_whom)
    held: dict[int, list[tuple[str, str, str]]] = {}
    for s in store.all("stakeholder"):
        held.setdefault(s.person_id, []).append((f"sh{s.id}", f"w{s.window_id}", s.role))
    return [Roles(p, tuple(named[p.id or 0]["sp"]), tuple(named[p.id or 0]["b"]),
                  tuple(named[p.id or 0]["p"]), tuple(held.get(p.id or 0, [])))
            for p in everyone]


def roles_json(found: list[Roles]) -> list[dict[str, Any]]:
    """`luck person roles --json`: each person and the records that name them."""
    return [{"id": f"pe{r.person.id}", "name": r.person.name,
             "sponsor": list(r.sponsor), "bench": list(r.bench),
             "promises": list(r.promises),
             "stakeholder": [{"id": sh, "window": w, "role": role}
                             for sh, w, role in r.stakeholder]} for r in found]


def merge(ws: Workspace, keep_text: str, other_text: str) -> tuple[Person, Person, int]:
    """Fold `other` into `keep` in one transaction: its names and emails become keep's,
    its stakeholder roles move to keep, and sponsors, bench entries and promises naming it
    name keep. Returns (keep as merged, other as it was, references moved)."""
    store = ws.store
    everyone = all_people(ws)
    keep = pp.resolve(everyone, keep_text)
    other = pp.resolve(everyone, other_text)
    if keep.id == other.id:
        raise LuckError(f"{keep_text!r} and {other_text!r} are the same person (pe{keep.id})")
    moved = 0
    with store.transaction():
        mine = {s.window_id: s for s in store.find("stakeholder", where={"person_id": keep.id})}
        for s in store.find("stakeholder", where={"person_id": other.id}):
            if s.window_id in mine:  # both were stakeholders of one window: keep one row
                store.update(_fold(mine[s.window_id], s))
                store.delete("stakeholder", s.id or 0)
            else:
                store.update(dataclasses.replace(s, person_id=keep.id))
            moved += 1
        for kind, field in (("sponsor", "person"), ("bench", "person"), ("promise", "to_whom")):
            for record in store.all(kind):
                if pp.matches(other, getattr(record, field)):
                    store.update(dataclasses.replace(record, **{field: keep.name}))
                    moved += 1
        store.delete("person", other.id or 0)
        kept = store.update(pp.merged(keep, other))
    return kept, other, moved


def _fold(keep: Stakeholder, other: Stakeholder) -> Stakeholder:
    """One stakeholder row from two: keep's values, other's where keep has none."""
    values = {}
    for field in dataclasses.fields(Stakeholder):
        if field.name in ("id", "person_id", "window_id"):
            continue
        mine = getattr(keep, field.name)
        values[field.name] = mine if mine not in (None, "", False) else getattr(other,
                                                                              field.name)
    return dataclasses.replace(keep, **values)


# --- stakeholders and the pre-wire -----------------------------------------------------------


def stakeholders(ws: Workspace, window_ref: str) -> tuple[Window, list[Stakeholder]]:
    w = window(ws, window_ref)
    return w, ws.store.find("stakeholder", where={"window_id": w.id}, order="id",
                            descending=False)


def add_stakeholder(ws: Workspace, window_ref: str, who: str, role: str,
                    sponsor: bool) -> tuple[Stakeholder, Person]:
    if role not in pp.STAKEHOLDER_ROLES:
        raise Invalid(f"invalid role {role!r}: choose one of "
                      f"{', '.join(pp.STAKEHOLDER_ROLES)}", where="role")
    w = window(ws, window_ref)
    p = person(ws, who)
    from luckos.app.records import _check_unique

    record = Stakeholder(window_id=w.id, person_id=p.id, role=role, sponsor=sponsor)
    with ws.store.transaction():
        _check_unique(ws, record)
        return ws.store.add(record), p


def stakeholder(ws: Workspace, window_ref: str, who: str) -> tuple[Stakeholder, Person]:
    w = window(ws, window_ref)
    p = person(ws, who)
    found = ws.store.find("stakeholder", where={"window_id": w.id, "person_id": p.id})
    if not found:
        raise LuckError(f"pe{p.id} {p.name} is not a stakeholder of w{w.id} (add them: luck "
                        f"window stakeholders w{w.id} add {p.name!r} --role ROLE)")
    return found[0], p


def remove_stakeholder(ws: Workspace, window_ref: str, who: str) -> tuple[Stakeholder, Person]:
    s, p = stakeholder(ws, window_ref, who)
    with ws.store.transaction():
        ws.store.delete("stakeholder", s.id or 0)
    return s, p


def step(ws: Workspace, window_ref: str, who: str, action: str, on: dt.date, *,
         text: str = "", handling: str = "") -> tuple[Stakeholder, Person]:
    """Move one stakeholder's pre-wire along: brief, met, objection, handled, supports."""
    s, p = stakeholder(ws, window_ref, who)
    if action == "brief":
        new = pp.send_brief(s, on)
    elif action == "met":
        new = pp.meet(s, on)
    elif action == "objection":
        new = pp.raise_objection(s, text, on)
    elif action == "handled":
        new = pp.handle_objection(s, handling, text, on)
    elif action == "supports":
        new = pp.support(s, on)
    else:  # pragma: no cover - the CLI offers only the actions above
        raise LuckError(f"unknown pre-wire step {action!r}")
    with ws.store.transaction():
        return ws.store.update(new), p


def prewire(ws: Workspace, window_ref: str, today: dt.date) -> pp.Prewire:
    w = window(ws, window_ref)
    return prewire_of(ws, w, today, all_people(ws))


def prewire_of(ws: Workspace, w: Window, today: dt.date, people: list[Person]) -> pp.Prewire:
    from luckos.domain import windows

    ahead = windows.upcoming([w], [], today, 3660)
    on = ahead[0].on if ahead else None
    prep_due = ahead[0].prep_due if ahead else None
    found = ws.store.find("stakeholder", where={"window_id": w.id})
    return pp.prewire(w.id or 0, w.name, on, prep_due, found, people)


def prewire_json(p: pp.Prewire, today: dt.date) -> dict[str, Any]:
    return {
        "window": f"w{p.window_id}",
        "name": p.window_name,
        "on": p.on.isoformat() if p.on else None,
        "prep_due": p.prep_due.isoformat() if p.prep_due else None,
        "days_to_prep": p.days_to_prep(today),
        "summary": p.summary(),
        "with_brief": p.with_brief,
        "stakeholders": [
            {"id": f"sh{line.stakeholder.id}", "person": f"pe{line.person.id}",
             "name": line.person.name, "role": line.stakeholder.role,
             "sponsor": line.stakeholder.sponsor, "state": line.state,
             "brief_sent": _iso(line.stakeholder.brief_sent_on),
             "met": _iso(line.stakeholder.met_on),
             "objection": line.stakeholder.objection or None,
             "objection_on": _iso(line.stakeholder.objection_on),
             "handled": line.stakeholder.handled or None,
             "how": line.stakeholder.handled_how or None,
             "handled_on": _iso(line.stakeholder.handled_on),
             "supports": _iso(line.stakeholder.supports_on),
             "since": _iso(line.since),
             "objection_age_days": line.objection_age(today),
             "missing": list(line.missing)}
            for line in p.lines
        ],
        "objections_open": [f"sh{line.stakeholder.id}" for line in p.objections_open],
    }


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def next_prewire(ws: Workspace, today: dt.date, horizon_days: int) -> pp.Prewire | None:
    """The pre-wire of the next window ahead that has stakeholders (for the review)."""
    from luckos.domain import windows

    store = ws.store
    from luckos.store.people import windows_with_stakeholders

    held = windows_with_stakeholders(store)
    if not held:
        return None
    active = [w for w in store.windows_active(today) if w.id in held]
    ahead = windows.upcoming(active, [], today, horizon_days)
    if not ahead:
        return None
    return prewire_of(ws, ahead[0].window, today, all_people(ws))
