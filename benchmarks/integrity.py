"""What the health checks cost on ten years of data: the daily quick_check at open, the
full integrity_check and `luck doctor`.

    .venv/bin/python benchmarks/integrity.py [--data DIR] [--runs 7]

DIR is a workspace built by `benchmarks/generate.py` (default: benchmarks/data/ten-years);
it is copied first, so the original is never changed. Printed figures are medians of
wall time; `open` is `open_workspace` plus one query, with the day's check already done
(every command but the day's first) and due (the day's first command). Always exits 0.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_DATA = HERE / "data" / "ten-years"


def _median_ms(run: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    if not (args.data / "luck.db").is_file():
        print(f"no workspace in {args.data}: run benchmarks/generate.py first")
        return
    from luckos.store.db import QUICK_CHECK_META
    from luckos.workspace import open_workspace

    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder) / "ws"
        shutil.copytree(args.data, home)
        db = home / "luck.db"
        size = db.stat().st_size / 1e6

        def pragma(name: str) -> Callable[[], object]:
            def run() -> object:
                connection = sqlite3.connect(db)
                try:
                    return connection.execute(f"PRAGMA {name}").fetchall()
                finally:
                    connection.close()
            return run

        def opened(due: bool) -> Callable[[], object]:
            def run() -> object:
                if due:
                    connection = sqlite3.connect(db)
                    connection.execute("DELETE FROM meta WHERE key = ?", (QUICK_CHECK_META,))
                    connection.commit()
                    connection.close()
                ws = open_workspace(home)
                try:
                    return ws.store.count("theme")
                finally:
                    ws.close()
            return run

        def doctor() -> object:
            return subprocess.run([str(Path(sys.executable).with_name("luck")), "doctor"],
                                  env={"LUCK_HOME": str(home), "PATH": "/usr/bin:/bin"},
                                  capture_output=True, check=False)

        opened(False)()  # the day's check, once
        print(f"workspace: {size:.0f} MB, {dt.date.today()}, median of {args.runs} runs")
        rows = [("PRAGMA quick_check", pragma("quick_check"), args.runs),
                ("PRAGMA integrity_check", pragma("integrity_check"), args.runs),
                ("open + 1 query, check done", opened(False), args.runs),
                ("open + 1 query, check due", opened(True), args.runs),
                ("luck doctor (process)", doctor, max(3, args.runs // 2))]
        for label, run, runs in rows:
            print(f"  {label:<30} {_median_ms(run, runs):8.1f} ms")

if __name__ == "__main__":
    main()
