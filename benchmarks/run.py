"""Time the installed `luck` on ten years of data, beside the targets of DESIGN.md §5.

    .venv/bin/python benchmarks/run.py [--runs 15] [--data DIR] [--no-tty] [--markdown]
                                       [--only TEXT ...]

Each command runs as a real process (the `luck` script next to this interpreter): two
warm-up rounds, then `--runs` timed rounds, each round running every command once. Wall
time is taken around the process, from start to exit. Peak memory is the command's
maximum resident set size as GNU time reports it (three more runs); a child started
straight from this Python would count this Python's own memory too.

The targets are ratios to a baseline measured in the same rounds, so that they hold on
a noisy machine: most commands against a bare five-command Click program
(`bare_click.py`), `luck estimate` against importing numpy and pint, the review on a
pseudo-terminal (where it draws Rich tables) against the same review piped.
Always exits 0: it prints figures, it fails no build.
"""

from __future__ import annotations

import argparse
import dataclasses
import fcntl
import json
import os
import platform
import pty
import shutil
import sqlite3
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_DATA = HERE / "data" / "ten-years"
PYCACHE = HERE / "data" / "pycache"
GNU_TIME = "/usr/bin/time"
BARE_QUERY = ("import sqlite3, sys; db = sqlite3.connect(sys.argv[1]); "
              "print(len(db.execute('SELECT id, due, status, to_whom, what FROM promise "
              "ORDER BY {} LIMIT 20').fetchall()))")


BARE = "bare Click: five commands"


@dataclasses.dataclass
class Case:
    label: str
    argv: list[str]
    ratio: float | None = None  # median wall time at most this times the baseline's
    base: str = BARE  # the label of the baseline case
    plus_ms: float | None = None  # or: at most this many ms more than the baseline
    target_mb: float | None = None  # peak resident memory
    tty: bool = False
    tty_ratio: float | None = None  # also run on a pseudo-terminal, against this case


@dataclasses.dataclass
class Result:
    case: Case
    times: list[float]  # seconds
    peak_mb: float | None = None
    failure: str = ""

    @property
    def median_ms(self) -> float:
        return statistics.median(self.times or [0]) * 1000

    @property
    def min_ms(self) -> float:
        return min(self.times or [0]) * 1000

    def against(self, base: Result | None) -> tuple[str, str, str]:
        """(the figure against its baseline, the target, the verdict)."""
        case = self.case
        if self.failure or not self.times:
            return "", "", "FAILED: " + self.failure
        if base is None or not base.times or (case.ratio is None and case.plus_ms is None):
            return "", "", ""
        if case.plus_ms is not None:
            extra = self.median_ms - base.median_ms
            figure, target = f"+{extra:.0f} ms", f"<= +{case.plus_ms:.0f} ms"
            over = extra > case.plus_ms
        else:
            ratio = self.median_ms / base.median_ms
            figure, target = f"{ratio:.2f}x", f"<= {case.ratio:.1f}x"
            over = ratio > (case.ratio or 0)
        over = over or (case.target_mb is not None and (self.peak_mb or 0) > case.target_mb)
        of = "piped" if case.tty else "bare Click" if case.base == BARE else "the imports"
        return figure, f"{target} {of}", "OVER" if over else "ok"


def cases(luck: Path, data: Path, capture_home: Path, meta: dict) -> list[Case]:
    py, db = sys.executable, str(data / "luck.db")
    home = ["--home", str(data), "--today", meta["today"]]
    found = [
        Case("baseline: python -c pass", [py, "-c", "pass"]),
        Case("baseline: python -c 'import click'", [py, "-c", "import click"]),
        Case(BARE, [py, str(HERE / "bare_click.py"), "add", "send the benchmark figures",
                    "--to", "Ana Abe", "--due", "fri"]),
        Case("baseline: sqlite3 script, 20 newest by id",
             [py, "-c", BARE_QUERY.format("id DESC"), db]),
        Case("luck --help", [str(luck), "--help"], 1.2),
        Case("luck promise show p1 (start-up floor)", [str(luck), *home, "promise", "show", "p1"]),
        Case("luck promise add (capture)",
             [str(luck), "--home", str(capture_home), "--today", meta["today"], "promise",
              "add", "send the benchmark figures", "--to", "Ana Abe", "--due", "fri"], 1.5),
        Case("luck promise list --limit 20", [str(luck), *home, "promise", "list",
                                              "--limit", "20"], 1.6),
        Case("luck ledger", [str(luck), *home, "ledger"], 1.6),
        Case("luck review", [str(luck), *home, "review"], 2.2, target_mb=100, tty_ratio=1.3),
        Case("luck check", [str(luck), *home, "check"], 2.2),
    ]
    for text, hits in meta["search_hits"].items():
        found.append(Case(f"luck search {text} ({hits:,} hits)",
                          [str(luck), *home, "search", *text.split()], 2.2, target_mb=100))
    # `luck estimate` imports numpy with one OpenBLAS thread (it does no linear algebra,
    # and each thread spins at start); the baseline it is held to does the same, so the
    # figure is luckos's share, not the threads it spared
    numpy_pint = "baseline: python -c 'import numpy, pint' (one BLAS thread)"
    one_thread = "import os; os.environ['OPENBLAS_NUM_THREADS'] = '1'; import numpy, pint"
    found += [
        Case("baseline: python -c 'import numpy, pint'", [py, "-c", "import numpy, pint"]),
        Case(numpy_pint, [py, "-c", one_thread]),
        Case("luck estimate cold-start", [str(luck), *home, "estimate", "cold-start"],
             base=numpy_pint, plus_ms=100),
    ]
    return found


