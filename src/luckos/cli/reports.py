"""`luck review`, `luck ledger` and `luck search`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from luckos.cli.output import cut_note, emit_json, json_option, paged, table
from luckos.cli.session import session
from luckos.domain.records import METRIC_SLOTS


def month_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Add --month and its value options to a command."""
    for slot in reversed(METRIC_SLOTS):
        command = click.option(f"--{slot}-note", f"{slot}_note", default=None, metavar="TEXT",
                               help=f"with --month: two sentences on the {slot} number")(command)
        command = click.option(f"--{slot}", slot, default=None, metavar="N",
                               help=f"with --month: this month's {slot} number (with or "
                                    "without its unit)")(command)
    command = click.option("--theme", "theme", default=None, metavar="ID",
                           help="with --month: the theme (needed when there are several)")(
        command)
    return click.option(
        "--month", "month", is_flag=False, flag_value="this", default=None, metavar="[MONTH]",
        help="the monthly consequence update instead: three numbers and two sentences per "
             "theme, asked on a terminal or given with the options below")(command)


@click.command()
@json_option
@month_options
def review(as_json: bool, month: str | None, **month_values: Any) -> None:
    """The weekly loop on one screen.

    It looks ahead over the next 7 days and back over the last 7, today included
    (`[review] ahead_days` and `back_days` in luck.toml), and says which days those are.
    Overdue promises and those due today or ahead; the next decision windows with their
    prep-due dates and readiness; theme metrics with no reading this month; decisions
    past their review date; the hit rate and its trend; the artifacts and routing
    signals of the days looked back over; the other invariants of `luck check` that are
    broken; and what is asked of you.

    With --month, the monthly consequence update instead: each theme's three numbers
    with two sentences of narrative and the trend since the last readings.
    """
    if month is not None or any(v is not None for v in month_values.values()):
        from luckos.cli.consequence import run_month

        return run_month(month, month_values, as_json)
    from luckos.app.review import review_json, weekly

    s = session()
    if as_json:
        emit_json(review_json(weekly(s.ws, s.today)))
        return
    from luckos.cli.render import ASKS_PER_TOPIC, WINDOWS_SHOWN, render_review

    report = weekly(s.ws, s.today, asks_per_topic=ASKS_PER_TOPIC, windows_shown=WINDOWS_SHOWN)
    with paged():
        render_review(report)


@click.command()
@json_option
def ledger(as_json: bool) -> None:
    """The credibility ledger: hit rate, renegotiations, trend by quarter, slip.

    Hit rate = kept on time / resolved, where resolved = kept (on time or late) + missed
    + dropped. Renegotiating before the due date is neither a hit nor a miss and is shown
    apart; kept late is not kept on time.
    """
    from luckos.app.ledger import ledger_json, summary

    s = session()
    result = summary(s.ws, s.today)
    if as_json:
        emit_json(ledger_json(result))
        return
    from luckos.cli.render import render_ledger

    with paged():
        render_ledger(result)


@click.command()
@click.argument("text", nargs=-1, required=True)
@click.option("--limit", type=click.IntRange(0, 2**63 - 1), default=None,
              help="at most this many hits, best first (default: 30, all with --json; "
                   "0 for all)")
@click.option("--no-private", is_flag=True, help="leave out private notes (earned secrets)")
@json_option
def search(text: tuple[str, ...], limit: int | None, no_private: bool, as_json: bool) -> None:
    """Search every text field of every record, best matches first.

    Words are matched with stemming (`migrate` finds `migration`); quote a phrase, use
    OR, NOT or a trailing * as in SQLite FTS5. Private notes are marked as such. On a
    terminal the matched words are highlighted; piped, they are in [brackets].
    """
    from luckos.app.search import search as run
    from luckos.cli.marked import Marked

    s = session()
    if limit is None:
        limit = 0 if as_json else 30
    found = run(s.ws, " ".join(text), include_private=not no_private, limit=limit or None)
    hits = [(h, Marked(h.snippet, h.matches)) for h in found.hits]
    if as_json:
        from luckos.app.search import found_json

        emit_json(found_json(found))
        return
    with paged():
        table(["id", "kind", "title", "match"],
              [[h.ref, h.kind + (" (private)" if h.private else ""), h.title, marked]
               for h, marked in hits],
              empty=f"nothing matches {' '.join(text)!r}")
        cut_note(len(hits), found.total)
