"""File paths as text, for opening a workspace without loading pathlib.

pathlib costs every command about 4 ms (it loads urllib.parse and ipaddress), and a
command that captures, lists or searches records needs no Path: only the workspace's
files as text and whether they are there. Each function answers exactly as its pathlib
counterpart would (the same text, the same errors), so that messages do not change; a
Path is made, and pathlib loaded, where a caller needs one (`Workspace.home`).
"""

from __future__ import annotations

import errno
import os
import stat

# what pathlib's exists() and is_dir() read as "not there" rather than raise
_NOT_THERE = (errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP)


def normal(text: str) -> str:
    """`str(Path(text))`: repeated slashes and `.` parts dropped, no trailing slash (two
    leading slashes kept, as POSIX allows)."""
    if not text:
        return "."
    root = ""
    if text.startswith("/"):
        root = "//" if text.startswith("//") and not text.startswith("///") else "/"
    return root + "/".join(part for part in text.split("/") if part and part != ".") or "."


def child(folder: str, name: str) -> str:
    """`str(Path(folder) / name)` for a `folder` that is `normal` already."""
    if folder == ".":
        return name
    return folder + name if folder.endswith("/") else f"{folder}/{name}"


def _mode(path: str) -> int | None:
    """The file's mode, None when it is not there (raising what pathlib raises)."""
    try:
        return os.stat(path).st_mode
    except OSError as exc:
        if getattr(exc, "errno", None) not in _NOT_THERE:
            raise
        return None
    except ValueError:  # a name the system cannot encode
        return None


def exists(path: str) -> bool:
    """`Path(path).exists()`."""
    return _mode(path) is not None


def is_dir(path: str) -> bool:
    """`Path(path).is_dir()`."""
    mode = _mode(path)
    return mode is not None and stat.S_ISDIR(mode)


def is_file(path: str) -> bool:
    """`Path(path).is_file()`."""
    mode = _mode(path)
    return mode is not None and stat.S_ISREG(mode)


def expanduser(text: str) -> str:
    """`str(Path(text).expanduser())` for a `text` that is `normal` already: a leading
    `~` or `~user` part replaced by that home folder."""
    first, sep, rest = text.partition("/")
    if not first.startswith("~"):
        return text
    home = os.path.expanduser(first)
    if home.startswith("~"):
        raise RuntimeError("Could not determine home directory.")
    return normal(f"{home}/{rest}" if sep else home)
