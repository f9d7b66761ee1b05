"""A big, deterministic fuzz of every `luck` command: each malformed value of each
parameter (the other required ones plausible), run against a copy of the demo workspace.

    python benchmarks/fuzz_cli.py [--only 'promise add'] [--show 20]

Prints cases run and problems found per parser and per command; a problem is an
exception escaping, an exit code other than 0, 1 or 2, a traceback in the output, or a
refusal (exit 2) that changed the database. Exit code 1 when any problem was found.
"""

from __future__ import annotations

import argparse
import collections
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the tests package

from tests.cli_walker import cases_for, leaves, sandbox, shorten  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="", help="only commands whose name starts so")
    parser.add_argument("--show", type=int, default=30, help="problems to print in full")
    options = parser.parse_args()
    started = time.perf_counter()
    per_parser: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    per_command: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    causes: collections.Counter[str] = collections.Counter()
    examples: dict[str, str] = {}
    shown = 0
    with tempfile.TemporaryDirectory() as folder:
        box = sandbox(Path(folder))
        for leaf in leaves():
            if not leaf.name.startswith(options.only):
                continue
            for param, argv in cases_for(leaf, box.files):
                outcome = box.run(argv)
                name = param.parser if param else "(valid)"
                per_parser[name][0] += 1
                per_command[leaf.name][0] += 1
                if outcome.problem:
                    per_parser[name][1] += 1
                    per_command[leaf.name][1] += 1
                    cause = outcome.problem.split(": ", 1)[0]  # the type and where
                    causes[cause] += 1
                    examples.setdefault(cause, shorten(argv))
                    if shown < options.show:
                        shown += 1
                        print(f"PROBLEM {outcome.problem}\n    luck {shorten(argv)}")
    total = sum(n for n, _ in per_command.values())
    bad = sum(b for _, b in per_command.values())
    print(f"\n{total} cases over {len(per_command)} commands in "
          f"{time.perf_counter() - started:.0f} s; {bad} problems, {len(causes)} causes")
    print("\nper parser (cases, problems):")
    for name, (n, b) in sorted(per_parser.items()):
        print(f"  {name:10} {n:6} {b:5}")
    print("\nper command (cases, problems):")
    for name, (n, b) in sorted(per_command.items()):
        print(f"  {name:28} {n:5} {b:4}")
    if causes:
        print("\ncauses:")
        for cause, n in causes.most_common():
            print(f"  {n:5}  {cause}\n         luck {examples[cause][:150]}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
