"""Audit calendar files one after another, as `luck calendar audit FILE --json` does, and
count each one's occurrences with icalendar + recurring-ical-events as well.

Run as `python -m tests.calendar_audit.corpus_worker FILE...` in the repository's folder
(LUCK_HOME should name an empty folder): one JSON line per file on stdout, preceded by a
`start` line, so that whoever reads them knows which file a worker was on if it stops
answering. `run_corpus` runs workers in parallel and reads them; it serves the corpus
test and `benchmarks/calendar_corpus.py`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import re
import sys
import time
import traceback
from pathlib import Path

TODAY = "2026-11-25"
FIRST_WINDOW = (dt.date(2025, 1, 1), dt.date(2026, 12, 31))
_SPAN = re.compile(r"its events run from (\d{4}-\d{2}-\d{2}) to (\d{4}-\d{2}-\d{2}) ")


def _ten_years_from(first: dt.date) -> dt.date:
    try:
        after = first.replace(year=first.year + 10)
    except ValueError:  # 29 February
        after = dt.date(first.year + 10, 3, 1)
    return after - dt.timedelta(days=1)


def _luck(path: Path, window: tuple[dt.date, dt.date]) -> tuple[object, str, str]:
    """`luck calendar audit PATH --from --to --tz UTC --json`: (exit, stdout, stderr);
    the exit is "traceback" when an exception escaped the entry point."""
    from luckos.cli import main

    args = ["--today", TODAY, "calendar", "audit", str(path), "--from",
            window[0].isoformat(), "--to", window[1].isoformat(), "--tz", "UTC", "--json"]
    out, err = io.StringIO(), io.StringIO()
    code: object = 0
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            main(args)
        except SystemExit as exc:
            code = exc.code or 0
        except BaseException:  # noqa: BLE001 - a traceback is what this looks for
            code = "traceback"
            err.write(traceback.format_exc())
    return code, out.getvalue(), err.getvalue()


def _refusal(code: object, out: str) -> str:
    """The message of the error object `--json` prints on a refusal, or ""."""
    if code != 2:
        return ""
    try:
        return str(json.loads(out)["error"]["message"])
    except (ValueError, KeyError, TypeError):
        return ""


def audit_one(path: Path) -> dict[str, object]:
    """What `luck calendar audit` says about `path` over 2025-2026, or over the days its
    refusal suggests (at most ten years of them), and what the libraries count there."""
    began, cpu = time.perf_counter(), time.process_time()
    window = FIRST_WINDOW
    code, out, err = _luck(path, window)
    suggested = None
    found = _SPAN.search(_refusal(code, out))
    if found:
        first = dt.date.fromisoformat(found.group(1))
        last = min(dt.date.fromisoformat(found.group(2)), _ten_years_from(first))
        window = suggested = (first, last)
        code, out, err = _luck(path, window)
    row: dict[str, object] = {
        "file": str(path), "window": [window[0].isoformat(), window[1].isoformat()],
        "suggested": suggested is not None, "exit": code, "stderr": err,
        "refusal": _refusal(code, out),  # the message of the error object on stdout
        # the audit (twice if a window was suggested), in-process: wall and CPU time
        "seconds": time.perf_counter() - began, "cpu_seconds": time.process_time() - cpu}
    if code == 0:
        data = json.loads(out)
        row["occurrences"] = data["occurrences"]
        row["skipped"] = data["skipped"]
        try:
            from tests.calendar_audit.reference import reference_count

            row["reference"] = reference_count(path, *window)
        except Exception as exc:  # noqa: BLE001 - the libraries' own failure, recorded
            row["reference_error"] = type(exc).__name__
    return row


CORPUS = Path(__file__).resolve().parents[1] / "calendar_corpus"
ROOT = CORPUS.parents[1]  # the repository's folder, where the workers run
WORKER = "tests.calendar_audit.corpus_worker"


def corpus_files() -> list[Path]:
    return sorted(CORPUS.rglob("*.ics"))


def run_corpus(paths: list[Path], home: Path, *, workers: int = 2,
               per_file_seconds: float = 120.0) -> list[dict[str, object]]:
    """Audit `paths` in `workers` processes of this script; one row per file.

    A worker that gives no answer for `per_file_seconds` is killed and its file is
    reported with exit "hung" (a guard against a hang, not a measure of speed)."""
    import os
    import queue
    import subprocess
    import threading

    env = dict(os.environ, LUCK_HOME=str(home))
    env.pop("TZ", None)
    lines: queue.Queue[tuple[int, str | None]] = queue.Queue()
    processes = []
    for number in range(workers):
        share = [str(p.resolve()) for p in paths[number::workers]]
        if not share:
            continue
        process = subprocess.Popen([sys.executable, "-m", WORKER, *share], env=env,
                                   cwd=ROOT, stdout=subprocess.PIPE,
                                   stderr=subprocess.DEVNULL, text=True)
        processes.append(process)

        def pump(process: subprocess.Popen[str] = process, number: int = number) -> None:
            assert process.stdout is not None
            for line in process.stdout:
                lines.put((number, line))
            lines.put((number, None))

        threading.Thread(target=pump, daemon=True).start()
    rows: list[dict[str, object]] = []
    current: dict[int, str] = {}
    running = len(processes)
    try:
        while running:
            try:
                number, line = lines.get(timeout=per_file_seconds)
            except queue.Empty:
                for name in current.values():
                    rows.append({"file": name, "exit": "hung", "stderr": ""})
                break
            if line is None:
                running -= 1
                name = current.pop(number, None)
                if name is not None:  # the worker died on this file
                    rows.append({"file": name, "exit": "died", "stderr": ""})
                continue
            row = json.loads(line)
            if "start" in row:
                current[number] = row["start"]
            else:
                current.pop(number, None)
                rows.append(row)
    finally:
        for process in processes:
            process.kill()
            process.wait()
    return rows


def main(paths: list[str]) -> None:
    output = sys.stdout
    for name in paths:
        output.write(json.dumps({"start": name}) + "\n")
        output.flush()
        output.write(json.dumps(audit_one(Path(name))) + "\n")
        output.flush()


if __name__ == "__main__":
    main(sys.argv[1:])
