"""People and the pre-wire of each window: who has to say yes, and where each of them
stands. The rules are in `luckos.domain.people`; this module reads and writes them."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from typing import Any

from luckos.domain import people as pp
from luckos.domain.people import Person, Stakeholder
from luckos.domain.records import KINDS, Decision, Window
from luckos.errors import Conflict, Invalid, LuckError
from luckos.workspace import Workspace


def all_people(ws: Workspace) -> list[Person]:
    return ws.store.all("person")


def person(ws: Workspace, text: str) -> Person:
    """The one person `text` names (pe3, a name, an alias or an email)."""
    return pp.resolve(all_people(ws), text)


def window(ws: Workspace, ref: str) -> Window:
    from luckos.app.records import fetch

    return fetch(ws, KINDS["window"], ref)  # type: ignore[no-any-return]


SUBJECTS = ("window", "decision")  # what stakeholders have a say in


@dataclasses.dataclass(frozen=True)
class Roles:
    """Every role one person plays in the records."""

    person: Person
    sponsor: tuple[str, ...]  # sp ids
    bench: tuple[str, ...]  # b ids
    promises: tuple[str, ...]  # p ids of promises made to them
    stakeholder: tuple[tuple[str, str, str], ...]  # (sh id, w or d id, role)

    def summary(self) -> str:
        parts = []
        if self.sponsor:
            parts.append("sponsor")
        if self.stakeholder:
            roles = sorted({role for _, _, role in self.stakeholder})
            windows = sum(1 for _, subject, _ in self.stakeholder if subject[0] == "w")
            decisions = len(self.stakeholder) - windows
            where = [f"{n} {noun}{'s' if n != 1 else ''}"
                     for n, noun in ((windows, "window"), (decisions, "decision")) if n]
            parts.append(f"{'/'.join(roles)} in {' and '.join(where)}")
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
    latest, _ = pp.current(store.all("stakeholder"))
    for s in sorted(latest, key=lambda s: s.id or 0):
        held.setdefault(s.person_id or 0, []).append((f"sh{s.id}", pp.subject_of(s), s.role))
    return [Roles(p, tuple(named[p.id or 0]["sp"]), tuple(named[p.id or 0]["b"]),
                  tuple(named[p.id or 0]["p"]), tuple(held.get(p.id or 0, [])))
            for p in everyone]


def roles_json(found: list[Roles]) -> list[dict[str, Any]]:
    """`luck person roles --json`: each person and the records that name them."""
    return [{"id": f"pe{r.person.id}", "name": r.person.name,
             "sponsor": list(r.sponsor), "bench": list(r.bench),
             "promises": list(r.promises),
             "stakeholder": [{"id": sh, ("window" if on[0] == "w" else "decision"): on,
                              "role": role}
                             for sh, on, role in r.stakeholder]} for r in found]


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
        mine = {_slot(s): s for s in store.find("stakeholder", where={"person_id": keep.id})}
        for s in store.find("stakeholder", where={"person_id": other.id}):
            if _slot(s) in mine:  # both had a say in one subject (and date): keep one row
                store.update(_fold(mine[_slot(s)], s))
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


def _slot(s: Stakeholder) -> tuple[str, dt.date | None]:
    return pp.subject_of(s), s.occurrence


def _fold(keep: Stakeholder, other: Stakeholder) -> Stakeholder:
    """One stakeholder row from two: keep's values, other's where keep has none."""
    values = {}
    for field in dataclasses.fields(Stakeholder):
        if field.name in ("id", "person_id", "window_id", "decision_id", "occurrence"):
            continue
        mine = getattr(keep, field.name)
        values[field.name] = mine if mine not in (None, "", False) else getattr(other,
                                                                              field.name)
    return dataclasses.replace(keep, **values)


# --- stakeholders and the pre-wire (of a window or of a decision) ---------------------------


@dataclasses.dataclass(frozen=True)
class Subject:
    """A window or a decision, and the date its pre-wire is for."""

    record: Window | Decision
    on: dt.date | None  # the window's next date, or the decision's date
    prep_due: dt.date | None  # the window's prep deadline for that date
    last: dt.date | None  # a recurring window's date before `on`: rows up to it are history

    @property
    def kind(self) -> str:
        return "window" if isinstance(self.record, Window) else "decision"

    @property
    def ref(self) -> str:
        return f"{KINDS[self.kind].prefix}{self.record.id}"

    @property
    def field(self) -> str:
        return f"{self.kind}_id"

    @property
    def occurrence(self) -> dt.date | None:
        """What a new row's `occurrence` is: the window date (none for a decision)."""
        return self.on if self.kind == "window" else None


