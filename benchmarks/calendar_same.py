"""Write what `luck calendar audit` says about every test calendar, to compare two trees.

Every ICS file under tests/ (the corpus of public test calendars and the fixtures) and
the busy year of `calendar_audit.py` is audited over four windows (2025-2026, June 2025,
2006-2015 and 1996-2005), as JSON and as text in UTC, in one process; each output (exit
code, stdout, stderr) goes to a file of OUT. Run it once with the tree before a change
and once with the tree after it, then compare the folders:

    PYTHONPATH=/path/to/old/src .venv/bin/python benchmarks/calendar_same.py /tmp/before
    .venv/bin/python benchmarks/calendar_same.py /tmp/after
    diff -r /tmp/before /tmp/after && echo same

LUCK_HOME should name a workspace (`luck init`); TZ is ignored.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WINDOWS = [("2025-01-01", "2026-12-31"), ("2025-06-01", "2025-06-30"),
           ("2006-01-01", "2015-12-31"), ("1996-01-01", "2005-12-31")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="the folder to write the outputs to")
    args = parser.parse_args()
    os.environ.pop("TZ", None)
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from calendar_audit import data_file
    from luckos.cli import main as luck

    files = [*sorted(ROOT.glob("tests/**/*.ics")), data_file(1)]
    args.out.mkdir(parents=True, exist_ok=True)
    for path in files:
        name = str(path.relative_to(ROOT)).replace("/", "__")
        for first, last in WINDOWS:
            for how in (["--json"], ["--tz", "UTC"]):
                out, err = io.StringIO(), io.StringIO()
                code: object = 0
                with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                    try:
                        luck(["--today", "2026-11-25", "calendar", "audit", str(path),
                              "--from", first, "--to", last, *how])
                    except SystemExit as exc:
                        code = exc.code or 0
                    except Exception as exc:  # noqa: BLE001 - an escape is an answer too
                        code = f"{type(exc).__name__}: {exc}"
                (args.out / f"{name}__{first}__{how[0]}").write_text(
                    f"exit {code}\n{out.getvalue()}\n--stderr--\n{err.getvalue()}")
    print(f"{len(files)} files x {len(WINDOWS)} windows x 2 outputs written to {args.out}")


if __name__ == "__main__":
    main()
