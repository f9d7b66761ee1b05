"""Fixtures for `luck ai`: the loopback chat server, a workspace configured for it, and,
when LUCK_AI_URL is set, the same workspace configured for that real endpoint.

    LUCK_AI_URL=http://127.0.0.1:8080/v1 LUCK_AI_MODEL=qwen2.5-7b-instruct \\
        .venv/bin/python -m pytest tests/ai -k real

LUCK_AI_MODEL defaults to the first model the endpoint lists; LUCK_AI_KEY_ENV names the
environment variable holding its key, if it needs one.
"""

from __future__ import annotations

import dataclasses
import json
import os
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.ai.server import MODEL, ChatServer
from tests.conftest import Luck
from tests.guard import canaries

PRIVATE = "Canary earned secret: the reorg lands in March"


@pytest.fixture
def server() -> Iterator[ChatServer]:
    with ChatServer() as chat:
        yield chat


def configure(luck: Luck, base_url: str, model: str = MODEL, **settings: object) -> None:
    """Give the workspace the canaries' [redact] table and an [ai] table."""
    config = luck.home / "luck.toml"
    text = config.read_text(encoding="utf-8").split("[redact]")[0] + canaries.TOML
    lines = ["", "[ai]", f"base_url = {json.dumps(base_url)}", f"model = {json.dumps(model)}"]
    settings.setdefault("temperature", 0.3)
    settings.setdefault("timeout", 10)
    for key, value in settings.items():
        lines.append(f"{key} = {json.dumps(value)}")
    config.write_text(text + "\n".join(lines) + "\n", encoding="utf-8")


def plant(luck: Luck) -> None:
    """Records carrying every canary, and a private note."""
    luck.ok("theme", "add", "Checkout cold-start", "--problem",
            f"p95 cold-start is 1.8 s for {canaries.CUSTOMER}; {canaries.TEXT}",
            "--bet", "consolidate auth calls at the edge")
    luck.ok("window", "add", "FY planning", "--on", "2026-12-10", "--theme", "t1",
            "--note", canaries.TEXT)
    luck.ok("promise", "add", f"Ship {canaries.PROJECT} cold-start fix to "
            f"{canaries.CUSTOMER}", "--to", canaries.PERSON, "--due", "2026-12-01",
            "--theme", "t1", "--note", canaries.TEXT)
    luck.ok("win", f"Closed the {canaries.CUSTOMER} checkout escalation with "
            f"{canaries.PERSON}")
    luck.ok("note", "add", f"{PRIVATE} (checkout cold-start)", "--kind", "earned-secret")
    luck.ok("note", "add", "Checkout cold-start timeline: 09:12 first page, 09:40 mitigated")


@dataclasses.dataclass
class Endpoint:
    name: str
    url: str
    model: str
    settings: dict[str, object]
    server: ChatServer | None  # None: a real endpoint, whose requests cannot be seen


def _real() -> Endpoint | None:
    url = os.environ.get("LUCK_AI_URL", "").rstrip("/")
    if not url:
        return None
    model = os.environ.get("LUCK_AI_MODEL", "")
    settings: dict[str, object] = {"timeout": 300}
    key_env = os.environ.get("LUCK_AI_KEY_ENV", "")
    if key_env:
        settings["api_key_env"] = key_env
    if not model:
        request = urllib.request.Request(url + "/models")
        if key_env:
            request.add_header("Authorization", f"Bearer {os.environ[key_env]}")
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            model = json.loads(response.read())["data"][0]["id"]
    return Endpoint("real", url, model, settings, None)


@pytest.fixture(params=["loopback", "real"])
def endpoint(request: pytest.FixtureRequest, server: ChatServer) -> Endpoint:
    if request.param == "loopback":
        return Endpoint("loopback", server.url, MODEL, {}, server)
    real = _real()
    if real is None:
        pytest.skip("LUCK_AI_URL is not set: no real endpoint to run against")
    return real


@pytest.fixture
def planted(luck: Luck, endpoint: Endpoint) -> Luck:
    plant(luck)
    configure(luck, endpoint.url, endpoint.model, **endpoint.settings)
    return luck


def files_under(home: Path, folder: str) -> list[Path]:
    return sorted((home / folder).glob("*")) if (home / folder).exists() else []
