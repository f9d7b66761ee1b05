"""The `luck` command. Subcommands load lazily: `luck --help` imports only Click."""

from __future__ import annotations

import importlib
import sys
from typing import Any

import click

# name -> (module:attribute, one-line help). The help is here so that listing the
# commands does not import them.
COMMANDS: dict[str, tuple[str, str]] = {
    "init": ("luckos.cli.workspace:init", "Create a workspace (or show the existing one)."),
    "demo": ("luckos.cli.workspace:demo", "Build a demo workspace of its own and review it."),
    "review": ("luckos.cli.reports:review", "The weekly loop: what is due, next windows, trend."),
    "ledger": ("luckos.cli.reports:ledger", "The credibility ledger: hit rate, trend, slips."),
    "win": ("luckos.cli.capture:win", "Log a win to your year-in-public notes."),
    "promise": ("luckos.cli.promise:group", "Promises made, kept, missed, renegotiated."),
    "signal": ("luckos.cli.kinds:signal", "Routing signals: ambiguous work routed to you."),
    "window": ("luckos.cli.window:group", "The timing calendar: decision windows and prep."),
    "theme": ("luckos.cli.theme:group", "Themes: a label, a bet and three metrics."),
    "metric": ("luckos.cli.theme:metric", "A theme's three metrics and their monthly readings."),
    "reading": ("luckos.cli.kinds:reading", "Monthly metric readings (add with `metric read`)."),
    "decision": ("luckos.cli.decision:group", "The decision log: bets, indicators, reviews."),
    "bench": ("luckos.cli.kinds:bench", "Your bench: people you unblocked, promoted, placed."),
    "sponsor": ("luckos.cli.kinds:sponsor", "Your own sponsors."),
    "artifact": ("luckos.cli.artifact:group", "Artifacts on both surfaces, and testimonials."),
    "testimonial": ("luckos.cli.artifact:testimonial", "Who used your doc, and the time it saved."),
    "note": ("luckos.cli.kinds:note", "Notes: journal, year in public, earned secrets."),
    "doc": ("luckos.cli.doc:group", "Documents: draft from the records, lint, render to HTML."),
    "search": ("luckos.cli.reports:search", "Search every text field of every record."),
    "export": ("luckos.cli.exchange:export", "Export the workspace to JSON (private excluded)."),
    "import": ("luckos.cli.exchange:import_", "Restore a JSON export, in one transaction."),
    "backup": ("luckos.cli.exchange:backup", "Copy the database with SQLite's online backup."),
    "estimate": ("luckos.cli.estimate:group", "Rough math that funds work, and its pitch."),
    "check": ("luckos.cli.check:check", "Check the loop's invariants; exit 1 when one breaks."),
    "diagnose": ("luckos.cli.diagnose:group", "The three questions, a paragraph each, dated."),
    "glue": ("luckos.cli.glue:group", "Glue work: what it unlocks, and what could replace you."),
    "explore": ("luckos.cli.explore:group", "The explore loop: prototypes, talks, teardowns."),
    "project": ("luckos.cli.project:group", "Projects on the seven heuristics; kill reviews."),
    "arc": ("luckos.cli.arc:group", "The pendulum: three-year role arcs, the bottleneck."),
    "reboot": ("luckos.cli.reboot:group", "A 90-day reboot: twelve dated weeks, a post-mortem."),
    "stay-or-move": ("luckos.cli.stay:stay_or_move", "The three hard checks, answered from data."),
    "surface": ("luckos.cli.surface:surface", "Luck surface area by quarter, formulas shown."),
    "feed": ("luckos.cli.feed:feed", "Windows, prep and reviews as an ICS calendar feed."),
    "calendar": ("luckos.cli.calendar:group", "Audit a calendar export (ICS): load, maker day."),
}


