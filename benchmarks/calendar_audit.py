"""Benchmark `luck calendar audit` on busy years of a generated Google-shaped ICS export.

A busy year is 5,000 VEVENTs: 50 weekly series (some on every weekday) with EXDATEs,
moved and cancelled occurrences (RECURRENCE-ID overrides), and 4,800 single meetings
with attendees, descriptions, Meet links and alarms, the way Google Calendar writes
them. The files for one to five years are generated under benchmarks/data/ (seeded, so
every run audits the same bytes), then the installed `luck` is run as a subprocess and
the median wall time of several runs is printed beside the target (DESIGN.md section 5).

    .venv/bin/python benchmarks/calendar_audit.py [--runs 5] [--years 1,2,5] [--window-only]

It also times the audit with time with the people who decide against the same audit in
a workspace that names nobody (issue 13: at most 10% more), and, with the year imported,
`luck calendar deciders` (the re-audit, time with deciders and their hours by quarter
over the kept audits) against the re-audit alone.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
ZONE = "America/New_York"
ME = "sam.rivera@example.com"
SERIES_PER_YEAR = 50
EVENTS_PER_YEAR = 5000
FIRST_YEAR = 2025

VTIMEZONE = """BEGIN:VTIMEZONE
TZID:America/New_York
X-LIC-LOCATION:America/New_York
BEGIN:DAYLIGHT
TZOFFSETFROM:-0500
TZOFFSETTO:-0400
TZNAME:EDT
DTSTART:19700308T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:-0400
TZOFFSETTO:-0500
TZNAME:EST
DTSTART:19701101T020000
RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU
END:STANDARD
END:VTIMEZONE"""

TITLES = {
    "code": ["Code review: payments PR", "Pairing on the auth refactor", "Debug flaky tests",
             "Refactor session cache", "Code walkthrough"],
    "system": ["Incident review", "API design review", "Platform roadmap", "On-call handoff",
               "Architecture review", "Migration checkpoint", "Observability working group"],
    "business": ["Customer call: Acme", "Quarterly planning", "Budget review",
                 "Pricing discussion", "Sales sync", "Headcount planning"],
    "other": ["Weekly sync", "Team status update", "Coffee chat", "1:1", "Interview",
              "Status check-in"],
}
PEOPLE = [f"{name}@example.com" for name in (
    "alex", "blair", "casey", "drew", "emery", "finley", "gray", "harper", "indigo",
    "jordan", "kai", "logan", "morgan", "noel", "oakley", "parker", "quinn", "reese",
    "sage", "taylor")] + ["pat@acme-corp.com", "lee@globex.com"]
MEET = ("Join with Google Meet: https://meet.google.com/abc-defg-hij\\n\\nLearn more about "
        "Meet at: https://support.google.com/a/users/answer/9282720")


def _fold(line: str) -> str:
    """Fold a content line at 75 octets as RFC 5545 asks (and Google does)."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line
    parts, start, limit = [], 0, 75
    while start < len(data):
        end = min(start + limit, len(data))
        while end < len(data) and (data[end] & 0xC0) == 0x80:
            end -= 1
        parts.append(data[start:end].decode("utf-8"))
        start, limit = end, 74
    return "\r\n ".join(parts)


def _stamp(moment: dt.datetime) -> str:
    return moment.strftime("%Y%m%dT%H%M%S")


def _event(rng: random.Random, uid: str, start: dt.datetime, minutes: int, title: str,
           extra: list[str]) -> list[str]:
    guests = rng.sample(PEOPLE, rng.choice((1, 1, 2, 3, 4, 6, 8, 12)))
    organizer = rng.choice([ME, ME, *guests])
    kind = rng.random()
    if kind < 0.25:
        description = ("Agenda:\\n- decisions needed on the rollout\\n- risks\\n\\nDoc: "
                       "https://docs.google.com/document/d/1x2y3z\\n\\n" + MEET)
    elif kind < 0.5:
        description = "Pre-read: https://wiki.example.com/design/42\\n\\n" + MEET
    elif kind < 0.8:
        description = MEET
    else:
        description = ""
    me_status = rng.choices(("ACCEPTED", "DECLINED", "TENTATIVE", "NEEDS-ACTION"),
                            (80, 8, 6, 6))[0]
    lines = [
        "BEGIN:VEVENT",
        f"DTSTART;TZID={ZONE}:{_stamp(start)}",
        f"DTEND;TZID={ZONE}:{_stamp(start + dt.timedelta(minutes=minutes))}",
        "DTSTAMP:20250101T080000Z",
        f"ORGANIZER;CN={organizer}:mailto:{organizer}",
        f"UID:{uid}",
        "ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT="
        f"{me_status};CN={ME};X-NUM-GUESTS=0:mailto:{ME}",
    ]
    for guest in guests:
        lines.append("ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;"
                     f"CN={guest};X-NUM-GUESTS=0:mailto:{guest}")
    lines += [
        "X-MICROSOFT-CDO-OWNERAPPTID:-1",
        "CREATED:20241201T090000Z",
        f"DESCRIPTION:{description}",
        f"LAST-MODIFIED:{_stamp(start - dt.timedelta(days=rng.choice((0, 1, 3, 7))))}Z",
        "LOCATION:" + rng.choice(("", "Room 4B", "https://meet.google.com/abc-defg-hij")),
        "SEQUENCE:0",
        "STATUS:" + ("CANCELLED" if rng.random() < 0.02 else "CONFIRMED"),
        f"SUMMARY:{title}",
        "TRANSP:" + ("TRANSPARENT" if rng.random() < 0.04 else "OPAQUE"),
        *extra,
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        "DESCRIPTION:This is an event reminder",
        "TRIGGER:-P0DT0H10M0S",
        "END:VALARM",
        "END:VEVENT",
    ]
    return lines


