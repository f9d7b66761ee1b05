"""The invariants of the operating loop, as a CI run checks a build.

"Lightweight agents that watch logs and open issues when invariants break." Each
invariant is a pure function of plain data and `today` that returns a checks.Result: a
state (ok, broken, not_checked), a one-line finding, the records concerned and what to
do next. Their ids, rules and essay sections are registered in `luckos.domain.checks`.

State invariants (windows, promises, metrics, glue, decisions, projects, reboots) are
"not checked" when there is nothing to check; cadence invariants (explore loop, bench,
diagnosis) break when there is nothing, because the absence is the drift.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from luckos.domain.checks import Item, Result, broken, not_checked, ok, plural, refs
from luckos.domain.records import METRIC_SLOT_NAMES

if TYPE_CHECKING:  # for the annotations only; each is imported where it is used
    from luckos.domain.brief_source import BriefSource
    from luckos.domain.cadence import CadenceStatus
    from luckos.domain.glue import GlueWeek
    from luckos.domain.reboot import RebootStatus
    from luckos.domain.records import BenchEntry, Decision, Diagnosis, Promise
    from luckos.domain.records import Project as ProjectRecord
    from luckos.domain.themes import MetricStatus
    from luckos.domain.windows import WindowOccurrence

# --- the timing calendar -----------------------------------------------------------------


def window_prep(occurrences: Sequence[WindowOccurrence], today: dt.date, *,
                any_windows: bool) -> Result:
    """Windows that open within their prep lead: each needs its two-pager and demo."""
    id_ = "window-prep"
    if not any_windows:
        return not_checked(id_, "no decision windows recorded",
                           "add the weeks your org decides: luck window add NAME --on DATE")
    in_prep = [o for o in occurrences if o.prep_due <= today <= o.on]
    gaps = [o for o in in_prep if o.missing()]
    if gaps:
        items = [Item(f"w{o.window.id}", f"{o.window.name} on {o.on} (prep was due "
                      f"{o.prep_due}): no {' and no '.join(o.missing())}") for o in gaps]
        return broken(
            id_,
            f"{plural(len(gaps), 'window')} within the prep lead without "
            f"{'its' if len(gaps) == 1 else 'their'} two-pager or demo: {refs(items)}",
            "link the two-pager (luck artifact add TITLE --kind brief --window W --link PATH) "
            "and the demo (--kind demo); you are being useful at the moment decisions congeal",
            items,
        )
    if in_prep:
        return ok(id_, f"{plural(len(in_prep), 'window')} within the prep lead, each with "
                  "its two-pager and demo",
                  [Item(f"w{o.window.id}", f"{o.window.name} on {o.on}") for o in in_prep])
    later = [o for o in occurrences if o.on >= today]
    if later:
        o = later[0]
        return ok(id_, f"no window within its prep lead; next: w{o.window.id} "
                  f"{o.window.name} on {o.on}, prep due {o.prep_due}")
    return ok(id_, "no window within its prep lead")


def brief_lints(sources: Sequence[BriefSource], *, unavailable: str | None) -> Result:
    """A window within its prep lead whose two-pagers all fail the linter breaks this."""
    id_ = "brief-lints"
    if unavailable:
        return not_checked(id_, unavailable)
    if not sources:
        return not_checked(id_, "no window within its prep lead has a linked two-pager")
    by_window: dict[tuple[str, dt.date], list[BriefSource]] = {}
    for s in sources:
        by_window.setdefault((s.window_ref, s.on), []).append(s)
    items: list[Item] = []
    lintable = 0
    for (ref, _on), found in by_window.items():
        if any(s.clean for s in found):
            lintable += 1
            continue
        local = [s for s in found if s.local]
        if not local:
            continue  # only links we cannot read: nothing to judge
        lintable += 1
        for s in local:
            why = s.problem or (f"{plural(len(s.errors), 'error')}: " + "; ".join(s.errors[:3]))
            items.append(Item(ref, f"{s.window_name} on {s.on}: {s.source}: {why}"))
    if not lintable:
        return not_checked(id_, "the two-pagers of the windows within their prep lead are "
                           "links, not local files")
    if items:
        windows = sorted({i.ref for i in items})
        return broken(
            id_,
            f"{plural(len(windows), 'window')} within the prep lead with no two-pager that "
            f"lints clean: {', '.join(windows)}",
            "fix what luck doc lint reports: three options with costs and risks, a "
            "recommendation, the decision asked with an owner and a date",
            items,
        )
    return ok(id_, f"{plural(lintable, 'window')} within the prep lead, each with a "
              "two-pager that lints clean")


# --- the credibility ledger --------------------------------------------------------------


def promise_overdue(open_promises: Sequence[Promise], today: dt.date, *, grace_days: int,
                    any_promises: bool) -> Result:
    id_ = "promise-overdue"
    if not any_promises:
        return not_checked(id_, "no promises recorded",
                           'capture one: luck promise add "WHAT" --to WHO --due fri')
    limit = today - dt.timedelta(days=grace_days)
    late = sorted((p for p in open_promises
                   if p.status == "open" and p.due is not None and p.due < limit),
                  key=lambda p: (p.due, p.id or 0))
    if not late:
        return ok(id_, "no open promise is past its due date"
                  + (f" (grace {grace_days} days)" if grace_days else ""))
    items = [Item(f"p{p.id}", f"due {p.due} ({(today - p.due).days} days ago) to "
                  f"{p.to_whom}: {p.what}") for p in late if p.due]
    return broken(
        id_,
        f"{plural(len(late), 'promise')} overdue and neither kept nor renegotiated: "
        f"{refs(items)}",
        "keep, renegotiate or close each, with the person you promised: luck promise keep "
        "ID, luck promise renegotiate ID --due DATE, luck promise miss ID",
        items,
    )


# --- consequence -------------------------------------------------------------------------


def required_month(today: dt.date, grace_days: int) -> str:
    """The month whose reading is due: this month, or last month in the first days."""
    if today.day <= grace_days:
        last = today.replace(day=1) - dt.timedelta(days=1)
        return last.isoformat()[:7]
    return today.isoformat()[:7]


def metric_readings(statuses: Sequence[MetricStatus], today: dt.date, *,
                    grace_days: int) -> Result:
    from luckos.domain.themes import two_sentences

    id_ = "metric-readings"
    if not statuses:
        return not_checked(id_, "no themes recorded",
                           "own a theme: luck theme add LABEL, then its three metrics")
    month = required_month(today, grace_days)
    items = []
    for s in statuses:
        theme = f"t{s.theme.id} {s.theme.label}"
        slot = METRIC_SLOT_NAMES[s.slot]
        if s.metric is None:
            items.append(Item(f"t{s.theme.id}", f"{theme}: no {slot} metric defined"))
        elif s.latest is None or s.latest.month < month:
            last = f"last {s.latest.month}" if s.latest else "never read"
            items.append(Item(f"m{s.metric.id}", f"{theme}: {slot} ({s.metric.name}) has no "
                              f"reading for {month} ({last})"))
        elif s.latest.month == month and not s.latest.narrative.strip():
            items.append(Item(f"r{s.latest.id}", f"{theme}: the {month} reading of "
                              f"{s.metric.name} has no narrative"))
        elif s.latest.month == month and not two_sentences(s.latest.narrative):
            items.append(Item(f"r{s.latest.id}", f"{theme}: the {month} reading of "
                              f"{s.metric.name} has a one-sentence narrative (two: what "
                              "moved and why)"))
    if not items:
        return ok(id_, f"every theme metric has its {month} reading with a narrative")
    return broken(
        id_,
        f"{plural(len(items), 'theme metric')} without a {month} reading and its "
        f"narrative: {refs(items)}",
        "run the consequence update: luck review --month (three numbers, two sentences each)",
        items,
    )


# --- the explore loop --------------------------------------------------------------------


def explore_loop(cadences: Sequence[CadenceStatus]) -> Result:
    id_ = "explore-loop"
    behind = [c for c in cadences if c.behind]
    items = [Item(c.ref or "", c.describe()) for c in cadences if c.last is not None]
    if not behind:
        return ok(id_, "the explore loop is on cadence: " + "; ".join(
            f"{c.name} {c.ref} {c.days_since}d ago" for c in cadences), items)
    parts = []
    for c in behind:
        if c.last is None:
            parts.append(f"no {c.name} yet")
        else:
            parts.append(f"no {c.name} in {c.every_days} days "
                         f"(last {c.ref}, {c.days_since}d ago)")
    return broken(
        id_,
        "the explore loop is behind: " + "; ".join(parts),
        "put the explore loop on the calendar first, then log it: luck explore add TITLE "
        "--kind weekend-prototype|talk|paper-reproduction|teardown",
        items,
    )


# --- the maker day -----------------------------------------------------------------------


def maker_day(weeks: Sequence[Any], *, running: int, maker: str,
              unavailable: str | None) -> Result:
    """`weeks` are the calendar audit's week summaries: anything with `week_start` (a
    date), `meeting_hours` and `maker_day_kept`."""
    id_ = "maker-day"
    if unavailable:
        return not_checked(id_, unavailable)
    if not weeks:
        return not_checked(id_, "no calendar audit yet",
                           "audit the calendar: luck calendar import FILE.ics")
    ordered = sorted(weeks, key=lambda w: w.week_start)
    streak: list[Any] = []
    for week in reversed(ordered):
        if week.maker_day_kept:
            break
        streak.append(week)
    streak.reverse()
    last = ordered[-1].week_start
    if len(streak) >= running:
        items = [Item("", f"week of {w.week_start}: {w.meeting_hours:g} meeting hours, "
                      f"maker day ({maker}) broken") for w in streak]
        return broken(
            id_,
            f"the maker day ({maker}) was broken {len(streak)} weeks running, up to the week "
            f"of {last}",
            "protect it: move or decline its meetings, share your schedule norms and hold "
            "them (maker_day in luck.toml names the day)",
            items,
        )
    kept = "kept" if not streak else f"broken {len(streak)} week(s) running, under {running}"
    return ok(id_, f"the maker day ({maker}) is {kept} as of the audited week of {last}")


# --- glue --------------------------------------------------------------------------------


def no_glue(weeks: int) -> Result:
    """glue-ratio with no glue logged in the last `weeks` weeks: nothing to judge."""
    return not_checked("glue-ratio", f"no glue logged in the last {plural(weeks, 'week')}",
                       'log it as it happens: luck glue add "WHAT" --hours H '
                       "[--unlocks DELIVERABLE]")


def glue_ratio(weeks: Sequence[GlueWeek], *, max_ratio: float, week_hours: float,
               any_glue: bool) -> Result:
    id_ = "glue-ratio"
    if not any_glue:
        return no_glue(len(weeks))
    items = [Item("", f"week of {w.start}: {w.substitute_hours:g} h of glue that unlocks "
                  f"nothing / {week_hours:g} h = {w.ratio(week_hours):.0%} (all glue "
                  f"{w.hours:g} h)") for w in weeks]
    over = [w for w in weeks if w.over(week_hours, max_ratio)]
    if len(over) == len(weeks) and weeks:
        bare = sorted({e.what for w in weeks for e in w.substitutes if not e.mechanism.strip()})
        named = sorted({f"{e.what} ({e.mechanism})" for w in weeks for e in w.substitutes
                        if e.mechanism.strip()})
        step = ("say no to glue that exists because a process is broken, and offer a "
                "mechanism instead (an FAQ, a short video, a runbook)")
        if bare:
            step += f" for {'; '.join(bare[:4])} (luck glue edit ID --mechanism TEXT)"
        elif named:
            step = "put the mechanisms you named in place: " + "; ".join(named[:4])
        return broken(
            id_,
            f"glue that unlocks no deliverable took over {max_ratio:.0%} of the week "
            f"{len(weeks)} weeks running: " + ", ".join(
                f"{w.ratio(week_hours):.0%}" for w in weeks),
            step,
            items,
        )
    return ok(id_, f"glue that unlocks nothing stayed under {max_ratio:.0%} of a "
              f"{week_hours:g}-hour week in {len(weeks) - len(over)} of the last "
              f"{len(weeks)} weeks", items)


# --- decisions and projects --------------------------------------------------------------


def decision_review(due: Sequence[Decision], today: dt.date, *, grace_days: int,
                    any_decisions: bool) -> Result:
    id_ = "decision-review"
    if not any_decisions:
        return not_checked(id_, "no decisions recorded",
                           'log the next bet: luck decision add "TITLE" --review DATE')
    limit = today - dt.timedelta(days=grace_days)
    late = [d for d in due if d.review_on and d.review_on < limit and not d.outcome.strip()]
    if not late:
        return ok(id_, "no decision is past its review date without an outcome")
    items = [Item(f"d{d.id}", f"review was due {d.review_on}: {d.title}") for d in late
             if d.review_on]
    return broken(
        id_,
        f"{plural(len(late), 'decision')} past the review date with no outcome: "
        f"{refs(items)}",
        "write what happened and what you did when the world disagreed: luck decision close "
        "ID --outcome TEXT --response TEXT",
        items,
    )


def project_kill_review(projects: Sequence[ProjectRecord], today: dt.date, *,
                        grace_days: int, default_weeks: int, any_projects: bool) -> Result:
    """`projects` may hold only the running ones (neither paused nor landed)."""
    id_ = "project-kill-review"
    if not any_projects:
        return not_checked(id_, "no projects recorded",
                           'score the next one: luck project add "NAME" --five-minute-demo '
                           "0-2 ...")
    from luckos.domain.projects import closed, kill_review_date, kill_review_pending

    pending = [p for p in projects
               if kill_review_pending(p, today, default_weeks, grace_days)]
    if not pending:
        running = [p for p in projects if not closed(p)]
        return ok(id_, f"no project past its kill review ({plural(len(running), 'project')} "
                  "running)")
    items = [Item(f"pj{p.id}", f"kill review was due {kill_review_date(p, default_weeks)}: "
                  f"{p.name}") for p in pending]
    return broken(
        id_,
        f"{plural(len(pending), 'project')} past the kill review with no continue-or-pause: "
        f"{refs(items)}",
        "hold the kill review: enthusiasm, a measurable signal, a safe landing path? "
        "luck project review ID --outcome continue|pause-publicly --why TEXT",
        items,
    )


def project_milestone(projects: Sequence[ProjectRecord], today: dt.date, *,
                      grace_days: int, any_projects: bool) -> Result:
    """`projects` may hold only the running ones."""
    id_ = "project-milestone"
    if not any_projects:
        return not_checked(id_, "no projects recorded")
    from luckos.domain.projects import closed, milestone_due, milestone_late

    running = [p for p in projects if not closed(p)]
    late = [p for p in running if milestone_late(p, today, grace_days)]
    if not late:
        return ok(id_, f"no running project past its first milestone "
                  f"({plural(len(running), 'project')} running)")
    items = []
    for p in late:
        due = milestone_due(p)
        what = f"{p.milestone!r} " if p.milestone else ""
        dated = "" if p.milestone_on else " (no date set: a quarter after the start)"
        items.append(Item(f"pj{p.id}", f"{p.name}: first milestone {what}was due {due}"
                          f"{dated}, not landed"))
    return broken(
        id_,
        f"{plural(len(late), 'project')} past the first milestone without it landing: "
        f"{refs(items)}",
        "land it (luck project edit ID --milestone-landed DATE), or hold the kill review: "
        "a project scoped to show momentum within a quarter that shows none is a signal",
        items,
    )


# --- the 90-day reboot -------------------------------------------------------------------


def reboot(status: RebootStatus | None, last_ended: Any = None) -> Result:
    """`last_ended` is the reboot that ended last (when none runs): one that ended before
    week 12 without a reason breaks this."""
    id_ = "reboot"
    if status is None:
        week = None
        if last_ended is not None:
            from luckos.domain.reboot import ended_early_without_reason

            week = ended_early_without_reason(last_ended)
        if week is not None:
            rb = f"rb{last_ended.id}"
            return broken(id_, f"{rb} ended in week {week} of 12 with no reason given",
                          "say why it ended early (luck reboot edit ID --note TEXT, starting "
                          "\"ended early on DATE\"), or start the next one and run it to "
                          "week 12", [Item(rb, f"ended {last_ended.ended_on}: "
                                           f"{last_ended.postmortem[:60]}")])
        return not_checked(id_, "no 90-day reboot running")
    rb = f"rb{status.reboot.id}"
    late = status.late
    items = [Item(rb, f"checkpoint {c.checkpoint.number} ({c.checkpoint.key}) was due by "
                  f"{c.due}: {c.checkpoint.text}") for c in late
             if c.checkpoint.key != "post-mortem"]
    if status.asks_for_postmortem:
        items.append(Item(rb, f"week 12 ends {status.end}: write the one-page post-mortem"))
    if not items:
        week = status.week
        when = f"week {week} of 12" if 1 <= week <= 12 else (
            "starts " + str(status.start) if week == 0 else "past week 12")
        return ok(id_, f"{rb} is on track: {when}, {status.done} of "
                  f"{len(status.checkpoints)} checkpoints done")
    late_count = len(items) - (1 if status.asks_for_postmortem else 0)
    parts = []
    if late_count:
        parts.append(f"{plural(late_count, 'checkpoint')} past their weeks")
    if status.asks_for_postmortem:
        parts.append("the one-page post-mortem is due")
    return broken(
        id_,
        f"{rb}: " + " and ".join(parts),
        "mark what is done (luck reboot done N), or write the post-mortem (luck reboot "
        "postmortem FILE); momentum is narrative",
        items,
    )


# --- bench and diagnosis -----------------------------------------------------------------


def bench_action(latest: BenchEntry | None, today: dt.date, *, days: int) -> Result:
    id_ = "bench-action"
    step = ("name a person and the bet in writing, then back them: luck bench add PERSON "
            "--action unblocked|promoted|placed|sponsored --bet TEXT")
    if latest is None or latest.on is None:
        return broken(id_, "no bench action recorded yet", step)
    age = (today - latest.on).days
    item = Item(f"b{latest.id}", f"{latest.action} {latest.person} on {latest.on}")
    if age > days:
        return broken(id_, f"no bench action in the last {days} days (last b{latest.id}, "
                      f"{age} days ago)", step, [item])
    return ok(id_, f"last bench action b{latest.id} {age} days ago ({latest.action} "
              f"{latest.person})", [item])


def diagnosis_age(latest: Diagnosis | None, today: dt.date, *, max_days: int) -> Result:
    id_ = "diagnosis-age"
    step = "answer the three questions again, a paragraph each: luck diagnose"
    if latest is None or latest.on is None:
        return broken(id_, "the three questions have never been answered in writing",
                      "build the paragraphs first, one per question: luck diagnose")
    from luckos.domain.diagnosis import flags

    age = (today - latest.on).days
    items = [Item(f"dg{latest.id}", f"answer {n} ({field}): {flag}")
             for n, field, flag in flags(latest)]
    if age > max_days:
        return broken(id_, f"the diagnosis dg{latest.id} is {age} days old (older than "
                      f"{max_days})", step, items)
    if items:
        return broken(id_, f"the diagnosis dg{latest.id} has {plural(len(items), 'answer')} "
                      f"that {'is' if len(items) == 1 else 'are'} not a paragraph: "
                      + ", ".join(f"answer {n}" for n, _, _ in flags(latest)),
                      "build the paragraphs first, one per question (at least two "
                      "sentences each): luck diagnose", items)
    return ok(id_, f"the diagnosis dg{latest.id} is {age} days old, a paragraph each", items)


# --- two surfaces, the writing habit, fewer bets ----------------------------------------


def two_surfaces(quarter: str, surfaces: Sequence[str], *, any_artifacts: bool) -> Result:
    """`surfaces` are the surfaces of the artifacts of the last complete `quarter`."""
    id_ = "two-surfaces"
    if not any_artifacts:
        return not_checked(id_, "no artifacts recorded",
                           "log what you ship: luck artifact add TITLE --kind KIND --surface "
                           "public|internal")
    missing = [s for s in ("public", "internal") if s not in surfaces]
    if missing:
        return broken(id_, f"{quarter} had no {' and no '.join(missing)} artifact "
                      f"({plural(len(surfaces), 'artifact')} in all)",
                      "build both surfaces each quarter: a post, a talk or open source in "
                      "public; a design doc, a runbook or a brief inside")
    return ok(id_, f"{quarter} had {surfaces.count('public')} public and "
              f"{surfaces.count('internal')} internal artifacts")


def writing_habit(last_entry: Any, last_artifact: Any, today: dt.date, *,
                  entry_days: int, artifact_days: int) -> Result:
    """`last_entry` is the latest year-in-public note, `last_artifact` the latest artifact."""
    id_ = "writing-habit"
    items, gaps = [], []
    for what, record, prefix, days in (("year-in-public entry", last_entry, "n", entry_days),
                                       ("artifact", last_artifact, "a", artifact_days)):
        if record is None or record.on is None:
            gaps.append(f"no {what} yet")
            continue
        age = (today - record.on).days
        items.append(Item(f"{prefix}{record.id}", f"last {what} {record.on} ({age}d ago)"))
        if age > days:
            gaps.append(f"no {what} in {days} days (last {prefix}{record.id}, {age}d ago)")
    if gaps:
        return broken(id_, "the writing habit lapsed: " + "; ".join(gaps),
                      "keep the year in public log (luck note add TEXT --kind year-in-public) "
                      "and narrate the wins (luck artifact add TITLE)", items)
    return ok(id_, "a year-in-public entry and an artifact within the month", items)


def fewer_bets(themes: Sequence[Any], projects: Sequence[Any], *, max_themes: int,
               max_projects: int) -> Result:
    id_ = "fewer-bets"
    if not themes and not projects:
        return not_checked(id_, "no active themes or running projects")
    over = []
    if len(themes) > max_themes:
        over.append(f"{plural(len(themes), 'active theme')} (more than {max_themes})")
    if len(projects) > max_projects:
        over.append(f"{plural(len(projects), 'running project')} (more than {max_projects})")
    items = [Item(f"t{t.id}", t.label) for t in themes] + [
        Item(f"pj{p.id}", p.name) for p in projects]
    if over:
        return broken(id_, "too many bets at once: " + "; ".join(over),
                      "fewer, more consequential bets: retire a theme (luck theme edit ID "
                      "--ended DATE) or pause a project publicly (luck project review ID)",
                      items)
    return ok(id_, f"{plural(len(themes), 'active theme')}, "
              f"{plural(len(projects), 'running project')}", items)
