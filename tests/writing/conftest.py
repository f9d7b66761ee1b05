"""A small workspace with what a first draft needs: a theme with three metrics and two
months of readings, a yearly planning window, promises, a sponsor and a decision."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from luckos.app import records
from luckos.app.themes import read_metric
from luckos.domain.records import KINDS
from luckos.workspace import Workspace, init_workspace
from tests.conftest import made_once_a_day

TODAY = dt.date(2026, 2, 23)


def build_workspace(home: Path) -> Workspace:
    ws, _ = init_workspace(home)

    def add(record_kind: str, **values: object) -> object:
        record, _ = records.add(ws, KINDS[record_kind], values, TODAY)
        return record

    add("theme", label="Faster cold-start",
        sentence="We cut cold-start latency on checkout.",
        problem="Checkout cold starts take 1.8 s at p95; each slow start costs sessions, and "
                "the Friday on-call drill eats a day a month.",
        bet="Consolidate the per-request auth calls into one cached token exchange.",
        milestone="p95 cold start under 900 ms on the checkout service by 2026-04-30.",
        blast_radius="Only the checkout service changes; the auth service keeps its API.",
        started_on=dt.date(2025, 11, 3))
    add("metric", theme_id=1, slot="customer", name="checkout conversion", unit="%")
    add("metric", theme_id=1, slot="reliability", name="Friday incidents", unit="incidents",
        good="down")
    add("metric", theme_id=1, slot="speed", name="p95 cold start", unit="ms", good="down")
    for slot, values in (("customer", (2.0, 2.1)), ("reliability", (4, 3)),
                         ("speed", (2100, 1800))):
        for month, value in zip(("2026-01", "2026-02"), values, strict=True):
            read_metric(ws, "t1", slot, value, month, "What moved. Why it moved.", TODAY)
    add("window", name="FY27 planning", kind="planning", on=dt.date(2026, 3, 16),
        recurrence="yearly", theme_id=1)
    add("window", name="Q2 incident review", kind="post-mortem", on=dt.date(2026, 4, 10))
    add("promise", what="Share the cold-start benchmark", to_whom="Dana Ruiz",
        due=dt.date(2026, 3, 6), theme_id=1)
    add("promise", what="Draft the auth consolidation plan", to_whom="Platform team",
        due=dt.date(2026, 3, 13), theme_id=1)
    add("sponsor", person="Priya Shah", role="VP Engineering", since=dt.date(2025, 6, 1))
    add("decision", title="Fund the auth consolidation in FY27?",
        options=("Consolidate auth calls", "Add a token cache", "Do nothing"),
        choice="Consolidate auth calls", theme_id=1, on=dt.date(2026, 2, 20))
    return ws


@pytest.fixture
def luck_today() -> str:
    """The writing tests' runs take place on the day the workspace was built for."""
    return TODAY.isoformat()


@pytest.fixture(scope="session")
def _built(tmp_path_factory: pytest.TempPathFactory) -> Callable[[], Path]:
    return made_once_a_day(tmp_path_factory, lambda folder: build_workspace(folder).close())


@pytest.fixture
def home(tmp_path: Path, _built: Callable[[], Path], monkeypatch: pytest.MonkeyPatch) -> Path:
    """A built workspace folder, with LUCK_HOME pointing at it."""
    folder = tmp_path / "home"
    shutil.copytree(_built(), folder)
    monkeypatch.setenv("LUCK_HOME", str(folder))
    return folder
