"""`luck export`, `luck import` and `luck backup`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from luckos.cli.session import session


@click.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--include-private", is_flag=True,
              help="a full backup: include earned secrets (they stay private otherwise)")
@click.option("--redact", is_flag=True,
              help="replace secrets, addresses, hosts and sensitive terms in every text "
                   "field (see `luck redact`); private notes stay out")
def export(file: Path, include_private: bool, redact: bool) -> None:
    """Export every record to a JSON FILE that `luck import` restores exactly.

    Private notes (earned secrets) are left out unless --include-private is given. A
    --redact export is for sharing: it restores, but with the tokens in place of what
    they replaced.
    """
    from luckos.app.exchange import write_export

    if redact and include_private:
        raise click.UsageError("--redact and --include-private: private notes never leave "
                               "the machine, redacted or not")
    data = write_export(session().ws, file, include_private=include_private,
                        now=dt.datetime.now(), redact=redact)
    total = sum(len(rows) for rows in data["records"].values())
    audits = len(data.get("calendar", {}).get("calendar_import", []))
    kept = f" and {_count(audits, 'calendar audit')}" if audits else ""
    left_out = data["private_left_out"]
    note = f"; {_count(left_out, 'private note')} left out" if left_out else ""
    if "redacted" in data:
        from luckos.app.redaction import summary

        note += f"; redacted {summary(data['redacted'])}"
    click.echo(f"exported {total} records{kept} to {file}{note}")


class _ImportGroup(click.Group):
    """`luck import FILE.json` restores an export (as it always has); `luck import git` and
    `luck import docs` bring in evidence. A first argument that names no subcommand is the
    JSON file (`luck import json FILE` says so explicitly, e.g. for a file named `git`)."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ctx.help_option_names:
            args = ["json", *args]
        return super().parse_args(ctx, args)


@click.group("import", cls=_ImportGroup)
def import_() -> None:
    """Restore a JSON export (luck import FILE.json), or bring in evidence from git
    history (luck import git PATH...) and Markdown documents (luck import docs FOLDER)."""


@import_.command("json")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--replace", is_flag=True, help="replace every record already in the workspace")
def import_json(file: Path, replace: bool) -> None:
    """Restore a JSON export, in one transaction: all of it or nothing."""
    from luckos.app.exchange import import_data, read_export
    from luckos.cli.kinds import confirm_future

    data = read_export(file)
    s = session()
    counts = import_data(s.ws, data, replace=replace, today=s.today, confirm=confirm_future)
    click.echo(f"imported {sum(counts.values())} records from {file}")


def _add_evidence_commands() -> None:
    from luckos.cli.evidence import import_docs, import_git

    import_.add_command(import_git)
    import_.add_command(import_docs)


_add_evidence_commands()


@click.command()
@click.argument("file", required=False, type=click.Path(dir_okay=False, path_type=Path))
def backup(file: Path | None) -> None:
    """Copy the whole database (private notes included) with SQLite's online backup.

    Without FILE the copy goes to the workspace's backups/ folder.
    """
    from luckos.app.exchange import backup as run

    path = run(session().ws, file, dt.datetime.now())
    click.echo(f"backed up to {path}")


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")
