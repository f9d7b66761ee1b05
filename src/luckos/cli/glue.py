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
    from luckos.app.glue import report
    from luckos.app.records import as_json as record_json

    s = session()
    result = report(s.ws, s.today, count)
    if as_json:
        emit_json({
            "today": result.today.isoformat(), "week_hours": result.week_hours,
            "max_ratio": result.max_ratio,
            "weeks": [{"week_start": w.start.isoformat(), "hours": w.hours,
                       "unlocking_hours": w.unlocking_hours,
                       "substitute_hours": w.substitute_hours,
                       "ratio": round(w.ratio(result.week_hours), 4),
                       "entries": [record_json(e) for e in w.entries]} for w in result.weeks],
            "without_mechanism": [record_json(e) for e in result.without_mechanism],
        })
        return
    table(["week of", "glue h", "unlocks h", "substitute h", "ratio", ""],
          [[w.start, f"{w.hours:g}", f"{w.unlocking_hours:g}", f"{w.substitute_hours:g}",
            f"{w.ratio(result.week_hours):.0%}",
            "over" if w.ratio(result.week_hours) > result.max_ratio else ""]
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
