"""A table on a terminal is exactly the table Rich draws from a Text in each cell (the
way `luck` drew them before its rows were drawn as lines of text and Rich's Table was
left only to share the width out): the same characters and the same colour codes, for
short and long values, values that wrap or are cut, wide characters, tabs, newlines,
control characters, markup that is text, and search matches; on a terminal without
colours and on one that cannot show the box's characters; and for the weekly review,
the lists and the ledger as a user sees them, at widths from narrow to wide."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

import pytest
from rich.console import Console, NewLine
from rich.table import Table
from rich.text import Text

from luckos.cli import output
from luckos.cli.marked import Marked
from tests.conftest import Luck

VALUES = [
    "p1", "", None, 42, "send the figures", "  spaces around  ", "[bold]not bold[/bold]",
    ":fire: [/v2/orders]", "tab\there", "two\nlines", "bell\x07 and \x1b[31mescape",
    "日本語のテキスト", "naïve café", "e\u0301 combining", "zero\u200bwidth", "nbsp\xa0here",
    "a-very-long-word-that-cannot-be-broken-anywhere-at-all-in-a-narrow-column",
    "a long sentence of many short words that wraps onto the next lines of its cell " * 2,
]


def _reference(columns: list[str], rows: list[list[object]], title: str | None,
               clip: bool, width: int, kind: str = "colour") -> str:
    """The table as Rich draws it with a Text in each cell."""
    console = _console(width, kind)
    _print_reference(console, columns, rows, title, clip)
    return console.file.getvalue()  # type: ignore[attr-defined, no-any-return]


def _print_reference(console: Console, columns: list[str], rows: list[list[object]],
                     title: str | None, clip: bool) -> None:
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


class _AsciiFile(io.StringIO):
    """A terminal whose encoding has no box-drawing characters: Rich draws the box in
    ASCII."""

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return "ascii"


def _console(width: int, kind: str = "colour") -> Console:
    """A terminal `width` columns wide: in colour, without colours (`plain`) or one that
    cannot show the box's characters (`ascii`)."""
    return Console(file=_AsciiFile() if kind == "ascii" else io.StringIO(), width=width,
                   force_terminal=True, color_system=None if kind == "plain" else "truecolor",
                   highlight=False)


def _drawn(monkeypatch: pytest.MonkeyPatch, columns: list[str], rows: list[list[object]],
           title: str | None, clip: bool, width: int, kind: str = "colour") -> str:
    console = _console(width, kind)
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


# every value above that is one line of printable text: drawn by luck's own rows
PRINTABLE = [v for v in VALUES if v is None or str(v).isprintable()]


@pytest.mark.parametrize("kind", ["colour", "plain", "ascii"])
@pytest.mark.parametrize("width", [8, 12, 20, 30, 60, 100, 250])
@pytest.mark.parametrize("clip", [False, True])
def test_one_line_values_are_drawn_as_rich_draws_their_text(
        monkeypatch: pytest.MonkeyPatch, width: int, clip: bool, kind: str) -> None:
    assert "日本語のテキスト" in PRINTABLE and "[bold]not bold[/bold]" in PRINTABLE
    rows: list[list[object]] = [[f"p{i}", value, PRINTABLE[-1 - i]]
                                for i, value in enumerate(PRINTABLE)]
    for columns, title in ((["id", "what [x]", "日本語"], "Some [title]"),
                           (["id", "what", "more"], "a title longer than the table is wide, "
                            "which Rich wraps over the lines it needs"),
                           (["identifier", "タイトル", "m"], "タイトル " * 12),
                           (["id", "  what", "more  "], "  spaces around a title  "),
                           (["id", "what", "more"], None)):
        assert (_drawn(monkeypatch, columns, rows, title, clip, width, kind)
                == _reference(columns, rows, title, clip, width, kind)), (columns, title)
    for rows in ([["p1", "short", ""]], [["p1", "", ""], ["p2", "", ""]],
                 [[f"p{i}", "x" * i, "y" * (40 - i)] for i in range(41)]):
        assert (_drawn(monkeypatch, ["id", "a", "b"], rows, "t", clip, width, kind)
                == _reference(["id", "a", "b"], rows, "t", clip, width, kind))


