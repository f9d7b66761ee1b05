"""`luck ai run`, `status`, `prompts` and `log` against a chat-completions server on
127.0.0.1 (and a real endpoint when LUCK_AI_URL is set): what reaches the model, what
comes back, and every way a call fails."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from tests.ai.conftest import PRIVATE, Endpoint, configure, files_under, plant
from tests.ai.server import MODEL, Answer, ChatServer
from tests.conftest import Luck, assert_refused, workspace_state
from tests.guard import canaries

SECTIONS = {
    "problem": "Checkout p95 cold-start is 1.8 s; drop-off at first render costs $400k a "
               "quarter.",
    "options": "### Option A: do nothing\n\n- Cost: none\n- Risk: drop-off stays\n\n"
               "### Option B: consolidate auth at the edge\n\n- Cost: 6 engineer-weeks\n"
               "- Risk: token format drift\n\n### Option C: rewrite auth\n\n"
               "- Cost: 30 engineer-weeks\n- Risk: a year of migration",
    "recommendation": "Option B: consolidate auth at the edge. It moves p95 within two "
                      "sprints at a fifth of the cost of a rewrite.",
    "decision": "Fund two engineers for Q1 to consolidate auth at the edge? Grace Liu "
                "decides by 2026-12-10.",
    "tradeoffs": "- The mobile apps pin the token format until March.",
    "objections": "- Omar asked about revocation latency → answered: push revocation under "
                  "10 s.",
}


def _sent(server: ChatServer | None) -> str:
    assert server is not None
    return "\n".join(r.text for r in server.chats)


# --- what leaves the machine ------------------------------------------------------------


def test_redacted_terms_secrets_and_private_notes_never_reach_the_model(
        planted: Luck, endpoint: Endpoint) -> None:
    result = planted("ai", "run", "weekly-update", "--theme", "t1", "--show-context",
                     "--json")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    shown = "\n".join(m["content"] for m in report["messages"])
    for text in (shown, _sent(endpoint.server) if endpoint.server else shown):
        for never in canaries.NEVER:
            assert never not in text, never
        assert PRIVATE not in text
        assert "cold-start" in text.lower()  # the records themselves did go
    assert report["redacted"]["customer"] >= 1 and report["redacted"]["secret"] >= 8
    assert report["sent"] is True and report["answer"]
    if endpoint.server is not None:
        # exactly what --show-context printed is what the server received
        assert endpoint.server.chats[0].body["messages"] == report["messages"]


def test_the_configured_model_temperature_and_budget_are_sent(planted: Luck,
                                                              server: ChatServer) -> None:
    configure(planted, server.url, MODEL, temperature=0.7, max_tokens=333)
    planted.ok("ai", "run", "narrative", "--theme", "t1")
    body = server.chats[0].body
    assert body["model"] == MODEL
    assert body["temperature"] == 0.7
    assert body["max_tokens"] == 333
    assert body["messages"][0]["role"] == "system"
    assert "two sentences of narrative" in body["messages"][0]["content"]
    assert "Authorization" not in server.chats[0].headers  # no api_key_env: no key sent


def test_the_key_comes_from_the_named_variable(luck: Luck, server: ChatServer,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    configure(luck, server.url, api_key_env="LUCK_TEST_AI_KEY")
    message = luck.fails("ai", "run", "narrative")
    assert "LUCK_TEST_AI_KEY" in message and "not set" in message
    assert server.chats == []
    monkeypatch.setenv("LUCK_TEST_AI_KEY", "sk-test-123")
    luck.ok("ai", "run", "narrative")
    assert server.chats[0].headers["Authorization"] == "Bearer sk-test-123"


def _private_prompt(luck: Luck) -> None:
    luck.ok("ai", "prompts")
    (luck.home / "prompts" / "notes-digest.md").write_text(
        "---\nname: notes-digest\nversion: 1\ninput: [notes]\noutput: text\n---\n"
        "Summarise these notes in three lines.\n", encoding="utf-8")


def test_private_notes_go_only_with_include_private_to_loopback(luck: Luck,
                                                                server: ChatServer) -> None:
    plant(luck)
    configure(luck, server.url)
    _private_prompt(luck)
    luck.ok("ai", "run", "notes-digest")
    assert PRIVATE not in _sent(server)
    assert "timeline: 09:12 first page" in _sent(server)
    luck.ok("ai", "run", "notes-digest", "--include-private")
    assert PRIVATE in server.chats[-1].text


def test_include_private_is_refused_for_an_endpoint_off_this_machine(
        luck: Luck, server: ChatServer) -> None:
    plant(luck)
    configure(luck, "http://10.255.255.1:9/v1")
    _private_prompt(luck)
    before = workspace_state(luck.home)
    message = luck.fails("ai", "run", "notes-digest", "--include-private")
    assert "--include-private" in message and "10.255.255.1" in message
    assert workspace_state(luck.home) == before


def test_a_dry_run_sends_nothing_and_shows_the_redacted_context(planted: Luck,
                                                                endpoint: Endpoint) -> None:
    result = planted.ok("ai", "run", "brief", "--window", "w1", "--dry-run")
    assert "----- system -----" in result.stdout and "----- user -----" in result.stdout
    assert "[CUSTOMER-1]" in result.stdout and canaries.CUSTOMER not in result.stdout
    assert "dry run, nothing sent" in result.stderr
    # the brief names no notes: this one comes from the full-text index, the private one not
    related = result.stdout.split("## Related records (full-text matches for")[1]
    assert "timeline: 09:12 first page" in related and PRIVATE not in result.stdout
    if endpoint.server is not None:
        assert endpoint.server.chats == []
    assert not (planted.home / "ai-log.jsonl").exists()
    assert files_under(planted.home, "docs") == []


def test_a_dry_run_needs_no_configuration(luck: Luck) -> None:
    plant(luck)
    result = luck.ok("ai", "run", "weekly-update", "--dry-run")
    assert "- p1 promise\n  what: Ship Nightjar cold-start fix" in result.stdout
    assert canaries.SECRETS["github token"][1] not in result.stdout  # secrets: always


def test_the_weekly_update_is_written_from_the_weekly_packet(luck: Luck) -> None:
    plant(luck)
    luck.ok("promise", "keep", "p1")
    shown = luck.ok("ai", "run", "weekly-update", "--dry-run").stdout
    packet = shown.split("## The weekly packet (luck packet --for weekly)")[1]
    assert "## What landed" in packet and "Kept 2026-11-25: Ship Nightjar" in packet
    assert PRIVATE not in shown


def test_nothing_is_sent_when_ai_is_not_configured(luck: Luck) -> None:
    message = luck.fails("ai", "run", "weekly-update")
    assert "no model is configured" in message and "[ai]" in message


# --- answers ------------------------------------------------------------------------------


def test_a_text_answer_is_printed_kept_and_logged(planted: Luck, endpoint: Endpoint) -> None:
    result = planted.ok("ai", "run", "weekly-update", "--theme", "t1")
    kept = files_under(planted.home, "outputs")
    assert len(kept) == 1 and kept[0].name == "2026-11-25-weekly-update.md"
    assert stat.S_IMODE(kept[0].stat().st_mode) == 0o600
    text = kept[0].read_text(encoding="utf-8")
    assert "prompt: weekly-update" in text and "prompt_version: 1" in text
    answer = text.split("---\n", 2)[2].strip()
    assert answer and answer in result.stdout
    if endpoint.server is not None:
        assert answer == "Done: the weekly numbers went out."
    log = planted.json("ai", "log")
    assert len(log) == 1
    entry = log[0]
    assert entry["prompt"] == "weekly-update" and entry["version"] == 1
    assert entry["model"] == endpoint.model and entry["outcome"] == "ok"
    assert entry["context"].startswith("sha256:") and entry["context"] in text
    assert entry["redacted"]["customer"] >= 1
    assert entry["output"] == "outputs/2026-11-25-weekly-update.md"
    if endpoint.server is not None:
        assert entry["tokens"] == {"prompt": 321, "completion": 45}
    assert stat.S_IMODE((planted.home / "ai-log.jsonl").stat().st_mode) == 0o600
    again = planted.ok("ai", "run", "weekly-update", "--theme", "t1")
    assert "2026-11-25-weekly-update-2.md" in again.stderr  # never overwrites the first
    assert kept[0].read_text(encoding="utf-8") == text


def test_names_and_terms_come_back_in_what_is_kept_secrets_stay_tokens(
        luck: Luck, server: ChatServer) -> None:
    plant(luck)
    configure(luck, server.url)
    server.answers.append(Answer("Tell [CUSTOMER-1] about [PROJECT-1]; rotate [SECRET-1]."))
    result = luck.ok("ai", "run", "weekly-update", "--theme", "t1")
    assert "[CUSTOMER-1]" in server.chats[0].text and "[PROJECT-1]" in server.chats[0].text
    assert "Tell Globex about Nightjar; rotate [SECRET-1]." in result.stdout
    kept = files_under(luck.home, "outputs")[0].read_text(encoding="utf-8")
    assert "Tell Globex about Nightjar; rotate [SECRET-1]." in kept


def test_a_structured_reply_is_validated_rendered_linted_and_registered(
        planted: Luck, endpoint: Endpoint) -> None:
    if endpoint.server is not None:
        endpoint.server.answers.append(Answer(json.dumps(SECTIONS)))
    result = planted.ok("ai", "run", "brief", "--window", "w1")
    path = Path(result.stdout.splitlines()[0].removeprefix("created "))
    assert path.parent == planted.home / "docs"
    text = path.read_text(encoding="utf-8")
    front = text.split("---\n")[1]
    assert "kind: brief" in front and "prompt: brief" in front and "prompt_version: 1" in front
    assert f"model: {endpoint.model}" in front and "context: sha256:" in front
    assert "customer:" in front  # the redaction counts
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings[:3] == ["## Problem", "## Rough math", "## Options"]  # the template's
    assert "## Decision asked" in headings and "## Objections received" in headings
    if endpoint.server is not None:
        body = text.split("## Problem", 1)[1].split("## Rough math")[0]
        assert body.strip() == SECTIONS["problem"]
        assert "### Option B: consolidate auth at the edge" in text
        assert "[TODO: name the option" not in text  # the template's options were replaced
    assert "lint:" in result.stdout
    artifacts = planted.json("artifact", "list")
    assert [a["title"] for a in artifacts if a["link"] == f"docs/{path.name}"]
    lint = planted("doc", "lint", str(path), "--json")
    assert json.loads(lint.stdout)  # the draft is a document the linter reads


def test_an_invalid_reply_is_retried_once_with_the_problem(luck: Luck,
                                                           server: ChatServer) -> None:
    plant(luck)
    configure(luck, server.url)
    server.answers += [Answer("Sure! Here is your brief: problem is slow."),
                       Answer("```json\n" + json.dumps(SECTIONS) + "\n```")]
    luck.ok("ai", "run", "brief", "--window", "w1")
    assert len(server.chats) == 2
    retry = server.chats[1].body["messages"]
    assert retry[-2] == {"role": "assistant",
                         "content": "Sure! Here is your brief: problem is slow."}
    assert "not JSON" in retry[-1]["content"]
    outcomes = [e["outcome"] for e in luck.json("ai", "log")]
    assert outcomes[0] == "ok" and outcomes[1].startswith("invalid: the reply is not JSON")
    assert len(files_under(luck.home, "docs")) == 1


def test_an_invalid_reply_twice_writes_nothing(luck: Luck, server: ChatServer) -> None:
    plant(luck)
    configure(luck, server.url)
    missing = {k: v for k, v in SECTIONS.items() if k != "decision"}
    server.answers += [Answer("not json"), Answer(json.dumps(missing))]
    before = luck.json("artifact", "list")
    message = luck.fails("ai", "run", "brief", "--window", "w1")
    assert "after one retry" in message and "no decision" in message
    assert files_under(luck.home, "docs") == []
    assert luck.json("artifact", "list") == before
    assert len(luck.json("ai", "log")) == 2


# --- failures -----------------------------------------------------------------------------


@pytest.mark.parametrize(("answer", "expected"), [
    (Answer(status=401), "refused a request without a key (HTTP 401: error 401): name"),
    (Answer(status=403), "(HTTP 403"),
    (Answer(status=429, headers={"Retry-After": "20"}),
     "rate limiting the calls (HTTP 429: error 429); it asks to wait 20 s"),
    (Answer(status=500), "answered HTTP 500: error 500"),
    (Answer(body=b"<html>gateway</html>"), "answered with something that is not JSON"),
    (Answer(body=b'{"choices": []}'), "did not answer with a chat completion"),
    (Answer(delay=1.5), "within 0.3 s"),
])
def test_each_failure_is_one_line_and_writes_nothing(luck: Luck, server: ChatServer,
                                                     answer: Answer, expected: str) -> None:
    plant(luck)
    configure(luck, server.url, timeout=0.3)
    server.answers.append(answer)
    message = luck.fails("ai", "run", "weekly-update")
    assert expected in message, message
    assert files_under(luck.home, "outputs") == []
    [entry] = luck.json("ai", "log")
    assert entry["outcome"] == f"error: {message.removeprefix('luck: error: ')}"


def test_a_refused_key_names_its_variable(luck: Luck, server: ChatServer,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LUCK_TEST_AI_KEY", "sk-wrong")
    configure(luck, server.url, api_key_env="LUCK_TEST_AI_KEY")
    server.answers.append(Answer(status=401))
    message = luck.fails("ai", "run", "weekly-update")
    assert "127.0.0.1 refused the key in LUCK_TEST_AI_KEY (HTTP 401" in message
    assert "sk-wrong" not in message


def test_no_endpoint_is_one_line(luck: Luck, server: ChatServer) -> None:
    url = server.url
    server.httpd.shutdown()
    server.httpd.server_close()  # nothing listens on the port any more
    configure(luck, url)
    message = luck.fails("ai", "run", "weekly-update")
    assert f"no endpoint answers at {url}" in message
    status = luck.ok("ai", "status")
    assert "answers      no: no endpoint answers" in status.stdout


def test_a_structured_failure_after_the_call_leaves_no_draft(luck: Luck,
                                                             server: ChatServer) -> None:
    plant(luck)
    configure(luck, server.url)
    server.answers.append(Answer(status=429))
    luck.fails("ai", "run", "brief", "--window", "w1")
    assert files_under(luck.home, "docs") == []


# --- status, prompts, settings --------------------------------------------------------


def test_status_says_what_is_configured_and_that_it_answers(luck: Luck,
                                                            server: ChatServer) -> None:
    result = luck.ok("ai", "status")
    assert "no model configured: nothing is sent anywhere" in result.stdout
    configure(luck, server.url)
    shown = luck.ok("ai", "status").stdout
    assert f"{server.url} (this machine)" in shown
    assert f"answers      yes, and it serves {MODEL}" in shown
    data = luck.json("ai", "status")
    assert data["answers"] is True and data["model_listed"] is True
    assert data["temperature"] == 0.3 and data["key"] == "not needed"
    assert server.received[-1].path == "/v1/models"
    assert server.chats == []


def test_status_of_a_model_the_endpoint_does_not_serve(luck: Luck, server: ChatServer) -> None:
    configure(luck, server.url, "another-model")
    shown = luck.ok("ai", "status").stdout
    assert f"does not list another-model (it lists {MODEL})" in shown


def test_prompts_lists_the_starters_and_never_replaces_an_edited_one(luck: Luck) -> None:
    listed = luck.json("ai", "prompts")
    names = {p["name"]: p for p in listed}
    assert set(names) == {"brief", "narrative", "weekly-update", "skip-level",
                          "testimonial-request", "post-mortem-actions", "diagnosis-interview"}
    assert all(p["version"] == 1 and p["copied"] for p in listed)
    assert names["brief"]["output"] == "brief" and names["narrative"]["output"] == "text"
    edited = luck.home / "prompts" / "brief.md"
    text = edited.read_text(encoding="utf-8").replace("version: 1", "version: 3") + "\nMore.\n"
    edited.write_text(text, encoding="utf-8")
    again = {p["name"]: p for p in luck.json("ai", "prompts")}
    assert again["brief"]["version"] == 3 and not again["brief"]["copied"]
    assert edited.read_text(encoding="utf-8") == text
    shown = luck.ok("ai", "prompts").stdout
    assert "brief                v3" in shown


def test_a_broken_prompt_is_listed_with_its_problem(luck: Luck) -> None:
    luck.ok("ai", "prompts")
    (luck.home / "prompts" / "mine.md").write_text(
        "---\nname: mine\nversion: 1\ninput: [salaries]\n---\nGo.\n", encoding="utf-8")
    mine = next(p for p in luck.json("ai", "prompts") if p["name"] == "mine")
    assert "input 'salaries' is not a record a prompt can take" in mine["problem"]
    message = luck.fails("ai", "run", "mine", "--dry-run")
    assert "salaries" in message
    assert "no prompt 'nope'" in luck.fails("ai", "run", "nope", "--dry-run")


@pytest.mark.parametrize(("table", "expected"), [
    ('api_key = "sk-123"', "never put a key in luck.toml"),
    ('base_url = "ftp://x/v1"\nmodel = "m"', "must be an http:// or https:// URL"),
    ('base_url = "http://127.0.0.1:1/v1"', "no model: pin the model name"),
    ("temperature = 3", "[ai] temperature: must be a number between 0 and 2, got 3"),
    ('api_key_env = "sk-abc-123"', "must be the name of an environment variable"),
    ('base_url = "https://me:pw@api.example.com/v1"\nmodel = "m"', "must not hold a user"),
])
def test_bad_ai_settings_are_refused_with_their_name(luck: Luck, table: str,
                                                     expected: str) -> None:
    config = luck.home / "luck.toml"
    config.write_text(config.read_text(encoding="utf-8").split("[ai]")[0] + "[ai]\n"
                      + table + "\n", encoding="utf-8")
    result = luck("ai", "status")
    assert_refused(result)
    assert expected in result.stderr
