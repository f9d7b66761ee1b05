"""`luck stay-or-move`: the essay's three hard checks and stay criteria, from the data."""

from __future__ import annotations

import click

from luckos.cli.output import emit_json, heading, json_option, line, paged_output
from luckos.cli.session import session

_SHOWN = 10  # evidence lines shown per answer; --json lists all
_TITLES = {"hard check": "Three hard checks", "stay if": "Stay if...",
           "leave if": "Leave if..."}


@click.command("stay-or-move")
@json_option
@paged_output
def stay_or_move(as_json: bool) -> None:
    """When to stay, when to move: the three hard checks and the stay criteria.

    Each is answered from the records with the evidence behind it (record ids): metric
    changes over six months and the decisions behind them; routing signals against glue
    over three months; the rooms of the next three months and your sponsors; a flagship
    initiative; a sponsor; whether each theme's surface area grew. What only you can
    answer is asked plainly. There is no score.
    """
    from luckos.app.stay import report, report_json
    from luckos.domain.stay import GROUPS

    s = session()
    result = report(s.ws, s.today)
    if as_json:
        emit_json(report_json(result))
        return
    line(f"Stay or move, {s.today}", "bold")
    for group in GROUPS:
        heading(_TITLES[group])
        for number, a in enumerate((x for x in result.answers if x.group == group), start=1):
            click.echo(f"\n  {number}. {a.question}")
            click.echo(f"     -> {a.answer}: {a.summary}")
            for e in a.evidence[:_SHOWN]:
                ref = f"{e.ref}: " if e.ref else ""
                click.echo(f"        - {ref}{e.text}")
            if len(a.evidence) > _SHOWN:
                click.echo(f"        ... and {len(a.evidence) - _SHOWN} more (--json lists "
                           "every one)")
            for question in a.ask:
                click.echo(f"     ? {question}")
    if result.calendar:
        click.echo(f"\n(calendar: {result.calendar})")
    click.echo("\nNo score: the evidence and the questions are the answer. Leaving is not "
               "failure; it's re-positioning for higher-quality luck.")
