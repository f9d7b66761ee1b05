"""Where a `luck` command's start-up time goes: `python -X importtime`, best of N runs.

    .venv/bin/python benchmarks/imports.py [--runs 9] [--top 25] -- ARGS...
    e.g. benchmarks/imports.py -- --home benchmarks/data/ten-years --today 2026-11-25 ledger

Runs `luck ARGS` N times under `-X importtime` (output discarded) and prints, for each
module, the smallest self and cumulative import time seen, the slowest first, with the
total for the packages that matter (click, rich, luckos, the standard library).
Taking the minimum over runs removes most of the noise of a busy machine. Bytecode is
cached as in `run.py`; `-X importtime` itself adds some overhead to every import.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from run import child_env


def importtimes(argv: list[str]) -> dict[str, tuple[int, int, int]]:
    """module -> (self us, cumulative us, depth) from one run."""
    run = subprocess.run([sys.executable, "-X", "importtime", *argv], capture_output=True,
                         text=True, stdin=subprocess.DEVNULL, env=child_env())
    found = {}
    for line in run.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        self_us, cumulative, name = line[len("import time:"):].split("|")
        depth = (len(name) - len(name.lstrip(" "))) // 2
        found[name.strip()] = (int(self_us), int(cumulative), depth)
    return found


def group_of(module: str) -> str:
    top = module.split(".")[0]
    if top in ("click", "rich", "luckos", "dateutil", "parsedatetime", "platformdirs"):
        return top
    return "stdlib" if top in sys.stdlib_module_names or top.startswith("_") else "other"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("args", nargs=argparse.REMAINDER, help="arguments of `luck`")
    args = parser.parse_args(argv)
    luck_args = [a for a in args.args if a != "--"] or ["--help"]
    luck = Path(sys.executable).parent / "luck"
    best: dict[str, list[int]] = {}
    for _ in range(args.runs):
        for name, (self_us, cumulative, depth) in importtimes([str(luck), *luck_args]).items():
            old = best.setdefault(name, [self_us, cumulative, depth])
            old[0], old[1] = min(old[0], self_us), min(old[1], cumulative)
    totals: dict[str, int] = {}
    for name, (self_us, _, _) in best.items():
        totals[group_of(name)] = totals.get(group_of(name), 0) + self_us
    print(f"luck {' '.join(luck_args)}: {len(best)} modules imported, "
          f"{sum(totals.values()) / 1000:.1f} ms of import time (best of {args.runs})")
    print("  by package: " + ", ".join(f"{k} {v / 1000:.1f} ms"
                                       for k, v in sorted(totals.items(), key=lambda x: -x[1])))
    print(f"\n{'self ms':>8} {'cumul. ms':>10}  module (depth in the import tree)")
    ranked = sorted(best.items(), key=lambda item: -item[1][0])[: args.top]
    for name, (self_us, cumulative, depth) in ranked:
        print(f"{self_us / 1000:8.1f} {cumulative / 1000:10.1f}  {name} ({depth})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
