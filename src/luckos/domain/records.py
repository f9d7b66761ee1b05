"""The records of the essay, one frozen dataclass each, and the registry of kinds.

Each field carries a little metadata (its input type, help text, choices) so that the
store, the importer and the CLI all read one description of a record instead of
keeping copies of it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from luckos.domain.evidence import Evidence  # noqa: F401  (re-exported: one registry)
from luckos.domain.fields import RecordBase
from luckos.domain.fields import describe as _f
from luckos.domain.loop_records import (  # noqa: F401  (re-exported: one registry)
    ARC_TRACKS,
    BOTTLENECKS,
    EXPLORE_KINDS,
    HEURISTIC_SCORES,
    PROJECT_OUTCOMES,
    Arc,
    Diagnosis,
    ExploreEntry,
    GlueEntry,
    Project,
    Reboot,
)
from luckos.domain.people import Person, Stakeholder  # noqa: F401  (re-exported: one registry)

# Field input types: text, date, month, int, float, bool, choice, list, recurrence, ref:<kind>
PROMISE_STATUSES = ("open", "kept", "missed", "renegotiated", "dropped")
WINDOW_KINDS = ("planning", "headcount", "budget", "retro", "promotion", "post-mortem", "other")
METRIC_SLOTS = ("customer", "reliability", "speed")
METRIC_SLOT_NAMES = {
    "customer": "customer value",
    "reliability": "reliability/safety",
    "speed": "speed/cost",
}
OUTCOMES = ("funded", "declined", "deferred")  # what a window or a brief came to
BENCH_ACTIONS = ("unblocked", "promoted", "placed", "sponsored")
ARTIFACT_KINDS = (
    "talk",
    "post",
    "open-source",
    "design-doc",
    "brief",
    "post-mortem",
    "runbook",
    "one-pager",
    "architecture-note",
    "working-group",
    "demo",
)
SURFACES = ("public", "internal")
NOTE_KINDS = ("journal", "year-in-public", "earned-secret")
PRIVATE_NOTE_KIND = "earned-secret"


@dataclasses.dataclass(frozen=True, slots=True, eq=False, repr=False)
class Promise(RecordBase):
    """An entry in the credibility ledger."""

    id: int | None = None
    what: str = _f(help="what you promised", required=True)
    to_whom: str = _f(help="who you promised it to", required=True, flag="to", key="to")
    made_on: dt.date | None = _f("date", "when you made the promise", default_today=True,
                                 flag="on", key="on", past_only=True)
    due: dt.date | None = _f("date", "when it is due", required=True)
    status: str = _f("choice", "open, kept, missed, renegotiated or dropped", default="open",
                     choices=PROMISE_STATUSES, editable=False)
    landed_on: dt.date | None = _f("date", "when it ended: kept, missed, renegotiated or "
                                   "dropped", flag="ended", key="ended_on", past_only=True)
    theme_id: int | None = _f("ref:theme", "the theme it serves", flag="theme")
    tags: tuple[str, ...] = _f("list", "tags (repeat the option or separate with commas)",
                               flag="tag")
    renegotiated_to: int | None = _f("ref:promise", "the promise that replaced it",
                                     editable=False)
    note: str = _f(help="a free note", default="")
    lesson: str = _f(help="for a miss: what it taught you (the misses as learning)",
                     default="")


@dataclasses.dataclass(frozen=True, slots=True, eq=False, repr=False)
class Signal(RecordBase):
    """A routing signal: someone routed ambiguous work to you."""

    id: int | None = None
    who: str = _f(help="who routed the work to you", required=True)
    what: str = _f(help="the ambiguous work", required=True)
    on: dt.date | None = _f("date", "when", default_today=True, past_only=True)
    escalated: bool = _f("bool", "they escalated instead of routing it to you", default=False)
    note: str = _f(help="a free note", default="")


@dataclasses.dataclass(frozen=True, slots=True, eq=False, repr=False)
class Window(RecordBase):
    """A decision window on the timing calendar."""

    id: int | None = None
    name: str = _f(help="the window, e.g. 'FY27 planning'", required=True)
    kind: str = _f("choice", "planning, headcount, budget, retro, promotion, post-mortem, other",
                   default="other", choices=WINDOW_KINDS)
    on: dt.date | None = _f("date", "the (first) date of the window", required=True)
    recurrence: str = _f("recurrence", "monthly, quarterly, half-yearly, yearly, weekly, "
                         "every 2 weeks, every N days|weeks|months|years, or an RFC 5545 "
                         "RRULE (at most daily)", default="")
    prep_lead_days: int = _f("int", "days before the window the prep is due", default=7,
                             flag="prep-lead-days", low=0, high=365)
    needs_brief: bool = _f("bool", "the window asks for a two-pager", default=True,
                           flag="brief", key="brief")
    needs_demo: bool = _f("bool", "the window asks for a 30-minute demo", default=True,
                          flag="demo", key="demo")
    docs: tuple[str, ...] = _f("list", "linked documents (paths or links)", flag="doc")
    theme_id: int | None = _f("ref:theme", "the theme it matters to", flag="theme")
    note: str = _f(help="a free note", default="")
    outcome: str = _f("choice", "what it came to for you: funded, declined or deferred",
                      default="", choices=OUTCOMES)
    outcome_on: dt.date | None = _f("date", "when the outcome was known", flag="outcome-on")


@dataclasses.dataclass(frozen=True, slots=True, eq=False, repr=False)
class Theme(RecordBase):
    """A theme: what you want to be known for across cycles."""

    id: int | None = None
    label: str = _f(help="three words or fewer (the naming test)", required=True)
    sentence: str = _f(help="the sentence anyone can repeat when your name comes up",
                       default="")
    problem: str = _f(help="the problem", default="")
    bet: str = _f(help="the bet", default="")
    milestone: str = _f(help="the first milestone", default="")
    blast_radius: str = _f(help="the blast radius you will avoid", default="")
    pain: str = _f(help="triangulation: what is real pain for the business?", default="")
    advantage: str = _f(help="triangulation: what do you have unfair advantage in?",
                        default="")
    progress: str = _f(help="triangulation: what shows progress in a quarter and compounds "
                       "for a year?", default="")
    started_on: dt.date | None = _f("date", "when you took the theme on", default_today=True,
                                    flag="started")
    retired_on: dt.date | None = _f("date", "when you retired it (its metrics are no longer "
                                    "asked for)", flag="ended", key="ended_on")


@dataclasses.dataclass(frozen=True, slots=True, eq=False, repr=False)
class Metric(RecordBase):
    """One of a theme's three numbers."""

    id: int | None = None
    theme_id: int | None = _f("ref:theme", "the theme", required=True, flag="theme")
    slot: str = _f("choice", "customer, reliability or speed", required=True,
                   choices=METRIC_SLOTS)
    name: str = _f(help="what is measured", required=True)
    unit: str = _f(help="its unit, e.g. %, ms, $/month", default="")
    good: str = _f("choice", "the good direction", default="up", choices=("up", "down"))


