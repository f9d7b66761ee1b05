"""How the time with deciders prints, in `luck calendar audit` and `luck calendar
deciders`."""

from __future__ import annotations

import click

from luckos.calendar.deciders import DecidersTime
from luckos.cli.output import heading, table


def render_deciders(d: DecidersTime) -> None:
    heading("Time with the people who decide")
    if not d.computable:
        click.echo(f"  {d.reason}")
        return
    click.echo(f"  {d.hours:.1f} h over {d.weeks:.1f} weeks ({d.hours / d.weeks:.1f} h a "
               f"week), {d.status_hours:.1f} h of it in status meetings")
    table(("person", "why", "meetings", "hours", "1:1", "group", "status", "last met"),
          [(f"pe{t.target.person.id} {t.target.person.name}", _why(t.target),
            t.meetings, f"{t.hours:.1f}", f"{t.one_to_one_hours:.1f}",
            f"{t.group_hours:.1f}", f"{t.status_hours:.1f}", t.last_met or "-")
           for t in d.people])
    quarters = sorted({q for t in d.people for q in t.quarters})
    if len(quarters) > 1:
        click.echo()
        table(("person", *quarters),
              [(t.target.person.name, *(f"{t.quarters.get(q, 0.0):.1f}" for q in quarters))
               for t in d.people if t.meetings])
    if d.windows:
        click.echo()
        table(("window", "hours with its deciders", "deciders met"),
              [(f"w{w.window_id} {w.name}", f"{w.hours:.1f}",
                f"{w.deciders_met} of {w.deciders}") for w in d.windows])
    if d.ambiguous:
        click.echo()
        click.echo("Attendees two people answer to (not counted; merge them or give one "
                   "an alias):")
        for a in d.ambiguous:
            click.echo(f"  {a.attendee}: {' or '.join(a.people)} ({a.meetings} meetings)")
    if d.findings:
        click.echo()
        for finding in d.findings:
            click.echo(f"  - {finding}")


def _why(t: object) -> str:
    from luckos.calendar.deciders import Target

    assert isinstance(t, Target)
    parts = [f"{role} w{w}" for w, _, role in t.windows]
    if t.sponsor:
        parts.append("sponsor")
    return ", ".join(parts)