@pytest.mark.parametrize("width", [10, 40, 120])
def test_headings_and_styled_lines_are_drawn_as_rich_draws_their_text(
        monkeypatch: pytest.MonkeyPatch, width: int) -> None:
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    texts = ["Weekly review, Wed 25 Nov 2026", "Ahead: Thu 26 Nov – Wed 2 Dec", "[bold]x[/b]",
             ":fire:", "日本語のテキスト" * 5, "trailing  ", "  leading", " ", "",
             "tab\there", "two\nlines", "zero\u200bwidth", "a" * 130,
             "a long heading of many short words that wraps onto the next lines " * 2]
    drawn, reference = _console(width), _console(width)
    monkeypatch.setattr(output, "_CONSOLE", drawn)
    for text in texts:
        output.heading(text)
        output.line(text, "dim")
        reference.print()
        reference.print(Text(text, style="bold"))
        reference.print(Text(text, style="dim"))
    assert drawn.file.getvalue() == reference.file.getvalue()  # type: ignore[attr-defined]


# --- the reports as a user sees them ------------------------------------------------------

TODAY = "2026-11-25"
HOSTILE = [("[bold]ship[/bold] the 日本語 figures :fire:", "Ana [x] Nagy"),
           ("naïve café e\u0301 notes, a long what " + "that wraps " * 12, "Zoë"),
           ("a-very-long-word-that-cannot-be-broken-anywhere-at-all-in-a-narrow-column",
            "タイトル")]
REPORTS = [["review"], ["promise", "list", "--limit", "20"], ["ledger"],
           ["window", "upcoming"], ["search", "figures"]]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Luck:
    """The demo workspace, and a few promises with hostile text due around today."""
    root = tmp_path_factory.mktemp("demo")
    made = Luck(None, today=TODAY)("--home", str(root / "real"), "demo",
                                   "--dir", str(root / "demo"))
    assert made.exit_code == 0, made.output
    luck = Luck(root / "demo", today=TODAY)
    for what, to in HOSTILE:
        for due in ("2026-11-20", "2026-11-27"):
            luck.ok("promise", "add", what, "--to", to, "--on", "2026-11-10", "--due", due)
    return luck


def _screen(luck: Luck, monkeypatch: pytest.MonkeyPatch, args: list[str], width: int,
            kind: str) -> str:
    console = _console(width, kind)
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    monkeypatch.setattr(output, "_CONSOLE", console)
    luck.ok(*args)
    return console.file.getvalue()  # type: ignore[attr-defined, no-any-return]


class _ReferenceLine:
    """A heading or styled line as Rich draws its Text, after what `console.print()`
    draws when `blank`."""

    def __init__(self, text: str, style: str, *, pad: bool = False,
                 blank: bool = False) -> None:
        self.text, self.style, self.blank = text, style, blank

    def __rich_console__(self, console: Console, options: Any) -> Iterator[Any]:
        if self.blank:
            yield from console.render(NewLine(), options)
        yield from console.render(Text(self.text, style=self.style), options)


@pytest.mark.parametrize("args", REPORTS, ids=" ".join)
@pytest.mark.parametrize(("width", "kind"), [(40, "colour"), (80, "colour"), (120, "colour"),
                                             (250, "colour"), (80, "plain"), (120, "ascii")])
def test_the_reports_are_drawn_as_rich_draws_them(
        demo: Luck, monkeypatch: pytest.MonkeyPatch, args: list[str], width: int,
        kind: str) -> None:
    drawn = _screen(demo, monkeypatch, args, width, kind)
    assert "┏" in drawn or "+" in drawn
    monkeypatch.setattr(output, "_Line", _ReferenceLine)
    monkeypatch.setattr(output, "_print_table", lambda columns, rows, title, clip:
                        _print_reference(output._console(), list(columns),
                                         [list(row) for row in rows], title, clip))
    assert drawn == _screen(demo, monkeypatch, args, width, kind)
    if args == ["review"]:
        assert HOSTILE[0][0] in drawn.replace("\n", "") or width < 120


