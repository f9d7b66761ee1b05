"""Output for people and for programs: Rich tables on a TTY, plain text when piped,
JSON with `--json`. Rich is imported only when a terminal will see it.

Whatever a user typed is printed as text, never read as Rich markup: every string goes
to Rich inside a `rich.text.Text` or as a table cell already laid out (`_Cell`), and
the console reads no markup in a plain string either, so `[draft]`, `[/v2/orders]` or
`:fire:` show as typed. Emphasis inside a value (a search match) is a `Marked` value
(`luckos.cli.marked`), styled on a terminal and shown in [brackets] when piped.
"""

from __future__ import annotations

import contextlib
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


def _marked() -> Any:
    """The class of a search match (`luckos.cli.marked.Marked`), when a command has built
    one: before its module is loaded no value can be one, and a command that shows none
    does not build the class."""
    module = sys.modules.get("luckos.cli.marked")
    return None if module is None else module.Marked


def _text(value: Any, style: str = "", *, clip: bool = False) -> Any:
    """A `rich.text.Text` of the value, never parsed as markup."""
    Text = _rich().Text
    marked = _marked()
    if marked is not None and isinstance(value, marked):
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
    (the tables have no padding of their own: each cell carries its one space a side),
    in a table Rich's `Table` draws whole: one with a search match, or with a value that
    holds a tab, a newline or a control character (any other is drawn by `_Grid`).

    A value of one line of printable text is measured here from its length, and one
    that fits its column is drawn as one segment; any other (longer than its column, or
    not one line of printable text) and every header go through the Padding and Text.
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
        return _padding()(_text(self.value, clip=self.clip), (0, 1))

    def __rich_measure__(self, console: Any, options: Any) -> Any:
        if self.widths is None:
            return _rich().Measurement.get(console, options, self._padded())
        return _measure(self.widths, options)

    def __rich_console__(self, console: Any, options: Any) -> Any:
        room = options.max_width - 2
        if not self.head and self.widths is not None and 1 <= room >= self.widths[1]:
            return [_rich().Segment(f" {self.value}{' ' * (room - self.widths[1])} ")]
        return [self._padded()]


class _Line:
    """A line of text in one style, drawn as Rich draws `Text(text, style=style)`: when it
    is printable and fits the width, as one segment (padded to the width when the line
    is justified left, as a table's title is), else by Rich; `blank`: after an empty
    line, in the same print."""

    def __init__(self, text: str, style: str, *, pad: bool = False,
                 blank: bool = False) -> None:
        self.text, self.style, self.pad, self.blank = text, style, pad, blank

    def __rich_console__(self, console: Any, options: Any) -> Iterator[Any]:
        text, width, rich = self.text, options.max_width, _rich()
        if self.blank:  # an empty line first
            yield rich.Segment.line()
        if text.isprintable():
            cells = len(text) if text.isascii() else rich.cell_len(text)
            if cells <= width:
                pad = " " * (width - cells) if self.pad else ""
                yield rich.Segment(text + pad, console.get_style(self.style))
                yield rich.Segment.line()
                return
        yield from console.render(_text(text, self.style), options)


def heading(text: str) -> None:
    if on_tty():
        _console().print(_Line(text, "bold", blank=True))
    else:
        click.echo(f"\n{text}")


def line(text: str = "", style: str | None = None) -> None:
    if on_tty() and style:
        _console().print(_Line(text, style))
    else:
        click.echo(text)


