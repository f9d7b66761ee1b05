"""People, and who has to say yes to a window's ask.

"Circulate a two-page brief early ... Solicit objections privately, incorporate the sharp
ones, and call out unresolved trade-offs explicitly. People trust what they helped
shape." (Influence Without Drama)

A person is one record, whatever roles they play: a sponsor, someone on the bench, the
recipient of a promise, a stakeholder of a window. Sponsors, bench entries and promises
keep the name as text (what the user typed); `matches` is the one place that says which
person a name or an address means, case-insensitively, by name, alias or email.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Sequence

from luckos.domain.fields import Problem, RecordBase
from luckos.domain.fields import describe as _f
from luckos.errors import LuckError, NotFound

STAKEHOLDER_ROLES = ("decides", "vetoes", "implements", "affected")
DECIDING_ROLES = ("decides", "vetoes")
HANDLINGS = ("incorporated", "answered", "declined")


@dataclasses.dataclass(frozen=True, slots=True, eq=False, repr=False)
class Person(RecordBase):
    """Someone you work with: one record for every role they play."""

    id: int | None = None
    name: str = _f(help="their name", required=True)
    emails: tuple[str, ...] = _f("list", "an email address (repeat)", flag="email")
    aliases: tuple[str, ...] = _f("list", "another name they go by, e.g. a display name "
                                  "in calendar invites (repeat)", flag="alias")
    note: str = _f(help="a free note", default="")


@dataclasses.dataclass(frozen=True, slots=True, eq=False, repr=False)
class Stakeholder(RecordBase):
    """A person's role in the ask of a window or in a decision (one of the two), and where
    the pre-wire stands with them.

    A window's pre-wire belongs to one date of the window (`occurrence`): once a
    recurring window has met on or after that date, its next date starts with the same
    stakeholders and fresh states, and this row stays as the history of the date it was
    for."""

    id: int | None = None
    window_id: int | None = _f("ref:window", "the decision window", flag="window",
                               cascade=True)
    decision_id: int | None = _f("ref:decision", "the decision", flag="decision",
                                 cascade=True)
    person_id: int | None = _f("ref:person", "the person", required=True, flag="person")
    role: str = _f("choice", "decides, vetoes, implements or affected", required=True,
                   choices=STAKEHOLDER_ROLES)
    sponsor: bool = _f("bool", "they sponsor the ask", default=False)
    occurrence: dt.date | None = _f("date", "the window date this pre-wire is for",
                                    flag="occurrence")
    brief_sent_on: dt.date | None = _f("date", "when they were sent the brief",
                                       flag="brief-sent")
    met_on: dt.date | None = _f("date", "when you met them about it", flag="met")
    objection: str = _f(help="the objection they raised", default="")
    objection_on: dt.date | None = _f("date", "when they raised it", flag="objection-on")
    handled: str = _f("choice", "how the objection was handled", default="",
                      choices=HANDLINGS)
    handled_how: str = _f(help="how: what changed, what you answered, why you declined",
                          default="", flag="how")
    handled_on: dt.date | None = _f("date", "when it was handled", flag="handled-on")
    supports_on: dt.date | None = _f("date", "when they said they support it",
                                     flag="supports")


# --- matching ------------------------------------------------------------------------------


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def matches(person: Person, text: str) -> bool:
    """Whether `text` names this person: their name, an alias or an email address, in any
    case, with runs of spaces as one."""
    key = _key(text)
    if not key:
        return False
    return key in {_key(n) for n in (person.name, *person.aliases, *person.emails)}


def matching(people: Iterable[Person], text: str) -> list[Person]:
    return [p for p in people if matches(p, text)]


def resolve(people: Sequence[Person], text: str) -> Person:
    """The one person `text` names (a short id like pe3, a name, an alias or an email);
    a LuckError when none or several do."""
    stripped = text.strip()
    if stripped[:2].lower() == "pe" and stripped[2:].isdigit():
        rid = int(stripped[2:])
        for person in people:
            if person.id == rid:
                return person
        raise NotFound(f"no person {stripped.lower()} (see luck person list)",
                       where=stripped.lower())
    found = matching(people, stripped)
    if not found:
        raise NotFound(f"no person named {stripped!r} (add them: luck person add "
                       f"{stripped!r}, or see luck person list)", where=stripped)
    if len(found) > 1:
        listed = ", ".join(f"pe{p.id} {p.name}" for p in found)
        raise LuckError(f"{stripped!r} matches {len(found)} people ({listed}); use the id, "
                        "or merge them: luck person merge KEEP OTHER")
    return found[0]


@dataclasses.dataclass(frozen=True)
class AttendeeMatch:
    """Who an attendee of a meeting is: one person, several (ambiguous), or nobody."""

    people: tuple[Person, ...]
    by: str  # "email", "name" or ""

    @property
    def person(self) -> Person | None:
        return self.people[0] if len(self.people) == 1 else None

    @property
    def ambiguous(self) -> bool:
        return len(self.people) > 1


class Index:
    """People by the keys they answer to, for matching many attendees at once."""

    def __init__(self, people: Iterable[Person]) -> None:
        self.by_email: dict[str, list[Person]] = {}
        self.by_name: dict[str, list[Person]] = {}
        for person in people:
            for email in person.emails:
                _put(self.by_email, _key(email), person)
            for text in (person.name, *person.aliases, *person.emails):
                _put(self.by_name, _key(text), person)

    def attendee(self, email: str, name: str) -> AttendeeMatch:
        """An attendee by email first, then by display name; never a guess between two."""
        if email:
            found = self.by_email.get(_key(email))
            if found:
                return AttendeeMatch(tuple(found), "email")
        if name:
            found = self.by_name.get(_key(name))
            if found:
                return AttendeeMatch(tuple(found), "name")
        return AttendeeMatch((), "")


def _put(index: dict[str, list[Person]], key: str, person: Person) -> None:
    if not key:
        return
    found = index.setdefault(key, [])
    if all(p is not person for p in found):
        found.append(person)


def match_attendee(people: Sequence[Person], email: str, name: str) -> AttendeeMatch:
    """An attendee by email first, then by display name; never a guess between two."""
    return Index(people).attendee(email, name)


def new_people(names: Iterable[str], people: Sequence[Person]) -> list[str]:
    """The names (first spelling kept, in order) that no person matches yet."""
    seen: set[str] = set()
    out = []
    for name in names:
        key = _key(name)
        if not key or key in seen or matching(people, name):
            continue
        seen.add(key)
        out.append(" ".join(name.split()))
    return out


def merged(keep: Person, other: Person) -> Person:
    """`keep` with `other`'s name, aliases and emails added (no repeats, any case)."""
    aliases = list(keep.aliases)
    for alias in (other.name, *other.aliases):
        if _key(alias) != _key(keep.name) and _key(alias) not in {_key(a) for a in aliases}:
            aliases.append(alias)
    emails = list(keep.emails)
    for email in other.emails:
        if _key(email) not in {_key(e) for e in emails}:
            emails.append(email)
    note = "\n".join(n for n in (keep.note, other.note) if n)
    return dataclasses.replace(keep, aliases=tuple(aliases), emails=tuple(emails), note=note)


