"""Writing the files a command makes, so that no file is ever lost or half-written.

Every command that writes a file (export, backup, feed, `doc new`, `doc render --html`,
`estimate new`, charts, the demo) goes through `write` or `write_with`:

- never onto a workspace's own files (`luck.db`, its `-wal`, `-shm` and `-journal`,
  `luck.toml`) nor onto any SQLite database (its 16-byte header), not even with --force;
- never onto a folder, a device or anything else that is not a regular file;
- an existing file is replaced only when the kind of output allows it: a file luckos
  regenerates (the feed, an HTML page, a chart) replaces a file that carries luckos's own
  mark in its first 4 KB (the feed's PRODID, the page's generator tag, the chart's
  Software tag); anything else needs --force. Exports and starter models replace only
  with --force; backups and drafts never replace anything;
- the bytes go to a temporary file beside the target (mode 0600), are flushed and
  fsynced, then renamed into place, so a reader sees the old file or the new one and a
  failure (disk full, no permission) leaves the old file as it was and no temporary file;
- a new file is 0600 (earned secrets live in exports and backups), and so is a file
  replaced with --force; a feed, page or chart that replaces its own earlier copy keeps
  that copy's mode, so a feed a web server reads stays readable.
"""

from __future__ import annotations

import dataclasses
import errno
import os
import stat
from collections.abc import Callable
from pathlib import Path

from luckos.errors import Conflict, LuckError, NotFound

SQLITE_MAGIC = b"SQLite format 3\x00"
FILE_MODE = 0o600
FOLDER_MODE = 0o700
_HEAD = 4096  # how much of an existing file is read to look for luckos's mark
_SIDE_FILES = ("-wal", "-shm", "-journal")


@dataclasses.dataclass(frozen=True)
class Output:
    """A kind of file a command writes, and when it may replace an existing one."""

    what: str  # how messages name it: "export", "feed", "backup"...
    mark: bytes = b""  # in the first 4 KB of a file luckos made; empty: only --force
    replace: bool = True  # False: never replaces an existing file (backups, drafts)
    example: str = ""  # a file name to suggest when given a folder


def is_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:
        return False


def is_folder(path: Path) -> bool:
    """Whether `path` is a folder; False for a name the system cannot even look up (too
    long, a NUL byte), which `check` then names in one line."""
    try:
        return path.is_dir()
    except (OSError, ValueError):
        return False


def make_folder(path: Path) -> None:
    """Create a folder (and its parents) that only its owner can read (0700)."""
    if path.is_dir():
        return
    if path.exists():
        raise Conflict(f"{path} exists and is not a folder", where=str(path))
    try:
        path.mkdir(parents=True, mode=FOLDER_MODE)
    except FileExistsError:
        pass  # made by another process meanwhile
    except OSError as exc:
        raise LuckError(f"cannot create the folder {path}: {_reason(exc)}") from None


def _workspace_file(path: Path, home: Path | None) -> str | None:
    """Why `path` is a workspace's own file, never to be written by an output."""
    from luckos.workspace import CONFIG_NAME, DB_NAME

    target = _real(path)
    folder = target.parent
    names = {DB_NAME, CONFIG_NAME, *(DB_NAME + s for s in _SIDE_FILES)}
    if target.name not in names:
        return None
    if home is not None and _real(home) == folder:
        return f"{path} is a file of your luckos workspace ({folder})"
    if (folder / DB_NAME).exists() or (folder / CONFIG_NAME).exists():
        return f"{path} is a file of the luckos workspace in {folder}"
    return None


def _database_file(path: Path) -> str | None:
    """Why `path` is a SQLite database or one of its journals (None: it is neither)."""
    target = _real(path)
    if is_sqlite(target):
        return f"{path} is a SQLite database"
    for suffix in _SIDE_FILES:
        if target.name.endswith(suffix) and is_sqlite(target.with_name(
                target.name[:-len(suffix)])):
            return f"{path} belongs to the SQLite database {target.name[:-len(suffix)]}"
    return None


def check(path: Path, output: Output, *, force: bool = False, home: Path | None = None) -> Path:
    """Refuse a target that must not be written (see the module's rules); returns the
    real path to write. Call it before long work, so a refusal comes first."""
    if "\x00" in str(path):
        raise LuckError(f"{str(path)!r}: a file name cannot hold a NUL byte")
    try:
        return _check(path, output, force, home)
    except OSError as exc:  # a name too long, a loop of symbolic links...
        raise LuckError(f"{path}: {_reason(exc)}") from None


