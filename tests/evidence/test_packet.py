"""`luck packet` on the demo workspace and on small workspaces built for one point."""

from __future__ import annotations

import json
import re
import shutil
import stat
import sys
from pathlib import Path

import pytest

from luckos.app.records import parse_id
from luckos.domain.records import KINDS
from luckos.workspace import open_workspace
from tests.conftest import Luck

KINDS_OF_PACKET = ("weekly", "skip-level", "review", "promotion", "move")
CANARY = "CANARY-7f3a private thoughts about the reorg"


@pytest.fixture(scope="module")
def demo_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("packet")
    runner = Luck(root / "real")
    runner.ok("demo", "--dir", str(root / "demo"), "--json")
    demo = Luck(root / "demo")
    demo.ok("note", "add", CANARY, "--kind", "earned-secret", "--title", "CANARY title",
            "--on", "2026-11-24")
    return root / "demo"


@pytest.fixture
def demo(demo_home: Path, tmp_path: Path) -> Luck:
    copy = tmp_path / "demo"
    shutil.copytree(demo_home, copy)
    return Luck(copy)


def _record(home: Path, ref: str) -> object:
    by_prefix = sorted(KINDS.values(), key=lambda k: -len(k.prefix))
    kind = next(k for k in by_prefix if ref.startswith(k.prefix) and ref[len(k.prefix):].isdigit())
    ws = open_workspace(home)
    try:
        return ws.store.get(kind.name, parse_id(kind, ref))
    finally:
        ws.close()


@pytest.mark.parametrize("kind", KINDS_OF_PACKET)
def test_every_claim_of_every_packet_resolves_to_a_record(demo: Luck, kind: str) -> None:
    data = demo.json("packet", "--for", kind)
    assert data["kind"] == kind
    claims = [c for s in data["sections"] for c in s["claims"]]
    assert len(claims) >= 5
    for claim in claims:
        assert claim["refs"], claim
        for ref in claim["refs"]:
            if ref == "ledger":
                continue
            assert _record(demo.home, ref) is not None, (ref, claim)
            assert ref in data["records"]


def test_the_short_packets_say_what_landed_and_what_is_next(demo: Luck) -> None:
    weekly = demo.ok("packet", "--for", "weekly").stdout
    assert weekly.startswith("# Weekly update\n\n2026-11-19 to 2026-11-25\n")
    for heading in ("## What landed", "## What is next", "## The themes' numbers",
                    "## Risks and asks"):
        assert heading in weekly
    # the window missing its demo, and an overdue promise as a risk
    assert re.search(r"FY planning: engineering roadmap \(planning\) — \w+ \[w1, a\d+\]",
                     weekly)
    assert "Overdue since" in weekly


def test_the_long_packets_tell_the_year(demo: Luck) -> None:
    text = demo.ok("packet", "--for", "promotion").stdout
    assert text.startswith("# Promotion packet\n\n2025-11-26 to 2026-11-25\n")
    for heading in ("## Themes and their three numbers", "## The credibility ledger",
                    "## Decision windows met", "## Decisions and how they turned out",
                    "## The bench", "## Artifacts, public and internal",
                    "## Glue that unlocked deliverables", "## Wins and shipped work",
                    "## Records cited"):
        assert heading in text, heading
    assert re.search(r"Hit rate \d+% over \d+ promises resolved", text)
    # the git work accepted in the demo, with its commits and the win it became
    assert re.search(r"Lazy-load the payment widgets.*\[n\d+, e\d+\]", text)
    assert "saved us a week" in text
    review = demo.json("packet", "--for", "review")
    assert (review["since"], review["until"]) == ("2026-05-26", "2026-11-25")


@pytest.mark.parametrize("kind", KINDS_OF_PACKET)
def test_a_private_note_never_enters_a_packet(demo: Luck, kind: str, tmp_path: Path) -> None:
    outputs = [demo.ok("packet", "--for", kind).stdout,
               demo.ok("packet", "--for", kind, "--format", "html").stdout,
               demo.ok("packet", "--for", kind, "--redact").stdout,
               demo.ok("packet", "--for", kind, "--json").stdout,
               demo("packet", "--for", kind, "--check").stdout]
    for text in outputs:
        assert "CANARY" not in text


def test_html_links_every_reference_and_draws_the_charts(demo: Luck) -> None:
    html = demo.ok("packet", "--for", "promotion", "--format", "html").stdout
    assert html.startswith("<!DOCTYPE html>")
    links = set(re.findall(r'href="#ref-([a-z]+\d+|ledger)"', html))
    anchors = set(re.findall(r'id="ref-([a-z]+\d+|ledger)"', html))
    assert links and links == anchors
    assert html.count("<svg") >= 4  # the credibility trend and the metrics
    assert "Credibility: hit rate by quarter" in html
    assert "@media print" in html


def test_check_lists_the_claims_without_evidence(demo: Luck) -> None:
    result = demo("packet", "--for", "promotion", "--check")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert re.fullmatch(r"\d+ of \d+ claims have no evidence behind them", lines[-1])
    assert any("a win with no commit, document or artifact behind it" in line
               for line in lines)
    gaps = json.loads(demo("packet", "--for", "promotion", "--check", "--json").stdout)
    assert len(gaps) == len(lines) - 1


