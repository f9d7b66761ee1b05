"""`luck feed`: the operating loop's dates as an ICS calendar file."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from luckos.cli.output import cut_note, emit_json, json_option, table
from luckos.cli.session import session


@click.command()
@click.argument("file", metavar="FILE.ics")
@click.option("--days", type=click.IntRange(1, 3660), default=365, show_default=True,
              help="how far ahead")
@click.option("--past-days", type=click.IntRange(0, 3660), default=30, show_default=True,
              help="how far back")
@click.option("--redact", is_flag=True,
              help="replace secrets, addresses, hosts and sensitive terms in the events' "
                   "text (see `luck redact`)")
@click.option("--force", is_flag=True,
              help="replace FILE.ics even if luckos did not write it")
@json_option
def feed(file: str, days: int, past_days: int, redact: bool, force: bool,
         as_json: bool) -> None:
    """Write decision windows, their prep deadlines, monthly metric updates, review
    dates and the next due date of each explore cadence (a weekend a month, a talk a
    quarter, a paper or teardown a season) to FILE.ics (`-` for standard output).

    Import it into Google Calendar, Outlook or Apple Calendar, or subscribe to it where
    the file is served. Every event keeps its UID from one run to the next, so importing
    a newer file updates the events instead of duplicating them. All-day events, marked
    free, so they never block your time.

    The file is written whole or not at all. It replaces a feed luckos wrote before (so
    a cron job can re-write it); any other existing file only with --force, and never
    the workspace's own files or a SQLite database.
    """
    from luckos.app.feed import write

    s = session()
    path = None if file == "-" else Path(file)
    result = write(s.ws, path, s.today, dt.datetime.now(dt.UTC), days=days,
                   past_days=past_days, redact=redact, force=force)
    if result.redacted is not None and (path is None or not as_json):
        from luckos.app.redaction import summary

        click.echo(f"redacted {summary(result.redacted)}", err=path is None)
    if path is None:
        sys.stdout.buffer.write(result.text)
        sys.stdout.flush()
        return
    if as_json:
        events = [{"uid": f"{e.key}@{result.uid_domain}", "on": e.on.isoformat(),
                   "summary": e.summary, "category": e.category, "rrule": e.rrule}
                  for e in result.events]
        redacted = {"redacted": result.redacted} if redact else {}
        emit_json({"file": str(path), **redacted, "events": events})
        return
    click.echo(f"wrote {len(result.events)} events to {path} (read back with icalendar: ok)")
    table(["on", "what", "summary"],
          [[e.on, e.category + (" (monthly)" if e.rrule else ""), e.summary]
           for e in result.events[:12]], empty="no dates in range")
    cut_note(min(12, len(result.events)), len(result.events), f"{path} holds them all")
