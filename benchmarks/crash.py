"""Kill `luck` while it writes, and run many writers at once: is anything acknowledged lost?

    .venv/bin/python benchmarks/crash.py [--kills 1000] [--slots 3] [--writers 10]
                                         [--captures 10] [--seed 7]

Kills: real `luck promise add` processes are started (`--slots` at a time) and each is
sent SIGKILL at a random moment between its start and a little past the time a capture
takes whole (measured first, `--slots` at a time), until `--kills` of them were killed
while still running. A write is acknowledged when its process printed its success line
("added p12: ...", unbuffered) before it died or exited. Afterwards the database must
pass `PRAGMA integrity_check`, hold every acknowledged capture exactly once, hold no
capture twice, and take a new one.

Writers: `--writers` processes start together and each adds `--captures` promises, one
`luck promise add` after another; every one must be there afterwards.

The suite runs the same functions with smaller numbers (tests/test_crash.py). Always
exits 0 unless a check fails: it prints figures.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import random
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

LUCK = Path(sys.executable).with_name("luck")
TODAY = "2026-11-25"
_SECONDS = 120  # no single command may take longer: a guard against a hang, not a measure


def _env(home: Path) -> dict[str, str]:
    env = dict(os.environ, LUCK_HOME=str(home), PYTHONUNBUFFERED="1")
    env.pop("NO_COLOR", None)
    return env


def _capture(home: Path, what: str) -> list[str]:
    return [str(LUCK), "--today", TODAY, "promise", "add", what, "--to", "crash",
            "--due", "fri"]


def init(home: Path) -> None:
    subprocess.run([str(LUCK), "init"], env=_env(home), check=True, capture_output=True,
                   timeout=_SECONDS)


@dataclasses.dataclass
class KillFigures:
    attempts: int = 0  # processes started
    killed: int = 0  # still running when SIGKILL came
    killed_after_ack: int = 0  # killed after printing their success line
    completed: int = 0  # exited on their own before the kill
    acknowledged: int = 0  # printed their success line (killed or not)
    present: int = 0  # captures found afterwards
    lost: list[str] = dataclasses.field(default_factory=list)  # acknowledged, not found
    duplicates: list[str] = dataclasses.field(default_factory=list)
    failed: list[str] = dataclasses.field(default_factory=list)  # exit != 0 without a kill
    integrity: str = ""
    written_after: bool = False  # a new capture after all the kills worked
    capture_seconds: float = 0.0  # median wall time of one whole capture here


def capture_seconds(home: Path, slots: int, rounds: int = 2) -> float:
    """The median wall time of one whole `luck promise add` on this machine now, with
    `slots` of them running at once (as they will be killed)."""
    times = []
    env = _env(home)
    for n in range(rounds):
        began = time.perf_counter()
        processes = [subprocess.Popen(_capture(home, f"warm-up {n}-{s}"), env=env,
                                      stdout=subprocess.DEVNULL) for s in range(slots)]
        for process in processes:
            process.wait(timeout=_SECONDS)
            times.append(time.perf_counter() - began)
    return statistics.median(times)


def kill_writes(home: Path, kills: int, *, slots: int = 3, seed: int = 7) -> KillFigures:
    """Start captures `slots` at a time and SIGKILL each at a random moment, until
    `kills` were killed while running; then check what the database holds."""
    figures = KillFigures()
    figures.capture_seconds = capture_seconds(home, slots)
    longest = figures.capture_seconds * 1.2
    acknowledged: list[str] = []
    lock = threading.Lock()
    env = _env(home)

    def slot(number: int) -> None:
        rng = random.Random(seed * 1000 + number)
        n = 0
        while True:
            with lock:
                if figures.killed >= kills:
                    return
                figures.attempts += 1
            n += 1
            what = f"kill {number}-{n}"
            process = subprocess.Popen(_capture(home, what), env=env,
                                       stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                       text=True)
            time.sleep(rng.uniform(0, longest))
            if process.poll() is None:
                process.send_signal(signal.SIGKILL)
            out, err = process.communicate(timeout=_SECONDS)
            # "added p12: WHAT, due Fri 2026-11-27"
            acked = out.startswith("added p") and f": {what}, due " in out
            with lock:
                if process.returncode == -signal.SIGKILL:
                    figures.killed += 1
                    figures.killed_after_ack += acked
                elif process.returncode == 0:
                    figures.completed += 1
                else:
                    figures.failed.append(f"{what}: exit {process.returncode}: {err.strip()}")
                if acked:
                    acknowledged.append(what)

    threads = [threading.Thread(target=slot, args=(number,)) for number in range(slots)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    figures.acknowledged = len(acknowledged)
    figures.integrity = integrity(home / "luck.db")
    whats = promise_whats(home)
    found = [w for w in whats if w.startswith("kill ")]
    figures.present = len(found)
    figures.lost = sorted(set(acknowledged) - set(found))
    figures.duplicates = sorted({w for w in found if found.count(w) > 1})
    after = subprocess.run(_capture(home, "after the kills"), env=env, capture_output=True,
                           text=True, timeout=_SECONDS)
    figures.written_after = (after.returncode == 0
                             and "after the kills" in promise_whats(home))
    return figures


def integrity(db: Path) -> str:
    connection = sqlite3.connect(db)
    try:
        return str(connection.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        connection.close()


def promise_whats(home: Path) -> list[str]:
    result = subprocess.run([str(LUCK), "--today", TODAY, "promise", "list", "--limit", "0",
                             "--json"], env=_env(home), check=True, capture_output=True,
                            text=True, timeout=_SECONDS)
    return [p["what"] for p in json.loads(result.stdout)]


@dataclasses.dataclass
class WriterFigures:
    writers: int
    captures: int  # per writer
    ok: int = 0  # captures that exited 0
    failed: list[str] = dataclasses.field(default_factory=list)
    present: int = 0
    lost: list[str] = dataclasses.field(default_factory=list)
    integrity: str = ""


_WRITER = ('for i in $(seq 1 "$2"); do "$0" --today ' + TODAY + ' promise add "$1 $i" '
           '--to "$1" --due fri > /dev/null || echo "failed $1 $i"; done')


def concurrent_writers(home: Path, writers: int, captures: int) -> WriterFigures:
    """`writers` shell loops start together, each running `captures` captures one after
    another; every capture must be stored."""
    figures = WriterFigures(writers, captures)
    tags = [f"writer{n}" for n in range(writers)]
    processes = [subprocess.Popen(["sh", "-c", _WRITER, str(LUCK), tag, str(captures)],
                                  env=_env(home), stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True) for tag in tags]
    for process in processes:
        out, err = process.communicate(timeout=10 * _SECONDS)
        figures.failed += [line for line in out.splitlines() if line.startswith("failed")]
        figures.failed += [line for line in err.splitlines() if line.strip()]
    expected = {f"{tag} {i}" for tag in tags for i in range(1, captures + 1)}
    found = [w for w in promise_whats(home) if w.startswith("writer")]
    figures.ok = writers * captures - len([f for f in figures.failed
                                           if f.startswith("failed")])
    figures.present = len(set(found) & expected)
    figures.lost = sorted(expected - set(found))
    figures.integrity = integrity(home / "luck.db")
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=1000)
    parser.add_argument("--slots", type=int, default=3)
    parser.add_argument("--writers", type=int, default=10)
    parser.add_argument("--captures", type=int, default=10)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder) / "kills"
        init(home)
        began = time.perf_counter()
        k = kill_writes(home, args.kills, slots=args.slots, seed=args.seed)
        seconds = time.perf_counter() - began
        print(f"kills: {k.attempts} captures started, {args.slots} at a time, one capture "
              f"taking {k.capture_seconds * 1000:.0f} ms whole ({seconds:.0f} s in all)")
        print(f"  killed while running     {k.killed} ({k.killed_after_ack} after their "
              "success line)")
        print(f"  finished before the kill {k.completed}")
        print(f"  failed on their own      {len(k.failed)}")
        print(f"  acknowledged             {k.acknowledged}")
        print(f"  found afterwards         {k.present}")
        print(f"  acknowledged but lost    {len(k.lost)}")
        print(f"  stored twice             {len(k.duplicates)}")
        print(f"  integrity_check          {k.integrity}")
        print(f"  a capture after it all   {'ok' if k.written_after else 'FAILED'}")
        home = Path(folder) / "writers"
        init(home)
        began = time.perf_counter()
        w = concurrent_writers(home, args.writers, args.captures)
        seconds = time.perf_counter() - began
        print(f"writers: {w.writers} at once, {w.captures} captures each ({seconds:.0f} s)")
        print(f"  captures that exited 0   {w.ok} of {w.writers * w.captures}")
        print(f"  found afterwards         {w.present}")
        print(f"  lost                     {len(w.lost)}")
        print(f"  integrity_check          {w.integrity}")
        for line in k.failed[:5] + w.failed[:5]:
            print(f"  ! {line}")
    good = (not k.lost and not k.duplicates and k.integrity == "ok" and k.written_after
            and not w.lost and w.integrity == "ok")
    return 0 if good else 1


if __name__ == "__main__":
    sys.exit(main())
