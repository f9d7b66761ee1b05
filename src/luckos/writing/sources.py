"""Finding documents and reading them: files only ever opened for reading.

A file that cannot be used (missing, binary, not UTF-8, too large, not Markdown) becomes a
finding of its own, so that one bad file among thousands is reported and the rest linted.
"""

from __future__ import annotations

import dataclasses
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from luckos.writing.findings import Finding, input_finding

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd", ".mkdn", ".mdwn"})
# Named one by one, these are read as Markdown too: plain text is valid CommonMark.
TEXT_SUFFIXES = MARKDOWN_SUFFIXES | {".txt", ".text", ""}
SKIPPED_FOLDERS = frozenset({"node_modules", "__pycache__"})
STDIN = "-"


@dataclasses.dataclass(frozen=True)
class Source:
    """A document to lint: where it is and how to name it in messages."""

    name: str  # as shown: the path as the user gave it, or joined under the folder given
    path: Path | None  # None for standard input
    problem: Finding | None = None  # set when it cannot be read at all


def discover(arguments: Sequence[str]) -> tuple[list[Source], list[str]]:
    """The documents named by files and folders, in a stable order, each once.

    Returns the sources and notes about folders that held no Markdown files.
    """
    sources: list[Source] = []
    notes: list[str] = []
    seen: set[str] = set()

    def add(source: Source) -> None:
        key = os.path.realpath(source.path) if source.path is not None else STDIN
        if key not in seen:
            seen.add(key)
            sources.append(source)

    for argument in arguments:
        if argument == STDIN:
            add(Source("<stdin>", None))
            continue
        path = Path(argument)
        if path.is_dir():
            found = 0
            for name, file in _walk(argument):
                found += 1
                add(Source(name, file))
            if not found:
                notes.append(f"no Markdown files ({', '.join(sorted(MARKDOWN_SUFFIXES))}) "
                             f"under {argument}")
        elif path.is_file():
            problem = None
            if path.suffix.lower() not in TEXT_SUFFIXES:
                problem = input_finding(
                    "input-not-markdown",
                    f"not a Markdown file ({path.suffix}): luck doc lint reads .md and "
                    ".markdown files (and plain .txt)")
            add(Source(argument, path, problem))
        elif path.exists() or path.is_symlink():
            add(Source(argument, path, input_finding(
                "input-unreadable", "not a regular file or folder (a broken link, a socket?)")))
        else:
            add(Source(argument, path, input_finding("input-unreadable",
                                                     "no such file or folder")))
    return sources, notes


def _walk(top: str) -> Iterator[tuple[str, Path]]:
    for folder, subfolders, files in os.walk(top, onerror=None, followlinks=False):
        subfolders[:] = sorted(d for d in subfolders
                               if not d.startswith(".") and d not in SKIPPED_FOLDERS)
        for name in sorted(files):
            if name.startswith(".") or os.path.splitext(name)[1].lower() not in (
                    MARKDOWN_SUFFIXES):
                continue
            full = os.path.join(folder, name)
            if os.path.isfile(full):
                yield os.path.normpath(full), Path(full)


def read(source: Source, max_bytes: int) -> tuple[str | None, Finding | None]:
    """The document's text, or the finding that says why it cannot be linted."""
    if source.problem is not None:
        return None, source.problem
    try:
        if source.path is None:
            data = sys.stdin.buffer.read(max_bytes + 1)
        else:
            size = source.path.stat().st_size
            if size > max_bytes:
                return None, _too_large(size, max_bytes)
            with open(source.path, "rb") as handle:
                data = handle.read(max_bytes + 1)
    except OSError as exc:
        return None, input_finding("input-unreadable", f"cannot read it: {exc.strerror or exc}")
    if len(data) > max_bytes:
        return None, _too_large(len(data), max_bytes)
    return decode(data)


def _too_large(size: int, limit: int) -> Finding:
    return input_finding(
        "input-too-large", f"{size / 1024:,.0f} KB is larger than the {limit // 1024:,} KB "
                           "limit for one document ([lint] max_file_kb in luck.toml)")


def decode(data: bytes) -> tuple[str | None, Finding | None]:
    """UTF-8 text (a byte-order mark is allowed), or the finding naming the bad byte."""
    if b"\x00" in data[:8192]:
        return None, input_finding("input-binary", "a binary file, not Markdown text "
                                                   "(it holds NUL bytes)")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        byte = data[exc.start]
        return None, input_finding(
            "input-encoding", f"not UTF-8 text: byte 0x{byte:02X} cannot be decoded; save the "
                              "file as UTF-8", line, column)
