"""`luck export`, `luck import` and `luck backup`."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from luckos.cli.session import session


@click.command()
@click.argument("file", metavar="FILE")
@click.option("--include-private", is_flag=True,
              help="a full backup: include earned secrets (they stay private otherwise)")
@click.option("--redact", is_flag=True,
              help="replace secrets, addresses, hosts and sensitive terms in every text "
                   "field (see `luck redact`); private notes stay out")
@click.option("--force", is_flag=True, help="replace FILE if it exists")
def export(file: str, include_private: bool, redact: bool, force: bool) -> None:
    """Export every record to a JSON FILE that `luck import` restores exactly (`-` for
    standard output).

    Private notes (earned secrets) are left out unless --include-private is given. A
    --redact export is for sharing: it restores, but with the tokens in place of what
    they replaced. An existing FILE is never replaced without --force (it may be your
    only older copy); the workspace's own files and any SQLite database are never
    written, even with --force. The file is written whole (mode 0600) or not at all.
    """
    from luckos.app.exchange import export_data, export_text, write_export

    if redact and include_private:
        raise click.UsageError("--redact and --include-private: private notes never leave "
                               "the machine, redacted or not")
    s = session()
    now = dt.datetime.now()
    if file == "-":
        data = export_data(s.ws, include_private=include_private, now=now, redact=redact)
        sys.stdout.write(export_text(data))
        sys.stdout.flush()
        return
    path = Path(file)
    data = write_export(s.ws, path, include_private=include_private, now=now,
                        redact=redact, force=force)
    total = sum(len(rows) for rows in data["records"].values())
    audits = len(data.get("calendar", {}).get("calendar_import", []))
    kept = f" and {_count(audits, 'calendar audit')}" if audits else ""
    left_out = data["private_left_out"]
    note = f"; {_count(left_out, 'private note')} left out" if left_out else ""
    if "redacted" in data:
        from luckos.app.redaction import summary

        note += f"; redacted {summary(data['redacted'])}"
    click.echo(f"exported {total} records{kept} to {path}{note}")


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
@click.argument("file", metavar="FILE")
@click.option("--replace", is_flag=True,
              help="replace the records already in the workspace (private notes the file "
                   "left out are kept)")
def import_json(file: str, replace: bool) -> None:
    """Restore a JSON export (`-` for standard input), in one transaction: all of it or
    nothing.

    With --replace the workspace's records are replaced by the file's, except its private
    notes when the file was exported without --include-private: what the file left out
    is kept, never deleted. The feed's workspace id travels with the export, so a
    restored workspace's `luck feed` keeps its event UIDs.
    """
    from luckos.app.exchange import import_data, parse_export, read_export
    from luckos.cli.prompts import confirm_future

    if file == "-":
        data = parse_export(sys.stdin.buffer.read(), "standard input")
    else:
        data = read_export(Path(file))
    s = session()
    result = import_data(s.ws, data, replace=replace, today=s.today, confirm=confirm_future)
    where = "standard input" if file == "-" else file
    kept = ""
    if result.private_kept:
        kept = (f"; kept {_count(result.private_kept, 'private note')} the file left out "
                "(it was exported without --include-private)")
    click.echo(f"imported {sum(result.counts.values())} records from {where}{kept}")


def _add_evidence_commands() -> None:
    from luckos.cli.evidence import import_docs, import_git

    import_.add_command(import_git)
    import_.add_command(import_docs)


_add_evidence_commands()


@click.command()
@click.argument("file", required=False, metavar="[FILE]")
def backup(file: str | None) -> None:
    """Copy the whole database (private notes included) with SQLite's online backup.

    Without FILE the copy goes to the workspace's backups/ folder (0700). The copy is
    built beside FILE and renamed into place when complete (mode 0600): never onto an
    existing file or the live database, and no empty copy is left when it fails.
    """
    from luckos.app.exchange import backup as run

    path = run(session().ws, Path(file) if file is not None else None, dt.datetime.now())
    click.echo(f"backed up to {path}")


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")