def _check(path: Path, output: Output, force: bool, home: Path | None) -> Path:
    target = _real(path)
    if str(path) in ("", "."):
        raise LuckError(f"give a file name for the {output.what}")
    if target.is_dir():
        name = f"such as {output.example}" if output.example else f"for the {output.what}"
        raise LuckError(f"{path} is a folder; give a file name {name}")
    if not target.parent.is_dir():
        raise NotFound(f"{path}: the folder {target.parent} does not exist",
                       where=str(target.parent))
    reason = _workspace_file(path, home)
    if reason is None and target.exists() and not output.replace:
        raise Conflict(f"{path} already exists: a {output.what} never replaces a file; "
                       "choose another name", where=str(path))
    reason = reason or _database_file(path)
    if reason is not None:
        raise LuckError(f"{reason}: refusing to write the {output.what} onto it")
    if not target.exists():
        return target
    if not target.is_file():
        raise LuckError(f"{path} is not a regular file: refusing to write the {output.what}")
    if force or (output.mark and output.mark in _head(target)):
        return target
    made = "" if not output.mark else " and was not made by luckos"
    raise Conflict(f"{path} already exists{made} (use --force to replace it)", where=str(path))


def write(path: Path, data: bytes | str, output: Output, *, force: bool = False,
          home: Path | None = None) -> Path:
    """Write `data` to `path` all or nothing (see the module's rules); returns the path."""
    payload = data.encode("utf-8") if isinstance(data, str) else data

    return write_with(path, lambda temporary: _fill(temporary, payload), output, force=force,
                      home=home)


def write_with(path: Path, produce: Callable[[Path], object], output: Output, *,
               force: bool = False, home: Path | None = None) -> Path:
    """Like `write`, for writers that want a file name (a chart, a SQLite backup):
    `produce` fills the temporary file it is given."""
    target = check(path, output, force=force, home=home)
    temporary = _temporary(target)
    try:
        produce(temporary)
        _sync(temporary)
        if output.mark and target.exists() and output.mark in _head(target):
            # a feed, page or chart luckos made before keeps the mode its owner gave it
            os.chmod(temporary, stat.S_IMODE(target.stat().st_mode))
        _place(temporary, target, replace=output.replace)
    except FileExistsError:
        raise Conflict(f"{path} already exists: a {output.what} never replaces a file; "
                       "choose another name", where=str(path)) from None
    except OSError as exc:
        raise LuckError(f"cannot write {path}: {_reason(exc)}; nothing was written") from None
    finally:
        for leftover in (temporary, *(Path(f"{temporary}{s}") for s in _SIDE_FILES)):
            leftover.unlink(missing_ok=True)
    _sync_folder(target.parent)
    return path


def write_new(target: Path, data: str) -> bool:
    """Write a file only if none is there yet (False: one was, and it is kept)."""
    return create_new(target, lambda temporary: _fill(temporary, data.encode("utf-8")))


def _fill(temporary: Path, payload: bytes) -> None:
    with temporary.open("wb") as handle:
        handle.write(payload)


def create_new(target: Path, produce: Callable[[Path], object]) -> bool:
    """Build a file beside `target` and put it in place only if `target` does not exist
    yet (another process may win the race: then False, and nothing is changed)."""
    temporary = _temporary(target)
    try:
        produce(temporary)
        _sync(temporary)
        _place(temporary, target, replace=False)
    except FileExistsError:
        return False
    except OSError as exc:
        raise LuckError(f"cannot create {target}: {_reason(exc)}; nothing was written"
                        ) from None
    finally:
        for leftover in (temporary, *(Path(f"{temporary}{s}") for s in _SIDE_FILES)):
            leftover.unlink(missing_ok=True)
    _sync_folder(target.parent)
    return True


def _real(path: Path) -> Path:
    return Path(os.path.realpath(path.expanduser()))


def _head(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(_HEAD)
    except OSError:
        return b""


def _temporary(target: Path) -> Path:
    """An empty file of our own beside `target`, mode 0600."""
    while True:
        name = target.with_name(f".{target.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
        try:
            os.close(os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE))
        except FileExistsError:
            continue
        except OSError as exc:
            raise LuckError(f"cannot write {target}: {_reason(exc)}") from None
        return name


def _place(temporary: Path, target: Path, *, replace: bool) -> None:
    if replace:
        os.replace(temporary, target)
        return
    try:
        os.link(temporary, target)  # fails when the target exists: never replaces
    except FileExistsError:
        raise
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EXDEV, errno.EMLINK):
            raise
        if target.exists():  # a file system without hard links: check, then rename
            raise FileExistsError(str(target)) from None
        os.replace(temporary, target)


def _sync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _sync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems cannot sync a folder; the rename is done anyway
    finally:
        os.close(fd)


def _reason(exc: OSError) -> str:
    if exc.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT):
        return f"the disk is full ({exc.strerror})"
    return exc.strerror or str(exc)
