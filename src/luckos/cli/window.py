"""`luck window`: the timing calendar of decision windows."""

from __future__ import annotations

import click

from luckos.cli.completion import complete_ids
from luckos.cli.kinds import build_group
from luckos.cli.output import emit_json, json_option, paged_output, table
from luckos.cli.session import session

group = build_group(
    "window",
    "The timing calendar: road-mapping, headcount, budget, retros, promo cycles. Each "
    "asks for a two-pager and a 30-minute demo one prep lead (7 days) before.",
)


@group.command("upcoming")
@click.option("--days", type=click.IntRange(1, 3660), default=None,
              help="how far ahead (default: thresholds.window_horizon_days)")
@json_option
@paged_output
def upcoming(days: int | None, as_json: bool) -> None:
    """The next window dates, their prep deadlines and readiness."""
    from luckos.app.windows import occurrence_json
    from luckos.app.windows import upcoming as run

    s = session()
    found = run(s.ws, s.today, days)
    if as_json:
        emit_json([occurrence_json(o, s.today) for o in found])
        return
    from luckos.cli.render import WINDOW_COLUMNS, window_rows

    table(WINDOW_COLUMNS, window_rows(found, s.today), empty="no decision windows ahead")


@group.command("link")
@click.argument("ref", metavar="ID", shell_complete=complete_ids("window"))
@click.argument("document")
def link(ref: str, document: str) -> None:
    """Link a document (a path or a URL) to a window as its two-pager."""
    from luckos.app import records

    s = session()
    kind = records.kind_named("window")
    window = records.fetch(s.ws, kind, ref)
    if document in window.docs:
        click.echo(f"w{window.id} already links {document}")
        return
    records.edit(s.ws, kind, ref, {"docs": (*window.docs, document)}, s.today)
    click.echo(f"w{window.id} links {document}")


# --- who has to say yes, and the pre-wire (the commands are shared with `luck decision`)

from luckos.cli.stakeholders import add_commands as _add_stakeholder_commands  # noqa: E402

_add_stakeholder_commands(group, "window")