# How `luck --help` groups the commands.
SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Each week", ("review", "check", "ledger", "win")),
    ("Records", ("promise", "signal", "window", "theme", "metric", "reading", "decision",
                 "bench", "sponsor", "artifact", "testimonial", "note")),
    ("The operating loop", ("diagnose", "glue", "explore", "project", "arc", "reboot",
                            "stay-or-move", "surface", "feed")),
    ("Calendar, documents, rough math", ("calendar", "doc", "estimate")),
    ("Workspace", ("init", "demo", "search", "export", "import", "backup")),
)


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        module_name, attribute = COMMANDS[name][0].split(":")
        command = getattr(importlib.import_module(module_name), attribute)
        assert isinstance(command, click.Command)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        placed = {name for _, names in SECTIONS for name in names}
        rest = tuple(name for name in COMMANDS if name not in placed)
        for title, names in (*SECTIONS, ("Other commands", rest)):
            rows = [(name, COMMANDS[name][1]) for name in names if name in COMMANDS]
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)

    def invoke(self, ctx: click.Context) -> Any:
        from luckos.errors import LuckError

        try:
            return super().invoke(ctx)
        except LuckError as exc:
            raise BadInput(exc.message) from None
        except OSError as exc:
            # a path the user gave that the system refuses (too long, a folder where a
            # file is wanted, no such folder, no permission): one line naming it
            if exc.filename is None or exc.strerror is None:
                raise
            name = str(exc.filename)
            shown = name if len(name) <= 80 else f"{name[:60]}... ({len(name):,} characters)"
            raise BadInput(f"{shown}: {exc.strerror.lower()}") from None
        except Exception as exc:
            import sqlite3  # loaded already by any command that reached the store

            # a damaged file (SQLITE_CORRUPT, SQLITE_NOTADB) raises DatabaseError itself,
            # never one of its subclasses, which would be our own bugs
            from luckos.workspace import DB_NAME

            if (isinstance(exc, sqlite3.OperationalError)
                    and str(exc).startswith("Could not decode to UTF-8")):
                # text another program wrote as bytes that are not UTF-8
                raise BadInput(f"{ctx.obj.home / DB_NAME}: {exc}; correct that text in the "
                               "sqlite3 shell or restore a backup") from None
            if type(exc) is not sqlite3.DatabaseError:
                raise
            raise BadInput(f"{ctx.obj.home / DB_NAME}: the database is corrupt ({exc}); "
                           "restore it from a backup") from None


class BadInput(click.ClickException):
    """A LuckError on its way out: one line on stderr, exit code 2 (also under CliRunner)."""

    exit_code = 2

    def show(self, file: Any = None) -> None:
        click.echo(f"luck: error: {self.message}", err=True)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--home",
    type=click.Path(file_okay=False, path_type=str),
    envvar="LUCK_HOME",
    help="Workspace folder (default: LUCK_HOME, else the platform's data folder).",
)
@click.option("--today", metavar="DATE", help="Pretend today is DATE (reports, defaults).")
@click.option("--no-pager", is_flag=True,
              help="Print long reports straight to the terminal (default: through "
                   "LUCK_PAGER, else PAGER, else less).")
@click.version_option(package_name="luckos", prog_name="luck")
@click.pass_context
def cli(ctx: click.Context, home: str | None, today: str | None, no_pager: bool) -> None:
    """luckos: a career operating system that makes you easy to bet on.

    Capture promises, windows, themes and wins in one short command; run
    `luck review` each week. Dates take YYYY-MM-DD or +3d, +2w, fri, next month.
    """
    from luckos.cli.session import Session

    ctx.obj = Session(home=home, today_text=today)
    ctx.call_on_close(ctx.obj.close)


def _unusable_argument(args: list[str]) -> str | None:
    """The first argument luckos cannot keep or print, said in one line: bytes that are not
    UTF-8 (Python hands them in as surrogate escapes), a NUL, a value past the length any
    field keeps. Checked once here, so that no command meets such text."""
    if all(arg.isascii() and "\x00" not in arg and len(arg) < 10_000 for arg in args):
        return None  # the common case, without importing anything
    from luckos.domain.fields import text_problem

    for index, arg in enumerate(args):
        problem = text_problem(arg)
        if problem is None:
            continue
        name, sep, _ = arg.partition("=")
        if arg.startswith("--") and sep:
            where = name
        elif index and args[index - 1].startswith("-") and args[index - 1] != "--":
            where = args[index - 1].partition("=")[0]
        else:
            where = f"argument {index + 1}"
        return f"{where}: the value {problem}"
    return None


def main(argv: list[str] | None = None) -> Any:
    from luckos.errors import LuckError

    args = sys.argv[1:] if argv is None else list(argv)
    unusable = _unusable_argument(args)
    if unusable:
        click.echo(f"luck: error: {unusable}", err=True)
        sys.exit(2)
    try:
        return cli.main(args=args, prog_name="luck", standalone_mode=False)
    except LuckError as exc:
        click.echo(f"luck: error: {exc}", err=True)
        sys.exit(2)
    except click.exceptions.Abort:
        click.echo("luck: aborted", err=True)
        sys.exit(1)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
