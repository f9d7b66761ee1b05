"""A page's JSON twin refuses as `luck ... --json` does: the same error object, with the
HTTP status its kind calls for (404 not found, 422 invalid, 409 conflict)."""

from __future__ import annotations

import json

import pytest
from markupsafe import escape
from starlette.testclient import TestClient

from tests.conftest import Luck
from tests.web.conftest import csrf_of, state

GETS = [  # (path, the CLI's command, status, kind)
    ("/themes/t9.json", ("theme", "show", "t9"), 404, "not-found"),
    ("/list/promise.json?since=someday", ("promise", "list", "--since", "someday"), 422,
     "invalid"),
]


@pytest.mark.parametrize(("path", "command", "status", "kind"), GETS,
                         ids=[g[3] for g in GETS])
def test_a_twin_refuses_with_the_cli_s_error_object(web: TestClient, filled: Luck, path: str,
                                                    command: tuple[str, ...], status: int,
                                                    kind: str) -> None:
    result = filled(*command, "--json")
    assert result.exit_code == 2
    expected = json.loads(result.stdout)
    answer = web.get(path)
    assert answer.status_code == status
    error = answer.json()["error"]
    assert error["kind"] == expected["error"]["kind"] == kind
    # the page names a query parameter as the web does (since), the CLI as --since
    assert error["message"].replace("since", "--since") == expected["error"]["message"]
    page = web.get(path.replace(".json", ""))  # the HTML page: the message, same status
    assert page.status_code == status
    assert escape(error["message"]) in page.text


def test_keeping_a_kept_promise_is_a_conflict_on_both_faces(web: TestClient,
                                                            filled: Luck) -> None:
    result = filled("promise", "keep", "p2", "--json")
    assert result.exit_code == 2
    expected = json.loads(result.stdout)
    assert expected["error"] == {"kind": "conflict", "where": "p2",
                                 "message": "cannot keep p2: it was kept on 2026-11-09"}
    before = state(filled.home)
    csrf = csrf_of(web.get("/ledger").text)
    answer = web.post("/promises/p2/keep?format=json", data={"csrf": csrf})
    assert answer.status_code == 409
    assert answer.json() == expected
    assert state(filled.home) == before


def test_an_unknown_list_is_not_found(web: TestClient) -> None:
    answer = web.get("/list/nothing.json")
    assert answer.status_code == 404
    assert answer.json() == {"error": {"kind": "not-found", "message": "no such list 'nothing'",
                                       "where": "nothing"}}


def test_a_quick_add_refused_as_json_is_the_error_object(web: TestClient, filled: Luck) -> None:
    expected = json.loads(filled("promise", "add", "x", "--to", "Grace", "--due", "someday",
                                 "--json").stdout)
    csrf = csrf_of(web.get("/add").text)
    answer = web.post("/add/promise?format=json",
                      data={"csrf": csrf, "what": "x", "to_whom": "Grace", "due": "someday"})
    assert answer.status_code == 422
    assert answer.json() == expected
