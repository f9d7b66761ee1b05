"""`luck glue`: the glue log, and the weeks where glue substituted for deliverables."""

from __future__ import annotations

import click

from luckos.cli.kinds import build_group
from luckos.cli.output import emit_json, json_option, line, paged_output, table
from luckos.cli.session import session

group = build_group(
    "glue",
    "Glue work: coordination, reviews, onboarding, ceremony. Log what each piece unlocks "
    "(a deliverable, or nothing) and the mechanism that could replace you: an FAQ, a "
    "short video, a runbook.",
)


@group.command("weeks")
@click.option("--weeks", "count", type=click.IntRange(1, 104), default=6, show_default=True,
              help="how many whole weeks before this one")
@json_option
@paged_output
def weeks(count: int, as_json: bool) -> None:
    """Glue per week: the hours that unlock a deliverable, the hours that substitute for
    one, and the substitute ratio (substitute hours / week_hours in luck.toml)."""
    from luckos.app.glue import report, report_json

    s = session()
    result = report(s.ws, s.today, count)
    if as_json:
        emit_json(report_json(result))
        return
    table(["week of", "glue h", "unlocks h", "substitute h", "ratio", ""],
          [[w.start, f"{w.hours:g}", f"{w.unlocking_hours:g}", f"{w.substitute_hours:g}",
            f"{w.ratio(result.week_hours):.0%}", "over" if result.over(w) else ""]
           for w in result.weeks],
          title=f"Glue by week (ratio = substitute hours / {result.week_hours:g} h; over "
                f"{result.max_ratio:.0%} is quicksand)")
    missing = result.without_mechanism
    table(["id", "on", "hours", "what"],
          [[f"g{e.id}", e.on, f"{e.hours:g}", e.what] for e in missing],
          title="Glue that unlocks nothing, with no mechanism named to replace you",
          empty="every piece of substitute glue has a mechanism named")
    if missing:
        line("Offer a mechanism instead: luck glue edit ID --mechanism 'an FAQ, a runbook...'")