# --- the pre-wire ----------------------------------------------------------------------------

STATES = ("not contacted", "brief sent", "met", "objection raised", "objection handled",
          "supports")


def state(s: Stakeholder) -> str:
    """Where the pre-wire stands with one stakeholder: the furthest step reached."""
    if s.supports_on:
        return "supports"
    if s.objection and s.handled:
        return "objection handled"
    if s.objection:
        return "objection raised"
    if s.met_on:
        return "met"
    if s.brief_sent_on:
        return "brief sent"
    return "not contacted"


def _not_before(what: str, on: dt.date, earlier: dt.date | None, earlier_what: str) -> None:
    if earlier and on < earlier:
        raise LuckError(f"{what} on {on} is before {earlier_what} on {earlier}")


def send_brief(s: Stakeholder, on: dt.date) -> Stakeholder:
    return dataclasses.replace(s, brief_sent_on=on)


def meet(s: Stakeholder, on: dt.date) -> Stakeholder:
    return dataclasses.replace(s, met_on=on)


def raise_objection(s: Stakeholder, text: str, on: dt.date) -> Stakeholder:
    """A new objection; one still open must be handled first (its answer would be lost)."""
    text = " ".join(text.split())
    if not text:
        raise LuckError("the objection is empty: say what they objected to")
    if s.objection and not s.handled:
        raise LuckError(f"an objection is still open ({s.objection!r}, raised "
                        f"{s.objection_on}); record how it was handled first")
    return dataclasses.replace(s, objection=text, objection_on=on, handled="",
                               handled_how="", handled_on=None)