@dataclasses.dataclass(frozen=True, slots=True, eq=False, repr=False)
class Reading(RecordBase):
    """A monthly reading of a theme metric, with two sentences of narrative."""

    id: int | None = None
    metric_id: int | None = _f("ref:metric", "the metric", required=True, flag="metric")
    month: str = _f("month", "the month, YYYY-MM", required=True, past_only=True)
    value: float = _f("float", "the value, with or without its metric's unit", required=True,
                      unit="ref:metric_id")
    narrative: str = _f(help="two sentences: what moved and why", default="")


@dataclasses.dataclass(frozen=True, slots=True, eq=False, repr=False)
class Decision(RecordBase):
    """A bet in the decision log."""

    id: int | None = None
    title: str = _f(help="the decision", required=True)
    on: dt.date | None = _f("date", "when it was made", default_today=True, past_only=True)
    options: tuple[str, ...] = _f("list", "an option considered (repeat)", flag="option")
    choice: str = _f(help="the option chosen", default="")
    expected: str = _f(help="the expected outcome", default="")
    indicators: tuple[str, ...] = _f("list", "a leading indicator to watch (repeat)",
                                     flag="indicator")
    confidence: float | None = _f("float", "confidence, 0 to 1 (or 0% to 100%)", unit="share",
                                  low=0, high=1)
    review_on: dt.date | None = _f("date", "when to review it", flag="review")
    outcome: str = _f(help="what actually happened", default="")
    response: str = _f(help="what you did when the world disagreed", default="")
    theme_id: int | None = _f("ref:theme", "the theme", flag="theme")