def subject(ws: Workspace, kind: str, ref: str, today: dt.date) -> Subject:
    from luckos.app.records import fetch

    if kind not in SUBJECTS:  # pragma: no cover - the CLI offers only these
        raise LuckError(f"stakeholders have a say in a window or a decision, not a {kind}")
    record = fetch(ws, KINDS[kind], ref)
    return subject_of(record, today)


def subject_of(record: Window | Decision, today: dt.date) -> Subject:
    if isinstance(record, Decision):
        return Subject(record, record.on, None, None)
    from luckos.domain import windows

    ahead = windows.upcoming([record], [], today, 3660)
    if not ahead:
        return Subject(record, None, None, None)
    on = ahead[0].on
    return Subject(record, on, ahead[0].prep_due, windows.previous_occurrence(record, on))


def _rows(ws: Workspace, sub: Subject, person_id: int | None = None) -> list[Stakeholder]:
    where: dict[str, Any] = {sub.field: sub.record.id}
    if person_id is not None:
        where["person_id"] = person_id
    return ws.store.find("stakeholder", where=where, order="id", descending=False)


def add_stakeholder(ws: Workspace, kind: str, ref: str, who: str, role: str,
                    sponsor: bool, today: dt.date) -> tuple[Stakeholder, Person]:
    if role not in pp.STAKEHOLDER_ROLES:
        raise Invalid(f"invalid role {role!r}: choose one of "
                      f"{', '.join(pp.STAKEHOLDER_ROLES)}", where="role")
    sub = subject(ws, kind, ref, today)
    p = person(ws, who)
    held = _rows(ws, sub, p.id)
    if held:
        last = held[-1]
        raise Conflict(f"pe{p.id} {p.name} is already a stakeholder of {sub.ref} "
                       f"(sh{last.id}, {last.role}); remove them first to change the role",
                       where=f"sh{last.id}")
    from luckos.app.records import _check_unique

    record = Stakeholder(
        person_id=p.id, role=role, sponsor=sponsor, occurrence=sub.occurrence,
        window_id=sub.record.id if sub.kind == "window" else None,
        decision_id=sub.record.id if sub.kind == "decision" else None)
    with ws.store.transaction():
        _check_unique(ws, record)
        return ws.store.add(record), p


def stakeholder(ws: Workspace, kind: str, ref: str, who: str, today: dt.date
                ) -> tuple[Subject, list[Stakeholder], Person]:
    """The subject, the person's rows for it (oldest first) and the person."""
    sub = subject(ws, kind, ref, today)
    p = person(ws, who)
    found = _rows(ws, sub, p.id)
    if not found:
        raise LuckError(f"pe{p.id} {p.name} is not a stakeholder of {sub.ref} (add them: "
                        f"luck {kind} stakeholders {sub.ref} add {p.name!r} --role ROLE)")
    return sub, found, p


def remove_stakeholder(ws: Workspace, kind: str, ref: str, who: str, today: dt.date
                       ) -> tuple[Subject, Person, int]:
    """Remove the person from the subject's stakeholders, with the states of every date."""
    sub, rows, p = stakeholder(ws, kind, ref, who, today)
    with ws.store.transaction():
        for row in rows:
            ws.store.delete("stakeholder", row.id or 0)
    return sub, p, len(rows)


def step(ws: Workspace, kind: str, ref: str, who: str, action: str, on: dt.date,
         today: dt.date, *, text: str = "", handling: str = ""
         ) -> tuple[Stakeholder, Person]:
    """Move one stakeholder's pre-wire along: brief, met, objection, handled, supports.

    For a window, the step belongs to its next date: the first step after a date has
    passed starts a fresh row for the next one (the past date's row stays as history)."""
    sub, rows, p = stakeholder(ws, kind, ref, who, today)
    now, _ = pp.current(rows, sub.last)
    s = now[0]
    if all(pp.is_past(row, sub.last) for row in rows):
        s = dataclasses.replace(s, id=None, occurrence=sub.occurrence)
    elif sub.kind == "window" and sub.on is not None:
        s = dataclasses.replace(s, occurrence=sub.occurrence)
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
        if new.id is None:
            return ws.store.add(new), p
        return ws.store.update(new), p


