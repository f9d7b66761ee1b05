"""The packet's claims as pure functions over records, with a fixed clock."""

from __future__ import annotations

import datetime as dt

from luckos.domain import packet as pk
from luckos.domain.evidence import Evidence, pull_request, tickets_in
from luckos.domain.records import Artifact, BenchEntry, Decision, Note, Window

TODAY = dt.date(2026, 11, 25)
D = dt.date.fromisoformat


def test_default_periods() -> None:
    assert pk.default_since("weekly", TODAY) == D("2026-11-19")
    assert pk.default_since("skip-level", TODAY) == D("2026-10-26")
    assert pk.default_since("review", TODAY) == D("2026-05-26")
    assert pk.default_since("promotion", TODAY) == D("2025-11-26")
    assert pk.default_since("move", D("2024-02-29")) == D("2023-03-01")


def test_pull_requests_and_tickets_in_subjects() -> None:
    assert pull_request("Merge pull request #41 from dana/retry") == 41
    assert pull_request("Cache manifests (#57)") == 57
    assert pull_request("Fix #12 in the parser") is None
    patterns = (r"\b[A-Z][A-Z0-9]+-\d+\b", r"(?<![\w&])#\d+\b")
    assert tickets_in("OPS-12 and #7, again OPS-12; not a&#39; or x#3", patterns) == [
        "OPS-12", "#7"]


def test_private_notes_never_become_wins_even_when_handed_in() -> None:
    facts = pk.Facts(wins=[
        Note(id=1, body="shipped canaries", kind="year-in-public", on=D("2026-11-20")),
        Note(id=2, body="SECRET about the reorg", kind="earned-secret", on=D("2026-11-21")),
        Note(id=3, body="journal entry", kind="journal", on=D("2026-11-21"))])
    packet = pk.build("weekly", D("2026-11-19"), TODAY, TODAY, facts)
    assert [c.refs for c in packet.claims] == [("n1",)]


def test_a_win_is_backed_by_the_evidence_that_became_it() -> None:
    wins = [Note(id=1, body="Retries with backoff", kind="year-in-public", on=D("2026-11-20")),
            Note(id=2, body="Typed by hand", kind="year-in-public", on=D("2026-11-21"))]
    evidence = [Evidence(id=5, title="Retries", source="git", status="accepted", note_id=1,
                         until=D("2026-11-20"))]
    packet = pk.build("weekly", D("2026-11-19"), TODAY, TODAY,
                      pk.Facts(wins=wins, evidence=evidence))
    first, second = packet.claims
    assert (first.refs, first.backed) == (("n1", "e5"), True)
    assert (second.refs, second.gap) == (
        ("n2",), "a win with no commit, document or artifact behind it")
    assert packet.gaps == [(packet.sections[0], second)]


def test_long_packet_claims_and_their_gaps() -> None:
    window = Window(id=1, name="FY planning", kind="planning", on=D("2026-06-10"))
    brief = Artifact(id=1, title="The two-pager", kind="brief", on=D("2026-06-01"),
                     window_id=1, link="docs/brief.md")
    late = Artifact(id=2, title="Demo, recorded after", kind="demo", on=D("2026-06-20"),
                    window_id=1)
    facts = pk.Facts(
        windows=[window], window_artifacts=[brief, late], artifacts=[brief, late],
        decisions=[Decision(id=1, title="Canaries first", on=D("2026-03-01"),
                            expected="fewer incidents.", indicators=("pages",),
                            outcome="pages halved")],
        bench=[BenchEntry(id=1, person="Kofi", action="promoted", on=D("2026-08-01"))],
        outcomes=[("kept", False, 1), ("kept", True, 1), ("missed", True, 1)])
    packet = pk.build("promotion", D("2025-11-26"), TODAY, TODAY, facts)
    by_key = {s.key: s.claims for s in packet.sections}
    [met] = by_key["windows"]
    # the demo recorded after the window does not count for it
    assert met.refs == ("w1", "a1") and met.gap == "met without its demo"
    [decision] = by_key["decisions"]
    assert decision.detail == "Expected: fewer incidents. Indicators: pages. Outcome: pages halved."
    assert decision.backed
    [bench] = by_key["bench"]
    assert bench.gap == "no artifact named"
    [ledger] = by_key["ledger"]
    assert ledger.text.startswith("Hit rate 33% over 3 promises resolved (1 kept on time, "
                                  "1 late, 1 missed, 0 dropped")
    assert ledger.refs == (pk.LEDGER_REF,)
    artifacts = {c.refs[0]: c for c in by_key["artifacts"]}
    assert artifacts["a1"].backed and artifacts["a2"].gap == "no link, file or testimonial"
