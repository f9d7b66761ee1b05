"""The demo workspace behind `luck demo`: eighteen months of a fictional career.

It is built in a folder of its own, never in the user's workspace, rebuilt from scratch
each time, and the same for the same `today`: every date is relative to `today` and every
random choice comes from a seeded generator.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import shutil
import tempfile
from pathlib import Path
from typing import Any

from luckos import files
from luckos.dates import add_months, month_of
from luckos.demo import calendar, data, loop
from luckos.demo import evidence as demo_evidence
from luckos.demo import ledger as books
from luckos.demo import people as demo_people
from luckos.domain import ledger, windows
from luckos.domain import records as r
from luckos.domain.review import looked_back
from luckos.errors import LuckError
from luckos.store.db import peek_meta
from luckos.workspace import CONFIG_NAME, DB_NAME, Workspace, init_workspace, open_workspace

DEMO_META = "demo"
SEED = 20250816  # the essay's date
HISTORY_DAYS = 540  # about eighteen months of promises


def demo_home() -> Path:
    """The demo's own folder, beside (never inside or instead of) the real workspace."""
    from platformdirs import user_data_path

    return user_data_path("luckos", appauthor=False) / "demo"


def build_demo(home: Path, today: dt.date, real_home: Path) -> Workspace:
    """Rebuild the demo workspace in `home` and return it, opened.

    Refuses a folder that is the real workspace, holds it, or holds anything that is not
    an earlier demo. The new demo is built in a scratch folder next to `home` and moved
    into place only when complete, so a failure leaves the previous demo as it was.
    """
    target = home.expanduser().resolve()
    real = real_home.expanduser().resolve()
    if target == real or real.is_relative_to(target):
        raise LuckError(f"{target} holds your real workspace ({real}); the demo needs a "
                        "folder of its own (--dir)")
    _check_replaceable(target)
    files.make_folder(target.parent)
    scratch = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    aside = scratch.with_name(f"{scratch.name}-previous")
    moved = placed = False
    try:
        ws, _ = init_workspace(scratch)
        try:
            with ws.store.transaction():
                ws.store.set_meta(DEMO_META, "1")
                _Builder(ws, today).build()
        finally:
            ws.close()
        calendar.set_norms(scratch / CONFIG_NAME)
        calendar.write_calendar(scratch / calendar.FILE_NAME, today)
        if target.exists():
            target.rename(aside)
            moved = True
        scratch.rename(target)
        placed = True
        # imported in place, so that the audit names the file where it stays
        ws = open_workspace(target)
        try:
            calendar.import_calendar(ws, target / calendar.FILE_NAME, today)
            demo_evidence.build(ws, target, today)  # in place too: it names its folders
        except BaseException:
            ws.close()
            raise
    except BaseException:
        shutil.rmtree(target if placed else scratch, ignore_errors=True)
        if moved:
            aside.rename(target)
        raise
    if moved:
        shutil.rmtree(aside)
    return ws


def _check_replaceable(target: Path) -> None:
    if not target.exists():
        return
    if not target.is_dir():
        raise LuckError(f"{target} exists and is not a folder")
    if not (target / DB_NAME).exists():
        if any(target.iterdir()):
            raise LuckError(f"{target} is not empty and holds no luckos demo; choose a new "
                            "or empty folder for the demo")
        return
    # read as it is: a demo written by another luckos version is still a demo to replace
    if peek_meta(target / DB_NAME, DEMO_META) != "1":
        raise LuckError(f"{target} holds a luckos workspace that is not a demo; refusing to "
                        "replace it")


def _anchor(day: dt.date) -> dt.date:
    """A date that monthly recurrences can repeat on (no 29th to 31st)."""
    return day.replace(day=min(day.day, 28))


