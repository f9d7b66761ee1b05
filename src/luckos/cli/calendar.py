"""`luck calendar`: audit a calendar export (ICS) like a compiler."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import click

from luckos.cli.output import emit_json, json_option, paged_output
from luckos.cli.session import session


@click.group()
def group() -> None:
    """Calendar as strategy: audit an ICS export from Google Calendar, Outlook or Apple
    Calendar. Meeting load, maker blocks, fragmentation, context switches between
    altitudes (code, system, business), the maker day, and findings with the hours they
    cost per quarter: status theater, missing pre-reads, expensive series, days to
    cluster, a proposed maker day, one altitude only, and broken schedule norms
    (`luck calendar norms` prints them to share).
    """


def _window_options(command: Any) -> Any:
    command = click.option("--to", "end", metavar="DATE",
                           help="last day of the audit (default: the end of this week); "
                                "--from to --to spans at most ten years")(command)
    command = click.option("--from", "start", metavar="DATE",
                           help="first day of the audit (default: 13 weeks before --to, "
                                "not before the calendar's first event)")(
        command)
    return command


def _reading_options(command: Any) -> Any:
    command = click.option("--tz", metavar="ZONE",
                           help="time zone of days and working hours (default: calendar."
                                "timezone in luck.toml, else the calendar's own)")(command)
    command = click.option("--me", multiple=True, metavar="EMAIL",
                           help="your address (repeat for aliases); declines are read from "
                                "its PARTSTAT (default: calendar.me, else guessed)")(command)
    return command


class _Bar:
    """A progress bar on stderr when a terminal watches a calendar of 300+ events."""

    def __init__(self) -> None:
        self.enabled: bool | None = None
        self._progress: Any = None
        self._tasks: dict[str, Any] = {}

    def __call__(self, stage: str, done: int, total: int) -> None:
        if self.enabled is None:
            self.enabled = total > 300 and sys.stderr.isatty()
        if not self.enabled:
            return
        if self._progress is None:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

            self._progress = Progress(TextColumn("{task.description:<18}"), BarColumn(),
                                      MofNCompleteColumn(), console=Console(stderr=True),
                                      transient=True)
            self._progress.start()
        if stage not in self._tasks:
            self._tasks[stage] = self._progress.add_task(stage, total=total)
        self._progress.advance(self._tasks[stage], done)

    def close(self) -> None:
        if self._progress is not None:
            self._progress.stop()


def _deciders(report: Any) -> Any:
    """Time with the people who decide, when there is a workspace that names them."""
    from luckos.workspace import DB_NAME

    s = session()
    if not (s.home / DB_NAME).exists():
        return None
    from luckos.app.deciders import for_report

    return for_report(s.ws, report, s.today)


@group.command("deciders")
@click.argument("file", type=click.Path(path_type=Path), required=False)
@_window_options
@_reading_options
@json_option
@paged_output
def deciders(file: Path | None, start: str | None, end: str | None, me: tuple[str, ...],
             tz: str | None, as_json: bool) -> None:
    """Time with the people who decide: hours per person and per window over the audit's
    weeks, one-to-ones apart from group meetings and status meetings, for whoever decides
    or vetoes an upcoming window (luck window stakeholders) or sponsors you; and their
    hours by quarter over the calendar audits kept (luck calendar import), each day
    counted once, from the newest import that covers it.

    Attendees are matched by address, then by display name; an attendee two people answer
    to is listed for you to resolve (luck person merge, or an alias), never counted.
    FILE is audited as by `luck calendar audit`; left out, the last import is re-audited.
    """
    from luckos.app import calendar as app
    from luckos.app.deciders import as_json as to_json
    from luckos.app.deciders import required

    s = session()
    if file is None:
        from luckos.dates import parse_date

        report = app.audit_latest(
            s.ws, start=parse_date(start, s.today, what="--from") if start else None,
            end=parse_date(end, s.today, what="--to") if end else None, me=me, tz=tz)
    else:
        config = s.ws.config
        window = app.window_from(start, end, s.today, config.week_start_index)
        report = app.audit_file(file, config=config, window=window, me=me, tz=tz,
                                clip_start=start is None)
    from luckos.app.deciders import kept

    found = required(s.ws, report, s.today)
    by_quarter = kept(s.ws, s.today, report, found)
    if as_json:
        emit_json(to_json(found, by_quarter))
        return
    from luckos.cli.deciders_render import render_deciders

    render_deciders(found, by_quarter)


def _config() -> Any:
    """The workspace's settings if there is a workspace, else the defaults."""
    from luckos.config import load_config
    from luckos.workspace import CONFIG_NAME

    return load_config(session().home / CONFIG_NAME)


@group.command(short_help="Audit an ICS file (or re-audit the last import).")
@click.argument("file", type=click.Path(path_type=Path), required=False)
@_window_options
@_reading_options
@click.option("--explain", is_flag=True,
              help="list each meeting with its altitude and the rule that decided it")
