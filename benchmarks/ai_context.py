"""Benchmark `luck ai`: building the context for a brief from ten years of records.

What is timed is everything `luck ai run brief --window ID --dry-run` does in-process
before anything could be sent: read the prompt library, gather the theme, the window, the
three metrics and their readings, the decisions and promises of the theme, the best
full-text matches, render them, redact every message with one `Redactor` and hash the
result. The target is at most 200 ms (issue 14). It prints the median wall time (and CPU
time: the machines are shared) of several runs, the first run apart (it pays for
importing detect-secrets and Jinja), once with the default `[redact]` settings and once
with `names = true` (the people named in 100k promises are redacted too).

    .venv/bin/python benchmarks/generate.py          # once: benchmarks/data/ten-years
    .venv/bin/python benchmarks/ai_context.py [--runs 15] [--data DIR]
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import statistics
import sys
import time
from pathlib import Path

from luckos.workspace import open_workspace

HERE = Path(__file__).resolve().parent
TARGET_MS = 200.0


def _window(ws: object) -> str:
    """A window of a theme, so that the brief has a theme and a window to draw on."""
    row = ws.store.db.execute(  # type: ignore[attr-defined]
        "SELECT id FROM window WHERE theme_id IS NOT NULL ORDER BY id DESC LIMIT 1"
    ).fetchone()
    if row is None:
        raise SystemExit("the workspace has no window linked to a theme")
    return f"w{row[0]}"


def _time(ws: object, window: str, today: dt.date, runs: int) -> tuple[float, float, float,
                                                                      object]:
    from luckos.app.ai import run

    first = None
    walls, cpus = [], []
    result = None
    for index in range(runs + 1):
        wall, cpu = time.perf_counter(), time.process_time()
        result = run(ws, "brief", today, window_ref=window, dry_run=True)  # type: ignore[arg-type]
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        if index == 0:
            first = wall
        else:
            walls.append(wall)
            cpus.append(cpu)
    assert first is not None
    return first * 1000, statistics.median(walls) * 1000, statistics.median(cpus) * 1000, result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--data", type=Path, default=HERE / "data" / "ten-years",
                        help="a workspace built by generate.py")
    args = parser.parse_args(argv)
    meta_path = args.data / "bench.json"
    if not meta_path.exists():
        raise SystemExit(f"no benchmark workspace at {args.data}: run benchmarks/generate.py")
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    today = dt.date.fromisoformat(meta["today"])
    ws = open_workspace(args.data)
    try:
        window = _window(ws)
        rows = sum(meta["counts"].values())
        print(f"context for `luck ai run brief --window {window}` over {rows:,} records "
              f"({meta['years']} years), {args.runs} runs, target {TARGET_MS:.0f} ms")
        worst = 0.0
        for label, names in (("default [redact]", False), ("[redact] names = true", True)):
            redact = dataclasses.replace(ws.config.redact, names=names)
            ws.config = dataclasses.replace(ws.config, redact=redact)
            first, wall, cpu, result = _time(ws, window, today, args.runs)
            size = sum(len(m["content"]) for m in result.messages)  # type: ignore[attr-defined]
            found = sum(result.redacted.values())  # type: ignore[attr-defined]
            print(f"  {label:<22} median {wall:6.1f} ms wall, {cpu:6.1f} ms CPU "
                  f"(first run {first:.0f} ms); {size:,} characters, {found} redacted")
            worst = max(worst, wall)
    finally:
        ws.close()
    verdict = "within" if worst <= TARGET_MS else "OVER"
    print(f"{verdict} the {TARGET_MS:.0f} ms target")
    return 0 if worst <= TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
