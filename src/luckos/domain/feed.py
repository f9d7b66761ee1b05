"""The calendar feed: the dates the operating loop runs on, as all-day events.

Decision windows and their prep deadlines, review dates of decisions, kill reviews of
projects, the monthly consequence update, the next due date of each explore cadence, the
weeks of a running 90-day reboot, and the years of the current role arc. Each event has
a key that depends only on the record (and, for a recurring window, the date of its
occurrence), so that importing a newer feed updates the events instead of duplicating
them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

from luckos.domain import arc as arcs
from luckos.domain import reboot as reboots
from luckos.domain.cadence import CadenceStatus
from luckos.domain.records import Arc, Decision, Project, Reboot, Theme
from luckos.domain.windows import WindowOccurrence


@dataclasses.dataclass(frozen=True)
class FeedEvent:
    key: str  # stable within a workspace: "w3", "w3-20261208-prep", "d4-review"
    on: dt.date  # an all-day event
    summary: str
    description: str
    category: str
    rrule: str | None = None  # an RFC 5545 recurrence rule, for the monthly update


def _window_key(o: WindowOccurrence) -> str:
    base = f"w{o.window.id}"
    return base if not o.window.recurrence else f"{base}-{o.on:%Y%m%d}"


def window_events(occurrences: Sequence[WindowOccurrence], today: dt.date) -> list[FeedEvent]:
    events = []
    for o in occurrences:
        w = o.window
        wants = [x for x, need in (("a two-pager", w.needs_brief), ("a 30-minute demo",
                                                                     w.needs_demo)) if need]
        missing = o.missing()
        state = ("ready" if not missing else "missing " + " and ".join(missing)) \
            + f" as of {today}"
        lines = [f"Decision window ({w.kind}), luckos w{w.id}.",
                 f"Prep due {o.prep_due}: {' and '.join(wants) or 'nothing asked'} ({state})."]
        if w.note:
            lines.append(w.note)
        events.append(FeedEvent(_window_key(o), o.on, f"{w.name} (decision window)",
                                "\n".join(lines), "decision window"))
        if wants and o.prep_due != o.on:
            events.append(FeedEvent(
                f"{_window_key(o)}-prep", o.prep_due, f"Prep due: {w.name}",
                f"{' and '.join(wants).capitalize()} ready for {w.name} on {o.on} ({state}). "
                f"Show up slightly before the window with a crisp, right-sized plan. "
                f"luck window show w{w.id}", "prep deadline"))
    return events


def decision_events(decisions: Sequence[Decision]) -> list[FeedEvent]:
    return [FeedEvent(
        f"d{d.id}-review", d.review_on, f"Review decision: {d.title}",
        f"What happened, and what did you do when the world disagreed? "
        f"luck decision close d{d.id} --outcome TEXT" + (
            f"\nExpected: {d.expected}" if d.expected else "")
        + ("\nReviewed: " + d.outcome if d.outcome else ""),
        "decision review") for d in decisions if d.review_on is not None]


def kill_review_events(projects: Sequence[Project], default_weeks: int) -> list[FeedEvent]:
    from luckos.domain.projects import closed, kill_review_date

    events = []
    for p in projects:
        day = kill_review_date(p, default_weeks)
        if day is None or closed(p):
            continue
        events.append(FeedEvent(
            f"pj{p.id}-kill-review", day, f"Kill review: {p.name}",
            "Stakeholder enthusiasm, a measurable signal, a safe landing path? Continue, or "
            f"pause it publicly and explain why. luck project review pj{p.id}",
            "kill review"))
    return events


def consequence_event(themes: Sequence[Theme], grace_days: int) -> list[FeedEvent]:
    starts = [t.started_on for t in themes if t.started_on is not None]
    if not starts:
        return []
    first = min(starts).replace(day=1)
    names = ", ".join(t.label for t in themes[:4])
    return [FeedEvent(
        "consequence-update", first, "Consequence update: three numbers per theme",
        f"Customer value, reliability/safety, speed/cost for {names}, with two sentences "
        f"of narrative each (due by day {max(grace_days, 1)} of the month). "
        "luck review --month", "consequence update", rrule="FREQ=MONTHLY;BYMONTHDAY=1")]


_CADENCE_KEYS = {"explore entry": ("explore", "Explore weekend due"),
                 "talk": ("talk", "Talk due"),
                 "paper reproduction or teardown": ("paper", "Paper reproduction or teardown due")}


def cadence_events(statuses: Sequence[CadenceStatus]) -> list[FeedEvent]:
    """"Put the explore loop on the calendar first": each cadence's next due date, or
    today when it is already behind. One key per cadence, so a newer feed moves the event
    to the new date instead of adding one."""
    events = []
    for st in statuses:
        key, summary = _CADENCE_KEYS.get(st.name,
                                         (st.name.replace(" ", "-"),
                                          f"{st.name.capitalize()} due"))
        if st.last is None:
            state = f"None yet: {st.essay}."
        else:
            title = f" ({st.title})" if st.title else ""
            late = f", due {st.due_on}: behind" if st.behind else ""
            state = (f"Last kept by {st.ref}{title} on {st.last}{late}. Next by "
                     f"{max(st.due_on, st.today)}: {st.essay}.")
        events.append(FeedEvent(f"cadence-{key}", max(st.due_on, st.today),
                                f"{summary} ({st.essay})",
                                f"{state} luck explore cadence", "explore cadence"))
    return events


def reboot_events(reboot: Reboot | None) -> list[FeedEvent]:
    from luckos.dates import in_range

    # a start stored out of range cannot be dated (`luck check` names it)
    if reboot is None or reboot.started_on is None or not in_range(reboot.started_on):
        return []
    start = reboot.started_on
    assert start is not None
    events = []
    for block in reboots.BLOCKS:
        end = reboots.week_end(start, block.last_week)
        todo = [c.text for c in reboots.CHECKPOINTS if c.first_week == block.first_week]
        events.append(FeedEvent(
            f"rb{reboot.id}-weeks-{block.first_week}-{block.last_week}", end,
            f"90-day reboot, weeks {block.first_week}-{block.last_week} end: {block.title}",
            "By today: " + "; ".join(todo) + ". luck reboot status", "90-day reboot"))
    return events


def arc_events(arc: Arc | None) -> list[FeedEvent]:
    if arc is None or arc.started_on is None:
        return []
    events = []
    for year in range(2, arcs.ARC_YEARS + 2):
        day = arcs.anniversary(arc.started_on, year - 1)
        if year <= arcs.ARC_YEARS:
            title, detail = arcs.YEARS[year]
            summary = f"Arc year {year} begins: {title}"
        else:
            summary, detail = ("Three-year arc complete: is the bottleneck now different?",
                               "Pendulum deliberately. luck arc assess")
        events.append(FeedEvent(f"ar{arc.id}-year-{year}", day, summary,
                                f"{arc.role} ({arc.track}). {detail}", "role arc"))
    return events


def in_range(events: Sequence[FeedEvent], start: dt.date, end: dt.date) -> list[FeedEvent]:
    """Single events dated within [start, end]; recurring events are always kept."""
    return sorted((e for e in events if e.rrule or start <= e.on <= end),
                  key=lambda e: (e.on, e.key))
