"""Read the plain TOML that `luck init` writes, without loading tomllib.

Every command reads `luck.toml`; importing tomllib (with the patterns it compiles) and
parsing the file with it is a few milliseconds of a command's start. This reads the
subset the written file uses: comments, `[table]` and `[table.sub]` headers of bare keys,
`key = value` lines of a bare key, and values that are basic strings without escapes,
decimal integers, decimals written with a point, `true` and `false`, arrays of those
(over several lines, with comments between), and inline tables of them on one line.
Anything else (another form of a value, a key or a header, a key or table given twice, a
control character) makes `loads` return None, and the caller reads the file with tomllib,
which reads all of TOML and names what is wrong. Where it answers, the tables are the
ones tomllib gives (a test compares the two).
"""

from __future__ import annotations

from typing import Any

_BARE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")
_DIGITS = frozenset("0123456789")
# what may end a scalar value: whitespace, a comment, the end of a line, an array's or an
# inline table's separator or end
_ENDS = " \t\n#,]}"


class _Other(Exception):
    """The text is not of the subset (it may still be TOML)."""


def loads(text: str) -> dict[str, Any] | None:
    """The tables of `text`, or None when it is not of the subset read here."""
    text = text.replace("\r\n", "\n")
    if any(c in text for c in _CONTROL):
        return None
    try:
        return _Reader(text).document()
    except _Other:
        return None


# the characters TOML allows nowhere but escaped in a string (tab and newline aside)
_CONTROL = tuple(chr(n) for n in (*range(0, 9), *range(11, 32), 127))


class _Reader:
    __slots__ = ("at", "text")

    def __init__(self, text: str) -> None:
        self.text, self.at = text, 0

    def document(self) -> dict[str, Any]:
        root: dict[str, Any] = {}
        table = root
        tables: set[tuple[str, ...]] = {()}  # every table made, by a header or on its way
        headed: set[tuple[str, ...]] = set()
        text = self.text
        while True:
            self.blank(newlines=True)
            if self.at >= len(text):
                return root
            if text[self.at] == "[":
                path = self.header()
                if path in headed:
                    raise _Other
                headed.add(path)
                table = root
                for depth, name in enumerate(path, 1):
                    if name in table:
                        # over a value, or a table made on the way to another and named
                        # later (valid TOML, left to tomllib)
                        if path[:depth] not in tables or depth == len(path):
                            raise _Other
                    else:
                        table[name] = {}
                        tables.add(path[:depth])
                    table = table[name]
            else:
                key = self.key()
                self.blank()
                self.expect("=")
                self.blank()
                if key in table:
                    raise _Other
                table[key] = self.value()
            self.line_end()

    # --- pieces ---------------------------------------------------------------------------

    def blank(self, *, newlines: bool = False) -> None:
        """Spaces and tabs; with `newlines`, empty lines and comment lines too (a line at a
        time, with the string methods: a luck.toml is mostly comments and alignment)."""
        text = self.text
        while True:
            end = text.find("\n", self.at)
            if end < 0:
                end = len(text)
            line = text[self.at:end]
            rest = line.lstrip(" \t")
            self.at += len(line) - len(rest)
            if not newlines or (rest and rest[0] != "#"):
                return
            if end == len(text):
                self.at = end
                return
            self.at = end + 1

    def line_end(self) -> None:
        """Nothing but spaces and a comment to the end of the line."""
        text = self.text
        end = text.find("\n", self.at)
        if end < 0:
            end = len(text)
        rest = text[self.at:end].lstrip(" \t")
        if rest and rest[0] != "#":
            raise _Other
        self.at = end

    def expect(self, c: str) -> None:
        if not self.text.startswith(c, self.at):
            raise _Other
        self.at += len(c)

    def key(self) -> str:
        start, text = self.at, self.text
        while self.at < len(text) and text[self.at] in _BARE:
            self.at += 1
        if self.at == start:
            raise _Other
        return text[start:self.at]

    def header(self) -> tuple[str, ...]:
        self.expect("[")
        if self.text.startswith("[", self.at):
            raise _Other  # an array of tables
        path = []
        while True:
            self.blank()
            path.append(self.key())
            self.blank()
            if self.text.startswith("]", self.at):
                self.at += 1
                return tuple(path)
            self.expect(".")

    def value(self) -> Any:
        text = self.text
        if self.at >= len(text):
            raise _Other
        c = text[self.at]
        if c == '"':
            if text.startswith('"""', self.at):
                raise _Other  # a multi-line string: left to tomllib
            end = text.find('"', self.at + 1)
            if end < 0:
                raise _Other
            found = text[self.at + 1:end]
            if "\\" in found or "\n" in found:
                raise _Other
            self.at = end + 1
            return found
        if c == "[":
            return self.array()
        if c == "{":
            return self.inline_table()
        start = self.at
        while self.at < len(text) and text[self.at] not in _ENDS:
            self.at += 1
        word = text[start:self.at]
        if word == "true":
            return True
        if word == "false":
            return False
        return _number(word)

    def array(self) -> list[Any]:
        self.expect("[")
        found: list[Any] = []
        while True:
            self.blank(newlines=True)
            if self.text.startswith("]", self.at):
                self.at += 1
                return found
            if self.text.startswith(("[", "{"), self.at):
                raise _Other  # nested: left to tomllib
            found.append(self.value())
            self.blank(newlines=True)
            if self.text.startswith(",", self.at):
                self.at += 1
            elif not self.text.startswith("]", self.at):
                raise _Other

    def inline_table(self) -> dict[str, Any]:
        self.expect("{")
        found: dict[str, Any] = {}
        self.blank()
        if self.text.startswith("}", self.at):
            self.at += 1
            return found
        while True:
            self.blank()
            key = self.key()
            self.blank()
            self.expect("=")
            self.blank()
            if key in found or self.text.startswith(("[", "{"), self.at):
                raise _Other
            found[key] = self.value()
            self.blank()
            if self.text.startswith("}", self.at):
                self.at += 1
                return found
            self.expect(",")


def _number(word: str) -> int | float:
    """A decimal integer without leading zeros, or one with a point and digits on both
    sides; anything else (exponents, underscores, signs other than -, inf, nan, other
    bases) is left to tomllib."""
    digits = word[1:] if word.startswith("-") else word
    whole, point, part = digits.partition(".")
    if not whole or not set(whole) <= _DIGITS or (len(whole) > 1 and whole[0] == "0"):
        raise _Other
    if not point:
        return int(word)
    if not part or not set(part) <= _DIGITS:
        raise _Other
    return float(word)
