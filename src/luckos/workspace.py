"""A workspace: a folder holding `luck.db`, `luck.toml` and `docs/`."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

from luckos.config import DEFAULT_TOML, Config, load_config
from luckos.errors import LuckError
from luckos.store import Store

DB_NAME = "luck.db"
CONFIG_NAME = "luck.toml"


@dataclasses.dataclass
class Workspace:
    home: Path
    config: Config
    store: Store

    @property
    def docs(self) -> Path:
        return self.home / "docs"

    def close(self) -> None:
        self.store.close()


def default_home() -> Path:
    """`LUCK_HOME`, or the platform's user data folder for luckos."""
    env = os.environ.get("LUCK_HOME")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_path

    return user_data_path("luckos", appauthor=False)


def init_workspace(home: Path) -> tuple[Workspace, bool]:
    """Create the workspace if needed; returns it and whether it was new."""
    if home.exists() and not home.is_dir():
        raise LuckError(f"{home} exists and is not a folder")
    created = not (home / DB_NAME).exists()
    home.mkdir(parents=True, exist_ok=True)
    (home / "docs").mkdir(exist_ok=True)
    config_path = home / CONFIG_NAME
    if not config_path.exists():
        config_path.write_text(DEFAULT_TOML, encoding="utf-8")
    config = load_config(config_path)
    store = Store.open(home / DB_NAME, create=True)
    return Workspace(home=home, config=config, store=store), created


def open_workspace(home: Path) -> Workspace:
    if not (home / DB_NAME).exists():
        raise LuckError(f"no luckos workspace at {home} (run `luck init`, or set LUCK_HOME)")
    config = load_config(home / CONFIG_NAME)
    store = Store.open(home / DB_NAME)
    return Workspace(home=home, config=config, store=store)