def _workday_at(rng: random.Random, year: int) -> dt.datetime:
    while True:
        day = dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(365))
        if day.weekday() < 5:
            break
    hour = rng.choice((8, 9, 10, 10, 11, 11, 13, 14, 14, 15, 16, 17))
    return dt.datetime.combine(day, dt.time(hour, rng.choice((0, 0, 30))))


def _first_weekday(year: int, weekday: int) -> dt.date:
    day = dt.date(year, 1, 6)
    return day + dt.timedelta(days=(weekday - day.weekday()) % 7)


def generate(years: int, seed: int = 7, events_per_year: int = EVENTS_PER_YEAR,
             series_per_year: int = SERIES_PER_YEAR) -> str:
    """A Google-shaped export of `years` busy years starting in FIRST_YEAR."""
    rng = random.Random(seed)
    out = ["BEGIN:VCALENDAR", "PRODID:-//Google Inc//Google Calendar 70.9054//EN",
           "VERSION:2.0", "CALSCALE:GREGORIAN", "METHOD:PUBLISH", f"X-WR-CALNAME:{ME}",
           f"X-WR-TIMEZONE:{ZONE}", VTIMEZONE]
    for offset in range(years):
        year = FIRST_YEAR + offset
        last_year = offset == years - 1
        vevents = 0
        for n in range(series_per_year):
            uid = f"series-{year}-{n}@google.com"
            daily = n < 5
            weekday = n % 5
            first = _first_weekday(year, 0 if daily else weekday)
            start = dt.datetime.combine(first, dt.time(9 + n % 8, 30 if n % 3 else 0))
            altitude = ("code", "system", "business", "other")[n % 4]
            title = TITLES[altitude][n % len(TITLES[altitude])]
            byday = "MO,TU,WE,TH,FR" if daily else ("MO", "TU", "WE", "TH", "FR")[weekday]
            end_part = "" if last_year and n % 10 == 0 else f";UNTIL={year}1231T235959Z"
            skipped = [start + dt.timedelta(weeks=w) for w in (5, 19)]
            extra = [f"RRULE:FREQ=WEEKLY;WKST=MO;BYDAY={byday}{end_part}",
                     f"EXDATE;TZID={ZONE}:" + ",".join(_stamp(s) for s in skipped)]
            minutes = 15 if daily else rng.choice((30, 30, 45, 60))
            out += _event(rng, uid, start, minutes, title, extra)
            vevents += 1
            for week, change in ((9, "moved"), (23, "renamed"), (31, "cancelled")):
                original = start + dt.timedelta(weeks=week)
                moved = original + dt.timedelta(hours=1) if change == "moved" else original
                override = [f"RECURRENCE-ID;TZID={ZONE}:{_stamp(original)}"]
                lines = _event(rng, uid, moved, minutes,
                               title + (" (agenda inside)" if change == "renamed" else ""),
                               override)
                if change == "cancelled":
                    lines = [ln if not ln.startswith("STATUS:") else "STATUS:CANCELLED"
                             for ln in lines]
                out += lines
                vevents += 1
        for n in range(events_per_year - vevents):
            altitude = rng.choice(tuple(TITLES))
            title = rng.choice(TITLES[altitude])
            out += _event(rng, f"single-{year}-{n}@google.com", _workday_at(rng, year),
                          rng.choice((15, 30, 30, 30, 45, 60, 60, 90)), title, [])
    out.append("END:VCALENDAR")
    return "\r\n".join(_fold(line) for line in out) + "\r\n"


