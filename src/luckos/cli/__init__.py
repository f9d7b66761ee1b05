"""The `luck` command. Subcommands load lazily: `luck --help` imports only Click."""

from __future__ import annotations

import gc
import importlib
import sys
from typing import Any, NoReturn

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
    "signal": ("luckos.cli.records:signal", "Routing signals: ambiguous work routed to you."),
    "window": ("luckos.cli.window:group", "The timing calendar: decision windows and prep."),
    "theme": ("luckos.cli.theme:group", "Themes: a label, a bet and three metrics."),
    "metric": ("luckos.cli.theme:metric", "A theme's three metrics and their monthly readings."),
    "reading": ("luckos.cli.records:reading", "Monthly metric readings (add with `metric read`)."),
    "decision": ("luckos.cli.decision:group", "The decision log: bets, indicators, reviews."),
    "bench": ("luckos.cli.records:bench", "Your bench: people you unblocked, promoted, placed."),
    "sponsor": ("luckos.cli.records:sponsor", "Your own sponsors."),
    "person": ("luckos.cli.person:group", "People: one record per person, merged by name."),
    "artifact": ("luckos.cli.artifact:group", "Artifacts on both surfaces, and testimonials."),
    "testimonial": ("luckos.cli.artifact:testimonial", "Who used your doc, and the time it saved."),
    "note": ("luckos.cli.records:note", "Notes: journal, year in public, earned secrets."),
    "doc": ("luckos.cli.doc:group", "Documents: draft from the records, lint, render to HTML."),
    "search": ("luckos.cli.reports:search", "Search every text field of every record."),
    "export": ("luckos.cli.exchange:export", "Export the workspace to JSON (private excluded)."),
    "import": ("luckos.cli.exchange:import_", "Restore a JSON export; bring in git and docs."),
    "backup": ("luckos.cli.exchange:backup", "Copy the database with SQLite's online backup."),
    "doctor": ("luckos.cli.doctor:doctor", "Check the workspace's health; --fix repairs safely."),
    "config": ("luckos.cli.config:group", "Every setting of luck.toml: its value and source."),
    "redact": ("luckos.cli.redact:redact", "Redact secrets, addresses and names from a text."),
    "estimate": ("luckos.cli.estimate:group", "Rough math that funds work, and its pitch."),
    "ai": ("luckos.cli.ai:group", "Your prompt library over your records, redacted, logged."),
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
    "evidence": ("luckos.cli.evidence:group", "Work found in git and docs: accept or reject."),
    "packet": ("luckos.cli.packet:packet", "The case for a manager, skip-level or committee."),
    "serve": ("luckos.cli.serve:serve", "The dashboard: a local web page of every report."),
    "completion": ("luckos.cli.completion:completion",
                   "Print the shell completion script (bash, zsh, fish)."),
}


# How `luck --help` groups the commands.
SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Each week", ("review", "check", "ledger", "win")),
    ("Records", ("promise", "signal", "window", "theme", "metric", "reading", "decision",
                 "bench", "sponsor", "person", "artifact", "testimonial", "note")),
    ("The operating loop", ("diagnose", "glue", "explore", "project", "arc", "reboot",
                            "stay-or-move", "surface", "feed")),
    ("Calendar, documents, rough math", ("calendar", "doc", "estimate", "ai")),
    ("Evidence and the packet", ("evidence", "packet")),
    ("Workspace", ("init", "demo", "serve", "search", "export", "import", "backup", "doctor",
                   "config", "redact", "completion")),
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
        from luckos.cli.examples import attach

        attach(command, name)
        return command

    def resolve_command(self, ctx: click.Context, args: list[str]
                        ) -> tuple[str | None, click.Command | None, list[str]]:
        name = args[0] if args else ""
        if name not in COMMANDS and not name.startswith("-") and not ctx.resilient_parsing:
            # Click suggests from the commands it holds; ours load lazily from COMMANDS
            import difflib

            close = difflib.get_close_matches(name, COMMANDS, n=3)
            hint = (f" Did you mean {close[0]!r}?" if len(close) == 1 else
                    f" (Did you mean one of: {', '.join(close)}?)" if close else "")
            ctx.fail(f"No such command {name!r}.{hint}")
        return super().resolve_command(ctx, args)

    def shell_complete(self, ctx: click.Context, incomplete: str) -> list[Any]:
        # complete command names from the table, without importing every command module
        from click.shell_completion import CompletionItem

        if incomplete.startswith("-"):  # the group's own options
            return click.Command.shell_complete(self, ctx, incomplete)
        return [CompletionItem(name, help=help_text)
                for name, (_, help_text) in COMMANDS.items() if name.startswith(incomplete)]

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        placed = {name for _, names in SECTIONS for name in names}
        rest = tuple(name for name in COMMANDS if name not in placed)
        for title, names in (*SECTIONS, ("Other commands", rest)):
            rows = [(name, COMMANDS[name][1]) for name in names if name in COMMANDS]
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)

    def invoke(self, ctx: click.Context) -> Any:
        from luckos.errors import LuckError, NotFound

        try:
            return super().invoke(ctx)
        except LuckError as exc:
            raise BadInput(exc) from exc  # the cause is kept for --debug
        except OSError as exc:
            # a path the user gave that the system refuses (too long, a folder where a
            # file is wanted, no such folder, no permission): one line naming it
            if exc.filename is None or exc.strerror is None:
                raise
            name = str(exc.filename)
            shown = name if len(name) <= 80 else f"{name[:60]}... ({len(name):,} characters)"
            kind = NotFound if isinstance(exc, FileNotFoundError) else LuckError
            raise BadInput(kind(f"{shown}: {exc.strerror.lower()}", where=shown)) from exc
        except Exception as exc:
            import sqlite3  # loaded already by any command that reached the store

            if not isinstance(exc, sqlite3.Error):
                raise
            from luckos.workspace import DB_NAME, explain_database_error

            database = str(ctx.obj.home / DB_NAME)
            if (isinstance(exc, sqlite3.OperationalError)
                    and str(exc).startswith("Could not decode to UTF-8")):
                # text another program wrote as bytes that are not UTF-8
                raise BadInput(LuckError(f"{database}: {exc}; correct that text in the sqlite3 "
                                         "shell or restore a backup", where=database)) from None
            message = explain_database_error(exc, ctx.obj.home)
            if message is None:
                raise  # our own bug (a constraint, a syntax error): keep its traceback
            raise BadInput(LuckError(message, where=database)) from None


