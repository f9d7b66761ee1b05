"""`luck.toml` as `luck init` writes it is read without tomllib: wherever the subset
reader answers, its tables are tomllib's; where it does not, tomllib reads the file."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from luckos import toml_subset
from luckos.config import load_config
from luckos.errors import LuckError
from luckos.settings import default_toml

DEFAULT = default_toml()


def _same(text: str) -> dict | None:
    """The subset's answer, checked against tomllib's."""
    found = toml_subset.loads(text)
    if found is not None:
        assert found == tomllib.loads(text), text
        assert [*found] == [*tomllib.loads(text)]  # the file's order, as tomllib keeps it
    return found


def test_the_file_luck_init_writes_is_read_by_the_subset() -> None:
    assert _same(DEFAULT) is not None
    assert _same(DEFAULT.replace("\n", "\r\n")) is not None
    assert _same("") == {}


@pytest.mark.parametrize("text", [
    'a = 1\nb = 2.5\nc = -3\nd = "x # not a comment"\ne = true\nf = false\ng = ""\n',
    'a = [1, 2,\n  # between\n  3,]\nb = { on = true, x = "y" }\nc = []\nd = {}\n',
    '[t]\n[t.u]\nk = 1\n[v . w]  # spaced\nk = 2\n',
    'k = "ünïcode ✓"\n[ "quoted" ]\n',
    'k = 1 # c\n\t  # indented comment\nz = 0\n',
])
def test_values_of_the_subset_read_as_tomllib_reads_them(text: str) -> None:
    _same(text)


@pytest.mark.parametrize("text", [
    'a = 1\na = 2\n', '[t]\n[t]\n', 'a = 1\n[a]\n', '[a.b]\n[a]\nk = 1\n', 'a.b = 1\n',
    'a = "x\\ty"\n', "a = 'lit'\n", 'a = """m"""\n', 'a = 1_000\n', 'a = 1e3\n',
    'a = +1\n', 'a = 007\n', 'a = inf\n', 'a = 0x10\n', 'a = 1979-05-27\n', 'a = 1.\n',
    'a = .5\n', 'a = [[1]]\n', 'a = { b = { c = 1 } }\n', 'a = { b = 1, }\n',
    '[[t]]\n', 'a = 1 2\n', 'a = "unclosed\n', 'a = [1\n', 'a =\n', '= 1\n',
    'a = "bell\x07"\n', 'a = 1\rb = 2\n', '"a" = 1\n', 'a = { b = 1 }\n[a.c]\n',
    'a = tru\n', 'a = 1 # c\x01\n', '\ufeffa = 1\n',
])
def test_what_the_subset_does_not_read_is_left_to_tomllib(text: str) -> None:
    assert toml_subset.loads(text) is None


_lines = DEFAULT.split("\n")
_edits = st.one_of(
    st.integers(-10**12, 10**12).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=8).map(lambda s: f'"{s}"'),
    st.sampled_from(["true", "false", "[]", '["a", 1, 2.5]', "{ on = false }", "[\n1,\n]",
                     "'x'", "1_0", "0.", "-0", "-0.0", "01", "[1, [2]]", "{a=1,a=2}", "{}",
                     "x", "", "# just a comment", "= 3", "[thresholds]", "[check.x]",
                     "[[a]]", "a.b = 1", "k = 1", "k = 2", "\t", "\r", "\\", '"', "#"]),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, len(_lines) - 1), st.booleans(), _edits),
                max_size=4))
def test_an_edited_file_is_read_as_tomllib_reads_it_or_left_to_it(edits) -> None:
    lines = list(_lines)
    for at, replace, text in edits:
        if replace and "=" in lines[at]:  # a new value for the key of that line
            key = lines[at].split("=", 1)[0]
            lines[at] = f"{key}= {text}"
        else:
            lines.insert(at, text)
    text = "\n".join(lines)
    try:
        expected = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        assert toml_subset.loads(text) is None
        return
    found = toml_subset.loads(text)
    assert found is None or found == expected


def test_a_file_it_cannot_read_is_read_by_tomllib_or_refused_as_before(tmp_path: Path
                                                                      ) -> None:
    path = tmp_path / "luck.toml"
    path.write_text(DEFAULT.replace("due_soon_days = 7", "due_soon_days = 1_0"),
                    encoding="utf-8")
    assert load_config(path).thresholds.due_soon_days == 10  # tomllib read it
    path.write_text("week_start = 'monday\n", encoding="utf-8")
    with pytest.raises(LuckError, match="not valid TOML"):
        load_config(path)