def data_file(years: int) -> Path:
    path = DATA / f"busy-{years}y.ics"
    if not path.exists():
        DATA.mkdir(parents=True, exist_ok=True)
        path.write_text(generate(years), encoding="utf-8", newline="")
    return path


def _luck() -> str:
    found = Path(sys.executable).with_name("luck")
    if found.exists():
        return str(found)
    return shutil.which("luck") or sys.exit("no `luck` next to this Python or on PATH")


def _median_seconds(command: list[str], env: dict[str, str], runs: int) -> tuple[float, float]:
    """Median wall time and median CPU time (user + system) of `runs` runs."""
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        began = time.perf_counter()
        subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)
        walls.append(time.perf_counter() - began)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def deciders_workspace(luck: str, home: Path, today: str, year: int) -> None:
    """A workspace naming four of the calendar's people: two windows (December of `year`
    and the January after), three stakeholders who decide or veto, and a sponsor."""
    env = {**os.environ, "LUCK_HOME": str(home), "NO_COLOR": "1"}
    steps = [["init"], ["window", "add", "Planning", "--on", f"{year}-12-05"],
             ["window", "add", "Headcount", "--on", f"{year + 1}-01-20"],
             ["sponsor", "add", "Drew"]]
    for name in ("alex", "blair", "casey", "drew"):
        steps.append(["person", "add", name.title(), "--email", f"{name}@example.com"])
    steps += [["window", "stakeholders", "w1", "add", "Alex", "--role", "decides"],
              ["window", "stakeholders", "w1", "add", "Blair", "--role", "vetoes"],
              ["window", "stakeholders", "w2", "add", "Casey", "--role", "decides"]]
    for step in steps:
        subprocess.run([luck, "--today", today, *step], env=env, check=True,
                       stdout=subprocess.DEVNULL)


def _deciders(luck: str, path: Path, years: int, runs: int) -> None:
    """The audit with time with deciders (a workspace naming four of the calendar's people
    as deciders and a sponsor) beside the same audit in a workspace that names nobody.
    Target: at most 10% more."""
    home = Path(tempfile.mkdtemp(prefix="luck-bench-deciders-"))
    env = {**os.environ, "LUCK_HOME": str(home), "NO_COLOR": "1"}
    today = f"{FIRST_YEAR + years - 1}-12-01"
    deciders_workspace(luck, home, today, FIRST_YEAR + years - 1)
    window = ["--from", f"{FIRST_YEAR}-01-01", "--to", f"{FIRST_YEAR + years - 1}-12-31"]
    command = [luck, "--today", today, "calendar", "audit", str(path), *window]
    bare_home = Path(tempfile.mkdtemp(prefix="luck-bench-bare-"))
    bare_env = {**env, "LUCK_HOME": str(bare_home)}
    subprocess.run([luck, "init"], env=bare_env, check=True, stdout=subprocess.DEVNULL)
    bare, bare_cpu = _median_seconds(command, bare_env, runs)
    wall, cpu = _median_seconds(command, env, runs)
    print(f"{path.name} audit, nobody named: {bare:.3f}s ({bare_cpu:.3f}s); with time with "
          f"deciders: {wall:.3f}s ({cpu:.3f}s), {100 * (wall / bare - 1):+.1f}% wall, "
          f"{100 * (cpu / bare_cpu - 1):+.1f}% CPU  target <= +10%")
    # kept: the year imported; `calendar deciders` re-audits it and adds the hours by
    # quarter over the kept audits, beside the re-audit alone in the same workspace
    subprocess.run([luck, "--today", today, "calendar", "import", str(path), *window],
                   env=env, check=True, stdout=subprocess.DEVNULL)
    again, again_cpu = _median_seconds([luck, "--today", today, "calendar", "audit"], env,
                                       runs)
    kept, kept_cpu = _median_seconds([luck, "--today", today, "calendar", "deciders"], env,
                                     runs)
    print(f"{path.name} kept: re-audit {again:.3f}s ({again_cpu:.3f}s); calendar deciders "
          f"with hours by quarter over the kept audit: {kept:.3f}s ({kept_cpu:.3f}s), "
          f"{100 * (kept / again - 1):+.1f}% wall, {100 * (kept_cpu / again_cpu - 1):+.1f}% "
          "CPU")
    shutil.rmtree(home, ignore_errors=True)
    shutil.rmtree(bare_home, ignore_errors=True)


def _peak_mb(command: list[str], env: dict[str, str]) -> float | None:
    """Peak resident memory of one run, as GNU time reports it."""
    if not Path("/usr/bin/time").exists():
        return None
    with tempfile.NamedTemporaryFile("r") as report:
        subprocess.run(["/usr/bin/time", "-f", "%M", "-o", report.name, *command], env=env,
                       check=True, stdout=subprocess.DEVNULL)
        return int(report.read().split()[-1]) / 1024


