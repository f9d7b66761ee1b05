"""The Staff-versus-manager pendulum: roles as three-year arcs.

"Year 1 learn the altitude, Year 2 compound the wins, Year 3 build a bench and a
successor. Then ask: is the bottleneck now different? Pendulum deliberately."
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from luckos.domain.fields import Problem
from luckos.domain.records import ARC_TRACKS, BOTTLENECKS, Arc
from luckos.errors import Invalid, LuckError

ARC_YEARS = 3
TRACK_NAMES = {"ic": "Staff/Principal IC", "manager": "manager"}
BOTTLENECK_NAMES = {
    "coordination": "coordination and hiring",
    "architecture": "architecture and hairy problems",
}
# Where the essay says the bigger lever is for each bottleneck.
LEVER = {"coordination": "manager", "architecture": "ic"}

YEARS: dict[int, tuple[str, str]] = {
    1: ("learn the altitude",
        "Learn to speak the role's code, system and business altitudes: who decides, which "
        "metrics matter, where the failure modes and the true owners are."),
    2: ("compound the wins",
        "Stack wins on the first year's: promises kept, metrics moved, documents people "
        "reuse. Fewer, more consequential bets."),
    3: ("build a bench and a successor",
        "Grow the people who can do this without you: sponsor them, hand off, name a "
        "successor. Then ask whether the bottleneck is now different."),
}
SCRIPTS = {
    "ic": ("The org bottleneck is architectural cohesion across surfaces X and Y. I propose I "
           "own the interface contracts, the migration plan, and the quality bar for the next "
           "two quarters. Here are the milestones and the blast radius management can expect "
           "me to carry."),
    "manager": ("We're missing hiring and guardrails in areas A and B. I propose a team "
                "charter, a paved path, and a staffing plan. Here are the onboarding assets I "
                "will create and the monthly health metrics I'll own."),
}
ENVIRONMENT_QUESTION = (
    "Can you earn scope without a title, and do real technical work with one? If not, the "
    "environment is constraining your leverage more than the ladder is."
)


def anniversary(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


@dataclasses.dataclass(frozen=True)
class ArcPosition:
    arc: Arc
    today: dt.date
    year: int  # 1, 2, 3; 4 or more once the arc is complete
    year_start: dt.date
    year_end: dt.date  # the day before the next anniversary

    @property
    def complete(self) -> bool:
        return self.year > ARC_YEARS

    @property
    def asks(self) -> tuple[str, str]:
        if self.complete:
            return ("ask whether the bottleneck is now different",
                    "The three-year arc is complete. Is the bottleneck now different? "
                    "Pendulum deliberately.")
        return YEARS[self.year]

    @property
    def day_of_year(self) -> int:
        return (self.today - self.year_start).days + 1

    @property
    def arc_end(self) -> dt.date:
        assert self.arc.started_on is not None
        return anniversary(self.arc.started_on, ARC_YEARS) - dt.timedelta(days=1)


def position(arc: Arc, today: dt.date) -> ArcPosition:
    assert arc.started_on is not None
    start = arc.started_on
    if today < start:
        return ArcPosition(arc, today, 0, start, anniversary(start, 1) - dt.timedelta(days=1))
    year = 1
    while anniversary(start, year) <= today:
        year += 1
    year_start = anniversary(start, year - 1)
    return ArcPosition(arc, today, year, year_start,
                       anniversary(start, year) - dt.timedelta(days=1))


def pendulum(arc: Arc) -> str | None:
    """What the bottleneck assessment says about the track, or None when not assessed."""
    if not arc.bottleneck:
        return None
    lever = LEVER[arc.bottleneck]
    name = BOTTLENECK_NAMES[arc.bottleneck]
    if lever == arc.track:
        return (f"the bottleneck is {name}: the {TRACK_NAMES[arc.track]} track is the "
                "bigger lever, so stay on it")
    return (f"the bottleneck is {name}: the {TRACK_NAMES[lever]} track may be the bigger "
            f"lever; the pendulum points toward {TRACK_NAMES[lever]}")


def check_track(track: str) -> str:
    value = track.strip().lower()
    if value not in ARC_TRACKS:
        raise Invalid(f"unknown arc track {track!r}: choose one of {', '.join(ARC_TRACKS)}",
                      where=track)
    return value


def check_bottleneck(bottleneck: str) -> str:
    value = bottleneck.strip().lower()
    for key, name in BOTTLENECK_NAMES.items():
        if value in (key, name, name.replace(" ", "-")):
            return key
    raise Invalid(f"unknown bottleneck {bottleneck!r}: choose one of "
                  f"{', '.join(BOTTLENECKS)}", where=bottleneck)


def start(current: Arc | None, on: dt.date) -> Arc | None:
    """Close the current arc the day before a new one starts (None when there is none)."""
    if current is None:
        return None
    assert current.started_on is not None
    if on <= current.started_on:
        raise LuckError(f"a new arc must start after the current one (ar{current.id}, "
                        f"started {current.started_on})")
    return dataclasses.replace(current, ended_on=on - dt.timedelta(days=1))


def arc_problems(a: Arc) -> list[Problem]:
    """A role arc's rules (see `luckos.domain.validate`)."""
    found = []
    if a.ended_on and a.started_on and a.ended_on < a.started_on:
        found.append(Problem("ended_on", f"end date {a.ended_on} is before the start "
                             f"({a.started_on})"))
    if a.assessed_on and a.started_on and a.assessed_on < a.started_on:
        found.append(Problem("assessed_on", f"assessment date {a.assessed_on} is before the "
                             f"start ({a.started_on})"))
    return found