def handle_objection(s: Stakeholder, handling: str, how: str, on: dt.date) -> Stakeholder:
    if handling not in HANDLINGS:
        raise LuckError(f"handled {handling!r}: must be one of {', '.join(HANDLINGS)}")
    if not s.objection:
        raise LuckError("no objection recorded to handle (record it first: objection)")
    how = " ".join(how.split())
    if not how:
        raise LuckError(f"say how it was {handling} (--how TEXT)")
    _not_before("handled", on, s.objection_on, "the objection")
    return dataclasses.replace(s, handled=handling, handled_how=how, handled_on=on)


def support(s: Stakeholder, on: dt.date) -> Stakeholder:
    if s.objection and not s.handled:
        raise LuckError(f"an objection is still open ({s.objection!r}); record how it was "
                        "handled first")
    return dataclasses.replace(s, supports_on=on)


def has_brief(s: Stakeholder) -> bool:
    return s.brief_sent_on is not None


def open_objection(s: Stakeholder) -> bool:
    return bool(s.objection) and not s.handled


def last_contact(s: Stakeholder) -> dt.date | None:
    dates = [d for d in (s.brief_sent_on, s.met_on, s.objection_on, s.handled_on,
                         s.supports_on) if d]
    return max(dates) if dates else None


@dataclasses.dataclass(frozen=True)
class PrewireLine:
    """One stakeholder on the pre-wire map."""

    stakeholder: Stakeholder
    person: Person
    state: str
    missing: tuple[str, ...]  # what is still to do before the prep deadline

    @property
    def since(self) -> dt.date | None:
        """The date of the step the state names (supports, handled, objection, met, brief)."""
        s = self.stakeholder
        return next((d for d in (s.supports_on, s.handled_on, s.objection_on, s.met_on,
                                 s.brief_sent_on) if d), None)

    def objection_age(self, today: dt.date) -> int | None:
        """Days since the objection was raised, when it has a date."""
        on = self.stakeholder.objection_on
        return None if on is None else (today - on).days


@dataclasses.dataclass(frozen=True)
class Prewire:
    """The pre-wire map of one window date, or of one decision."""

    subject: str  # "w3" or "d2"
    name: str
    on: dt.date | None  # the next date of the window, the decision's date (None: none)
    prep_due: dt.date | None  # a window's prep deadline (None for a decision)
    lines: tuple[PrewireLine, ...]
    history: tuple[tuple[dt.date, tuple[PrewireLine, ...]], ...] = ()  # past dates, newest first

    def days_to_prep(self, today: dt.date) -> int | None:
        """Days from today to the prep deadline (negative: past it)."""
        return None if self.prep_due is None else (self.prep_due - today).days

    @property
    def with_brief(self) -> int:
        return sum(1 for line in self.lines if has_brief(line.stakeholder))

    @property
    def objections_open(self) -> list[PrewireLine]:
        return [line for line in self.lines if open_objection(line.stakeholder)]

    def summary(self) -> str:
        """"3 of 4 stakeholders have the brief; 1 objection open"."""
        if not self.lines:
            return "no stakeholders recorded"
        n = len(self.lines)
        opened = len(self.objections_open)
        objections = (f"{opened} objection{'s' if opened != 1 else ''} open" if opened
                      else "no objection open")
        noun = "stakeholder has" if n == 1 else "stakeholders have"
        return f"{self.with_brief} of {n} {noun} the brief; {objections}"


def _missing(s: Stakeholder) -> tuple[str, ...]:
    out = []
    if not s.brief_sent_on:
        out.append("send the brief")
    if s.role in DECIDING_ROLES and not s.met_on:
        out.append("meet them")
    if open_objection(s):
        out.append("handle the objection")
    return tuple(out)


def subject_of(s: Stakeholder) -> str:
    """`w3` or `d2`: what the stakeholder has a say in."""
    return f"w{s.window_id}" if s.window_id is not None else f"d{s.decision_id}"


def is_past(s: Stakeholder, last: dt.date | None) -> bool:
    """The row is the pre-wire of a window date that has passed: `last` is the window's
    latest date before its next one (None: a window that does not recur, or a decision).
    A row dated after `last` is still current, even if that day is behind: the window was
    moved, and the meeting the row prepares has not taken place."""
    return last is not None and s.occurrence is not None and s.occurrence <= last


