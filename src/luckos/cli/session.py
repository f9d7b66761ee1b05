"""What every command shares: the workspace (opened on first use) and today's date."""

from __future__ import annotations

import datetime as dt
import os
from functools import cached_property
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from pathlib import Path

    from luckos.workspace import Workspace


class Session:
    def __init__(self, home: str | None, today_text: str | None) -> None:
        self._home = home
        self._today_text = today_text
        self._ws: Workspace | None = None

    @cached_property
    def home(self) -> Path:
        from pathlib import Path

        from luckos.workspace import default_home  # the store and luck.toml: on first use

        return Path(self._home).expanduser() if self._home else default_home()

    def _folder(self) -> str | Path:
        """The workspace folder, as text when it was given: opening the workspace needs
        no Path (see `luckos.paths`)."""
        if self._home and "home" not in self.__dict__:
            from luckos import paths

            return paths.normal(os.path.expanduser(self._home))
        return self.home

    @cached_property
    def today(self) -> dt.date:
        real = dt.date.today()
        if not self._today_text:
            return real
        from luckos.dates import parse_date

        return parse_date(self._today_text, real, what="--today")

    @property
    def ws(self) -> Workspace:
        if self._ws is None:
            from luckos.cli import resume_collector
            from luckos.workspace import open_workspace

            self._ws = open_workspace(self._folder())
            resume_collector()  # start-up is over
        return self._ws

    def adopt(self, ws: Workspace) -> None:
        self._ws = ws

    def close(self) -> None:
        if self._ws is not None:
            self._ws.close()
            self._ws = None


def session() -> Session:
    obj = click.get_current_context().find_root().obj
    assert isinstance(obj, Session)
    return obj
