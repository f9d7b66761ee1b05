"""`luck check`'s invariants of influence without drama: the deciders of a window in its
prep lead have the brief, objections are handled within days, sponsors hear from you.

Pure functions of plain data and `today`, like `luckos.domain.invariants`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from luckos.domain.checks import Item, Result, broken, not_checked, ok, plural, refs

if TYPE_CHECKING:  # the people rules are loaded only when there is someone to judge
    from typing import Protocol

    from luckos.domain.people import Person, Prewire, Stakeholder

    class Sponsor(Protocol):
        """What sponsor-contact reads of a sponsor (`luckos.domain.records.Sponsor`, or
        its start alone when no person is recorded)."""

        @property
        def id(self) -> int | None: ...
        @property
        def person(self) -> str: ...
        @property
        def since(self) -> dt.date | None: ...


def prewire_brief(in_prep: Sequence[Prewire], today: dt.date, *,
                  any_stakeholders: bool) -> Result:
    """Each window within its prep lead: everyone who decides or vetoes has the brief."""
    id_ = "prewire-brief"
    if not any_stakeholders:
        return not_checked(id_, "no stakeholders recorded",
                           "name who decides each window's ask: luck window stakeholders W "
                           "add PERSON --role decides")
    from luckos.domain.people import DECIDING_ROLES

    missing = [(p, line) for p in in_prep for line in p.lines
               if line.stakeholder.role in DECIDING_ROLES
               and line.stakeholder.brief_sent_on is None]
    if missing:
        items = [Item(f"sh{line.stakeholder.id}", f"{line.person.name} ({line.stakeholder.role}"
                      f") has no brief for {p.subject} {p.name}, prep due "
                      f"{p.prep_due}") for p, line in missing]
        return broken(
            id_, f"{plural(len(missing), 'decider')} of a window within its prep lead "
            f"without the brief: {refs(items)}",
            "send the two-pager privately before the meeting, then record it: luck window "
            "stakeholders W brief PERSON", items)
    if in_prep:
        return ok(id_, f"every decider of {plural(len(in_prep), 'window')} within the prep "
                  "lead has the brief")
    return ok(id_, "no window with stakeholders is within its prep lead")


def objection_open(stakeholders: Sequence[Stakeholder], people: Sequence[Person],
                   today: dt.date, *, max_days: int, past: int = 0) -> Result:
    """No objection raised more than `max_days` ago is still without an answer.
    `stakeholders` are as they stand today; `past` counts the objections recorded for
    recurring windows' past dates, which are history and not judged."""
    id_ = "objection-open"
    raised = [s for s in stakeholders if s.objection]
    if not raised:
        found = (f"no objections for the current dates ({plural(past, 'objection')} "
                 "recorded for past dates)" if past else "no objections recorded")
        return not_checked(id_, found,
                           "solicit objections privately, then record them: luck "
                           "window|decision stakeholders ID objection PERSON TEXT")
    from luckos.domain.people import open_objection, subject_of

    names = {p.id: p.name for p in people}
    late = [s for s in raised if open_objection(s) and s.objection_on is not None
            and (today - s.objection_on).days > max_days]
    if late:
        items = [Item(f"sh{s.id}", f"{names.get(s.person_id, f'pe{s.person_id}')} on "
                      f"{subject_of(s)}, raised {s.objection_on} "
                      f"({(today - s.objection_on).days} days ago): {s.objection}")
                 for s in late if s.objection_on]
        return broken(
            id_, f"{plural(len(late), 'objection')} open more than {max_days} days: "
            f"{refs(items)}",
            "incorporate the sharp ones, answer or decline the rest, and say so: luck "
            "window|decision stakeholders ID handled PERSON incorporated|answered|declined "
            "--how TEXT", items)
    still = sum(1 for s in raised if open_objection(s))
    return ok(id_, f"{plural(len(raised), 'objection')} recorded, {still} open, none older "
              f"than {max_days} days")


def sponsor_contact(sponsors: Sequence[Sponsor], people: Sequence[Person],
                    stakeholders: Sequence[Stakeholder], met: Mapping[str, dt.date],
                    today: dt.date, *, max_days: int) -> Result:
    """Each sponsor heard from you within `max_days`: a meeting in the kept calendar (by
    address), a brief, a meeting or an answer recorded in a pre-wire, or since they
    became your sponsor."""
    id_ = "sponsor-contact"
    if not sponsors:
        return not_checked(id_, "no sponsors recorded",
                           "name who stakes reputation for you: luck sponsor add PERSON")
    if people:  # with no one recorded, no sponsor names a person: the rules are not loaded
        from luckos.domain.people import last_contact, matching

    stale = []
    for sponsor in sponsors:
        dates = [d for d in (sponsor.since,) if d and d <= today]
        found = matching(people, sponsor.person) if people else []
        if len(found) == 1:
            person = found[0]
            dates += [d for s in stakeholders if s.person_id == person.id
                      for d in (last_contact(s),) if d and d <= today]
            dates += [met[e.casefold()] for e in person.emails if e.casefold() in met]
        last = max(dates) if dates else None
        if last is None or (today - last).days > max_days:
            stale.append((sponsor, last))
    if stale:
        items = [Item(f"sp{s.id}", f"{s.person}: " + (f"last contact {last} "
                                                      f"({(today - last).days} days ago)"
                                                      if last else "no contact recorded"))
                 for s, last in stale]
        return broken(
            id_, f"{plural(len(stale), 'sponsor')} with no contact in {max_days} days: "
            f"{refs(items)}",
            "book time with them and bring the number that moved; sponsors back what they "
            "have seen lately", items)
    return ok(id_, f"every sponsor ({len(sponsors)}) contacted within {max_days} days")
