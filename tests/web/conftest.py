"""A workspace with a few records, and an HTTP client for the dashboard on it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from luckos.web.app import create_app
from luckos.web.security import COOKIE, allowed_hosts
from tests.conftest import TODAY, Luck

TOKEN = "a-test-token-of-some-length"
BASE = "http://127.0.0.1:8765"


@pytest.fixture
def filled(luck: Luck) -> Luck:
    """A workspace with promises (one kept, one overdue, one due), a theme with a metric
    and a reading, an artifact, a signal and a private note."""
    luck.ok("promise", "add", "Ship the canary runbook", "--to", "Priya", "--due", "2026-11-20",
            "--on", "2026-11-01")
    luck.ok("promise", "add", "Send the cost model", "--to", "Grace", "--due", "2026-11-10",
            "--on", "2026-11-01")
    luck.ok("promise", "keep", "p2", "--on", "2026-11-09")
    luck.ok("promise", "add", "Review the rollout plan", "--to", "Lena", "--due", "fri")
    luck.ok("theme", "add", "Fast cold starts", "--sentence", "Checkout starts fast.")
    luck.ok("metric", "add", "p95 cold start", "--theme", "t1", "--slot", "speed",
            "--unit", "ms")
    luck.ok("metric", "read", "t1", "speed", "900", "--month", "2026-10",
            "--narrative", "Before the snapshot.")
    luck.ok("artifact", "add", "Cold-start runbook", "--kind", "runbook", "--on", "2026-11-18")
    luck.ok("signal", "add", "Own the edge-cache migration", "--who", "Ken",
            "--on", "2026-11-17")
    luck.ok("note", "add", "Rae decides in the hallway, not in the meeting",
            "--kind", "earned-secret")
    return luck


def client_for(home: Path, **kwargs: object) -> TestClient:
    app = create_app(home, TOKEN, allowed_hosts("127.0.0.1"), today=TODAY)
    return TestClient(app, base_url=BASE, **kwargs)  # type: ignore[arg-type]


@pytest.fixture
def anonymous(filled: Luck) -> Iterator[TestClient]:
    """A client that has not shown the token yet."""
    with client_for(filled.home) as client:
        yield client


@pytest.fixture
def web(filled: Luck) -> Iterator[TestClient]:
    """A client that opened the printed address, so it holds the token's cookie."""
    with client_for(filled.home) as client:
        first = client.get(f"/?token={TOKEN}", follow_redirects=False)
        assert first.status_code == 303
        assert client.cookies.get(COOKIE) == TOKEN
        yield client


def csrf_of(page: str) -> str:
    import re

    found = re.search(r'name="csrf" value="([^"]+)"', page)
    assert found, "the page carries a CSRF token"
    return found.group(1)


def state(home: Path) -> tuple[str, ...]:
    """The database's content as a reader sees it (the WAL included) and every file
    besides the database's own: what "nothing changed" means while a server holds it open."""
    import hashlib
    import sqlite3

    connection = sqlite3.connect(f"file:{home / 'luck.db'}?mode=ro", uri=True)
    try:
        dump = hashlib.sha256("\n".join(connection.iterdump()).encode()).hexdigest()
    finally:
        connection.close()
    files = sorted(f"{p.relative_to(home)}:{hashlib.sha256(p.read_bytes()).hexdigest()}"
                   for p in home.rglob("*") if p.is_file() and not p.name.startswith("luck.db"))
    return (dump, *files)
