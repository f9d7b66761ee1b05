"""How `luck window prewire` and `luck decision prewire` print the pre-wire map."""

from __future__ import annotations

import datetime as dt

import click

from luckos.cli.output import heading, table
from luckos.domain.people import Prewire, PrewireLine


def render(p: Prewire, today: dt.date) -> None:
    if p.subject.startswith("d"):
        when = f"made {p.on}" if p.on else "no date"
    else:
        when = (f"next on {p.on}, prep due {p.prep_due}" if p.on and p.prep_due
                else "no date ahead")
    heading(f"{p.subject} {p.name} ({when})")
    click.echo(f"  {p.summary()}")
    if p.lines:
        click.echo()
        _table(p.lines)
        _todo(p, today)
        _objections(p, today)
    for day, lines in p.history:
        click.echo()
        click.echo(f"The pre-wire for {day} (past):")
        _table(lines, past=True)


def render_short(p: Prewire) -> None:
    """The pre-wire under `luck window show` and `luck decision show`."""
    click.echo()
    click.echo(f"Pre-wire: {p.summary()} (luck {'window' if p.subject[0] == 'w' else 'decision'} "
               f"prewire {p.subject})")
    if p.lines:
        _table(p.lines)


def _table(lines: tuple[PrewireLine, ...], *, past: bool = False) -> None:
    """The stakeholders and their states; a past date's without what was left to do."""
    rows = [[f"sh{line.stakeholder.id}", line.person.name,
             line.stakeholder.role + (", sponsor" if line.stakeholder.sponsor else ""),
             line.state, str(line.since or "")] for line in lines]
    if past:
        table(("id", "name", "role", "state", "since"), rows)
        return
    table(("id", "name", "role", "state", "since", "to do"),
          [(*row, "; ".join(line.missing) or "-") for row, line in zip(rows, lines, strict=True)])


def _todo(p: Prewire, today: dt.date) -> None:
    todo = [line for line in p.lines if line.missing]
    left = p.days_to_prep(today)
    if p.prep_due and p.on and left is not None:
        click.echo()
        if todo:
            due = (f"in {left} day{'s' if left != 1 else ''}" if left >= 0
                   else f"{-left} day{'s' if left != -1 else ''} ago")
            click.echo(f"Missing before the prep deadline ({p.prep_due}, {due}):")
            for line in todo:
                click.echo(f"  {line.person.name}: {'; '.join(line.missing)}")
        else:
            click.echo(f"Nothing missing before the prep deadline ({p.prep_due}).")
    elif p.subject.startswith("d") and todo:
        click.echo()
        click.echo("Still to do:")
        for line in todo:
            click.echo(f"  {line.person.name}: {'; '.join(line.missing)}")


def _objections(p: Prewire, today: dt.date) -> None:
    open_ = p.objections_open
    click.echo()
    if open_:
        click.echo("Objections not yet handled:")
        for line in open_:
            s = line.stakeholder
            days = line.objection_age(today)
            age = "" if days is None else f", {days} day{'s' if days != 1 else ''} ago"
            click.echo(f"  {line.person.name} ({s.objection_on}{age}): {s.objection}")
    else:
        click.echo("No objection left unhandled.")

