"""`luck person`: the people you work with, one record whatever roles they play."""

from __future__ import annotations

import click

from luckos.cli.kinds import build_group
from luckos.cli.output import emit_json, json_option, paged_output
from luckos.cli.session import session

group = build_group(
    "person",
    "People: one record per person, shared by sponsors, the bench, promise recipients "
    "and the stakeholders of each window. A name, an alias or an email address finds "
    "them, in any case.",
)


@group.command("roles")
@json_option
@paged_output
def roles(as_json: bool) -> None:
    """Every person and the records that name them: sponsor, bench, promises, and
    stakeholder roles per window and per decision (a name two people answer to counts
    for neither)."""
    from luckos.app.people import roles as run
    from luckos.app.people import roles_json

    s = session()
    found = run(s.ws)
    if as_json:
        emit_json(roles_json(found))
        return
    from luckos.cli.output import table

    table(("id", "name", "roles"),
          [(f"pe{r.person.id}", r.person.name, r.summary() or "-") for r in found],
          empty="no people recorded (luck person add NAME)")


@group.command("merge")
@click.argument("keep", metavar="KEEP")
@click.argument("other", metavar="OTHER")
def merge(keep: str, other: str) -> None:
    """Merge OTHER into KEEP (each an id, a name, an alias or an email): OTHER's names
    and addresses become KEEP's, and every stakeholder role, sponsor, bench entry and
    promise naming OTHER moves to KEEP, in one transaction."""
    from luckos.app.people import merge as run

    kept, gone, moved = run(session().ws, keep, other)
    click.echo(f"merged pe{gone.id} {gone.name} into pe{kept.id} {kept.name} "
               f"({moved} reference{'s' if moved != 1 else ''} moved)")
