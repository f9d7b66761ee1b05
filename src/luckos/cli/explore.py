"""`luck explore`: the explore loop and its cadence."""

from __future__ import annotations

from luckos.cli.kinds import build_group
from luckos.cli.output import emit_json, json_option, paged_output, table
from luckos.cli.session import session

group = build_group(
    "explore",
    "The explore loop: small, documented prototypes of adjacent waves. One weekend per "
    "month, one talk per quarter, one paper reproduction or system teardown per season.",
)


@group.command("cadence")
@json_option
@paged_output
def cadence(as_json: bool) -> None:
    """Whether the explore loop is on cadence, and when each part is next due."""
    from luckos.app.explore import cadences, cadences_json

    s = session()
    found = cadences(s.ws, s.today)
    if as_json:
        emit_json(cadences_json(found))
        return
    table(["cadence", "every", "last", "days ago", "due by", "state"],
          [[c.essay, f"{c.every_days}d",
            f"{c.ref} {c.last} {c.title}" if c.last else "never",
            "" if c.days_since is None else c.days_since, c.due_on,
            "BEHIND" if c.behind else "kept"] for c in found],
          title=f"The explore loop, {s.today}")
