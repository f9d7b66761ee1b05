"""Benchmark redaction: 1 MB of realistic text through `luck redact`'s module.

The text is the project's essay and docs (ordinary prose, Markdown, tables, code
blocks) interleaved with record-like lines that carry what redaction must catch: email
addresses, phone numbers, internal hosts and URLs, private IP addresses, customer and
project names, people's names, and now and then a secret (an AWS key, a GitHub token, a
connection string with a password, a JWT, a PEM private key). Seeded, so every run reads
the same bytes. It prints the median wall time (and CPU time: the machines are shared,
so the two differ) of several runs to redact the whole megabyte
with one `Redactor` (the target is at most 1 s, issue 11), the first run apart (it pays
for importing detect-secrets), and what was found.

    .venv/bin/python benchmarks/redact.py [--runs 5] [--megabytes 1] [--names 100]

`--names` adds made-up people's names to the hundred the text mentions (a ten-year
workspace with `names = true` may name thousands).
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from pathlib import Path

from luckos.guard.redact import Redactor, RedactSettings

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
TARGET_SECONDS = 1.0
CUSTOMERS = ["Globex", "Initech", "Umbrella Health", "Stark Freight", "Wayne Retail"]
PROJECTS = ["Bluebird", "Nightjar", "Project Kestrel"]
PEOPLE = [f"{first} {last}" for first in ("Dana", "Priya", "Tomás", "Wen", "Amara", "Jonas",
                                          "Keiko", "Rafael", "Ines", "Oluwaseun")
          for last in ("Lee", "Patel", "García", "Zhang", "Okafor", "Berg", "Sato",
                       "Costa", "Moreau", "Adeyemi")]
PEM = ("-----BEGIN RSA PRIVATE KEY-----\n"
       "MIIEpAIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM2ERKXYZ0123456789abcdefghijkl\n"
       "kX9zVwbQn4s2LmP0qRtUvWxYz1234567890ABCDEFGHIJKLMNOPQRSTUVWXYZab==\n"
       "-----END RSA PRIVATE KEY-----")


def _prose() -> list[str]:
    paragraphs = []
    for path in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        paragraphs += [p for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    essay = Path("/work/shared/seed/essay.md")
    if essay.exists():
        paragraphs += [p for p in essay.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    return paragraphs


def _record_line(rng: random.Random) -> str:
    person = rng.choice(PEOPLE)
    user = person.split()[0].lower()
    customer = rng.choice(CUSTOMERS)
    page = f"{customer.replace(' ', '')}-{rng.randrange(99)}"
    choices = [
        f"- promised {person} the {customer} rollout plan by Friday; mail {user}@example.com",
        f"- call {person} at +1 (415) 555-{rng.randrange(100, 9999):04d} about the "
        f"{rng.choice(PROJECTS)} demo",
        f"- runbook at https://wiki.corp/display/OPS/{page}"
        f" and dashboards on grafana-{rng.randrange(9)}.prod.internal:3000",
        f"- the {customer} incident: replica 10.{rng.randrange(256)}.{rng.randrange(256)}.7 fell "
        "behind; failover took 40 minutes",
        f"- {person} used the {rng.choice(PROJECTS)} one-pager; it saved them a week",
        f"- ticket ABC-{rng.randrange(9999)}: migrate {customer} to the new queue "
        f"(see http://jira:8080/browse/ABC-{rng.randrange(9999)})",
    ]
    return rng.choice(choices)


def _secret(rng: random.Random) -> str:
    token = "".join(rng.choice("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
                    for _ in range(36))
    key_id = "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ234567") for _ in range(16))
    return rng.choice([
        f"export AWS_ACCESS_KEY_ID=AKIA{key_id}",
        f"GITHUB_TOKEN=ghp_{token}",
        f"DATABASE_URL=postgres://orders:{token[:12]}@db1.prod.internal:5432/orders",
        "Authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0."
        "dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
        PEM,
    ])


def _names(count: int) -> list[str]:
    """The text's hundred people, then made-up names up to `count`."""
    rng = random.Random(7)
    names = list(PEOPLE)
    seen = set(names)
    while len(names) < count:
        name = " ".join("".join(rng.choice("aeioulnrstkmdpb") for _ in range(rng.randint(3, 8)))
                        .title() for _ in range(2))
        if name not in seen:
            seen.add(name)
            names.append(name)
    return names


def build_text(megabytes: float, seed: int = 11) -> str:
    rng = random.Random(seed)
    prose = _prose()
    size = int(megabytes * 1_000_000)
    parts: list[str] = []
    total = 0
    while total < size:
        roll = rng.random()
        piece = (_secret(rng) if roll < 0.02 else _record_line(rng) if roll < 0.35
                 else rng.choice(prose))
        parts.append(piece)
        total += len(piece.encode("utf-8")) + 2
    return "\n\n".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--megabytes", type=float, default=1.0)
    parser.add_argument("--names", type=int, default=len(PEOPLE))
    args = parser.parse_args()
    names = _names(args.names)
    text = build_text(args.megabytes)
    settings = RedactSettings(terms=(("customer", tuple(CUSTOMERS)),
                                     ("project", tuple(PROJECTS))))
    times = []
    cpu = []
    result = None
    for _ in range(args.runs + 1):
        started, started_cpu = time.perf_counter(), time.process_time()
        result = Redactor(settings, names).redact(text)
        times.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    assert result is not None
    size = len(text.encode("utf-8"))
    median = statistics.median(times[1:])
    verdict = "ok" if median <= TARGET_SECONDS * args.megabytes else "OVER TARGET"
    print(f"text: {size:,} bytes, {text.count(chr(10)) + 1:,} lines, {len(names):,} names, "
          f"{len(CUSTOMERS) + len(PROJECTS)} terms")
    print(f"first run (imports detect-secrets): {times[0]:.3f} s")
    print(f"redact {args.megabytes:g} MB, median of {args.runs}: {median:.3f} s "
          f"(target <= {TARGET_SECONDS * args.megabytes:.1f} s) {verdict}; "
          f"CPU time {statistics.median(cpu[1:]):.3f} s")
    counts = ", ".join(f"{kind} {n:,}" for kind, n in sorted(result.counts.items()))
    print(f"found: {counts}")


if __name__ == "__main__":
    main()
