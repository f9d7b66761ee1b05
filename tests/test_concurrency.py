"""Two processes writing at once lose nothing."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from luckos.store import SCHEMA_VERSION
from tests.conftest import LUCK_EXE, Luck, subprocess_env

# Each writer waits for a shared start time, then adds its promises one command (one
# transaction) at a time through the application layer, as `luck promise add` does.
_WRITER = textwrap.dedent("""
    import datetime as dt, sys, time
    from pathlib import Path
    from luckos.app import records
    from luckos.workspace import open_workspace

    home, tag, count, start = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
    ws = open_workspace(home)
    kind = records.kind_named("promise")
    today = dt.date(2026, 11, 25)
    while time.time() < start:
        time.sleep(0.001)
    for i in range(count):
        records.add(ws, kind, {"what": f"{tag} promise {i}", "to_whom": tag, "due": "+7d"},
                    today)
    ws.close()
    print("done")
""")

_OPENER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from luckos.store import Store

    path, start = Path(sys.argv[1]), float(sys.argv[2])
    while time.time() < start:
        time.sleep(0.001)
    store = Store.open(path, create=True)
    print(store.schema_version())
    store.close()
""")


def _run_together(commands: list[list[str]], env: dict[str, str] | None = None
                  ) -> list[subprocess.CompletedProcess]:
    processes = [subprocess.Popen(c, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  text=True, env=env) for c in commands]
    results = []
    for process, command in zip(processes, commands, strict=True):
        out, err = process.communicate(timeout=120)
        results.append(subprocess.CompletedProcess(command, process.returncode, out, err))
    return results


def _integrity(db: Path) -> str:
    connection = sqlite3.connect(db)
    try:
        return connection.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        connection.close()


def test_two_writers_lose_nothing(luck: Luck) -> None:
    count = 150
    start = f"{time.time() + 1.0:.3f}"  # both begin together, after start-up
    results = _run_together([
        [sys.executable, "-c", _WRITER, str(luck.home), tag, str(count), start]
        for tag in ("alpha", "beta")
    ])
    for result in results:
        assert (result.returncode, result.stdout.strip(), result.stderr) == (0, "done", "")
    promises = luck.json("promise", "list", "--limit", "0")
    whats = sorted(p["what"] for p in promises)
    expected = sorted(f"{tag} promise {i}" for tag in ("alpha", "beta") for i in range(count))
    assert whats == expected
    assert len({p["id"] for p in promises}) == 2 * count
    assert _integrity(luck.db) == "ok"
    # the search index kept in step with every write
    hits = luck.json("search", "alpha", "--limit", "1000")
    assert len(hits) == count


def test_two_luck_commands_at_once_lose_nothing(luck: Luck) -> None:
    env = subprocess_env(luck.home)
    script = ('for i in $(seq 1 8); do "$0" --today 2026-11-25 promise add "$1 $i" --to "$1" '
              '--due fri > /dev/null || exit 1; done')
    results = _run_together([["sh", "-c", script, str(LUCK_EXE), tag] for tag in ("one", "two")],
                            env=env)
    for result in results:
        assert (result.returncode, result.stderr) == (0, "")
    whats = sorted(p["what"] for p in luck.json("promise", "list", "--limit", "0"))
    assert whats == sorted(f"{tag} {i}" for tag in ("one", "two") for i in range(1, 9))
    assert _integrity(luck.db) == "ok"


def test_two_processes_creating_the_database_at_once(tmp_path: Path) -> None:
    # both find no schema and migrate; the one that waits must not fail on the other's work
    for attempt in range(3):
        db = tmp_path / f"luck{attempt}.db"
        start = f"{time.time() + 0.6:.3f}"
        results = _run_together([[sys.executable, "-c", _OPENER, str(db), start]] * 2)
        for result in results:
            assert (result.returncode, result.stderr) == (0, "")
            assert int(result.stdout) == SCHEMA_VERSION
        assert _integrity(db) == "ok"
