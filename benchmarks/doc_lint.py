"""Benchmark: `luck doc lint` on 1,000 documents of about 800 words (target: 3 s).

Writes the documents to a temporary folder (a mix of kinds and styles: briefs,
post-mortems, runbooks, architecture notes, change plans and notes without a kind; with
front matter or none, nested lists, tables and code blocks), then times the installed
`luck doc lint FOLDER` as a subprocess, the median of a few runs, beside the target.

The machines are shared and noisy, so each run also times a baseline in the same
conditions: a bare Python process that reads every file and parses it with markdown-it
(one process, nothing else). The ratio shows what the linter costs over that floor.

    .venv/bin/python benchmarks/doc_lint.py [--docs 1000] [--runs 5]
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET_SECONDS = 3.0
BASELINE = """
import sys
from pathlib import Path
from markdown_it import MarkdownIt
parser = MarkdownIt("commonmark").enable("table")
for path in sorted(Path(sys.argv[1]).glob("*.md")):
    parser.parse(path.read_text(encoding="utf-8"))
"""

SENTENCES = (
    "Cold starts on the checkout service sit at {n}00 ms at p95, and every extra second "
    "costs us about {p}% of sessions.",
    "The platform team owns the deploy pipeline, but nobody owns the cron jobs that rotate "
    "the certificates.",
    "We tried a cache in front of the auth service last year; it cut latency by {p}% and "
    "broke logout for {n} days.",
    "Finance asked for the number twice, so the answer goes first: ${n}0k a quarter.",
    "Incidents cluster late on Fridays, when {n} of our {n}0 releases go out without a "
    "second reviewer.",
    "The migration touches {n} services and one shared database that three teams write to.",
    "Support tickets about timeouts went from {n}0 a week to {n} a week after the canary "
    "stage landed.",
    "A five-minute demo shows the new path end to end, with the old one beside it.",
    "Security wants evidence of every change, so the audit log is part of the design.",
    "On-call engineers lose about {n} hours a week to the same three alerts.",
    "The vendor contract renews on March {n}, which is the real deadline here.",
    "We could improve the flow in various ways, but the team has one quarter.",
    "Dana runs the planning review and decides which bets get staffed.",
    "The dashboard reads from the replica, so numbers lag by up to {n} minutes.",
    "Nobody disagrees with the goal; the fight is over who carries the pager.",
    "If the rollout stalls, the flag goes off and traffic returns to the old path.",
    "Customers on the enterprise plan see the slow path first, because of tenant routing.",
    "The runbook was last tested in {n} and two of its commands no longer exist.",
)
HEADINGS = {
    "brief": ("Problem", "Options", "Recommendation", "Decision asked", "Trade-offs",
              "Objections"),
    "post-mortem": ("Summary", "Impact", "Timeline", "Contributing factors", "Action items"),
    "runbook": ("Purpose", "Owner", "Steps", "Verification", "Rollback", "Escalation"),
    "architecture-note": ("Context", "Decision", "Alternatives considered", "Consequences",
                          "Failure modes", "Owners"),
    "change-plan": ("Announcement", "Safety rails", "Rollback rehearsal", "Dissent",
                    "Mitigations"),
    None: ("Notes", "Background", "Details", "Open questions", "Links"),
}


def _sentence(rng: random.Random) -> str:
    return rng.choice(SENTENCES).format(n=rng.randint(2, 9), p=rng.randint(2, 40))


def _paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(_sentence(rng) for _ in range(sentences))


def document(rng: random.Random, number: int) -> str:
    kind = rng.choice(("brief", "brief", "brief", "post-mortem", "runbook",
                       "architecture-note", "change-plan", None))
    lines = []
    if kind and rng.random() < 0.8:
        lines += ["---", f"kind: {kind}", f"title: Document {number}",
                  f"date: 2026-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}", "---", ""]
    lines += [f"# {(kind or 'notes').replace('-', ' ').capitalize()} {number}", "",
              _paragraph(rng, 3), ""]
    for heading in HEADINGS[kind]:
        lines += [f"## {heading}", "", _paragraph(rng, rng.randint(3, 5)), ""]
        style = rng.random()
        if style < 0.4:
            for letter in "ABC":
                lines += [f"- Option {letter}: {_sentence(rng)}",
                          f"  - Cost: {rng.randint(2, 9)} engineer-weeks",
                          f"  - Risk: {_sentence(rng)}"]
            lines.append("")
        elif style < 0.6:
            lines += ["| action | owner | due |", "|---|---|---|"]
            lines += [f"| {_sentence(rng)[:40]} | @maya | 2026-04-{n:02} |" for n in (3, 9, 17)]
            lines.append("")
        elif style < 0.75:
            lines += [f"{n}. {_sentence(rng)}" for n in range(1, 5)] + [""]
        elif style < 0.85:
            lines += ["```sh", "kubectl rollout undo deploy/checkout", "```", ""]
    return "\n".join(lines) + "\n"


def write_corpus(folder: Path, count: int, seed: int = 7) -> int:
    rng = random.Random(seed)
    words = 0
    for number in range(count):
        text = document(rng, number)
        words += len(text.split())
        (folder / f"doc-{number:04}.md").write_text(text, encoding="utf-8")
    return words // count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    luck = Path(sys.executable).with_name("luck")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "docs"
        folder.mkdir()
        average = write_corpus(folder, args.docs)
        home = Path(tmp) / "home"
        command = [str(luck), "--home", str(home), "doc", "lint", str(folder)]
        baseline = [sys.executable, "-c", BASELINE, str(folder)]
        times, floors = [], []
        for _ in range(args.runs):
            floors.append(_timed(baseline)[0])
            elapsed, done = _timed(command)
            times.append(elapsed)
            if done.returncode not in (0, 1):
                sys.exit(f"luck doc lint failed ({done.returncode}): {done.stderr.strip()}")
        summary = done.stdout.strip().splitlines()[-1]
    median, floor = statistics.median(times), statistics.median(floors)
    verdict = "ok" if median <= TARGET_SECONDS else "OVER TARGET"
    print(f"doc lint: {args.docs} documents of ~{average} words")
    print(f"  luck doc lint runs: {', '.join(f'{t:.2f}' for t in times)} s")
    print(f"  baseline runs:      {', '.join(f'{t:.2f}' for t in floors)} s "
          "(read + markdown-it parse, one process)")
    print(f"  median {median:.2f} s (min {min(times):.2f} s)   target {TARGET_SECONDS:.1f} s   "
          f"{verdict}   ({median / floor:.2f}x the baseline's median {floor:.2f} s)")
    print(f"  last run said: {summary}")


def _timed(command: list[str]) -> tuple[float, subprocess.CompletedProcess[str]]:
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    return time.perf_counter() - start, done


if __name__ == "__main__":
    main()
