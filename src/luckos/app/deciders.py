"""Time with the people who decide: the calendar audit read against the pre-wire records
(who decides or vetoes each upcoming window, and who sponsors you)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from luckos.errors import LuckError
from luckos.workspace import Workspace

if TYPE_CHECKING:
    from luckos.app.calendar import Report
    from luckos.calendar.deciders import DecidersTime, KeptQuarters, Target


def targets(ws: Workspace, today: dt.date) -> tuple[list[Target], dict[int, dt.date]]:
    """The people who count (deciders of upcoming windows, sponsors) and the windows
    within their prep lead (id -> prep deadline)."""
    store = ws.store
    if not store.count("person"):  # (counted: the person records' class is not built)
        return [], {}
    people = store.all("person")
    from luckos.calendar.deciders import Target
    from luckos.domain import windows
    from luckos.domain.people import DECIDING_ROLES, matching

    active = {w.id: w for w in store.windows_active(today)}
    ahead = windows.upcoming(list(active.values()), [], today,
                             ws.config.thresholds.window_horizon_days)
    upcoming = {o.window.id: o for o in reversed(ahead)}  # the soonest date of each
    in_prep = {wid: o.prep_due for wid, o in upcoming.items()
               if wid is not None and o.prep_due <= today <= o.on}
    roles: dict[int, list[tuple[int, str, str]]] = {}
    sponsors: set[int] = set()
    from luckos.app.people import current_stakeholders

    for s in current_stakeholders(ws, today):
        if s.sponsor and s.person_id is not None:
            sponsors.add(s.person_id)
        if (s.role in DECIDING_ROLES and s.window_id in upcoming and s.window_id is not None
                and s.person_id is not None):
            roles.setdefault(s.person_id, []).append(
                (s.window_id, active[s.window_id].name, s.role))
    for sponsor in store.all("sponsor"):
        found = matching(people, sponsor.person)
        if len(found) == 1 and found[0].id is not None:
            sponsors.add(found[0].id)
    found_targets = [Target(p, tuple(roles.get(p.id or 0, ())), (p.id or 0) in sponsors)
                     for p in people if (p.id or 0) in roles or (p.id or 0) in sponsors]
    return found_targets, in_prep


def for_report(ws: Workspace, report: Report, today: dt.date) -> DecidersTime | None:
    """Time with deciders over the audit's weeks; None when nobody is recorded as deciding
    an upcoming window or sponsoring you."""
    found, in_prep = targets(ws, today)
    if not found:
        return None
    from luckos.calendar.deciders import deciders_time

    status = frozenset(s.uid for s in report.findings.status_theater)
    return deciders_time(report.audit, status, found, ws.store.all("person"), today, in_prep)


def kept(ws: Workspace, today: dt.date, report: Report | None = None,
         shown: DecidersTime | None = None) -> KeptQuarters:
    """Hours with the people who decide (as named today) by quarter, over the calendar
    audits kept in the workspace, each day once (from the newest audit covering it).

    `report` and `shown`: a re-audit of a kept import and its time with deciders, reused
    for that import's days rather than computed again (see `calendar.kept_days`)."""
    from luckos.app.calendar import kept_days
    from luckos.calendar.deciders import kept_quarters, over

    found, _ = targets(ws, today)
    if not found:
        return kept_quarters([])
    people = ws.store.all("person")
    parts = []
    for import_id, span, counted, me in kept_days(ws, report):
        if shown is not None and report is not None and counted is report.audit.counted:
            parts.append((import_id, span, shown))
        else:
            parts.append((import_id, span,
                          over(counted, me, 0.0, frozenset(), found, people, today, {})))
    return kept_quarters(parts)


def required(ws: Workspace, report: Report, today: dt.date) -> DecidersTime:
    """`for_report`, refusing what cannot be answered (for `luck calendar deciders`)."""
    result = for_report(ws, report, today)
    if result is None:
        raise LuckError("nobody is recorded as deciding an upcoming window or sponsoring you: "
                        "luck window stakeholders W add PERSON --role decides, or luck "
                        "sponsor add PERSON")
    if not result.computable:
        raise LuckError(result.reason)
    return result


def kept_json(k: KeptQuarters) -> dict[str, Any]:
    return {
        "audits": k.audits,
        "without_attendees": [f"calendar import {i}" for i in k.without_attendees],
        "quarters": [{"quarter": q, "days_kept": n, "days": total,
                      "hours": round(k.hours(q), 2)} for q, n, total in k.quarters],
        "people": [{"person": f"pe{p.id}", "name": p.name,
                    "quarters": [{"quarter": q, "hours": round(h, 2)}
                                 for q, h in sorted(hours.items())]}
                   for p, hours in k.people],
    }


def as_json(d: DecidersTime, kept: KeptQuarters | None = None) -> dict[str, Any]:
    data = _json(d)
    if kept is not None:
        data["kept_audits"] = kept_json(kept)
    return data


def _json(d: DecidersTime) -> dict[str, Any]:
    return {
        "computable": d.computable,
        "reason": d.reason or None,
        "weeks": round(d.weeks, 1),
        "hours": round(d.hours, 2),
        "status_hours": round(d.status_hours, 2),
        "people": [{
            "person": f"pe{t.target.person.id}", "name": t.target.person.name,
            "windows": [{"window": f"w{w}", "role": role} for w, _, role in t.target.windows],
            "sponsor": t.target.sponsor, "meetings": t.meetings,
            "hours": round(t.hours, 2), "one_to_one_hours": round(t.one_to_one_hours, 2),
            "group_hours": round(t.group_hours, 2), "status_hours": round(t.status_hours, 2),
            "hours_per_week": round(t.hours / d.weeks, 2) if d.weeks else 0.0,
            "last_met": t.last_met.isoformat() if t.last_met else None,
            "quarters": [{"quarter": q, "hours": round(h, 2)}
                         for q, h in sorted(t.quarters.items())],
        } for t in d.people],
        "windows": [{"window": f"w{w.window_id}", "name": w.name, "hours": round(w.hours, 2),
                     "deciders": w.deciders, "deciders_met": w.deciders_met}
                    for w in d.windows],
        "ambiguous": [{"attendee": a.attendee, "could_be": list(a.people),
                       "meetings": a.meetings} for a in d.ambiguous],
        "findings": list(d.findings),
    }
