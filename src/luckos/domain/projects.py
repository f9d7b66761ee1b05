"""Projects: the seven quiet heuristics, and killing things early.

Each heuristic is scored 0 (no), 1 (partly) or 2 (yes), so a project scores out of 14.
The kill review comes "after a few weeks": without stakeholder enthusiasm, a measurable
signal and a safe landing path, the essay says pause it publicly and explain why.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from luckos.domain.fields import Problem, ValueBase
from luckos.domain.records import HEURISTIC_SCORES, Project
from luckos.errors import Conflict, Invalid, LuckError


@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class Heuristic(ValueBase):
    """One of the essay's project heuristics: the field scoring it, its number, its words
    and what to do when a project scores low on it."""

    field: str
    number: int
    rule: str  # the essay's words
    low: str  # what to do when it scores low


HEURISTICS: tuple[Heuristic, ...] = (
    Heuristic("five_minute_demo", 1,
              "If success can be demoed in five minutes, executives understand it.",
              "cut the scope until success fits a five-minute demo"),
    Heuristic("deletes_meetings", 2, "Prefer work that deletes future meetings.",
              "name the recurring meeting this project makes unnecessary"),
    Heuristic("mechanism", 3,
              "Favor mechanisms over heroics: runbooks, templates, paved paths.",
              "turn the heroics into a runbook, a template or a paved path"),
    Heuristic("disagreement", 4,
              "If nobody disagrees, the project is probably too small or too vague.",
              "sharpen it until someone disagrees, or admit it is too small"),
    Heuristic("owned_blast_radius", 5,
              "If the blast radius is unowned, you are volunteering.",
              "own the blast radius explicitly, or shrink the scope"),
    Heuristic("denominator", 6,
              "Projects that change the denominator (cost per query, incidents per week) "
              "compound faster than numerator-only wins.",
              "find the denominator it changes: cost per query, incidents per week"),
    Heuristic("press_release", 7,
              "If you can't write the press release to internal users, you don't understand "
              "the value yet.",
              "write the press release to internal users before going further"),
)
SCORE_NAMES = {0: "no", 1: "partly", 2: "yes"}
MILESTONE_DAYS = 92  # "scoped to show momentum within a quarter"
MAX_SCORE = 2 * len(HEURISTICS)
KILL_REVIEW_QUESTIONS = (
    ("enthusiasm", "stakeholder enthusiasm"),
    ("signal", "a measurable signal"),
    ("landing", "a safe landing path"),
)


def scores(project: Project) -> list[tuple[Heuristic, int | None]]:
    return [(h, getattr(project, h.field)) for h in HEURISTICS]


def total(project: Project) -> tuple[int, int]:
    """(points, heuristics scored): the sum of the scores given, and how many were given."""
    given = [s for _, s in scores(project) if s is not None]
    return sum(given), len(given)


def kill_review_date(project: Project, default_weeks: int) -> dt.date | None:
    """The kill review date: the one set, else `default_weeks` after the start."""
    if project.kill_review_on is not None:
        return project.kill_review_on
    if project.started_on is None:
        return None
    return project.started_on + dt.timedelta(weeks=default_weeks)


def closed(project: Project) -> bool:
    return project.outcome == "pause-publicly" or project.landed_on is not None


def advice(heuristic: Heuristic, value: int | None) -> str | None:
    """What raises a heuristic scored below yes; None when it scores yes or not yet."""
    return heuristic.low if value is not None and value < 2 else None


def kill_review_state(project: Project, today: dt.date, default_weeks: int) -> str:
    """paused (publicly), landed, past-due (the review not held) or due."""
    if project.outcome == "pause-publicly":
        return "paused"
    if project.landed_on:
        return "landed"
    return "past-due" if kill_review_pending(project, today, default_weeks) else "due"


def kill_review_pending(project: Project, today: dt.date, default_weeks: int,
                        grace_days: int = 0) -> bool:
    """Past its kill review (plus grace) with no continue-or-pause since that date."""
    if closed(project):
        return False
    due = kill_review_date(project, default_weeks)
    if due is None or today <= due + dt.timedelta(days=grace_days):
        return False
    return project.reviewed_on is None or project.reviewed_on < due


def recommendation(enthusiasm: bool, signal: bool, landing: bool) -> tuple[str, list[str]]:
    """The essay's rule: all three, or pause publicly. Returns (outcome, what is missing)."""
    missing = [label for (name, label), have in
               zip(KILL_REVIEW_QUESTIONS, (enthusiasm, signal, landing), strict=True) if not have]
    return ("pause-publicly" if missing else "continue"), missing


