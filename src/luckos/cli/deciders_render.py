"""How the time with deciders prints, in `luck calendar audit` and `luck calendar
deciders`."""

from __future__ import annotations

import click

from luckos.calendar.deciders import DecidersTime, KeptQuarters
from luckos.cli.output import heading, table


def render_deciders(d: DecidersTime, kept: KeptQuarters | None = None) -> None:
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
    if kept is not None:
        _kept(kept)
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


def _kept(k: KeptQuarters) -> None:
    click.echo()
    if not k.audits:
        click.echo("By quarter: no calendar audit kept yet (luck calendar import FILE.ics "
                   "keeps one; each import adds its weeks)")
        return
    click.echo(f"Hours by quarter over the {k.audits} kept audit{'s' if k.audits != 1 else ''}"
               " (each day once, from the newest import that covers it):")
    quarters = [q for q, _, _ in k.quarters]
    table(("person", *quarters),
          [*((p.name, *(f"{hours.get(q, 0.0):.1f}" for q in quarters)) for p, hours in k.people),
           ("all deciders", *(f"{k.hours(q):.1f}" for q in quarters)),
           ("days kept", *(f"{n} of {total}" for _, n, total in k.quarters))])
    if k.without_attendees:
        click.echo(f"  {len(k.without_attendees)} kept audit(s) list no attendee addresses; "
                   "their days count as kept but show no time with deciders")
