"""Files luck ai writes: created whole or not at all, readable by their owner only."""

from __future__ import annotations

import os
from pathlib import Path

from luckos.errors import LuckError

MODE = 0o600


def create_private(target: Path, text: str) -> bool:
    """Write `text` to a temporary file beside `target` (mode 0600), then link it into
    place only if `target` does not exist: False when it does (it is left untouched).
    Either the whole file appears or none does."""
    temporary = target.with_name(f".{target.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
    try:
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, MODE)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.link(temporary, target)  # fails when the target exists: never replaces
        except FileExistsError:
            return False
        except OSError:
            if target.exists():
                return False
            os.replace(temporary, target)  # a file system without hard links
        return True
    except OSError as exc:
        raise LuckError(f"cannot write {target}: {exc.strerror or exc}; nothing was "
                        "written") from None
    finally:
        temporary.unlink(missing_ok=True)
