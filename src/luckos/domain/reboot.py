"""A 90-day reboot, any time: twelve weeks of dated checkpoints from the essay's sketch,
and a one-page post-mortem at the end.

Checkpoints done are kept on the reboot record as `KEY@YYYY-MM-DD` strings.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from luckos.domain.records import Reboot
from luckos.errors import Conflict, LuckError, NotFound

WEEKS = 12


@dataclasses.dataclass(frozen=True)
class Checkpoint:
    number: int
    key: str
    first_week: int
    last_week: int
    text: str


@dataclasses.dataclass(frozen=True)
class Block:
    first_week: int
    last_week: int
    title: str


BLOCKS: tuple[Block, ...] = (
    Block(1, 2, "Map the terrain and draft the two-pager"),
    Block(3, 4, "Land the first measurable improvement"),
    Block(5, 6, "Socialize the results and ask for the bigger bet"),
    Block(7, 8, "Expand the blast radius and automate the win"),
    Block(9, 12, "Tell the story, hand off, choose the next theme"),
)

_SKETCH = (
    ("terrain", 1, 2, "Map the terrain: who owns what, which metrics are red, which dates are "
     "immovable, which projects have executive oxygen"),
    ("shadow", 1, 2, "Shadow critical meetings"),
    ("dependency-graph", 1, 2, "Draw the dependency graph"),
    ("interview-users", 1, 2, "Interview two users"),
    ("theme", 1, 2, "Pick a theme that intersects a real deadline"),
    ("two-pager", 1, 2, "Draft the two-pager"),
    ("pre-wire", 3, 4, "Pre-wire the two-pager with three people who can change its fate"),
    ("first-improvement", 3, 4, "Land the first measurable improvement"),
    ("smallest-change", 3, 4, "Ship the smallest change that proves the direction"),
    ("socialize", 5, 6, "Socialize the results"),
    ("bigger-bet", 5, 6, "Ask for the bigger bet"),
    ("runbook", 5, 6, "Write the runbook or template"),
    ("expand", 7, 8, "Expand the blast radius"),
    ("automate", 7, 8, "Automate the win"),
    ("remove-meeting", 7, 8, "Remove one recurring meeting"),
    ("story", 9, 12, "Tell the story"),
    ("hand-off", 9, 12, "Hand off maintenance"),
    ("next-theme", 9, 12, "Choose the next theme"),
    ("post-mortem", 9, 12, "Write the one-page post-mortem"),
)
CHECKPOINTS: tuple[Checkpoint, ...] = tuple(
    Checkpoint(n, key, first, last, text)
    for n, (key, first, last, text) in enumerate(_SKETCH, start=1)
)
POSTMORTEM = "post-mortem"


def checkpoint(ref: str) -> Checkpoint:
    """A checkpoint by number (`3`) or key (`dependency-graph`)."""
    value = ref.strip().lower()
    for c in CHECKPOINTS:
        if value == c.key or value == str(c.number):
            return c
    raise NotFound(f"unknown checkpoint {ref!r}: use a number from 1 to {len(CHECKPOINTS)} "
                   "or a key such as dependency-graph (luck reboot status lists them)", where=ref)


def week_start(start: dt.date, week: int) -> dt.date:
    return start + dt.timedelta(weeks=week - 1)


def week_end(start: dt.date, week: int) -> dt.date:
    return start + dt.timedelta(weeks=week, days=-1)


def end_of(start: dt.date) -> dt.date:
    """The last day of week 12."""
    return week_end(start, WEEKS)


def week_of(start: dt.date, today: dt.date) -> int:
    """The week of the reboot `today` falls in: 0 before it starts, 13+ after week 12."""
    if today < start:
        return 0
    return (today - start).days // 7 + 1


def done_dates(reboot: Reboot) -> dict[str, dt.date]:
    found: dict[str, dt.date] = {}
    for item in reboot.done:
        key, _, day = item.partition("@")
        try:
            found[key] = dt.date.fromisoformat(day)
        except ValueError:
            continue
    if reboot.postmortem.strip() and reboot.ended_on:
        found[POSTMORTEM] = reboot.ended_on
    return found


@dataclasses.dataclass(frozen=True)
class CheckpointState:
    checkpoint: Checkpoint
    due: dt.date  # the last day of its weeks
    opens: dt.date
    done_on: dt.date | None
    state: str  # done, late, now, later


@dataclasses.dataclass(frozen=True)
class RebootStatus:
    reboot: Reboot
    today: dt.date
    week: int
    checkpoints: tuple[CheckpointState, ...]

    @property
    def start(self) -> dt.date:
        assert self.reboot.started_on is not None
        return self.reboot.started_on

    @property
    def end(self) -> dt.date:
        return end_of(self.start)

    @property
    def running(self) -> bool:
        return self.reboot.ended_on is None

    @property
    def done(self) -> int:
        return sum(1 for c in self.checkpoints if c.state == "done")

    @property
    def late(self) -> list[CheckpointState]:
        return [c for c in self.checkpoints if c.state == "late"]

    @property
    def phase(self) -> str:
        """ended, not-started (before week 1), running (weeks 1 to 12) or overrun (past
        week 12 and not ended)."""
        if not self.running:
            return "ended"
        if self.week == 0:
            return "not-started"
        return "running" if self.week <= WEEKS else "overrun"

    def current(self, block: Block) -> bool:
        """The block of weeks a running reboot is in today."""
        return self.running and block.first_week <= self.week <= block.last_week

    @property
    def asks_for_postmortem(self) -> bool:
        """From week 12 on, a running reboot asks for its one-page post-mortem."""
        return self.running and self.week >= WEEKS and not self.reboot.postmortem.strip()


def status(reboot: Reboot, today: dt.date) -> RebootStatus:
    assert reboot.started_on is not None
    start = reboot.started_on
    from luckos.dates import DATE_RANGE, in_range

    if not in_range(start):  # stored before dates were checked: its weeks cannot be dated
        raise LuckError(f"reboot rb{reboot.id} starts on {start}, outside {DATE_RANGE}: "
                        f"correct it with luck reboot edit rb{reboot.id} --started DATE")
    finished = done_dates(reboot)
    states = []
    for c in CHECKPOINTS:
        due = week_end(start, c.last_week)
        opens = week_start(start, c.first_week)
        done_on = finished.get(c.key)
        if done_on is not None:
            state = "done"
        elif today > due:
            state = "late"
        elif today >= opens:
            state = "now"
        else:
            state = "later"
        states.append(CheckpointState(c, due, opens, done_on, state))
    return RebootStatus(reboot, today, week_of(start, today), tuple(states))


def start(running: Reboot | None, latest_end: dt.date | None, on: dt.date) -> None:
    """Refuse a second reboot while one runs, or one that starts before the last ended."""
    if running is not None:
        assert running.started_on is not None
        week = week_of(running.started_on, on)
        where = f"week {week} of {WEEKS}" if 1 <= week <= WEEKS else "past week 12"
        raise Conflict(
            f"a reboot is already running (rb{running.id}, started {running.started_on}, "
            f"{where}): finish it with `luck reboot postmortem` or `luck reboot stop`",
            where=f"rb{running.id}")
    if latest_end is not None and on <= latest_end:
        raise LuckError(f"the last reboot ended on {latest_end}; start the next one after it")


def mark(reboot: Reboot, ref: str, on: dt.date) -> tuple[Reboot, Checkpoint]:
    c = checkpoint(ref)
    if c.key == POSTMORTEM:
        raise LuckError("record the post-mortem with `luck reboot postmortem TEXT-OR-FILE`")
    if reboot.started_on and on < reboot.started_on:
        raise LuckError(f"{on} is before the reboot started ({reboot.started_on})")
    done = [d for d in reboot.done if d.partition("@")[0] != c.key]
    done.append(f"{c.key}@{on.isoformat()}")
    order = {x.key: x.number for x in CHECKPOINTS}
    done.sort(key=lambda d: order.get(d.partition("@")[0], 99))
    return dataclasses.replace(reboot, done=tuple(done)), c


def unmark(reboot: Reboot, ref: str) -> tuple[Reboot, Checkpoint]:
    c = checkpoint(ref)
    done = tuple(d for d in reboot.done if d.partition("@")[0] != c.key)
    if len(done) == len(reboot.done):
        raise LuckError(f"checkpoint {c.number} ({c.key}) is not marked done")
    return dataclasses.replace(reboot, done=done), c


EARLY_END = "ended early on"


def finish(reboot: Reboot, postmortem: str, on: dt.date, why: str = "") -> Reboot:
    """End a reboot with its post-mortem: after the twelve weeks, or before with a reason
    (kept in the note as "ended early on DATE (week N): WHY")."""
    if not postmortem.strip():
        raise LuckError("the post-mortem is empty: write the one page first")
    if reboot.started_on and on < reboot.started_on:
        raise LuckError(f"{on} is before the reboot started ({reboot.started_on})")
    note = reboot.note
    if reboot.started_on and week_of(reboot.started_on, on) < WEEKS:
        week = week_of(reboot.started_on, on)
        if not why.strip():
            raise LuckError(f"{on} is in week {week} of {WEEKS}: a post-mortem before week "
                            f"{WEEKS} needs the reason it ends early (--why)")
        note = f"{note}\n" if note else ""
        note += f"{EARLY_END} {on} (week {week}): {why.strip()}"
    return dataclasses.replace(reboot, postmortem=postmortem.strip(), ended_on=on, note=note)


def ended_early_without_reason(reboot: Reboot) -> int | None:
    """The week an ended reboot ended in, when that was before week 12 with no reason
    recorded (a stop or an early post-mortem writes one); else None. Catches records that
    came in by `luck import` or `luck reboot edit` rather than `luck reboot postmortem`."""
    if reboot.ended_on is None or reboot.started_on is None:
        return None
    week = week_of(reboot.started_on, reboot.ended_on)
    if week >= WEEKS or "stopped on" in reboot.note or EARLY_END in reboot.note:
        return None
    return week


def stop(reboot: Reboot, why: str, on: dt.date) -> Reboot:
    if not why.strip():
        raise LuckError("say why the reboot stops (--why): ending cleanly is part of it")
    if reboot.started_on and on < reboot.started_on:
        raise LuckError(f"{on} is before the reboot started ({reboot.started_on})")
    note = f"{reboot.note}\n" if reboot.note else ""
    return dataclasses.replace(reboot, ended_on=on, note=f"{note}stopped on {on}: {why.strip()}")
