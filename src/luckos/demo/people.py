"""The demo's people and the pre-wire of its windows and decisions: who decides each
window's ask and each decision, who has the brief, and the objections raised and
handled; a recurring window also keeps the pre-wire of its last date, as history. The
people carry the addresses of the demo's work calendar, so that the time spent with
deciders can be counted.

Dates follow the conventions of `luckos.demo.data`: days from today.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

from luckos.domain import people as pp
from luckos.domain import records as r
from luckos.domain import windows

# (name, email, alias) of the people who appear in the work calendar
ADDRESSES = (
    ("Grace Liu", "grace@example.com", ""),
    ("Ken Adeyemi", "ken@example.com", "Kenneth Adeyemi"),
    ("Omar Haddad", "omar@example.com", ""),
    ("Marcus Chen", "marcus@example.com", ""),
    ("Nadia Karim", "nadia@example.com", ""),
    ("Dana Whitfield", "dana@example.com", ""),
)

# window key -> (person, role, sponsor, brief sent, met, objection, raised, handled,
# how, handled on, supports): days from today, or None
STAKEHOLDERS: dict[str, tuple[tuple[Any, ...], ...]] = {
    "plan": (
        ("Grace Liu", "decides", True, -5, -4, "", None, "", "", None, None),
        ("Ken Adeyemi", "vetoes", False, -5, None,
         "The edge cache spend doubles before the drop-off savings land", -3, "", "", None,
         None),
        ("Omar Haddad", "implements", False, -6, -2,
         "The rollout needs two more on-call engineers", -12, "incorporated",
         "Staged the rollout by region, so on-call stays at one engineer", -8, -2),
        ("Marcus Chen", "affected", False, None, None, "", None, "", "", None, None),
    ),
    "budget": (
        ("Ken Adeyemi", "decides", False, None, None, "", None, "", "", None, None),
        ("Grace Liu", "affected", True, None, None, "", None, "", "", None, None),
    ),
}


# window key -> the pre-wire of the window's previous date, rows as in STAKEHOLDERS (days
# from that date): the quarter before, Ken was met and said yes; Grace never had the brief
PAST: dict[str, tuple[tuple[Any, ...], ...]] = {
    "budget": (
        ("Ken Adeyemi", "decides", False, -9, -6, "The cache spend has no ceiling", -6,
         "incorporated", "Capped the spend at the Q3 level until drop-off improves", -3, -2),
        ("Grace Liu", "affected", True, None, None, "", None, "", "", None, None),
    ),
}

# decision title -> rows as in STAKEHOLDERS (days from today)
DECISIONS: dict[str, tuple[tuple[Any, ...], ...]] = {
    "Ask for the Staff title this cycle": (
        ("Grace Liu", "decides", True, -18, -15, "", None, "", "", None, -14),
        ("Dana Whitfield", "vetoes", False, -18, None,
         "The packet shows the cold-start work but not who else it made faster", -5, "", "",
         None, None),
    ),
    "Decline leading the checkout re-platform working group": (
        ("Omar Haddad", "affected", False, -72, -71, "", None, "", "", None, -70),
    ),
}


def add_people(b: Any) -> None:
    """Add the people (one per name the records use, plus the calendar's) and the
    stakeholders of the demo's windows, through `b`, the demo builder."""
    store, day = b.store, b.day
    names = [s.person for s in store.all("sponsor")]
    names += [e.person for e in store.all("bench")]
    names += [p.to_whom for p in store.all("promise")]
    names += [name for name, _, _ in ADDRESSES]
    for name in pp.new_people(names, []):
        store.add(pp.Person(name=name))
    everyone = store.all("person")
    for name, email, alias in ADDRESSES:
        person = pp.resolve(everyone, name)
        store.update(r.Person(id=person.id, name=person.name, emails=(email,),
                              aliases=(alias,) if alias else (), note=person.note))
    everyone = store.all("person")
    for key, rows in STAKEHOLDERS.items():
        window = b.windows[key]
        on = windows.upcoming([window], [], b.today, 3660)[0].on
        for row in rows:
            store.add(_stakeholder(row, everyone, day, window_id=window.id, occurrence=on))
    for key, rows in PAST.items():
        window = b.windows[key]
        on = windows.upcoming([window], [], b.today, 3660)[0].on
        before = windows.previous_occurrence(window, on)
        assert before is not None
        for row in rows:
            store.add(_stakeholder(row, everyone, functools.partial(_after, before),
                                   window_id=window.id, occurrence=before))
    decisions = {d.title: d for d in store.all("decision")}
    for title, rows in DECISIONS.items():
        for row in rows:
            store.add(_stakeholder(row, everyone, day, decision_id=decisions[title].id))


def _stakeholder(row: tuple[Any, ...], everyone: list[pp.Person], day: Any,
                 **where: Any) -> pp.Stakeholder:
    (name, role, sponsor, brief, met, objection, raised, handled, how, handled_on,
     supports) = row
    return pp.Stakeholder(
        person_id=pp.resolve(everyone, name).id, role=role, sponsor=sponsor,
        brief_sent_on=_day(day, brief), met_on=_day(day, met), objection=objection,
        objection_on=_day(day, raised), handled=handled, handled_how=how,
        handled_on=_day(day, handled_on), supports_on=_day(day, supports), **where)


def _after(start: dt.date, days: int) -> dt.date:
    return start + dt.timedelta(days=days)


def _day(day: Any, when: int | None) -> Any:
    return None if when is None else day(when)
