"""`luck reboot`: a 90-day reboot, any time."""

from __future__ import annotations

from pathlib import Path

import click

from luckos.cli.completion import complete_ids
from luckos.cli.kinds import build_group
from luckos.cli.output import emit_json, heading, json_option, line, paged_output, table
from luckos.cli.session import session

group = build_group(
    "reboot",
    "A 90-day reboot, any time: two weeks mapping the terrain, a theme that meets a real "
    "deadline, a two-pager pre-wired with three people, a visible first milestone, and "
    "the story told in a one-page post-mortem. Start one with `luck reboot start`.",
)
group.commands.pop("add")  # a reboot begins with `start`, which refuses a second one


@group.command("start")
@click.option("--on", "on", default=None, metavar="DATE",
              help="the first day of week 1 (default: today)")
@click.option("--focus", default="", help="the theme that intersects a real deadline")
@click.option("--theme", default=None, metavar="ID", help="the theme it serves")
@json_option
def start(on: str | None, focus: str, theme: str | None, as_json: bool) -> None:
    """Start a 90-day reboot: twelve weeks with dated checkpoints."""
    from luckos.app import reboot as app
    from luckos.app.records import as_json as record_json
    from luckos.dates import parse_date

    s = session()
    day = parse_date(on, s.today, what="--on") if on else s.today
    created = app.start(s.ws, on=day, focus=focus, theme=theme, today=s.today)
    if as_json:
        emit_json(record_json(created))
        return
    click.echo(f"started rb{created.id} on {created.started_on}")
    _render(app.status(s.ws, f"rb{created.id}", s.today))


@group.command("status")
@click.argument("ref", required=False, metavar="[ID]",
                shell_complete=complete_ids("reboot"))
@json_option
@paged_output
def status(ref: str | None, as_json: bool) -> None:
    """The twelve weeks, their checkpoints and dates, and what is done (the running reboot,
    or ID)."""
    from luckos.app import reboot as app

    s = session()
    result = app.status(s.ws, ref, s.today)
    if as_json:
        emit_json(app.status_json(result))
        return
    _render(result)


@group.command("done")
@click.argument("checkpoint", metavar="CHECKPOINT")
@click.option("--on", "on", default=None, metavar="DATE", help="when (default: today)")
@click.option("--undo", is_flag=True, help="mark it as not done")
def done(checkpoint: str, on: str | None, undo: bool) -> None:
    """Mark a CHECKPOINT (its number or key) of the running reboot as done."""
    from luckos.app import reboot as app
    from luckos.dates import parse_date

    s = session()
    day = parse_date(on, s.today, what="--on") if on else s.today
    updated, c = app.mark(s.ws, checkpoint, day, undo=undo)
    state = "not done" if undo else f"done on {day}"
    click.echo(f"rb{updated.id} checkpoint {c.number} ({c.key}) {state}: {c.text}")


@group.command("postmortem")
@click.argument("text", required=False)
@click.option("--file", "file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="the post-mortem's file (kept as its path)")
@click.option("--on", "on", default=None, metavar="DATE", help="when (default: today)")
@click.option("--why", default="", help="why it ends early (asked for before week 12)")
def postmortem(text: str | None, file: Path | None, on: str | None, why: str) -> None:
    """End the running reboot with its one-page post-mortem (TEXT, or --file PATH).

    Before week 12 it ends only with the reason (--why)."""
    from luckos.app import reboot as app
    from luckos.dates import parse_date

    s = session()
    day = parse_date(on, s.today, what="--on") if on else s.today
    ended = app.postmortem(s.ws, text, file, day, why)
    click.echo(f"rb{ended.id} ended on {ended.ended_on} with its post-mortem. Momentum is "
               "narrative: choose the next theme, and repeat.")


@group.command("stop")
@click.option("--why", required=True, help="why it stops")
@click.option("--on", "on", default=None, metavar="DATE", help="when (default: today)")
def stop(why: str, on: str | None) -> None:
    """Stop the running reboot before its end, saying why."""
    from luckos.app import reboot as app
    from luckos.dates import parse_date

    s = session()
    day = parse_date(on, s.today, what="--on") if on else s.today
    ended = app.stop(s.ws, why, day)
    click.echo(f"rb{ended.id} stopped on {ended.ended_on}")


def _render(result) -> None:  # type: ignore[no-untyped-def]
    from luckos.domain import reboot

    rb = result.reboot
    where = {"ended": f"ended {rb.ended_on}", "not-started": f"starts {result.start}",
             "running": f"week {result.week} of {reboot.WEEKS}",
             "overrun": f"past week {reboot.WEEKS} (it ended {result.end})"}[result.phase]
    line(f"90-day reboot rb{rb.id}{': ' + rb.focus if rb.focus else ''}, {result.start} to "
         f"{result.end}: {where}, {result.done} of {len(result.checkpoints)} checkpoints done",
         "bold")
    for block in reboot.BLOCKS:
        first = reboot.week_start(result.start, block.first_week)
        last = reboot.week_end(result.start, block.last_week)
        marker = "  <- now" if result.current(block) else ""
        rows = [[c.checkpoint.number, _state(c), c.checkpoint.text]
                for c in result.checkpoints
                if c.checkpoint.first_week == block.first_week]
        table(["#", "state", "checkpoint"], rows,
              title=f"Weeks {block.first_week}-{block.last_week} ({first} to {last}): "
                    f"{block.title}{marker}")
    if result.asks_for_postmortem:
        heading("The quarter is over: tell the story")
        click.echo("  Write the one-page post-mortem, then: luck reboot postmortem --file PATH")
    elif rb.postmortem:
        heading("Post-mortem")
        click.echo(f"  {rb.postmortem}")


def _state(c) -> str:  # type: ignore[no-untyped-def]
    if c.state == "done":
        return f"done {c.done_on}"
    if c.state == "late":
        return f"LATE (by {c.due})"
    if c.state == "now":
        return f"now (by {c.due})"
    return f"by {c.due}"
