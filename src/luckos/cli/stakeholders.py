"""`luck window stakeholders` and `luck decision stakeholders`, and the `prewire` map of
each: one set of commands for both, calling `luckos.app.people`."""

from __future__ import annotations

import click

from luckos.cli.completion import complete_ids
from luckos.cli.output import emit_json, json_option, paged_output, table
from luckos.cli.session import session

_HELP = {
    "window": "Who has to say yes to a window's ask (decides, vetoes), who implements it "
              "and who is affected, and where the pre-wire stands with each for the "
              "window's next date (a recurring window starts each date afresh).",
    "decision": "Who has to say yes to a decision (decides, vetoes), who implements it "
                "and who is affected, and where the pre-wire stands with each.",
}


def _ref() -> str:
    ctx = click.get_current_context()
    assert ctx.parent is not None
    return str(ctx.parent.params["ref"])


def _step(kind: str, person: str, action: str, on: str | None, text: str = "",
          handling: str = "") -> None:
    from luckos.app.people import step
    from luckos.dates import parse_date
    from luckos.domain.people import state, subject_of

    s = session()
    day = parse_date(on, s.today, what="--on") if on else s.today
    record, p = step(s.ws, kind, _ref(), person, action, day, s.today, text=text,
                     handling=handling)
    click.echo(f"sh{record.id}: pe{p.id} {p.name} on {subject_of(record)}: {state(record)}")


_ON = click.option("--on", metavar="DATE", help="when (default: today)")


def add_commands(group: click.Group, kind: str) -> None:
    """Add `stakeholders ...` and `prewire` to the `window` or `decision` group."""

    @group.group("stakeholders", help=_HELP[kind] + " PERSON is an id (pe3), a name, an "
                 "alias or an email address.")
    @click.argument("ref", metavar=kind.upper(), shell_complete=complete_ids(kind))
    def stakeholders(ref: str) -> None:
        pass

    @stakeholders.command("add", help=f"Add a person as a stakeholder of the {kind}.")
    @click.argument("person")
    @click.option("--role", required=True, metavar="ROLE",
                  help="decides, vetoes, implements or affected")
    @click.option("--sponsor", is_flag=True, help="they sponsor the ask")
    def add(person: str, role: str, sponsor: bool) -> None:
        from luckos.app.people import add_stakeholder
        from luckos.domain.people import subject_of

        s = session()
        found, p = add_stakeholder(s.ws, kind, _ref(), person, role, sponsor, s.today)
        click.echo(f"sh{found.id}: pe{p.id} {p.name} {found.role} {subject_of(found)}"
                   + (" (sponsor)" if found.sponsor else ""))

    @stakeholders.command("list", help=f"The {kind}'s stakeholders, their roles and "
                          "pre-wire state.")
    @json_option
    @paged_output
    def list_(as_json: bool) -> None:
        from luckos.app.people import prewire, prewire_json

        s = session()
        found = prewire(s.ws, kind, _ref(), s.today)
        if as_json:
            emit_json(prewire_json(found, s.today)["stakeholders"])
            return
        table(("id", "person", "name", "role", "state"),
              [(f"sh{line.stakeholder.id}", f"pe{line.person.id}", line.person.name,
                line.stakeholder.role + (", sponsor" if line.stakeholder.sponsor else ""),
                line.state) for line in found.lines],
              empty=f"no stakeholders of {found.subject} (luck {kind} stakeholders "
                    f"{found.subject} add PERSON --role decides)")

    @stakeholders.command("remove", help=f"Remove a person from the {kind}'s stakeholders "
                          "(and their pre-wire states, past dates' included).")
    @click.argument("person")
    def remove(person: str) -> None:
        from luckos.app.people import remove_stakeholder

        s = session()
        sub, p, rows = remove_stakeholder(s.ws, kind, _ref(), person, s.today)
        click.echo(f"removed pe{p.id} {p.name} from {sub.ref}"
                   + (f" ({rows} dates' pre-wire)" if rows > 1 else ""))

    @stakeholders.command("brief", help="Record that the person was sent the brief.")
    @click.argument("person")
    @_ON
    def brief(person: str, on: str | None) -> None:
        _step(kind, person, "brief", on)

    @stakeholders.command("met", help="Record that you met the person about the ask.")
    @click.argument("person")
    @_ON
    def met(person: str, on: str | None) -> None:
        _step(kind, person, "met", on)

    @stakeholders.command("objection", help="Record an objection the person raised (one "
                          "at a time: handle it before the next).")
    @click.argument("person")
    @click.argument("text")
    @_ON
    def objection(person: str, text: str, on: str | None) -> None:
        _step(kind, person, "objection", on, text=text)

    @stakeholders.command("handled", help="Record how the person's objection was handled.")
    @click.argument("person")
    @click.argument("handling", metavar="incorporated|answered|declined")
    @click.option("--how", required=True, help="what changed, what you answered, or why not")
    @_ON
    def handled(person: str, handling: str, how: str, on: str | None) -> None:
        _step(kind, person, "handled", on, text=how, handling=handling)

    @stakeholders.command("supports", help="Record that the person supports the ask.")
    @click.argument("person")
    @_ON
    def supports(person: str, on: str | None) -> None:
        _step(kind, person, "supports", on)

    what = ("what is still to do before the prep deadline, the objections not yet handled, "
            "and the past dates' states" if kind == "window"
            else "what is still to do, and the objections not yet handled")

    @group.command("prewire", help=f"The pre-wire map of a {kind}: each stakeholder's role "
                   f"and state, {what}.")
    @click.argument("ref", metavar=kind.upper(),
                    shell_complete=complete_ids(kind))
    @json_option
    @paged_output
    def prewire(ref: str, as_json: bool) -> None:
        from luckos.app.people import prewire as run
        from luckos.app.people import prewire_json

        s = session()
        found = run(s.ws, kind, ref, s.today)
        if as_json:
            emit_json(prewire_json(found, s.today))
            return
        from luckos.cli.prewire import render

        render(found, s.today)