def test_check_passes_when_evidence_backs_every_claim(luck: Luck, tmp_path: Path) -> None:
    luck.ok("artifact", "add", "Canary runbook", "--kind", "runbook", "--on", "2026-11-24",
            "--link", "https://wiki/canary")
    luck.ok("promise", "add", "Ship canaries", "--to", "Rae", "--due", "2026-11-24",
            "--made-on", "2026-11-01")
    luck.ok("promise", "keep", "p1", "--on", "2026-11-23")
    assert luck.ok("packet", "--for", "weekly", "--check").stdout.strip() == \
        "every claim of the weekly packet rests on evidence (2 claims)"
    luck.ok("win", "Canaries everywhere", "--on", "2026-11-24")
    assert luck("packet", "--for", "weekly", "--check").exit_code == 1


def test_a_period_with_nothing_in_it(luck: Luck) -> None:
    assert luck.fails("packet", "--for", "weekly") == (
        "luck: error: nothing to put in a weekly packet between 2026-11-19 and 2026-11-25: "
        "no wins, artifacts, promises, windows or theme readings in that period")
    assert "after --until" in luck.fails("packet", "--for", "review", "--since", "2026-12-01")


def test_out_writes_a_private_file_and_keeps_an_existing_one(demo: Luck,
                                                             tmp_path: Path) -> None:
    out = tmp_path / "packet.html"
    result = demo.ok("packet", "--for", "review", "--format", "html", "--out", str(out))
    assert result.stdout == ""
    assert result.stderr.startswith(f"wrote {out} (review packet, 2026-05-26 to 2026-11-25, ")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    out.write_text("mine")
    assert demo.fails("packet", "--for", "review", "--out", str(out)) == \
        f"luck: error: {out} already exists (use --force to replace it)"
    assert out.read_text() == "mine"
    demo.ok("packet", "--for", "review", "--out", str(out), "--force")
    assert out.read_text(encoding="utf-8").startswith("# Review packet")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".packet")] == []


def test_redact_replaces_addresses_with_stable_tokens(luck: Luck) -> None:
    luck.ok("win", "Mailed rae@corp.example the rollout plan", "--on", "2026-11-24")
    luck.ok("artifact", "add", "Plan for rae@corp.example", "--kind", "brief",
            "--on", "2026-11-24", "--link", "https://wiki/plan")
    result = luck.ok("packet", "--for", "weekly", "--redact")
    assert "rae@corp.example" not in result.stdout
    assert result.stdout.count("[EMAIL-1]") >= 2  # one token for one address, everywhere
    assert re.fullmatch(r"redacted \d+: email \d+", result.stderr.strip())


def test_pdf(demo: Luck, tmp_path: Path) -> None:
    pytest.importorskip("weasyprint")
    out = tmp_path / "packet.pdf"
    demo.ok("packet", "--for", "weekly", "--format", "pdf", "--out", str(out))
    assert out.read_bytes().startswith(b"%PDF-")


def test_pdf_without_weasyprint_says_how_to_enable_it(demo: Luck, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # as if it were not installed
    out = tmp_path / "packet.pdf"
    message = demo.fails("packet", "--for", "weekly", "--format", "pdf", "--out", str(out))
    assert "pip install 'luckos[pdf]'" in message
    assert not out.exists()
    assert "give --out PATH" in demo.fails("packet", "--for", "weekly", "--format", "pdf")


@pytest.mark.parametrize("today", ["2026-11-25", "2026-12-20", "2027-06-01", "2026-01-15"])
def test_a_promotion_window_counts_the_claims_and_gaps_the_packet_has(demo: Luck,
                                                                     today: str) -> None:
    """The review reads only what decides each claim's gap (`claim_counts`); the counts
    are those of the packet `luck packet --check` builds from the records whole."""
    import datetime as dt

    from luckos.app.packet import claim_counts, make
    from luckos.errors import LuckError

    demo.ok("evidence", "accept", "e4", "--as", "win", "--theme", "t1")
    demo.ok("bench", "add", "Priya", "--action", "unblocked", "--on", "2026-11-02")
    demo.ok("glue", "add", "Unblocked the release", "--hours", "2", "--unlocks",
            "the canary rollout", "--on", "2026-11-03")
    # one-off windows, counted by the store: met by a linked document, by a brief made
    # before the date, short of a demo made only after it, asking for nothing
    demo.ok("window", "add", "Offsite", "--on", "2026-09-01", "--no-demo", "--doc",
            "docs/offsite.md")
    for name, on, flags, made in (
            ("Headcount", "2026-10-01", ["--no-demo"], [("brief", "2026-09-20")]),
            ("Roadmap", "2026-08-01", [], [("brief", "2026-07-30"), ("demo", "2026-08-05")]),
            ("Council", "2026-07-01", ["--no-brief", "--no-demo"], [])):
        wid = json.loads(demo.ok("window", "add", name, "--on", on, *flags,
                                 "--json").stdout)["id"]
        for kind, day in made:
            demo.ok("artifact", "add", f"{name} {kind}", "--kind", kind, "--on", day,
                    "--window", wid)
    ws = open_workspace(demo.home)
    try:
        day = dt.date.fromisoformat(today)
        try:
            packet = make(ws, "promotion", None, None, day)
            expected = (len(packet.claims), len(packet.gaps))
        except LuckError:
            expected = (0, 0)
        assert claim_counts(ws, "promotion", day) == expected
    finally:
        ws.close()
