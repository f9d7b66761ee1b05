"""`luck check`: gather what each invariant needs from the workspace and run it.

The doc linter (`luckos.writing.lint`) and the calendar audit (`luckos.app.calendar`) are
imported lazily; when either is missing, the invariant that needs it reports itself as
not checked, with the reason, instead of passing or failing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from luckos.domain import checks, invariants, windows
from luckos.domain.checks import INVARIANTS, Result
from luckos.errors import LuckError
from luckos.store import loop as q
from luckos.workspace import Workspace


class CheckReport:
    """The verdicts of one check (a plain class: built once per run, a dataclass would
    cost the command its generated methods)."""

    __slots__ = ("results", "today")

    def __init__(self, today: dt.date, results: tuple[Result, ...]) -> None:
        self.today = today
        self.results = results

    def count(self, state: str) -> int:
        return sum(1 for r in self.results if r.state == state)

    @property
    def broken(self) -> bool:
        return any(r.broken for r in self.results)


def check_ids(only: Sequence[str]) -> list[str]:
    unknown = [i for i in only if i not in INVARIANTS]
    if unknown:
        raise LuckError(f"unknown invariant {unknown[0]!r} (known: {', '.join(INVARIANTS)})")
    return [i for i in INVARIANTS if not only or i in only]


def run(ws: Workspace, today: dt.date, only: Sequence[str] = (), *,
        gather: _Gatherer | None = None) -> CheckReport:
    """The invariants (`only` these, when given); `gather` shares what was read already
    with the caller (the weekly review shows the same window dates)."""
    ws.config.validate()  # the whole of luck.toml: a bad key anywhere is a broken setup
    # alone, the check shows a promotion packet's readiness only for the windows within
    # their prep lead
    gather = gather or _Gatherer(ws, today, shown_days=0)
    results = []
    for id_ in check_ids(only):
        if not ws.config.check.on(id_):
            results.append(checks.off(id_))
            continue
        results.append(_RUNNERS[id_](gather))
    return CheckReport(today, tuple(results))


def gatherer(ws: Workspace, today: dt.date) -> _Gatherer:
    """What the checks read, shared with the weekly review (which shows the windows of
    its horizon)."""
    return _Gatherer(ws, today, shown_days=ws.config.thresholds.window_horizon_days)


class _Gatherer:
    """Reads each piece of data once, however many invariants need it. `shown_days`:
    the window dates within this many days of today show their promotion packet's
    readiness, as do those within their prep lead."""

    def __init__(self, ws: Workspace, today: dt.date, *, shown_days: int) -> None:
        self.ws = ws
        self.today = today
        self.shown_days = shown_days
        self.store = ws.store
        self.check = ws.config.check
        self._occurrences: list[windows.WindowOccurrence] | None = None
        self._in_prep: list[windows.WindowOccurrence] | None = None
        self._themes: list[Any] | None = None

    def occurrences(self) -> list[windows.WindowOccurrence]:
        """Window dates from today to the review horizon (or the longest prep lead)."""
        if self._occurrences is None:
            active = self.store.windows_active(self.today)
            horizon = max([self.ws.config.thresholds.window_horizon_days,
                           *(w.prep_lead_days for w in active)])
            ids = [w.id for w in active if w.id is not None]
            linked = q.artifacts_for(self.store, ids)
            found = windows.upcoming(active, linked, self.today, horizon,
                                     q.estimates_for(self.store, ids))
            self._occurrences = self._with_packets(found, active, linked)
        return self._occurrences

    def soonest(self, limit: int) -> tuple[list[windows.WindowOccurrence], int]:
        """The first `limit` window dates from today to the review's horizon, and how many
        there are in all. A screen shows the first few: their readiness, estimates and
        packet are made, the other dates only counted (`occurrences` makes every one)."""
        days = self.ws.config.thresholds.window_horizon_days
        end = self.today + dt.timedelta(days=days)
        if self._occurrences is not None:
            made = [o for o in self._occurrences if o.on <= end]
            return made[:limit], len(made)
        # of the one-off windows (one date each) only the first few can be shown: the
        # others are counted
        active, total = q.windows_within(self.store, self.today, end, first=limit)
        dated: list[tuple[dt.date, int]] = []
        for w in active:
            found = windows.dates_within(w, self.today, end)
            total += len(found)
            dated.extend((day, w.id or 0) for day in found[:limit])
        first = {i for _, i in sorted(dated)[:limit]}
        shown = [w for w in active if (w.id or 0) in first]
        ids = [w.id for w in shown if w.id is not None]
        # and those of the recurring windows, which the packet's readiness counts
        linked = q.artifacts_for(self.store, [*ids, *(w.id for w in active
                                                      if w.recurrence and w.id is not None)])
        made = windows.upcoming(shown, linked, self.today, days,
                                q.estimates_for(self.store, ids))[:limit]
        return self._with_packets(made, active, linked), total

    def _with_packets(self, found: list[windows.WindowOccurrence], read: Sequence[Any],
                      linked: Sequence[Any]) -> list[windows.WindowOccurrence]:
        """`found` with the promotion packet's readiness of the dates that show it, from
        the windows `read` and their `linked` artifacts (no packet module is loaded when
        none shows it)."""
        if not any(self._packet_shown(o) for o in found):
            return found
        from luckos.app.windows import with_packets

        return with_packets(self.ws, found, self.today, (read, linked))

    def _packet_shown(self, o: windows.WindowOccurrence) -> bool:
        """Whether the readiness of a promotion packet is shown for `o`: the review shows
        windows within its horizon, `luck check` those within their prep lead. Further
        dates are only named, so the packet (a year of records) is not built for them."""
        shown_until = self.today + dt.timedelta(days=self.shown_days)
        return (o.window.kind in windows.PACKET_WINDOW_KINDS
                and (o.on <= shown_until or o.prep_due <= self.today))

    def active_themes(self) -> list[Any]:
        """The themes not retired by today (metric-readings and fewer-bets both judge
        them)."""
        if self._themes is None:
            from luckos.domain.themes import active

            self._themes = active(self.store.all("theme"), self.today)
        return self._themes

    def in_prep(self) -> list[windows.WindowOccurrence]:
        """The window dates within their prep lead today."""
        if self._in_prep is None:
            if self._occurrences is None and not self.shown_days:
                self._in_prep = self._within_prep()
            else:
                self._in_prep = [o for o in self.occurrences()
                                 if o.prep_due <= self.today <= o.on]
        return self._in_prep

    def _within_prep(self) -> list[windows.WindowOccurrence]:
        """`in_prep` of the check alone, which shows no date past the prep lead but the
        next one: only the windows that can be within it are read and expanded, without
        the estimates saved for them (the check shows none)."""
        reach = q.windows_in_prep_reach(self.store, self.today)
        lead = max((w.prep_lead_days for w in reach), default=0)
        linked = q.artifacts_for(self.store, [w.id for w in reach if w.id is not None])
        found = windows.upcoming(reach, linked, self.today, lead)
        found = [o for o in found if o.prep_due <= self.today <= o.on]
        return self._with_packets(found, reach, linked)

    def prep_or_next(self) -> list[windows.WindowOccurrence]:
        """What the window-prep invariant judges: the dates within their prep lead, or
        (none being) every date to the horizon, of which it names the next."""
        return self.in_prep() or self.occurrences()


def _window_prep(g: _Gatherer) -> Result:
    return invariants.window_prep(g.prep_or_next(), g.today,
                                  any_windows=q.exists(g.store, "window"))


def _brief_lints(g: _Gatherer) -> Result:
    offered: list[tuple[windows.WindowOccurrence, str, str, str | None]] = []
    for o in g.in_prep():
        if not o.window.needs_brief:
            continue
        since = windows.previous_occurrence(o.window, o.on)
        briefs = [a for a in q.artifacts_for(g.store, [o.window.id or 0])
                  if a.kind in windows.BRIEF_KINDS and (since is None or a.on is None
                                                        or a.on > since)]
        offered += [(o, f"a{a.id} {a.link}".strip(), a.link, a.kind) for a in briefs]
        offered += [(o, doc, doc, None) for doc in o.window.docs]
    if not offered:  # nothing to lint: do not pay for loading the linter
        return invariants.brief_lints([], unavailable=None)
    found = [(o, label, _local_file(g.ws, link), kind) for o, label, link, kind in offered]
    lint_text: Callable[..., list[Any]] | None = None
    if any(path for _, _, (_, path, _), _ in found):
        try:
            from luckos.writing.lint import lint_text
        except ImportError as exc:
            return invariants.brief_lints([], unavailable="the doc linter is not installed "
                                          f"(luckos.writing.lint: {exc})")
    else:  # no file to read: the linter is not loaded, only looked for
        missing = _not_installed("luckos.writing.lint")
        if missing:
            return invariants.brief_lints(
                [], unavailable=f"the doc linter is not installed ({missing})")
    from luckos.domain.brief_source import BriefSource

    sources = []
    for o, label, (problem, path, local), kind in found:
        errors: list[str] = []
        if path is not None and lint_text is not None:
            problem, errors = _lint_one(g.ws, path, kind, lint_text)
        sources.append(BriefSource(f"w{o.window.id}", o.window.name, o.on, label,
                                   tuple(errors), problem, local))
    return invariants.brief_lints(sources, unavailable=None)


def _local_file(ws: Workspace, link: str) -> tuple[str | None, str | None, bool]:
    """(why it cannot be linted, the file to lint, whether it is a file on this
    machine). Paths are text, as pathlib would write them: the check loads no pathlib."""
    from luckos import paths

    if not link.strip():
        return "no link to a file", None, False
    if "://" in link or link.startswith("mailto:"):
        return "a link, not a local file", None, False
    path = paths.expanduser(paths.normal(link))
    if not path.startswith("/"):
        path = paths.child(ws.folder, path) if path != "." else ws.folder
    if not paths.is_file(path):
        return f"{path} does not exist", None, True
    return None, path, True


def _lint_one(ws: Workspace, path: str, kind: str | None,
              lint_text: Callable[..., list[Any]]) -> tuple[str | None, list[str]]:
    """(why it could not be linted, the error findings described) of a local file."""
    try:
        with open(path, encoding="utf-8") as file:
            text = file.read()
    except UnicodeDecodeError:
        return f"{path} is not UTF-8 text", []
    except OSError as exc:
        return f"{path} cannot be read ({exc.strerror})", []
    try:
        found = lint_text(text, kind=kind if kind in ("brief", "one-pager") else None,
                          config=ws.config)
    except LuckError as exc:
        return f"the linter refused it: {exc}", []
    return None, [_describe(f) for f in found if getattr(f, "severity", "") == "error"]


def _describe(finding: Any) -> str:
    rule = getattr(finding, "rule", None) or getattr(finding, "rule_id", None)
    message = getattr(finding, "message", None) or str(finding)
    line = getattr(finding, "line", None)
    where = f"line {line}: " if line else ""
    return f"{where}{message}" + (f" [{rule}]" if rule else "")


def _promise_overdue(g: _Gatherer) -> Result:
    grace = g.check.value("promise-overdue", "grace_days")
    late = g.store.open_promises_due_by(g.today - dt.timedelta(days=grace + 1))
    return invariants.promise_overdue(late, g.today, grace_days=grace,
                                  any_promises=bool(late) or q.exists(g.store, "promise"))


def _metric_readings(g: _Gatherer) -> Result:
    themes = g.active_themes()
    if not themes:
        return invariants.metric_readings([], g.today, grace_days=0)
    from luckos.domain.themes import metric_statuses

    metrics = g.store.all("metric")
    statuses = metric_statuses(themes, metrics,
                               q.readings_of(g.store, [m.id for m in metrics], per_metric=2))
    return invariants.metric_readings(statuses, g.today,
                                  grace_days=g.check.value("metric-readings", "grace_days"))


def _explore_loop(g: _Gatherer) -> Result:
    from luckos.app.explore import cadences

    return invariants.explore_loop(cadences(g.ws, g.today))


def _maker_day(g: _Gatherer) -> Result:
    running = g.check.value("maker-day", "weeks")
    maker = g.ws.config.maker_day
    if not q.calendar_imported(g.store):  # no audit kept: nothing to load the audit for
        missing = _not_installed("luckos.app.calendar")
        return invariants.maker_day([], running=running, maker=maker, unavailable=(
            f"the calendar audit is not installed ({missing})" if missing else None))
    try:
        from luckos.app.calendar import latest_weeks
    except ImportError as exc:
        return invariants.maker_day([], running=running, maker=maker,
                                unavailable="the calendar audit is not installed "
                                f"(luckos.app.calendar: {exc})")
    return invariants.maker_day(list(latest_weeks(g.ws) or []), running=running, maker=maker,
                            unavailable=None)


def _not_installed(module: str) -> str | None:
    """Why `module` cannot be imported, told without importing it (None: it can be)."""
    import importlib.util
    import sys

    if module in sys.modules:  # loaded already (None: refused, as if not installed)
        return None if sys.modules[module] is not None else f"{module}: not importable"
    try:
        found = importlib.util.find_spec(module)
    except (ImportError, ValueError) as exc:
        return f"{module}: {exc}"
    return None if found is not None else f"{module}: No module named {module!r}"


def _glue_ratio(g: _Gatherer) -> Result:
    from luckos.dates import complete_weeks

    s = g.check
    starts = complete_weeks(g.today, g.ws.config.week_start_index, s.value("glue-ratio", "weeks"))
    if not q.dated_within(g.store, "glue", starts[0], starts[-1] + dt.timedelta(days=6)):
        return invariants.no_glue(len(starts))  # the weeks' glue is not read
    from luckos.app.glue import glue_weeks

    weeks = glue_weeks(g.ws, g.today, s.value("glue-ratio", "weeks"))
    return invariants.glue_ratio(weeks, max_ratio=s.value("glue-ratio", "max_ratio"),
                             week_hours=s.value("glue-ratio", "week_hours"),
                             any_glue=any(w.entries for w in weeks))


def _decision_review(g: _Gatherer) -> Result:
    due = g.store.decisions_to_review(g.today)
    return invariants.decision_review(due, g.today,
                                  grace_days=g.check.value("decision-review", "grace_days"),
                                  any_decisions=bool(due) or q.exists(g.store, "decision"))


def _project_kill_review(g: _Gatherer) -> Result:
    s = g.check
    projects = q.open_projects(g.store)
    return invariants.project_kill_review(
        projects, g.today, grace_days=s.value("project-kill-review", "grace_days"),
        default_weeks=s.value("project-kill-review", "default_weeks"),
        any_projects=bool(projects) or q.exists(g.store, "project"))


def _project_milestone(g: _Gatherer) -> Result:
    projects = q.open_projects(g.store)
    return invariants.project_milestone(
        projects, g.today, grace_days=g.check.value("project-milestone", "grace_days"),
        any_projects=bool(projects) or q.exists(g.store, "project"))


def _reboot(g: _Gatherer) -> Result:
    running = q.running_reboot(g.store)
    if running:
        from luckos.domain import reboot

        try:
            return invariants.reboot(reboot.status(running, g.today))
        except LuckError:  # a start date out of range: `stored-values` reports it
            return invariants.reboot(None)
    return invariants.reboot(None, q.last_ended_reboot(g.store))


def _bench_action(g: _Gatherer) -> Result:
    return invariants.bench_action(q.latest(g.store, "bench", until=g.today), g.today,
                               days=g.check.value("bench-action", "days"))


def _diagnosis_age(g: _Gatherer) -> Result:
    return invariants.diagnosis_age(q.latest(g.store, "diagnosis", until=g.today), g.today,
                                max_days=g.check.value("diagnosis-age", "max_days"))


def _two_surfaces(g: _Gatherer) -> Result:
    from luckos.dates import quarter_span as quarter_of

    name, start, _ = quarter_of(g.today)
    last, last_start, last_end = quarter_of(start - dt.timedelta(days=1))
    surfaces = q.surfaces_between(g.store, last_start, last_end)
    return invariants.two_surfaces(last, surfaces,
                                   any_artifacts=bool(surfaces) or q.exists(g.store, "artifact"))


def _writing_habit(g: _Gatherer) -> Result:
    s = g.check
    # the newest entry's and artifact's id and date are all it judges: no note is built
    return invariants.writing_habit(
        q.latest_dated(g.store, "note", column="kind", values=("year-in-public",),
                       until=g.today),
        q.latest_dated(g.store, "artifact", until=g.today), g.today,
        entry_days=s.value("writing-habit", "year_in_public_days"),
        artifact_days=s.value("writing-habit", "artifact_days"))


def _fewer_bets(g: _Gatherer) -> Result:
    s = g.check
    return invariants.fewer_bets(g.active_themes(), q.open_projects(g.store),
                                 max_themes=s.value("fewer-bets", "max_themes"),
                                 max_projects=s.value("fewer-bets", "max_projects"))


def _prewire_brief(g: _Gatherer) -> Result:
    from luckos.domain.influence import prewire_brief
    from luckos.store.people import windows_with_stakeholders

    held = windows_with_stakeholders(g.store)
    if not held:  # no one to pre-wire: the windows need not be expanded for it
        return prewire_brief([], g.today, any_stakeholders=False)
    from luckos.app.people import all_people, prewire_of

    people = all_people(g.ws)
    seen: set[int] = set()
    in_prep = []
    for o in g.in_prep():
        if o.window.id in held and o.window.id not in seen:
            seen.add(o.window.id or 0)
            in_prep.append(prewire_of(g.ws, o.window, g.today, people))
    return prewire_brief(in_prep, g.today, any_stakeholders=bool(held))


def _objection_open(g: _Gatherer) -> Result:
    from luckos.domain.influence import objection_open

    max_days = g.check.value("objection-open", "max_days")
    if not q.exists(g.store, "stakeholder"):  # no one could have objected
        return objection_open([], [], g.today, max_days=max_days)
    from luckos.app.people import current_stakeholders

    rows = g.store.all("stakeholder")
    now = current_stakeholders(g.ws, g.today, rows)
    # with none open today, the ones recorded are history: say so
    past = 0 if any(s.objection for s in now) else sum(1 for s in rows if s.objection)
    return objection_open(now, g.store.all("person"), g.today, max_days=max_days, past=past)


def _sponsor_contact(g: _Gatherer) -> Result:
    from luckos.domain.influence import sponsor_contact
    from luckos.store.people import last_met

    max_days = g.check.value("sponsor-contact", "max_days")
    if not q.exists(g.store, "sponsor"):  # no one to have heard from: the people are not read
        return sponsor_contact([], [], [], {}, g.today, max_days=max_days)
    if not q.exists(g.store, "person"):
        # no sponsor names a person: only their start counts, read without the records
        return sponsor_contact(q.sponsor_starts(g.store), [], [], {}, g.today,
                               max_days=max_days)
    return sponsor_contact(g.store.all("sponsor"), g.store.all("person"),
                           g.store.all("stakeholder"),
                           last_met(g.store, g.today), g.today, max_days=max_days)


def _stored_values(g: _Gatherer) -> Result:
    from luckos.dates import FIRST_DATE, LAST_DATE
    from luckos.domain.validate import stored_values

    # the dates out of range are searched through the indexes (a few milliseconds on ten
    # years of records), and kept while the data stay the same (the dashboard's check
    # page asks again on every view)
    return g.ws.remembered(("stored-values",), lambda: stored_values(
        q.values_out_of_range(g.store, FIRST_DATE, LAST_DATE), q.recurring_windows(g.store)))


_RUNNERS: dict[str, Callable[[_Gatherer], Result]] = {
    "window-prep": _window_prep,
    "brief-lints": _brief_lints,
    "promise-overdue": _promise_overdue,
    "metric-readings": _metric_readings,
    "explore-loop": _explore_loop,
    "maker-day": _maker_day,
    "glue-ratio": _glue_ratio,
    "decision-review": _decision_review,
    "project-kill-review": _project_kill_review,
    "project-milestone": _project_milestone,
    "reboot": _reboot,
    "bench-action": _bench_action,
    "two-surfaces": _two_surfaces,
    "writing-habit": _writing_habit,
    "fewer-bets": _fewer_bets,
    "diagnosis-age": _diagnosis_age,
    "prewire-brief": _prewire_brief,
    "objection-open": _objection_open,
    "sponsor-contact": _sponsor_contact,


    "stored-values": _stored_values,
}
assert set(_RUNNERS) == set(INVARIANTS)


def report_json(report: CheckReport) -> dict[str, Any]:
    return {
        "today": report.today.isoformat(),
        "broken": report.broken,
        "summary": {state: report.count(state) for state in checks.STATES},
        "invariants": [
            {
                "id": r.id,
                "rule": r.invariant.rule,
                "section": r.invariant.section,
                "state": r.state,
                "finding": r.finding,
                "next": r.next_step,
                "items": [{"ref": i.ref or None, "text": i.text} for i in r.items],
            }
            for r in report.results
        ],
    }