class _Builder:
    def __init__(self, ws: Workspace, today: dt.date) -> None:
        self.ws = ws
        self.store = ws.store
        self.seed = SEED
        self.today = today
        self.rng = random.Random(SEED)
        # ("lw", n): n days into the days the weekly review looks back over
        self.last_week = looked_back(today, ws.config.review.back_days).first
        self.themes: dict[str, int] = {}
        self.metrics: dict[tuple[str, str], int] = {}  # (theme key, slot) -> metric id
        self.windows: dict[str, r.Window] = {}
        self.artifacts: dict[str, int] = {}
        self.promised: set[str] = set()

    def build(self) -> None:
        self.add_themes()
        self.add_windows()
        self.add_artifacts()
        self.add_promises()
        self.add_signals()
        self.add_decisions()
        self.add_people()
        demo_people.add_people(self)
        self.add_notes()
        loop.add_loop(self)
        loop.add_estimate(self)

    # --- dates --------------------------------------------------------------------------

    def day(self, when: int | tuple[Any, ...]) -> dt.date:
        if isinstance(when, int):
            return self.today + dt.timedelta(days=when)
        key, offset, *back = when
        if key == "lw":
            return self.last_week + dt.timedelta(days=offset)
        on = self.today
        for _ in range(back[0] if back else 1):
            found = windows.previous_occurrence(self.windows[key], on)
            assert found is not None, f"window {key} has no earlier date"
            on = found
        return on + dt.timedelta(days=offset)

    def add(self, record: Any) -> Any:
        return self.store.add(record)

    # --- themes, metrics, readings ------------------------------------------------------

    def add_themes(self) -> None:
        month = self.today.replace(day=1)
        for spec in data.THEMES:
            fields = {k: spec[k] for k in ("label", "sentence", "problem", "bet", "milestone",
                                            "blast_radius", "pain", "advantage", "progress")}
            theme = self.add(r.Theme(**fields, started_on=self.day(spec["started"])))
            self.themes[spec["key"]] = theme.id
            for slot, name, unit, good, values in spec["metrics"]:
                metric = self.add(r.Metric(theme_id=theme.id, slot=slot, name=name,
                                           unit=unit, good=good))
                self.metrics[(spec["key"], slot)] = metric.id
                previous = None
                for index, value in enumerate(values):
                    if value is None:
                        continue
                    first = _sentence(name, unit, previous, value)
                    why = spec["overrides"].get((slot, index), spec["months"][index])
                    when = month_of(add_months(month, index - len(values) + 1))
                    self.add(r.Reading(metric_id=metric.id, month=when, value=float(value),
                                       narrative=f"{first} {why}"))
                    previous = value

    # --- the timing calendar and the artifacts ------------------------------------------

    def add_windows(self) -> None:
        for spec in data.WINDOWS:
            if "step" in spec:  # recurring: tracked for about eighteen months
                upcoming = _anchor(self.day(spec["next"]))
                first = add_months(upcoming, -spec["step"] * max(1, 18 // spec["step"]))
            else:
                first = self.day(spec["on"])
            window = r.Window(
                name=spec["name"], kind=spec["kind"], on=first,
                recurrence=spec.get("recurrence", ""), prep_lead_days=7,
                needs_brief=True, needs_demo=spec.get("needs_demo", True),
                theme_id=self.themes.get(spec.get("theme", "")), note=spec["note"],
            )
            self.windows[spec["key"]] = self.add(window)

    def add_artifacts(self) -> None:
        for key, when, title, kind, surface, link, theme, window, note in data.ARTIFACTS:
            on = self.day(when)
            extra: dict[str, Any] = {"hours": data.ARTIFACT_HOURS.get(key)}
            if key in data.ARTIFACT_AI:
                extra.update(ai_tool=True, metric_id=self.metrics[data.ARTIFACT_AI[key]])
            if key in data.ARTIFACT_OUTCOMES:
                outcome, after = data.ARTIFACT_OUTCOMES[key]
                extra.update(outcome=outcome,
                             outcome_on=min(on + dt.timedelta(days=after), self.today))
            artifact = self.add(r.Artifact(
                title=title, kind=kind, surface=surface, on=on, link=link,
                theme_id=self.themes.get(theme or ""),
                window_id=self.windows[window].id if window else None, note=note, **extra,
            ))
            self.artifacts[key] = artifact.id
        for key, who, when, hours, quote in data.TESTIMONIALS:
            self.add(r.Testimonial(artifact_id=self.artifacts[key], who=who,
                                   on=self.day(when), hours_saved=float(hours), quote=quote))

    # --- the credibility ledger ---------------------------------------------------------

    def add_promises(self) -> None:
        """About a hundred resolved promises whose hit rate climbs, then the open ones.

        Outcomes follow shares that improve with time (kept on time from about half to
        about three in four). Each outcome goes to the promise where its share is most
        owed, so that any stretch of weeks keeps close to the shares of its time.
        """
        rng, today = self.rng, self.today
        start = today - dt.timedelta(days=HISTORY_DAYS)
        count, span = 110, HISTORY_DAYS - 12
        owed = dict.fromkeys(_OUTCOME_SHARES, 0.0)
        templates = list(books.PROMISE_TEMPLATES)
        for i in range(count):
            # more promises as time goes on: more people ask
            made = start + dt.timedelta(days=int(span * (i / count) ** 0.7) + rng.randint(0, 2))
            late_in = (made - start).days / HISTORY_DAYS
            for result, share in _OUTCOME_SHARES.items():
                owed[result] += share(late_in)
            result = max(owed, key=lambda k: owed[k])
            owed[result] -= 1.0
            who, what, tags, theme = self._template(templates, made)
            length = rng.choice((2, 3, 5, 7, 7, 10, 14, 14, 21, 28))
            due = min(made + dt.timedelta(days=length), today - dt.timedelta(days=4))
            due = max(due, made + dt.timedelta(days=1))
            promise = self.add(r.Promise(what=what, to_whom=who, made_on=made, due=due,
                                         theme_id=self.themes.get(theme or ""), tags=tags))
            self._resolve(promise, result)
        for who, what, made_when, due_when, tags, theme, note in books.OPEN_PROMISES:
            self.add(r.Promise(what=what, to_whom=who, made_on=self.day(made_when),
                               due=self.day(due_when), theme_id=self.themes.get(theme or ""),
                               tags=tags, note=note))

    def _template(self, templates: list[tuple[Any, ...]],
                  made: dt.date) -> tuple[str, str, tuple[str, ...], str | None]:
        rng = self.rng
        opened = self.today + dt.timedelta(days=books.LOAD_TEMPLATES_FROM)
        usable = [t for t in templates if t[3] != "load" or made >= opened]
        for _ in range(30):  # a promise is rarely made twice in the same words
            who, what, tags, theme = rng.choice(usable)
            text = what.format(svc=rng.choice(books.SERVICES), shard=rng.choice(books.SHARDS),
                               doc=rng.choice(books.DOCS), topic=rng.choice(books.TOPICS),
                               feature=rng.choice(books.FEATURES))
            if text not in self.promised:
                break
        self.promised.add(text)
        return who, text, tags, theme

    def _resolve(self, p: r.Promise, result: str) -> None:
        rng, store = self.rng, self.store
        assert p.made_on is not None and p.due is not None
        yesterday = self.today - dt.timedelta(days=1)
        length = (p.due - p.made_on).days
        note = rng.choice(books.LESSONS[result]) if result in books.LESSONS else ""
        if result == "renegotiated_early":
            on = p.made_on + dt.timedelta(days=max(1, length * 2 // 3))
            on = min(on, p.due)
            new_due = min(p.due + dt.timedelta(days=rng.randint(5, 14)),
                          self.today - dt.timedelta(days=3))
            closed, successor, _ = ledger.renegotiate(p, new_due, on)
            kept_on = new_due - dt.timedelta(days=rng.randint(0, 2))
            if rng.random() < 0.25:
                kept_on = min(new_due + dt.timedelta(days=rng.randint(1, 4)), yesterday)
            successor = store.add(ledger.keep(successor, max(kept_on, on)))
            store.update(dataclasses.replace(closed, renegotiated_to=successor.id, note=note))
            return
        if result == "kept_on_time":
            landed = max(p.made_on, p.due - dt.timedelta(days=rng.randint(0, 3)))
            changed = ledger.keep(p, landed)
        elif result == "kept_late":
            changed = ledger.keep(p, min(p.due + dt.timedelta(days=rng.randint(1, 12)),
                                         yesterday))
        elif result == "missed":
            missed_on = min(p.due + dt.timedelta(days=rng.randint(1, 6)), yesterday)
            # the older misses have their lesson; the recent ones are still asked for
            lesson = (books.MISS_LESSONS[(p.id or 0) % len(books.MISS_LESSONS)]
                      if (self.today - missed_on).days > 150 else "")
            changed = ledger.miss(p, missed_on, lesson)
        else:
            changed = ledger.drop(p, p.made_on + dt.timedelta(days=rng.randint(1, length + 3)))
        if note and rng.random() < 0.6:
            changed = dataclasses.replace(changed, note=note)
        store.update(changed)

    # --- routing signals, decisions, bench, sponsors, notes -----------------------------

    def add_signals(self) -> None:
        """Routed work arrives more often as credibility grows, and is escalated less."""
        rng, total = self.rng, len(books.SIGNALS)
        for i, (who, what) in enumerate(books.SIGNALS):
            share = ((i + 0.5) / total) ** 0.6  # denser towards today
            on = self.today - dt.timedelta(days=int(HISTORY_DAYS * (1 - share)) + 10)
            escalated = rng.random() < 0.5 - 0.45 * share
            note = rng.choice(books.ESCALATION_NOTES) if escalated else ""
            self.add(r.Signal(who=who, what=what, on=on, escalated=escalated, note=note))
        for who, what, when, escalated, note in books.RECENT_SIGNALS:
            self.add(r.Signal(who=who, what=what, on=self.day(when), escalated=escalated,
                              note=note))

    def add_decisions(self) -> None:
        for (when, title, options, chosen, expected, indicators, confidence, review,
             outcome, response, theme) in books.DECISIONS:
            self.add(r.Decision(
                title=title, on=self.day(when), options=options, choice=options[chosen],
                expected=expected, indicators=indicators, confidence=confidence,
                review_on=self.day(review), outcome=outcome, response=response,
                theme_id=self.themes.get(theme or ""),
            ))

    def add_people(self) -> None:
        for person, action, when, artifact, bet, note in books.BENCH:
            sponsoring: dict[str, Any] = {}
            if action == "sponsored" and person in books.SPONSORING:
                first, second, heat, heat_where, credit, credit_where = (
                    books.SPONSORING[person])
                sponsoring = {"first_meeting_on": self.day(first),
                              "second_meeting_on": self.day(second),
                              "heat_on": self.day(heat), "heat_where": heat_where,
                              "credit_on": self.day(credit) if credit is not None else None,
                              "credit_where": credit_where}
            self.add(r.BenchEntry(person=person, action=action, on=self.day(when),
                                  artifact=artifact, bet=bet, note=note, **sponsoring))
        for person, role, since, backs, note in books.SPONSORS:
            self.add(r.Sponsor(person=person, role=role, since=self.day(since), backs=backs,
                               note=note))

    def add_notes(self) -> None:
        for kind, when, title, body, tags in data.NOTES:
            self.add(r.Note(body=body, kind=kind, on=self.day(when), title=title, tags=tags))


def _line(start: float, end: float) -> Any:
    return lambda t: start + (end - start) * t ** 1.5  # the habit takes hold late


# The share of each outcome at a point of the history (0 at its start, 1 today).
_OUTCOME_SHARES = {
    "kept_on_time": _line(0.43, 0.82),
    "kept_late": _line(0.28, 0.06),
    "missed": _line(0.14, 0.02),
    "dropped": _line(0.10, 0.02),
    "renegotiated_early": _line(0.05, 0.08),
}


def _sentence(name: str, unit: str, before: float | None, now: float) -> str:
    """The first sentence of a reading's narrative: what moved."""
    subject = name[0].upper() + name[1:]
    if before is None:
        return f"{subject} stood at {_amount(now, unit)}."
    if now == before:
        return f"{subject} held at {_amount(now, unit)}."
    verb = "rose" if now > before else "fell"
    start = _amount(before, unit, bare=unit not in ("%", "$"))
    return f"{subject} {verb} from {start} to {_amount(now, unit)}."


def _amount(value: float, unit: str, *, bare: bool = False) -> str:
    number = f"{value:,.0f}" if value == int(value) else f"{value:,.1f}"
    if unit == "%":
        return f"{number}%"
    if unit == "$":
        return f"${number}"
    if bare:
        return number
    if value == 1 and unit.endswith("s"):
        unit = unit[:-1]  # 1 page, 1 incident
    return f"{number} {unit}"

