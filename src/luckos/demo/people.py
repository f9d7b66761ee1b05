"""The demo's people and the pre-wire of its windows: who decides each window's ask, who
has the brief, and the objections raised and handled. The people carry the addresses of
the demo's work calendar, so that the time spent with deciders can be counted.

Dates follow the conventions of `luckos.demo.data`: days from today.
"""

from __future__ import annotations

from typing import Any

from luckos.domain import people as pp
from luckos.domain import records as r

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
        for (name, role, sponsor, brief, met, objection, raised, handled, how, handled_on,
             supports) in rows:
            store.add(pp.Stakeholder(
                window_id=window.id, person_id=pp.resolve(everyone, name).id, role=role,
                sponsor=sponsor, brief_sent_on=_day(day, brief), met_on=_day(day, met),
                objection=objection, objection_on=_day(day, raised), handled=handled,
                handled_how=how, handled_on=_day(day, handled_on),
                supports_on=_day(day, supports)))


def _day(day: Any, when: int | None) -> Any:
    return None if when is None else day(when)
