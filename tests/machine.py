"""Running `luck` in a real process under conditions of the machine that a test cannot
fake from inside: a disk that fills up, and files the process may not write.

- A full disk: RLIMIT_FSIZE caps the size of any file the process writes. With SIGXFSZ
  ignored, a write past the cap fails with EFBIG, as a write to a full disk fails with
  ENOSPC: the same code path (an OSError from write, or SQLite's I/O error).
- A read-only file or folder: chmod, as a user would. Tests here run as root, and root
  ignores permissions through the capabilities CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH and
  CAP_FOWNER; the child drops them from its bounding set before it starts, so after exec
  it is a root that permission bits bind, like any other user. (A non-root run needs
  nothing: chmod binds it already.)
"""

from __future__ import annotations

import ctypes
import os
import resource
import signal
import subprocess
from collections.abc import Callable
from pathlib import Path

from tests.conftest import LUCK_EXE, TODAY_TEXT, subprocess_env

_PR_CAPBSET_DROP = 24
_OVERRIDES = (1, 2, 3)  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER


def _limits(fsize: int | None, bound_by_modes: bool) -> Callable[[], None]:
    def apply() -> None:
        if fsize is not None:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))
        if bound_by_modes and os.geteuid() == 0:
            libc = ctypes.CDLL(None, use_errno=True)
            for cap in _OVERRIDES:
                if libc.prctl(_PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
                    raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")
    return apply


def run(home: Path, *args: str, fsize: int | None = None, bound_by_modes: bool = False,
        stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    """`luck --today 2026-11-25 ARGS` in a process of its own, limited as asked."""
    return subprocess.run(
        [str(LUCK_EXE), "--today", TODAY_TEXT, *args], env=subprocess_env(home),
        input=stdin.decode() if stdin is not None else None, capture_output=True,
        text=True, check=False, preexec_fn=_limits(fsize, bound_by_modes), timeout=120)


def one_error_line(done: subprocess.CompletedProcess[str]) -> str:
    """The bad-input contract in a real process: exit 2, one line, no traceback."""
    assert done.returncode == 2, (done.returncode, done.stdout, done.stderr)
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("luck: error: "), done.stderr
    return lines[0]
