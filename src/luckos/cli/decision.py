"""`luck decision`: the decision log (bets, indicators, review dates, outcomes)."""

from __future__ import annotations

import click

from luckos.cli.completion import complete_ids
from luckos.cli.kinds import build_group
from luckos.cli.output import emit_json, json_option
from luckos.cli.session import session

group = build_group(
    "decision",
    "The decision log: bets made, the leading indicators you watch, the review date, and "
    "what you did when the world disagreed.",
)


@group.command("close")
@click.argument("ref", metavar="ID", shell_complete=complete_ids("decision"))
@click.option("--outcome", required=True, help="what actually happened")
@click.option("--response", default="", help="what you did when the world disagreed")
@json_option
def close(ref: str, outcome: str, response: str, as_json: bool) -> None:
    """Record a decision's outcome at its review."""
    from luckos.app import records

    s = session()
    kind = records.kind_named("decision")
    raw = {"outcome": outcome, "response": response or None}
    decision, _ = records.edit(s.ws, kind, ref, raw, s.today)
    if as_json:
        emit_json(records.as_json(decision))
    else:
        click.echo(f"d{decision.id} reviewed: {decision.outcome}")


# --- who has to say yes, and the pre-wire (the same commands as `luck window`'s)

from luckos.cli.stakeholders import add_commands as _add_stakeholder_commands  # noqa: E402

_add_stakeholder_commands(group, "decision")
