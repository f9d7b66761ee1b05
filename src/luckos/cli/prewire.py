"""How `luck window prewire` prints the pre-wire map."""

from __future__ import annotations

import datetime as dt

import click

from luckos.cli.output import heading, table
from luckos.domain.people import Prewire


def render(p: Prewire, today: dt.date) -> None:
    when = (f"next on {p.on}, prep due {p.prep_due}" if p.on and p.prep_due
            else "no date ahead")
    heading(f"w{p.window_id} {p.window_name} ({when})")
    click.echo(f"  {p.summary()}")
    if not p.lines:
        return
    click.echo()
    table(("id", "name", "role", "state", "since", "to do"),
          [(f"sh{line.stakeholder.id}", line.person.name,
            line.stakeholder.role + (", sponsor" if line.stakeholder.sponsor else ""),
            line.state, str(line.since or ""), "; ".join(line.missing) or "-")
           for line in p.lines])
    left = p.days_to_prep(today)
    if p.prep_due and p.on and left is not None:
        todo = [line for line in p.lines if line.missing]
        click.echo()
        if todo:
            due = (f"in {left} day{'s' if left != 1 else ''}" if left >= 0
                   else f"{-left} day{'s' if left != -1 else ''} ago")
            click.echo(f"Missing before the prep deadline ({p.prep_due}, {due}):")
            for line in todo:
                click.echo(f"  {line.person.name}: {'; '.join(line.missing)}")
        else:
            click.echo(f"Nothing missing before the prep deadline ({p.prep_due}).")
    open_ = p.objections_open
    click.echo()
    if open_:
        click.echo("Objections not yet handled:")
        for line in open_:
            s = line.stakeholder
            days = line.objection_age(today)
            age = "" if days is None else f", {days} days ago"
            click.echo(f"  {line.person.name} ({s.objection_on}{age}): {s.objection}")
    else:
        click.echo("No objection left unhandled.")