def prewire(ws: Workspace, kind: str, ref: str, today: dt.date) -> pp.Prewire:
    return prewire_of(ws, subject(ws, kind, ref, today), today, all_people(ws))


def prewire_of(ws: Workspace, sub: Subject | Window | Decision, today: dt.date,
               people: list[Person]) -> pp.Prewire:
    if not isinstance(sub, Subject):
        sub = subject_of(sub, today)
    title = sub.record.name if isinstance(sub.record, Window) else sub.record.title
    return pp.prewire(sub.ref, title, sub.on, sub.prep_due, _rows(ws, sub), people,
                      sub.last)


def shown_prewire(ws: Workspace, record: Window | Decision, today: dt.date
                  ) -> pp.Prewire | None:
    """The pre-wire `luck window show` and `luck decision show` print (None when the
    record has no stakeholders)."""
    from luckos.store.people import has_stakeholders

    sub = subject_of(record, today)
    if not has_stakeholders(ws.store, sub.field, record.id or 0):
        return None
    return prewire_of(ws, sub, today, all_people(ws))


def _line_json(line: pp.PrewireLine) -> dict[str, Any]:
    s = line.stakeholder
    return {"id": f"sh{s.id}", "person": f"pe{line.person.id}", "name": line.person.name,
            "role": s.role, "sponsor": s.sponsor, "state": line.state,
            "brief_sent": _iso(s.brief_sent_on), "met": _iso(s.met_on),
            "objection": s.objection or None, "objection_on": _iso(s.objection_on),
            "handled": s.handled or None, "how": s.handled_how or None,
            "handled_on": _iso(s.handled_on), "supports": _iso(s.supports_on),
            "since": _iso(line.since), "missing": list(line.missing)}


def prewire_json(p: pp.Prewire, today: dt.date) -> dict[str, Any]:
    kind = "window" if p.subject.startswith("w") else "decision"
    return {
        kind: p.subject,
        "name": p.name,
        "on": p.on.isoformat() if p.on else None,
        "prep_due": p.prep_due.isoformat() if p.prep_due else None,
        "days_to_prep": p.days_to_prep(today),
        "summary": p.summary(),
        "with_brief": p.with_brief,
        "stakeholders": [_line_json(line) for line in p.lines],
        "objections_open": [f"sh{line.stakeholder.id}" for line in p.objections_open],
        "history": [{"on": day.isoformat(), "stakeholders": [_line_json(x) for x in lines]}
                    for day, lines in p.history],
    }


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def next_prewire(ws: Workspace, today: dt.date, horizon_days: int) -> pp.Prewire | None:
    """The pre-wire of the next window ahead that has stakeholders (for the review)."""
    from luckos.domain import windows
    from luckos.store.people import windows_with_stakeholders

    store = ws.store
    held = windows_with_stakeholders(store)
    if not held:
        return None
    active = [w for w in store.windows_active(today) if w.id in held]
    ahead = windows.upcoming(active, [], today, horizon_days)
    if not ahead:
        return None
    return prewire_of(ws, ahead[0].window, today, all_people(ws))


def current_stakeholders(ws: Workspace, today: dt.date,
                         rows: Sequence[Stakeholder] | None = None) -> list[Stakeholder]:
    """Every subject's stakeholders as they stand today: a recurring window's rows of
    past dates left out, its people fresh for the next date (see `pp.current`). `rows`
    are every stakeholder row, when the caller has read them already."""
    by_window: dict[int | None, list[Stakeholder]] = {}
    for s in ws.store.all("stakeholder") if rows is None else rows:
        by_window.setdefault(s.window_id, []).append(s)
    found, _ = pp.current(by_window.pop(None, []))  # decisions' rows
    for w in ws.store.windows_active(today):
        if w.id in by_window and w.recurrence:
            now, _ = pp.current(by_window.pop(w.id), subject_of(w, today).last)
            found += now
    for rows in by_window.values():
        found += pp.current(rows)[0]
    return sorted(found, key=lambda s: s.id or 0)
