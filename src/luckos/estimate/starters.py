"""The library of starter models the user copies and edits (`models/*.toml`)."""

from __future__ import annotations

import dataclasses
import re
import tomllib
from importlib import resources

from luckos.errors import LuckError


@dataclasses.dataclass(frozen=True)
class Starter:
    name: str
    title: str
    about: str
    text: str


def _folder():  # type: ignore[no-untyped-def]
    return resources.files("luckos.estimate").joinpath("models")


def starters() -> list[Starter]:
    found = []
    for entry in sorted(_folder().iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".toml"):
            continue
        text = entry.read_text(encoding="utf-8")
        head = tomllib.loads(text).get("model", {})
        found.append(Starter(entry.name[:-5], head.get("title", ""), head.get("about", ""),
                             text))
    return found


def starter(name: str) -> Starter:
    key = name[:-5] if name.endswith(".toml") else name
    if not re.fullmatch(r"[a-z0-9-]+", key):
        raise LuckError(f"no starter model {name!r}")
    for item in starters():
        if item.name == key:
            return item
    known = ", ".join(s.name for s in starters())
    raise LuckError(f"no starter model {name!r} (starters: {known})")


def is_starter(name: str) -> bool:
    key = name[:-5] if name.endswith(".toml") else name
    entry = _folder().joinpath(f"{key}.toml")
    return bool(re.fullmatch(r"[a-z0-9-]+", key)) and entry.is_file()