@pytest.mark.parametrize("seed", range(4))
def test_random_tables_at_every_width_are_drawn_as_rich_draws_them(
        monkeypatch: pytest.MonkeyPatch, seed: int) -> None:
    """Tables of random words (wide characters, combining marks, runs of spaces, markup
    that is text) from 1 to 60 columns, cut or wrapped, on every kind of terminal."""
    import random

    rng = random.Random(seed)
    alphabet = [*"abc xyz-_/.[]:", "日", "本", "é", "e\u0301", "  ", "—", "…", "ü"]

    def word() -> str:
        return "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))

    for _ in range(100):
        count = rng.randint(1, 5)
        columns = [word() or "c" for _ in range(count)]
        rows: list[list[object]] = [
            [" ".join(word() for _ in range(rng.randint(0, 8))) for _ in range(count)]
            for _ in range(rng.randint(1, 6))]
        title = rng.choice([None, "t", word(), " ".join(word() for _ in range(10))])
        width, clip = rng.randint(1, 60), rng.random() < 0.3
        kind = rng.choice(["colour", "plain", "ascii"])
        assert (_drawn(monkeypatch, columns, rows, title, clip, width, kind)
                == _reference(columns, rows, title, clip, width, kind)), (columns, rows, title,
                                                                          width, clip, kind)


class _StandIn:
    """A cell measuring what a column of values measures, which learns the width Rich's
    Table gives its column when drawn."""

    def __init__(self, measure: tuple[int, int]) -> None:
        self.measure, self.width = measure, 0

    def __rich_measure__(self, console: Console, options: Any) -> Any:
        return output._measure(self.measure, options)

    def __rich_console__(self, console: Console, options: Any) -> Any:
        self.width = options.max_width
        return []


def _rich_widths(measures: list[tuple[int, int]], width: int) -> list[int]:
    """The widths Rich's own Table gives columns measuring (longest word, widest value),
    in a box as luck's tables draw it, on a terminal `width` columns wide."""
    console = _console(width)
    grid = Table(show_header=False, padding=0)
    stand_ins = [_StandIn(measure) for measure in measures]
    for _ in stand_ins:
        grid.add_column(overflow="fold")
    grid.add_row(*stand_ins)
    for _ in console.render(grid, console.options):
        pass
    return [stand_in.width for stand_in in stand_ins]


@pytest.mark.parametrize("seed", range(3))
def test_the_width_is_shared_out_as_rich_shares_it(seed: int) -> None:
    """From 1 to 60 columns, narrow and wide, on terminals from 1 to 300 columns: many
    tables whose columns must all be collapsed, some that fit, some that cannot."""
    import random

    rng = random.Random(seed)
    for _ in range(400):
        count = rng.choice([1, 2, 3, 5, 8, 13, 30, 60, rng.randint(1, 60)])
        measures = []
        for _ in range(count):
            whole = rng.choice([0, 1, 2, 3, rng.randint(0, 20), rng.randint(0, 200)])
            measures.append((rng.randint(0, whole) if whole else 0, whole))
        width = rng.choice([1, 2, 3, count, count + 1, 2 * count + 1, rng.randint(1, 300)])
        assert output._column_widths(width, measures) == _rich_widths(measures, width), (
            measures, width)


@pytest.mark.parametrize("seed", range(3))
def test_values_are_wrapped_and_cut_as_rich_wraps_and_cuts_their_text(seed: int) -> None:
    """One-line printable text (wide characters, combining marks, runs of spaces, words
    longer than the room) in rooms from 1 to 40 cells: the same lines as Rich's Text."""
    import random

    rng = random.Random(seed)
    alphabet = [*"abc xyz-_/.[]:", " ", "   ", "日", "本", "é", "e\u0301", "—", "…", "ü",
                "タ", "\u0301"]
    ascii_only = [piece for piece in alphabet if piece.isascii()]
    console = _console(80)
    for n in range(4000):
        pieces = ascii_only if n % 2 else alphabet  # ASCII text is folded by its own path
        value = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 90)))
        assert value.isprintable()
        room = rng.randint(1, 40)
        folded = [line.plain for line in Text(value).wrap(
            console, room, justify="left", overflow="fold", no_wrap=False)]
        assert output._fold(value, room) == folded, (value, room)
        if output._rich().cell_len(value) > room:
            cut = Text(value, no_wrap=True, overflow="ellipsis").wrap(
                console, room, justify="left", overflow="ellipsis", no_wrap=True)
            assert [output._cut(value, room)] == [line.plain for line in cut], (value, room)