def table(columns: Sequence[str], rows: Sequence[Sequence[Any]], *, title: str | None = None,
          empty: str = "nothing to show", clip: bool = False) -> None:
    """Rows under their column names. Piped, every cell is printed whole. On a terminal
    the table is fitted to the width as Rich fits its tables: long cells wrap, or with
    `clip` each row keeps to one line and long cells end in "…" (a list; `show` prints
    the whole record)."""
    if not rows:
        if title:
            heading(title)
        click.echo(f"  ({empty})")
        return
    if on_tty():
        _print_table(columns, rows, title, clip)
        return
    cells = [["" if v is None else str(v) for v in row] for row in rows]
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(columns)]
    # written at once: each `click.echo` flushes, one write to the pipe a line
    lines = [f"\n{title}"] if title else []
    lines.append("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip())
    lines += ["  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip()
              for row in cells]
    click.echo("\n".join(lines))


def _print_table(columns: Sequence[str], rows: Sequence[Sequence[Any]], title: str | None,
                 clip: bool) -> None:
    console = _console()
    texts = _texts(columns, rows)
    if texts is None:  # Rich measures and draws every cell
        if title:
            console.print()  # a blank line between sections, as in piped output
        _print_rich_table(columns, rows, title, clip)
        return
    cells, cell_lens = texts
    widths = [max(lens) + 2 for lens in cell_lens]  # one space a side
    room = console.width
    if min(widths) < 3 or sum(widths) + len(widths) + 1 > room:
        widths = _shared_out(console, columns, cells, cell_lens)
    # no line wider than the console: Rich's cropping would change nothing
    console.print(_Grid(title, columns, cells, cell_lens, widths, clip),
                  crop=sum(widths) + len(widths) + 1 > room)


def _texts(columns: Sequence[str], rows: Sequence[Sequence[Any]]
           ) -> tuple[list[list[str]], list[list[int]]] | None:
    """The values as text, and by column each one's width in terminal cells, the column's
    name first; None when a value is not one line of printable text (a tab, a newline, a
    control character) or is a search match, which Rich measures and draws itself."""
    marked = _marked()
    if marked is not None and any(isinstance(v, marked) for row in rows for v in row):
        return None
    cells = [[v if type(v) is str else "" if v is None else str(v) for v in row]
             for row in rows]
    cell_lens: list[list[int]] = []
    for i, name in enumerate(columns):
        column = [name, *(row[i] for row in cells)]
        every = "".join(column)
        if not every.isprintable():
            return None
        # ASCII: one terminal cell a character
        cell_lens.append(list(map(len if every.isascii() else _rich().cell_len, column)))
    return cells, cell_lens


def _print_rich_table(columns: Sequence[str], rows: Sequence[Sequence[Any]],
                      title: str | None, clip: bool) -> None:
    grid = _rich_table()(title=_text(title, "bold") if title else None,
                         title_justify="left", padding=0)  # each cell carries its own
    for name in columns:
        grid.add_column(_Cell(name, head=True), overflow="fold")
    marked = _marked() or ()
    for row in rows:
        grid.add_row(*(_padding()(_text(v, clip=clip), (0, 1)) if isinstance(v, marked)
                       else _Cell("" if v is None else str(v), clip=clip) for v in row))
    _console().print(grid)


def _shared_out(console: Any, columns: Sequence[str], cells: list[list[str]],
                cell_lens: list[list[int]]) -> list[int]:
    """The columns' widths Rich's `Table` gives a table whose columns do not all fit at
    their widest, worked out as `Table._calculate_column_widths` does for luck's tables
    (a box with edges, no padding of the table's own, columns free to fold) from what
    each column measures: the largest of its cells' smallest widths and the largest of
    their widest, as `_Cell` measures them. `tests/test_terminal_tables.py` holds this to
    the widths Rich's own `Table` gives, for tables of 1 to 60 columns at every width."""
    cell_len = _rich().cell_len
    # by column: (longest word, widest value) in terminal cells, as _Cell measures each
    measures = [(max(max(map(len if value.isascii() else cell_len, value.split()), default=n)
                     for value, n in zip([name, *(row[i] for row in cells)], cell_lens[i],
                                         strict=True)),
                 max(cell_lens[i]))
                for i, name in enumerate(columns)]
    return _column_widths(console.options.max_width, measures)


def _column_widths(room: int, measures: list[tuple[int, int]]) -> list[int]:
    """The widths `Table._calculate_column_widths` gives columns measuring (longest word,
    widest value) in a box `room` cells wide: each column at its widest; when they do
    not fit, the widest shrunk first (`Table._collapse_widths`), then all of them evenly,
    and each then measured again in the width it got. On no room at all Rich draws
    nothing, and each width is 0."""
    count = len(measures)
    if room < 1:
        return [0] * count
    room -= count + 1  # the box's edges and the lines between the columns

    def widest(width: int, measure: tuple[int, int]) -> int:
        # the most a column measures in `width`, after Measurement.get and
        # Table._measure_column have kept it within 0 and the width
        return max(0, min(_measured(measure, width)[1], width)) if width >= 1 else 0

    widths = [widest(room, measure) or 1 for measure in measures]
    if sum(widths) > room:
        total = sum(widths)
        excess = total - room
        while total and excess > 0:  # Table._collapse_widths, every column may fold
            largest = max(widths)
            second = max(width if width != largest else 0 for width in widths)
            difference = largest - second
            if not difference:
                break
            widths = _ratio_reduce(excess, [1 if width == largest else 0 for width in widths],
                                   [min(excess, difference)] * count, widths)
            total = sum(widths)
            excess = total - room
        if sum(widths) > room:  # last resort, reduce columns evenly
            widths = _ratio_reduce(sum(widths) - room, [1] * count, widths, widths)
        widths = [widest(width, measure) for width, measure in zip(widths, measures,
                                                                   strict=True)]
    return widths


def _ratio_reduce(total: int, ratios: list[int], maximums: list[int],
                  values: list[int]) -> list[int]:
    """`rich._ratio.ratio_reduce`, line for line (that module imports `fractions`, and
    with it `decimal`, for a function luck does not use): takes `total` off the values,
    in proportion to the ratios, at most each one's maximum."""
    ratios = [ratio if maximum else 0 for ratio, maximum in zip(ratios, maximums, strict=True)]
    total_ratio = sum(ratios)
    if not total_ratio:
        return values[:]
    total_remaining = total
    result: list[int] = []
    for ratio, maximum, value in zip(ratios, maximums, values, strict=True):
        if ratio and total_ratio > 0:
            distributed = min(maximum, round(ratio * total_remaining / total_ratio))
            result.append(value - distributed)
            total_remaining -= distributed
            total_ratio -= ratio
        else:
            result.append(value)
    return result


def _measured(widths: tuple[int, int], max_width: int) -> tuple[int, int]:
    """What `Padding(Text(value), (0, 1))` measures in `max_width`, from the value's
    (longest word, whole value) widths in terminal cells."""
    if max_width - 2 < 1:
        return max_width, max_width
    shortest, longest = min(widths[0], max_width), min(widths[1], max_width)
    if longest < 1:
        shortest = longest = 0
    return min(shortest + 2, max_width), min(longest + 2, max_width)


def _measure(widths: tuple[int, int], options: Any) -> Any:
    """What `Padding(Text(value), (0, 1))` measures, from the value's (longest word,
    whole value) widths in terminal cells."""
    return _rich().Measurement(*_measured(widths, options.max_width))


class _Grid:
    """A table of values that are each one line of printable text, in columns of the
    widths Rich gives them, drawn as Rich's `Table` draws it (box HEAVY_HEAD, bold
    column names, one space a side of each value; `tests/test_terminal_tables.py` holds
    the two to the same bytes) without a Text and a Padding for each value: each row is
    lines of text, a value that does not fit its column folded (or cut, with `clip`) as
    Rich's `Text.wrap` does it (`_fold`, `_cut`), and the rows go to the console as one
    segment. A row with a line that would not come out as wide as its column is shaped
    and bordered as `Table._render` does it, by Rich's parts; so is a title or a column
    name that does not fit."""

    def __init__(self, title: str | None, columns: Sequence[str], cells: list[list[str]],
                 cell_lens: list[list[int]], widths: list[int], clip: bool) -> None:
        self.title, self.columns, self.cells, self.cell_lens = title, columns, cells, cell_lens
        self.widths, self.clip = widths, clip

    def __rich_console__(self, console: Any, options: Any) -> Iterator[Any]:
        Segment, widths = _rich().Segment, self.widths
        # as Table.__rich_console__ and Table._render do with their defaults and padding=0
        options = options.update(width=sum(widths) + len(widths) + 1, highlight=False,
                                 height=None)
        if self.title:
            yield Segment.line()  # a blank line between sections, as in piped output
            yield from _Line(self.title, "bold", pad=True).__rich_console__(
                console, options.update(justify="left"))
        box = _heavy_head().substitute(options, safe=console.safe_box)
        new_line = Segment.line()
        yield Segment(box.get_top(widths))
        yield new_line
        yield from self._row(console, options, self.columns, [lens[0] for lens in self.cell_lens],
                             (box.head_left, box.head_vertical, box.head_right),
                             console.get_style("table.header"))
        yield Segment(box.get_row(widths, "head", edge=True))
        yield new_line
        last = len(self.cells) - 1
        lines: list[str] = []  # rows drawn as lines of text, yielded as one segment
        for n, row in enumerate(self.cells):
            borders = ((box.foot_left, box.foot_vertical, box.foot_right) if n == last else
                       (box.mid_left, box.mid_vertical, box.mid_right))
            row_lens = [lens[n + 1] for lens in self.cell_lens]
            drawn = self._lines(console, row, row_lens, borders)
            if drawn is not None:
                lines += drawn
                continue
            if lines:
                yield Segment("\n".join(lines) + "\n")
                lines = []
            yield from self._row(console, options, row, row_lens, borders, None)
        lines.append(box.get_bottom(widths))
        yield Segment("\n".join(lines) + "\n")

    def _lines(self, console: Any, values: Sequence[str], lens: list[int],
               borders: tuple[str, str, str]) -> list[str] | None:
        """A row of values as lines of text, each value's lines as wide as its column,
        which is what Rich's segments (all unstyled) come to; None when a value that does
        not fit is not drawn by `_wrapped`."""
        widths = self.widths
        texts = [[f" {value}{' ' * (width - 2 - n)} "] if 1 <= width - 2 >= n else
                 self._wrapped(console, value, width)
                 for value, n, width in zip(values, lens, widths, strict=True)]
        if any(lines is None for lines in texts):
            return None
        every: list[list[str]] = texts  # type: ignore[assignment]
        left, divider, right = borders
        if len(every) == sum(map(len, every)):  # one line each
            return [left + divider.join([lines[0] for lines in every]) + right]
        return [left + divider.join([lines[line_no] if line_no < len(lines) else " " * width
                                     for lines, width in zip(every, widths, strict=True)])
                + right
                for line_no in range(max(len(lines) for lines in every))]

    def _row(self, console: Any, options: Any, values: Sequence[str], lens: list[int],
             borders: tuple[str, str, str], style: Any) -> Iterator[Any]:
        """One row shaped and bordered as `Table._render` does it: the column names in
        the header's `style`, or values (style None) of a row `_lines` does not draw."""
        rich, widths = _rich(), self.widths
        Segment = rich.Segment
        left, divider, right = borders
        fits = [1 <= width - 2 >= n for width, n in zip(widths, lens, strict=True)]
        cells: list[list[list[Any]]] = []
        for value, n, width, fit in zip(values, lens, widths, fits, strict=True):
            if not fit:
                cell_options = options.update(width=width, justify="left", no_wrap=False,
                                              overflow="fold", height=None, highlight=False)
                cells.append(console.render_lines(
                    _padding()(_text(value, clip=self.clip and style is None), (0, 1)),
                    cell_options, style=style))
            elif style is None:
                cells.append([[Segment(f" {value}{' ' * (width - 2 - n)} ")]])
            else:  # what a Padding around a Text in the header's style draws
                cells.append([[Segment(" ", style), Segment(value + " " * (width - 2 - n), style),
                               Segment(" ", style)]])
        # as Table._render shapes a row's cells
        row_height = max(len(lines) for lines in cells)
        height = max(1, row_height)
        align = Segment.align_top if style is None else Segment.align_bottom
        pad = rich.Style.null() if style is None else style
        cells = [Segment.set_shape(align(lines, width, row_height, pad), width, height)
                 for lines, width in zip(cells, widths, strict=True)]
        left_segment, divider_segment, right_segment = (Segment(left), Segment(divider),
                                                        Segment(right))
        for line_no in range(height):
            yield left_segment
            for i, lines in enumerate(cells):
                if i:
                    yield divider_segment
                yield from lines[line_no]
            yield right_segment
            yield Segment.line()

    def _wrapped(self, console: Any, value: str, width: int) -> list[str] | None:
        """The lines of a value that does not fit its column, as the table's
        `Padding(Text(value), (0, 1))` draws them: each line of the text as `_fold` (or
        `_cut`, with `clip`) gives it, with a space a side, which is what the Padding
        draws around a line as wide as the column's room. None when a line is not that
        wide: the Padding and the Text draw it."""
        room = width - 2
        if room < 1:
            return None
        lines = [_cut(value, room)] if self.clip else _fold(value, room)
        cell_len = _rich().cell_len
        if not lines or any(cell_len(line) != room for line in lines):
            return None
        return [f" {line} " for line in lines]


def _fold(value: str, room: int) -> list[str]:
    """The lines `Text(value).wrap(console, room, justify="left", overflow="fold")` gives
    for one line of printable text, as plain strings: broken where Rich's `divide_line`
    says (between words; a word longer than the room folded over lines), each line's
    trailing spaces beyond the room dropped (`Text.rstrip_end`, which counts characters),
    then padded or cut to the room (`Text.truncate` with `pad`)."""
    if value.isascii():  # a terminal cell a character
        cell_len, set_cell_size = len, _cut_ascii
        breaks = _divide_ascii(value, room)
    else:
        from rich._wrap import divide_line  # imported with rich.text already

        cell_len, set_cell_size = _rich().cell_len, _rich().set_cell_size
        breaks = divide_line(value, room, fold=True)
    offsets = [0, *breaks, len(value)]
    lines = []
    for start, end in zip(offsets, offsets[1:], strict=False):
        line = value[start:end]
        if len(line) > room:
            spaces = len(line) - len(line.rstrip())  # what r"\s+$" matches
            if spaces:
                line = line[:-min(spaces, len(line) - room)]
        length = cell_len(line)
        if length > room:
            line = set_cell_size(line, room)
        elif length < room:
            line += " " * (room - length)
        lines.append(line)
    return lines


def _cut_ascii(text: str, room: int) -> str:
    """`rich.cells.set_cell_size` cutting text of one cell a character."""
    return text[:room]


def _divide_ascii(text: str, width: int) -> list[int]:
    """`rich._wrap.divide_line(text, width, fold=True)` for text of one terminal cell a
    character (its `cell_len` is then `len`, its `chop_cells` slices of the width): where
    to break the text into lines at most `width` wide, between words, a word longer than
    the width folded over lines."""
    from rich._wrap import words  # imported with rich.text already

    breaks: list[int] = []
    offset = 0
    for start, _end, word in words(text):
        length = len(word.rstrip())
        if width - offset >= length:
            offset += len(word)
        elif length > width:  # folded, a line of the width at a time
            for piece_start in range(0, len(word), width):
                if start + piece_start:
                    breaks.append(start + piece_start)
            offset = len(word) - (len(word) - 1) // width * width
        elif offset and start:
            breaks.append(start)
            offset = len(word)
    return breaks


def _cut(value: str, room: int) -> str:
    """The line `Text(value, no_wrap=True, overflow="ellipsis")` draws `room` cells wide,
    for one line of printable text that is wider: cut to the room, ending in "…"."""
    return _rich().set_cell_size(value, room - 1) + "…"


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


@contextlib.contextmanager
def _for_good() -> Iterator[None]:
    """Import modules that live as long as the process, as Rich's do: the cyclic garbage
    collector is held while they are imported (Rich's make tens of thousands of objects,
    which it would walk again and again for nothing, and once more at exit), and what
    they made is then set aside for good, as start-up's objects are (see
    `luckos.cli.hold_collector`)."""
    import gc

    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if collecting:
            gc.enable()


@functools.cache
def _rich() -> Any:
    """The parts of Rich a terminal uses, imported on first use: what `rich.console`
    imports anyway. Rich's `Table` and `Padding` only when a table has a value Rich
    draws itself (a search match, a tab, a newline, a control character)."""
    from types import SimpleNamespace

    with _for_good():
        from rich.cells import cell_len, set_cell_size
        from rich.console import Console
        from rich.measure import Measurement
        from rich.segment import Segment
        from rich.style import Style
        from rich.text import Text
    return SimpleNamespace(Console=Console, Measurement=Measurement,
                           Segment=Segment, Style=Style, Text=Text, cell_len=cell_len,
                           set_cell_size=set_cell_size)


@functools.cache
def _rich_table() -> Any:
    """Rich's `Table`, imported when a table needs it."""
    with _for_good():
        from rich.table import Table
    return Table


@functools.cache
def _padding() -> Any:
    """Rich's `Padding`, for a value Rich draws itself (see `_Cell` and `_Grid._row`)."""
    with _for_good():
        from rich.padding import Padding
    return Padding


@functools.cache
def _heavy_head() -> Any:
    """The box of luck's tables (Rich's `Table` default)."""
    with _for_good():
        from rich.box import HEAVY_HEAD
    return HEAVY_HEAD


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