@click.option("--days", "show_days", is_flag=True, help="also print the figures of every day")
@click.option("--charts", "charts", type=click.Path(file_okay=False, path_type=Path),
              metavar="DIR", help="write a meeting-load heat map and the altitude mix here")
@click.option("--chart-format", type=click.Choice(["png", "svg"]), default="png",
              show_default=True, help="file format of the charts")
@click.option("--force", is_flag=True,
              help="replace chart files in DIR even if luckos did not draw them")
@json_option
@paged_output
def audit(file: Path | None, start: str | None, end: str | None, me: tuple[str, ...],
          tz: str | None, explain: bool, show_days: bool, charts: Path | None,
          chart_format: str, force: bool, as_json: bool) -> None:
    """Audit FILE.ics, or re-audit the last imported calendar when FILE is left out.

    Nothing is written to the workspace (use `luck calendar import` to keep an audit).
    Declined, cancelled and free events are not meeting load; focus blocks are
    protected time. Events that cannot be read are skipped and counted by reason.
    """
    from luckos.app import calendar as app

    s = session()
    if charts is not None:
        from luckos.calendar.charts import check_charts

        check_charts(charts, chart_format, force=force, home=s.home)
    if file is None:
        from luckos.dates import parse_date

        report = app.audit_latest(
            s.ws, start=parse_date(start, s.today, what="--from") if start else None,
            end=parse_date(end, s.today, what="--to") if end else None, me=me, tz=tz)
    else:
        from luckos.workspace import DB_NAME

        # a workspace is opened for the time with deciders anyway: its settings are read once
        config = s.ws.config if (s.home / DB_NAME).exists() else _config()
        window = app.window_from(start, end, s.today, config.week_start_index)
        bar = _Bar()
        try:
            report = app.audit_file(file, config=config, window=window, me=me, tz=tz,
                                    progress=bar, clip_start=start is None)
        finally:
            bar.close()
    deciders = _deciders(report)
    written = []
    if charts is not None:
        from luckos.calendar.charts import write_charts

        written = write_charts(report.audit, charts, chart_format, force=force, home=s.home)
    if as_json:
        from luckos.app.calendar_json import report_json

        data = report_json(report, explain=explain)
        data["charts"] = [str(p) for p in written]
        if deciders is not None:
            from luckos.app.deciders import as_json as deciders_json

            data["deciders"] = deciders_json(deciders)
        emit_json(data)
        return
    from luckos.cli.calendar_render import render_report

    render_report(report, explain=explain, days=show_days)
    if deciders is not None:
        from luckos.cli.deciders_render import render_deciders

        render_deciders(deciders)
    for path in written:
        click.echo(f"chart: {path}")


@group.command(short_help="Your schedule norms, as a short text to share.")
@json_option
@paged_output
def norms(as_json: bool) -> None:
    """Print your schedule norms (the maker day, no-meeting hours, office hours and
    working hours) as a short Markdown text to paste into a team page or a chat.

    The norms are `maker_day` and `[calendar.norms]` in luck.toml; `luck calendar audit`
    reports each one your calendar broke, with its hours.
    """
    from luckos.calendar.norms import norms as norms_data
    from luckos.calendar.norms import norms_text

    config = _config()
    if as_json:
        emit_json(norms_data(config.maker_day, config.calendar))
        return
    click.echo(norms_text(config.maker_day, config.calendar), nl=False)


@group.command("import", short_help="Audit an ICS file and keep the audit.")
@click.argument("file", type=click.Path(path_type=Path))
@_window_options
@_reading_options
@json_option
@paged_output
def import_(file: Path, start: str | None, end: str | None, me: tuple[str, ...],
            tz: str | None, as_json: bool) -> None:
    """Audit FILE.ics and keep the audit in the workspace, to compare audits over time.

    The occurrences of the window are kept, so `luck calendar audit` (no file) re-audits
    them with your current settings, and `luck calendar history` compares the imports.
    """
    from luckos.app import calendar as app

    s = session()
    ws = s.ws
    window = app.window_from(start, end, s.today, ws.config.week_start_index)
    bar = _Bar()
    try:
        report = app.import_file(ws, file, window=window, me=me, tz=tz, progress=bar,
                                 now=dt.datetime.now().astimezone(), clip_start=start is None)
    finally:
        bar.close()
    rows = app.history(ws)
    if as_json:
        emit_json({"import": rows[-1], "previous": rows[-2] if len(rows) > 1 else None})
        return
    from luckos.cli.calendar_render import render_import

    render_import(report, rows)


@group.command(short_help="Audits kept by `luck calendar import`, compared.")
@json_option
@paged_output
def history(as_json: bool) -> None:
    """Audits kept by `luck calendar import`, oldest first, with their headline figures."""
    from luckos.app import calendar as app

    rows = app.history(session().ws)
    if as_json:
        emit_json(rows)
        return
    from luckos.cli.calendar_render import render_history

    render_history(rows)