def child_env() -> dict[str, str]:
    """The environment of a user's shell: bytecode cached (in a folder of our own, so
    that a PYTHONDONTWRITEBYTECODE set here does not make every run compile luckos)."""
    env = dict(os.environ, TERM="xterm-256color", PYTHONPYCACHEPREFIX=str(PYCACHE))
    for name in ("LUCK_HOME", "PYTHONDONTWRITEBYTECODE", "NO_COLOR", "COLUMNS"):
        env.pop(name, None)
    return env


def _drain(fd: int) -> None:
    try:
        while os.read(fd, 65536):
            pass
    except OSError:  # EIO once the child side is closed
        pass


def run_once(argv: list[str], tty: bool) -> tuple[float, int]:
    """One run, output thrown away: (wall seconds, exit code)."""
    reader, out = None, subprocess.DEVNULL
    if tty:
        master, out = pty.openpty()
        fcntl.ioctl(out, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        reader = threading.Thread(target=_drain, args=(master,), daemon=True)
        reader.start()
    env = child_env()
    began = time.perf_counter()
    code = subprocess.run(argv, stdin=subprocess.DEVNULL, stdout=out, stderr=out,
                          env=env).returncode
    took = time.perf_counter() - began
    if reader is not None:
        os.close(out)
        reader.join(timeout=5)
        os.close(master)
    return took, code


def peak_rss_mb(case: Case, runs: int) -> float | None:
    if not Path(GNU_TIME).exists():
        return None
    worst = 0
    with tempfile.NamedTemporaryFile("r") as report:
        for _ in range(runs):
            run_once([GNU_TIME, "-f", "%M", "-o", report.name, *case.argv], case.tty)
            report.seek(0)
            worst = max(worst, int(report.read().split()[-1]))
    return worst / 1024


def measure(todo: list[Case], runs: int, warmup: int) -> list[Result]:
    """Round-robin: each round runs every command once, so that a burst of load on a
    shared machine slows all of them alike instead of one command's whole series."""
    results = {id(c): Result(c, []) for c in todo}
    for case in todo:
        check = subprocess.run(case.argv, capture_output=True, text=True,
                               stdin=subprocess.DEVNULL, env=child_env())
        if not check_exit(case, check.returncode):
            results[id(case)].failure = (check.stderr or check.stdout).strip()[-200:]
    live = [c for c in todo if not results[id(c)].failure]
    for round_no in range(warmup + runs):
        print(f"  round {round_no + 1} of {warmup + runs}", file=sys.stderr, flush=True)
        for case in live:
            took, code = run_once(case.argv, case.tty)
            if not check_exit(case, code):
                results[id(case)].failure = f"exit {code} during timing"
            elif round_no >= warmup:
                results[id(case)].times.append(took)
    for case in live:
        results[id(case)].peak_mb = peak_rss_mb(case, 3)
    return [results[id(c)] for c in todo]


def check_exit(case: Case, code: int) -> bool:
    """`luck check` exits 1 when an invariant breaks, as it does on this data."""
    return code == 0 or (code == 1 and case.argv[-1:] == ["check"])


def print_table(results: list[Result], markdown: bool) -> None:
    head = ("command", "median", "min", "against", "target", "peak RSS", "target", "")
    by_label = {res.case.label: res for res in results}
    rows = []
    for res in results:
        case = res.case
        figure, target, verdict = res.against(by_label.get(case.base))
        mb = f"<= {case.target_mb:.0f} MB" if case.target_mb else ""
        rss = "-" if res.peak_mb is None else f"{res.peak_mb:.1f} MB"
        rows.append((case.label, f"{res.median_ms:.1f} ms", f"{res.min_ms:.1f} ms", figure,
                     target, rss, mb, verdict))
    if markdown:
        print("| command | median | min | against | target | peak RSS | target | verdict |")
        print("|---|---:|---:|---:|---|---:|---:|---|")
        for row in rows:
            print("| " + " | ".join(c.replace("<=", "≤") for c in row) + " |")
        return
    widths = [max(len(r[i]) for r in (head, *rows)) for i in range(len(head))]
    for row in (head, *rows):
        cells = [c.ljust(w) if i in (0, 4, 7) else c.rjust(w)
                 for i, (c, w) in enumerate(zip(row, widths, strict=True))]
        print("  ".join(cells).rstrip())


def source_version() -> str:
    """The commit of the luckos checkout measured, when this is one."""
    git = subprocess.run(["git", "-C", str(HERE.parent), "describe", "--always", "--dirty"],
                         capture_output=True, text=True)
    return git.stdout.strip() if git.returncode == 0 else "(not a git checkout)"


def ensure_data(data: Path) -> dict | None:
    if not (data / "bench.json").exists():
        print(f"no benchmark data in {data}: generating it", file=sys.stderr, flush=True)
        subprocess.run([sys.executable, str(HERE / "generate.py"), "--out", str(data)],
                       stdout=sys.stderr)
    if not (data / "bench.json").exists():
        return None
    meta: dict = json.loads((data / "bench.json").read_text(encoding="utf-8"))
    return meta


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="timed rounds (15)")
    parser.add_argument("--warmup", type=int, default=2, help="untimed rounds first (2)")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA,
                        help="benchmark workspace (generated when missing)")
    parser.add_argument("--no-tty", action="store_true", help="skip the pseudo-terminal runs")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    parser.add_argument("--only", action="append", default=[], metavar="TEXT",
                        help="only the rows whose label holds TEXT, each with its baseline "
                             "(repeatable; the bare Click baseline is always kept)")
    args = parser.parse_args(argv)
    luck = Path(sys.executable).parent / "luck"
    if not luck.exists():
        print(f"no `luck` next to {sys.executable}: run this with the virtualenv's python "
              "after `pip install -e .`")
        return 0
    data = args.data.resolve()
    meta = ensure_data(data)
    if meta is None:
        print(f"no benchmark data in {data} and it could not be generated: nothing measured")
        return 0
    capture_home = data.with_name(data.name + "-capture")  # captures write to a copy
    if (capture_home / "bench.json").exists():
        shutil.rmtree(capture_home)
    shutil.copytree(data, capture_home)
    counts = meta["counts"]
    print(f"{time.strftime('%Y-%m-%d %H:%M')}, luckos {source_version()}, {os.cpu_count()} CPUs, "
          f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, "
          f"{platform.system()} {platform.release()}")
    print(f"data: {data} ({meta['years']} years to {meta['today']}, "
          f"{sum(counts.values()):,} records: {counts['promise']:,} promises, "
          f"{counts['window']:,} windows, {counts['note']:,} notes)")
    print(f"{args.runs} timed rounds after {args.warmup} warm-up rounds: median and min wall "
          "time; "
          f"peak RSS{'' if Path(GNU_TIME).exists() else ' (needs GNU time)'}\n", flush=True)
    todo = cases(luck, data, capture_home, meta)
    if args.only:
        chosen = [c for c in todo if any(t in c.label for t in args.only)]
        wanted = {BARE, *(c.label for c in chosen), *(c.base for c in chosen)}
        todo = [c for c in todo if c.label in wanted]  # each row with its baseline
    if not args.no_tty:
        # on a terminal a long report goes through the pager: --no-pager times the drawing
        todo += [dataclasses.replace(c, label=c.label + " [tty]", tty=True, base=c.label,
                                     argv=[*c.argv, "--no-pager"], ratio=c.tty_ratio,
                                     plus_ms=None, tty_ratio=None)
                 for c in todo if c.tty_ratio]
    results = measure(todo, args.runs, args.warmup)
    print_table(results, args.markdown)
    empty = results[0]
    if empty.times and empty.median_ms > 1.25 * empty.min_ms:
        print(f"\nthe machine was busy: an empty Python took {empty.median_ms:.1f} ms median "
              f"against {empty.min_ms:.1f} ms at best; compare with the baselines or run again")
    return 0


if __name__ == "__main__":
    sys.exit(main())
