"""When to stay, when to move: the essay's three hard checks and its stay and leave
criteria, each answered from the records with the evidence behind it.

No score. Where the records cannot know (whether leadership watches a metric, whether
you are invited to a room), the question is asked plainly instead.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import textwrap
from collections.abc import Mapping, Sequence
from typing import Any

from luckos.domain.records import (
    METRIC_SLOT_NAMES,
    Decision,
    Diagnosis,
    GlueEntry,
    Metric,
    Project,
    Reading,
    Signal,
    Sponsor,
    Theme,
)
from luckos.domain.surface import QuarterSurface
from luckos.domain.windows import WindowOccurrence

GROUPS = ("hard check", "stay if", "leave if")


@dataclasses.dataclass(frozen=True)
class Evidence:
    ref: str
    text: str


@dataclasses.dataclass(frozen=True)
class Answer:
    key: str
    group: str  # hard check, stay if, leave if
    question: str  # the essay's words
    answer: str  # a short verdict from the data, or "yours to answer"
    summary: str  # one line: what the data says
    evidence: tuple[Evidence, ...] = ()
    ask: tuple[str, ...] = ()  # what only the user can answer


@dataclasses.dataclass(frozen=True)
class MetricSeries:
    metric: Metric
    theme: Theme
    readings: tuple[Reading, ...]  # oldest first; may start before the six months


@dataclasses.dataclass(frozen=True)
class WeekLoad:
    week_start: dt.date
    meeting_hours: float


@dataclasses.dataclass(frozen=True)
class StayFacts:
    today: dt.date
    themes: Sequence[Theme]
    series: Sequence[MetricSeries]
    decisions: Sequence[Decision]  # made in the last six months
    signals: Sequence[Signal]  # the last three months
    glue: Sequence[GlueEntry]  # the last three months
    projects: Sequence[Project]  # the flagship projects (others may be given; they are ignored)
    sponsors: Sequence[Sponsor]
    surfaces: Mapping[int, Sequence[QuarterSurface]]  # theme id -> recent quarters
    rooms: Sequence[WindowOccurrence]  # window dates in the next three months
    weeks: Sequence[WeekLoad] | None  # the latest calendar audit, None when unavailable
    diagnosis: Diagnosis | None
    planning: Sequence[tuple[int, dt.date]] = ()  # (window id, date) of past planning windows
    all_projects: Sequence[Project] = ()
    outcomes: Sequence[Any] = ()  # windows and artifacts with an outcome in the last year
    arc: Any = None  # the current role arc


def months_back(today: dt.date, months: int) -> dt.date:
    year, month = today.year, today.month - months
    while month <= 0:
        year, month = year - 1, month + 12
    day = min(today.day, 28)
    return dt.date(year, month, day)


def stay_or_move(f: StayFacts) -> list[Answer]:
    moved = _metric_changes(f)
    return [
        _hard_metric(f, moved),
        _hard_scope(f),
        _hard_room(f),
        _stay_flagship(f),
        _stay_sponsor(f),
        _stay_surface(f),
        _leave_flat(f, moved),
        _leave_without_you(f),
        _leave_problem(f),
        _leave_unstaffed(f),
        _leave_no_oxygen(f),
        _leave_constrained(f),
    ]


# --- the three hard checks ---------------------------------------------------------------


def _metric_changes(f: StayFacts) -> list[tuple[MetricSeries, Reading, Reading, bool | None]]:
    """Per metric: (series, reading six months ago or the first since, latest, better?)."""
    start = months_back(f.today, 6).isoformat()[:7]
    found = []
    for s in f.series:
        if not s.readings:
            continue
        before = [r for r in s.readings if r.month <= start]
        since = [r for r in s.readings if r.month > start]
        if not since:
            continue
        base = before[-1] if before else since[0]
        latest = since[-1]
        if base is latest:
            continue
        change = latest.value - base.value
        better = None if change == 0 else (change > 0) == (s.metric.good == "up")
        found.append((s, base, latest, better))
    return found


def _hard_metric(f: StayFacts, moved: list[Any]) -> Answer:
    question = ("In the last 6 months, did your decisions change a metric leadership cares "
                "about?")
    if not moved:
        return Answer("metric-changed", "hard check", question, "not yet known",
                      "no metric has two readings in the last six months",
                      ask=("Which metric does leadership watch? Read it monthly: luck review "
                           "--month",))
    evidence = []
    better_themes = set()
    for s, base, latest, better in moved:
        unit = f" {s.metric.unit}" if s.metric.unit else ""
        verdict = {True: "better", False: "worse", None: "flat"}[better]
        evidence.append(Evidence(f"m{s.metric.id}", (
            f"t{s.theme.id} {METRIC_SLOT_NAMES[s.metric.slot]}, {s.metric.name}: "
            f"{base.value:g} -> {latest.value:g}{unit} from {base.month} to {latest.month} "
            f"({verdict}; r{base.id}, r{latest.id})")))
        if better:
            better_themes.add(s.theme.id)
    decisions = [d for d in f.decisions if d.theme_id in better_themes]
    evidence += [Evidence(f"d{d.id}", f"decision on {d.on}: {d.title}"
                          + (f" (chose {d.choice})" if d.choice else "")) for d in decisions]
    better = [m for m in moved if m[3]]
    names = ", ".join(f"m{m[0].metric.id} {m[0].metric.name}" for m in better)
    ask = [f"Does leadership care about {names}? Only you know which numbers are on their "
           "slides."] if better else []
    if better and decisions:
        answer, summary = "yes", (f"{len(better)} of {len(moved)} metrics moved the right "
                                  f"way, with {len(decisions)} of your decisions behind them")
    elif better:
        answer = "the metrics moved; no decision of yours is on record for them"
        summary = (f"{len(better)} of {len(moved)} metrics moved the right way, but the "
                   "decision log holds no decision of yours for their themes")
        ask.append("Which of your decisions moved them? Log the bets: luck decision add")
    else:
        answer, summary = "no", f"none of {len(moved)} metrics moved the right way"
    return Answer("metric-changed", "hard check", question, answer, summary,
                  tuple(evidence), tuple(ask))


def _hard_scope(f: StayFacts) -> Answer:
    question = ("In the last 3 months, did someone ask you to own something bigger, or did "
                "they ask you to do more glue?")
    routed = [s for s in f.signals if not s.escalated]
    substitute = [g for g in f.glue if not g.unlocks_deliverable]
    unlocking = [g for g in f.glue if g.unlocks_deliverable]
    evidence = [Evidence(f"s{s.id}", f"{s.on}: {s.who} routed {s.what!r} to you")
                for s in routed]
    evidence += [Evidence(f"g{g.id}", f"{g.on}: {g.hours:g} h of glue that unlocks nothing: "
                          f"{g.what}") for g in substitute]
    hours = sum(g.hours for g in substitute)
    summary = (f"{_count(len(routed), 'ask')} routed to you without escalation; "
               f"{_count(len(substitute), 'piece')} of glue that unlock nothing ({hours:g} h); "
               f"{len(unlocking)} that unlock a deliverable")
    if not routed and not substitute:
        answer = "nothing on record"
    elif len(routed) > len(substitute):
        answer = "more scope than glue"
    elif len(substitute) > len(routed):
        answer = "more glue than scope"
    else:
        answer = "as much glue as scope"
    ask = ("Were any of these asks to own something bigger (a problem, a migration, a team), "
           "not just a task?",)
    return Answer("scope-or-glue", "hard check", question, answer, summary, tuple(evidence),
                  ask)


def _hard_room(f: StayFacts) -> Answer:
    question = ("In the next 3 months, is there a room you need to be in where you are not "
                "invited? If yes, can a sponsor fix that? If not, move.")
    evidence = [Evidence(f"w{o.window.id}", f"{o.window.name} on {o.on} ({o.window.kind}"
                         f"{'; prep missing ' + ', '.join(o.missing()) if o.missing() else ''})")
                for o in f.rooms]
    evidence += [_sponsor_evidence(s) for s in f.sponsors]
    ask = [f"Are you invited to w{o.window.id} {o.window.name} on {o.on}?" for o in f.rooms[:5]]
    if f.sponsors:
        names = ", ".join(f"sp{s.id} {s.person}" for s in f.sponsors[:3])
        ask.append(f"If not, can {names} get you in? If no sponsor can, the essay says move.")
    else:
        ask.append("If you are not invited, no sponsor on record can fix that: who could?")
    if not f.rooms:
        ask.insert(0, "Which rooms decide your theme in the next three months? Add them: luck "
                   "window add")
    summary = (f"{_count(len(f.rooms), 'decision window date')} in the next three months; "
               f"{_count(len(f.sponsors), 'sponsor')} on record")
    return Answer("room", "hard check", question, "yours to answer", summary,
                  tuple(evidence), tuple(ask))


def _sponsor_evidence(s: Sponsor) -> Evidence:
    role = f" ({s.role})" if s.role else ""
    backs = f": backs {s.backs}" if s.backs else ""
    return Evidence(f"sp{s.id}", f"sponsor {s.person}{role} since {s.since}{backs}")


# --- stay if -----------------------------------------------------------------------------


def _stay_flagship(f: StayFacts) -> Answer:
    from luckos.domain.projects import MAX_SCORE, total

    question = "Stay if you can do one flagship initiative per year that compounds."
    year_ago = f.today - dt.timedelta(days=365)
    flagships = [p for p in f.projects if p.flagship and p.outcome != "pause-publicly"
                 and ((p.landed_on is None and p.started_on and p.started_on <= f.today)
                      or (p.landed_on is not None and p.landed_on >= year_ago))]
    paused = [p for p in f.projects if p.flagship and p.outcome == "pause-publicly"
              and p.reviewed_on and p.reviewed_on >= year_ago]
    evidence = []
    for p in flagships:
        points, scored = total(p)
        state = f"landed {p.landed_on}" if p.landed_on else f"running since {p.started_on}"
        evidence.append(Evidence(f"pj{p.id}", f"{p.name}: {state}; {points} of {MAX_SCORE} on "
                                 f"the seven heuristics ({scored} scored)"))
    evidence += [Evidence(f"pj{p.id}", f"{p.name}: paused publicly on {p.reviewed_on}")
                 for p in paused]
    if flagships:
        return Answer("flagship", "stay if", question, "yes",
                      f"{_count(len(flagships), 'flagship initiative')} this year",
                      tuple(evidence),
                      ("Does it compound: will next year's work stand on it?",))
    return Answer("flagship", "stay if", question, "no",
                  "no flagship initiative running or landed in the last twelve months",
                  tuple(evidence),
                  ("Is there one you could start? Mark it: luck project add NAME --flagship",))


def _stay_sponsor(f: StayFacts) -> Answer:
    question = "Stay if you have a sponsor."
    if f.sponsors:
        return Answer("sponsor", "stay if", question, "yes",
                      f"{_count(len(f.sponsors), 'sponsor')} on record",
                      tuple(_sponsor_evidence(s) for s in f.sponsors),
                      ("Would they still put your theme on a planning slide this quarter?",))
    return Answer("sponsor", "stay if", question, "no", "no sponsor on record", (),
                  ("Who could stake reputation for you? Record them: luck sponsor add PERSON",))


def _stay_surface(f: StayFacts) -> Answer:
    from luckos.domain.surface import last_two_complete

    question = "Stay if your theme is gaining surface area."
    evidence = []
    grew, known = [], 0
    for theme in f.themes:
        pair = last_two_complete(f.surfaces.get(theme.id or 0, ()))
        if pair is None:
            evidence.append(Evidence(f"t{theme.id}", f"{theme.label}: not enough quarters "
                                     "with every factor known"))
            continue
        known += 1
        before, after = pair
        assert before.index is not None and after.index is not None
        factors = ", ".join(f"{a.key[0].upper()} {_n(a.value)}->{_n(b.value)}"
                            for a, b in zip(before.factors, after.factors, strict=True))
        change = ("up from 0" if before.index == 0 and after.index > 0 else "0%"
                  if before.index == 0 else f"{(after.index - before.index) / before.index:+.0%}")
        evidence.append(Evidence(f"t{theme.id}", (
            f"{theme.label}: {before.quarter} {before.index:.2f} -> {after.quarter} "
            f"{after.index:.2f} ({change}; {factors})")))
        if after.index > before.index:
            grew.append(theme)
    if not f.themes:
        return Answer("surface", "stay if", question, "not yet known", "no theme on record",
                      (), ("What do you want to be known for? luck theme add LABEL",))
    if not known:
        return Answer("surface", "stay if", question, "not yet known",
                      "no theme has two complete quarters with every factor known",
                      tuple(evidence), ())
    answer = "yes" if grew else "no"
    summary = (f"{len(grew)} of {known} themes grew their surface area last quarter "
               "(luck surface --theme ID shows the working)")
    return Answer("surface", "stay if", question, answer, summary, tuple(evidence), ())


def _count(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def _n(value: float | None) -> str:
    if value is None:
        return "?"
    return f"{value:g}" if value == int(value) else f"{value:.2f}"


# --- leave if ----------------------------------------------------------------------------


def _leave_flat(f: StayFacts, moved: list[Any]) -> Answer:
    question = "Leave if your calendar is full and your consequence is flat."
    better = [m for m in moved if m[3]]
    evidence = []
    if f.weeks:
        recent = sorted(f.weeks, key=lambda w: w.week_start)[-4:]
        hours = sum(w.meeting_hours for w in recent) / len(recent)
        evidence.append(Evidence("", f"{hours:.1f} meeting hours a week over the {len(recent)} "
                                 f"latest audited weeks (from {recent[0].week_start})"))
        ask = (f"Is {hours:.1f} hours of meetings a week a full calendar for you?",)
    else:
        ask = ("Is your calendar full? (luck calendar audit measures it)",)
    if not moved:
        consequence = "not yet known"
        summary = "no metric has two readings in the last six months"
    elif better:
        consequence = "consequence is moving"
        summary = f"{len(better)} of {len(moved)} metrics moved the right way in six months"
    else:
        consequence = "consequence is flat"
        summary = f"none of {len(moved)} metrics moved the right way in six months"
    return Answer("flat", "leave if", question, consequence, summary, tuple(evidence), ask)


def _leave_without_you(f: StayFacts) -> Answer:
    question = "Leave if decisions that concern you are decided without you."
    escalated = [s for s in f.signals if s.escalated]
    evidence = tuple(Evidence(f"s{s.id}", f"{s.on}: {s.who} escalated {s.what!r} instead of "
                              "routing it to you") for s in escalated)
    summary = (f"{len(escalated)} of {len(f.signals)} routing signals in three months were "
               "escalated past you")
    return Answer("without-you", "leave if", question, "yours to answer", summary, evidence,
                  ("Which decisions about your theme were made in rooms without you?",))


def _leave_problem(f: StayFacts) -> Answer:
    question = ("Leave if you cannot find a problem worth spending the next two years on.")
    evidence = [Evidence(f"t{t.id}", f"theme {t.label}" + (f": {t.problem}" if t.problem else
                                                          "")) for t in f.themes]
    if f.diagnosis is not None:
        age = (f.today - f.diagnosis.on).days if f.diagnosis.on else 0
        problem = textwrap.shorten(f.diagnosis.problem, 160, placeholder=" ...")
        evidence.append(Evidence(f"dg{f.diagnosis.id}", f"diagnosis of {f.diagnosis.on} "
                                 f"({age} days ago), the problem you solve: {problem}"))
    labels = ", ".join(f"t{t.id} {t.label}" for t in f.themes[:3])
    ask = (f"Is {labels} worth the next two years?" if f.themes else
           "What problem would be worth the next two years here?",)
    summary = f"{_count(len(f.themes), 'theme')} on record" + (
        "" if f.diagnosis else "; no diagnosis written (luck diagnose)")
    return Answer("problem", "leave if", question, "yours to answer", summary,
                  tuple(evidence), ask)


def _leave_unstaffed(f: StayFacts) -> Answer:
    question = ("If you cannot get staffed on work that is visible to leadership, spans teams, "
                "and maps to a business metric within two planning cycles, consider moving.")
    passed = sorted(d for d in f.planning if d[1] <= f.today)[-2:]
    ask = ("Mark what is true of your projects: luck project edit ID --visible --spans-teams "
           "--business-metric TEXT",)
    if len(passed) < 2:
        return Answer("staffed", "leave if", question, "not yet known",
                      f"{_count(len(passed), 'planning window')} passed on record; two are "
                      "needed (luck window add NAME --kind planning)", (), ask)
    since = passed[0][1]
    held = [p for p in f.all_projects if p.consequential and p.started_on
            and p.started_on <= f.today and (p.landed_on is None or p.landed_on >= since)]
    evidence = [Evidence(f"w{w}", f"planning window on {on}") for w, on in passed]
    evidence += [Evidence(f"pj{p.id}", f"{p.name}: visible to leadership, spans teams, maps to "
                          f"{p.business_metric}") for p in held]
    partial = [p for p in f.all_projects if not p.consequential and p.started_on
               and p.started_on <= f.today and (p.landed_on is None or p.landed_on >= since)]
    for p in partial[:5]:
        lacks = [name for name, has in (("visible to leadership", p.visible),
                                        ("spans teams", p.spans_teams),
                                        ("a business metric", bool(p.business_metric.strip())))
                 if not has]
        evidence.append(Evidence(f"pj{p.id}", f"{p.name}: lacks {', '.join(lacks)}"))
    if held:
        return Answer("staffed", "leave if", question, "staffed",
                      f"{_count(len(held), 'project')} with all three since the planning "
                      f"window of {since}", tuple(evidence), ())
    return Answer("staffed", "leave if", question, "consider moving",
                  f"two planning windows passed ({since}, {passed[1][1]}) with no project "
                  "that is visible to leadership, spans teams and maps to a business metric",
                  tuple(evidence), ask)


def _leave_no_oxygen(f: StayFacts) -> Answer:
    question = ("Bring the numbers and the brief. If there's still no oxygen, that's your "
                "answer: reposition.")
    counts = {o: [x for x in f.outcomes if x.outcome == o]
              for o in ("funded", "declined", "deferred")}
    evidence = []
    for x in sorted(f.outcomes, key=lambda x: x.outcome_on or f.today):
        ref = f"w{x.id}" if hasattr(x, "recurrence") else f"a{x.id}"
        name = getattr(x, "name", None) or getattr(x, "title", "")
        evidence.append(Evidence(ref, f"{x.outcome} on {x.outcome_on}: {name}"))
    summary = (f"in the last year: {len(counts['funded'])} funded, "
               f"{len(counts['declined'])} declined, {len(counts['deferred'])} deferred")
    ask = ("Record what each window and brief came to: luck window edit ID --outcome "
           "funded|declined|deferred --outcome-on DATE",)
    if not f.outcomes:
        return Answer("oxygen", "leave if", question, "not yet known",
                      "no window or brief has an outcome on record", (), ask)
    if counts["declined"] and not counts["funded"] and len(counts["declined"]) >= 2:
        answer = "no oxygen: reposition"
    elif counts["funded"]:
        answer = "oxygen"
    else:
        answer = "not yet funded"
    return Answer("oxygen", "leave if", question, answer, summary, tuple(evidence), ask)


def _leave_constrained(f: StayFacts) -> Answer:
    question = ("If you cannot earn scope without a title, or cannot do real technical work "
                "with one, the environment is constraining your leverage more than the "
                "ladder is.")
    ask = ("Answer both for your current arc: luck arc edit ID --scope-without-title yes|no "
           "--technical-with-title yes|no --answered DATE",)
    arc = f.arc
    if arc is None:
        return Answer("pendulum", "leave if", question, "not yet known", "no role arc on "
                      "record (luck arc start)", (), ask)
    scope, technical = arc.scope_without_title, arc.technical_with_title
    if not scope and not technical:
        return Answer("pendulum", "leave if", question, "not yet known",
                      f"ar{arc.id} has not answered the two questions", (), ask)
    when = f" on {arc.answered_on}" if arc.answered_on else ""
    evidence = (Evidence(f"ar{arc.id}", f"{arc.role}: scope without a title: "
                         f"{scope or 'unanswered'}; technical work with one: "
                         f"{technical or 'unanswered'}{when}"),)
    age_ask: tuple[str, ...] = ()
    if arc.answered_on and (f.today - arc.answered_on).days > 365:
        age_ask = ("Answered over a year ago: is it still true?",)
    if "no" in (scope, technical):
        cannot = [text for text, value in (("earn scope without a title", scope),
                                           ("do real technical work with one", technical))
                  if value == "no"]
        return Answer("pendulum", "leave if", question, "constraining",
                      "you cannot " + " or ".join(cannot) + " here", evidence, age_ask)
    if scope and technical:
        return Answer("pendulum", "leave if", question, "not constraining",
                      "you can earn scope without a title and do technical work with one",
                      evidence, age_ask)
    return Answer("pendulum", "leave if", question, "not yet known",
                  "one of the two questions is unanswered", evidence, ask)
