"""`luck doctor`: check the workspace's health; `--fix` repairs what is safe to repair."""

from __future__ import annotations

import datetime as dt

import click

from luckos.cli.output import emit_json, json_option, paged
from luckos.cli.session import session


@click.command()
@click.option("--fix", is_flag=True,
              help="repair what is safe to repair, after taking a backup into backups/")
@json_option
def doctor(fix: bool, as_json: bool) -> None:
    """Check the workspace: the database's integrity (SQLite's full integrity_check) and
    schema version, file modes, rows that cannot be read, links to records that are
    gone, linked local files that vanished, window recurrences that cannot be expanded,
    and values the records' own rules refuse.

    Each problem is printed with its record and what --fix would do. --fix takes a
    backup first (backups/luck-DATE-TIME-before-doctor.db), then clears links to
    missing records, deletes orphaned calendar rows and makes files 0600 and folders
    0700; everything else is reported for you to decide. A damaged file is never
    "repaired": restore it from a backup.
    """
    from luckos.app.doctor import doctor as run

    s = session()
    report = run(s.home, s.today, dt.datetime.now(), fix=fix)
    if as_json:
        emit_json(report.as_json())
    else:
        with paged():  # a long list of problems goes through the pager on a terminal
            _show(report, fix)
    if not report.healthy:
        raise click.exceptions.Exit(1)


def _show(report, fix: bool) -> None:  # type: ignore[no-untyped-def]
    schema = "unknown" if report.schema is None else str(report.schema)
    click.echo(f"workspace {report.home}: schema {schema}, {report.records:,} records")
    if report.backup is not None:
        click.echo(f"backed up to {report.backup} before repairing")
    for done in report.fixed:
        click.echo(f"  fixed {done}")
    if report.not_fixed:
        click.echo(f"nothing repaired: {report.not_fixed}")
    if report.healthy:
        click.echo("healthy: integrity ok, schema current, no broken links, files or values")
        return
    one = len(report.problems) == 1
    remain = (" remains" if one else " remain") if report.fixed else ""
    click.echo(f"{len(report.problems)} {'problem' if one else 'problems'}{remain}:")
    for p in report.problems:
        click.echo(f"  {p.check:<10}  {p.where}: {p.message}")
        click.echo(f"  {'':<10}  {'would ' if p.fixable else ''}{p.repair}")
    if report.fixable and not fix:
        click.echo(f"`luck doctor --fix` repairs {report.fixable} of them, after a backup")