class BadInput(click.ClickException):
    """A LuckError on its way out: one line on stderr, exit code 2 (also under CliRunner)."""

    exit_code = 2

    def __init__(self, error: Any) -> None:
        super().__init__(error.message)
        self.error = error  # the LuckError, for `main` to print as JSON under --json

    def show(self, file: Any = None) -> None:
        for line in self.message.splitlines() or [""]:  # several: every bad key of luck.toml
            click.echo(f"luck: error: {line}", err=True)


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
@click.option("--debug", is_flag=True,
              help="Show the full traceback behind an error message.")
@click.version_option(package_name="luckos", prog_name="luck")
@click.pass_context
def cli(ctx: click.Context, home: str | None, today: str | None, no_pager: bool,
        debug: bool) -> None:
    """luckos: a career operating system that makes you easy to bet on.

    Capture promises, windows, themes and wins in one short command; run
    `luck review` each week. Dates take YYYY-MM-DD or +3d, +2w, fri, next month.
    --home, --today, --no-pager and --debug go before or after the command.

    Exit codes: 0 ok, 1 a check found problems (or you said no), 2 bad input,
    130 interrupted (Ctrl-C).
    """
    from luckos.cli.session import Session

    ctx.obj = Session(home=home, today_text=today)
    ctx.call_on_close(ctx.obj.close)


def _unusable_argument(args: list[str]) -> tuple[str, str] | None:
    """The first argument luckos cannot keep or print, as (where, one line): bytes that are not
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
        return where, f"{where}: the value {problem}"
    return None


# Options of the `luck` group itself, which may also be typed after the command.
_GLOBAL_VALUED = ("--home", "--today")
_GLOBAL_FLAGS = ("--debug", "--no-pager")


def hoist_global_options(argv: list[str]) -> list[str]:
    """`luck review --today 2026-11-25` as `luck --today 2026-11-25 review`: move the
    group's own options typed after the command to before it (up to a `--`)."""
    start = 0
    while start < len(argv):
        word = argv[start]
        if word in _GLOBAL_VALUED:
            start += 2
        elif word in _GLOBAL_FLAGS or word.startswith(tuple(f"{o}=" for o in _GLOBAL_VALUED)):
            start += 1
        elif word.startswith("-"):
            return argv  # --help, --version, or an unknown option: Click answers
        else:
            break
    moved: list[str] = []
    rest: list[str] = []
    index = start + 1
    while index < len(argv):
        word = argv[index]
        if word == "--":
            rest.extend(argv[index:])
            break
        if word in _GLOBAL_VALUED:
            if index + 1 == len(argv):
                from luckos.errors import LuckError

                raise LuckError(f"{word} needs a value: luck {argv[start]} ... {word} "
                                f"{'DATE' if word == '--today' else 'FOLDER'}")
            moved.extend(argv[index:index + 2])
            index += 2
            continue
        if word in _GLOBAL_FLAGS or word.startswith(tuple(f"{o}=" for o in _GLOBAL_VALUED)):
            moved.append(word)
        else:
            rest.append(word)
        index += 1
    return [*argv[:start], *moved, *argv[start:start + 1], *rest]


def _missing(exc: click.MissingParameter) -> str:
    """Every required argument and option left out, not only the first Click met."""
    ctx = exc.ctx
    if ctx is None:
        return exc.format_message()
    params = sorted(ctx.command.get_params(ctx), key=lambda p: not isinstance(p, click.Argument))
    names = [p.human_readable_name if isinstance(p, click.Argument) else p.opts[0]
             for p in params if p.required and ctx.params.get(p.name or "") in (None, ())]
    if not names:
        return exc.format_message()
    listed = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
    return f"{ctx.command_path} needs {listed} (see {ctx.command_path} --help)"


