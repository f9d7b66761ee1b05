"""Luck surface area, version 2.0: what you build × who sees it × credibility × timing.

Each factor is computed per calendar quarter from the records, with its formula and
the working shown, so the index is never a black box:

- B, what you build: artifacts shipped in the quarter, on both surfaces.
- S, who sees it: distinct people who said they used your work (testimonials) or
  routed ambiguous work to you (routing signals), plus the public artifacts.
- C, credibility: the hit rate of promises that landed in the quarter (kept on time /
  resolved), times the share of routing signals that came without escalation.
- T, timing: the window dates of the last four quarters (a year, so that yearly and
  half-yearly windows count) prepared on time, over those window dates; prepared on
  time means the two-pager and the demo dated by the prep-due day.

A quarter with no resolved promise or no routing signal carries the last known value of
that part of C forward (marked "carried"); before any routing signal, C's routing part
counts as 1. Before any resolved promise C is unknown, and before any window date T is.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping, Sequence

from luckos.dates import quarter_span
from luckos.domain.records import Window
from luckos.domain.windows import BRIEF_KINDS, DEMO_KINDS

FORMULAS = {
    "build": "B = artifacts shipped in the quarter (both surfaces)",
    "sees": "S = distinct people who used your work or routed work to you + public artifacts "
            "(for a theme: who used its artifacts + its public artifacts)",
    "credibility": "C = hit rate (kept on time / resolved) × routed without escalation / "
                   "routing signals",
    "timing": "T = window dates of the last four quarters prepared on time (two-pager and "
              "demo by the prep-due day) / those window dates",
    "index": "surface area = B × S × C × T",
}
NAMES = {"build": "what you build", "sees": "who sees it", "credibility": "credibility",
         "timing": "timing"}

ArtifactFact = tuple[int, str, str, str, "int | None", str]  # id, on, kind, surface, theme, title
TestimonialFact = tuple[int, str, str, int, "int | None", "float | None"]  # id, on, who, ...
SignalFact = tuple[int, str, str, bool, str]  # id, on, who, escalated, what
# (window id, on, recurrence, prep lead days, needs brief, needs demo, has docs, theme id)
WindowFact = tuple[int, str, str, int, bool, bool, bool, "int | None"]
LinkedFact = tuple[str, str]  # an artifact linked to a window: (kind, on)


@dataclasses.dataclass(frozen=True)
class WindowDate:
    """One past date of a decision window and whether its prep was ready on time."""

    window_id: int
    on: dt.date
    on_time: bool


@dataclasses.dataclass(frozen=True)
class Factor:
    key: str
    value: float | None
    working: str  # the numbers behind the value
    refs: tuple[str, ...] = ()
    carried: bool = False

    @property
    def name(self) -> str:
        return NAMES[self.key]

    @property
    def formula(self) -> str:
        return FORMULAS[self.key]


@dataclasses.dataclass(frozen=True)
class QuarterSurface:
    quarter: str
    start: dt.date
    end: dt.date
    partial: bool  # the current quarter, to date
    build: Factor
    sees: Factor
    credibility: Factor
    timing: Factor

    @property
    def factors(self) -> tuple[Factor, Factor, Factor, Factor]:
        return (self.build, self.sees, self.credibility, self.timing)

    @property
    def index(self) -> float | None:
        values = [f.value for f in self.factors]
        if any(v is None for v in values):
            return None
        product = 1.0
        for v in values:
            product *= v  # type: ignore[operator]
        return product

    def working(self) -> str:
        parts = ["?" if f.value is None else _num(f.value) for f in self.factors]
        index = self.index
        return " × ".join(parts) + (f" = {_num(index)}" if index is not None else " = n/a")


def index_changes(quarters: Sequence[QuarterSurface]) -> list[float | None]:
    """Each quarter's surface area against the quarter before it, as a fraction (+0.25:
    a quarter more); None when either has no index (or the one before is zero)."""
    changes: list[float | None] = []
    previous: float | None = None
    for q in quarters:
        index = q.index
        changes.append((index - previous) / previous
                       if index is not None and previous else None)
        previous = index if index else None
    return changes


def _num(value: float) -> str:
    return f"{value:g}" if value == int(value) else f"{value:.2f}"


quarter_of = quarter_span  # (name, first day, last day) of the quarter holding a day


def quarters(today: dt.date, count: int) -> list[tuple[str, dt.date, dt.date]]:
    """The last `count` quarters, the current one last."""
    result = [quarter_of(today)]
    while len(result) < count:
        result.append(quarter_of(result[-1][1] - dt.timedelta(days=1)))
    return list(reversed(result))


def prepared_on_time(window: WindowFact, day: dt.date, linked: Sequence[LinkedFact],
                     previous: dt.date | None) -> bool:
    """Whether the two-pager and the demo a window date asks for were dated by its
    prep-due day (and after its previous date, for a recurring window)."""
    _, _, _, lead, needs_brief, needs_demo, has_docs, _ = window
    prep_due = (day - dt.timedelta(days=lead)).isoformat()
    after = previous.isoformat() if previous else ""
    fresh = [kind for kind, on in linked if on and after < on <= prep_due]
    brief = not needs_brief or has_docs or any(k in BRIEF_KINDS for k in fresh)
    demo = not needs_demo or any(k in DEMO_KINDS for k in fresh)
    return brief and demo


def window_dates(found: Sequence[WindowFact], linked: dict[int, list[LinkedFact]],
                 start: dt.date, end: dt.date) -> list[WindowDate]:
    """Every date of these windows within [start, end], and whether each was prepared on
    time. A recurring window is expanded once, from its first date."""
    from luckos.domain.windows import fast_forward, occurrences

    dates = []
    for fact in found:
        wid, on, recurrence = fact[0], dt.date.fromisoformat(fact[1]), fact[2]
        if recurrence:
            window = fast_forward(Window(id=wid, name="", on=on, recurrence=recurrence), start)
            days = occurrences(window, window.on or on, end)
        else:
            days = [on]
        previous = None
        for day in days:
            if start <= day <= end:
                dates.append(WindowDate(wid, day, prepared_on_time(
                    fact, day, linked.get(wid, ()), previous)))
            previous = day
    return dates


def _count(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else (many or word + 's')}"


def _label(iso: str) -> str:
    return f"{iso[:4]}-Q{(int(iso[5:7]) - 1) // 3 + 1}"


def _buckets(facts: Sequence[tuple], position: int, today: str) -> dict[str, list[tuple]]:
    found: dict[str, list[tuple]] = {}
    for fact in facts:
        day = fact[position]
        if day and day <= today:
            found.setdefault(_label(day), []).append(fact)
    return found


def by_quarter(
    today: dt.date,
    count: int,
    artifacts: Sequence[ArtifactFact],
    testimonials: Sequence[TestimonialFact],
    signals: Sequence[SignalFact],
    promises: Mapping[str, tuple[int, int]],
    dates: Sequence[WindowDate],
    *,
    lookback: int = 0,
    routing: bool = True,
) -> list[QuarterSurface]:
    """The surface area of the last `count` quarters; the facts may reach `lookback`
    quarters further back (three give the first quarter its full year of windows).
    `promises` maps a quarter ("2026-Q3") to (kept on time, resolved) of the promises
    that landed in it. With `routing` false (a theme's surface: routing signals name no
    theme) S counts no routers and C's routing part is 1."""
    now = today.isoformat()
    by_artifact = _buckets(artifacts, 1, now)
    by_testimonial = _buckets(testimonials, 1, now)
    by_signal = _buckets(signals, 1, now)
    by_window: dict[str, list[WindowDate]] = {}
    for w in dates:
        if w.on <= today:
            by_window.setdefault(_label(w.on.isoformat()), []).append(w)
    result = []
    hit_rate: tuple[float, str] | None = None
    routed: tuple[float, str] | None = None
    spans = quarters(today, count + lookback)
    for position, (quarter, start, end) in enumerate(spans):
        own_artifacts = by_artifact.get(quarter, [])
        build = Factor("build", float(len(own_artifacts)),
                       _count(len(own_artifacts), "artifact"),
                       tuple(f"a{a[0]}" for a in own_artifacts))
        own_signals = by_signal.get(quarter, [])
        people = {t[2].strip().lower() for t in by_testimonial.get(quarter, [])}
        people |= {x[2].strip().lower() for x in own_signals}
        public = [a for a in own_artifacts if a[3] == "public"]
        sees = Factor("sees", float(len(people) + len(public)),
                      f"{_count(len(people), 'person', 'people')} + "
                      f"{_count(len(public), 'public artifact')}",
                      tuple(f"a{a[0]}" for a in public))
        kept, resolved = promises.get(quarter, (0, 0))
        carried_c = False
        if resolved:
            hit_rate = (kept / resolved, f"{kept} kept on time / {resolved} resolved")
        elif hit_rate is not None:
            carried_c = True
        if own_signals:
            direct = sum(1 for x in own_signals if not x[3])
            routed = (direct / len(own_signals),
                      f"{direct} / {len(own_signals)} routed without escalation")
        elif routed is not None:
            carried_c = True
        if hit_rate is None:
            credibility = Factor("credibility", None, "no promise resolved yet")
        else:
            share, share_text = routed if routed else (
                (1.0, "no routing signal yet: 1") if routing else
                (1.0, "routing signals name no theme: 1"))
            credibility = Factor("credibility", round(hit_rate[0] * share, 4),
                                 f"{hit_rate[0]:.2f} ({hit_rate[1]}) × {share:.2f} "
                                 f"({share_text})", carried=carried_c)
        year = [label for label, _, _ in spans[max(0, position - 3):position + 1]]
        dates = [w for label in year for w in by_window.get(label, [])]
        if dates:
            ready = sum(1 for w in dates if w.on_time)
            time_factor = Factor("timing", round(ready / len(dates), 4),
                                 f"{ready} of {len(dates)} window dates since {year[0]} "
                                 "prepared on time",
                                 tuple(sorted({f"w{w.window_id}" for w in dates})))
        else:
            time_factor = Factor("timing", None, f"no window date since {year[0]}")
        result.append(QuarterSurface(quarter, start, end, end >= today, build, sees,
                                     credibility, time_factor))
    return result[lookback:]


def last_two_complete(quarters_: Sequence[QuarterSurface]
                      ) -> tuple[QuarterSurface, QuarterSurface] | None:
    """The last two complete quarters, when both have an index (else None)."""
    complete = [q for q in quarters_ if not q.partial and q.index is not None]
    if len(complete) < 2:
        return None
    return complete[-2], complete[-1]
