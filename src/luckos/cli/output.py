"""Output for people and for programs: Rich tables on a TTY, plain text when piped,
JSON with `--json`. Rich is imported only when a terminal will see it.

Whatever a user typed is printed as text, never read as Rich markup: every string goes
to Rich inside a `rich.text.Text`, so `[draft]`, `[/v2/orders]` or `:fire:` show as
typed. Emphasis inside a value (a search match) is a `Marked` value, styled on a
terminal and shown in [brackets] when piped.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import functools
import io
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import click

json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON instead.")

# `--limit` of a list: a screenful by default, everything under --json.
limit_option = click.option(
    "--limit", type=click.IntRange(0, 2**63 - 1), default=None,  # what SQLite's LIMIT holds
    help="at most this many (default: 50, all with --json; 0 for all)")


# Whether this run printed its JSON already: a refusal after that (`luck doc lint --json`
# on files it could not read) is the error line on stderr, so stdout stays one document.
json_printed = False


def emit_json(data: Any) -> None:
    import json  # only under --json: a capture's text output does without it

    global json_printed
    click.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))
    json_printed = True


def on_tty() -> bool:
    """Print for a person? Yes on a terminal; TTY_COMPATIBLE=1 or 0 says so either way
    (the variable Rich reads too), e.g. to keep the tables in `... | less -R`."""
    forced = os.environ.get("TTY_COMPATIBLE", "")
    if forced in ("0", "1"):
        return forced == "1"
    return sys.stdout.isatty()


def warn(message: str) -> None:
    click.echo(f"warning: {message}", err=True)


@dataclasses.dataclass(frozen=True)
class Marked:
    """Text with spans to emphasise (start, end): styled on a terminal, [in brackets]
    when piped. `str()` gives the piped form."""

    text: str
    spans: tuple[tuple[int, int], ...] = ()

    def __str__(self) -> str:
        from luckos.app.search import bracket

        return bracket(self.text, self.spans)


def _text(value: Any, style: str = "", *, clip: bool = False) -> Any:
    """A `rich.text.Text` of the value, never parsed as markup."""
    from rich.text import Text

    if isinstance(value, Marked):
        text = Text(value.text, style=style)
        for start, end in value.spans:
            text.stylize("bold reverse", start, end)
    else:
        text = Text("" if value is None else str(value), style=style)
    if clip:
        text.no_wrap, text.overflow = True, "ellipsis"
    return text


def heading(text: str) -> None:
    if on_tty():
        _console().print()
        _console().print(_text(text, "bold"))
    else:
        click.echo(f"\n{text}")


def line(text: str = "", style: str | None = None) -> None:
    if on_tty() and style:
        _console().print(_text(text, style))
    else:
        click.echo(text)


def table(columns: Sequence[str], rows: Sequence[Sequence[Any]], *, title: str | None = None,
          empty: str = "nothing to show", clip: bool = False) -> None:
    """Rows under their column names. Piped, every cell is printed whole. On a terminal
    Rich fits the table to the width: long cells wrap, or with `clip` each row keeps to
    one line and long cells end in "…" (a list; `show` prints the whole record)."""
    if not rows:
        if title:
            heading(title)
        click.echo(f"  ({empty})")
        return
    if on_tty():
        from rich.table import Table

        grid = Table(title=_text(title, "bold") if title else None, title_justify="left")
        for name in columns:
            grid.add_column(_text(name), overflow="fold")
        for row in rows:
            grid.add_row(*(_text(v, clip=clip) for v in row))
        if title:
            _console().print()  # a blank line between sections, as in piped output
        _console().print(grid)
        return
    cells = [["" if v is None else str(v) for v in row] for row in rows]
    if title:
        click.echo(f"\n{title}")
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(columns)]
    click.echo("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip())
    for row in cells:
        click.echo("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip())


def cut_note(shown: int, total: int, hint: str = "--limit 0 for all") -> None:
    """Say that a list stopped short: `50 of 126 shown; --limit 0 for all`."""
    if total > shown:
        click.echo(f"{shown} of {total:,} shown; {hint}")


def pairs(items: Sequence[tuple[str, Any]], *, title: str | None = None) -> None:
    if title:
        heading(title)
    width = max((len(k) for k, _ in items), default=0)
    for key, value in items:
        text = "" if value is None else str(value)
        click.echo(f"  {key.ljust(width)}  {text}")


_CONSOLE = None


def _console() -> Any:
    global _CONSOLE
    if _CONSOLE is None:
        from rich.console import Console

        _CONSOLE = Console(highlight=False)
    return _CONSOLE


def console() -> Any:
    """The Rich console, for a command that composes its own `rich.text.Text` lines."""
    return _console()


def percent(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0%}"


def quantity(value: float, unit: str) -> str:
    """`$18`, `7.6%`, `650 ms`, `3 pages`: a value written with its unit."""
    if unit in ("$", "€", "£"):
        return f"{unit}{value:,g}"
    if unit in ("%", ""):
        return f"{value:g}{unit}"
    return f"{value:g} {unit}"


# --- the pager ----------------------------------------------------------------------


class _Screen(io.StringIO):
    """Collects what a command prints for the terminal, colours and all."""

    def isatty(self) -> bool:
        return True


def pager_command() -> str | None:
    """The pager to use, or None: stdout is a terminal, `--no-pager` was not given, and
    LUCK_PAGER, else PAGER, else `less` names one (empty or `cat` means none)."""
    if not sys.stdout.isatty():
        return None
    ctx = click.get_current_context(silent=True)
    if ctx is not None and ctx.find_root().params.get("no_pager"):
        return None
    command = os.environ.get("LUCK_PAGER")
    if command is None:
        command = os.environ.get("PAGER")
    if command is None:
        import shutil

        command = "less" if shutil.which("less") else ""
    command = command.strip()
    return None if command in ("", "cat") else command


@contextlib.contextmanager
def paged() -> Iterator[None]:
    """Print what the block prints through the pager when it is longer than the screen
    (see `pager_command`). Wrap only the printing of a report, never a prompt."""
    command = pager_command()
    if command is None or isinstance(sys.stdout, _Screen):  # off, or paged already
        yield
        return
    screen, real = _Screen(), sys.stdout
    sys.stdout = screen
    try:
        yield
    except BaseException:
        sys.stdout = real
        real.write(screen.getvalue())
        raise
    sys.stdout = real
    text = screen.getvalue()
    if not _longer_than_screen(text) or not _page(command, text):
        real.write(text)
        real.flush()


def paged_output(command: Callable[..., Any]) -> Callable[..., Any]:
    """A report command whose whole output may go through the pager (not under --json).
    Put it under the Click decorators; a command that prompts wraps its printing in
    `paged()` instead."""

    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        if kwargs.get("as_json"):
            return command(*args, **kwargs)
        with paged():
            return command(*args, **kwargs)

    return run


def _longer_than_screen(text: str) -> bool:
    import math
    import shutil

    width, height = shutil.get_terminal_size()
    rows = 0
    for row in text.splitlines():
        rows += max(1, math.ceil(len(click.unstyle(row)) / max(width, 1)))
        if rows >= height:
            return True
    return False


def _page(command: str, text: str) -> bool:
    """Send the text to the pager; False when the pager could not be started."""
    import subprocess

    env = dict(os.environ)
    env.setdefault("LESS", "FRX")  # as git: quit if one screen, keep colours, no clear
    env.setdefault("LV", "-c")
    sys.stdout.flush()
    try:
        process = subprocess.Popen(command, shell=True, stdin=subprocess.PIPE, env=env)
    except OSError:
        return False
    assert process.stdin is not None
    try:
        process.stdin.write(text.encode(sys.stdout.encoding or "utf-8", "replace"))
        process.stdin.close()
    except BrokenPipeError:  # the reader quit before reading everything
        pass
    while True:
        try:
            code = process.wait()
            break
        except KeyboardInterrupt:  # Ctrl-C belongs to the pager while it runs
            continue
    return code != 127  # 127: the shell found no such command; nothing was shown


def weekday_date(day: dt.date) -> str:
    """`Fri 2026-12-04`: a date as a capture confirms it."""
    return f"{day:%a} {day.isoformat()}"