@dataclasses.dataclass(frozen=True, slots=True, eq=False, repr=False)
class BenchEntry(RecordBase):
    """Someone you unblocked, promoted, placed or sponsored."""

    id: int | None = None
    person: str = _f(help="who", required=True)
    action: str = _f("choice", "unblocked, promoted, placed or sponsored", required=True,
                     choices=BENCH_ACTIONS)
    on: dt.date | None = _f("date", "when", default_today=True, past_only=True)
    artifact: str = _f(help="the artifact that made it possible", default="")
    bet: str = _f(help="the bet, named in writing", default="")
    note: str = _f(help="a free note", default="")
    # sponsoring well: "attend the first two tough meetings; take the heat when trade-offs
    # bite; share the credit loudly"
    first_meeting_on: dt.date | None = _f("date", "sponsored: the first tough meeting you "
                                          "attended with them", flag="first-meeting")
    second_meeting_on: dt.date | None = _f("date", "sponsored: the second tough meeting",
                                           flag="second-meeting")
    heat_on: dt.date | None = _f("date", "sponsored: when you took the heat for a "
                                 "trade-off", flag="heat")
    heat_where: str = _f(help="sponsored: where you took the heat", default="")
    credit_on: dt.date | None = _f("date", "sponsored: when you shared the credit loudly",
                                   flag="credit")
    credit_where: str = _f(help="sponsored: where you shared the credit", default="")

    def sponsoring_missing(self) -> list[str]:
        """For a sponsorship: what of sponsoring well is not yet recorded."""
        if self.action != "sponsored":
            return []
        meetings = sum(1 for d in (self.first_meeting_on, self.second_meeting_on) if d)
        missing = []
        if meetings < 2:
            missing.append(f"{meetings} of the first two tough meetings attended")
        if not self.heat_on:
            missing.append("no heat taken")
        if not self.credit_on:
            missing.append("no credit shared")
        return missing


@dataclasses.dataclass(frozen=True, slots=True, eq=False, repr=False)
class Sponsor(RecordBase):
    """One of your own sponsors: someone who stakes reputation for you."""

    id: int | None = None
    person: str = _f(help="who", required=True)
    role: str = _f(help="their role", default="")
    since: dt.date | None = _f("date", "since when", default_today=True, past_only=True)
    backs: str = _f(help="what they put on a planning slide for you", default="")
    note: str = _f(help="a free note", default="")


@dataclasses.dataclass(frozen=True, slots=True, eq=False, repr=False)
class Artifact(RecordBase):
    """Something you made on the public or internal surface."""

    id: int | None = None
    title: str = _f(help="the title", required=True)
    kind: str = _f("choice", "what it is", required=True, choices=ARTIFACT_KINDS)
    surface: str = _f("choice", "public or internal", default="internal", choices=SURFACES)
    on: dt.date | None = _f("date", "when it shipped", default_today=True,
                               past_only=True)
    link: str = _f(help="a link or path", default="")
    theme_id: int | None = _f("ref:theme", "the theme it serves", flag="theme")
    window_id: int | None = _f("ref:window", "the decision window it prepares", flag="window")
    note: str = _f(help="a free note", default="")
    outcome: str = _f("choice", "a brief's outcome: funded, declined or deferred",
                      default="", choices=OUTCOMES)
    outcome_on: dt.date | None = _f("date", "when the outcome was known", flag="outcome-on")
    from_note_id: int | None = _f("ref:note", "the earned secret it grew from (the note "
                                  "stays private; only its id is shown)", flag="from",
                                  key="from")
    hours: float | None = _f("float", "the hours it took to make (count that time)")
    # AI as infrastructure: tooling you built (code search, a prompt library, structured
    # generation, retrieval, a lightweight agent), judged by the delta of a theme metric
    ai_tool: bool = _f("bool", "AI tooling you built, as infrastructure", default=False,
                       flag="ai-tool")
    metric_id: int | None = _f("ref:metric", "the theme metric it should move (cycle time, "
                               "incident rate)", flag="metric")


@dataclasses.dataclass(frozen=True, slots=True, eq=False, repr=False)
class Testimonial(RecordBase):
    """"I used your doc; it saved us a week." """

    id: int | None = None
    artifact_id: int | None = _f("ref:artifact", "the artifact", required=True,
                                 flag="artifact")
    who: str = _f(help="who used it", required=True)
    on: dt.date | None = _f("date", "when they told you", default_today=True,
                            past_only=True)
    hours_saved: float | None = _f("float", "time it saved them, in hours (2, 2h or 90m)",
                                   flag="hours", key="hours", unit="h", low=0)
    quote: str = _f(help="what they said", default="")


@dataclasses.dataclass(frozen=True, slots=True, eq=False, repr=False)
class Note(RecordBase):
    """A journal entry, a year-in-public entry, or an earned secret (private)."""

    id: int | None = None
    body: str = _f(help="the note", required=True)
    kind: str = _f("choice", "journal, year-in-public or earned-secret (private)",
                   default="journal", choices=NOTE_KINDS)
    on: dt.date | None = _f("date", "when", default_today=True, past_only=True)
    title: str = _f(help="a title", default="")
    tags: tuple[str, ...] = _f("list", "tags", flag="tag")

    @property
    def private(self) -> bool:
        return self.kind == PRIVATE_NOTE_KIND


