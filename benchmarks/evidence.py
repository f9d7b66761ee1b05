"""Evidence in and the packet out, timed end to end as a user runs them.

    .venv/bin/python benchmarks/evidence.py [--commits 10000] [--runs 3] [--data DIR]

1. `luck import git` of a repository with 10,000 commits (target: at most 5 s). The
   repository is generated with `git fast-import` (three authors, twenty top-level
   folders, a pull-request merge every 40 commits, squashed "(#N)" subjects and ticket
   mentions); each run imports it into a fresh workspace.
2. `luck packet --for promotion --format html` on the ten-year workspace of
   `generate.py` (target: at most 1 s), generated first if it is not there.

Prints the median and the fastest of the runs (after one untimed warm-up run).
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from run import DEFAULT_DATA, child_env, ensure_data

LUCK = Path(sys.executable).parent / "luck"
ME = ("Dana Ops", "dana@work.example")
OTHERS = (("Lee Park", "lee@work.example"), ("Sam Ito", "sam@work.example"))
AREAS = tuple(f"area{n:02d}" for n in range(20))


def fast_import_stream(commits: int, start: dt.datetime) -> bytes:
    """A history of `commits` commits, one every two hours from `start`."""
    out: list[bytes] = []
    main = 0
    branch = 0
    for n in range(commits):
        who = ME if n % 3 else OTHERS[n % 2]
        when = int((start + dt.timedelta(hours=2 * n)).timestamp())
        area = AREAS[n % len(AREAS)]
        in_branch = n % 40 in range(30, 39)  # nine commits on a branch, then the merge
        merge_now = n % 40 == 39
        mark = n + 1
        subject = f"Change {n} in {area}"
        if n % 10 == 0:
            subject += f" (#{n // 10 + 1000})"
        if n % 7 == 0:
            subject += f" for OPS-{n % 500}"
        if merge_now:
            subject = f"Merge pull request #{n} from dana/topic-{n}\n\nTopic {n}"
            who = ("GitHub", "noreply@work.example")
        ref = "refs/heads/topic" if in_branch else "refs/heads/main"
        message = subject.encode()
        out.append(f"commit {ref}\nmark :{mark}\n".encode())
        out.append(f"author {who[0]} <{who[1]}> {when} +0000\n".encode())
        out.append(f"committer {who[0]} <{who[1]}> {when} +0000\n".encode())
        out.append(f"data {len(message)}\n".encode() + message + b"\n")
        if in_branch:
            parent = branch if branch else main
            if parent:
                out.append(f"from :{parent}\n".encode())
            branch = mark
        else:
            if main:
                out.append(f"from :{main}\n".encode())
            if merge_now and branch:
                out.append(f"merge :{branch}\n".encode())
                branch = 0
            main = mark
        if not merge_now:
            text = "".join(f"line {i} of change {n}\n" for i in range(n % 9 + 1)).encode()
            name = f"{area}/mod{n % 13}/file{n % 17}.py"
            out.append(f"M 100644 inline {name}\ndata {len(text)}\n".encode() + text + b"\n")
    return b"".join(out)


def make_repository(folder: Path, commits: int) -> Path:
    repo = folder / "big"
    subprocess.run(["git", "init", "-q", "-b", "main", str(repo)], check=True)
    stream = fast_import_stream(commits, dt.datetime(2016, 1, 4, 9, tzinfo=dt.UTC))
    subprocess.run(["git", "fast-import", "--quiet"], cwd=repo, input=stream, check=True)
    return repo


def timed(argv: list[str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, env=child_env())
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed: {done.stderr.decode()}")
    return elapsed


def report(name: str, times: list[float], target: float) -> None:
    median = statistics.median(times)
    verdict = "ok" if median <= target else "OVER"
    print(f"{name:<52} median {median:6.2f} s  fastest {min(times):6.2f} s  "
          f"target <= {target:g} s  {verdict}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--commits", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        started = time.perf_counter()
        repo = make_repository(folder, args.commits)
        print(f"generated {args.commits:,} commits with git fast-import in "
              f"{time.perf_counter() - started:.2f} s", flush=True)
        times = []
        for run in range(args.runs + 1):
            home = folder / f"ws{run}"
            subprocess.run([str(LUCK), "--home", str(home), "init"], check=True,
                           capture_output=True, env=child_env())
            elapsed = timed([str(LUCK), "--home", str(home), "import", "git", str(repo),
                             "--author", ME[1]])
            if run:
                times.append(elapsed)
            shutil.rmtree(home)
        report(f"luck import git ({args.commits:,} commits)", times, 5.0)
    meta = ensure_data(args.data)
    if meta is None:
        print("no ten-year workspace: skipped the packet", file=sys.stderr)
        return 1
    argv = [str(LUCK), "--home", str(args.data), "--today", meta.get("today", "2026-11-25"),
            "packet", "--for", "promotion", "--format", "html"]
    baseline = [str(LUCK), "--home", str(args.data), "--today",
                meta.get("today", "2026-11-25"), "ledger"]
    timed(argv)  # warm-up (and the migration of an older workspace, once)
    packets, ledgers = [], []
    for _ in range(args.runs):  # interleaved, so that both see the same load
        packets.append(timed(argv))
        ledgers.append(timed(baseline))
    report("luck packet --for promotion --format html (10 years)", packets, 1.0)
    report("luck ledger (10 years; for comparison, target 0.06 s)", ledgers, 0.06)
    print(f"packet / ledger: {statistics.median(packets) / statistics.median(ledgers):.1f}x "
          "(the machine's load shows in both)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