def review(project: Project, *, on: dt.date, enthusiasm: bool, signal: bool, landing: bool,
           outcome: str, why: str, next_review: dt.date | None) -> tuple[Project, list[str]]:
    """Hold the kill review. Returns the project and warnings (advice, not refusals)."""
    if closed(project):
        state = ("paused publicly" if project.outcome == "pause-publicly"
                 else f"landed on {project.landed_on}")
        raise Conflict(f"pj{project.id} is already {state}", where=f"pj{project.id}")
    if project.started_on and on < project.started_on:
        raise LuckError(f"{on} is before pj{project.id} started ({project.started_on})")
    if outcome not in ("continue", "pause-publicly"):
        raise Invalid(f"invalid outcome {outcome!r}: choose continue or pause-publicly",
                      where="outcome")
    if outcome == "pause-publicly" and not why.strip():
        raise LuckError("pausing publicly means explaining why: add --why")
    if next_review is not None and outcome != "continue":
        raise LuckError("--next only goes with --outcome continue")
    if next_review is not None and next_review <= on:
        raise LuckError(f"the next kill review ({next_review}) must come after this one ({on})")
    _, missing = recommendation(enthusiasm, signal, landing)
    warnings = []
    if outcome == "continue" and missing:
        warnings.append(f"continuing without {', '.join(missing)}: the essay says pause it "
                        "publicly and explain why")
    kill_review_on = project.kill_review_on
    if next_review is not None:
        kill_review_on = next_review
    elif kill_review_on is None or on < kill_review_on:
        kill_review_on = on  # reviewed early: this review is the kill review
    return dataclasses.replace(
        project, reviewed_on=on, enthusiasm=enthusiasm, signal=signal, landing=landing,
        outcome=outcome, why=why.strip(), kill_review_on=kill_review_on,
    ), warnings


def project_problems(p: Project) -> list[Problem]:
    """A project's rules (see `luckos.domain.validate`)."""
    found = []
    for h, value in scores(p):
        if value is not None and value not in HEURISTIC_SCORES:
            flag = h.field.replace("_", "-")
            found.append(Problem(h.field, f"{flag} = {value} is out of range (0 no, 1 partly, "
                                 "2 yes)"))
    if p.kill_review_on and p.started_on and p.kill_review_on < p.started_on:
        found.append(Problem("kill_review_on", f"kill review {p.kill_review_on} is before the "
                             f"start ({p.started_on})"))
    if p.landed_on and p.started_on and p.landed_on < p.started_on:
        found.append(Problem("landed_on", f"landed date {p.landed_on} is before the start "
                             f"({p.started_on})"))
    if p.outcome == "pause-publicly" and not p.why.strip():
        found.append(Problem("why", "a project paused publicly needs its why (--why)"))
    if p.milestone_on and p.started_on:
        days = (p.milestone_on - p.started_on).days
        if days < 0:
            found.append(Problem("milestone_on", f"the first milestone {p.milestone_on} is "
                                 f"before the start ({p.started_on})"))
        if days > MILESTONE_DAYS:
            found.append(Problem("milestone_on", f"the first milestone {p.milestone_on} is "
                                 f"{days} days after the start: scope it to show momentum "
                                 f"within a quarter (at most {MILESTONE_DAYS} days)"))
    if p.milestone_landed_on and p.started_on and p.milestone_landed_on < p.started_on:
        found.append(Problem("milestone_landed_on", f"the milestone landed "
                             f"{p.milestone_landed_on}, before the start ({p.started_on})"))
    if not p.milestone_on and not closed(p):
        found.append(Problem("milestone_on", "no first milestone date: scope it to show "
                             "momentum within a quarter (--milestone-on DATE)", warning=True))
    _, scored = total(p)
    if scored == 0:
        found.append(Problem("", "not scored on the seven quiet heuristics yet: luck project "
                             "score ID", warning=True))
    return found


def milestone_due(project: Project) -> dt.date | None:
    """When the first milestone is due: its date, else a quarter after the start."""
    if project.milestone_on is not None:
        return project.milestone_on
    if project.started_on is None:
        return None
    return project.started_on + dt.timedelta(days=MILESTONE_DAYS)


def milestone_late(project: Project, today: dt.date, grace_days: int) -> bool:
    """A running project whose first milestone passed (+ grace) without landing."""
    due = milestone_due(project)
    return (not closed(project) and project.milestone_landed_on is None and due is not None
            and due + dt.timedelta(days=grace_days) < today)
