"""`luck check`: the operating loop's invariants, run like a CI build."""

from __future__ import annotations

import sys

import click

from luckos.cli.output import console, emit_json, json_option, on_tty, paged
from luckos.cli.session import session

_SHOWN = 10  # items shown per broken invariant; --json lists all
_ORDER = {"broken": 0, "not_checked": 1, "ok": 2, "off": 3}
_LABEL = {"broken": "BROKEN", "not_checked": "not checked", "ok": "ok", "off": "off"}
_MARK = {"broken": ("✗", "red"), "not_checked": ("–", "yellow"), "ok": ("✓", "green"),
         "off": ("·", "dim")}


@click.command()
@click.option("--only", "only", multiple=True, metavar="ID",
              help="run only this invariant (repeat for more)")
@click.option("--quiet", "-q", is_flag=True,
              help="print nothing unless an invariant is broken (for cron)")
@json_option
def check(only: tuple[str, ...], quiet: bool, as_json: bool) -> None:
    """Check the operating loop's invariants; exit 1 when any is broken.

    Each invariant has an id, a one-line finding, the essay section it comes from and
    the next step: windows within their prep lead without a two-pager or demo (and
    two-pagers that do not lint clean), overdue promises, metrics not read this month,
    an explore loop behind, a maker day broken weeks running, substitute glue, decisions
    and projects past their review, a stalled 90-day reboot, no bench action this
    quarter, a diagnosis older than a quarter. Turn invariants off and set their
    thresholds in luck.toml's [check] table. Safe to run from cron or a systemd timer:
    it only reads.
    """
    from luckos.app.checks import report_json, run

    s = session()
    report = run(s.ws, s.today, only)
    if as_json:
        emit_json(report_json(report))
    elif not (quiet and not report.broken):
        with paged():
            _render(report, quiet=quiet)
    if report.broken:
        sys.exit(1)  # SystemExit passes through Click and the entry point unchanged


def _render(report, *, quiet: bool) -> None:  # type: ignore[no-untyped-def]
    results = sorted(report.results, key=lambda r: _ORDER[r.state])
    if quiet:
        results = [r for r in results if r.broken]
    summary = ", ".join(f"{report.count(state)} {_LABEL[state].lower()}"
                        for state in _ORDER if report.count(state))
    tty = on_tty()
    if tty:
        from rich.text import Text

        lines = [Text.assemble((f"luck check, {report.today}", "bold"), f": {summary}")]
        width = max(len(r.id) for r in results) if results else 0
        for r in results:
            mark, style = _MARK[r.state]
            lines.append(Text.assemble((mark, style), " ", (r.id.ljust(width), "bold"), "  ",
                                       r.finding))
            if r.broken:
                for item in r.items[:_SHOWN]:
                    ref = f"{item.ref}: " if item.ref else ""
                    lines.append(Text.assemble("    ", ("·", "dim"), " ", ref + item.text))
                if len(r.items) > _SHOWN:
                    lines.append(Text(f"    · and {len(r.items) - _SHOWN} more (--json)",
                                      style="dim"))
                lines.append(Text.assemble("    ", ("next:", "cyan"), " ", r.next_step))
                lines.append(Text(f"    essay: {r.invariant.section}", style="dim"))
        console().print(Text("\n").join(lines))  # one print: each costs a render pass
        return
    click.echo(f"luck check, {report.today}: {summary}")
    width = max(len(r.id) for r in results) if results else 0
    for r in results:
        click.echo(f"{_LABEL[r.state]:<11}  {r.id.ljust(width)}  {r.finding}")
        if r.broken:
            pad = " " * 13
            for item in r.items[:_SHOWN]:
                ref = f"{item.ref}: " if item.ref else ""
                click.echo(f"{pad}- {ref}{item.text}")
            if len(r.items) > _SHOWN:
                click.echo(f"{pad}- and {len(r.items) - _SHOWN} more (luck check --json lists "
                           "every one)")
            click.echo(f"{pad}next: {r.next_step}")
            click.echo(f"{pad}essay: {r.invariant.section}")
