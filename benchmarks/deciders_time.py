"""Benchmark time with the people who decide, in-process, against the calendar audit.

The busy year of `calendar_audit.py` (5,000 VEVENTs) is read and audited, and the time
with deciders is computed from that audit for a workspace naming four of its people
(two deciders and a veto of two windows, one sponsor); then the year is imported and
the hours by quarter over the kept audits are computed beside the re-audit. CPU time of
each step, median of several runs, in one process (the subprocess timings of
`calendar_audit.py` carry the start-up and the machine's noise):

    .venv/bin/python benchmarks/deciders_time.py [--runs 7]

Target (issue 13): time with deciders adds at most 10% to the audit's time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from calendar_audit import FIRST_YEAR, ME, _luck, data_file, deciders_workspace  # noqa: E402


def _cpu(step: Callable[[], Any], runs: int) -> tuple[float, Any]:
    """Median CPU seconds of `runs` calls, and the last result."""
    seconds, result = [], None
    for _ in range(runs):
        began = time.process_time()
        result = step()
        seconds.append(time.process_time() - began)
    return statistics.median(seconds), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="runs per figure (median)")
    args = parser.parse_args()
    from luckos.app import calendar as app
    from luckos.app import deciders
    from luckos.workspace import open_workspace

    path = data_file(1)
    today_text = f"{FIRST_YEAR}-12-01"
    today = dt.date.fromisoformat(today_text)
    window = (dt.date(FIRST_YEAR, 1, 1), dt.date(FIRST_YEAR, 12, 31))
    home = Path(tempfile.mkdtemp(prefix="luck-bench-deciders-"))
    luck = _luck()
    try:
        deciders_workspace(luck, home, today_text, FIRST_YEAR)
        ws = open_workspace(home, quick_check=False)
        audit_s, report = _cpu(lambda: app.audit_file(path, config=ws.config, window=window,
                                                      me=(ME,)), args.runs)
        time_s, found = _cpu(lambda: deciders.for_report(ws, report, today), args.runs)
        print(f"{path.name}: read and audit {audit_s:.3f}s CPU; time with deciders "
              f"{time_s * 1000:.1f} ms ({100 * time_s / audit_s:+.1f}%)  target <= +10%")
        print(f"  {found.hours:.1f} h with {sum(1 for p in found.people if p.meetings)} "
              f"deciders over {found.weeks:.1f} weeks")
        env = {**os.environ, "LUCK_HOME": str(home), "NO_COLOR": "1"}
        subprocess.run([luck, "--today", today_text, "calendar", "import", str(path),
                        "--from", str(window[0]), "--to", str(window[1]), "--me", ME],
                       env=env, check=True, stdout=subprocess.DEVNULL)
        again_s, kept_report = _cpu(lambda: app.audit_latest(ws), args.runs)
        shown = deciders.for_report(ws, kept_report, today)
        reuse_s, kept = _cpu(lambda: deciders.kept(ws, today, kept_report, shown), args.runs)
        fresh_s, _ = _cpu(lambda: deciders.kept(ws, today), args.runs)
        print(f"  kept: re-audit {again_s:.3f}s CPU; hours by quarter over the kept audit "
              f"{reuse_s * 1000:.1f} ms beside it ({100 * reuse_s / again_s:+.1f}%), "
              f"{fresh_s * 1000:.1f} ms read afresh ({100 * fresh_s / again_s:+.1f}%)")
        print(f"  {len(kept.quarters)} quarters, {kept.hours(kept.quarters[0][0]):.1f} h "
              f"in {kept.quarters[0][0]}")
        ws.store.close()
    finally:
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
