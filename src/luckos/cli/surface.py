"""`luck surface`: luck surface area, version 2.0, by quarter."""

from __future__ import annotations

import click

from luckos.cli.output import emit_json, heading, json_option, line, paged_output, table
from luckos.cli.session import session


@click.command()
@click.option("--theme", default=None, metavar="ID", help="only what serves this theme")
@click.option("--quarters", type=click.IntRange(1, 40), default=None, metavar="N",
              help="how many quarters (default: thresholds.trend_quarters)")
@json_option
@paged_output
def surface(theme: str | None, quarters: int | None, as_json: bool) -> None:
    """Luck surface area = what you build × who sees it × credibility × timing.

    Each factor is computed per quarter from the records, with its formula and the
    numbers behind it: artifacts shipped; people who used your work or routed work to
    you, plus public artifacts; the hit rate times the share of routing without
    escalation; window dates prepared on time. The trend is the thing to watch.
    """
    from luckos.app.surface import report, report_json
    from luckos.domain.surface import FORMULAS

    s = session()
    result = report(s.ws, s.today, quarters=quarters or s.ws.config.thresholds.trend_quarters,
                    theme_ref=theme)
    if as_json:
        emit_json(report_json(result))
        return
    scope = f" for t{result.theme.id} {result.theme.label}" if result.theme else ""
    line(f"Luck surface area{scope}, {s.today}", "bold")
    click.echo(f"  {FORMULAS['index']}")
    from luckos.domain.surface import index_changes

    rows = []
    for x, change in zip(result.quarters, index_changes(result.quarters), strict=True):
        index = x.index
        rows.append([x.quarter + (" (to date)" if x.partial else ""),
                     *(_value(f) for f in x.factors),
                     "n/a" if index is None else f"{index:.2f}",
                     "" if change is None else f"{change:+.0%}"])
    table(["quarter", "B build", "S sees", "C credibility", "T timing", "B×S×C×T", "change"],
          rows, title="By quarter (* carried from an earlier quarter)")
    latest = result.quarters[-1]
    heading(f"{latest.quarter}{' (to date)' if latest.partial else ''}, factor by factor")
    for f in latest.factors:
        refs = f"  [{', '.join(f.refs[:6])}{' ...' if len(f.refs) > 6 else ''}]" \
            if f.refs else ""
        click.echo(f"  {f.name:<15} {_value(f):>6}  {f.formula}")
        click.echo(f"  {'':<15} {'':>6}  = {f.working}{refs}")
    click.echo(f"  {'surface area':<15} {latest.working()}")


def _value(f) -> str:  # type: ignore[no-untyped-def]
    if f.value is None:
        return "n/a"
    text = f"{f.value:g}" if f.value == int(f.value) else f"{f.value:.2f}"
    return text + ("*" if f.carried else "")
