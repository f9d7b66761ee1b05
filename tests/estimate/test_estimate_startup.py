"""What a run of a model loads and starts: not the workspace, not the record registry,
and one BLAS thread."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import loaded_after


def test_running_a_model_loads_neither_the_workspace_nor_the_record_registry(
        tmp_path: Path) -> None:
    # a run reads its model and draws its samples: the record registry, the file writer,
    # the workspace and SQLite are for --save, list, show and --png (and the file writer
    # for the first run's units cache)
    env = {**os.environ, "LUCK_HOME": str(tmp_path / "no-workspace"),
           "XDG_CACHE_HOME": str(tmp_path / "cache")}
    names = ("luckos.domain.records", "luckos.files", "luckos.workspace", "luckos.store",
             "sqlite3", "difflib", "matplotlib", "luckos.app.records")
    for _ in range(2):  # the first run also writes the units cache (with luckos.files)
        result = loaded_after(["estimate", "cold-start", "--samples", "1000"], names, env)
    assert result.summary == "0 []"
    assert "Pitch" in result.stdout


def _after_a_run(tmp_path: Path, blas_threads: str | None) -> str:
    probe = ("import os, sys\n"
             "from luckos.cli import main\n"
             "try:\n"
             "    main(['estimate', 'cold-start', '--samples', '1000'])\n"
             "except SystemExit:\n"
             "    pass\n"
             "print(len(os.listdir('/proc/self/task')), os.environ.get('OPENBLAS_NUM_THREADS'), "
             "file=sys.stderr)\n")
    env = {**os.environ, "LUCK_HOME": str(tmp_path / "no-workspace"),
           "XDG_CACHE_HOME": str(tmp_path / "cache")}
    env.pop("OPENBLAS_NUM_THREADS", None)
    if blas_threads is not None:
        env["OPENBLAS_NUM_THREADS"] = blas_threads
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            timeout=120, env=env)
    return result.stderr.strip().splitlines()[-1]


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="counts threads in /proc")
def test_a_run_keeps_one_blas_thread_unless_the_user_chose(tmp_path: Path) -> None:
    # numpy's OpenBLAS would start a thread per core, spinning for work an estimate never
    # gives it
    assert _after_a_run(tmp_path, None) == "1 None"  # and programs it starts keep theirs
    assert _after_a_run(tmp_path, "2").split()[1] == "2"