def _window_cost(luck: str, path: Path, env: dict[str, str], runs: int) -> None:
    """An audit's cost against its window (target: 30 days at most 25% of the busy
    year's) and the peak memory of the busy year's audit (target: at most 40 MB)."""
    year = ["--from", f"{FIRST_YEAR}-01-01", "--to", f"{FIRST_YEAR}-12-31"]
    month = ["--from", f"{FIRST_YEAR}-06-01", "--to", f"{FIRST_YEAR}-06-30"]
    audit = [luck, "calendar", "audit", str(path)]
    wall_year, cpu_year = _median_seconds([*audit, *year], env, runs)
    wall_month, cpu_month = _median_seconds([*audit, *month], env, runs)
    wall_help, cpu_help = _median_seconds([luck, "--help"], env, runs)
    peak = _peak_mb([*audit, *year], env)
    shown = "-" if peak is None else f"{peak:.1f} MB"
    print(f"{path.name} over the year: {wall_year:.3f}s ({cpu_year:.3f}s CPU); over 30 days: "
          f"{wall_month:.3f}s ({cpu_month:.3f}s CPU), {100 * cpu_month / cpu_year:.0f}% of the "
          f"year's CPU  target <= 25%  (luck --help: {cpu_help:.3f}s CPU)")
    print(f"peak RSS of the busy year's audit: {shown}  target <= 40 MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (median)")
    parser.add_argument("--years", default="1,2,3,4,5", help="busy years to audit")
    parser.add_argument("--window-only", action="store_true",
                        help="only the cost against the window and the peak memory")
    args = parser.parse_args()
    luck = _luck()
    years_list = sorted({int(y) for y in args.years.split(",")})
    home = Path(tempfile.mkdtemp(prefix="luck-bench-"))
    env = {**os.environ, "LUCK_HOME": str(home), "NO_COLOR": "1"}
    subprocess.run([luck, "init"], env=env, check=True, stdout=subprocess.DEVNULL)
    if args.window_only:
        _window_cost(luck, data_file(1), env, args.runs)
        shutil.rmtree(home, ignore_errors=True)
        return
    base, base_cpu = _median_seconds([luck, "--help"], env, args.runs)
    print(f"{luck}: median of {args.runs} runs, wall time (CPU time)")
    print(f"baseline `luck --help`: {base:.3f}s ({base_cpu:.3f}s)")
    print(f"{'file':<14}{'VEVENTs':>9}{'MB':>6}  {'audit':>16}  {'per year':>16}  target")
    seconds: dict[int, tuple[float, float]] = {}
    for years in years_list:
        path = data_file(years)
        window = ["--from", f"{FIRST_YEAR}-01-01", "--to", f"{FIRST_YEAR + years - 1}-12-31"]
        wall, cpu = seconds[years] = _median_seconds(
            [luck, "calendar", "audit", str(path), *window], env, args.runs)
        target = "<= 1.5 s" if years == 1 else "linear in years"
        print(f"{path.name:<14}{years * EVENTS_PER_YEAR:>9}{path.stat().st_size / 1e6:>6.1f}  "
              f"{wall:>7.3f}s ({cpu:.3f}s)  {wall / years:>7.3f}s ({cpu / years:.3f}s)  "
              f"{target}")
    if 1 in seconds and len(seconds) > 1:
        last = max(seconds)
        print(f"growth from 1 to {last} years: x{seconds[last][0] / seconds[1][0]:.2f} wall, "
              f"x{seconds[last][1] / seconds[1][1]:.2f} CPU (x{last} would be linear)")
    _deciders(luck, data_file(years_list[0]), years_list[0], args.runs)
    _window_cost(luck, data_file(1), env, args.runs)
    longest = data_file(max(years_list))
    quarter = ["--from", f"{FIRST_YEAR}-04-07", "--to", f"{FIRST_YEAR}-07-06"]
    wall, cpu = _median_seconds([luck, "calendar", "audit", str(longest), *quarter], env,
                                args.runs)
    print(f"{longest.name} audited over one quarter (13 weeks): {wall:.3f}s ({cpu:.3f}s)")
    path = data_file(years_list[0])
    window = ["--from", f"{FIRST_YEAR}-01-01", "--to", f"{FIRST_YEAR + years_list[0] - 1}-12-31"]
    subprocess.run([luck, "calendar", "import", str(path), *window], env=env, check=True,
                   stdout=subprocess.DEVNULL)
    wall, cpu = _median_seconds([luck, "calendar", "audit"], env, args.runs)
    print(f"re-audit of the imported {path.name} (`luck calendar audit`): {wall:.3f}s "
          f"({cpu:.3f}s)  target <= 0.3 s")
    shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
