"""`luck search`: full text over every kind, with stemming, private notes marked or left
out, and the index kept in step with edits and deletes."""

from __future__ import annotations

import pytest

from tests.conftest import Luck


@pytest.fixture
def luck(luck: Luck) -> Luck:
    luck.ok("theme", "add", "No Friday incidents", "--sentence",
            "we don't do migrations that hurt Fridays")                           # t1
    luck.ok("promise", "add", "Consolidate the auth migration", "--to", "Priya", "--due",
            "fri", "--tag", "latency")                                            # p1
    luck.ok("note", "add", "Migrating the queue took three weekends", "--title",
            "Queue notes")                                                        # n1
    luck.ok("decision", "add", "Adopt canaries", "--indicator", "incidents per week",
            "--review", "+4w")                                                    # d1
    luck.ok("artifact", "add", "Canary runbook", "--kind", "runbook", "--note",
            "written after the Zürich outage")                                    # a1
    luck.ok("note", "add", "The incident pager rota hides a single point of failure",
            "--kind", "earned-secret")                                            # n2
    return luck


def hits(luck: Luck, *words: str) -> list[tuple[str, bool]]:
    return [(h["id"], h["private"]) for h in luck.json("search", *words)]


def test_hits_across_kinds_with_stemming(luck: Luck) -> None:
    # "migrate", "migration", "migrations" and "migrating" share the stem "migrat"
    assert sorted(hits(luck, "migrate")) == [("n1", False), ("p1", False), ("t1", False)]
    assert sorted(hits(luck, "incident")) == [("d1", False), ("n2", True), ("t1", False)]
    assert hits(luck, "latency") == [("p1", False)]  # tags are searched
    assert hits(luck, "Priya") == [("p1", False)]  # so is who it was promised to


def test_each_hit_names_its_record(luck: Luck) -> None:
    (hit,) = luck.json("search", "weekends")
    assert hit == {"id": "n1", "kind": "note", "private": False, "title": "Queue notes",
                   "snippet": "Migrating the queue took three [weekends] Queue notes"}
    (hit,) = luck.json("search", "adopt")
    assert (hit["id"], hit["kind"], hit["title"]) == ("d1", "decision", "Adopt canaries")


def test_private_notes_are_marked_or_left_out(luck: Luck) -> None:
    assert ("n2", True) in hits(luck, "pager")
    assert hits(luck, "pager", "--no-private") == []
    assert sorted(hits(luck, "incident", "--no-private")) == [("d1", False), ("t1", False)]
    rows = [" ".join(line.split()) for line in luck.ok("search", "pager").stdout.splitlines()]
    assert rows[1].startswith("n2 note (private) ")
    # the private mark follows the note when its kind changes
    luck.ok("note", "edit", "n1", "--kind", "earned-secret")
    assert hits(luck, "weekends") == [("n1", True)]
    assert hits(luck, "weekends", "--no-private") == []


def test_unicode_and_query_syntax(luck: Luck) -> None:
    assert hits(luck, "zurich") == [("a1", False)]  # diacritics folded
    assert hits(luck, "ZÜRICH") == [("a1", False)]
    assert sorted(hits(luck, "canar*")) == [("a1", False), ("d1", False)]
    assert sorted(hits(luck, "weekends OR runbook")) == [("a1", False), ("n1", False)]
    # not valid FTS5 syntax: searched as plain words instead of failing
    assert hits(luck, "auth-migration") == [("p1", False)]
    assert hits(luck, '"unbalanced') == []


def test_the_index_follows_edits_and_deletes(luck: Luck) -> None:
    luck.ok("promise", "edit", "p1", "--what", "Consolidate the auth calls")
    assert sorted(hits(luck, "migrate")) == [("n1", False), ("t1", False)]
    assert hits(luck, "calls") == [("p1", False)]
    luck.ok("note", "delete", "n1", "--yes")
    luck.ok("theme", "delete", "t1", "--yes")
    assert hits(luck, "migrate") == []
    assert luck.ok("search", "migrate").stdout.strip() == "(nothing matches 'migrate')"
    luck.ok("promise", "keep", "p1")  # an update of another column re-indexes the same text
    assert hits(luck, "calls") == [("p1", False)]


def test_limit(luck: Luck) -> None:
    assert len(luck.json("search", "incident", "--limit", "2")) == 2