def fresh(s: Stakeholder) -> Stakeholder:
    """The same person in the same role, for the next date: nothing done yet."""
    return Stakeholder(id=s.id, window_id=s.window_id, decision_id=s.decision_id,
                       person_id=s.person_id, role=s.role, sponsor=s.sponsor)


def current(stakeholders: Iterable[Stakeholder], last: dt.date | None = None
            ) -> tuple[list[Stakeholder], list[Stakeholder]]:
    """(the pre-wire as it stands, the rows of past dates), per subject and person.

    `last`: the recurring window's latest date before its next one (see `is_past`). A
    person whose rows are all of past dates stands fresh for the next date (`fresh`),
    and those rows are history. Without it (a window that does not recur, a decision)
    the latest row of each person stands as it was."""
    groups: dict[tuple[str, int | None], list[Stakeholder]] = {}
    for s in stakeholders:
        groups.setdefault((subject_of(s), s.person_id), []).append(s)
    now: list[Stakeholder] = []
    past: list[Stakeholder] = []
    for rows in groups.values():
        rows.sort(key=lambda s: (s.occurrence or dt.date.max, s.id or 0))
        live = [s for s in rows if not is_past(s, last)]
        if live:
            now.append(live[-1])
            past.extend(s for s in rows if s is not live[-1])
        else:
            now.append(fresh(rows[-1]))
            past.extend(rows)
    return now, past


def _ordered(stakeholders: Iterable[Stakeholder], by_id: dict[int | None, Person]
             ) -> tuple[PrewireLine, ...]:
    order = {role: i for i, role in enumerate(STAKEHOLDER_ROLES)}
    return tuple(
        PrewireLine(s, by_id[s.person_id], state(s), _missing(s))
        for s in sorted(stakeholders, key=lambda s: (order.get(s.role, 9), s.id or 0))
        if s.person_id in by_id)


def prewire(subject: str, name: str, on: dt.date | None, prep_due: dt.date | None,
            stakeholders: Sequence[Stakeholder], people: Sequence[Person],
            last: dt.date | None = None) -> Prewire:
    """The pre-wire map of one subject (`w3` or `d2`) from all its rows: the current
    date's states, and each past date's as history (see `current`)."""
    by_id: dict[int | None, Person] = {p.id: p for p in people}
    mine = [s for s in stakeholders if subject_of(s) == subject]
    now, past = current(mine, last)
    dates: dict[dt.date, list[Stakeholder]] = {}
    for s in past:
        if s.occurrence is not None:
            dates.setdefault(s.occurrence, []).append(s)
    history = tuple((day, _ordered(rows, by_id))
                    for day, rows in sorted(dates.items(), reverse=True))
    return Prewire(subject, name, on, prep_due, _ordered(now, by_id), history)


# --- validation (one place for the CLI, `luck import` and any later face) ------------------


def clash(person: Person, others: Iterable[Person]) -> str | None:
    """Why `person` cannot be kept beside `others`: a name, alias or email another person
    already answers to (people are matched case-insensitively, so two would be a guess)."""
    for other in others:
        if other.id == person.id:
            continue
        for text in (person.name, *person.aliases, *person.emails):
            if matches(other, text):
                return (f"{text!r} already names pe{other.id} {other.name}; add it there "
                        f"(luck person edit pe{other.id}) or merge them (luck person merge)")
    return None


def stakeholder_problems(s: Stakeholder) -> list[Problem]:
    """A stakeholder's rules (see `luckos.domain.validate`)."""
    found = []
    if (s.window_id is None) == (s.decision_id is None):
        found.append(Problem("", "a stakeholder has a say in one window or one decision: "
                             "give window_id or decision_id, not both or neither"))
    if s.decision_id is not None and s.occurrence is not None:
        found.append(Problem("occurrence", "a decision's stakeholder has no window date "
                             "(occurrence)"))
    if s.handled and not s.objection:
        found.append(Problem("objection", "an objection handled needs the objection itself "
                             "(--objection)"))
    if s.handled and not s.handled_how.strip():
        found.append(Problem("handled_how", f"say how the objection was {s.handled} (--how)"))
    if s.handled_on and s.objection_on and s.handled_on < s.objection_on:
        found.append(Problem("handled_on", f"handled on {s.handled_on} is before the "
                             f"objection on {s.objection_on}"))
    return found
