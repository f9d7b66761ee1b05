"""`luck arc`: the Staff-versus-manager pendulum, in three-year arcs."""

from __future__ import annotations

import click

from luckos.cli.kinds import build_group
from luckos.cli.output import emit_json, heading, json_option, line, paged_output, pairs
from luckos.cli.session import session

group = build_group(
    "arc",
    "Roles as three-year arcs: year 1 learn the altitude, year 2 compound the wins, year 3 "
    "build a bench and a successor. Then ask whether the bottleneck is different, and "
    "pendulum deliberately between Staff IC and manager.",
)


@group.command("start")
@click.option("--track", required=True, metavar="TRACK", help="ic or manager")
@click.option("--role", required=True, help="the role, e.g. 'Staff engineer, payments'")
@click.option("--on", "on", default=None, metavar="DATE", help="when it starts (default: today)")
@click.option("--bottleneck", default=None, metavar="WHICH",
              help="the org's bottleneck: coordination (and hiring) or architecture (and hairy "
                   "problems)")
@click.option("--why", default=None, help="why you read the bottleneck that way")
@json_option
def start(track: str, role: str, on: str | None, bottleneck: str | None, why: str | None,
          as_json: bool) -> None:
    """Start a three-year arc in a role; the arc still open ends the day before."""
    from luckos.app import arc
    from luckos.app.records import as_json as record_json
    from luckos.dates import parse_date

    s = session()
    day = parse_date(on, s.today, what="--on") if on else s.today
    new, closed = arc.start(s.ws, track=track, role=role, on=day, bottleneck=bottleneck,
                            why=why, today=s.today)
    if as_json:
        emit_json({"started": record_json(new),
                   "closed": record_json(closed) if closed else None})
        return
    if closed:
        click.echo(f"ar{closed.id} ({closed.role}) ended {closed.ended_on}")
    click.echo(f"started ar{new.id}: {new.role} ({new.track}) on {new.started_on}\n")
    if new.started_on and new.started_on <= s.today:
        _render(arc.status(s.ws, s.today))  # which year it is, and what that year asks


@group.command("assess")
@click.argument("bottleneck", metavar="BOTTLENECK")
@click.option("--why", default="", help="why you read it that way")
@click.option("--on", "on", default=None, metavar="DATE", help="when (default: today)")
def assess(bottleneck: str, why: str, on: str | None) -> None:
    """Record the org's BOTTLENECK: coordination (and hiring) or architecture (and hairy
    problems)."""
    from luckos.app import arc as app
    from luckos.dates import parse_date
    from luckos.domain import arc

    s = session()
    day = parse_date(on, s.today, what="--on") if on else s.today
    updated = app.assess(s.ws, bottleneck, why, day)
    click.echo(f"ar{updated.id}: bottleneck {arc.BOTTLENECK_NAMES[updated.bottleneck]} "
               f"({updated.assessed_on})")
    advice = arc.pendulum(updated)
    if advice:
        click.echo(advice)


@group.command("status")
@json_option
@paged_output
def status(as_json: bool) -> None:
    """Which year of the arc you are in, what that year asks, and the pendulum."""
    from luckos.app import arc as app

    s = session()
    result = app.status(s.ws, s.today)
    if not as_json:
        _render(result)
        return
    emit_json(app.status_json(result))


def _render(result) -> None:  # type: ignore[no-untyped-def]
    from luckos.domain import arc

    pos = result.position
    current = pos.arc
    title, ask = pos.asks
    line(f"ar{current.id} {current.role} ({arc.TRACK_NAMES[current.track]}), since "
         f"{current.started_on}", "bold")
    when = (f"the arc is complete (it ended {pos.arc_end})" if pos.complete else
            f"year {pos.year} of {arc.ARC_YEARS}, day {pos.day_of_year} (until {pos.year_end})")
    pairs([("where", when), ("this year asks", title)])
    click.echo(f"  {ask}")
    heading("What the records say this year")
    for item in result.evidence:
        click.echo(f"  - {item}")
    heading("The pendulum")
    if result.pendulum:
        click.echo(f"  {result.pendulum} (assessed {current.assessed_on})")
    else:
        click.echo("  the bottleneck is not assessed: luck arc assess coordination|architecture")
    if result.reassess and current.bottleneck:
        click.echo("  assessed before this year began: is the bottleneck now different?")
    if result.script:
        heading("The essay's script for that move")
        click.echo(f"  \"{result.script}\"")
    heading("Only you can answer")
    click.echo(f"  {arc.ENVIRONMENT_QUESTION}")
