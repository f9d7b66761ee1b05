"""The server's defences, each refusal with its status and nothing changed."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from luckos.web.security import COOKIE
from tests.conftest import Luck
from tests.web.conftest import TOKEN, csrf_of, state


def _status_of(luck: Luck, ref: str) -> str:
    return str(luck.json("promise", "show", ref)["status"])


def test_the_printed_address_sets_an_httponly_strict_cookie_and_drops_the_token(
        anonymous: TestClient) -> None:
    first = anonymous.get(f"/ledger?token={TOKEN}&format=json", follow_redirects=False)
    assert first.status_code == 303
    assert first.headers["location"] == "/ledger?format=json"  # out of the address bar
    cookie = first.headers["set-cookie"].lower()
    assert f"{COOKIE}={TOKEN}".lower() in cookie
    assert "httponly" in cookie and "samesite=strict" in cookie
    assert anonymous.get("/ledger?format=json").status_code == 200


def test_no_token_is_refused_with_401(anonymous: TestClient) -> None:
    for path in ("/", "/ledger.json", "/notes", "/search?q=Rae"):
        answer = anonymous.get(path)
        assert answer.status_code == 401, path
        assert "Rae" not in answer.text


def test_a_wrong_token_is_refused_with_403(anonymous: TestClient) -> None:
    assert anonymous.get("/?token=guess").status_code == 403
    anonymous.cookies.set(COOKIE, "guess")
    assert anonymous.get("/ledger").status_code == 403


def test_a_post_without_the_token_changes_nothing(anonymous: TestClient, filled: Luck) -> None:
    before = state(filled.home)
    answer = anonymous.post("/add/promise", data={"what": "x", "to_whom": "y", "due": "fri"})
    assert answer.status_code == 401
    assert state(filled.home) == before


def test_a_foreign_host_header_is_refused_even_with_the_token(web: TestClient,
                                                              filled: Luck) -> None:
    # DNS rebinding: evil.example resolving to 127.0.0.1 sends its own name as Host
    page = web.get("/ledger")
    before = state(filled.home)
    for host in ("evil.example", "evil.example:8765", "127.0.0.1.evil.example"):
        assert web.get("/ledger", headers={"host": host}).status_code == 400, host
        answer = web.post("/promises/p1/keep", data={"csrf": csrf_of(page.text)},
                          headers={"host": host})
        assert answer.status_code == 400
    assert state(filled.home) == before
    assert web.get("/ledger", headers={"host": "localhost:8765"}).status_code == 200


def test_a_post_without_or_with_a_wrong_csrf_token_is_refused(web: TestClient,
                                                               filled: Luck) -> None:
    before = state(filled.home)
    assert web.post("/promises/p1/keep").status_code == 403
    assert web.post("/promises/p1/keep", data={"csrf": "forged"}).status_code == 403
    assert web.post("/promises/p1/keep", headers={"x-csrf-token": "forged"}).status_code == 403
    assert web.post("/add/promise", data={"what": "x", "to_whom": "y", "due": "fri"}
                    ).status_code == 403
    assert web.post("/promises/p1/renegotiate", data={"due": "+2w"}).status_code == 403
    assert web.post("/promises/p1/renegotiate", data={"due": "+2w", "csrf": "forged"}
                    ).status_code == 403
    assert state(filled.home) == before
    assert _status_of(filled, "p1") == "open"
    # and with the page's token it goes through
    token = csrf_of(web.get("/ledger").text)
    assert web.post("/promises/p1/keep", data={"csrf": token}).status_code == 200
    assert _status_of(filled, "p1") == "kept"


@pytest.mark.parametrize("path", ["../luck.db", "..%2Fluck.db", "%2E%2E/%2E%2E/etc/passwd",
                                  "../../../../etc/hostname", "/etc/hostname",
                                  "..%2F..%2Fluck.toml"])
def test_documents_outside_the_workspace_are_not_served(web: TestClient, filled: Luck,
                                                        path: str) -> None:
    (filled.home / "docs").mkdir(exist_ok=True)
    (filled.home / "docs" / "brief.md").write_text("# A brief\n\nText.\n")
    before = state(filled.home)
    answer = web.get(f"/documents/{path}")
    assert answer.status_code == 404, (path, answer.status_code)
    assert "SQLite" not in answer.text and "root:" not in answer.text
    assert state(filled.home) == before
    assert web.get("/documents/brief.md").status_code == 200


def test_every_answer_carries_a_policy_allowing_only_the_app_s_own_files(
        web: TestClient, anonymous: TestClient) -> None:
    for answer in (web.get("/"), web.get("/ledger.json"), anonymous.get("/")):
        policy = answer.headers["content-security-policy"]
        assert "default-src 'none'" in policy
        assert "script-src 'self'" in policy and "style-src 'self'" in policy
        assert "unsafe-inline" not in policy and "http" not in policy


def test_a_non_loopback_bind_refuses_to_start_without_allow_remote(luck: Luck) -> None:
    for host in ("0.0.0.0", "192.168.1.20", "::"):
        error = luck.fails("serve", "--host", host)
        assert "--allow-remote" in error and host in error
