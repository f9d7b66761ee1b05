"""`luck win`: capture a win in one short command."""

from __future__ import annotations

import click

from luckos.cli.output import emit_json, json_option
from luckos.cli.session import session


@click.command()
@click.argument("text", required=False)
@click.option("--on", "on", default=None, metavar="DATE", help="when (default: today)")
@click.option("--tag", "tags", multiple=True, help="a tag (repeat the option)")
@json_option
def win(text: str | None, on: str | None, tags: tuple[str, ...], as_json: bool) -> None:
    """Log a win to your year-in-public notes (shareable, unlike earned secrets).

    Same as `luck note add TEXT --kind year-in-public`: TEXT - reads it from standard
    input, and with no TEXT on a terminal $EDITOR opens to write it.
    """
    from luckos.app import records
    from luckos.cli.output import weekday_date
    from luckos.cli.prompts import confirm_future, read_body

    text = read_body(text, "win")
    s = session()
    raw = {"body": text, "kind": "year-in-public", "on": on, "tags": tags or None}
    note, _ = records.add(s.ws, records.kind_named("note"), raw, s.today,
                          confirm=confirm_future)
    if as_json:
        emit_json(records.as_json(note))
    else:
        click.echo(f"added n{note.id} to your year in public ({weekday_date(note.on)})")
