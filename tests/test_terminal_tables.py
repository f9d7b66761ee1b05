"""A table on a terminal is exactly the table Rich draws from a Text in each cell (the
way `luck` drew them before its cells were measured and drawn without building a Text
and a Padding each): the same characters and the same colour codes, for short and long
values, values that wrap or are cut, wide characters, tabs, newlines, control
characters, markup that is text, and search matches."""

from __future__ import annotations

import io

import pytest
from rich.console import Console
from rich.table import Table
from rich.text import Text

from luckos.cli import output
from luckos.cli.output import Marked

VALUES = [
    "p1", "", None, 42, "send the figures", "  spaces around  ", "[bold]not bold[/bold]",
    ":fire: [/v2/orders]", "tab\there", "two\nlines", "bell\x07 and \x1b[31mescape",
    "日本語のテキスト", "naïve café", "e\u0301 combining", "zero\u200bwidth", "nbsp\xa0here",
    "a-very-long-word-that-cannot-be-broken-anywhere-at-all-in-a-narrow-column",
    "a long sentence of many short words that wraps onto the next lines of its cell " * 2,
]


def _reference(columns: list[str], rows: list[list[object]], title: str | None,
               clip: bool, width: int) -> str:
    """The table as Rich draws it with a Text in each cell."""
    console = _console(width)
    grid = Table(title=Text(title, style="bold") if title else None, title_justify="left")
    for name in columns:
        grid.add_column(Text(name), overflow="fold")
    for row in rows:
        cells = []
        for value in row:
            if isinstance(value, Marked):
                text = Text(value.text)
                for start, end in value.spans:
                    text.stylize("bold reverse", start, end)
            else:
                text = Text("" if value is None else str(value))
            if clip:
                text.no_wrap, text.overflow = True, "ellipsis"
            cells.append(text)
        grid.add_row(*cells)
    if title:
        console.print()
    console.print(grid)
    return console.file.getvalue()  # type: ignore[attr-defined, no-any-return]


def _console(width: int) -> Console:
    return Console(file=io.StringIO(), width=width, force_terminal=True,
                   color_system="truecolor", highlight=False)


def _drawn(monkeypatch: pytest.MonkeyPatch, columns: list[str], rows: list[list[object]],
           title: str | None, clip: bool, width: int) -> str:
    console = _console(width)
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    monkeypatch.setattr(output, "_CONSOLE", console)
    output.table(columns, rows, title=title, clip=clip)
    return console.file.getvalue()  # type: ignore[attr-defined, no-any-return]


@pytest.mark.parametrize("width", [12, 30, 60, 100, 250])
@pytest.mark.parametrize("clip", [False, True])
def test_every_kind_of_value_is_drawn_as_rich_draws_its_text(
        monkeypatch: pytest.MonkeyPatch, width: int, clip: bool) -> None:
    rows = [[f"p{i}", value, VALUES[-1 - i]] for i, value in enumerate(VALUES)]
    columns = ["id", "what", "more"]
    assert (_drawn(monkeypatch, columns, rows, "Some [title]", clip, width)
            == _reference(columns, rows, "Some [title]", clip, width))


@pytest.mark.parametrize("width", [20, 40, 80, 120, 300])
def test_a_table_that_fits_and_one_that_does_not_are_drawn_as_rich_draws_them(
        monkeypatch: pytest.MonkeyPatch, width: int) -> None:
    columns = ["id", "due", "when", "to", "what", "empty"]
    rows: list[list[object]] = [
        [f"p{i}", "2026-11-25", f"{i}d overdue", "Ana Abe", "send the figures " * (i % 3), ""]
        for i in range(30)]
    assert (_drawn(monkeypatch, columns, rows, None, False, width)
            == _reference(columns, rows, None, False, width))
    wide_heads = ["identifier of the record", "x", "a much longer heading than its values"]
    rows = [["p1", "", "short"], ["p22", "y", "s"]]
    assert (_drawn(monkeypatch, wide_heads, rows, "t", False, width)
            == _reference(wide_heads, rows, "t", False, width))


@pytest.mark.parametrize("width", [16, 50, 120])
def test_search_matches_are_drawn_as_rich_draws_them(
        monkeypatch: pytest.MonkeyPatch, width: int) -> None:
    snippet = "we moved the kafka consumer off the old kafka cluster last week"
    rows: list[list[object]] = [
        ["n1", "note", "Kafka notes", Marked(snippet, ((13, 18), (40, 45)))],
        ["n2", "note (private)", "[draft]", Marked("[bold]kafka[/bold]", ((6, 11),))],
    ]
    columns = ["id", "kind", "title", "match"]
    assert (_drawn(monkeypatch, columns, rows, None, False, width)
            == _reference(columns, rows, None, False, width))
