"""`luck promise`: the credibility ledger's entries and their transitions."""

from __future__ import annotations

import click

from luckos.cli.completion import complete_ids
from luckos.cli.kinds import build_group
from luckos.cli.output import emit_json, json_option, weekday_date
from luckos.cli.prompts import confirm_future
from luckos.cli.session import session

group = build_group(
    "promise",
    "The credibility ledger: promises made, and whether you landed them.\n\n"
    "Capture one with `luck promise add \"WHAT\" --to WHO --due fri`; close it with "
    "keep, miss, drop or renegotiate.",
)


def _transition(verb: str, past: str) -> click.Command:
    @click.argument("ref", metavar="ID", shell_complete=complete_ids("promise"))
    @click.option("--on", "on", metavar="DATE", help="when it happened (default: today)")
    @json_option
    def command(ref: str, on: str | None, as_json: bool, lesson: str | None = None) -> None:
        import sys

        from luckos.app import ledger
        from luckos.dates import parse_date

        s = session()
        day = parse_date(on, s.today, what="--on", past=True) if on else s.today
        if verb == "miss" and lesson is None and sys.stdin.isatty() and not as_json:
            lesson = click.prompt("The lesson (what the miss taught you; empty: later)",
                                  default="", show_default=False)
        promise = ledger.transition(s.ws, verb, ref, day, today=s.today,
                                    confirm=confirm_future, lesson=lesson or "")
        result = ledger.promise_json(promise, s.today)
        if as_json:
            emit_json(result)
            return
        late = ""
        if result["outcome"] == "kept_late":
            late = f" ({result['days_late']} days late: not a hit)"
        when = (f" on {weekday_date(day)}" if on and on.strip() != day.isoformat() else "")
        click.echo(f"p{promise.id} {past}{when}{late}: {promise.what}")
        if verb == "miss" and not promise.lesson:
            click.echo(f"no lesson yet: the review asks for it (luck promise edit "
                       f"p{promise.id} --lesson TEXT)")

    if verb == "miss":
        command = click.option("--lesson", default=None,
                               help="what the miss taught you (asked on a terminal)")(command)
        return click.command(verb, help="Mark a promise as missed, with its lesson (--lesson; "
                             "asked on a terminal).")(command)
    return click.command(verb, help=f"Mark a promise as {past}.")(command)


for _verb, _past in (("keep", "kept"), ("miss", "missed"), ("drop", "dropped")):
    group.add_command(_transition(_verb, _past))


@group.command("reopen", help="Reopen a promise closed by mistake.")
@click.argument("ref", metavar="ID", shell_complete=complete_ids("promise"))
def reopen(ref: str) -> None:
    from luckos.app import ledger

    s = session()
    promise = ledger.transition(s.ws, "reopen", ref, s.today)
    click.echo(f"p{promise.id} reopened, due {promise.due}")


@group.command("renegotiate")
@click.argument("ref", metavar="ID", shell_complete=complete_ids("promise"))
@click.option("--due", "new_due", required=True, metavar="DATE", help="the new due date")
@click.option("--on", "on", metavar="DATE", help="when it was agreed (default: today)")
@json_option
def renegotiate(ref: str, new_due: str, on: str | None, as_json: bool) -> None:
    """Move a promise's due date, with the person you promised.

    Before the due date this is a renegotiation, shown apart from misses; after it, the
    original promise is recorded as missed. Either way a new promise carries on.
    """
    from luckos.app import ledger
    from luckos.dates import parse_date

    s = session()
    day = parse_date(on, s.today, what="--on", past=True) if on else s.today
    due = parse_date(new_due, s.today, what="--due")
    closed, successor, early = ledger.renegotiate(s.ws, ref, due, day, today=s.today,
                                                  confirm=confirm_future)
    if as_json:
        emit_json(ledger.renegotiated_json(closed, successor, early))
        return
    if early:
        click.echo(f"p{closed.id} renegotiated early (not a miss); now p{successor.id}, "
                   f"due {weekday_date(due)}")
    else:
        click.echo(f"p{closed.id} was past due on {closed.due}: recorded as missed; "
                   f"now p{successor.id}, due {weekday_date(due)}")