@pytest.mark.parametrize("seed", range(2))
def test_random_tables_of_many_columns_are_drawn_as_rich_draws_them(
        monkeypatch: pytest.MonkeyPatch, seed: int) -> None:
    """Tables of up to 60 columns on narrow and wide terminals, columns collapsed
    until they fit or cannot: the same bytes as Rich's Table."""
    import random

    rng = random.Random(100 + seed)
    alphabet = [*"abcxyz-", " ", "日", "é"]

    def word() -> str:
        return "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 9)))

    for _ in range(25):
        count = rng.randint(1, 60)
        columns = [word() or "c" for _ in range(count)]
        rows: list[list[object]] = [
            [" ".join(word() for _ in range(rng.randint(0, 4))) for _ in range(count)]
            for _ in range(rng.randint(1, 3))]
        width, clip = rng.choice([rng.randint(1, 80), rng.randint(80, 400)]), rng.random() < 0.3
        kind = rng.choice(["colour", "plain", "ascii"])
        assert (_drawn(monkeypatch, columns, rows, "t", clip, width, kind)
                == _reference(columns, rows, "t", clip, width, kind)), (columns, rows,
                                                                        width, clip, kind)


def test_a_review_on_a_terminal_imports_no_table_of_rich(demo: Luck) -> None:
    """Rich's Table (and with it fractions and decimal) and Padding are for the values
    Rich draws itself; a review of one-line values on a terminal, long ones folded, does
    without them."""
    import os
    import subprocess
    import sys

    assert demo.home is not None
    code = ("import sys; from luckos.cli import main\n"
            "try:\n"
            f"    main(['--home', {str(demo.home)!r}, '--today', {TODAY!r}, 'review',"
            " '--no-pager'])\n"
            "except SystemExit:\n"
            "    pass\n"
            "print(sorted(m for m in ('rich.table', 'rich.padding', 'rich._ratio',\n"
            "                         'fractions', 'decimal', 'rich.console')\n"
            "             if m in sys.modules), file=sys.stderr)")
    env = dict(os.environ, TTY_COMPATIBLE="1", COLUMNS="120")
    env.pop("NO_COLOR", None)
    ran = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=env)
    assert ran.returncode == 0, ran.stderr
    assert "┏" in ran.stdout and HOSTILE[1][0][:30] in ran.stdout  # folded over lines
    assert ran.stderr.strip() == "['rich.console']"


class _LineByLine(Console):
    """A console that prints a text of several lines one line at a time, as `luck check`
    printed its report on a terminal before it printed it in one piece."""

    def print(self, *objects: Any, **kwargs: Any) -> None:
        if len(objects) == 1 and isinstance(objects[0], Text):
            for line in objects[0].split("\n"):
                super().print(line, **kwargs)
        else:
            super().print(*objects, **kwargs)


@pytest.mark.parametrize(("width", "kind"), [(30, "colour"), (80, "colour"), (120, "plain"),
                                             (120, "ascii")])
def test_the_check_on_a_terminal_is_drawn_as_its_lines_one_by_one(
        demo: Luck, monkeypatch: pytest.MonkeyPatch, width: int, kind: str) -> None:
    screens = []
    for console_class in (Console, _LineByLine):
        console = console_class(file=_AsciiFile() if kind == "ascii" else io.StringIO(),
                                width=width, force_terminal=True, highlight=False,
                                color_system=None if kind == "plain" else "truecolor")
        monkeypatch.setenv("TTY_COMPATIBLE", "1")
        monkeypatch.setattr(output, "_CONSOLE", console)
        ran = demo("check")
        assert ran.exit_code == 1, ran.stdout  # the hostile promises are overdue
        screens.append(console.file.getvalue())
    assert screens[0] == screens[1]
    assert "✗" in screens[0] and "promise-overdue" in screens[0]
    assert "[bold]ship[/bold]" in screens[0].replace("\n", "")  # printed as typed
