"""`luck artifact`: what you made, on which surface, and who said it saved them time."""

from __future__ import annotations

import click

from luckos.cli.completion import complete_ids
from luckos.cli.kinds import build_group, cell, said_dates, show_record
from luckos.cli.output import emit_json, json_option, paged_output, table
from luckos.cli.prompts import confirm_future
from luckos.cli.session import session

group = build_group(
    "artifact",
    "Artifacts on two surfaces: public (talks, posts, open source) and internal (docs, "
    "post-mortems, runbooks, working groups), with testimonials.",
)
testimonial = build_group(
    "testimonial",
    "\"I used your doc; it saved us a week\": who said it, when, and the time saved.",
)


@group.command("used")
@click.argument("ref", metavar="ID", shell_complete=complete_ids("artifact"))
@click.option("--by", "who", required=True, help="who used it")
@click.option("--hours", default=None, metavar="HOURS",
              help="time it saved them, in hours (2, 2h or 90m)")
@click.option("--quote", default="", help="what they said")
@click.option("--on", "on", default=None, metavar="DATE", help="when (default: today)")
@json_option
def used(ref: str, who: str, hours: str | None, quote: str, on: str | None,
         as_json: bool) -> None:
    """Record a testimonial: someone used this artifact and it saved them time."""
    from luckos.app import records

    s = session()
    artifact = records.fetch(s.ws, records.kind_named("artifact"), ref)
    raw = {"artifact_id": artifact.id, "who": who, "hours_saved": hours, "quote": quote,
           "on": on}
    entry, _ = records.add(s.ws, records.kind_named("testimonial"), raw, s.today,
                           confirm=confirm_future)
    if as_json:
        emit_json(records.as_json(entry))
    else:
        said = said_dates(records.kind_named("testimonial"), raw, entry)
        click.echo(f"added u{entry.id}: {who} used a{artifact.id} ({artifact.title}){said}")


@group.command("show", help="Show an artifact and its testimonials.")
@click.argument("ref", metavar="ID", shell_complete=complete_ids("artifact"))
@json_option
@paged_output
def show(ref: str, as_json: bool) -> None:
    from luckos.app import records

    s = session()
    kind = records.kind_named("artifact")
    artifact = records.fetch(s.ws, kind, ref)
    said = records.testimonials(s.ws, artifact)
    if as_json:
        emit_json({**records.as_json(artifact),
                   "testimonials": [records.as_json(t) for t in said]})
        return
    show_record(kind, artifact)
    tkind = records.kind_named("testimonial")
    table(["id", "on", "who", "hours saved", "quote"],
          [[cell(tkind, t, c) for c in ("id", "on", "who", "hours_saved", "quote")]
           for t in said],
          title="Testimonials", empty="none yet")
