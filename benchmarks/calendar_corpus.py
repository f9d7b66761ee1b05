"""The calendar audit on the public ICS test calendars of tests/calendar_corpus: figures.

    .venv/bin/python benchmarks/calendar_corpus.py [--workers 2] [--list]

Runs the corpus test's workers (tests/calendar_audit/corpus_worker.py) and prints how
many files were accepted, refused in one line, refused in any other way (a traceback, a
hang), how many accepted files icalendar + recurring-ical-events could read too and how
many of those counted other occurrences, how many refusals suggested a window and how
many of those windows held events, and the slowest file. `--list` prints every refusal.
Exits 1 when a check of the corpus test would fail.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the tests package

from tests.calendar_audit.corpus_worker import CORPUS, corpus_files, run_corpus  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--list", action="store_true", help="print every refusal")
    args = parser.parse_args()
    files = corpus_files()
    began = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        rows = run_corpus(files, Path(folder), workers=args.workers)
    seconds = time.perf_counter() - began
    accepted = [r for r in rows if r["exit"] == 0]
    one_line = [r for r in rows if r["exit"] == 2 and not r["stderr"]
                and len(str(r["refusal"]).splitlines()) == 1]
    other = [r for r in rows if r not in accepted and r not in one_line]
    compared = [r for r in accepted if "reference" in r]
    mismatched = [r for r in compared if r["occurrences"] != r["reference"]]
    suggested = [r for r in rows if r.get("suggested")]
    slowest = max(rows, key=lambda r: float(r.get("cpu_seconds", 0.0)))  # type: ignore[arg-type]
    print(f"files                       {len(rows)} ({len(files)} in the corpus, "
          f"{args.workers} workers, {seconds:.1f} s)")
    print(f"accepted                    {len(accepted)} "
          f"({sum(int(r['occurrences']) for r in accepted)} occurrences)")  # type: ignore[call-overload]
    print(f"  compared with the libraries {len(compared)}; other counts: {len(mismatched)}")
    print(f"  the libraries fail on     {len(accepted) - len(compared)} "
          f"({dict(Counter(str(r['reference_error']) for r in accepted if 'reference' not in r))})")
    print(f"refused in one line         {len(one_line)}")
    print(f"anything else               {len(other)}")
    print(f"refusals suggesting a window {len(suggested)}, "
          f"of which the window held events: {sum(1 for r in suggested if r['exit'] == 0)}")
    print(f"slowest audit               {Path(str(slowest['file'])).relative_to(CORPUS)} "
          f"({float(slowest.get('cpu_seconds', 0.0)):.2f} s of CPU, "  # type: ignore[arg-type]
          f"{float(slowest.get('seconds', 0.0)):.2f} s wall, in-process; "  # type: ignore[arg-type]
          "both windows if a second was suggested)")
    reasons = Counter(str(r["refusal"]).removeprefix(f"{r['file']}: ")
                      .split(" (")[0].split(";")[0].strip() for r in one_line)
    kinds = Counter("no events in the window" if k.startswith("no events between") else
                    "none of its events readable" if k.startswith(("none of its", "its only"))
                    else k for k in reasons.elements())
    for reason, count in kinds.most_common():
        print(f"  {count:4}  {reason}")
    for r in mismatched + other:
        print(f"  ! {r['file']}: {r['exit']} {r.get('occurrences')} vs {r.get('reference')} "
              f"{str(r['stderr'])[-300:]}")
    if args.list:
        for r in one_line:
            print(f"  {r['file']}: {r['refusal']}")
    return 1 if mismatched or other else 0


if __name__ == "__main__":
    sys.exit(main())
