"""How a calendar audit looks in a terminal or a pipe."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from luckos.app.calendar import Report, altitude_hours_per_week, totals
from luckos.app.calendar_json import explain_rows
from luckos.calendar.audit import MEETING, NOT_COUNTED
from luckos.cli.output import cut_note, heading, line, pairs, table
from luckos.dates import WEEKDAYS

_SHORT = {"code": "code", "system": "sys", "business": "biz", "unclassified": "uncl"}
_TOP = 5


def _h(value: float) -> str:
    return f"{value:.1f}"


def _n(count: int | float, word: str, rest: str = "") -> str:
    """`1 meeting`, `7 meetings`, `1.5 weeks`, `2 holds (busy, nobody else)`."""
    text = f"{count:g}" if isinstance(count, float) else str(count)
    return f"{text} {word}" + ("" if count == 1 else "s") + rest


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{n} {reason}" for reason, n in sorted(counts.items(),
                                                             key=lambda x: (-x[1], x[0])))


def render_report(report: Report, *, explain: bool = False, days: bool = False) -> None:
    a, f = report.audit, report.findings
    first, last = a.window
    weeks = a.window_days / 7
    name = f" ({report.calendar_name})" if report.calendar_name else ""
    kept = f", kept as import {report.import_id} on {report.imported_at[:10]}" if (
        report.import_id and report.imported_at) else ""
    line(f"Calendar audit of {report.source}{name}{kept}", "bold")
    kinds = a.kinds
    counted = ", ".join((_n(kinds.get(MEETING, 0), "meeting"),
                         _n(kinds.get("focus", 0), "focus block"),
                         _n(kinds.get("hold", 0), "hold", " (busy, nobody else)"),
                         _n(kinds.get("away", 0), "out-of-office event")))
    left_out = {k: kinds[k] for k in NOT_COUNTED if kinds.get(k)}
    items = [
        ("window", f"{first} to {last} ({_n(round(weeks, 1), 'week')}), "
                   f"{report.zone_name} ({report.zone_reason})"),
        ("you", f"{', '.join(sorted(a.me)) or '(unknown)'} ({report.me_reason})"),
        ("read", f"{_n(report.events, 'event')} -> {_n(report.occurrences, 'occurrence')} "
                 "in the window"),
        ("counted", counted),
        ("not counted", _counts(left_out) or "nothing"),
    ]
    if report.skipped:
        total = sum(report.skipped.values())
        items.append(("skipped", f"{_n(total, 'event')}: {_counts(report.skipped)}"))
    if report.notes:
        items.append(("notes", _counts(report.notes)))
    pairs(items)
    for reason, where in report.examples.items():
        click.echo(f"    e.g. {reason}: {where}")
    _weeks_table(report)
    if days:
        _days_table(report)
    _findings(report)
    if explain:
        rows = explain_rows(report)
        table(["meeting", "altitude", "rule", "times", "hours"],
              [[r["title"], r["altitude"], r["rule"], r["occurrences"], _h(r["hours"])]
               for r in rows], title="Why each meeting sits at its altitude",
              empty="no meetings")
    del f


def _weeks_table(report: Report) -> None:
    a = report.audit
    maker = WEEKDAYS[a.maker_weekday][:3]
    per_week = altitude_hours_per_week(a)
    altitudes = list(per_week)
    rows = []
    for w in a.weeks:
        rows.append([w.week_start, w.meetings, _h(w.meeting_hours), w.maker_blocks,
                     w.long_blocks, _h(w.fragmented_hours), w.context_switches,
                     _h(w.focus_hours), w.maker_day_state,
                     *[_h(w.altitude_hours.get(x, 0.0)) for x in altitudes]])
    t = totals(report)
    rows.append(["per week", t["meetings_per_week"], _h(t["meeting_hours_per_week"]),
                 _h(t["maker_blocks_per_week"]), "", _h(t["fragmented_hours_per_week"]),
                 t["context_switches_per_week"], _h(t["focus_hours_per_week"]),
                 f"kept {t['maker_days_kept']}/{t['maker_days_judged']}",
                 *[_h(per_week[x]) for x in altitudes]])
    s = a.settings
    table(["week of", "meetings", "hours", f"blocks {s.maker_block_hours:g}h+",
           f"{s.maker_day_hours:g}h+", "fragmented h", "switches", "focus h",
           f"maker day ({maker})", *[_SHORT[x] for x in altitudes]], rows,
          title="Weeks (hours of meetings; free blocks inside working hours)")


def _days_table(report: Report) -> None:
    rows = []
    for d in report.audit.days:
        if not d.workday and not d.meetings:
            continue
        state = "away" if d.away else ("" if d.workday else "off")
        rows.append([d.day, WEEKDAYS[d.day.weekday()][:3], d.meetings, _h(d.meeting_hours),
                     _h(d.longest_block_hours), d.fragments, _h(d.fragmented_hours),
                     f"{d.switches} ({d.min_switches})", _h(d.focus_hours), state])
    table(["day", "", "meetings", "hours", "longest free", "fragments", "fragmented h",
           "switches (clustered)", "focus h", ""], rows, title="Days")


def _findings(report: Report) -> None:
    a, f = report.audit, report.findings
    s = a.settings
    heading("Findings (hours per quarter of 13 weeks)")
    if f.status_theater:
        person = sum(x.person_hours_per_quarter for x in f.status_theater)
        click.echo(f"1. Eliminate status theater: {len(f.status_theater)} recurring "
                   f"{'meeting' if len(f.status_theater) == 1 else 'meetings'} "
                   f"of {s.status_min_people}+ people with no agenda, no document and no "
                   f"decision cost you {_h(f.status_theater_hours)} h ({person:.0f} "
                   "person-hours). Replace them with a crisp doc, a checklist or an async "
                   "update.")
        _series_rows(f.status_theater[:_TOP])
        _more(len(f.status_theater))
    else:
        click.echo(f"1. Status theater: none (no recurring meeting of {s.status_min_people}+ "
                   "people lacks an agenda, a document and a decision).")
    if f.preread_gaps:
        late = (f"; {f.late_prereads} more got their link less than 24 h before they began"
                if f.late_prereads else "")
        click.echo(f"2. Send the pre-read 24 hours ahead: {_n(f.preread_meetings, 'meeting')} "
                   f"of {s.preread_min_people}+ people had no document link: "
                   f"{_h(f.preread_hours)} h{late}.")
        table(["meeting", "times", "people", "h/quarter", "first"],
              [[g.title, g.occurrences if g.recurring else 1, g.people,
                _h(g.hours_per_quarter), g.first] for g in f.preread_gaps[:_TOP]])
        _more(len(f.preread_gaps))
    else:
        click.echo(f"2. Pre-reads: every meeting of {s.preread_min_people}+ people carries a "
                   "document link.")
    if f.expensive_series:
        click.echo("3. Memoize the most expensive series (your hours, and hours times "
                   "people): could a written update, a doc or a checklist replace them?")
        _series_rows(f.expensive_series)
    else:
        click.echo("3. Recurring meetings: none in the window.")
    if f.mixed_days:
        saved = sum(m.switches - m.clustered for m in f.mixed_days)
        mix = "mixes" if len(f.mixed_days) == 1 else "mix"
        click.echo(f"4. Cluster by altitude: {_n(len(f.mixed_days), 'day')} {mix} altitudes; "
                   f"ordering their meetings by altitude saves {saved} context switches, "
                   f"{_h(f.mixed_hours)} h at {s.switch_cost_minutes} minutes each.")
        table(["day", "", "meetings in order", "switches", "clustered"],
              [[m.day, WEEKDAYS[m.day.weekday()][:3],
                " > ".join(_SHORT[x] for x in m.altitudes), m.switches, m.clustered]
               for m in f.mixed_days[:_TOP]])
        _more(len(f.mixed_days))
    else:
        click.echo("4. Altitudes: no day switches between them more than it has to.")
    _maker(report)
    _altitudes(report)
    _norms(report)


def _altitudes(report: Report) -> None:
    b = report.findings.altitudes
    if b is None:
        click.echo("6. One altitude only: no meeting was placed at an altitude, so there is "
                   "nothing to weigh (luck calendar audit --explain shows why).")
        return
    mix = ", ".join(f"{x} {b.share(x):.0%}" for x in ("code", "system", "business"))
    total = f"{_h(b.total)} h of classified meetings: {mix}"
    if b.dominant is not None:
        absent = "; no business altitude at all" if b.business_absent else ""
        click.echo(f"6. Live at more than one altitude: {b.dominant} holds "
                   f"{b.share(b.dominant):.0%} of {total} (over {b.limit:.0%}){absent}. "
                   "Trade a meeting a week for one at another altitude.")
    elif b.business_absent:
        click.echo(f"6. Go up to business altitude: none of {total}. Join a customer call, "
                   "a planning review or a pricing discussion this month.")
    else:
        click.echo(f"6. Altitude mix: {total}; none holds over {b.limit:.0%}.")


def _norms(report: Report) -> None:
    breaks = report.findings.norm_breaks
    s = report.audit.settings
    kept = 1 + len(s.no_meeting_hours) + len(s.office_hours)
    if not breaks:
        click.echo(f"7. Schedule norms: all {kept} held (luck calendar norms prints them "
                   "to share).")
        return
    hours = sum(b.hours_per_quarter for b in breaks)
    click.echo(f"7. Hold your schedule norms: {len(breaks)} of {kept} broken, "
               f"{_h(hours)} h of meetings where they say none. Share them (luck calendar "
               "norms) and move these.")
    names = {"maker-day": "maker day", "no-meeting-hours": "no meetings",
             "office-hours": "office hours"}
    table(["norm", "when", "days broken", "h/quarter", "meetings"],
          [[names[b.norm], b.label, f"{b.days}/{b.of_days}", _h(b.hours_per_quarter),
            ", ".join(b.titles)] for b in breaks])


def _more(total: int) -> None:
    cut_note(min(_TOP, total), total, "--json lists them all")


def _series_rows(series: list[Any]) -> None:
    table(["series", "cadence", "people", "altitude", "h/quarter", "person-h/quarter"],
          [[x.title, x.cadence, x.people, x.altitude, _h(x.hours_per_quarter),
            f"{x.person_hours_per_quarter:.0f}"] for x in series])


def _maker(report: Report) -> None:
    m = report.findings.maker_day
    if m is None:
        click.echo("5. Maker day: no workday inside the window to propose.")
        return
    current = WEEKDAYS[m.current].capitalize()
    best = m.name.capitalize()
    load = (f"{_h(m.load.meeting_hours)} h of meetings a day, {_h(m.load.movable_hours)} h "
            "of it movable: you organize it, or it is a 1:1")
    kept = f"kept {m.current_kept} of {_n(m.current_weeks, 'week')}"
    clear = f"clearing it means moving {_h(m.hours_to_move_per_quarter)} h"
    if m.current_weeks and m.current_kept * 4 >= m.current_weeks * 3:
        other = "" if m.weekday == m.current else (
            f" The emptiest weekday is {best} ({load}).")
        click.echo(f"5. Keep {current} as your maker day: it was {kept}.{other}")
    elif m.weekday == m.current:
        click.echo(f"5. Defend {current} as your maker day: it has the fewest and most movable "
                   f"meetings ({load}); {clear}. It was {kept}.")
    else:
        click.echo(f"5. Reserve {best} as your maker day: it has the fewest and most movable "
                   f"meetings ({load}); {clear}. {current}, your maker day now, was {kept}.")
    table(["weekday", "days", "meeting h/day", "movable h/day"],
          [[WEEKDAYS[w.weekday], w.days, _h(w.meeting_hours), _h(w.movable_hours)]
           for w in m.loads])


def _f(value: Any) -> str:
    return f"{value:.1f}" if isinstance(value, int | float) else str(value)


def render_import(report: Report, rows: list[dict[str, Any]]) -> None:
    now = rows[-1]
    before = rows[-2] if len(rows) > 1 else None
    first, last = report.audit.window
    line(f"Kept import {report.import_id}: {report.source}, {first} to {last}, "
         f"{_n(report.occurrences, 'occurrence')} of {_n(report.events, 'event')}", "bold")
    if report.skipped:
        click.echo(f"  skipped {_n(sum(report.skipped.values()), 'event')}: "
                   f"{_counts(report.skipped)}")
    keys = [("meeting hours per week", "meeting_hours_per_week"),
            ("meetings per week", "meetings_per_week"),
            ("maker blocks per week", "maker_blocks_per_week"),
            ("fragmented hours per week", "fragmented_hours_per_week"),
            ("context switches per week", "context_switches_per_week"),
            ("status theater h/quarter", "status_theater_hours_per_quarter"),
            ("pre-read gaps h/quarter", "preread_gap_hours_per_quarter")]
    columns = ["figure", f"import {now['id']}"]
    if before:
        columns += [f"import {before['id']}", "change"]
    body = []
    for label, key in keys:
        row = [label, _f(now.get(key))]
        if before:
            old, new = before.get(key), now.get(key)
            change = (f"{new - old:+.1f}" if isinstance(old, int | float)
                      and isinstance(new, int | float) else "")
            row += [_f(old), change]
        body.append(row)
    body.append(["maker days kept", f"{now['maker_days_kept']}/{now['maker_days_judged']}",
                 *([f"{before.get('maker_days_kept')}/{before.get('maker_days_judged')}", ""]
                   if before else [])])
    table(columns, body)
    click.echo("next: luck calendar audit    (the full report of this import)")


def render_history(rows: list[dict[str, Any]]) -> None:
    table(["import", "imported", "file", "window", "meeting h/wk", "meetings/wk",
           "maker days", "fragmented h/wk", "switches/wk", "theater h/q", "proposed maker day"],
          [[r["id"], r["imported_at"][:10], Path(r["source"]).name,
            f"{r['window']['from']} to {r['window']['to']}",
            _f(r.get("meeting_hours_per_week")), _f(r.get("meetings_per_week")),
            f"{r.get('maker_days_kept')}/{r.get('maker_days_judged')}",
            _f(r.get("fragmented_hours_per_week")), _f(r.get("context_switches_per_week")),
            _f(r.get("status_theater_hours_per_quarter")),
            r.get("proposed_maker_day") or "-"] for r in rows],
          title="Calendar audits kept in this workspace",
          empty="no calendar imported yet: luck calendar import FILE.ics")
