"""Output for people and for programs: Rich tables on a TTY, plain text when piped,
JSON with `--json`. Rich is imported only when a terminal will see it.

Whatever a user typed is printed as text, never read as Rich markup: every string goes
to Rich inside a `rich.text.Text` or as a table cell already laid out (`_Cell`), and
the console reads no markup in a plain string either, so `[draft]`, `[/v2/orders]` or
`:fire:` show as typed. Emphasis inside a value (a search match) is a `Marked` value,
styled on a terminal and shown in [brackets] when piped.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import functools
import io
import json
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
    Text = _rich().Text
    if isinstance(value, Marked):
        text = Text(value.text, style=style)
        for start, end in value.spans:
            text.stylize("bold reverse", start, end)
    else:
        text = Text("" if value is None else str(value), style=style)
    if clip:
        text.no_wrap, text.overflow = True, "ellipsis"
    return text


class _Cell:
    """A table cell of plain text, drawn exactly as Rich draws `Padding(Text(value), (0, 1))`
    (the tables have no padding of their own: each cell carries its one space a side).

    Rich measures every cell of a table, then draws each one through its Padding and
    Text, which for the weekly review's few hundred rows cost several times what the
    review's text costs piped. A value of one line of printable text is measured here
    from its length, and one that fits its column is drawn as one segment; any other
    (longer than its column, with a tab, a newline or a control character) and every
    header go through the Padding and Text, as before.
    """

    __slots__ = ("value", "clip", "head", "widths")

    def __init__(self, value: str, *, clip: bool = False, head: bool = False) -> None:
        self.value, self.clip, self.head = value, clip, head
        # (longest word, whole value) in terminal cells, as Rich measures a Text; None
        # when the value is not one line of printable text
        self.widths: tuple[int, int] | None = None
        if value.isprintable():
            cell_len = len if value.isascii() else _rich().cell_len  # ASCII: one cell each
            whole, words = cell_len(value), value.split()
            self.widths = (max(map(cell_len, words)) if words else whole, whole)

    def _padded(self) -> Any:
        return _rich().Padding(_text(self.value, clip=self.clip), (0, 1))

    def __rich_measure__(self, console: Any, options: Any) -> Any:
        # Padding.__rich_measure__ around Measurement.get of the Text, in one step
        Measurement = _rich().Measurement
        max_width = options.max_width
        if max_width - 2 < 1:
            return Measurement(max_width, max_width)
        if self.widths is None:
            return Measurement.get(console, options, self._padded())
        shortest, longest = min(self.widths[0], max_width), min(self.widths[1], max_width)
        if longest < 1:
            shortest = longest = 0
        return Measurement(min(shortest + 2, max_width), min(longest + 2, max_width))

    def __rich_console__(self, console: Any, options: Any) -> Any:
        room = options.max_width - 2
        if not self.head and self.widths is not None and 1 <= room >= self.widths[1]:
            return [_rich().Segment(f" {self.value}{' ' * (room - self.widths[1])} ")]
        return [self._padded()]


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
        _print_table(columns, rows, title, clip)
        return
    cells = [["" if v is None else str(v) for v in row] for row in rows]
    if title:
        click.echo(f"\n{title}")
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(columns)]
    click.echo("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip())
    for row in cells:
        click.echo("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip())


def _print_table(columns: Sequence[str], rows: Sequence[Sequence[Any]], title: str | None,
                 clip: bool) -> None:
    rich, console = _rich(), _console()
    grid = rich.Table(title=_text(title, "bold") if title else None, title_justify="left",
                      padding=0)  # each cell carries its own, see _Cell
    heads = [_Cell(name, head=True) for name in columns]
    body = [[rich.Padding(_text(v, clip=clip), (0, 1)) if isinstance(v, Marked)
             else _Cell("" if v is None else str(v), clip=clip) for v in row] for row in rows]
    # When every column fits beside the others at its widest cell, Rich gives each
    # column that width: it is set here, so that Rich does not measure every cell again.
    widest: list[int] | None = [0 if h.widths is None else h.widths[1] + 2 for h in heads]
    for row in body:
        for i, cell in enumerate(row):
            if widest is None or not isinstance(cell, _Cell) or cell.widths is None:
                widest = None
                break
            widest[i] = max(widest[i], cell.widths[1] + 2)
    if widest is not None and (sum(widest) + len(columns) + 1 > console.width
                               or any(h.widths is None for h in heads)):
        widest = None  # Rich shares the width out
    for i, head in enumerate(heads):
        grid.add_column(head, overflow="fold", width=None if widest is None else widest[i])
    for row in body:
        grid.add_row(*row)
    if title:
        console.print()  # a blank line between sections, as in piped output
    console.print(grid)


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


@functools.cache
def _rich() -> Any:
    """The parts of Rich a terminal uses, imported on first use."""
    from types import SimpleNamespace

    from rich.cells import cell_len
    from rich.console import Console
    from rich.measure import Measurement
    from rich.padding import Padding
    from rich.segment import Segment
    from rich.table import Table
    from rich.text import Text

    return SimpleNamespace(Console=Console, Measurement=Measurement, Padding=Padding,
                           Segment=Segment, Table=Table, Text=Text, cell_len=cell_len)


def _console() -> Any:
    global _CONSOLE
    if _CONSOLE is None:
        # every value reaches Rich as a Text; a plain string is not read as markup either
        _CONSOLE = _rich().Console(highlight=False, markup=False, emoji=False)
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