def usage_error(exc: click.UsageError) -> Any:
    """Click's usage error as a LuckError: a bad value is `Invalid` at its option, the
    rest (an unknown command or option, a missing argument) a `UsageError`."""
    from luckos.errors import Invalid, UsageError

    command = exc.ctx.command_path if exc.ctx is not None else None
    if isinstance(exc, click.MissingParameter):
        return UsageError(_missing(exc), where=command)
    where = f" (see {command} --help)" if command else ""
    message = f"{exc.format_message()}{where}"
    if isinstance(exc, click.BadParameter) and exc.param is not None:
        param = exc.param
        name = param.opts[0] if isinstance(param, click.Option) else param.human_readable_name
        return Invalid(message, where=name)
    if isinstance(exc, click.NoSuchOption):
        return UsageError(message, where=exc.option_name)
    return UsageError(message, where=command)


def json_asked(argv: list[str]) -> bool:
    """Did the command line ask for --json (before a `--`)? Then errors are JSON too."""
    return "--json" in (argv[:argv.index("--")] if "--" in argv else argv)


# The collector's thresholds while it is held (None: it is not).
_held: tuple[int, int, int] | None = None


def hold_collector() -> None:
    """Start-up allocates what lives as long as the process (modules, classes, Click's
    commands, the record classes), and Python's cyclic garbage collector would walk it
    again and again for nothing, and once more at exit. Until the workspace is open it
    runs after ten thousand new objects, not seven hundred."""
    global _held
    if _held is None and gc.isenabled():
        _held = gc.get_threshold()
        gc.set_threshold(10_000, *_held[1:])


def resume_collector() -> None:
    """The workspace is open: what start-up made is set aside for good (`gc.freeze`: no
    collection walks it again, the one at exit included, about 9 ms of a command), and
    the collector runs as usual on what the command makes."""
    global _held
    if _held is not None:
        gc.freeze()
        gc.set_threshold(*_held)
        _held = None


def main(argv: list[str] | None = None) -> Any:
    """`luck` with the command line's arguments, or with `argv` (a caller that runs
    commands in its own process, as the tests do)."""
    hold_collector()
    try:
        return _main(argv)
    finally:
        resume_collector()
        if argv is not None:  # what this command froze goes back under the collector
            gc.unfreeze()


def _main(argv: list[str] | None) -> Any:
    from luckos.errors import Invalid, LuckError

    args = sys.argv[1:] if argv is None else list(argv)
    as_json = json_asked(args)

    def refuse(error: LuckError, code: int = 2, exc: BaseException | None = None) -> NoReturn:
        """One line on stderr, or the error object on stdout under --json (unless the
        command printed its JSON already: stdout holds one document)."""
        if debug and exc is not None:
            import traceback

            traceback.print_exception(exc.__cause__ or exc)
        output = sys.modules.get("luckos.cli.output")
        if as_json and not getattr(output, "json_printed", False):
            import json

            text = json.dumps(error.as_json(), indent=2, ensure_ascii=False)
            if not text.isascii():  # a name typed in bytes that are not UTF-8: escaped
                try:
                    text.encode("utf-8")
                except UnicodeEncodeError:
                    text = json.dumps(error.as_json(), indent=2)
            click.echo(text)
        else:
            for line in error.message.splitlines() or [""]:  # several: luck.toml's bad keys
                click.echo(f"luck: error: {line}", err=True)
        sys.exit(code)

    debug = False
    unusable = _unusable_argument(args)
    if unusable:
        refuse(Invalid(unusable[1], where=unusable[0]))
    try:
        argv = hoist_global_options(args)
    except LuckError as exc:
        refuse(exc)
    debug = "--debug" in argv[:argv.index("--")] if "--" in argv else "--debug" in argv

    def fail(message: str, code: int, exc: BaseException) -> NoReturn:
        if debug:
            import traceback

            traceback.print_exception(exc.__cause__ or exc)
        click.echo(message, err=True)
        sys.exit(code)

    if "luckos.cli.output" in sys.modules:  # a second run in one process (tests)
        from luckos.cli import output

        output.json_printed = False
    try:
        return cli.main(args=argv, prog_name="luck", standalone_mode=False)
    except LuckError as exc:
        refuse(exc, exc=exc)
    except click.exceptions.Abort as exc:
        if isinstance(exc.__cause__ or exc.__context__, KeyboardInterrupt):
            fail("luck: interrupted", 130, exc)
        fail("luck: aborted", 1, exc)
    except click.UsageError as exc:  # a bad value, an unknown option or command
        refuse(usage_error(exc), exc=exc)
    except BadInput as exc:
        refuse(exc.error, exc=exc)
    except click.ClickException as exc:
        if as_json:
            refuse(LuckError(exc.format_message()), exc.exit_code, exc)
        if debug:
            import traceback

            traceback.print_exception(exc.__cause__ or exc)
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except KeyboardInterrupt as exc:  # outside a prompt: in a long command, or at start-up
        fail("luck: interrupted", 130, exc)
