"""The rooms of the package and what each may import (docs/architecture.md).

Read from the source with `ast`: every import a module makes, at the top or inside a
function (those run too), except under `if TYPE_CHECKING:`.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "luckos"

FACES = ("click", "rich", "starlette", "uvicorn")  # the terminal and the web
LIBRARIES = ("calendar", "writing", "estimate", "evidence", "guard", "ai")

# room -> imports it must not make (a module name, or a prefix ending in ".")
FORBIDDEN: dict[str, tuple[str, ...]] = {
    # records and the essay's rules: pure Python, no storage, no faces
    "domain": ("sqlite3", *FACES, "jinja2", "luckos.store", "luckos.app", "luckos.cli",
               "luckos.web", "luckos.demo", "luckos.workspace", "luckos.files",
               *(f"luckos.{name}" for name in LIBRARIES)),
    # all SQL, returning domain objects; knows nothing of the use cases above it
    "store": (*FACES, "jinja2", "luckos.app", "luckos.cli", "luckos.web", "luckos.demo",
              "luckos.workspace"),
    # the engines over files and text: no database, no faces, no use cases
    **{name: ("sqlite3", *FACES, "luckos.store", "luckos.app", "luckos.cli", "luckos.web",
              "luckos.demo", "luckos.workspace") for name in LIBRARIES},
    # the application functions every face calls: no terminal, no HTTP
    "app": (*FACES, "jinja2", "luckos.cli", "luckos.web", "luckos.demo"),
    # the demo's data, written through the application functions
    "demo": (*FACES, "luckos.cli", "luckos.web"),
    # the web face: the application functions, never SQL or the CLI
    "web": ("sqlite3", "click", "rich", "luckos.store", "luckos.cli", "luckos.demo"),
    # the command line: thin; the web face only to serve it
    "cli": ("starlette", "jinja2"),
    # the base every room stands on
    "errors": ("luckos.",),
    # file paths as text, for opening a workspace without pathlib
    "paths": ("luckos.", "pathlib"),
    "dates": ("sqlite3", *FACES, "luckos.config", "luckos.domain", "luckos.store",
              "luckos.app", "luckos.cli", "luckos.web"),
    # what a setting of luck.toml is (its kinds of value): under every room's settings
    "setting": ("sqlite3", *FACES, "luckos.config", "luckos.settings", "luckos.domain",
                "luckos.store", "luckos.app", "luckos.cli", "luckos.web", "luckos.demo",
                "luckos.workspace", *(f"luckos.{name}" for name in LIBRARIES)),
    # the dataclasses of the tables config reads itself ([thresholds], [review]; [lint])
    **{room: ("sqlite3", *FACES, "luckos.config", "luckos.store", "luckos.app", "luckos.cli",
              "luckos.web", "luckos.demo", "luckos.workspace")
       for room in ("config_tables", "config_lint")},
    # the table of every setting: the engines' checks of a value only inside a function
    "settings": ("sqlite3", *FACES, "luckos.config", "luckos.store", "luckos.app",
                 "luckos.cli", "luckos.web", "luckos.demo", "luckos.workspace"),
}

# the few imports that cross a line on purpose, each with its reason
ALLOWED = {
    # `luck serve` starts the web face
    ("luckos.cli.serve", "luckos.web.app"), ("luckos.cli.serve", "luckos.web.security"),
    ("luckos.cli.serve", "uvicorn"),
}


def _module(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _room(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def _imports(path: Path, *, top_only: bool = False) -> Iterator[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = {id(node) for branch in ast.walk(tree) if isinstance(branch, ast.If)
                   and "TYPE_CHECKING" in ast.unparse(branch.test)
                   for node in ast.walk(branch) if node is not branch}
    for node in tree.body if top_only else ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module
            if node.module.startswith("luckos"):  # `from luckos.app import demo`
                yield from (f"{node.module}.{alias.name}" for alias in node.names)


MODULES = {_module(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _refused(name: str, forbidden: tuple[str, ...]) -> bool:
    return any(name == rule or name.startswith(rule if rule.endswith(".") else rule + ".")
               for rule in forbidden)


@pytest.mark.parametrize("room", sorted(FORBIDDEN))
def test_each_room_imports_only_what_it_may(room: str) -> None:
    found = sorted(
        f"{module} imports {name}" for module, path in MODULES.items()
        if _room(module) == room for name in set(_imports(path))
        if _refused(name, FORBIDDEN[room]) and (module, name) not in ALLOWED)
    assert found == []


def test_every_room_is_named_in_the_rules() -> None:
    # a new room (a folder or a top-level module) says what it may import
    rooms = {_room(m) for m in MODULES} - {"luckos", "__main__"}
    ruled = set(FORBIDDEN) | {"config", "files", "workspace"}
    assert rooms <= ruled, sorted(rooms - ruled)


def test_no_two_modules_import_each_other_when_loaded() -> None:
    """No import circle among the modules' top-level imports: each module can be loaded
    on its own, and the order of loading never matters."""
    graph = {m: {n for n in _imports(p, top_only=True) if n in MODULES and n != m}
             for m, p in MODULES.items()}
    state: dict[str, int] = {}  # 1 visiting, 2 done
    circles: list[list[str]] = []

    def visit(module: str, trail: list[str]) -> None:
        state[module] = 1
        for other in sorted(graph[module]):
            if state.get(other) == 1:
                circles.append([*trail[trail.index(other):], module, other]
                               if other in trail else [module, other])
            elif other not in state:
                visit(other, [*trail, module])
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [])
    assert circles == []


def test_the_rules_catch_a_forbidden_import(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("from __future__ import annotations\nfrom typing import TYPE_CHECKING\n"
                      "import sqlite3\n\nif TYPE_CHECKING:\n    import click\n\n"
                      "def f():\n    from luckos.store import db\n    from rich.text import Text\n")
    found = set(_imports(sample))
    assert {"sqlite3", "luckos.store", "luckos.store.db", "rich.text"} <= found
    assert "click" not in found  # only for the type checker
    assert [n for n in found if _refused(n, FORBIDDEN["domain"])] != []
