"""Build a luckos workspace holding ten years of a busy career, for the benchmarks.

    .venv/bin/python benchmarks/generate.py [--years 10] [--out DIR] [--seed N]

Per ten years: 100k promises, 5k decision windows (60 of them recurring), 20k notes
(5% earned secrets), 20 themes with three metrics and monthly readings, 5k decisions,
2k bench entries, 200 sponsors, 5k artifacts with 10k testimonials and 10k routing
signals; other spans scale in proportion. The data end on a fixed date (END below, also
written to `bench.json` for `run.py`), so a seed always gives the same workspace.
Rows go in through the store's own `add`, in one transaction, so the search index is
filled by the schema's triggers as it is for real captures.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import random
import shutil
import sys
import time
from pathlib import Path

from luckos.config import Config
from luckos.domain import records as r
from luckos.domain.validate import validate
from luckos.workspace import init_workspace

END = dt.date(2026, 11, 25)  # "today" of the generated workspace
PER_TEN_YEARS = {"promise": 100_000, "window": 5_000, "note": 20_000, "theme": 20,
                 "decision": 5_000, "bench": 2_000, "sponsor": 200, "artifact": 5_000,
                 "testimonial": 10_000, "signal": 10_000}
RECURRING_PER_TEN_YEARS = 60
SEARCH_WORD = "kafka"  # in a fifth of all records; `run.py` also searches for a close contact

FIRST = ("Ana", "Ben", "Chen", "Dana", "Eli", "Fatima", "Gus", "Hana", "Ivan", "Jo", "Kai",
         "Lena", "Milo", "Nia", "Omar", "Pia", "Quinn", "Ravi", "Sara", "Tom", "Uma", "Zoe")
LAST = ("Abe", "Brandt", "Costa", "Diaz", "Eze", "Fox", "Gupta", "Holm", "Ito", "Jensen", "Kim",
        "Lopez", "Moss", "Nagy", "Ortiz", "Park", "Reyes", "Singh", "Tan", "Ueda", "Vogel", "Wu")
VERBS = ("ship", "draft", "review", "send", "fix", "write", "migrate", "document", "benchmark",
         "prototype", "present", "estimate", "unblock", "finish", "test", "deprecate")
OBJECTS = ("billing migration plan", "on-call runbook", "kafka consumer lag fix",
           "search latency report", "quarterly roadmap", "hiring rubric", "incident post-mortem",
           "API versioning proposal", "cost dashboard", "schema change", "load test results",
           "design review notes", "onboarding guide", "capacity forecast", "SLO proposal",
           "vendor evaluation", "data retention policy", "release checklist",
           "postgres upgrade", "feature flag cleanup")
TAGS = ("infra", "platform", "hiring", "reliability", "cost", "security", "docs", "mentoring",
        "planning", "customer")
WORDS = (
    "the", "team", "system", "latency", "budget", "we", "should", "because", "customer", "review",
    "migration", "plan", "risk", "owner", "week", "decision", "learned", "next", "quarter",
    "deploy", "outage", "trust", "sponsor", "window", "demo", "brief", "theme", "metric",
    "promise", "kept", "late", "on", "time", "manager", "staff", "engineer", "queue", "cache",
    "index", "database", "rollout", "pager", "alert", "kafka", "postgres", "api", "contract",
    "scope",
)
THEMES = ("Cheaper data pipelines", "Boring deploys", "Fast search", "Reliable payments",
          "Safe migrations", "Paved road", "Quiet on-call", "Observable services",
          "Lean storage", "Secure defaults", "Happy developers", "Fast builds", "Clean APIs",
          "Honest estimates", "Calm releases", "Cheap inference", "Durable queues",
          "Simple auth", "Green CI", "Tidy data")
SLOT_METRICS = (("customer", "weekly active teams", "teams", "up"),
                ("reliability", "incidents per month", "incidents", "down"),
                ("speed", "cost per request", "$/1k", "down"))
RECURRENCES = ("yearly", "half-yearly", "quarterly", "FREQ=MONTHLY;INTERVAL=4",
               "FREQ=YEARLY;BYMONTH=3,9")


class Gen:
    def __init__(self, seed: int, years: int) -> None:
        self.rng = random.Random(seed)
        self.years = years
        self.start = END - dt.timedelta(days=round(365.25 * years))
        self.people = [f"{f} {s}" for f in FIRST for s in LAST]
        self.rng.shuffle(self.people)
        del self.people[300:]

    def n(self, kind: str) -> int:
        return round(PER_TEN_YEARS[kind] * self.years / 10)

    def day(self, start: dt.date | None = None, end: dt.date = END) -> dt.date:
        start = start or self.start
        return start + dt.timedelta(days=self.rng.randrange((end - start).days + 1))

    def person(self) -> str:
        return self.rng.choice(self.people[:60] if self.rng.random() < 0.6 else self.people)

    def words(self, low: int, high: int) -> str:
        return " ".join(self.rng.choices(WORDS, k=self.rng.randint(low, high)))

    def task(self) -> str:
        return f"{self.rng.choice(VERBS)} {self.rng.choice(OBJECTS)}"


def promises(g: Gen, theme_ids: list[int]) -> list[r.Promise]:
    """Chains of promises: renegotiating one opens its successor, as the ledger does."""
    rng, rows = g.rng, []
    while len(rows) < g.n("promise"):
        made = g.day(end=END - dt.timedelta(days=1))
        due = made + dt.timedelta(days=rng.choice((1, 2, 3, 5, 7, 7, 14, 14, 21, 30)))
        base = {"what": g.task(), "to_whom": g.person(), "made_on": made, "due": due,
                "theme_id": rng.choice(theme_ids) if rng.random() < 0.4 else None,
                "tags": tuple(rng.sample(TAGS, rng.choice((0, 0, 1, 2)))),
                "note": g.words(5, 15) if rng.random() < 0.2 else ""}
        while True:
            row = dict(base, status="open", landed_on=None, succ=None)
            rows.append(row)
            roll, span = rng.random(), (due - made).days
            if roll < 0.74:  # kept on time
                status, landed = "kept", made + dt.timedelta(days=rng.randint(0, span))
            elif roll < 0.84:
                status, landed = "kept", due + dt.timedelta(days=rng.randint(1, 20))
            elif roll < 0.90:
                status, landed = "missed", due + dt.timedelta(days=rng.randint(1, 14))
            elif roll < 0.94:
                status, landed = "dropped", made + dt.timedelta(days=rng.randint(0, span + 10))
            else:
                status, landed = "renegotiated", made + dt.timedelta(days=rng.randint(0, span))
            if landed > END:
                break  # not landed yet: open (overdue when its due date has passed)
            row.update(status=status, landed_on=landed)
            if status != "renegotiated" or len(rows) >= g.n("promise"):
                if status == "renegotiated":
                    row.update(status="dropped")
                break
            made, due = landed, due + dt.timedelta(days=rng.randint(3, 21))
            base = dict(base, made_on=made, due=due)
            row["succ"] = len(rows)
    order = sorted(range(len(rows)), key=lambda i: (rows[i]["made_on"], i))
    new_id = {old: pos + 1 for pos, old in enumerate(order)}
    result = []
    for old in order:
        row = rows[old]
        succ = row.pop("succ")
        result.append(r.Promise(id=new_id[old], renegotiated_to=new_id.get(succ), **row))
    return result


def themes(g: Gen) -> tuple[list[r.Theme], list[r.Metric], list[r.Reading]]:
    all_themes, metrics, readings = [], [], []
    for i in range(g.n("theme")):
        started = g.start + dt.timedelta(days=round(i * (END - g.start).days / g.n("theme")))
        all_themes.append(r.Theme(id=i + 1, label=THEMES[i % len(THEMES)],
                                  sentence=f"the one who makes {THEMES[i % len(THEMES)].lower()}",
                                  problem=g.words(8, 15), bet=g.words(8, 15),
                                  milestone=g.words(5, 10), started_on=started))
        retired = g.rng.random() < 0.6 and i < g.n("theme") - 5
        months = (END.year - started.year) * 12 + END.month - started.month
        months = min(months, g.rng.randint(12, 36)) if retired else months
        for slot, name, unit, good in SLOT_METRICS:
            metric = r.Metric(id=len(metrics) + 1, theme_id=i + 1, slot=slot, name=name,
                              unit=unit, good=good)
            metrics.append(metric)
            value = g.rng.uniform(10, 100)
            gaps = 1 if g.rng.random() < 0.3 else 0  # some never read this month
            for m in range(months + 1 - gaps):
                y, mo = divmod(started.month - 1 + m, 12)
                value *= g.rng.uniform(0.9, 1.1)
                readings.append(r.Reading(metric_id=metric.id,
                                          month=f"{started.year + y}-{mo + 1:02d}",
                                          value=round(value, 2), narrative=g.words(12, 24)))
    return all_themes, metrics, readings


def windows(g: Gen, theme_ids: list[int]) -> list[r.Window]:
    rng, result = g.rng, []
    recurring = round(RECURRING_PER_TEN_YEARS * g.years / 10)
    for i in range(g.n("window")):
        rec = RECURRENCES[i % len(RECURRENCES)] if i < recurring else ""
        # recurring windows are entered in the first years; one-offs up to 4 months ahead
        on = g.day(end=g.start + dt.timedelta(days=730) if rec else END + dt.timedelta(days=120))
        kind = rng.choice(r.WINDOW_KINDS)
        when = rec if rec else f"{on:%b %Y}"
        result.append(r.Window(id=i + 1, name=f"{kind} {when} {rng.choice(OBJECTS)}",
                               kind=kind, on=on, recurrence=rec,
                               prep_lead_days=rng.choice((7, 7, 14)),
                               needs_demo=rng.random() < 0.5,
                               docs=("docs/brief.md",) if rng.random() < 0.1 else (),
                               theme_id=rng.choice(theme_ids) if rng.random() < 0.3 else None))
    return result


def artifacts(g: Gen, wins: list[r.Window], theme_ids: list[int]) -> list[r.Artifact]:
    rng, result = g.rng, []
    for i in range(g.n("artifact")):
        window = rng.choice(wins) if rng.random() < 0.3 else None
        on = g.day()
        if window and window.on:
            on = min(END, max(g.start, window.on - dt.timedelta(days=rng.randint(1, 20))))
        kind = rng.choice(r.ARTIFACT_KINDS)
        result.append(r.Artifact(id=i + 1, title=f"{kind}: {g.task()}", kind=kind,
                                 surface=rng.choice(r.SURFACES), on=on,
                                 link=f"https://wiki.example/{i}",
                                 theme_id=rng.choice(theme_ids) if rng.random() < 0.5 else None,
                                 window_id=window.id if window else None,
                                 note=g.words(5, 20)))
    return result


def the_rest(g: Gen, arts: list[r.Artifact], theme_ids: list[int]) -> list[object]:
    rng, rows = g.rng, []
    popular = arts[: max(1, len(arts) // 5)]
    for _ in range(g.n("testimonial")):
        art = rng.choice(popular if rng.random() < 0.5 else arts)
        rows.append(r.Testimonial(artifact_id=art.id, who=g.person(), on=g.day(art.on),
                                  hours_saved=rng.choice((None, 1, 4, 8, 40)),
                                  quote=f"used your {art.kind}; {g.words(5, 15)}"))
    for _ in range(g.n("signal")):
        rows.append(r.Signal(who=g.person(), what=g.task(), on=g.day(),
                             escalated=rng.random() < 0.15, note=g.words(0, 10)))
    for _ in range(g.n("decision")):
        on = g.day()
        review = on + dt.timedelta(days=rng.randint(30, 120))
        done = review < END - dt.timedelta(days=14) and rng.random() < 0.995
        rows.append(r.Decision(title=f"bet: {g.task()}", on=on, options=("build", "buy", "wait"),
                               choice=rng.choice(("build", "buy", "wait")),
                               expected=g.words(8, 16), indicators=(g.words(3, 6),),
                               confidence=round(rng.uniform(0.4, 0.9), 2), review_on=review,
                               outcome=g.words(6, 12) if done else "",
                               theme_id=rng.choice(theme_ids) if rng.random() < 0.3 else None))
    for _ in range(g.n("bench")):
        rows.append(r.BenchEntry(person=g.person(), action=rng.choice(r.BENCH_ACTIONS),
                                 on=g.day(), artifact=rng.choice(OBJECTS), bet=g.words(5, 12)))
    for _ in range(g.n("sponsor")):
        rows.append(r.Sponsor(person=g.person(), role=rng.choice(("director", "VP", "staff")),
                              since=g.day(), backs=g.words(4, 10)))
    for _ in range(g.n("note")):
        roll = rng.random()
        kind = "earned-secret" if roll < 0.05 else "year-in-public" if roll < 0.2 else "journal"
        rows.append(r.Note(body=g.words(30, 120), kind=kind, on=g.day(),
                           title=g.words(2, 5), tags=tuple(rng.sample(TAGS, 1))))
    return rows


def generate(out: Path, years: int, seed: int) -> dict[str, int]:
    g = Gen(seed, years)
    all_themes, metrics, readings = themes(g)
    theme_ids = [t.id for t in all_themes if t.id is not None]
    wins = windows(g, theme_ids)
    arts = artifacts(g, wins, theme_ids)
    rows = [*all_themes, *metrics, *readings, *promises(g, theme_ids), *wins, *arts,
            *the_rest(g, arts, theme_ids)]
    config = Config()
    for row in rows:
        validate(row, config, END)  # refuse to build data the app itself would refuse
    if out.exists() and any(out.iterdir()):
        if not (out / "bench.json").exists():
            raise SystemExit(f"{out} holds something else than benchmark data: not touching it")
        shutil.rmtree(out)
    ws, _ = init_workspace(out)
    try:
        with ws.store.transaction():
            for row in rows:
                keep_id = getattr(row, "id", None) is not None
                if isinstance(row, r.Promise) and row.renegotiated_to:
                    row = dataclasses.replace(row, renegotiated_to=None)
                ws.store.add(row, keep_id=keep_id)
            # a successor is added after the promise it replaces, so link them afterwards
            # (deferring the foreign keys instead makes every insert scan the table)
            for row in rows:
                if isinstance(row, r.Promise) and row.renegotiated_to:
                    ws.store.update(row)
        counts = {name: ws.store.count(name) for name in r.KINDS}
        hits = {text: ws.store.db.execute("SELECT count(*) FROM search_index WHERE "
                                          "search_index MATCH ?", (text,)).fetchone()[0]
                for text in (SEARCH_WORD, g.people[0].lower())}
        ws.store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        ws.close()
    meta = {"today": END.isoformat(), "years": years, "seed": seed,
            "search_hits": hits, "counts": counts}
    (out / "bench.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=10, help="span of the data (default 10)")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "data" / "ten-years",
                        help="workspace folder to (re)build")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = parser.parse_args(argv)
    if args.years < 1:
        parser.error("--years must be at least 1")
    began = time.perf_counter()
    counts = generate(args.out, args.years, args.seed)
    size = (args.out / "luck.db").stat().st_size / 1e6
    print(f"built {args.out} in {time.perf_counter() - began:.1f} s ({size:.0f} MB, "
          f"{sum(counts.values()):,} rows)")
    for name, count in counts.items():
        print(f"  {name:<12} {count:>8,}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
