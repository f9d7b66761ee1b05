"""Benchmark the operating loop's reports on a ten-year workspace.

Builds (once; reused while its recipe is unchanged) a workspace with ten years of
records in benchmarks/data/loop-10y: 100,000 promises, 5,000 decision windows, 20,000
notes and the other kinds in proportion (signals, artifacts, testimonials, decisions,
bench, glue, explore entries, projects, diagnoses, arcs, a running reboot). Then times
the virtualenv's `luck` as a subprocess, `--today` fixed:

    luck check            target: <= 100 ms median (the `luck review` target, DESIGN.md 5)
    luck stay-or-move     target: <= 100 ms median

with `luck --help`, `luck promise list` (the lightest command that opens the workspace)
and `luck review` timed in the same run as baselines (the machines are noisy: compare
within a run). Usage:

    .venv/bin/python benchmarks/loop.py [--runs 21] [--rebuild]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data" / "loop-10y"
LUCK = Path(sys.executable).with_name("luck")
TODAY = dt.date(2026, 11, 25)
START = TODAY - dt.timedelta(days=3652)
RECIPE = "loop-10y/3"  # change it to rebuild the workspace
SEED = 20250816

COUNTS = {"promise": 100_000, "window": 5_000, "note": 20_000, "signal": 6_000,
          "artifact": 10_000, "testimonial": 4_000, "decision": 2_000, "bench": 600,
          "glue": 8_000, "explore": 500, "project": 400}


def _day(rng: random.Random, start: dt.date = START, end: dt.date = TODAY) -> dt.date:
    return start + dt.timedelta(days=rng.randrange((end - start).days + 1))


def build(home: Path) -> None:
    from luckos.domain import records as r
    from luckos.workspace import init_workspace

    if home.exists():
        import shutil

        shutil.rmtree(home)
    ws, _ = init_workspace(home)
    rng = random.Random(SEED)
    store = ws.store
    add = store.add
    with store.transaction():
        themes = []
        for n in range(8):
            started = START + dt.timedelta(days=450 * n)
            theme = add(r.Theme(label=f"Theme {n}", sentence=f"We make thing {n} better",
                                started_on=started))
            themes.append(theme)
            for slot, good in (("customer", "up"), ("reliability", "down"), ("speed", "down")):
                metric = add(r.Metric(theme_id=theme.id, slot=slot, name=f"{slot} {n}",
                                      good=good))
                month = started.replace(day=1)
                value = 100.0
                while month <= TODAY:
                    value *= 1 + rng.uniform(-0.05, 0.06)
                    add(r.Reading(metric_id=metric.id, month=month.isoformat()[:7],
                                  value=round(value, 2), narrative="It moved. Here is why."))
                    month = (month + dt.timedelta(days=32)).replace(day=1)
        theme_ids = [t.id for t in themes]
        windows = []
        for n in range(COUNTS["window"]):
            recurring = n < 20
            on = _day(rng, START, TODAY + dt.timedelta(days=120)) if not recurring else \
                START + dt.timedelta(days=30 * n)
            windows.append(add(r.Window(
                name=f"Window {n}", kind=rng.choice(r.WINDOW_KINDS), on=on,
                recurrence=rng.choice(("yearly", "half-yearly", "quarterly")) if recurring
                else "", theme_id=rng.choice(theme_ids))))
        for n in range(COUNTS["artifact"]):
            window = windows[n % len(windows)] if n % 3 == 0 else None
            on = (window.on - dt.timedelta(days=rng.randrange(3, 20))) if window else _day(rng)
            add(r.Artifact(title=f"Artifact {n}", kind=rng.choice(r.ARTIFACT_KINDS),
                           surface=rng.choice(r.SURFACES), on=min(on, TODAY),
                           window_id=window.id if window else None,
                           theme_id=rng.choice(theme_ids)))
        for _ in range(COUNTS["testimonial"]):
            add(r.Testimonial(artifact_id=rng.randrange(1, COUNTS["artifact"] + 1),
                              who=f"person {rng.randrange(300)}", on=_day(rng),
                              hours_saved=rng.choice((1, 4, 8, 40))))
        for n in range(COUNTS["promise"]):
            made = _day(rng, START, TODAY - dt.timedelta(days=20))
            due = made + dt.timedelta(days=rng.randrange(2, 30))
            roll = rng.random()
            if n >= COUNTS["promise"] - 60:  # the open ones, some overdue
                made = TODAY - dt.timedelta(days=rng.randrange(5, 30))
                due = made + dt.timedelta(days=rng.randrange(1, 40))
                status, landed = "open", None
            elif roll < 0.80:
                status, landed = "kept", due + dt.timedelta(days=rng.choice((-2, -1, 0, 0, 3)))
            elif roll < 0.88:
                status, landed = "missed", due + dt.timedelta(days=1)
            elif roll < 0.95:
                status, landed = "renegotiated", due - dt.timedelta(days=1)
            else:
                status, landed = "dropped", due
            if landed is not None:
                landed = max(min(landed, TODAY), made)
            add(r.Promise(what=f"Promise {n}", to_whom=f"person {n % 200}", made_on=made,
                          due=due, status=status, landed_on=landed,
                          theme_id=rng.choice(theme_ids) if n % 2 else None))
        for n in range(COUNTS["signal"]):
            add(r.Signal(who=f"person {rng.randrange(200)}", what=f"Ambiguous thing {n}",
                         on=_day(rng), escalated=rng.random() < 0.2))
        for n in range(COUNTS["decision"]):
            on = _day(rng, START, TODAY - dt.timedelta(days=10))
            review = on + dt.timedelta(days=90)
            add(r.Decision(title=f"Decision {n}", on=on, review_on=review,
                           outcome="" if review > TODAY - dt.timedelta(days=40) else "done",
                           theme_id=rng.choice(theme_ids)))
        for n in range(COUNTS["bench"]):
            add(r.BenchEntry(person=f"person {n % 80}", action=rng.choice(r.BENCH_ACTIONS),
                             on=_day(rng)))
        for n in range(20):
            add(r.Sponsor(person=f"sponsor {n}", since=_day(rng)))
        for n in range(COUNTS["note"]):
            add(r.Note(body=f"Note {n} about the week", kind=rng.choice(r.NOTE_KINDS),
                       on=_day(rng)))
        projects = []
        for n in range(COUNTS["project"]):
            started = _day(rng, START, TODAY - dt.timedelta(days=10))
            paused = rng.random() < 0.3
            projects.append(add(r.Project(
                name=f"Project {n}", started_on=started, theme_id=rng.choice(theme_ids),
                flagship=n % 25 == 0, five_minute_demo=rng.randrange(3),
                denominator=rng.randrange(3), reviewed_on=started + dt.timedelta(days=28)
                if started + dt.timedelta(days=28) <= TODAY else None,
                outcome="pause-publicly" if paused else "continue", why="explained",
                landed_on=None if paused or n > COUNTS["project"] - 10
                else min(started + dt.timedelta(days=120), TODAY))))
        for n in range(COUNTS["glue"]):
            add(r.GlueEntry(what=f"Glue {n}", hours=rng.choice((1, 2, 3, 4)), on=_day(rng),
                            unlocks="a launch" if rng.random() < 0.6 else ""))
        for n in range(COUNTS["explore"]):
            add(r.ExploreEntry(title=f"Exploration {n}", kind=rng.choice(r.EXPLORE_KINDS),
                               on=_day(rng)))
        for n in range(40):
            add(r.Diagnosis(problem="A paragraph. " * 20, funders="Who decides. " * 20,
                            proof="The runbook. " * 20, on=START + dt.timedelta(days=91 * n)))
        for n in range(4):
            add(r.Arc(role=f"Role {n}", track=("ic", "manager")[n % 2],
                      started_on=START + dt.timedelta(days=1000 * n),
                      ended_on=START + dt.timedelta(days=1000 * n + 999) if n < 3 else None))
        add(r.Reboot(focus="A theme with a deadline", started_on=TODAY - dt.timedelta(days=30)))
        store.set_meta("benchmark", RECIPE)
    ws.close()


def ready(home: Path) -> bool:
    import sqlite3

    db = home / "luck.db"
    if not db.exists():
        return False
    connection = sqlite3.connect(db)
    try:
        row = connection.execute("SELECT value FROM meta WHERE key = 'benchmark'").fetchone()
        version = connection.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.Error:
        return False
    finally:
        connection.close()
    from luckos.store.db import SCHEMA_VERSION

    return bool(row) and row[0] == RECIPE and version == SCHEMA_VERSION


def time_command(args: list[str], runs: int, env: dict[str, str]) -> tuple[list[float], int]:
    """Wall-clock seconds of each run (after two warm-ups) and the exit code."""
    code = 0
    for _ in range(2):
        code = subprocess.run(args, env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, check=False).returncode
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       check=False)
        times.append(time.perf_counter() - start)
    return times, code


def peak_rss_mb(args: list[str], env: dict[str, str]) -> float:
    """Peak resident memory of one run, from GNU time if present, else the rusage of
    children (the maximum over every child so far)."""
    gnu_time = Path("/usr/bin/time")
    if gnu_time.exists():
        done = subprocess.run([str(gnu_time), "-f", "%M", *args], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                              check=False)
        return int(done.stderr.strip().splitlines()[-1]) / 1024
    subprocess.run(args, env=env, stdout=subprocess.DEVNULL, check=False)
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def in_process(args: list[str], runs: int) -> float:
    """Median milliseconds of the command's own work: `luckos.cli.main` called again and
    again in this process, after a first call that pays for the imports."""
    import contextlib
    import io

    from luckos.cli import main as luck_main

    times = []
    for n in range(runs + 1):
        start = time.perf_counter()
        with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):
            luck_main(args)
        if n:
            times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--rebuild", action="store_true")
    options = parser.parse_args()
    if options.rebuild or not ready(DATA):
        print(f"building the ten-year workspace in {DATA} ...", flush=True)
        started = time.perf_counter()
        build(DATA)
        print(f"  built in {time.perf_counter() - started:.1f} s", flush=True)
    env = {**os.environ, "LUCK_HOME": str(DATA)}
    env.pop("NO_COLOR", None)
    base = [str(LUCK), "--today", TODAY.isoformat()]
    rows = [
        ("luck --help", [str(LUCK), "--help"], None),
        ("luck promise list", [*base, "promise", "list", "--limit", "20"], 60),
        ("luck review", [*base, "review"], 100),
        ("luck check", [*base, "check"], 100),
        ("luck check --json", [*base, "check", "--json"], 100),
        ("luck stay-or-move", [*base, "stay-or-move"], 100),
        ("luck stay-or-move --json", [*base, "stay-or-move", "--json"], 100),
        ("luck surface", [*base, "surface"], None),
        ("luck feed -", [*base, "feed", "-"], None),
    ]
    print(f"ten-year workspace: {DATA} (today {TODAY}); {options.runs} runs each, "
          f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs")
    print(f"{'command':<28}{'median':>9}{'min':>9}{'max':>9}{'peak RSS':>11}  target")
    for label, args, target in rows:
        times, code = time_command(args, options.runs, env)
        median = statistics.median(times) * 1000
        rss = peak_rss_mb(args, env)
        verdict = "" if target is None else (
            f"<= {target} ms median: {'met' if median <= target else 'MISSED'}")
        print(f"{label:<28}{median:>7.1f}ms{min(times) * 1000:>7.1f}ms"
              f"{max(times) * 1000:>7.1f}ms{rss:>8.1f} MB  {verdict}"
              + (f" (exit {code})" if code not in (0, 1) else ""))
    print("\nthe command's own work, in process after the first call (no interpreter start, "
          "no imports):")
    home = ["--home", str(DATA), "--today", TODAY.isoformat()]
    for label, args in (("luck promise list", ["promise", "list", "--limit", "20"]),
                        ("luck review", ["review"]), ("luck check", ["check"]),
                        ("luck stay-or-move", ["stay-or-move"]), ("luck surface", ["surface"])):
        print(f"{label:<28}{in_process([*home, *args], options.runs):>7.1f}ms")


if __name__ == "__main__":
    main()
