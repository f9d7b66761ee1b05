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


# --- who has to say yes, and the pre-wire --------------------------------------------------


@group.group("stakeholders")
@click.argument("window_ref", metavar="WINDOW", shell_complete=complete_ids("window"))
def stakeholders(window_ref: str) -> None:
    """Who has to say yes to a window's ask (decides, vetoes), who implements it and who
    is affected, and where the pre-wire stands with each. PERSON is an id (pe3), a name,
    an alias or an email address."""


def _window_ref() -> str:
    ctx = click.get_current_context()
    assert ctx.parent is not None
    return str(ctx.parent.params["window_ref"])


@stakeholders.command("add")
@click.argument("person")
@click.option("--role", required=True, metavar="ROLE",
              help="decides, vetoes, implements or affected")
@click.option("--sponsor", is_flag=True, help="they sponsor the ask")
def stakeholders_add(person: str, role: str, sponsor: bool) -> None:
    """Add a person as a stakeholder of the window."""
    from luckos.app.people import add_stakeholder

    s, p = add_stakeholder(session().ws, _window_ref(), person, role, sponsor)
    click.echo(f"sh{s.id}: pe{p.id} {p.name} {s.role} w{s.window_id}"
               + (" (sponsor)" if s.sponsor else ""))


@stakeholders.command("list")
@json_option
@paged_output
def stakeholders_list(as_json: bool) -> None:
    """The window's stakeholders, their roles and pre-wire state."""
    from luckos.app.people import prewire, prewire_json

    s = session()
    found = prewire(s.ws, _window_ref(), s.today)
    if as_json:
        emit_json(prewire_json(found, s.today)["stakeholders"])
        return
    table(("id", "person", "name", "role", "state"),
          [(f"sh{line.stakeholder.id}", f"pe{line.person.id}", line.person.name,
            line.stakeholder.role + (", sponsor" if line.stakeholder.sponsor else ""),
            line.state) for line in found.lines],
          empty=f"no stakeholders of w{found.window_id} (luck window stakeholders "
                f"w{found.window_id} add PERSON --role decides)")


@stakeholders.command("remove")
@click.argument("person")
def stakeholders_remove(person: str) -> None:
    """Remove a person from the window's stakeholders (and their pre-wire state)."""
    from luckos.app.people import remove_stakeholder

    s, p = remove_stakeholder(session().ws, _window_ref(), person)
    click.echo(f"removed sh{s.id}: pe{p.id} {p.name} from w{s.window_id}")


def _step(person: str, action: str, on: str | None, text: str = "", handling: str = ""
          ) -> None:
    from luckos.app.people import step
    from luckos.dates import parse_date
    from luckos.domain.people import state

    s = session()
    day = parse_date(on, s.today, what="--on") if on else s.today
    record, p = step(s.ws, _window_ref(), person, action, day, text=text, handling=handling)
    click.echo(f"sh{record.id}: pe{p.id} {p.name} on w{record.window_id}: {state(record)}")


_ON = click.option("--on", metavar="DATE", help="when (default: today)")


@stakeholders.command("brief")
@click.argument("person")
@_ON
def stakeholders_brief(person: str, on: str | None) -> None:
    """Record that the person was sent the brief."""
    _step(person, "brief", on)


@stakeholders.command("met")
@click.argument("person")
@_ON
def stakeholders_met(person: str, on: str | None) -> None:
    """Record that you met the person about the ask."""
    _step(person, "met", on)


@stakeholders.command("objection")
@click.argument("person")
@click.argument("text")
@_ON
def stakeholders_objection(person: str, text: str, on: str | None) -> None:
    """Record an objection the person raised (one at a time: handle it before the next)."""
    _step(person, "objection", on, text=text)


@stakeholders.command("handled")
@click.argument("person")
@click.argument("handling", metavar="incorporated|answered|declined")
@click.option("--how", required=True, help="what changed, what you answered, or why not")
@_ON
def stakeholders_handled(person: str, handling: str, how: str, on: str | None) -> None:
    """Record how the person's objection was handled."""
    _step(person, "handled", on, text=how, handling=handling)


@stakeholders.command("supports")
@click.argument("person")
@_ON
def stakeholders_supports(person: str, on: str | None) -> None:
    """Record that the person supports the ask."""
    _step(person, "supports", on)


@group.command("prewire")
@click.argument("ref", metavar="WINDOW", shell_complete=complete_ids("window"))
@json_option
@paged_output
def prewire(ref: str, as_json: bool) -> None:
    """The pre-wire map of a window: each stakeholder's role and state, what is still to
    do before the prep deadline, and the objections not yet handled."""
    from luckos.app.people import prewire as run
    from luckos.app.people import prewire_json

    s = session()
    found = run(s.ws, ref, s.today)
    if as_json:
        emit_json(prewire_json(found, s.today))
        return
    from luckos.cli.prewire import render

    render(found, s.today)
