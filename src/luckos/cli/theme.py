"""`luck theme` and `luck metric`: a theme, its three numbers and their readings."""

from __future__ import annotations

import click

from luckos.cli.completion import complete_ids
from luckos.cli.kinds import build_group, show_record
from luckos.cli.output import emit_json, json_option, paged_output, quantity, table, warn
from luckos.cli.prompts import confirm_future
from luckos.cli.session import session

group = build_group(
    "theme",
    "Themes: what you want to be known for. A label of three words or fewer, the "
    "problem, the bet, the first milestone, the blast radius, and three metrics.",
)
metric = build_group(
    "metric",
    "A theme's three numbers: customer value, reliability/safety, speed/cost. Define one "
    "with `metric add`, record a month with `metric read`.",
)


@group.command("show", help="Show a theme with its metrics and latest readings.")
@click.argument("ref", metavar="ID", shell_complete=complete_ids("theme"))
@json_option
@paged_output
def show(ref: str, as_json: bool) -> None:
    from luckos.app import records
    from luckos.app.themes import show as run
    from luckos.app.themes import theme_json
    from luckos.domain.records import METRIC_SLOT_NAMES

    s = session()
    theme, statuses = run(s.ws, ref)
    if as_json:
        emit_json(theme_json(theme, statuses, s.today))
        return
    show_record(records.kind_named("theme"), theme)
    rows = []
    for st in statuses:
        if st.metric is None:
            rows.append([METRIC_SLOT_NAMES[st.slot], "(not set)", "", "", ""])
            continue
        unit = st.metric.unit
        latest = f"{quantity(st.latest.value, unit)} ({st.latest.month})" if st.latest else "-"
        change = "" if st.change is None else "no change" if st.change == 0 else f"{st.change:+g}"
        verdict = {True: "better", False: "worse", None: ""}[st.improving]
        rows.append([METRIC_SLOT_NAMES[st.slot], f"m{st.metric.id} {st.metric.name}", latest,
                     change, verdict])
    table(["slot", "metric", "latest", "change", ""], rows, title="Three numbers")


@metric.command("read")
@click.argument("theme_ref", metavar="THEME")
@click.argument("slot", type=click.Choice(["customer", "reliability", "speed"]))
@click.argument("value")
@click.option("--month", default=None, metavar="MONTH", help="YYYY-MM (default: this month)")
@click.option("--narrative", default=None, help="two sentences: what moved and why")
@json_option
def read(theme_ref: str, slot: str, value: str, month: str | None, narrative: str | None,
         as_json: bool) -> None:
    """Record this month's VALUE of a theme's SLOT metric.

    VALUE may carry the metric's unit as the tool shows it: 700, "700 ms", 7.2%, $400k.
    """
    from luckos.app import themes

    s = session()
    reading, warnings = themes.read_metric(s.ws, theme_ref, slot, value, month, narrative,
                                           s.today, confirm=confirm_future)
    for message in warnings:
        warn(message)
    if as_json:
        from luckos.app.records import as_json as record_json

        emit_json(record_json(reading))
    else:
        unit = themes.unit_of(s.ws, reading)
        click.echo(f"added r{reading.id}: m{reading.metric_id} {reading.month} = "
                   f"{quantity(reading.value, unit)}")
