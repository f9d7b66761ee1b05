"""What drawing on a terminal adds to a `luck` command: the command piped and on a
pseudo-terminal (120 by 40, as in `run.py`), in the same rounds, wall and CPU time.

    .venv/bin/python benchmarks/terminal.py [--runs 15] [--src OTHER/src ...] -- ARGS...
    e.g. benchmarks/terminal.py --src /tmp/before/src -- --home benchmarks/data/ten-years \
             --today 2026-11-25 review

Runs `luck ARGS --no-pager`, and with each `--src`, `python -m luckos ARGS --no-pager`
from that source tree (e.g. a checkout of an older commit) in the same rounds, so that
a change can be compared with what it replaced on a machine whose load moves. Prints
the medians and minimums, and the terminal's run against the piped one. The CPU time
is the child's (user + system), which a loaded machine stretches much less than the
wall time. Always exits 0.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import resource
import statistics
import struct
import subprocess
import sys
import termios
import threading
import time
from pathlib import Path

from run import _drain, child_env


def run_once(argv: list[str], env: dict[str, str], tty: bool) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one run, output thrown away."""
    reader, out, master = None, subprocess.DEVNULL, -1
    if tty:
        master, out = pty.openpty()
        fcntl.ioctl(out, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        reader = threading.Thread(target=_drain, args=(master,), daemon=True)
        reader.start()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.perf_counter()
    subprocess.run(argv, stdin=subprocess.DEVNULL, stdout=out, stderr=out, env=env)
    took = time.perf_counter() - began
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if reader is not None:
        os.close(out)
        reader.join(timeout=5)
        os.close(master)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return took, cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="timed rounds (15)")
    parser.add_argument("--warmup", type=int, default=2, help="untimed rounds first (2)")
    parser.add_argument("--src", type=Path, action="append", default=[],
                        help="also run `python -m luckos` from this source folder")
    parser.add_argument("args", nargs=argparse.REMAINDER, help="arguments of `luck`")
    args = parser.parse_args(argv)
    luck_args = [a for a in args.args if a != "--"] + ["--no-pager"]
    luck = Path(sys.executable).parent / "luck"
    trees: list[tuple[str, list[str], dict[str, str]]] = [("luck", [str(luck)], child_env())]
    for src in args.src:
        env = dict(child_env(), PYTHONPATH=str(src.resolve()))
        trees.append((str(src), [sys.executable, "-m", "luckos"], env))
    cases = [(name, tty, [*command, *luck_args], env)
             for name, command, env in trees for tty in (False, True)]
    walls: list[list[float]] = [[] for _ in cases]
    cpus: list[list[float]] = [[] for _ in cases]
    for round_no in range(args.warmup + args.runs):
        for i, (_, tty, command, env) in enumerate(cases):
            wall, cpu = run_once(command, env, tty)
            if round_no >= args.warmup:
                walls[i].append(wall * 1000)
                cpus[i].append(cpu * 1000)
    load = " / ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"luck {' '.join(luck_args)}: {args.runs} rounds, load average {load}")
    print(f"{'wall median':>12} {'min':>7} {'CPU median':>11} {'min':>7}  run")
    for i, (name, tty, _, _) in enumerate(cases):
        wall, cpu = statistics.median(walls[i]), statistics.median(cpus[i])
        against = ""
        if tty:
            piped_wall, piped_cpu = statistics.median(walls[i - 1]), statistics.median(cpus[i - 1])
            against = (f"  (+{wall - piped_wall:.0f} ms, {wall / piped_wall:.2f}x wall; "
                       f"+{cpu - piped_cpu:.0f} ms, {cpu / piped_cpu:.2f}x CPU)")
        print(f"{wall:12.1f} {min(walls[i]):7.1f} {cpu:11.1f} {min(cpus[i]):7.1f}  "
              f"{name} {'on a terminal' if tty else 'piped'}{against}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
