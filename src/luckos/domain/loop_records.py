"""The operating loop's records: glue, explore entries, projects, the diagnosis, role
arcs and the 90-day reboot (the essay's "Run Two Loops", "The Glue Work Trap", "Choose
Better Projects", "Before You Optimize", "The Staff-Versus-Manager Pendulum" and "A 90-Day
Reboot"). Registered with the others in `luckos.domain.records.KINDS`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from luckos.domain.fields import RecordBase
from luckos.domain.fields import describe as _f

EXPLORE_KINDS = ("weekend-prototype", "talk", "paper-reproduction", "teardown")
PROJECT_OUTCOMES = ("continue", "pause-publicly")
HEURISTIC_SCORES = (0, 1, 2)  # no, partly, yes
ARC_TRACKS = ("ic", "manager")
BOTTLENECKS = ("coordination", "architecture")
YES_NO = ("yes", "no")


@dataclasses.dataclass(frozen=True, slots=True, eq=False, repr=False)
class GlueEntry(RecordBase):
    """Glue work: coordination, reviews, onboarding, ceremony, and what it unlocks."""

    id: int | None = None
    what: str = _f(help="the glue work", required=True)
    hours: float = _f("float", "hours it took (2, 2h or 90m)", required=True, unit="h")
    on: dt.date | None = _f("date", "when", default_today=True, past_only=True)
    unlocks: str = _f(help="the consequential deliverable it unlocks (empty: none)", default="")
    project_id: int | None = _f("ref:project", "the project it unlocks", flag="project")
    mechanism: str = _f(help="the mechanism that could replace you: an FAQ, a short video, a "
                        "runbook", default="")
    note: str = _f(help="a free note", default="")
    mechanism_artifact_id: int | None = _f("ref:artifact", "the artifact that shipped the "
                                           "mechanism", flag="shipped-in", key="shipped_in")

    @property
    def unlocks_deliverable(self) -> bool:
        return bool(self.unlocks.strip()) or self.project_id is not None


@dataclasses.dataclass(frozen=True, slots=True, eq=False, repr=False)
class ExploreEntry(RecordBase):
    """The explore loop: a weekend prototype, a talk, a paper reproduction, a teardown."""

    id: int | None = None
    title: str = _f(help="what you explored", required=True)
    kind: str = _f("choice", "weekend-prototype, talk, paper-reproduction or teardown",
                   required=True, choices=EXPLORE_KINDS)
    on: dt.date | None = _f("date", "when", default_today=True, past_only=True)
    wave: str = _f(help="the adjacent wave: a runtime, hardware, a governance pattern, a "
                   "safety regime, an economic model", default="")
    link: str = _f(help="where it is documented (a link or path)", default="")
    learned: str = _f(help="what you learned", default="")
    from_note_id: int | None = _f("ref:note", "the earned secret it grew from (the note "
                                  "stays private; only its id is shown)", flag="from",
                                  key="from")


@dataclasses.dataclass(frozen=True, slots=True, eq=False, repr=False)
class Project(RecordBase):
    """A project scored on the seven quiet heuristics, with its kill review."""

    id: int | None = None
    name: str = _f(help="the project", required=True)
    started_on: dt.date | None = _f("date", "when it started", default_today=True,
                                    flag="started")
    theme_id: int | None = _f("ref:theme", "the theme it serves", flag="theme")
    flagship: bool = _f("bool", "the year's flagship initiative, the one that compounds",
                        default=False)
    five_minute_demo: int | None = _f("int", "1. success can be demoed in five minutes "
                                      "(0 no, 1 partly, 2 yes)")
    deletes_meetings: int | None = _f("int", "2. it deletes future meetings (0-2)")
    mechanism: int | None = _f("int", "3. a mechanism, not heroics: runbooks, templates, "
                               "paved paths (0-2)")
    disagreement: int | None = _f("int", "4. someone disagrees: not too small or too vague "
                                  "(0-2)")
    owned_blast_radius: int | None = _f("int", "5. the blast radius is owned explicitly (0-2)")
    denominator: int | None = _f("int", "6. it changes a denominator: cost per query, "
                                 "incidents per week (0-2)")
    press_release: int | None = _f("int", "7. you can write the press release to internal "
                                   "users (0-2)")
    kill_review_on: dt.date | None = _f("date", "the kill review (default: a few weeks after "
                                        "the start, see luck.toml)", flag="kill-review")
    reviewed_on: dt.date | None = _f("date", "when the kill review was held", editable=False,
                                      past_only=True)
    enthusiasm: bool = _f("bool", "kill review: stakeholders are enthusiastic", default=False,
                          editable=False)
    signal: bool = _f("bool", "kill review: there is a measurable signal", default=False,
                      editable=False)
    landing: bool = _f("bool", "kill review: there is a safe landing path", default=False,
                       editable=False)
    outcome: str = _f("choice", "the kill review's outcome: continue or pause-publicly",
                      default="", choices=PROJECT_OUTCOMES, editable=False)
    why: str = _f(help="why it continues, or why it is paused (said publicly)", default="",
                  editable=False)
    landed_on: dt.date | None = _f("date", "when it ended: landed (shipped and handed over)",
                                   flag="ended", key="ended_on", past_only=True)
    note: str = _f(help="a free note", default="")
    # "visible to leadership, spans teams, and maps to a business metric"
    visible: bool = _f("bool", "visible to leadership", default=False)
    spans_teams: bool = _f("bool", "spans teams", default=False, flag="spans-teams")
    business_metric: str = _f(help="the business metric it maps to (empty: none)",
                              default="", flag="business-metric")
    # "scoped to show momentum within a quarter"
    milestone: str = _f(help="the first milestone", default="")
    milestone_on: dt.date | None = _f("date", "the first milestone's date (within 92 days of "
                                      "the start)", flag="milestone-on")
    milestone_landed_on: dt.date | None = _f("date", "when the first milestone landed",
                                             flag="milestone-landed")

    @property
    def consequential(self) -> bool:
        """Visible to leadership, spans teams and maps to a business metric: all three."""
        return self.visible and self.spans_teams and bool(self.business_metric.strip())


@dataclasses.dataclass(frozen=True, slots=True, eq=False, repr=False)
class Diagnosis(RecordBase):
    """The three questions of the career system, answered in a paragraph each."""

    id: int | None = None
    problem: str = _f(help="1. What problem do I solve that the business would miss if I "
                      "left for a month?", required=True)
    funders: str = _f(help="2. Who decides work like that gets funded, and when do they "
                      "decide?", default="")
    proof: str = _f(help="3. What artifact proves I routinely turn ambiguity into something "
                    "that ships?", default="")
    on: dt.date | None = _f("date", "when it was written", default_today=True,
                                past_only=True)


@dataclasses.dataclass(frozen=True, slots=True, eq=False, repr=False)
class Arc(RecordBase):
    """A three-year role arc on the pendulum between Staff IC and manager."""

    id: int | None = None
    role: str = _f(help="the role, e.g. 'Staff engineer, payments'", required=True)
    track: str = _f("choice", "ic or manager", required=True, choices=ARC_TRACKS)
    started_on: dt.date | None = _f("date", "when the arc started", default_today=True,
                                    flag="started")
    ended_on: dt.date | None = _f("date", "when the arc ended", flag="ended")
    bottleneck: str = _f("choice", "the org's bottleneck: coordination (and hiring) or "
                         "architecture (and hairy problems)", default="",
                         choices=BOTTLENECKS)
    assessed_on: dt.date | None = _f("date", "when the bottleneck was assessed",
                                     flag="assessed", past_only=True)
    assessment: str = _f(help="why you read the bottleneck that way", default="")
    note: str = _f(help="a free note", default="")
    # "If you cannot earn scope without a title, or cannot do real technical work with one,
    # the environment is constraining your leverage more than the ladder is."
    scope_without_title: str = _f("choice", "can you earn scope without a title here? yes "
                                  "or no", default="", choices=YES_NO,
                                  flag="scope-without-title")
    technical_with_title: str = _f("choice", "can you do real technical work with one? yes "
                                   "or no", default="", choices=YES_NO,
                                   flag="technical-with-title")
    answered_on: dt.date | None = _f("date", "when you answered those two", flag="answered")


@dataclasses.dataclass(frozen=True, slots=True, eq=False, repr=False)
class Reboot(RecordBase):
    """A 90-day reboot: twelve weeks of dated checkpoints and a one-page post-mortem."""

    id: int | None = None
    focus: str = _f(help="the theme that intersects a real deadline", default="")
    started_on: dt.date | None = _f("date", "the first day of week 1", default_today=True,
                                    flag="started")
    theme_id: int | None = _f("ref:theme", "the theme it serves", flag="theme")
    done: tuple[str, ...] = _f("list", "checkpoints done, as KEY@DATE", editable=False)
    ended_on: dt.date | None = _f("date", "when it ended", editable=False)
    postmortem: str = _f(help="the one-page post-mortem (its text or a path)", default="",
                         editable=False)
    note: str = _f(help="a free note", default="")
