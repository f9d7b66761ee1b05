"""Output for people and for programs: Rich tables on a TTY, plain text when piped,
JSON with `--json`. Rich is imported only when a terminal will see it."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import Any

import click

json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON instead.")


def emit_json(data: Any) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))


def on_tty() -> bool:
    return sys.stdout.isatty()


def warn(message: str) -> None:
    click.echo(f"warning: {message}", err=True)


def heading(text: str) -> None:
    if on_tty():
        _console().print(f"\n[bold]{text}[/bold]")
    else:
        click.echo(f"\n{text}")


def line(text: str = "", style: str | None = None) -> None:
    if on_tty() and style:
        from rich.markup import escape

        _console().print(f"[{style}]{escape(text)}[/{style}]")
    else:
        click.echo(text)


def table(columns: Sequence[str], rows: Sequence[Sequence[Any]], *, title: str | None = None,
          empty: str = "nothing to show") -> None:
    cells = [["" if v is None else str(v) for v in row] for row in rows]
    if not cells:
        if title:
            heading(title)
        click.echo(f"  ({empty})")
        return
    if on_tty():
        from rich.table import Table

        grid = Table(title=title, title_justify="left", title_style="bold")
        for name in columns:
            grid.add_column(name, overflow="fold")
        for row in cells:
            grid.add_row(*row)
        if title:
            _console().print()  # a blank line between sections, as in piped output
        _console().print(grid)
        return
    if title:
        click.echo(f"\n{title}")
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(columns)]
    click.echo("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip())
    for row in cells:
        click.echo("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip())


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


def percent(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0%}"


def quantity(value: float, unit: str) -> str:
    """`$18`, `7.6%`, `650 ms`, `3 pages`: a value written with its unit."""
    if unit in ("$", "€", "£"):
        return f"{unit}{value:,g}"
    if unit in ("%", ""):
        return f"{value:g}{unit}"
    return f"{value:g} {unit}"
