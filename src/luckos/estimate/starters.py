"""The library of starter models the user copies and edits (`models/*.toml`)."""

from __future__ import annotations

import dataclasses
import re
import tomllib
from importlib import resources
from typing import TYPE_CHECKING

from luckos.errors import LuckError

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable


@dataclasses.dataclass(frozen=True)
class Starter:
    """A model that ships with luck, to start an estimate from."""

    name: str
    title: str
    about: str
    text: str


def _folder():  # type: ignore[no-untyped-def]
    return resources.files("luckos.estimate").joinpath("models")


def starters() -> list[Starter]:
    return [_read(entry) for entry in sorted(_folder().iterdir(), key=lambda e: e.name)
            if entry.name.endswith(".toml")]


def _read(entry: Traversable) -> Starter:
    text = entry.read_text(encoding="utf-8")
    head = tomllib.loads(text).get("model", {})
    return Starter(entry.name[:-5], head.get("title", ""), head.get("about", ""), text)


def starter(name: str) -> Starter:
    key = name[:-5] if name.endswith(".toml") else name
    if not re.fullmatch(r"[a-z0-9-]+", key):
        raise LuckError(f"no starter model {name!r}")
    entry = _folder().joinpath(f"{key}.toml")
    if entry.is_file():
        return _read(entry)
    known = ", ".join(s.name for s in starters())
    raise LuckError(f"no starter model {name!r} (starters: {known})")


def is_starter(name: str) -> bool:
    key = name[:-5] if name.endswith(".toml") else name
    entry = _folder().joinpath(f"{key}.toml")
    return bool(re.fullmatch(r"[a-z0-9-]+", key)) and entry.is_file()
