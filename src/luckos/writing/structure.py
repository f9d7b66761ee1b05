"""A document read into its structure: front matter, headings, sections, lists, tables.

The block structure comes from markdown-it-py (CommonMark, with GFM tables); the rules
read words from the source lines, with code spans, comments and link targets masked,
so that every finding points at a real line and column of the file.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Iterator
from functools import cached_property
from typing import Any

from luckos.writing import frontmatter
from luckos.writing.headings import LABEL, Vocabulary, normalize, plain, section_patterns
from luckos.writing.sections import SECTIONS

_PARSER: Any = None


def _parser() -> Any:
    global _PARSER
    if _PARSER is None:
        from markdown_it import MarkdownIt

        parser = MarkdownIt("commonmark", {"html": True}).enable("table")
        # Only the block structure is needed: the rules read words from the source lines.
        parser.disable(["inline", "text_join"])
        _PARSER = parser
    return _PARSER


@dataclasses.dataclass(frozen=True, slots=True)
class Block:
    """A heading, paragraph, list item, table row, code block, HTML block or rule."""

    type: str  # heading | paragraph | item | row | code | html | hr
    line: int  # first line in the file, 1-based
    end: int  # last line, inclusive
    level: int = 0  # heading level, or list depth for items (1 = outermost)
    ordered: bool = False  # an item of an ordered list
    own_end: int = 0  # items: the last line before a nested block starts
    content: str = ""  # headings: the heading text; rows: the cells joined by " | "
    cells: tuple[str, ...] = ()
    header: bool = False  # a table's header row
    table: int = -1  # which table a row belongs to


@dataclasses.dataclass(frozen=True, eq=False)
class Section:
    """A part of a document: under a heading, after a bold label, or in the front matter."""

    title: str
    level: int
    line: int
    start: int  # index of the heading or label block
    stop: int  # index past the last block of the section
    how: str = "heading"  # heading | label | front matter
    value: str = ""  # front matter sections: the value

    @cached_property
    def key(self) -> str:
        """The title as `normalize` makes it, for matching heading words."""
        return normalize(self.title)


# (a substring that must be there, the pattern): the substring test skips most patterns
_MASKS = (
    ("<!--", re.compile(r"<!--.*?(?:-->|$)", re.MULTILINE)),  # HTML comments
    ("`", re.compile(r"(`+)(?:(?!\1).)+?\1")),  # code spans
    ("](", re.compile(r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")),  # link destinations
    (":", re.compile(r"<(?:https?|mailto|ftp):[^>\s]*>")),  # autolinks
    ("://", re.compile(r"\bhttps?://[^\s)>\]]+")),  # bare URLs
)
_MARKERS = re.compile(r"^\s*(?:>\s*)*(?:[-*+]\s+|\d{1,3}[.)]\s+)?(?:\[[ xX]\]\s+)?")
_LONE_PUNCTUATION = re.compile(r"(?<!\S)[^\w\s]+(?!\S)")  # "|", "→", "—": not words
_ALL_MARKERS = re.compile(r"^[ \t]*(?:>[ \t]*)*(?:[-*+][ \t]+|\d{1,3}[.)][ \t]+)?", re.MULTILINE)


_TITLE_LABEL = re.compile(r"^\s*(?:[-*+]\s+)?(?:\*\*)?(?:feature name|title|rfc title)(?:\*\*)?"
                          r"\s*:\s*(?:\*\*)?\s*(?P<value>\S.*)$", re.IGNORECASE)


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group(0))


class Document:
    """One Markdown document: its lines, front matter and block structure."""

    def __init__(self, text: str, *, patterns: Vocabulary | None = None) -> None:
        text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
        self.lines: list[str] = text.split("\n")
        self.front = frontmatter.split(self.lines)
        self.patterns = patterns or section_patterns()
        self.blocks: list[Block] = []
        self.memo: dict[str, Any] = {}  # what the rules work out once and share
        self._prose: set[int] = set()
        if self.front.error is None:
            self._read_blocks()

    # --- reading --------------------------------------------------------------------------

    def _read_blocks(self) -> None:
        offset = self.front.body_start
        body = "\n".join(self.lines[offset:])
        tokens = _parser().parse(body)
        lists: list[bool] = []  # ordered flags of the open lists
        items: list[int] = []  # indexes of the open items
        tables = -1
        excluded: list[tuple[int, int]] = []
        prose = self._prose
        blocks = self.blocks
        i, count = 0, len(tokens)
        while i < count:
            token = tokens[i]
            kind = token.type
            line_map = token.map
            if kind in ("bullet_list_open", "ordered_list_open"):
                lists.append(kind == "ordered_list_open")
            elif kind in ("bullet_list_close", "ordered_list_close"):
                lists.pop()
            elif kind == "list_item_open" and line_map:
                first, last = line_map[0] + offset + 1, line_map[1] + offset
                self._close_items(items, first)
                blocks.append(Block("item", first, last, len(lists), lists[-1], last))
                items.append(len(blocks) - 1)
                prose.update(range(first, last + 1))
            elif kind == "list_item_close":
                items.pop()
            elif line_map is None:
                pass
            elif kind == "heading_open":
                first = line_map[0] + offset + 1
                content = tokens[i + 1].content if i + 1 < count else ""
                blocks.append(Block("heading", first, line_map[1] + offset,
                                    int(token.tag[1]), content=content))
                prose.update(range(first, line_map[1] + offset + 1))
                self._close_items(items, first)
            elif kind == "paragraph_open":
                first, last = line_map[0] + offset + 1, line_map[1] + offset
                if not items:
                    blocks.append(Block("paragraph", first, last))
                    prose.update(range(first, last + 1))
            elif kind == "table_open":
                tables += 1
                self._close_items(items, line_map[0] + offset + 1)
            elif kind == "tr_open":
                first = line_map[0] + offset + 1
                cells = []
                j = i + 1
                while j < count and tokens[j].type != "tr_close":
                    if tokens[j].type == "inline":
                        cells.append(tokens[j].content.strip())
                    j += 1
                header = i > 0 and tokens[i - 1].type == "thead_open"
                blocks.append(Block("row", first, first, content=" | ".join(cells),
                                    cells=tuple(cells), header=header, table=tables))
                prose.add(first)
                i = j
            elif kind in ("fence", "code_block", "html_block"):
                first, last = line_map[0] + offset + 1, line_map[1] + offset
                blocks.append(Block("html" if kind == "html_block" else "code", first, last))
                excluded.append((first, last))
                self._close_items(items, first)
            elif kind == "hr":
                first = line_map[0] + offset + 1
                blocks.append(Block("hr", first, first))
            i += 1
        for first, last in excluded:
            prose.difference_update(range(first, last + 1))

    def _close_items(self, items: list[int], line: int) -> None:
        """A nested block starts at `line`: the open items' own text ends before it."""
        for index in items:
            item = self.blocks[index]
            if line > item.line and item.own_end >= line:
                self.blocks[index] = dataclasses.replace(item, own_end=line - 1)

    # --- lines and text -------------------------------------------------------------------

    def line(self, number: int) -> str:
        return self.lines[number - 1] if 0 < number <= len(self.lines) else ""

    @cached_property
    def masked_text(self) -> str:
        """The whole file with only its prose left: other lines blank, code spans, comments
        and URLs blanked out. Lines and columns are those of the file."""
        prose = self._prose
        text = "\n".join(line if number in prose else ""
                         for number, line in enumerate(self.lines, start=1))
        for hint, pattern in _MASKS:
            if hint in text:
                text = pattern.sub(_blank, text)
        return text

    @cached_property
    def _masked_lines(self) -> list[str]:
        return self.masked_text.split("\n")

    @cached_property
    def _line_starts(self) -> list[int]:
        starts, total = [], 0
        for line in self._masked_lines:
            starts.append(total)
            total += len(line) + 1
        return starts

    def locate(self, offset: int) -> tuple[int, int]:
        """(line, column), both from 1, of an offset into `masked_text`."""
        row = bisect.bisect_right(self._line_starts, offset) - 1
        return row + 1, offset - self._line_starts[row] + 1

    def locate_line(self, number: int) -> int:
        """The offset into `masked_text` where line `number` starts."""
        return self._line_starts[number - 1]

    def prose(self, number: int) -> str:
        """Line `number` as prose: code spans, comments and URLs blanked; '' if not prose."""
        lines = self._masked_lines
        return lines[number - 1] if 0 < number <= len(lines) else ""

    @cached_property
    def prose_lines(self) -> list[int]:
        return sorted(self._prose)

    def text(self, first: int, last: int) -> str:
        """The prose of lines first..last, joined with newlines."""
        return "\n".join(self._masked_lines[first - 1:last])

    def block_text(self, block: Block, *, own: bool = False) -> str:
        return self.text(block.line, block.own_end if own and block.type == "item" else block.end)

    def section_text(self, section: Section) -> str:
        """The prose of a section, its heading or label included."""
        if section.how == "front matter":
            return section.value
        blocks = self.blocks[section.start:section.stop]
        return self.text(section.line, max(b.end for b in blocks)) if blocks else ""

    def section_body(self, section: Section) -> str:
        """The prose of a section without its heading or its bold label."""
        text = self.section_text(section)
        if section.how == "heading":
            return text.split("\n", 1)[1] if "\n" in text else ""
        if section.how == "label":
            match = LABEL.match(text)
            return text[match.end():] if match else text
        return text

    @cached_property
    def prose_blocks(self) -> dict[int, Block]:
        """For each prose line, the innermost paragraph, item, heading or row it belongs to."""
        owner: dict[int, Block] = {}
        for block in self.blocks:
            if block.type in ("paragraph", "heading", "row"):
                for number in range(block.line, block.end + 1):
                    owner[number] = block
            elif block.type == "item":
                for number in range(block.line, block.own_end + 1):
                    owner[number] = block
        return owner

    def words(self) -> Iterator[tuple[int, int]]:
        """(line, number of words) for every prose line with words."""
        for number, text in enumerate(self._masked_lines, start=1):
            if text:
                text = _MARKERS.sub("", text)
                count = len(text.split()) - len(_LONE_PUNCTUATION.findall(text))
                if count:
                    yield number, count

    @cached_property
    def word_count(self) -> int:
        """Words of prose: code, comments, front matter and list markers do not count."""
        text = _ALL_MARKERS.sub("", self.masked_text)
        return len(text.split()) - len(_LONE_PUNCTUATION.findall(text))

    # --- title and sections ---------------------------------------------------------------

    @cached_property
    def title_index(self) -> int | None:
        headings = [i for i, b in enumerate(self.blocks) if b.type == "heading"]
        if not headings:
            return None
        first = headings[0]
        if self.blocks[first].level != 1:
            return None
        ones = sum(1 for i in headings if self.blocks[i].level == 1)
        return first if ones == 1 or first == 0 else None

    @property
    def title(self) -> str | None:
        return self.front.text("title") or self.heading_title or self.label_title

    @cached_property
    def label_title(self) -> str | None:
        """An RFC's title given as its first label: "- Feature Name: `async_export`"."""
        first = next((b for b in self.blocks if b.type in ("paragraph", "item", "heading")),
                     None)
        if first is None or first.type == "heading":
            return None
        match = _TITLE_LABEL.match(self.line(first.line))
        return plain(match.group("value")).strip() or None if match else None

    @property
    def heading_title(self) -> str | None:
        index = self.title_index
        return plain(self.blocks[index].content) if index is not None else None

    @property
    def title_line(self) -> int:
        """Where to report document-wide findings: the title, else the body's first line."""
        index = self.title_index
        if index is not None:
            return self.blocks[index].line
        if self.front.text("title"):
            return 2
        return self.blocks[0].line if self.blocks else min(self.front.body_start + 1,
                                                           len(self.lines))

    @cached_property
    def headed_sections(self) -> list[Section]:
        result = []
        blocks = self.blocks
        for index, block in enumerate(blocks):
            if block.type != "heading" or index == self.title_index:
                continue
            stop = index + 1
            while stop < len(blocks) and not (blocks[stop].type == "heading"
                                              and blocks[stop].level <= block.level):
                stop += 1
            result.append(Section(plain(block.content), block.level, block.line, index, stop))
        return result

    @cached_property
    def labelled_sections(self) -> list[Section]:
        result = []
        blocks = self.blocks
        for index, block in enumerate(blocks):
            if block.type not in ("paragraph", "item"):
                continue
            match = LABEL.match(self.line(block.line))
            if not match:
                continue
            label = (match.group("bold") or match.group("plain") or "").strip().rstrip(":.")
            if not label or len(label.split()) > 6:
                continue
            stop = index + 1
            if block.type == "item":
                while stop < len(blocks) and blocks[stop].line <= block.end:
                    stop += 1
            else:
                while stop < len(blocks) and blocks[stop].type != "heading" and not (
                        blocks[stop].type == "paragraph"
                        and LABEL.match(self.line(blocks[stop].line))):
                    stop += 1
            result.append(Section(plain(label), 9, block.line, index, stop, "label"))
        return result

    def section(self, section_id: str) -> Section | None:
        """The document's part that answers `section_id`, by heading, label or front matter."""
        found = self._found.get(section_id, False)
        if found is not False:
            return found  # type: ignore[return-value]
        names = self.patterns.names
        result = next((s for s in self.headed_sections if names(section_id, s.key)), None)
        if result is None:
            result = next((s for s in self.labelled_sections if names(section_id, s.key)),
                          None)
        if result is None:
            for key in SECTIONS[section_id].front_keys:
                value = self.front.data.get(key)
                if value:
                    text = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
                    result = Section(key, 0, 1, 0, 0, "front matter", text)
                    break
        self._found[section_id] = result
        return result

    @cached_property
    def _found(self) -> dict[str, Section | None]:
        return {}

    def section_blocks(self, section: Section) -> list[Block]:
        return self.blocks[section.start + 1:section.stop] if section.how == "heading" else (
            self.blocks[section.start:section.stop])

    def parts(self, section: Section) -> list[tuple[int, str, Block]]:
        """The parts a section lists: sub-sections, else outermost items, else table rows.

        Each part is (line, text, first block); the text includes nested items, so the
        costs under an option or the owner under an action belong to it.
        """
        blocks = self.section_blocks(section)
        heads = [b for b in blocks if b.type == "heading"]
        if heads:
            top = min(b.level for b in heads)
            starts = [i for i, b in enumerate(blocks) if b.type == "heading" and b.level == top]
            result = []
            for n, start in enumerate(starts):
                stop = starts[n + 1] if n + 1 < len(starts) else len(blocks)
                chunk = blocks[start:stop]
                text = self.text(chunk[0].line, max(b.end for b in chunk))
                result.append((chunk[0].line, text, chunk[0]))
            return result
        items = [b for b in blocks if b.type == "item"]
        if items:
            top = min(b.level for b in items)
            return [(b.line, self.block_text(b), b) for b in items if b.level == top]
        rows = [b for b in blocks if b.type == "row" and not b.header]
        return [(b.line, self.prose(b.line), b) for b in rows]

    def header_of(self, row: Block) -> tuple[str, ...]:
        """The header cells of the table a row belongs to."""
        return next((b.cells for b in self.blocks
                     if b.type == "row" and b.header and b.table == row.table), ())