@dataclasses.dataclass(frozen=True, slots=True, eq=False, repr=False)
class Estimate(RecordBase):
    """A saved Monte Carlo estimate: the rough math behind a pitch, and its result."""

    id: int | None = None
    name: str = _f(help="what it estimates", required=True)
    on: dt.date | None = _f("date", "when it was run", default_today=True,
                               past_only=True)
    theme_id: int | None = _f("ref:theme", "the theme it argues for", flag="theme")
    window_id: int | None = _f("ref:window", "the decision window it is for", flag="window")
    doc: str = _f(help="the brief it belongs in (a path or link)", default="")
    output: str = _f(help="the name of the headline result", default="")
    model: str = _f(help="the model, as TOML", default="")
    pitch: str = _f(help="the pitch sentence", default="")
    mean: float | None = _f("float", "the headline result's mean")
    p5: float | None = _f("float", "its 5th percentile")
    p50: float | None = _f("float", "its median")
    p95: float | None = _f("float", "its 95th percentile")
    unit: str = _f(help="the unit of mean, p5, p50 and p95", default="")
    samples: int | None = _f("int", "how many samples were drawn", low=1)
    seed: int | None = _f("int", "the random seed", low=0)


# Any one record (the base class all of them share is `fields.RecordBase`).
AnyRecord = (Promise | Signal | Window | Theme | Metric | Reading | Decision | BenchEntry
             | Sponsor | Artifact | Testimonial | Note | Estimate | GlueEntry | ExploreEntry
             | Project | Diagnosis | Arc | Reboot | Evidence | Person | Stakeholder)


@dataclasses.dataclass(frozen=True)
class Kind:
    """How one record kind is named, numbered and shown."""

    name: str
    cls: type
    prefix: str  # short ids: p12, w3, t1 ...
    title_field: str
    date_field: str | None
    plural: str
    code: int  # stable number used in the search index
    positional: str = ""  # the field `add` takes as its argument (default: title_field)

    @property
    def argument(self) -> str:
        return self.positional or self.title_field


KINDS: dict[str, Kind] = {
    k.name: k
    for k in (
        Kind("promise", Promise, "p", "what", "due", "promises", 1),
        Kind("signal", Signal, "s", "what", "on", "signals", 2),
        Kind("window", Window, "w", "name", "on", "windows", 3),
        Kind("theme", Theme, "t", "label", "started_on", "themes", 4),
        Kind("metric", Metric, "m", "name", None, "metrics", 5),
        Kind("reading", Reading, "r", "month", None, "readings", 6),
        Kind("decision", Decision, "d", "title", "on", "decisions", 7),
        Kind("bench", BenchEntry, "b", "person", "on", "bench", 8),
        Kind("sponsor", Sponsor, "sp", "person", "since", "sponsors", 9),
        Kind("artifact", Artifact, "a", "title", "on", "artifacts", 10),
        Kind("testimonial", Testimonial, "u", "who", "on", "testimonials", 11),
        Kind("note", Note, "n", "title", "on", "notes", 12, positional="body"),
        Kind("estimate", Estimate, "est", "name", "on", "estimates", 40),
        Kind("glue", GlueEntry, "g", "what", "on", "glue", 13),
        Kind("explore", ExploreEntry, "x", "title", "on", "explore entries", 14),
        Kind("project", Project, "pj", "name", "started_on", "projects", 15),
        Kind("diagnosis", Diagnosis, "dg", "problem", "on", "diagnoses", 16),
        Kind("arc", Arc, "ar", "role", "started_on", "arcs", 17),
        Kind("reboot", Reboot, "rb", "focus", "started_on", "reboots", 18),
        Kind("evidence", Evidence, "e", "title", "until", "evidence", 19),
        Kind("person", Person, "pe", "name", None, "people", 20),
        Kind("stakeholder", Stakeholder, "sh", "role", None, "stakeholders", 21),
    )
}


def kind_of(record: Any) -> Kind:
    for kind in KINDS.values():
        if isinstance(record, kind.cls):
            return kind
    raise TypeError(f"not a record: {record!r}")


def short_id(kind: Kind, rid: int) -> str:
    return f"{kind.prefix}{rid}"


def fields_of(kind: Kind) -> list[dataclasses.Field]:
    """The record's data fields (everything but the id), in declaration order."""
    return [f for f in dataclasses.fields(kind.cls) if f.name != "id"]


def is_private(record: Any) -> bool:
    return isinstance(record, Note) and record.private
